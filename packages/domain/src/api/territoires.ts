/** Contracts of the territory routes (référentiel, collectivités, perimeters). */
import { z } from 'zod';
import { typeTerritoireSchema } from '../territoires';

export const territoireVue = z.object({
  type: typeTerritoireSchema,
  code: z.string(),
  nom: z.string(),
  population: z.number().int(),
  departementCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  nature: z.string().nullable().describe('Nature juridique d’un EPCI : CA, CC, CU, METRO'),
});
export type Territoire = z.infer<typeof territoireVue>;

const reference = z.object({ code: z.string(), nom: z.string() }).nullable();

export const territoireDetail = territoireVue.extend({
  departement: reference,
  region: reference,
  membres: z.array(territoireVue).optional(),
  epci: z.array(territoireVue).optional(),
});
export type TerritoireDetail = z.infer<typeof territoireDetail>;

const typeCollectivite = z.enum(['commune', 'epci', 'departement']);
/** A collectivité of the référentiel, with the organisation that represents it, ready to create. */
export const collectiviteVue = z.object({
  type: typeCollectivite,
  code: z.string(),
  nom: z.string(),
  organisation: z.object({
    nom: z.string(),
    type: typeCollectivite,
    siren: z.string().nullable(),
    regionCode: z.string().nullable(),
    departementCode: z.string().nullable(),
    territoireCode: z.string(),
  }),
});
export type Collectivite = z.infer<typeof collectiviteVue>;

/** POST /api/territoires/perimetre: a perimeter resolved into communes, départements, régions and population. */
export const perimetreResolu = z.object({
  communes: z.array(z.object({ code: z.string(), nom: z.string(), departement: z.string(), region: z.string(), population: z.number() })),
  departements: z.array(z.string()),
  regions: z.array(z.string()),
  population: z.number(),
  inconnus: z.array(z.object({ type: z.enum(['commune', 'epci']), code: z.string() })),
});
export type PerimetreResolu = z.infer<typeof perimetreResolu>;
