import {
  deduireTerritoire,
  estTotalFranceOdisse,
  lireCelluleStatistique,
  lireFrance,
  lireTypeTerritoire,
  refusDenombrement,
  type SensDuTiret,
  type TypeTerritoireValeur,
  type Valeur,
} from '@maillage/domain';
import { invalide } from '../../platform/errors';
import { enTexte, type Referentiels, type Rejet, refusTerritoire, type ValeurImportee } from './import-valeurs';

/** What the Odissé and INSEE readers share: columns and indicators of the mapping, territories and cells of the rows. */

/** Index of a header, whatever its case and surrounding spaces; the mapping's own error when absent. */
export function colonneExigee(entetes: string[], entete: string, champ: string): number {
  const i = entetes.findIndex((e) => e.trim().toLowerCase() === entete.trim().toLowerCase());
  if (i < 0)
    throw invalide(`Colonne « ${entete} » absente du fichier (colonnes lues : ${entetes.join(', ')}).`, [
      { champ, message: `Colonne « ${entete} » absente du fichier` },
    ]);
  return i;
}

export function indicateurExige(ref: Referentiels, code: string, entete: string, champ: string): string {
  if (!ref.indicateurs.has(code))
    throw invalide(`Indicateur inconnu du catalogue : « ${code} » (colonne « ${entete} »). Créez-le ou choisissez-en un autre.`, [
      { champ, message: `Indicateur « ${code} » inconnu du catalogue` },
    ]);
  return code;
}

/** The territory of a row, or why it is refused (in French). */
export function territoireDe(
  codeBrut: string,
  type: TypeTerritoireValeur | null,
  ref: Referentiels,
  totalFrance = false,
): { type: TypeTerritoireValeur; code: string } | string {
  if (!codeBrut) return 'Code de territoire manquant.';
  if (totalFrance && estTotalFranceOdisse(codeBrut)) return { type: 'france', code: 'FRA' };
  const territoire = lireFrance(codeBrut) ?? (type ? lireTypeTerritoire(type, codeBrut) : deduireTerritoire(codeBrut));
  if (!territoire) return `Code de territoire non reconnu : « ${codeBrut} ».`;
  return refusTerritoire(territoire, codeBrut, ref) ?? territoire;
}

/** A cell of a value column: secret and missing as these files write them, never 0; a decimal count refused. */
export function valeurDe(
  brute: string | number | null,
  indicateur: string,
  entete: string,
  tiret: SensDuTiret,
  ref: Referentiels,
): { valeur: Valeur } | { raison: string } {
  const valeur = lireCelluleStatistique(brute, tiret);
  if (valeur.nature === 'invalide') return { raison: `Valeur illisible pour ${indicateur} (colonne « ${entete} ») : « ${valeur.texte} ».` };
  const catalogue = ref.catalogue.get(indicateur);
  const decimale = catalogue && refusDenombrement(catalogue, valeur, enTexte(brute));
  return decimale ? { raison: decimale } : { valeur };
}

export type LectureLigne = { valeurs: ValeurImportee[]; rejets: Rejet[] };
