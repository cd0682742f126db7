import { z } from 'zod';
import { METHODES_AGREGATION, POLARITES, type MethodeAgregation, type Polarite } from './agregation';
import type { Valeur } from './valeurs';

export const FAMILLES_INDICATEUR = [
  'Démographie',
  'Conditions socio-économiques',
  'État de santé',
  'Offre de soins',
  'Accès et recours aux soins',
  'Prévention',
  'Environnement et cadre de vie',
] as const;

export const indicateurSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,60}$/, 'Code : lettres minuscules, chiffres et « _ » (2 à 60 caractères)'),
  libelle: z.string().trim().min(3, 'Le libellé doit compter au moins 3 caractères').max(300),
  famille: z.enum(FAMILLES_INDICATEUR, { error: 'Famille inconnue' }),
  unite: z.string().trim().min(1, 'L’unité est obligatoire').max(60),
  facteur: z.number({ error: 'Facteur attendu (1, 100, 10 000, 100 000)' }).positive('Le facteur doit être positif'),
  numerateur: z.string().trim().max(500).nullish(),
  denominateur: z.string().trim().max(500).nullish(),
  standardisation: z.string().trim().max(500).nullish(),
  polarite: z.enum(Object.keys(POLARITES) as [Polarite], { error: 'Polarité inconnue' }),
  methodeAgregation: z.enum(Object.keys(METHODES_AGREGATION) as [MethodeAgregation], { error: 'Méthode d’agrégation inconnue' }),
  source: z.string().trim().max(500).nullish(),
  millesime: z.string().trim().max(50).nullish(),
  regleSecret: z.string().trim().max(500).nullish(),
  denombrement: z
    .boolean({ error: 'Dénombrement : oui (true) ou non (false)' })
    .default(false)
    .describe('Les valeurs comptent des unités (médecins, personnes, communes) : nombres entiers seulement'),
});
export type IndicateurSaisie = z.infer<typeof indicateurSchema>;

/** Whether a value is whole: an exact integer, or a class whose bounds are integers. Masked and missing values are. */
export function valeurEntiere(v: Valeur): boolean {
  if (v.nature === 'exacte') return Number.isInteger(v.valeur);
  if (v.nature === 'intervalle') return Number.isInteger(v.borneInf) && Number.isInteger(v.borneSup);
  return true;
}

/**
 * A count (an indicator declared `denombrement`) takes whole numbers only: 2,5 médecins is a typing or reading error
 * (a decimal comma read as a thousands separator, a rate in the wrong column), never a figure. The French reason, or null.
 */
export function refusDenombrement(
  indicateur: { code: string; libelle: string; denombrement?: boolean | null },
  valeur: Valeur,
  texte: string,
): string | null {
  if (!indicateur.denombrement || valeurEntiere(valeur)) return null;
  return `Valeur décimale pour ${indicateur.code} (${indicateur.libelle}) : « ${texte} ». Cet indicateur compte des unités : sa valeur est un nombre entier.`;
}
