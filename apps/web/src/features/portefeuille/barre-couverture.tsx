import { fr } from '@codegouvfr/react-dsfr';
import { formaterPourcent } from './format-portefeuille';

interface Props {
  pourcent: number | null;
  cible: number | null;
}

/**
 * The covered share as a bar, with the doctrine's target marked on it. The bar only illustrates: the sentence
 * beside it says the same in words (the drawing is hidden from assistive technologies).
 */
export function BarreCouverture({ pourcent, cible }: Props) {
  const valeur = Math.min(100, Math.max(0, pourcent ?? 0));
  return (
    <div className={fr.cx('fr-mb-3w')}>
      <div className="maillage-barre-couverture" aria-hidden="true">
        <div className="maillage-barre-couverture__remplie" style={{ width: `${valeur}%` }} />
        {cible !== null && <div className="maillage-barre-couverture__cible" style={{ left: `${Math.min(100, cible)}%` }} />}
      </div>
      <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')} aria-hidden="true">
        <span className="maillage-legende-pastille maillage-legende-pastille--remplie" /> couverte : {formaterPourcent(pourcent)}
        {cible !== null && (
          <>
            {' '}
            <span className="maillage-legende-pastille maillage-legende-pastille--cible" /> cible : {formaterPourcent(cible)}
          </>
        )}
      </p>
    </div>
  );
}
