import type { MethodeAgregation } from './agregation';

/** What a perimeter had to offer when no figure could be given for it. */
export interface AbsenceDeResultat {
  methode: MethodeAgregation;
  /** Communes of the perimeter. */
  communes: number;
  /** Whether the perimeter is exactly one territory (its published value would then be used). */
  unSeulTerritoire: boolean;
  /** The period asked for, if any, and the periods that do have a figure. */
  periodeDemandee: string | null;
  periodesDisponibles: string[];
  /** Values published for the territories asked for, which are not used when there are several of them. */
  publieesPourLesTerritoires: { nom: string; type: string; periode: string }[];
}

const TYPES: Record<string, string> = { commune: 'commune', epci: 'EPCI', departement: 'département', region: 'région' };

/**
 * Why an aggregate has no result (`resultat: null`): an empty answer always says why, in French, so that nobody reads
 * a blank as a zero or a fault.
 */
export function raisonSansResultat(a: AbsenceDeResultat): string {
  if (a.periodeDemandee && a.periodesDisponibles.length && !a.periodesDisponibles.includes(a.periodeDemandee)) {
    const pluriel = a.periodesDisponibles.length > 1;
    return `Aucune valeur pour la période ${a.periodeDemandee} sur ce périmètre ; période${pluriel ? 's' : ''} disponible${pluriel ? 's' : ''} : ${a.periodesDisponibles.join(', ')}.`;
  }
  if (a.communes === 0) return 'Le périmètre ne compte aucune commune.';
  if (a.methode === 'non_agregeable')
    return `Cet indicateur n’est valide qu’au niveau où il est publié : il ne se calcule pas sur un périmètre${a.unSeulTerritoire ? '' : ' de plusieurs territoires'}, et ${a.unSeulTerritoire ? 'ce territoire' : 'ce périmètre'} n’a pas de valeur publiée.`;
  const publiees = [...new Map(a.publieesPourLesTerritoires.map((p) => [`${p.nom}|${p.type}`, p])).values()].map((p) => {
    const periodes = [
      ...new Set(a.publieesPourLesTerritoires.filter((q) => q.nom === p.nom && q.type === p.type).map((q) => q.periode)),
    ].sort();
    return `${p.nom} (${TYPES[p.type] ?? p.type}, ${periodes.join(', ')})`;
  });
  if (publiees.length)
    return (
      `Aucune commune de ce périmètre n’a de valeur pour cet indicateur : il n’est publié que pour ${publiees.join(', ')}, ` +
      `et une valeur publiée pour un territoire ne s’additionne pas avec d’autres. Importez les valeurs des communes` +
      `${a.methode === 'ratio' ? ' (avec numérateur et dénominateur pour un ratio)' : ''} pour le calculer sur ce périmètre.`
    );
  return 'Aucune valeur de cet indicateur pour ce périmètre, ni publiée pour ses territoires ni pour ses communes.';
}
