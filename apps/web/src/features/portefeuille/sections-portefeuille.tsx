import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMontant, formaterPeriode } from '@maillage/domain';
import { Link } from 'react-router';
import type { Decompte, Portefeuille } from '@maillage/domain/api';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre, formaterPopulation } from '../../components/format';
import { BadgeStatutContrat, libelleGeneration } from '../../components/statuts-contrat';
import { CarteDepartements, type ValeurZone } from '../../components/carte-departements';
import { TableauDefilant } from '../../components/tableau-defilant';
import { BarreCouverture } from './barre-couverture';
import { formaterPourcent } from './format-portefeuille';
import { ObjectifCouverture } from './objectif-couverture';

function Chiffre({ valeur, libelle }: { valeur: string; libelle: string }) {
  return (
    <div className={fr.cx('fr-col-6', 'fr-col-md-4', 'fr-col-lg-2')}>
      <p className={fr.cx('fr-mb-0', 'fr-p-2w') + ' maillage-chiffre'}>
        <span className={fr.cx('fr-h3', 'fr-mb-0')}>{valeur}</span>
        <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>{libelle}</span>
      </p>
    </div>
  );
}

export function ChiffresCles({ p }: { p: Portefeuille }) {
  const c = p.chiffres;
  return (
    <section aria-labelledby="chiffres-cles">
      <h2 id="chiffres-cles">Chiffres clés</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-3w')}>
        <Chiffre valeur={formaterNombre(c.contrats)} libelle={c.contrats > 1 ? 'contrats' : 'contrat'} />
        <Chiffre valeur={formaterNombre(c.enVigueur)} libelle="signés ou en évaluation" />
        <Chiffre valeur={formaterNombre(c.interregionaux)} libelle={c.interregionaux > 1 ? 'interrégionaux' : 'interrégional'} />
        <Chiffre valeur={formaterNombre(c.fiches)} libelle={c.fiches > 1 ? 'fiches-action' : 'fiche-action'} />
        <Chiffre valeur={formaterPourcent(p.couverture.pourcent)} libelle="de la population couverte" />
        <Chiffre valeur={formaterNombre(c.alertes)} libelle={c.alertes > 1 ? 'alertes' : 'alerte'} />
      </div>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Table
            caption="Contrats par statut"
            headers={['Statut', 'Contrats']}
            data={c.parStatut.map((s) => [<BadgeStatutContrat key="s" statut={s.statut} />, formaterNombre(s.nombre)])}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Table
            caption="Contrats par génération"
            headers={['Génération', 'Contrats']}
            data={c.parGeneration.map((g) => [libelleGeneration(g.generation), formaterNombre(g.nombre)])}
          />
        </div>
      </div>
    </section>
  );
}

export function Couverture({ p }: { p: Portefeuille }) {
  const { couverture: c, cibleCouverturePourcent: cible } = p;
  const valeurs = new Map<string, ValeurZone>(
    c.parDepartement.map((d) => [
      d.code,
      { valeur: d.pourcent, texte: formaterPourcent(d.pourcent), complement: [formaterNombre(d.contrats)] },
    ]),
  );
  return (
    <section aria-labelledby="couverture">
      <h2 id="couverture">Population couverte par un contrat local de santé</h2>
      <p>
        <strong>{formaterPourcent(c.pourcent)}</strong> de la population de la région ({formaterNombre(c.populationCouverte)} habitants sur{' '}
        {formaterNombre(c.population)}, {formaterNombre(c.communesCouvertes)} communes sur {formaterNombre(c.communes)}) vit dans une
        commune couverte par un contrat signé ou en évaluation.{' '}
        {cible === null ? (
          <>
            La doctrine régionale ne fixe pas de cible de couverture (<Link to={`/doctrine/${p.region.code}`}>doctrine de la région</Link>).
          </>
        ) : c.ecart?.atteinte ? (
          <>La cible de la doctrine, {formaterPourcent(cible)}, est atteinte.</>
        ) : (
          <>
            Cible de la doctrine : {formaterPourcent(cible)} ; il manque {formaterPourcent(c.ecart?.manque)} (soit environ{' '}
            {formaterPopulation(Math.max(0, Math.ceil(((c.ecart?.manque ?? 0) * c.population) / 100)))}).
          </>
        )}
      </p>
      <BarreCouverture pourcent={c.pourcent} cible={cible} />
      <ObjectifCouverture objectif={p.objectifCouverture} />
      <CarteDepartements
        titre={`Part de la population couverte, par département — ${p.region.nom}`}
        valeurs={valeurs}
        departements={c.parDepartement.map((d) => d.code)}
        libelleValeur="Population couverte"
        unite="%"
        enTetesComplement={['Contrats']}
        nommer={(code, nom) => `${nom} (${code})`}
      />
      <Table
        caption="Couverture par département"
        headers={['Département', 'Population', 'Population couverte', 'Part couverte', 'Communes couvertes', 'Contrats']}
        data={c.parDepartement.map((d) => [
          `${d.nom} (${d.code})`,
          formaterNombre(d.population),
          formaterNombre(d.populationCouverte),
          formaterPourcent(d.pourcent),
          `${formaterNombre(d.communesCouvertes)} sur ${formaterNombre(d.communes)}`,
          formaterNombre(d.contrats),
        ])}
      />
    </section>
  );
}

export function ContratsRegion({ p }: { p: Portefeuille }) {
  return (
    <section aria-labelledby="contrats-region">
      <h2 id="contrats-region">Contrats de la région</h2>
      {p.contrats.length === 0 ? (
        <EtatVide
          titre="Aucun contrat local de santé dans la région"
          titreAs="h3"
          action={{ children: 'Créer un contrat', linkProps: { to: '/contrats/nouveau' } }}
        >
          <p>
            Le portefeuille réunira ici chaque contrat de la région, interrégionaux compris, avec son statut, sa génération et ses alertes.
          </p>
        </EtatVide>
      ) : (
        <TableauDefilant
          caption={`Contrats de la région ${p.region.nom} (${formaterNombre(p.contrats.length)})`}
          headers={['Contrat', 'Statut', 'Génération', 'Période', 'Départements', 'Population', 'Fiches-action', 'Coordination', 'Alertes']}
          data={p.contrats.map((c) => [
            <span key="c">
              <Link to={`/contrats/${c.id}`}>{c.intitule}</Link>
              {c.interregional && (
                <>
                  {' '}
                  <Badge small noIcon as="span" severity="info">
                    Interrégional ({c.regions.join(', ')})
                  </Badge>
                </>
              )}
            </span>,
            <BadgeStatutContrat key="s" statut={c.statut} />,
            libelleGeneration(c.generation),
            c.periode.debut || c.periode.fin ? formaterPeriode(c.periode.debut, c.periode.fin) : 'Non renseignée',
            c.departements.join(', '),
            formaterNombre(c.population),
            formaterNombre(c.nombreFiches),
            c.coordonnateurs.length ? c.coordonnateurs.join(', ') : 'Aucun compte de coordination',
            c.alertes ? formaterNombre(c.alertes) : 'Aucune',
          ])}
        />
      )}
    </section>
  );
}

export function EpciNonCouverts({ p }: { p: Portefeuille }) {
  const { epci, criteres, epciRegion } = p.epciNonCouverts;
  const nomsDepartements = new Map(p.couverture.parDepartement.map((d) => [d.code, d.nom]));
  const classes = epci.filter((e) => e.score !== null);
  // The ranked ones, then the most populated of the others: a readable list, the rest is in the exports.
  const affiches = [...classes, ...epci.filter((e) => e.score === null).slice(0, Math.max(0, 20 - classes.length))];
  return (
    <section aria-labelledby="epci-non-couverts">
      <h2 id="epci-non-couverts">EPCI non couverts</h2>
      <p>
        {formaterNombre(epci.length)} EPCI sur {formaterNombre(epciRegion)} n’ont aucune commune couverte par un contrat signé ou en
        évaluation.{' '}
        {criteres.length > 0
          ? `Ils sont classés par l’indice de vulnérabilité de la région, calculé sur ${criteres.length > 1 ? `${formaterNombre(criteres.length)} indicateurs publiés` : 'un indicateur publié'} à l’échelle des EPCI (${criteres.map((c) => `${c.libelle}, ${c.periode}`).join(' ; ')}), à poids égaux : un score positif dit plus vulnérable que la moyenne régionale.`
          : 'Aucun indicateur n’est publié à l’échelle des EPCI de la région : ils sont classés par population.'}{' '}
        <Link to={`/vulnerabilite?region=${p.region.code}`}>Choisir les indicateurs et leurs poids</Link>.
      </p>
      {epci.length > 0 && (
        <TableauDefilant
          caption={`EPCI non couverts, du plus au moins vulnérable${affiches.length < epci.length ? ` (${formaterNombre(affiches.length)} premiers sur ${formaterNombre(epci.length)} ; tous dans l’export)` : ''}`}
          headers={['Rang', 'EPCI', 'Département', 'Population', 'Score de vulnérabilité', 'Critères renseignés']}
          data={affiches.map((e) => [
            e.rang === null ? 'Non classé' : formaterNombre(e.rang),
            <Link key="e" to={`/territoires/epci/${e.code}`}>
              {e.nom}
            </Link>,
            e.departementCode ? `${nomsDepartements.get(e.departementCode) ?? e.departementCode} (${e.departementCode})` : '—',
            formaterNombre(e.population),
            e.score === null
              ? e.criteresRenseignes > 0
                ? 'Non classé : critères incomplets'
                : 'Sans valeur'
              : e.score.toLocaleString('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
            `${formaterNombre(e.criteresRenseignes)} sur ${formaterNombre(criteres.length)}`,
          ])}
        />
      )}
    </section>
  );
}

function TableDecompte({ titre, lignes, unite, vide }: { titre: string; lignes: Decompte[]; unite: string; vide: string }) {
  return (
    <div className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
      <h3 className={fr.cx('fr-h5')}>{titre}</h3>
      {lignes.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>{vide}</p>
      ) : (
        <Table
          caption={titre}
          noCaption
          headers={[titre.replace(/s$/, ''), 'Contrats', unite]}
          data={lignes.map((l) => [l.libelle, formaterNombre(l.contrats), formaterNombre(l.nombre)])}
        />
      )}
    </div>
  );
}

export function Thematiques({ p }: { p: Portefeuille }) {
  return (
    <section aria-labelledby="thematiques">
      <h2 id="thematiques">Thématiques, déterminants et axes du PRS</h2>
      <p className={fr.cx('fr-text--sm')}>
        Sur les contrats en cours (de la préparation à l’évaluation) : combien de contrats et de fiches-action les traitent.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <TableDecompte
          titre="Thématiques"
          lignes={p.thematiques}
          unite="Fiches-action"
          vide="Aucune fiche-action n’indique de thématique."
        />
        <TableDecompte
          titre="Déterminants de santé"
          lignes={p.determinants}
          unite="Fiches-action"
          vide="Aucune fiche-action n’indique de déterminant."
        />
        <TableDecompte
          titre="Axes du PRS"
          lignes={p.axesPrs}
          unite="Axes"
          vide="Aucun axe n’est rattaché à un axe du projet régional de santé."
        />
      </div>
    </section>
  );
}

export function Financements({ p }: { p: Portefeuille }) {
  const f = p.financements;
  return (
    <section aria-labelledby="financements">
      <h2 id="financements">Financements par financeur</h2>
      {f.parFinanceur.length === 0 ? (
        <p>Aucune ligne de financement n’est inscrite dans les contrats en cours de la région.</p>
      ) : (
        <>
          <p>
            {formaterMontant(f.total)} inscrits dans les contrats en cours (fiches-action et contrats eux-mêmes), lignes refusées exclues.
          </p>
          <TableauDefilant
            caption="Financements par financeur"
            headers={['Financeur', 'Acquis (accordé ou versé)', 'Prévu ou sollicité', 'Total', 'Contrats']}
            data={f.parFinanceur.map((l) => [
              l.financeur,
              formaterMontant(l.acquis),
              formaterMontant(l.prevu),
              formaterMontant(l.total),
              formaterNombre(l.contrats),
            ])}
          />
        </>
      )}
    </section>
  );
}

const GRAVITES: Record<string, string> = { critique: 'Critique', attention: 'Attention', info: 'Information' };

export function Alertes({ p }: { p: Portefeuille }) {
  return (
    <section aria-labelledby="alertes">
      <h2 id="alertes">Alertes</h2>
      {p.alertes.length === 0 ? (
        <p>Aucune alerte sur les contrats en cours de la région.</p>
      ) : (
        <TableauDefilant
          caption={`Alertes des contrats en cours (${formaterNombre(p.alertes.length)})`}
          headers={['Contrat', 'Gravité', 'Alerte']}
          data={p.alertes.map((a) => [
            <Link key="c" to={`/contrats/${a.contratId}`}>
              {a.contratIntitule}
            </Link>,
            <Badge
              key="g"
              small
              noIcon
              as="span"
              severity={a.gravite === 'critique' ? 'error' : a.gravite === 'attention' ? 'warning' : 'info'}
            >
              {GRAVITES[a.gravite] ?? a.gravite}
            </Badge>,
            a.message,
          ])}
        />
      )}
    </section>
  );
}
