/**
 * The periods the activity of the support teams is counted over (issue 18 item 7): a year, a half-year, a quarter or a
 * month, written as people write them. Pure: dates as ISO strings, the end excluded.
 */

export interface PeriodeActivite {
  /** As asked: 2025, 2025-S1, 2025-T2, 2025-03. */
  code: string;
  libelle: string;
  /** First day, included (AAAA-MM-JJ). */
  debut: string;
  /** Day after the last, excluded. */
  fin: string;
}

export const MESSAGE_PERIODE = 'Période attendue : une année (2025), un semestre (2025-S1), un trimestre (2025-T2) ou un mois (2025-03)';
export const PERIODES_MAX = 12;

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const jour = (annee: number, mois: number) => `${annee + Math.floor((mois - 1) / 12)}-${String(((mois - 1) % 12) + 1).padStart(2, '0')}-01`;

/** One period, or null when the text is none of the four forms. */
export function lirePeriodeActivite(texte: string): PeriodeActivite | null {
  const t = texte.trim().toUpperCase();
  const m = /^(\d{4})(?:-(S[12]|T[1-4]|\d{2}))?$/.exec(t);
  if (!m) return null;
  const annee = Number(m[1]);
  if (annee < 2000 || annee > 2100) return null;
  const suite = m[2];
  if (!suite) return { code: t, libelle: `Année ${annee}`, debut: jour(annee, 1), fin: jour(annee, 13) };
  if (suite.startsWith('S')) {
    const n = Number(suite[1]);
    return { code: t, libelle: `${n === 1 ? '1er' : '2e'} semestre ${annee}`, debut: jour(annee, 6 * n - 5), fin: jour(annee, 6 * n + 1) };
  }
  if (suite.startsWith('T')) {
    const n = Number(suite[1]);
    return {
      code: t,
      libelle: `${n === 1 ? '1er' : `${n}e`} trimestre ${annee}`,
      debut: jour(annee, 3 * n - 2),
      fin: jour(annee, 3 * n + 1),
    };
  }
  const mois = Number(suite);
  if (mois < 1 || mois > 12) return null;
  return { code: t, libelle: `${MOIS[mois - 1]} ${annee}`, debut: jour(annee, mois), fin: jour(annee, mois + 1) };
}

/**
 * A comma-separated list of periods, each once, in the order given; or the French reason it cannot be read.
 * An empty text is the current year.
 */
export function lirePeriodesActivite(
  texte: string | undefined,
  aujourdhui: string,
): { ok: true; periodes: PeriodeActivite[] } | { ok: false; raison: string } {
  const morceaux = (texte ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!morceaux.length) return { ok: true, periodes: [lirePeriodeActivite(aujourdhui.slice(0, 4))!] };
  if (morceaux.length > PERIODES_MAX) return { ok: false, raison: `${PERIODES_MAX} périodes au plus.` };
  const periodes: PeriodeActivite[] = [];
  for (const morceau of morceaux) {
    const p = lirePeriodeActivite(morceau);
    if (!p) return { ok: false, raison: `« ${morceau.slice(0, 20)} » : ${MESSAGE_PERIODE}.` };
    if (p.debut > aujourdhui) return { ok: false, raison: `La période « ${p.libelle} » n’a pas commencé.` };
    if (!periodes.some((q) => q.code === p.code)) periodes.push(p);
  }
  return { ok: true, periodes };
}

/** A period not over yet: its figures will still move. */
export const periodeEnCours = (p: PeriodeActivite, aujourdhui: string) => p.fin > aujourdhui;
