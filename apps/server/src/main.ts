import sortieAsynchrone from 'async-exit-hook';
import { construireApplication } from './app';
import { pluriel } from '@maillage/domain/texte';
import { lireConfig } from './config';
import { creerDonneesDemo } from './modules/demo/demo.service';
import { assurerAdministrateur } from './modules/comptes/utilisateurs.service';
import { envoisTermines } from './modules/comptes/auth.service';
import { purgerSessionsExpirees } from './modules/comptes/comptes.repository';
import { envoyerSyntheses } from './modules/gouvernance/alertes.service';
import { envoyerRelancesCampagnes } from './modules/suivi/campagnes.service';
import { demarrerPlateforme, type Plateforme } from './platform/demarrage';
import { DemarrageRefuse } from './platform/embedded-postgres';
import { surveillerProcessus } from './platform/processus';

const journal = (m: string) => console.log(`[maillage] ${m}`);

/**
 * The weekly digest goes out on Monday mornings (Paris time). Checked every hour; an advisory lock keeps several
 * server processes from sending it twice, and each coordinator's last digest date keeps a restart from resending.
 */
function planifierSyntheses(ctx: Plateforme['ctx']) {
  const verifier = async () => {
    const maintenant = new Date();
    const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', hour: 'numeric', hour12: false }).formatToParts(maintenant);
    const jour = paris.find((p) => p.type === 'weekday')?.value;
    const heure = Number(paris.find((p) => p.type === 'hour')?.value);
    if (jour !== 'lundi' || heure < 8) return;
    const client = await ctx.db.connect();
    try {
      const { rows } = await client.query("select pg_try_advisory_lock(hashtext('maillage:syntheses')) as verrou");
      if (!rows[0].verrou) return;
      const envoyes = await envoyerSyntheses(ctx, maintenant);
      if (envoyes.length) journal(`Synthèse hebdomadaire envoyée à ${pluriel(envoyes.length, 'coordonnateur')}.`);
      await client.query("select pg_advisory_unlock(hashtext('maillage:syntheses'))");
    } finally {
      client.release();
    }
  };
  setInterval(() => void verifier().catch((e) => console.error('[maillage] synthèse hebdomadaire :', e)), 60 * 60 * 1000).unref();
}

/** Campaign reminders (seven days and one day before the due date), checked at start and every hour. */
function planifierRelances(ctx: Plateforme['ctx']) {
  const verifier = async () => {
    const envoyes = await envoyerRelancesCampagnes(ctx);
    if (envoyes.length) journal(`Relances de campagne de suivi envoyées à ${pluriel(envoyes.length, 'pilote')}.`);
  };
  const lancer = () => void verifier().catch((e) => console.error('[maillage] relances de campagne :', e));
  setTimeout(lancer, 30_000).unref();
  setInterval(lancer, 60 * 60 * 1000).unref();
}

async function main() {
  const config = lireConfig();
  const plateforme = await demarrerPlateforme(config, journal);
  try {
    await servir(plateforme);
  } catch (e) {
    await plateforme.arreter().catch(() => {});
    throw e;
  }
}

async function servir(plateforme: Plateforme) {
  const { ctx } = plateforme;
  const config = ctx.config;
  if (config.adminEmail && config.adminPassword) {
    const resultat = await assurerAdministrateur(ctx, config.adminEmail, config.adminPassword);
    journal(resultat === 'cree' ? `Administrateur ${config.adminEmail} créé.` : `Administrateur ${config.adminEmail} déjà présent.`);
  }
  if (config.demo) await creerDonneesDemo(ctx, journal);
  await purgerSessionsExpirees(ctx.db);
  await surveillerProcessus(ctx.db, journal);

  const app = await construireApplication(ctx);
  // embedded-postgres stops its server from an async-exit-hook on SIGINT/SIGTERM and then exits the process;
  // our own shutdown joins the same hooks, so it runs to the end instead of being cut off.
  sortieAsynchrone((fini: () => void) => {
    journal('Arrêt propre…');
    app
      .close()
      .then(() => envoisTermines())
      .then(() => plateforme.arreter())
      .catch((e) => console.error(e))
      .finally(() => {
        journal('Arrêté.');
        fini();
      });
  });

  planifierSyntheses(ctx);
  planifierRelances(ctx);
  await app.listen({ port: config.port, host: config.host });
  journal(`Maillage est prêt : ${config.publicUrl} (base ${ctx.modeBase}, courriels : ${ctx.messagerie.description})`);
}

main().catch((e) => {
  if (e instanceof DemarrageRefuse) console.error(`[maillage] Démarrage refusé : ${e.message}`);
  else console.error('[maillage] Échec du démarrage :', e);
  process.exit(1);
});
