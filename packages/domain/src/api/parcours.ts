/**
 * The contract of the parcours routes (tag Parcours, issue 17 items 4–6): parcours of a contract, their ordered steps,
 * the resources and fiches-action at each step, the ruptures, and the grille de coopération locale. Each request and
 * answer once, for the server's validation, the OpenAPI document and the web client.
 *
 * Versions: a parcours has a version (its title, publics and the ORDER of its steps: adding, moving or removing a step
 * needs it and bumps it); each step, rupture and grid cell has its own. A stale version gets 409.
 */
import { z } from 'zod';
import {
  etapeSuggereeSchema,
  graviteRuptureSchema,
  perimetreSchema,
  preuveRuptureSchema,
  publicRessourceSchema,
  roleCooperationSchema,
  statutRuptureSchema,
  typeActeurGrilleSchema,
} from '..';

const uuid = z.uuid('Identifiant invalide');
const version = z.number().int().describe('La version lue ; 409 si quelqu’un a enregistré depuis');

export const cheminParcours = z.object({ id: uuid });
export const cheminEtape = z.object({ id: uuid, etapeId: uuid });
export const cheminRupture = z.object({ id: uuid, ruptureId: uuid });
export const versionRequise = z.object({ version: z.coerce.number().int() });

// ---------- Summaries of what a parcours links to

export const ressourceDEtape = z.object({
  id: z.uuid(),
  nom: z.string(),
  typeLibelle: z.string(),
  organisationId: z.uuid(),
  organisationNom: z.string(),
  communeNom: z.string().nullable(),
  statut: z.string().describe('active, suspendue, fermee'),
});
export const ficheDEtape = z.object({ id: z.uuid(), numero: z.number().int(), intitule: z.string() });

// ---------- Ruptures

export const preuveRuptureVue = z.object({
  type: z.enum(['verbatim', 'constat', 'signalement', 'indicateur']),
  referenceId: z.string().nullable().describe('Le verbatim ou le constat du diagnostic'),
  texte: z.string().describe('Le texte du verbatim, l’intitulé du constat, le signalement ou ce que montre l’indicateur'),
  auteur: z.string().nullable().describe('Locuteur du verbatim ou auteur du signalement'),
  indicateurCode: z.string().nullable(),
});
export type PreuveRuptureVue = z.infer<typeof preuveRuptureVue>;

export const ruptureVue = z.object({
  id: z.uuid(),
  parcoursId: z.uuid(),
  etapeId: z.uuid().describe('L’étape où la rupture a lieu, ou celle d’où l’on part si elle est entre deux étapes'),
  versEtapeId: z.uuid().nullable().describe('Rupture entre deux étapes : l’étape que l’on n’atteint pas'),
  description: z.string(),
  preuves: z.array(preuveRuptureVue),
  publics: z.array(publicRessourceSchema),
  gravite: graviteRuptureSchema,
  statut: statutRuptureSchema,
  transitions: z.array(statutRuptureSchema).describe('Les statuts où elle peut passer'),
  fiche: ficheDEtape.nullable().describe('La fiche-action qui la traite'),
  creeLe: z.string(),
  modifieLe: z.string(),
  version: z.number().int(),
});
export type RuptureVue = z.infer<typeof ruptureVue>;

const champsRupture = {
  description: z.string().trim().min(3, 'Décrivez la rupture').max(4000, '4000 caractères au plus'),
  preuves: z.array(preuveRuptureSchema).max(20, '20 preuves au plus').default([]),
  publics: z.array(publicRessourceSchema).max(9).default([]),
  gravite: graviteRuptureSchema.default('moyenne'),
  ficheId: uuid.nullable().default(null).describe('Fiche-action du contrat qui la traite'),
  etapeId: uuid,
  versEtapeId: uuid.nullable().default(null),
};
export const ruptureCorps = z.object(champsRupture);
export type RuptureCorps = z.infer<typeof ruptureCorps>;
export const ruptureModification = z.object({
  description: champsRupture.description.optional(),
  preuves: z.array(preuveRuptureSchema).max(20, '20 preuves au plus').optional(),
  publics: z.array(publicRessourceSchema).max(9).optional(),
  gravite: graviteRuptureSchema.optional(),
  ficheId: uuid.nullable().optional(),
  etapeId: uuid.optional(),
  versEtapeId: uuid.nullable().optional(),
  version,
});
export type RuptureModification = z.infer<typeof ruptureModification>;
export const changementStatutRupture = z.object({
  statut: statutRuptureSchema,
  ficheId: uuid.nullable().optional().describe('Pour passer à « traitée » : la fiche qui la traite, si elle n’est pas déjà liée'),
  version,
});
export const filtreRuptures = z.object({ statut: statutRuptureSchema.optional() });
export const listeRuptures = z.array(ruptureVue);

// ---------- Steps

export const etapeVue = z.object({
  id: z.uuid(),
  position: z.number().int().describe('1 pour la première'),
  code: etapeSuggereeSchema.nullable().describe('L’étape suggérée dont elle vient, ou null pour un libellé libre'),
  libelle: z.string(),
  description: z.string().nullable(),
  ressources: z.array(ressourceDEtape),
  fiches: z.array(ficheDEtape),
  rupturesOuvertes: z.array(ruptureVue).describe('Les ruptures non closes sur cette étape ou qui en partent'),
  version: z.number().int(),
});
export type EtapeVue = z.infer<typeof etapeVue>;

const libelleEtape = z.string().trim().min(2, 'Libellé de l’étape trop court').max(200, '200 caractères au plus');
export const etapeCorps = z.object({
  code: etapeSuggereeSchema.nullable().default(null),
  libelle: libelleEtape.optional().describe('Par défaut le libellé de l’étape suggérée'),
  description: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => v || null),
  position: z.number().int().min(1).optional().describe('Par défaut à la fin'),
  version: version.describe('La version du parcours (l’ordre des étapes change)'),
});
export const etapeModification = z.object({
  code: etapeSuggereeSchema.nullable().optional(),
  libelle: libelleEtape.optional(),
  description: z.string().trim().max(4000).nullish(),
  ressourceIds: z.array(uuid).max(200).optional().describe('Les ressources du répertoire qui agissent à cette étape (remplace la liste)'),
  ficheIds: z.array(uuid).max(200).optional().describe('Les fiches-action du contrat qui servent cette étape (remplace la liste)'),
  version: version.describe('La version de l’étape'),
});
export type EtapeModification = z.infer<typeof etapeModification>;
/** Keyboard reorder: the screen sends position ± 1 for "monter" / "descendre". */
export const deplacementEtape = z.object({
  position: z.number().int().min(1, 'Position attendue à partir de 1'),
  version: version.describe('La version du parcours'),
});

// ---------- Parcours

export const parcoursVue = z.object({
  id: z.uuid(),
  contratId: z.uuid(),
  titre: z.string(),
  description: z.string().nullable(),
  publics: z.array(publicRessourceSchema),
  perimetre: perimetreSchema.nullable().describe('Le territoire du parcours quand il est plus étroit que celui du contrat'),
  etapes: z.array(etapeVue),
  version: z.number().int(),
  modifiable: z.boolean().describe('Vos rôles vous permettent de le modifier'),
});
export type ParcoursVue = z.infer<typeof parcoursVue>;

export const parcoursResume = z.object({
  id: z.uuid(),
  contratId: z.uuid(),
  titre: z.string(),
  publics: z.array(publicRessourceSchema),
  etapes: z.array(z.object({ id: z.uuid(), position: z.number().int(), libelle: z.string() })),
  rupturesOuvertes: z.number().int(),
  version: z.number().int(),
});
export type ParcoursResume = z.infer<typeof parcoursResume>;
export const listeParcours = z.object({ elements: z.array(parcoursResume), modifiable: z.boolean() });
export type ListeParcours = z.infer<typeof listeParcours>;

const titre = z.string().trim().min(3, 'Titre du parcours trop court').max(200, '200 caractères au plus');
export const parcoursCorps = z.object({
  titre,
  description: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => v || null),
  publics: z.array(publicRessourceSchema).max(9).default([]),
  perimetre: perimetreSchema.nullable().default(null),
  etapes: z
    .array(z.object({ code: etapeSuggereeSchema.nullable().default(null), libelle: libelleEtape.optional() }))
    .max(30, '30 étapes au plus')
    .default([])
    .describe('Étapes de départ, dans l’ordre'),
});
export type ParcoursCorps = z.infer<typeof parcoursCorps>;
export const parcoursModification = z.object({
  titre: titre.optional(),
  description: z.string().trim().max(4000).nullish(),
  publics: z.array(publicRessourceSchema).max(9).optional(),
  perimetre: perimetreSchema.nullable().optional(),
  version,
});
export type ParcoursModification = z.infer<typeof parcoursModification>;
export const parcoursEnregistre = z.object({ id: z.uuid(), version: z.number().int() });

/** GET /api/fiches/{id}/parcours: the parcours and steps a fiche serves, and the ruptures it treats. */
export const parcoursDeFiche = z.array(
  z.object({
    id: z.uuid(),
    titre: z.string(),
    etapes: z.array(z.object({ id: z.uuid(), position: z.number().int(), libelle: z.string() })),
    ruptures: z.array(z.object({ id: z.uuid(), description: z.string(), statut: statutRuptureSchema })),
  }),
);
export type ParcoursDeFiche = z.infer<typeof parcoursDeFiche>;

// ---------- Grille de coopération locale

export const acteurGrille = z.object({
  type: typeActeurGrilleSchema,
  id: z.uuid(),
  nom: z.string(),
  organisationNom: z.string().nullable().describe('Pour une ressource : son organisation'),
  surLesEtapes: z.boolean().describe('Vient des ressources des étapes (sinon ajouté par une cellule)'),
});
export const celluleGrille = z.object({
  acteurType: typeActeurGrilleSchema,
  acteurId: z.uuid(),
  etapeId: z.uuid(),
  roles: z.array(roleCooperationSchema),
  version: z.number().int(),
});
export const grilleCooperation = z.object({
  parcoursId: z.uuid(),
  titre: z.string(),
  etapes: z.array(z.object({ id: z.uuid(), position: z.number().int(), libelle: z.string() })),
  acteurs: z.array(acteurGrille),
  cellules: z.array(celluleGrille).describe('Les cellules non vides'),
  modifiable: z.boolean(),
});
export type GrilleCooperation = z.infer<typeof grilleCooperation>;
export const celluleSaisie = z.object({
  acteurType: typeActeurGrilleSchema,
  acteurId: uuid,
  etapeId: uuid,
  roles: z.array(roleCooperationSchema).max(6),
  version: z.number().int().min(0).describe('La version de la cellule lue ; 0 si elle était vide'),
});
export type CelluleSaisie = z.infer<typeof celluleSaisie>;

/** GET /api/contrats/{id}/document.pdf|docx?annexes=grilles adds the grids of the contract's parcours as an annex. */
export const ANNEXES_DOCUMENT = ['grilles'] as const;
