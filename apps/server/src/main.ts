import sortieAsynchrone from 'async-exit-hook';
import { construireApplication } from './app';
import { lireConfig } from './config';
import { preparerDonneesDeReference } from './donnees-de-reference';
import { creerDonneesDemo } from './demo/demo.service';
import { assurerAdministrateur } from './modules/comptes/utilisateurs.service';
import { envoisTermines, purgerSessionsExpirees } from './modules/comptes/auth.service';
import { demarrerPlateforme, type Plateforme } from './platform/demarrage';
import { DemarrageRefuse } from './platform/embedded-postgres';
import { surveillerProcessus } from './platform/processus';
import { definirTaches } from './taches';

const journal = (m: string) => console.log(`[maillage] ${m}`);

async function main() {
  const config = lireConfig();
  const plateforme = await demarrerPlateforme(config, journal, preparerDonneesDeReference);
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
  await purgerSessionsExpirees(ctx);
  // The jobs are defined first, so that the work a dead process left is closed the way each job says.
  definirTaches(ctx);
  await surveillerProcessus(ctx.db, () => ctx.taches.fermerInterrompues());

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

  await app.listen({ port: config.port, host: config.host });
  journal(`Maillage est prêt : ${config.publicUrl} (base ${ctx.modeBase}, courriels : ${ctx.messagerie.description})`);
}

main().catch((e) => {
  if (e instanceof DemarrageRefuse) console.error(`[maillage] Démarrage refusé : ${e.message}`);
  else console.error('[maillage] Échec du démarrage :', e);
  process.exit(1);
});
