import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMoyens, libelleMoyen, TYPES_MOYEN } from '@maillage/domain';
import { Link } from 'react-router';
import type { Engagements } from '../../api/annuaire';
import { LienResultat, TableauTotaux } from '../../components/totaux-moyens';

/** The means the organisation commits (seed 002), summed by contract and by year; each is recorded on the contract's governance tab. */
export function MoyensOrganisation({ engagements }: { engagements: Engagements }) {
  const m = engagements.moyens;
  const nom = engagements.organisation.sigle || engagements.organisation.nom;
  return (
    <section aria-labelledby="engagements-moyens" className={fr.cx('fr-mb-6w')}>
      <h2 id="engagements-moyens">Moyens engagés</h2>
      {m.lignes.length === 0 ? (
        <p>
          Aucun moyen engagé n’est enregistré pour {nom} dans les contrats que vous pouvez consulter. Le temps de travail, les financements
          et les apports en nature se notent dans l’onglet « Gouvernance » de chaque contrat.
        </p>
      ) : (
        <>
          <p>
            <strong>Au total :</strong> {formaterMoyens(m.total, { etpCumules: m.parAnnee.length > 1 })}. Les jours, les ETP et les euros ne
            s’additionnent jamais entre eux.
          </p>
          <TableauTotaux
            caption="Moyens engagés par contrat"
            entete="Contrat"
            cumul={m.parAnnee.length > 1}
            lignes={m.parContrat.map((c) => ({
              cle: (
                <Link key={c.contratId} to={`/contrats/${c.contratId}`}>
                  {c.intitule}
                </Link>
              ),
              total: c.total,
            }))}
          />
          <TableauTotaux
            caption="Moyens engagés par année"
            entete="Année"
            lignes={m.parAnnee.map((a) => ({ cle: String(a.annee), total: a.total }))}
          />
          <Table
            caption={`Engagements de ${nom} (${m.lignes.length})`}
            headers={['Contrat', 'Année', 'Moyen', 'Description', 'Objectifs et indicateurs']}
            data={m.lignes.map((l) => [
              <Link key="c" to={`/contrats/${l.contratId}`}>
                {l.contratIntitule}
              </Link>,
              String(l.annee),
              `${TYPES_MOYEN[l.type]} : ${libelleMoyen(l)}`,
              l.description ?? '—',
              <LienResultat key="r" l={l} />,
            ])}
          />
        </>
      )}
    </section>
  );
}
