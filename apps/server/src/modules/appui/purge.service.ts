import { auditer, SYSTEME } from '../../platform/audit';
import type { Contexte } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';

/**
 * The purge of closed cases (issue 18 item 8, decision 0032): a case closed longer than its team's retention
 * (`appui_equipes.conservation_mois`, else MAILLAGE_APPUI_CONSERVATION_MOIS) is deleted with everything it holds —
 * evaluations, orientations, plans, concertations, closure, read log —, then its request, then the person when
 * nothing else of them remains. What is left is one audit entry per case: its number, its team, the retention applied.
 * Run by the scheduled job `purge-appui` (src/taches.ts).
 */

export const TACHE_PURGE_APPUI = 'purge-appui';
const LOT = 200;

/** Deletes the cases past their retention at `maintenant`; returns how many. Each batch is one transaction. */
export async function purgerSituationsCloses(ctx: Contexte, maintenant: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await enTransaction(ctx.db, async (tx) => {
      const { rows } = await tx.query<{ id: string; numero: number; organisationId: string; demandeId: string; personneId: string; mois: number }>(
        `select s.id, s.numero, s.organisation_id "organisationId", s.demande_id "demandeId", s.personne_id "personneId",
           coalesce(e.conservation_mois, $2) mois
         from appui_situations s join appui_equipes e on e.organisation_id = s.organisation_id
         where s.statut = 'close' and s.close_le + make_interval(months => coalesce(e.conservation_mois, $2)) <= $1
         order by s.close_le limit $3 for update of s skip locked`,
        [maintenant, ctx.config.conservationAppuiMois, LOT],
      );
      for (const s of rows) {
        // The case first (its rows and its read log go with it), then its request, then the person if nothing else names them.
        await tx.query('delete from appui_situations where id = $1', [s.id]);
        await tx.query('delete from appui_demandes where id = $1', [s.demandeId]);
        await tx.query(
          `delete from appui_personnes p where p.id = $1
             and not exists (select 1 from appui_demandes d where d.personne_id = p.id)
             and not exists (select 1 from appui_situations x where x.personne_id = p.id)`,
          [s.personneId],
        );
        await auditer(tx, {
          acteur: SYSTEME,
          entiteType: 'cloture_appui',
          entiteId: s.id,
          action: 'purge',
          contexte: { numero: s.numero, organisationId: s.organisationId, conservationMois: s.mois },
        });
      }
      return rows.length;
    });
    total += n;
    if (n < LOT) return total;
  }
}
