import { z } from 'zod';
import { METHODES_AGREGATION, POLARITES, type MethodeAgregation, type Polarite } from './agregation';

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
  code: z.string().trim().regex(/^[a-z0-9_]{2,60}$/, 'Code : lettres minuscules, chiffres et « _ » (2 à 60 caractères)'),
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
});
export type IndicateurSaisie = z.infer<typeof indicateurSchema>;
