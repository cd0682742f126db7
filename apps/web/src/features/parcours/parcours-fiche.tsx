import { fr } from '@codegouvfr/react-dsfr';
import { STATUTS_RUPTURE } from '@maillage/domain';
import { Link } from 'react-router';
import { useParcoursFiche } from '../../api/parcours';
import { messageErreur } from '../../components/alerte-erreur';

/** Beside a fiche-action: the parcours and steps it serves, and the ruptures it treats (seed 001: fiches "centrées sur le(s) parcours"). */
export function ParcoursFiche({ ficheId }: { ficheId: string }) {
  const parcours = useParcoursFiche(ficheId);
  return (
    <section aria-labelledby="parcours-fiche" className={fr.cx('fr-p-3w', 'fr-mt-3w') + ' maillage-encart'}>
      <h2 id="parcours-fiche" className={fr.cx('fr-h5')}>
        Parcours
      </h2>
      {parcours.isPending ? (
        <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Chargement des parcours…</p>
      ) : parcours.error ? (
        <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-error-text')}>{messageErreur(parcours.error)}</p>
      ) : parcours.data.length === 0 ? (
        <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
          Cette fiche ne sert encore aucune étape d’un parcours. Reliez-la depuis l’onglet « Parcours » du contrat.
        </p>
      ) : (
        <ul className={fr.cx('fr-raw-list')}>
          {parcours.data.map((p) => (
            <li key={p.id} className={fr.cx('fr-mb-2w')}>
              <Link to={`/parcours/${p.id}`} className={fr.cx('fr-text--bold')}>
                {p.titre}
              </Link>
              {p.etapes.length > 0 && (
                <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
                  {p.etapes.length > 1 ? 'Étapes servies : ' : 'Étape servie : '}
                  {[...p.etapes]
                    .sort((a, b) => a.position - b.position)
                    .map((e) => `${e.position}. ${e.libelle}`)
                    .join(', ')}
                </p>
              )}
              {p.ruptures.length > 0 && (
                <>
                  <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{p.ruptures.length > 1 ? 'Ruptures traitées :' : 'Rupture traitée :'}</p>
                  <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
                    {p.ruptures.map((r) => (
                      <li key={r.id}>
                        {r.description} ({STATUTS_RUPTURE[r.statut].toLowerCase()})
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
