import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { CHAMPS_FICHES_PAR_STATUT, enumerer, formaterDate, formaterPeriode, STATUTS_FICHE } from '@maillage/domain';
import { useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import type { ContratPublic, FichePublique } from '@maillage/domain/api';
import { useContratPublic } from '../../api/public';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterNombre, formaterPopulation, pluriel } from '../../components/format';
import { PageNonTrouvee } from '../../components/pages-erreur';
import { useTitrePage } from '../../components/titre-page';
import { BadgeStatutContrat, BadgeStatutFiche, libelleGeneration } from '../../components/statuts-contrat';
import { TableauDefilant } from '../../components/tableau-defilant';
import { AvisPublics } from './avis-publics';

// A table of one fiche is captioned in the singular ("Fiche-action de l’axe 3", not "Autres fiches-action").
const fichesAction = (n: number) => (n > 1 ? 'Fiches-action' : 'Fiche-action');
const autres = (n: number) => (n > 1 ? 'Autres fiches-action' : 'Autre fiche-action');

function TableauFiches({ caption, fiches }: { caption: string; fiches: FichePublique[] }) {
  if (!fiches.length) return null;
  return (
    <TableauDefilant
      caption={caption}
      headers={['N°', 'Fiche-action', 'Statut', 'Avancement', 'Pilotes', 'Période']}
      data={fiches.map((f) => [
        formaterNombre(f.numero),
        <div key="i">
          <p className={fr.cx('fr-mb-0', 'fr-text--bold')}>{f.intitule}</p>
          {f.description && <p className={fr.cx('fr-mb-0', 'fr-text--sm')}>{f.description}</p>}
          {f.objectifsOperationnels.length > 0 && (
            <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {f.objectifsOperationnels.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          )}
          {f.thematiques.length + f.publics.length > 0 && (
            <p className={fr.cx('fr-mb-0', 'fr-text--xs')}>{[...f.thematiques, ...f.publics].join(' · ')}</p>
          )}
        </div>,
        <BadgeStatutFiche key="s" statut={f.statut} />,
        f.avancement === null ? '—' : `${formaterNombre(f.avancement)} %`,
        f.pilotes.join(', '),
        f.debut || f.fin ? formaterPeriode(f.debut, f.fin) : '—',
      ])}
    />
  );
}

/** /public/contrats/:id: a published contract, readable by anybody: territory, signatories, strategy, fiches and progress. */
export default function ContratPublicPage() {
  const { id } = useParams();
  const contrat = useContratPublic(id);
  const c = contrat.data;
  useTitrePage(c ? c.intitule : 'Contrat publié');
  if (contrat.isPending) return <Chargement />;
  if (estErreurApi(contrat.error, 404)) return <PageNonTrouvee />;
  if (contrat.error || !c) return <AlerteErreur erreur={contrat.error} titre="Impossible de charger ce contrat" />;
  return (
    <>
      <Breadcrumb
        currentPageLabel={c.intitule}
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Contrats publiés', linkProps: { to: '/public/contrats' } }]}
      />
      <VueContratPublic c={c} />
      <AvisPublics c={c} id={id!} />
    </>
  );
}

/** The public page's content: the same for the published page and for the preview shown before publishing. */
export function VueContratPublic({ c }: { c: ContratPublic }) {
  const parStatut = STATUTS_FICHE.map((s) => ({ statut: s, nombre: c[CHAMPS_FICHES_PAR_STATUT[s]] as number }));
  const part = (n: number) => (c.nombreFiches ? `${formaterNombre(Math.round((100 * n) / c.nombreFiches))} %` : '—');
  return (
    <>
      <h1>{c.intitule}</h1>
      <p>
        <BadgeStatutContrat statut={c.statut} petit={false} /> {libelleGeneration(c.generation)},{' '}
        {c.periodeDebut || c.periodeFin ? formaterPeriode(c.periodeDebut, c.periodeFin) : 'période non renseignée'}
        {c.dateSignature ? `, signé le ${formaterDate(c.dateSignature)}` : ''}.
      </p>

      <h2>Territoire et signataires</h2>
      <ul>
        <li>
          {pluriel(c.territoire.nombreCommunes, 'commune')}, {formaterPopulation(c.territoire.population)}
        </li>
        {c.territoire.epci.length > 0 && (
          <li>
            {c.territoire.epci.length > 1 ? 'Intercommunalités' : 'Intercommunalité'} : {enumerer(c.territoire.epci.map((e) => e.nom))}
          </li>
        )}
        <li>
          {c.territoire.departements.length > 1 ? 'Départements' : 'Département'} :{' '}
          {enumerer(c.territoire.departements.map((d) => `${d.nom} (${d.code})`))}
        </li>
        <li>
          {c.territoire.regions.length > 1 ? 'Régions' : 'Région'} : {enumerer(c.territoire.regions.map((r) => r.nom))}
        </li>
        {c.porteurs.length > 0 && (
          <li>
            {c.porteurs.length > 1 ? 'Collectivités porteuses' : 'Collectivité porteuse'} : {enumerer(c.porteurs)}
          </li>
        )}
        {c.ars.length > 0 && (
          <li>
            {c.ars.length > 1 ? 'Agences régionales de santé' : 'Agence régionale de santé'} : {enumerer(c.ars)}
          </li>
        )}
        {c.signataires.length > 0 && (
          <li>
            Signataires :{' '}
            {c.signataires
              .map((s) => (s.dateSignature ? `${s.organisation} (${formaterDate(s.dateSignature)})` : s.organisation))
              .join(', ')}
          </li>
        )}
      </ul>
      {c.contexte && <p className="maillage-texte-long">{c.contexte}</p>}

      <h2>Avancement des fiches-action</h2>
      <p>
        Avancement du contrat : <strong>{c.avancement === null ? 'non mesuré' : `${formaterNombre(c.avancement)} %`}</strong>. Il se calcule
        à partir des valeurs de suivi validées des fiches-action et, à défaut de mesure, de leur statut.
      </p>
      <Table
        caption={`Fiches-action par statut (${formaterNombre(c.nombreFiches)} au total)`}
        headers={['Statut', 'Fiches', 'Part']}
        data={parStatut.map((s) => [<BadgeStatutFiche key="b" statut={s.statut} />, formaterNombre(s.nombre), part(s.nombre)])}
      />

      <h2>Stratégie et fiches-action</h2>
      {c.axes.length === 0 && c.fichesSansAxe.length === 0 && <p>Ce contrat ne compte encore ni axe ni fiche-action.</p>}
      {c.axes.map((a) => (
        <section key={a.numero} aria-labelledby={`axe-${a.numero}`}>
          <h3 id={`axe-${a.numero}`}>
            Axe {a.numero}. {a.intitule}
          </h3>
          {a.description && <p>{a.description}</p>}
          <p>Avancement de l’axe : {a.avancement === null ? 'non mesuré' : `${formaterNombre(a.avancement)} %`}</p>
          {a.objectifs.map((o) => (
            <div key={o.numero}>
              <h4>
                Objectif {o.numero}. {o.intitule}
              </h4>
              {o.objectifsOperationnels.length > 0 && (
                <ul>
                  {o.objectifsOperationnels.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              )}
              <TableauFiches caption={`${fichesAction(o.fiches.length)} de l’objectif ${o.numero}`} fiches={o.fiches} />
            </div>
          ))}
          <TableauFiches
            caption={`${a.objectifs.some((o) => o.fiches.length > 0) ? autres(a.fichesHorsObjectif.length) : fichesAction(a.fichesHorsObjectif.length)} de l’axe ${a.numero}`}
            fiches={a.fichesHorsObjectif}
          />
        </section>
      ))}
      <TableauFiches
        caption={c.axes.length ? `${fichesAction(c.fichesSansAxe.length)} hors axe` : fichesAction(c.fichesSansAxe.length)}
        fiches={c.fichesSansAxe}
      />
    </>
  );
}
