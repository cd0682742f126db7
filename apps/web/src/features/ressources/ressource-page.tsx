import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TYPES_CONTACT_RESSOURCE } from '@maillage/domain';
import type { RessourceVue } from '@maillage/domain/api';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useRessource } from '../../api/ressources';
import { usePerimetre } from '../../api/territoires';
import { formaterDate, formaterNombre, pluriel } from '../../components/format';
import { avantEdition } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { BadgeStatutRessource, libelleNiveau, libellesMissions, libellesPublics, libellesSolliciteurs } from './libelles-ressources';

function Ligne({ terme, children }: { terme: string; children: ReactNode }) {
  return (
    <>
      <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>{terme}</dt>
      <dd className={fr.cx('fr-mb-2w', 'fr-ml-0')}>{children}</dd>
    </>
  );
}

const texte = (v: string | null) => v || 'Non renseigné';

/** The intervention zone: its communes, named, from the perimeter as the picker gave it. */
function Zone({ r }: { r: RessourceVue }) {
  const perimetre = usePerimetre(r.zone);
  if (r.zone.epci.length + r.zone.communes.length === 0)
    return <>{r.communeNom ? `Sa commune : ${r.communeNom}` : 'Aucune zone ni commune : la ressource n’atteint aucune commune.'}</>;
  const communes = perimetre.data?.communes ?? [];
  return (
    <>
      {pluriel(r.communesAtteintes, 'commune')} atteinte{r.communesAtteintes > 1 ? 's' : ''}
      {communes.length > 0 && communes.length <= 60 && ` : ${communes.map((c) => c.nom).join(', ')}`}.
    </>
  );
}

function Contacts({ r }: { r: RessourceVue }) {
  if (!r.contacts.length) return <>Non renseignés</>;
  return (
    <ul className={fr.cx('fr-mb-0')}>
      {r.contacts.map((c, i) => (
        <li key={i}>
          {TYPES_CONTACT_RESSOURCE[c.type]}
          {c.libelle ? ` (${c.libelle})` : ''} :{' '}
          {c.type === 'courriel' ? (
            <a href={`mailto:${c.valeur}`}>{c.valeur}</a>
          ) : c.type === 'telephone' ? (
            <a href={`tel:${c.valeur.replace(/\s/g, '')}`}>{c.valeur}</a>
          ) : c.type === 'site' ? (
            <a href={c.valeur} target="_blank" rel="noreferrer" title={`${c.valeur} (nouvelle fenêtre)`}>
              {c.valeur}
            </a>
          ) : (
            c.valeur
          )}
        </li>
      ))}
    </ul>
  );
}

/** /ressources/:id: every field of a resource; "Modifier" for those who may edit it. */
export default function RessourcePage() {
  const { id } = useParams();
  const ressource = useRessource(id);
  const message = (useLocation().state as { message?: string } | null)?.message;
  useTitrePage(ressource.data?.nom ?? 'Ressource');
  const filAriane = (
    <Breadcrumb
      currentPageLabel={ressource.data?.nom ?? 'Ressource'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Répertoire des ressources', linkProps: { to: '/ressources' } }]}
    />
  );
  const attente = avantEdition(filAriane, ressource, 'Ressource introuvable');
  if (attente || !ressource.data) return attente;
  const r = ressource.data;
  const statut = [
    r.statutDepuis ? `depuis le ${formaterDate(r.statutDepuis)}` : null,
    r.statutJusquAu ? `jusqu’au ${formaterDate(r.statutJusquAu)}` : null,
  ].filter(Boolean);

  return (
    <>
      {filAriane}
      {message && <Alert severity="success" small className={fr.cx('fr-mb-3w')} description={message} />}
      <h1>{r.nom}</h1>
      <p>
        <BadgeStatutRessource statut={r.statut} /> {r.typeLibelle} —{' '}
        <Link to={`/organisations/${r.organisationId}`}>{r.organisationNom}</Link> —{' '}
        {r.publie ? 'publiée dans l’annuaire public' : 'non publiée (visible des seules personnes connectées)'}
      </p>
      {r.modifiable && (
        <Button iconId="fr-icon-edit-line" className={fr.cx('fr-mb-3w')} linkProps={{ to: `/ressources/${r.id}/modifier` }}>
          Modifier la ressource
        </Button>
      )}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <section className={fr.cx('fr-col-12', 'fr-col-md-6')} aria-labelledby="ressource-offre">
          <h2 id="ressource-offre" className={fr.cx('fr-h4')}>
            L’offre
          </h2>
          <dl>
            <Ligne terme="Type">{r.typeLibelle}</Ligne>
            <Ligne terme="Publics">{libellesPublics(r.publics)}</Ligne>
            <Ligne terme="Missions">{libellesMissions(r.missions)}</Ligne>
            <Ligne terme="Niveau de l’offre">{libelleNiveau(r.niveau)}</Ligne>
            <Ligne terme="Qui peut la solliciter">{libellesSolliciteurs(r.sollicitablePar)}</Ligne>
            <Ligne terme="Critères d’inclusion">{texte(r.criteresInclusion)}</Ligne>
            <Ligne terme="Capacité">{texte(r.capacite)}</Ligne>
            <Ligne terme="Délai habituel">{texte(r.delaiHabituel)}</Ligne>
          </dl>
        </section>
        <section className={fr.cx('fr-col-12', 'fr-col-md-6')} aria-labelledby="ressource-acces">
          <h2 id="ressource-acces" className={fr.cx('fr-h4')}>
            Où et comment la joindre
          </h2>
          <dl>
            <Ligne terme="Zone d’intervention">
              <Zone r={r} />
            </Ligne>
            <Ligne terme="Adresse">
              {texte(r.adresse)}
              {r.communeNom ? ` — ${r.communeNom} (${r.communeCode})` : ''}
            </Ligne>
            <Ligne terme="Horaires">{texte(r.horaires)}</Ligne>
            <Ligne terme="Contacts">
              <Contacts r={r} />
            </Ligne>
            <Ligne terme="Statut">
              <BadgeStatutRessource statut={r.statut} /> {statut.join(' ')}
            </Ligne>
            <Ligne terme="Identifiants">
              FINESS : {r.finess ?? 'non renseigné'} ; SIRET : {r.siret ?? 'non renseigné'} ; identifiant ROR : {r.rorId ?? 'non renseigné'}
            </Ligne>
            <Ligne terme="Version">{formaterNombre(r.version)}</Ligne>
          </dl>
        </section>
      </div>
    </>
  );
}
