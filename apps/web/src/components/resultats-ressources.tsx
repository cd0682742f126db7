import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import { pluriel } from '@maillage/domain';
import type { RessourceVue } from '@maillage/domain/api';
import { messageErreur } from './alerte-erreur';

interface Props {
  /** The text searched, once deferred; nothing shows under two characters. */
  recherche: string;
  resultats: { error: unknown; isPending: boolean };
  proposees: readonly RessourceVue[];
  icone: FrIconClassName;
  /** What the button does, for screen readers: « Orienter vers X (organisation) ». */
  libelle: (r: RessourceVue) => string;
  desactive: boolean;
  onChoisir: (r: RessourceVue) => void;
}

/**
 * Where a search of the directory stands (announced), then one button per resource found: the parcours grid and the
 * appui orientations search the same way and differ only by what the button does.
 */
export function ResultatsRessources({ recherche, resultats, proposees, icone, libelle, desactive, onChoisir }: Props) {
  if (recherche.length < 2) return <div aria-live="polite" className={fr.cx('fr-text--sm')} />;
  return (
    <>
      <div aria-live="polite" className={fr.cx('fr-text--sm')}>
        {resultats.error ? (
          <p className={fr.cx('fr-error-text')}>{messageErreur(resultats.error)}</p>
        ) : resultats.isPending ? (
          <p>Recherche…</p>
        ) : proposees.length === 0 ? (
          <p>Aucune ressource ne correspond à « {recherche} ».</p>
        ) : (
          <p className={fr.cx('fr-mb-1w')}>{pluriel(proposees.length, 'ressource trouvée', 'ressources trouvées')}.</p>
        )}
      </div>
      {proposees.length > 0 && (
        <ul className={fr.cx('fr-raw-list')}>
          {proposees.map((r) => (
            <li key={r.id} className={fr.cx('fr-mb-1w')}>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId={icone}
                disabled={desactive}
                onClick={() => onChoisir(r)}
                nativeButtonProps={{ 'aria-label': libelle(r) }}
              >
                {r.nom} — {r.typeLibelle}, {r.organisationNom}
                {r.communeNom ? `, ${r.communeNom}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
