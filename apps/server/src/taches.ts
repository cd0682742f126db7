import { pluriel } from '@maillage/domain/texte';
import { envoyerSyntheses } from './modules/gouvernance/alertes.service';
import {
  executerImportEnFond,
  importInterrompu,
  TACHE_IMPORT_VALEURS,
  type DonneesImportEnFond,
} from './modules/diagnostics/import.service';
import {
  executerImportPlanEnFond,
  importPlanInterrompu,
  TACHE_IMPORT_PLAN,
  type DonneesImportPlan,
} from './modules/plans/imports-plans.service';
import { purgerSituationsCloses, TACHE_PURGE_APPUI } from './modules/appui/purge.service';
import { envoyerRelancesCampagnes } from './modules/suivi/campagnes.service';
import {
  distribuerEvenements,
  livrer,
  TACHE_DISTRIBUTION,
  TACHE_LIVRAISON,
  type DonneesLivraison,
} from './modules/webhooks/livraisons.service';
import type { Contexte } from './platform/contexte';
import { ecouterEvenements } from './platform/evenements';

/**
 * The background jobs of the modules, wired into the platform's queue (platform/taches.ts, decision 0013). Every
 * server process defines them all and takes whichever is waiting.
 */

export const TACHE_SYNTHESE = 'synthese-hebdomadaire';
export const TACHE_RELANCES = 'relances-campagnes';

const journal = (m: string) => console.log(`[maillage] ${m}`);

export function definirTaches(ctx: Contexte) {
  ctx.taches.definir<DonneesImportEnFond>({
    nom: TACHE_IMPORT_VALEURS,
    traiter: (donnees) => executerImportEnFond(ctx, donnees),
    interrompue: (donnees) => importInterrompu(ctx, donnees),
    // Five million rows take minutes; past this, something is wrong.
    dureeMaxHeures: 6,
  });
  ctx.taches.definir<DonneesImportPlan>({
    nom: TACHE_IMPORT_PLAN,
    traiter: (donnees) => executerImportPlanEnFond(ctx, donnees),
    interrompue: (donnees) => importPlanInterrompu(ctx, donnees),
    // 5 000 rows take seconds to a minute.
    dureeMaxHeures: 1,
  });
  // Both send each mail once: the digest records each coordinator's date, the reminders each (campaign, pilot,
  // motive) before sending. An interrupted run is simply the next scheduled one.
  ctx.taches.definir({
    nom: TACHE_SYNTHESE,
    unique: true,
    traiter: async () => {
      const envoyes = await envoyerSyntheses(ctx);
      if (envoyes.length) journal(`Synthèse hebdomadaire envoyée à ${pluriel(envoyes.length, 'coordonnateur')}.`);
    },
  });
  ctx.taches.definir({
    nom: TACHE_RELANCES,
    unique: true,
    traiter: async () => {
      const envoyes = await envoyerRelancesCampagnes(ctx);
      if (envoyes.length) journal(`Relances de campagne de suivi envoyées à ${pluriel(envoyes.length, 'pilote')}.`);
    },
  });
  // Idempotent: a case purged is gone, a rerun finds the next ones.
  ctx.taches.definir({
    nom: TACHE_PURGE_APPUI,
    unique: true,
    traiter: async () => {
      const n = await purgerSituationsCloses(ctx);
      if (n)
        journal(`Appui : ${pluriel(n, 'situation close effacée', 'situations closes effacées')} au terme de la durée de conservation.`);
    },
  });
  // Webhooks (decision 0039): the outbox is distributed when an event commits (LISTEN) and every minute (what a
  // lost notification left); each delivery is a job, its retries new jobs sent after their delay.
  ctx.taches.definir({ nom: TACHE_DISTRIBUTION, unique: true, traiter: async () => void (await distribuerEvenements(ctx)) });
  ctx.taches.definir<DonneesLivraison>({
    nom: TACHE_LIVRAISON,
    traiter: (donnees) => livrer(ctx, donnees),
    // Cut by a crash: sent again (receivers dedupe on the event id).
    interrompue: async (donnees) => void (await ctx.taches.envoyer(TACHE_LIVRAISON, donnees)),
  });
}

/**
 * Starts taking jobs, and records the schedules of the configuration (shared by every process). Returns what stops
 * listening for domain events (the queue itself stops with ctx.taches.arreter()).
 */
export async function demarrerTaches(ctx: Contexte): Promise<() => Promise<void>> {
  definirTaches(ctx);
  await ctx.taches.demarrer({
    [TACHE_SYNTHESE]: ctx.config.planifications.synthese,
    [TACHE_RELANCES]: ctx.config.planifications.relances,
    [TACHE_PURGE_APPUI]: ctx.config.planifications.purgeAppui,
    [TACHE_DISTRIBUTION]: '* * * * *',
  });
  return ecouterEvenements(ctx.db, () => {
    ctx.taches
      .envoyerMaintenant(TACHE_DISTRIBUTION)
      .then(() => ctx.taches.reveiller(TACHE_DISTRIBUTION))
      .catch((e) => console.error('[maillage] webhooks : distribution non lancée :', e));
  });
}
