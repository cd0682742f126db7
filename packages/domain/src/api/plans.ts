/** The contract of the action-plan routes (tag Plan d’action): export and import of a contract's fiches. */
import { z } from 'zod';

export const FORMATS_PLAN = ['maillage', 'tet'] as const;
export const STATUTS_LIGNE_IMPORT = ['cree', 'mis_a_jour', 'inchange', 'rejete'] as const;
export type StatutLigneImport = (typeof STATUTS_LIGNE_IMPORT)[number];

export const choixFormatPlan = z.object({ format: z.enum(FORMATS_PLAN).default('maillage') });
export const choixImportPlan = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true : vérifier sans rien enregistrer'),
});

export const rapportImport = z
  .object({
    format: z.enum(FORMATS_PLAN).describe('Format reconnu par les en-têtes : celui de Maillage ou l’import de Territoires en Transitions'),
    dryRun: z.boolean(),
    applique: z.boolean().describe('Vrai quand les changements ont été enregistrés'),
    lignes: z.array(
      z.object({
        ligne: z.number().int().describe('Numéro de la ligne dans le fichier'),
        statut: z.enum(STATUTS_LIGNE_IMPORT),
        numero: z.number().int().optional().describe('Numéro de la fiche'),
        intitule: z.string().optional(),
        sousAction: z.string().optional().describe('Ligne de sous-action (Territoires en Transitions) : l’étape qu’elle donne à la fiche'),
        raison: z.string().optional().describe('Pour une ligne rejetée : la colonne et la valeur en cause'),
      }),
    ),
    colonnesInconnues: z.array(z.string()).describe('En-têtes du fichier qu’aucun champ ne lit (leur contenu n’est pas importé)'),
    axesCrees: z.array(z.string()),
    objectifsCrees: z.array(z.string()),
    organisationsCreees: z.array(z.string()),
    remarques: z.array(z.string()).describe('Ce que l’import a lu autrement qu’écrit : intitulés faits de leur seul numéro (« Axe 1 »)'),
    resume: z.object({
      crees: z.number().int(),
      misAJour: z.number().int(),
      inchanges: z.number().int(),
      rejetes: z.number().int(),
      sousActions: z.number().int().describe('Lignes de sous-action reprises comme étapes de leur fiche'),
    }),
  })
  .describe('Rapport d’import, ligne par ligne');
export type RapportImport = z.infer<typeof rapportImport>;

/** 202 of POST /api/contrats/{id}/plan/import for a large file: the import runs as a job, followed at `suivi`. */
export const importPlanEnFond = z.object({
  importId: z.uuid(),
  suivi: z.string().describe('Adresse de suivi : GET renvoie l’avancement, puis le rapport'),
});
export type ImportPlanEnFond = z.infer<typeof importPlanEnFond>;

export const cheminImportPlan = z.object({ id: z.uuid(), importId: z.uuid() });

/** GET /api/contrats/{id}/plan/imports/{importId} */
export const etatImportPlan = z
  .object({
    id: z.uuid(),
    contratId: z.uuid(),
    nomFichier: z.string(),
    dryRun: z.boolean(),
    etat: z.enum(['en_cours', 'termine', 'echoue']),
    lignesTotal: z.number().int().describe('Lignes non vides du fichier'),
    lignesTraitees: z.number().int(),
    rapport: rapportImport.nullable().describe('Le même rapport que la réponse directe, une fois l’import fini (rejets compris)'),
    erreur: z
      .string()
      .nullable()
      .describe('Pourquoi l’import a échoué : lignes rejetées, contrat signé sans avenant ouvert, serveur arrêté…'),
    creePar: z.string(),
    creeLe: z.string(),
    termineLe: z.string().nullable(),
  })
  .describe('Avancement d’un import de plan lancé en tâche de fond');
export type EtatImportPlan = z.infer<typeof etatImportPlan>;
