/**
 * DHIS2 as ARS data teams run it: its identifiers (UIDs) and its period notation, read and written by pure rules.
 * Maillage keeps its own period notation (the follow-up's: 2024, 2024-S1, 2024-T3; months 2024-01 as in appui).
 */

/** A DHIS2 UID: 11 characters, a letter then letters or digits (`fbfJHSPpUQD`). */
export const FORMAT_UID_DHIS2 = /^[A-Za-z][A-Za-z0-9]{10}$/;
export const MESSAGE_UID_DHIS2 = 'Identifiant DHIS2 attendu : 11 caractères, une lettre puis des lettres ou des chiffres (ex. fbfJHSPpUQD)';
export const MESSAGE_PERIODE_DHIS2 = 'période DHIS2 attendue : année (2024), semestre (2024S1), trimestre (2024Q1) ou mois (202401)';

export const estUidDhis2 = (texte: string) => FORMAT_UID_DHIS2.test(texte);

export interface PeriodeDhis2 {
  /** As DHIS2 writes it: 2024, 2024S1, 2024Q1, 202401. */
  dhis2: string;
  /** As Maillage stores it: 2024, 2024-S1, 2024-T1, 2024-01. */
  libelle: string;
  /** The years it covers (the value store keeps years: a quarter starts and ends in its year). */
  debut: number;
  fin: number;
}

/** Reads a DHIS2 period (yearly, six-monthly, quarterly, monthly), or null for any other notation (weeks, financial years…). */
export function lirePeriodeDhis2(texte: string | number): PeriodeDhis2 | null {
  const t = String(texte).trim().toUpperCase();
  const m = /^(\d{4})(?:(S[12])|Q([1-4])|(0[1-9]|1[0-2]))?$/.exec(t);
  if (!m) return null;
  const annee = Number(m[1]);
  if (annee < 1800 || annee > 2200) return null;
  const libelle = m[2] ? `${annee}-${m[2]}` : m[3] ? `${annee}-T${m[3]}` : m[4] ? `${annee}-${m[4]}` : String(annee);
  return { dhis2: t, libelle, debut: annee, fin: annee };
}

/** Writes a Maillage period in DHIS2 notation (2024-T3 → 2024Q3), or null when DHIS2 has no such period (2011-2015). */
export function periodeVersDhis2(periode: string): string | null {
  const m = /^(\d{4})(?:-(S[12]|T[1-4]|0[1-9]|1[0-2]))?$/.exec(periode.trim());
  if (!m) return null;
  const suite = m[2];
  if (!suite) return m[1];
  if (suite.startsWith('S')) return `${m[1]}${suite}`;
  if (suite.startsWith('T')) return `${m[1]}Q${suite[1]}`;
  return `${m[1]}${suite}`;
}
