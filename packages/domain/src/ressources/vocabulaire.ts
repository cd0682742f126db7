import { z } from 'zod';
import { compacterIdentifiant, finessValide, siretValide } from '../identifiants';
import { codeCommuneInseeSchema, perimetreSchema } from '../territoires';

/**
 * The words of the resource directory (issue 17), from seed 004 (part 2 B, annexes 2–4: the ARS Centre-Val de Loire's
 * maps of the actors by public, by level of the offer and by who solicits them) and seed 001 (parcours de santé).
 */

/** Annexe 2: the publics or themes the actors are sorted by. */
export const PUBLICS_RESSOURCE = {
  personnes_agees: 'Personnes âgées',
  personnes_handicapees: 'Personnes handicapées',
  vulnerabilite_psychique: 'Publics en situation de vulnérabilité psychique',
  precarite: 'Publics en situation de précarité',
  pathologies_chroniques: 'Pathologies chroniques',
  familles: 'Familles',
  adolescence: 'Adolescence',
  enfance: 'Enfance',
  tous_publics: 'Tous publics',
} as const;
export type PublicRessource = keyof typeof PUBLICS_RESSOURCE;

/**
 * The three missions of the fonctions d'appui (mission 2 with its four activities), then care and support. An
 * activity of mission 2 implies mission 2 (`normaliserMissions`).
 */
export const MISSIONS_RESSOURCE = {
  information_orientation: 'Mission 1 – Information et orientation',
  appui_parcours: 'Mission 2 – Appui à l’organisation des parcours complexes',
  evaluation: 'Mission 2 – Évaluation',
  coordination: 'Mission 2 – Coordination',
  concertation: 'Mission 2 – Concertation',
  planification: 'Mission 2 – Planification',
  soutien_pratiques: 'Mission 3 – Soutien aux pratiques et initiatives professionnelles',
  soins: 'Soins',
  accompagnement: 'Accompagnement, aide',
} as const;
export type MissionRessource = keyof typeof MISSIONS_RESSOURCE;
export const ACTIVITES_MISSION_2: readonly MissionRessource[] = ['evaluation', 'coordination', 'concertation', 'planification'];

/** Annexe 3: the graduation of the offer, and the territorial cooperation spaces (CPTS, CLS…). */
export const NIVEAUX_RESSOURCE = {
  porte_entree: 'Porte d’entrée',
  coordination_proximite: 'Dispositif de coordination de proximité',
  effecteur: 'Effecteur',
  cooperation_territoriale: 'Coopération territoriale',
} as const;
export type NiveauRessource = keyof typeof NIVEAUX_RESSOURCE;

/** Annexe 4: who may solicit the resource; the first four are professionals, the last two the public. */
export const SOLLICITEURS_RESSOURCE = {
  medecin_traitant: 'Médecin traitant',
  professionnel_sante: 'Autre professionnel de santé',
  travailleur_social: 'Travailleur social',
  etablissement: 'Établissement',
  usager: 'Usager',
  aidant: 'Aidant',
} as const;
export type SolliciteurRessource = keyof typeof SOLLICITEURS_RESSOURCE;
export const SOLLICITEURS_PUBLIC: readonly SolliciteurRessource[] = ['usager', 'aidant'];

export const STATUTS_RESSOURCE = { active: 'Active', suspendue: 'Suspendue', fermee: 'Fermée' } as const;
export type StatutRessource = keyof typeof STATUTS_RESSOURCE;

export const TYPES_CONTACT_RESSOURCE = { telephone: 'Téléphone', courriel: 'Courriel', site: 'Site internet', autre: 'Autre' } as const;

const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const publicRessourceSchema = z.enum(cles(PUBLICS_RESSOURCE), { error: 'Public inconnu' });
export const missionRessourceSchema = z.enum(cles(MISSIONS_RESSOURCE), { error: 'Mission inconnue' });
export const niveauRessourceSchema = z.enum(cles(NIVEAUX_RESSOURCE), { error: 'Niveau inconnu' });
export const solliciteurRessourceSchema = z.enum(cles(SOLLICITEURS_RESSOURCE), { error: 'Sollicitant inconnu' });
export const statutRessourceSchema = z.enum(cles(STATUTS_RESSOURCE), { error: 'Statut inconnu (active, suspendue, fermee)' });

const texteLibre = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .nullish()
    .transform((v) => v || null);
const identifiant = (nom: string, valide: (v: string) => boolean, message: string) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ? compacterIdentifiant(v) : null))
    .refine((v) => v === null || valide(v), `${nom} invalide : ${message}`);

export const contactRessourceSchema = z.object({
  type: z.enum(cles(TYPES_CONTACT_RESSOURCE), { error: 'Type de contact inconnu' }),
  valeur: z.string().trim().min(1, 'Contact vide').max(300),
  libelle: texteLibre(120),
});
export type ContactRessource = z.infer<typeof contactRessourceSchema>;

const dateIso = z.iso
  .date('Date attendue au format AAAA-MM-JJ')
  .nullish()
  .transform((v) => v ?? null);

/** What a user (or an import) gives for a resource. */
export const ressourceSaisieSchema = z
  .object({
    organisationId: z.uuid('Organisation inconnue'),
    nom: z.string().trim().min(2, 'Nom trop court').max(300, '300 caractères au plus'),
    typeCode: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, 'Type de ressource inconnu'),
    publics: z.array(publicRessourceSchema).max(20).default([]),
    missions: z.array(missionRessourceSchema).max(20).default([]),
    niveau: niveauRessourceSchema,
    sollicitablePar: z.array(solliciteurRessourceSchema).max(20).default([]),
    zone: perimetreSchema.default({ epci: [], communes: [] }),
    adresse: texteLibre(500),
    communeCode: codeCommuneInseeSchema.nullish().transform((v) => v ?? null),
    horaires: texteLibre(1000),
    contacts: z.array(contactRessourceSchema).max(20).default([]),
    criteresInclusion: texteLibre(4000),
    capacite: texteLibre(300),
    delaiHabituel: texteLibre(300),
    statut: statutRessourceSchema.default('active'),
    statutDepuis: dateIso,
    statutJusquAu: dateIso,
    finess: identifiant('FINESS', finessValide, '9 caractères avec une clé de contrôle correcte'),
    siret: identifiant('SIRET', siretValide, '14 chiffres avec une clé de contrôle correcte'),
    rorId: texteLibre(100),
    publie: z.boolean().default(false),
  })
  .refine((r) => !r.statutDepuis || !r.statutJusquAu || r.statutDepuis <= r.statutJusquAu, {
    path: ['statutJusquAu'],
    message: 'La fin du statut précède son début',
  });
export type RessourceSaisie = z.infer<typeof ressourceSaisieSchema>;
