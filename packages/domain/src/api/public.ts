/** Contracts of the public pages and open data routes. */
import { z } from 'zod';
import { STATUTS_FICHE } from '../contrats';
import { contratOuvertSchema } from '../portefeuille';

const territoire = z.object({ code: z.string(), nom: z.string() });
export const fichePublique = z.object({
  id: z.uuid(),
  numero: z.number().int(),
  intitule: z.string(),
  statut: z.enum(STATUTS_FICHE),
  statutLibelle: z.string(),
  debut: z.string().nullable(),
  fin: z.string().nullable(),
  description: z.string().nullable(),
  objectifsOperationnels: z.array(z.string()),
  thematiques: z.array(z.string()).describe('Libellés'),
  publics: z.array(z.string()).describe('Libellés'),
  pilotes: z.array(z.string()).describe('Organisations pilotes (et leur service) ; « À définir » sinon'),
  avancement: z
    .number()
    .nullable()
    .describe(
      'Avancement de la fiche (0 à 100) d’après ses valeurs validées, ou son statut faute de mesure ; vide pour une fiche abandonnée',
    ),
});
export const contratPublicVue = contratOuvertSchema.extend({
  contexte: z.string().nullable(),
  territoire: z.object({
    regions: z.array(territoire),
    departements: z.array(territoire),
    epci: z.array(territoire),
    nombreCommunes: z.number().int(),
    population: z.number().int(),
  }),
  signataires: z.array(z.object({ organisation: z.string(), dateSignature: z.string().nullable() })),
  axes: z.array(
    z.object({
      numero: z.number().int(),
      intitule: z.string(),
      description: z.string().nullable(),
      avancement: z.number().nullable().describe('Moyenne pondérée de ses fiches, 0 à 100'),
      objectifs: z.array(
        z.object({ numero: z.string(), intitule: z.string(), objectifsOperationnels: z.array(z.string()), fiches: z.array(fichePublique) }),
      ),
      fichesHorsObjectif: z.array(fichePublique),
    }),
  ),
  fichesSansAxe: z.array(fichePublique),
});
export type FichePublique = z.infer<typeof fichePublique>;
export type ContratPublic = z.infer<typeof contratPublicVue>;
