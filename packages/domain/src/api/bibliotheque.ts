/** Contracts of the action library routes. */
import { z } from 'zod';
import { STATUTS_CONTRAT, STATUTS_FICHE } from '../contrats';

export const segments = z
  .array(z.object({ texte: z.string(), surligne: z.boolean() }))
  .describe('Texte découpé : les segments `surligne` sont les mots trouvés');
const terme = z.object({ code: z.string(), libelle: z.string() });

export const resultatBibliotheque = z.object({
  id: z.uuid(),
  numero: z.number().int(),
  intitule: z.string(),
  intituleSurligne: segments,
  extrait: segments.describe('Extrait de la description, des objectifs opérationnels ou de l’argumentation, mots trouvés surlignés'),
  statut: z.enum(STATUTS_FICHE),
  statutLibelle: z.string(),
  thematiques: z.array(terme),
  publics: z.array(terme),
  pertinence: z.number().describe('Score de pertinence (ts_rank) ; 0 sans recherche'),
  contrat: z.object({
    id: z.uuid(),
    intitule: z.string(),
    statut: z.enum(STATUTS_CONTRAT),
    statutLibelle: z.string(),
    generation: z.number().int(),
    periode: z.object({ debut: z.string().nullable(), fin: z.string().nullable() }),
    regions: z.array(z.string()),
    departements: z.array(z.string()),
    population: z.number(),
    publie: z.boolean(),
  }),
});
export type Segment = z.infer<typeof segments>[number];
export type ResultatBibliotheque = z.infer<typeof resultatBibliotheque>;

export const pageBibliotheque = z.object({
  total: z.number().int(),
  page: z.number().int(),
  parPage: z.number().int(),
  resultats: z.array(resultatBibliotheque),
});
export type PageBibliotheque = z.infer<typeof pageBibliotheque>;

export const destinationReprise = z.object({
  id: z.uuid(),
  intitule: z.string(),
  statut: z.enum(STATUTS_CONTRAT),
  statutLibelle: z.string(),
  generation: z.number().int(),
  verrou: z.string().nullable(),
});
export type Destination = z.infer<typeof destinationReprise>;

export const ficheReprise = z.object({ id: z.uuid(), numero: z.number().int(), contratId: z.uuid() });
export type FicheReprise = z.infer<typeof ficheReprise>;
