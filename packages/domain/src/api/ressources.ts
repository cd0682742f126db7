/**
 * The contract of the resource directory's routes (tag Ressources, issue 17): each request and answer once, for the
 * server's validation, the OpenAPI document and the web client.
 */
import { z } from 'zod';
import {
  contactRessourceSchema,
  missionRessourceSchema,
  niveauRessourceSchema,
  perimetreSchema,
  publicRessourceSchema,
  ressourceSaisieSchema,
  solliciteurRessourceSchema,
  statutRessourceSchema,
} from '..';

const uuid = z.uuid('Identifiant invalide');
const territoires = z
  .string()
  .max(5000)
  .describe('Périmètre comme les routes du diagnostic le prennent : epci:243500741,commune:35236,departement:35,region:53');

export const cheminRessource = z.object({ id: uuid });

/** GET /api/ressources: every filter is optional; `territoires` keeps the resources reaching one of its communes. */
export const filtreRessources = z.object({
  q: z.string().max(200).optional(),
  public: publicRessourceSchema.optional(),
  mission: missionRessourceSchema.optional(),
  niveau: niveauRessourceSchema.optional(),
  sollicitable_par: solliciteurRessourceSchema.optional(),
  commune: z.string().max(5).optional().describe('Code INSEE : les ressources qui atteignent cette commune'),
  territoires: territoires.optional(),
  statut: statutRessourceSchema.optional(),
  organisationId: uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  parPage: z.coerce.number().int().min(1).max(500).default(100),
});
export type FiltreRessources = z.infer<typeof filtreRessources>;

export const ressourceVue = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationNom: z.string(),
  nom: z.string(),
  typeCode: z.string(),
  typeLibelle: z.string(),
  publics: z.array(publicRessourceSchema),
  missions: z.array(missionRessourceSchema),
  niveau: niveauRessourceSchema,
  sollicitablePar: z.array(solliciteurRessourceSchema),
  zone: perimetreSchema,
  communesAtteintes: z.number().int().describe('Communes que la zone d’intervention atteint'),
  adresse: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeNom: z.string().nullable(),
  horaires: z.string().nullable(),
  contacts: z.array(contactRessourceSchema),
  criteresInclusion: z.string().nullable(),
  capacite: z.string().nullable(),
  delaiHabituel: z.string().nullable(),
  statut: statutRessourceSchema,
  statutDepuis: z.string().nullable(),
  statutJusquAu: z.string().nullable(),
  finess: z.string().nullable(),
  siret: z.string().nullable(),
  rorId: z.string().nullable(),
  publie: z.boolean(),
  version: z.number().int(),
  modifiable: z.boolean().describe('Vos rôles vous permettent de la modifier'),
});
export type RessourceVue = z.infer<typeof ressourceVue>;
export const listeRessources = z.object({ total: z.number().int(), elements: z.array(ressourceVue) });
export type ListeRessources = z.infer<typeof listeRessources>;

export const ressourceCorps = ressourceSaisieSchema;
export const ressourceModification = ressourceSaisieSchema.and(z.object({ version: z.number().int() }));
export const ressourceEnregistree = z.object({ id: z.uuid(), version: z.number().int() });

export const typeRessource = z.object({ code: z.string(), libelle: z.string(), ordre: z.number().int() });
export const typeRessourceSaisie = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/, 'Code attendu : 2 à 40 minuscules, chiffres ou _'),
  libelle: z.string().trim().min(2, 'Libellé trop court').max(200),
  ordre: z.number().int().min(0).max(10000).default(500),
});

// ---------- Coverage, zones blanches and the three views of seed 004

export const filtreCouverture = z.object({ territoires, public: publicRessourceSchema, mission: missionRessourceSchema });
export const couvertureCommune = z.object({
  code: z.string(),
  nom: z.string(),
  population: z.number().int(),
  ressources: z.number().int().describe('Ressources actives qui atteignent la commune pour ce public et cette mission'),
});
export const couvertureRessources = z.object({ communes: z.array(couvertureCommune), zonesBlanches: z.number().int() });
export const zonesBlanches = z.object({
  perimetre: z.object({ communes: z.number().int(), population: z.number().int() }),
  communes: z.array(couvertureCommune.omit({ ressources: true })),
  population: z.number().int().describe('Population des communes que rien n’atteint'),
});
export type ZonesBlanches = z.infer<typeof zonesBlanches>;

export const VUES_RESSOURCES = ['public', 'niveau', 'sollicitant'] as const;
export const cheminVue = z.object({ vue: z.enum(VUES_RESSOURCES, { error: 'Vue inconnue (public, niveau, sollicitant)' }) });
export const cheminVueExport = cheminVue.extend({ format: z.enum(['csv', 'xlsx'], { error: 'Format inconnu (csv, xlsx)' }) });
export const filtreVue = filtreRessources.omit({ page: true, parPage: true });
export const ressourceDeVue = ressourceVue.pick({
  id: true,
  nom: true,
  typeLibelle: true,
  organisationNom: true,
  communeCode: true,
  communeNom: true,
  niveau: true,
  publics: true,
  missions: true,
  sollicitablePar: true,
  statut: true,
});
export const vueRessources = z.object({
  vue: z.enum(VUES_RESSOURCES),
  groupes: z.array(z.object({ cle: z.string(), libelle: z.string(), ressources: z.array(ressourceDeVue) })),
});
export type VueRessources = z.infer<typeof vueRessources>;

// ---------- Imports

export const requeteImportRessources = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  organisationId: uuid
    .optional()
    .describe('Organisation de rattachement des offres ROR dont l’organisation n’est trouvée ni par FINESS ni par SIRET'),
});
export const ligneImportRessources = z.object({
  ligne: z.number().int().describe('Ligne du fichier (en-tête compris) ou rang de l’entrée dans le Bundle'),
  reference: z.string().optional().describe('Pour un Bundle ROR : Type/id de l’entrée'),
  statut: z.enum(['cree', 'mis_a_jour', 'inchange', 'rejete', 'non_reprise']),
  nom: z.string().optional(),
  raison: z.string().optional(),
  mappes: z.array(z.string()).describe('Ce qui a été repris, et d’où'),
  nonMappes: z.array(z.string()).describe('Ce qui n’a pas été repris, et pourquoi'),
});
export const rapportImportRessources = z.object({
  format: z.enum(['ror', 'tableur']),
  dryRun: z.boolean(),
  applique: z.boolean(),
  lignes: z.array(ligneImportRessources),
  resume: z.object({ crees: z.number().int(), misAJour: z.number().int(), inchanges: z.number().int(), rejetes: z.number().int() }),
});
export type RapportImportRessources = z.infer<typeof rapportImportRessources>;

// ---------- Public directory (no login)

export const filtrePublicRessources = z.object({
  commune: z.string().max(5).optional(),
  public: publicRessourceSchema.optional(),
  q: z.string().max(200).optional(),
});
export const ressourcePublique = ressourceVue.pick({
  id: true,
  nom: true,
  typeLibelle: true,
  organisationNom: true,
  publics: true,
  missions: true,
  niveau: true,
  sollicitablePar: true,
  adresse: true,
  communeCode: true,
  communeNom: true,
  horaires: true,
  contacts: true,
  criteresInclusion: true,
  statut: true,
});
export const listeRessourcesPubliques = z.array(ressourcePublique);
export type RessourcePublique = z.infer<typeof ressourcePublique>;
export type FiltrePublicRessources = z.input<typeof filtrePublicRessources>;
