import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import type { Comparaison, Indicateur, SensEcart, ValeurVue } from '../../api/types-diagnostics';
import { formaterValeur } from '../indicateurs/libelles-indicateurs';

const SENS: Record<SensEcart, { libelle: string; severite?: BadgeProps['severity'] }> = {
  favorable: { libelle: 'Plus favorable', severite: 'success' },
  defavorable: { libelle: 'Moins favorable', severite: 'error' },
  neutre: { libelle: 'Écart sans jugement', severite: 'info' },
  indetermine: { libelle: 'Non comparable' },
};

/**
 * A count (method « somme ») says how many, not how much per inhabitant: comparing it with a département or France
 * would always read as a huge deficit. Its comparators are shown, but not judged.
 */
export const estComparable = (indicateur: Indicateur) => indicateur.methodeAgregation !== 'somme';

export const sensAffiche = (c: Comparaison, comparable: boolean): SensEcart => (comparable ? c.sens : 'indetermine');
export const libelleSens = (s: SensEcart) => SENS[s].libelle;

/** Colour, icon and words: the badge never relies on colour alone. */
export function BadgeSens({ sens }: { sens: SensEcart }) {
  return (
    <Badge small severity={SENS[sens].severite} noIcon={!SENS[sens].severite} as="span">
      {SENS[sens].libelle}
    </Badge>
  );
}

/** A lower bound ("au moins 40") is an interval open to the top. */
function bornes(v: ValeurVue): { inf: number; sup: number } | null {
  if (v.nature === 'exacte' && typeof v.valeur === 'number') return { inf: v.valeur, sup: v.valeur };
  if (v.nature === 'borne_inferieure' && typeof v.valeur === 'number') return { inf: v.valeur, sup: Infinity };
  if (v.nature === 'intervalle' && typeof v.borneInf === 'number' && typeof v.borneSup === 'number') return { inf: v.borneInf, sup: v.borneSup };
  return null;
}

/** "2,2 de moins", "2,7 points de plus", "au-dessus (intervalle)": the gap of the perimeter to a comparator, in words. */
export function ecartEnMots(perimetre: ValeurVue, c: Comparaison, indicateur: Indicateur): string {
  if (!estComparable(indicateur)) return 'sans objet, un effectif ne se compare pas à celui d’un territoire plus grand';
  const points = indicateur.unite === '%';
  if (c.ecart !== null && Number.isFinite(c.ecart)) {
    const ecart = Math.round(c.ecart * 100) / 100;
    if (ecart === 0) return 'valeur identique';
    const n = Math.abs(ecart);
    const unite = points ? (n >= 2 ? ' points' : ' point') : '';
    return `${formaterValeur(n)}${unite} de ${ecart > 0 ? 'plus' : 'moins'}`;
  }
  const r = bornes(perimetre);
  const v = bornes(c.valeur);
  if (!r || !v) return 'écart non calculable';
  if (r.inf >= v.sup) return perimetre.nature === 'intervalle' ? 'au-dessus (tout l’intervalle)' : 'au-dessus';
  if (r.sup <= v.inf) return perimetre.nature === 'intervalle' ? 'en dessous (tout l’intervalle)' : 'en dessous';
  return 'écart indéterminé : les intervalles se chevauchent';
}
