import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import type { Comparaison, FigurePartielleVue, Indicateur, ResultatAgregat, SensEcart, ValeurVue } from '@maillage/domain/api';
import { avecUnite, formaterValeur } from '../../components/libelles-indicateurs';

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
/** "Plus favorable", or "Plus favorable (indicatif)" when measured on the communes with a value only. */
export const libelleSens = (s: SensEcart, indicatif = false) =>
  `${SENS[s].libelle}${indicatif && s !== 'indetermine' ? ' (indicatif)' : ''}`;

/**
 * Colour, icon and words: the badge never relies on colour alone. An indicative reading (on a partial figure) keeps
 * its words but not its colour: it is a hint, not a finding.
 */
export function BadgeSens({ sens, indicatif = false }: { sens: SensEcart; indicatif?: boolean }) {
  const severite = indicatif ? undefined : SENS[sens].severite;
  return (
    <Badge small severity={severite} noIcon={!severite} as="span">
      {libelleSens(sens, indicatif)}
    </Badge>
  );
}

/** The partial figure as a value the gap can be read from: a count known as a floor is a lower bound. */
export function valeurDuPartiel(p: FigurePartielleVue): ValeurVue {
  return p.portee === 'au_moins' ? { ...p.valeur, nature: 'borne_inferieure', texte: p.texte } : p.valeur;
}

/** "au moins 31", "40,0 % sur les communes renseignées": the partial figure with its unit. */
export function texteFigurePartielle(p: FigurePartielleVue, unite: string): string {
  return p.portee === 'au_moins' ? avecUnite(p.texte, unite) : `${avecUnite(p.valeur.texte, unite)} sur les communes renseignées`;
}

/** What the perimeter is compared with: its value, or its partial figure for an indicative comparison. */
export const valeurComparee = (r: ResultatAgregat, c: Comparaison): ValeurVue =>
  c.indicatif && r.partiel ? valeurDuPartiel(r.partiel) : r.valeur;

/** A lower bound ("au moins 40") is an interval open to the top. */
function bornes(v: ValeurVue): { inf: number; sup: number } | null {
  if (v.nature === 'exacte' && typeof v.valeur === 'number') return { inf: v.valeur, sup: v.valeur };
  if (v.nature === 'borne_inferieure' && typeof v.valeur === 'number') return { inf: v.valeur, sup: Infinity };
  if (v.nature === 'intervalle' && typeof v.borneInf === 'number' && typeof v.borneSup === 'number')
    return { inf: v.borneInf, sup: v.borneSup };
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
