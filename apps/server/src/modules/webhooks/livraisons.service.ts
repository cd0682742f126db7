import { delaiAvantNouvelleTentative, doitMettreEnPause, pluriel, type TypeEvenement } from '@maillage/domain';
import { auditer, SYSTEME } from '../../platform/audit';
import type { Contexte } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier } from '../../platform/errors';
import { prendreEvenements, purgerEvenements, type EvenementPublie } from '../../platform/evenements';
import { referenceContrat } from '../contrats/acces';
import { envoyerLivraison, type ResultatEnvoi } from './envoi';
import { destinatairesAbonnement } from './webhooks.queries';
import * as repository from './webhooks.repository';

/**
 * From the platform's outbox to the receivers (decision 0039): each event becomes one delivery per subscription that
 * wants it, each delivery a job of the queue, each attempt a row. Failed attempts are tried again on the schedule of
 * the configuration; too many failures in a row pause the subscription and tell its owners.
 */

export const TACHE_DISTRIBUTION = 'webhooks-distribution';
export const TACHE_LIVRAISON = 'webhooks-livraison';
const PAQUET = 100;

/** Who hears of a contract's events: the organisations engaged in it, the same rule that lets their referents read it. */
async function organisationsConcernees(tx: Queryable, contratId: string): Promise<readonly string[]> {
  try {
    return (await referenceContrat(tx, contratId)).organisationsEngagees ?? [];
  } catch (e) {
    if (e instanceof ErreurMetier) return []; // the contract is gone: nobody to tell
    throw e;
  }
}

/** The page a person opens to see what the event is about. */
function lien(ctx: Contexte, e: EvenementPublie): string {
  const d = e.donnees;
  const base = ctx.config.publicUrl;
  const chemins: Record<TypeEvenement, string> = {
    'contrat.signe': `/contrats/${e.contratId}`,
    'avenant.signe': `/contrats/${e.contratId}`,
    'fiche.statut_modifie': `/fiches/${d.ficheId}`,
    'valeur.validee': `/fiches/${d.ficheId}`,
    'campagne.close': `/campagnes/${d.campagneId}`,
    'seance.tenue': `/seances/${d.seanceId}`,
  };
  return base + chemins[e.type];
}

export const corpsLivraison = (ctx: Contexte, e: EvenementPublie) =>
  JSON.stringify({ id: e.id, type: e.type, survenuLe: e.survenuLe, donnees: { contratId: e.contratId, ...e.donnees, url: lien(ctx, e) } });

/** Distributes what the outbox holds; safe to run in several processes at once (each event is taken once). */
export async function distribuerEvenements(ctx: Contexte): Promise<number> {
  let total = 0;
  for (;;) {
    const { evenements, livraisons } = await enTransaction(ctx.db, async (tx) => {
      const evenements = await prendreEvenements(tx, PAQUET);
      // The active subscriptions once per batch, and each contract's organisations once: no event waits on a query
      // nobody subscribed to.
      const abonnements = evenements.length ? await repository.abonnementsActifs(tx) : [];
      const organisationsDe = new Map<string, readonly string[]>();
      let livraisons = 0;
      for (const e of evenements) {
        const interesses = abonnements.filter((a) => a.evenements.includes(e.type));
        if (!interesses.length) continue;
        let organisations = organisationsDe.get(e.contratId);
        if (!organisations) {
          organisations = await organisationsConcernees(tx, e.contratId);
          organisationsDe.set(e.contratId, organisations);
        }
        const corps = corpsLivraison(ctx, e);
        for (const { id: abonnementId } of interesses.filter((a) => organisations.includes(a.organisationId))) {
          const id = await repository.creerLivraison(tx, { abonnementId, evenementId: e.id, type: e.type, corps });
          if (!id) continue;
          await ctx.taches.envoyer(TACHE_LIVRAISON, { livraisonId: id }, tx);
          livraisons++;
        }
      }
      return { evenements: evenements.length, livraisons };
    });
    if (livraisons) ctx.taches.reveiller(TACHE_LIVRAISON);
    total += evenements;
    if (evenements < PAQUET) break;
  }
  await purgerEvenements(ctx.db, 30);
  return total;
}

export interface DonneesLivraison {
  livraisonId: string;
}

/** One attempt of one delivery (the job). The HTTP call runs outside any transaction: nothing is locked while it waits. */
export async function livrer(ctx: Contexte, { livraisonId }: DonneesLivraison): Promise<void> {
  const livraison = await repository.livraisonAEnvoyer(ctx.db, livraisonId);
  if (!livraison || livraison.statut !== 'en_attente') return;
  if (!livraison.abonnementActif) {
    await repository.changerLivraison(ctx.db, livraisonId, 'abandonnee', livraison.tentatives, null);
    return;
  }
  const envoi = await envoyerLivraison(
    { ...livraison, livraisonId },
    { delaiMs: ctx.config.webhooks.delaiReponseMs, reseauxPrives: ctx.config.webhooks.reseauxPrives },
  );
  const mise = await enTransaction(ctx.db, (tx) => noterResultat(ctx, tx, livraisonId, envoi));
  if (mise) await prevenirMiseEnPause(ctx, mise.abonnementId, mise.url, mise.motif);
}

async function noterResultat(ctx: Contexte, tx: Queryable, livraisonId: string, envoi: ResultatEnvoi) {
  const l = await repository.livraisonAEnvoyer(tx, livraisonId);
  if (!l) return null; // the subscription was deleted meanwhile
  const numero = l.tentatives + 1;
  await repository.noterTentative(tx, livraisonId, { numero, debut: new Date(Date.now() - envoi.dureeMs).toISOString(), ...envoi });
  if (envoi.resultat === 'reussie') {
    await repository.changerLivraison(tx, livraisonId, 'reussie', numero, null);
    await repository.compterEchec(tx, l.abonnementId, false);
    return null;
  }
  const echecs = await repository.compterEchec(tx, l.abonnementId, true);
  const { delais, echecsAvantPause } = ctx.config.webhooks;
  if (doitMettreEnPause(echecs, echecsAvantPause) && l.abonnementActif) {
    const motif = `Mis en pause automatiquement après ${pluriel(echecs, 'échec consécutif', 'échecs consécutifs')} (dernier : ${envoi.extrait ?? envoi.resultat}).`;
    await repository.changerLivraison(tx, livraisonId, 'echouee', numero, null);
    if (!(await repository.mettreEnPause(tx, l.abonnementId, motif))) return null;
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'abonnement_webhook',
      entiteId: l.abonnementId,
      action: 'suspension',
      avant: { statut: 'actif' },
      apres: { statut: 'en_pause', echecsConsecutifs: echecs },
      contexte: { organisationId: l.organisationId },
    });
    return { abonnementId: l.abonnementId, url: l.url, motif };
  }
  const delai = l.statut === 'en_attente' ? delaiAvantNouvelleTentative(numero, delais) : null;
  if (delai === null) {
    await repository.changerLivraison(tx, livraisonId, l.statut === 'en_attente' ? 'echouee' : l.statut, numero, null);
    return null;
  }
  await repository.changerLivraison(tx, livraisonId, 'en_attente', numero, delai);
  await ctx.taches.envoyer(TACHE_LIVRAISON, { livraisonId }, tx, { apresSecondes: delai });
  return null;
}

/** Tells the subscription's creator and its organisation's referents, by mail, once it is paused. */
async function prevenirMiseEnPause(ctx: Contexte, abonnementId: string, url: string, motif: string) {
  for (const a of await destinatairesAbonnement(ctx.db, abonnementId)) {
    await ctx.messagerie
      .envoyer({
        a,
        sujet: 'Webhook mis en pause : livraisons en échec',
        texte: `Bonjour,\n\nL’abonnement webhook vers ${url} a été mis en pause. ${motif}\n\nVérifiez que le récepteur répond, puis reprenez l’abonnement ; les livraisons échouées peuvent être relancées une à une :\n${ctx.config.publicUrl}/webhooks\n\nL’équipe Maillage`,
      })
      .catch((e) => console.error('[maillage] webhooks : courriel de mise en pause non envoyé :', e));
  }
}
