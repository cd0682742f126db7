/** The contract of the document routes (tag Documents): generated documents and files deposited on a contract. */
import { z } from 'zod';

export const choixDocument = z.object({
  version: z.enum(['actuelle', 'signee']).default('actuelle').describe('« signee » : le contrat tel que signé'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
    .optional()
    .describe('Version consolidée à cette date'),
  annexes: z
    .enum(['grilles'], { error: 'Annexe inconnue (grilles)' })
    .optional()
    .describe('« grilles » : ajoute en annexe les grilles de coopération locale des parcours du contrat'),
});

export const fichierContrat = z.object({
  id: z.uuid(),
  contratId: z.uuid(),
  seanceId: z.uuid().nullable(),
  nom: z.string(),
  typeMime: z.string(),
  taille: z.number().int(),
  categorie: z.string().nullable(),
  creeLe: z.string(),
  creePar: z.string().nullable(),
});
export type FichierContrat = z.infer<typeof fichierContrat>;
