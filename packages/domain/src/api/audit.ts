/** Contracts of the audit log routes. */
import { z } from 'zod';

export const evenementAudit = z.object({
  id: z.number().int(),
  le: z.string(),
  acteurId: z.string().nullable(),
  acteurLibelle: z.string(),
  entiteType: z.string(),
  entiteId: z.string().nullable(),
  action: z.string(),
  diff: z.record(z.string(), z.object({ avant: z.unknown(), apres: z.unknown() })),
  contexte: z.record(z.string(), z.unknown()),
  phrase: z.string().describe('L’événement en une phrase française (« Marie Dupont a validé le suivi de la période 2024 »)'),
});
export type EvenementAudit = z.infer<typeof evenementAudit>;

export const pageHistorique = z.object({ total: z.number().int(), elements: z.array(evenementAudit) });
export type PageHistorique = z.infer<typeof pageHistorique>;

export const pageAudit = pageHistorique.extend({ entiteTypes: z.array(z.string()), actions: z.array(z.string()) });
export type PageAudit = z.infer<typeof pageAudit>;
