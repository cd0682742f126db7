import { z } from 'zod';
import { formaterMontant, formaterNombre } from '../format';
import { pluriel } from '../texte';

/**
 * The means an organisation commits to a contract, year by year (issue 13, decision 0016): staff time in days or
 * FTE, money, or something in kind. Days, FTE and euros are never added to one another, and FTE are never turned
 * into days: each total keeps its own unit, and things in kind are counted.
 */

export const TYPES_MOYEN = { temps: 'Temps de travail', financier: 'Financement', nature: 'Apport en nature' } as const;
export type TypeMoyen = keyof typeof TYPES_MOYEN;
export const UNITES_TEMPS = { jours: 'jours', etp: 'ETP' } as const;
export type UniteTemps = keyof typeof UNITES_TEMPS;

const texte = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères`);
/** Quantities are kept to the hundredth, so that sums in hundredths are exact. */
const deuxDecimales = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export const engagementMoyensSchema = z
  .object({
    organisationId: z.uuid('Organisation inconnue'),
    annee: z
      .number({ error: 'Année : nombre attendu, par exemple 2022' })
      .int('Année : nombre entier attendu')
      .min(2000, 'Année : entre 2000 et 2100')
      .max(2100, 'Année : entre 2000 et 2100'),
    type: z.enum(Object.keys(TYPES_MOYEN) as [TypeMoyen], { error: 'Type de moyen : temps de travail, financement ou apport en nature' }),
    quantite: z.number({ error: 'Temps de travail : nombre attendu' }).positive('Temps de travail : nombre positif attendu').nullish(),
    unite: z.enum(Object.keys(UNITES_TEMPS) as [UniteTemps], { error: 'Unité du temps de travail : jours ou ETP' }).nullish(),
    montantCentimes: z
      .number({ error: 'Montant : nombre attendu' })
      .int('Montant : en centimes entiers')
      .min(0, 'Le montant ne peut être négatif')
      .max(1e13, 'Montant trop élevé')
      .nullish(),
    description: texte(2000).nullish().describe('Ce qui est apporté, et pour quoi'),
    objectifs: texte(2000)
      .nullish()
      .describe('Les objectifs propres de l’organisation que cet engagement sert (CPG, projet d’entreprise…)'),
    indicateurCode: texte(100).nullish().describe('Un indicateur du catalogue qui en mesure le résultat'),
    indicateurSuiviId: z.uuid('Indicateur de suivi inconnu').nullish().describe('Un indicateur de suivi d’une fiche du contrat'),
  })
  .superRefine((m, ctx) => {
    const manque = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.type === 'temps') {
      if (m.quantite == null) manque('quantite', 'Temps de travail : indiquez le nombre de jours ou d’ETP');
      else {
        if (!deuxDecimales(m.quantite)) manque('quantite', 'Temps de travail : au plus deux décimales');
        if (m.unite === 'etp' && m.quantite > 100) manque('quantite', 'ETP : 100 au plus par engagement');
        if (m.unite === 'jours' && m.quantite > 36600) manque('quantite', 'Jours : 36 600 au plus par engagement');
      }
      if (!m.unite) manque('unite', 'Unité du temps de travail : jours ou ETP');
    } else {
      if (m.quantite != null) manque('quantite', 'Un temps de travail ne se saisit que pour un engagement de type « Temps de travail »');
      if (m.unite) manque('unite', 'Une unité ne se saisit que pour un engagement de type « Temps de travail »');
    }
    if (m.type === 'financier' && m.montantCentimes == null) manque('montantCentimes', 'Montant : indiquez la somme engagée, en euros');
    if (m.type !== 'financier' && m.montantCentimes != null)
      manque('montantCentimes', 'Un montant ne se saisit que pour un engagement de type « Financement »');
    if (m.type === 'nature' && !m.description) manque('description', 'Apport en nature : décrivez ce qui est apporté');
  });
export type EngagementMoyensSaisie = z.output<typeof engagementMoyensSchema>;

export interface LigneMoyens {
  type: TypeMoyen;
  quantite: number | null;
  unite: UniteTemps | null;
  montantCentimes: number | null;
}

export interface TotalMoyens {
  jours: number;
  etp: number;
  montantCentimes: number;
  /** Things in kind, counted (they have no common measure). */
  nature: number;
  lignes: number;
}

export const totalVide = (): TotalMoyens => ({ jours: 0, etp: 0, montantCentimes: 0, nature: 0, lignes: 0 });

/** Sums a set of engagements, each unit apart; quantities are added in hundredths so that 0,1 + 0,2 is 0,3. */
export function sommerMoyens(lignes: readonly LigneMoyens[]): TotalMoyens {
  let jours = 0;
  let etp = 0;
  const t = totalVide();
  for (const l of lignes) {
    t.lignes++;
    if (l.type === 'temps' && l.quantite != null) {
      const centiemes = Math.round(Number(l.quantite) * 100);
      if (l.unite === 'etp') etp += centiemes;
      else jours += centiemes;
    } else if (l.type === 'financier') t.montantCentimes += Number(l.montantCentimes ?? 0);
    else if (l.type === 'nature') t.nature++;
  }
  return { ...t, jours: jours / 100, etp: etp / 100 };
}

/** The totals of the lines grouped by a key, in the order the keys first appear unless `tri` says otherwise. */
export function sommerMoyensPar<L extends LigneMoyens>(lignes: readonly L[], cle: (l: L) => string): { cle: string; total: TotalMoyens }[] {
  const groupes = new Map<string, L[]>();
  for (const l of lignes) groupes.set(cle(l), [...(groupes.get(cle(l)) ?? []), l]);
  return [...groupes].map(([k, ls]) => ({ cle: k, total: sommerMoyens(ls) }));
}

/** « 12 jours, 0,2 ETP, 1 500 € et 1 apport en nature », or « aucun moyen » ; `etpCumules` over several years. */
export function formaterMoyens(t: TotalMoyens, options: { etpCumules?: boolean } = {}): string {
  const decimales = (n: number) => (Number.isInteger(n) ? 0 : Number.isInteger(n * 10) ? 1 : 2);
  const parties = [
    t.jours ? `${formaterNombre(t.jours, decimales(t.jours))}\u00a0${t.jours >= 2 ? 'jours' : 'jour'}` : null,
    t.etp ? `${formaterNombre(t.etp, decimales(t.etp))}\u00a0ETP${options.etpCumules ? ' cumulés sur les années' : ''}` : null,
    t.montantCentimes ? formaterMontant(t.montantCentimes) : null,
    t.nature ? pluriel(t.nature, 'apport en nature', 'apports en nature') : null,
  ].filter((p): p is string => !!p);
  if (!parties.length) return t.lignes ? 'aucun moyen chiffré' : 'aucun moyen';
  return parties.length === 1 ? parties[0]! : `${parties.slice(0, -1).join(', ')} et ${parties.at(-1)}`;
}

/** One engagement in words: « 0,2 ETP », « 1 500 € », « Apport en nature ». */
export function libelleMoyen(l: LigneMoyens): string {
  if (l.type === 'temps' && l.quantite != null)
    return formaterMoyens({ ...totalVide(), lignes: 1, [l.unite === 'etp' ? 'etp' : 'jours']: Number(l.quantite) });
  if (l.type === 'financier') return formaterMontant(Number(l.montantCentimes ?? 0));
  return TYPES_MOYEN.nature;
}
