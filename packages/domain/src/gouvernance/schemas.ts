import { z } from 'zod';
import { STATUTS_FICHE } from '../contrats/taxonomies';
import { financementSaisieSchema } from '../contrats/schemas';

export const TYPES_INSTANCE = {
  copil: 'Comité de pilotage (COPIL)',
  cotech: 'Comité technique (COTECH)',
  coordination: 'Duo / trinôme de coordination',
  groupe_travail: 'Groupe de travail thématique',
  comite_elus: 'Comité des élus',
  assemblee_pleniere: 'Assemblée plénière',
  autre: 'Autre instance',
} as const;
export type TypeInstance = keyof typeof TYPES_INSTANCE;

export const ETATS_PRESENCE = { present: 'Présent', excuse: 'Excusé', absent: 'Absent', represente: 'Représenté' } as const;

/** What a member of an instance is (issue 20, point 4): the représentants des usagers are counted in attendance. */
export const QUALITES_MEMBRE = {
  institution: 'Institution ou organisation',
  elu: 'Élu',
  representant_usagers: 'Représentant des usagers',
  personne_qualifiee: 'Personne qualifiée',
  autre: 'Autre',
} as const;
export type QualiteMembre = keyof typeof QUALITES_MEMBRE;

/** A représentant des usagers counts as present when there in person, not when represented by someone else. */
export function representantsUsagersPresents(
  membres: { id: string; qualite?: string | null }[],
  presences: { membreId: string; etat: string }[],
): number {
  const representants = new Set(membres.filter((m) => m.qualite === 'representant_usagers').map((m) => m.id));
  return presences.filter((p) => p.etat === 'present' && representants.has(p.membreId)).length;
}

const date = (libelle: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${libelle} : date attendue au format AAAA-MM-JJ`);
const dateHeure = (libelle: string) =>
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/,
      `${libelle} : date et heure attendues (AAAA-MM-JJTHH:MM)`,
    );

export const instanceSchema = z.object({
  type: z.enum(Object.keys(TYPES_INSTANCE) as [TypeInstance], { error: 'Type d’instance inconnu' }),
  nom: z.string().trim().min(2, 'Le nom doit compter au moins 2 caractères').max(200),
  frequenceParAn: z.number().int().min(0).max(52, 'Au plus 52 séances par an').nullish(),
  presidence: z.string().trim().max(300).nullish(),
});

/** The address invitations also go to, for a member without an account (an organisation's secretariat, an elected official). */
const courrielInvitation = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'Au plus 320 caractères')
  .pipe(z.email({ error: 'L’adresse e-mail n’est pas valide' }))
  .nullish()
  .describe('Adresse à laquelle les invitations partent aussi (membre sans compte)');

export const courrielMembreSchema = z.object({ email: courrielInvitation });

export const membreInstanceSchema = z
  .object({
    organisationId: z.uuid('Organisation inconnue').nullish(),
    personneId: z.uuid('Personne inconnue').nullish(),
    email: courrielInvitation,
    role: z.string().trim().max(200).nullish(),
    qualite: z
      .enum(Object.keys(QUALITES_MEMBRE) as [QualiteMembre], {
        error: 'Qualité : institution, élu, représentant des usagers, personne qualifiée ou autre',
      })
      .nullish(),
    copresidence: z.boolean().default(false),
    debut: date('Début').nullish(),
    fin: date('Fin').nullish(),
  })
  .refine((m) => m.organisationId || m.personneId, { message: 'Choisissez une organisation ou une personne', path: ['organisationId'] })
  .refine((m) => !m.debut || !m.fin || m.fin >= m.debut, { message: 'La fin précède le début', path: ['fin'] });

export const pointOrdreDuJourSchema = z.object({
  intitule: z.string().trim().min(2, 'Le point doit avoir un intitulé').max(500),
  dureeMinutes: z.number().int().min(1).max(600).nullish(),
  ficheIds: z.array(z.uuid()).default([]),
});

export const seanceSchema = z
  .object({
    instanceId: z.uuid('Instance inconnue'),
    debut: dateHeure('Début'),
    fin: dateHeure('Fin').nullish(),
    lieu: z.string().trim().max(300).nullish(),
    visio: z.string().trim().max(500).nullish(),
    ordreDuJour: z.array(pointOrdreDuJourSchema).max(50).default([]),
    statut: z.enum(['prevue', 'tenue', 'annulee']).default('prevue'),
  })
  .refine((s) => !s.fin || s.fin > s.debut, { message: 'La fin précède le début', path: ['fin'] });

export const presencesSchema = z.object({
  presences: z.array(
    z.object({
      membreId: z.uuid(),
      etat: z.enum(Object.keys(ETATS_PRESENCE) as [keyof typeof ETATS_PRESENCE], { error: 'État de présence inconnu' }),
      representePar: z.string().trim().max(200).nullish(),
    }),
  ),
});

export const compteRenduSchema = z.object({ compteRendu: z.string().max(200_000), version: z.number().int() });

export const decisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('aucune'), texte: z.string().trim().min(3, 'Rédigez la décision').max(5000) }),
  z.object({
    action: z.literal('valider_fiche'),
    texte: z.string().trim().min(3, 'Rédigez la décision').max(5000),
    ficheId: z.uuid('Fiche inconnue'),
  }),
  z.object({
    action: z.literal('statut_fiche'),
    texte: z.string().trim().min(3, 'Rédigez la décision').max(5000),
    ficheId: z.uuid('Fiche inconnue'),
    statut: z.enum(STATUTS_FICHE, { error: 'Statut de fiche inconnu' }),
  }),
  z.object({
    action: z.literal('financement_fiche'),
    texte: z.string().trim().min(3, 'Rédigez la décision').max(5000),
    ficheId: z.uuid('Fiche inconnue'),
    /** The fiche's funding line (by rank) to change, or a new line when absent. */
    rang: z.number().int().min(0).nullish(),
    ligne: financementSaisieSchema,
  }),
]);

export const posteCoordinationSchema = z.object({
  intitule: z.string().trim().min(2).max(200).default('Coordination du CLS'),
  personne: z.string().trim().max(200).nullish().describe('Vide : poste vacant'),
  employeurId: z.uuid('Employeur inconnu').nullish(),
  etp: z.number().min(0, 'ETP positif').max(5, 'ETP : 5 au plus').nullish(),
  cofinancements: z
    .array(
      z.object({
        financeur: z.string().trim().min(1, 'Nommez le financeur').max(200),
        part: z.number().min(0).max(100, 'Une part ne dépasse pas 100 %'),
      }),
    )
    .max(10)
    .default([])
    .refine((l) => l.reduce((t, c) => t + c.part, 0) <= 100.0001, { message: 'La somme des parts dépasse 100 %' }),
  debut: date('Début').nullish(),
  fin: date('Fin').nullish(),
  notesPassation: z.string().trim().max(20000).nullish(),
});

/** Doctrine check of the coordination post's co-funding: "à parts égales" between ARS and collectivité. */
export function ecartCofinancement(cofinancements: readonly { financeur: string; part: number }[], partsEgales: boolean): string | null {
  if (!partsEgales) return null;
  if (cofinancements.length < 2)
    return 'La doctrine prévoit un cofinancement du poste à parts égales entre l’ARS et la collectivité ; un seul financeur est enregistré.';
  const parts = cofinancements.map((c) => c.part);
  if (Math.max(...parts) - Math.min(...parts) > 0.5)
    return `La doctrine prévoit des parts égales ; les parts enregistrées sont ${cofinancements.map((c) => `${c.financeur} ${c.part} %`).join(', ')}.`;
  return null;
}
