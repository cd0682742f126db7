import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { STATUTS_RUPTURE } from '@maillage/domain';
import { Link } from 'react-router';
import type { EtapeVue, ParcoursVue, RuptureVue } from '../../api/parcours';
import { EtatVide } from '../../components/etat-vide';
import { libelleGravite, libelleRupturesOuvertes, SEVERITE_GRAVITE } from './libelles-parcours';

/** Where a rupture sits: at its step, or between its step and the one the person does not reach. */
export function lieuRupture(r: RuptureVue, etapes: readonly EtapeVue[]): string {
  const nom = (id: string) => etapes.find((e) => e.id === id)?.libelle ?? 'étape retirée';
  return r.versEtapeId ? `Entre « ${nom(r.etapeId)} » et « ${nom(r.versEtapeId)} »` : `À l’étape « ${nom(r.etapeId)} »`;
}

export function BadgesRupture({ rupture }: { rupture: RuptureVue }) {
  return (
    <>
      <Badge small severity={SEVERITE_GRAVITE[rupture.gravite]} noIcon className={fr.cx('fr-mr-1w')}>
        {libelleGravite(rupture.gravite)}
      </Badge>
      <Badge small noIcon>
        {STATUTS_RUPTURE[rupture.statut]}
      </Badge>
    </>
  );
}

function EtapeEnBref({ etape, etapes }: { etape: EtapeVue; etapes: readonly EtapeVue[] }) {
  return (
    <li className={fr.cx('fr-mb-3w', 'fr-p-2w') + ' maillage-encart'}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>
        Étape {etape.position} — {etape.libelle}
      </h3>
      {etape.description && <p className={fr.cx('fr-text--sm')}>{etape.description}</p>}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h4 className={fr.cx('fr-text--md', 'fr-text--bold', 'fr-mb-1w')}>Ressources</h4>
          {etape.ressources.length ? (
            <ul className={fr.cx('fr-text--sm')}>
              {etape.ressources.map((r) => (
                <li key={r.id}>
                  {r.nom} <span className={fr.cx('fr-text--xs')}>({r.organisationNom})</span>
                  {r.statut !== 'active' && ` — ${r.statut === 'suspendue' ? 'suspendue' : 'fermée'}`}
                </li>
              ))}
            </ul>
          ) : (
            <p className={fr.cx('fr-text--sm')}>Aucune ressource placée à cette étape.</p>
          )}
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h4 className={fr.cx('fr-text--md', 'fr-text--bold', 'fr-mb-1w')}>Fiches-action</h4>
          {etape.fiches.length ? (
            <ul className={fr.cx('fr-text--sm')}>
              {etape.fiches.map((f) => (
                <li key={f.id}>
                  <Link to={`/fiches/${f.id}`}>
                    Fiche {f.numero} — {f.intitule}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className={fr.cx('fr-text--sm')}>Aucune fiche ne sert cette étape.</p>
          )}
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h4 className={fr.cx('fr-text--md', 'fr-text--bold', 'fr-mb-1w')}>{libelleRupturesOuvertes(etape.rupturesOuvertes.length)}</h4>
          {etape.rupturesOuvertes.length > 0 && (
            <ul className={fr.cx('fr-text--sm')}>
              {etape.rupturesOuvertes.map((r) => (
                <li key={r.id} className={fr.cx('fr-mb-1w')}>
                  {r.versEtapeId && <span className={fr.cx('fr-text--xs')}>{lieuRupture(r, etapes)} : </span>}
                  {r.description} <BadgesRupture rupture={r} />
                  {r.fiche && (
                    <>
                      {' '}
                      — fiche-action : <Link to={`/fiches/${r.fiche.id}`}>fiche {r.fiche.numero}</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </li>
  );
}

/** The parcours at a glance: its steps in order, with their resources, their fiches and their open ruptures. */
export function VueEnsembleParcours({ parcours }: { parcours: ParcoursVue }) {
  const etapes = [...parcours.etapes].sort((a, b) => a.position - b.position);
  const ouvertes = new Set(etapes.flatMap((e) => e.rupturesOuvertes.map((r) => r.id))).size;
  if (!etapes.length)
    return (
      <EtatVide
        titre="Ce parcours n’a pas encore d’étape"
        action={parcours.modifiable ? { children: 'Ajouter des étapes', linkProps: { to: '?onglet=etapes' } } : undefined}
      >
        <p>Les étapes (repérage, information, accès aux droits, dépistage, soins…) disent le chemin que suit une personne.</p>
      </EtatVide>
    );
  return (
    <>
      <h2>Le parcours en un coup d’œil</h2>
      <p>
        {etapes.length} étape{etapes.length > 1 ? 's' : ''}, {libelleRupturesOuvertes(ouvertes).toLowerCase()}.
      </p>
      <ol className={fr.cx('fr-raw-list')}>
        {etapes.map((e) => (
          <EtapeEnBref key={e.id} etape={e} etapes={etapes} />
        ))}
      </ol>
    </>
  );
}
