import { fr } from '@codegouvfr/react-dsfr';
import { MISSIONS_RESSOURCE, NIVEAUX_RESSOURCE, PUBLICS_RESSOURCE, SOLLICITEURS_RESSOURCE } from '@maillage/domain';
import type { RessourcePublique } from '@maillage/domain/api';

type Contact = RessourcePublique['contacts'][number];

/** A phone number, an e-mail or a site opens what reaches it (a phone dials, on a phone). */
function LienContact({ contact }: { contact: Contact }) {
  const v = contact.valeur;
  if (contact.type === 'telephone') return <a href={`tel:${v.replace(/[^\d+]/g, '')}`}>{v}</a>;
  if (contact.type === 'courriel') return <a href={`mailto:${v}`}>{v}</a>;
  if (contact.type === 'site' && /^https?:\/\//i.test(v))
    return (
      <a href={v} target="_blank" rel="noopener noreferrer" title={`${v} – nouvelle fenêtre`}>
        {v}
      </a>
    );
  return <>{v}</>;
}

const LIBELLES_CONTACT: Record<Contact['type'], string> = { telephone: 'Téléphone', courriel: 'Courriel', site: 'Site', autre: 'Contact' };

/** One resource of the public directory: what it is, for whom, where, and how to reach it. */
export function FicheRessourcePublique({ ressource: r }: { ressource: RessourcePublique }) {
  const lieu = [r.adresse, r.communeNom ? `${r.communeNom} (${r.communeCode})` : r.communeCode].filter(Boolean).join(', ');
  return (
    <article className={fr.cx('fr-p-3w')} style={{ border: '1px solid var(--border-default-grey)' }} aria-labelledby={`r-${r.id}`}>
      <h3 id={`r-${r.id}`} className={fr.cx('fr-h5', 'fr-mb-1w')}>
        {r.nom}
      </h3>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        {r.typeLibelle} · {r.organisationNom} · {NIVEAUX_RESSOURCE[r.niveau]}
      </p>
      {r.publics.length > 0 ? (
        <ul className={fr.cx('fr-badges-group', 'fr-mb-1w')} aria-label="Publics">
          {r.publics.map((p) => (
            <li key={p}>
              <span className={fr.cx('fr-badge', 'fr-badge--sm', 'fr-badge--blue-ecume')}>{PUBLICS_RESSOURCE[p]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <dl className={fr.cx('fr-text--sm', 'fr-mb-0')}>
        {r.missions.length > 0 ? (
          <>
            <dt className={fr.cx('fr-text--bold')}>Missions</dt>
            <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>{r.missions.map((m) => MISSIONS_RESSOURCE[m]).join(' ; ')}</dd>
          </>
        ) : null}
        {lieu ? (
          <>
            <dt className={fr.cx('fr-text--bold')}>Adresse</dt>
            <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>{lieu}</dd>
          </>
        ) : null}
        {r.horaires ? (
          <>
            <dt className={fr.cx('fr-text--bold')}>Horaires</dt>
            <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>{r.horaires}</dd>
          </>
        ) : null}
        {r.sollicitablePar.length > 0 ? (
          <>
            <dt className={fr.cx('fr-text--bold')}>Qui peut la solliciter</dt>
            <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>{r.sollicitablePar.map((s) => SOLLICITEURS_RESSOURCE[s]).join(', ')}</dd>
          </>
        ) : null}
        {r.criteresInclusion ? (
          <>
            <dt className={fr.cx('fr-text--bold')}>Pour qui</dt>
            <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>{r.criteresInclusion}</dd>
          </>
        ) : null}
        <dt className={fr.cx('fr-text--bold')}>Contacts</dt>
        <dd className={fr.cx('fr-ml-0', 'fr-mb-0')}>
          {r.contacts.length === 0 ? (
            'Non renseignés'
          ) : (
            <ul className={fr.cx('fr-raw-list')}>
              {r.contacts.map((c) => (
                <li key={`${c.type}-${c.valeur}`}>
                  {c.libelle ?? LIBELLES_CONTACT[c.type]} : <LienContact contact={c} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </article>
  );
}
