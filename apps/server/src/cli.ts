import path from 'node:path';
import { motDePasseRobusteSchema } from '@maillage/domain/mot-de-passe';
import { lireConfig, type Config } from './config';
import { assurerAdministrateur } from './modules/comptes/utilisateurs.service';
import { creerPool } from './platform/database';
import { demarrerPlateforme } from './platform/demarrage';
import { demarrerPostgresEmbarque, urlPostgresEnMarche } from './platform/embedded-postgres';
import { lireEnTete, restaurer, sauvegarder } from './platform/sauvegarde';

const journal = (m: string) => console.log(`[maillage] ${m}`);

/** npm run admin:create -- <email> <mot de passe>: creates a platform admin if absent, then stops. */
async function creerAdministrateur(config: Config, email: string, motDePasse: string) {
  const verifie = motDePasseRobusteSchema.safeParse(motDePasse);
  if (!verifie.success) throw new Error(`Mot de passe refusé : ${verifie.error.issues[0].message}`);
  // With Maillage running on the embedded database, use that server rather than refusing to start a second one.
  const enMarche = config.databaseUrl ? null : await urlPostgresEnMarche(config.dataDir);
  const plateforme = await demarrerPlateforme({ ...config, databaseUrl: enMarche ?? config.databaseUrl }, journal);
  try {
    const resultat = await assurerAdministrateur(plateforme.ctx, email, motDePasse);
    console.log(resultat === 'cree' ? `Administrateur ${email} créé.` : `Un compte ${email} existe déjà : rien n’a été changé.`);
  } finally {
    await plateforme.arreter();
  }
}

/**
 * The database to back up or restore: DATABASE_URL when set; else the embedded one — the running Maillage's if
 * there is one (a backup is consistent while it runs), or started for the time of the command.
 */
async function base(config: Config, pourRestaurer: boolean) {
  if (config.databaseUrl) {
    const pool = creerPool(config.databaseUrl, 2);
    return { pool, arreter: () => pool.end() };
  }
  const enMarche = await urlPostgresEnMarche(config.dataDir);
  if (enMarche && pourRestaurer) throw new Error('Maillage tourne sur ce dossier de données : arrêtez-le avant de restaurer.');
  if (enMarche) {
    const pool = creerPool(enMarche, 2);
    return { pool, arreter: () => pool.end() };
  }
  const embarque = await demarrerPostgresEmbarque(config.dataDir);
  const pool = creerPool(embarque.url, 2);
  return {
    pool,
    arreter: async () => {
      await pool.end();
      await embarque.arreter();
    },
  };
}

async function commandeSauvegarde(config: Config, fichier?: string) {
  const cible = path.resolve(fichier ?? path.join(config.dataDir, 'sauvegardes', `maillage-${new Date().toISOString().slice(0, 16).replace(':', 'h')}.sauvegarde.gz`));
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(cible), { recursive: true }));
  const { pool, arreter } = await base(config, false);
  try {
    const debut = Date.now();
    const entete = await sauvegarder(pool, cible);
    const lignes = entete.tables.reduce((t, x) => t + x.lignes, 0);
    journal(`Sauvegarde écrite : ${cible} (${entete.tables.length} tables, ${lignes} lignes, ${((Date.now() - debut) / 1000).toFixed(1)} s).`);
  } finally {
    await arreter();
  }
}

async function commandeRestauration(config: Config, fichier: string | undefined, forcer: boolean) {
  if (!fichier) throw new Error('Usage : npm run restore -- <fichier de sauvegarde> [--force]');
  const source = path.resolve(fichier);
  const entete = await lireEnTete(source);
  journal(`Sauvegarde du ${entete.creeLe} : ${entete.tables.length} tables, ${entete.tables.reduce((t, x) => t + x.lignes, 0)} lignes.`);
  const { pool, arreter } = await base(config, true);
  try {
    if (config.databaseUrl && !forcer) {
      // On an external database, other servers may be running: their beat says so.
      const { rows } = await pool
        .query(`select count(*)::int as n from processus_serveur where battement > now() - interval '45 seconds'`)
        .catch(() => ({ rows: [{ n: 0 }] }));
      if (rows[0].n > 0) throw new Error(`${rows[0].n} serveur(s) Maillage utilisent cette base : arrêtez-les avant de restaurer (ou --force).`);
    }
    const debut = Date.now();
    await restaurer(pool, source);
    journal(`Base restaurée depuis ${source} en ${((Date.now() - debut) / 1000).toFixed(1)} s. Au prochain démarrage, Maillage appliquera les migrations plus récentes s’il y en a.`);
  } finally {
    await arreter();
  }
}

async function main() {
  const [commande, ...args] = process.argv.slice(2);
  const config = lireConfig();
  switch (commande) {
    case 'create-admin':
      if (!args[0] || !args[1]) throw new Error('Usage : npm run admin:create -- <email> <mot de passe>');
      return creerAdministrateur(config, args[0], args[1]);
    case 'backup':
      return commandeSauvegarde(config, args.find((a) => !a.startsWith('--')));
    case 'restore':
      return commandeRestauration(config, args.find((a) => !a.startsWith('--')), args.includes('--force'));
    default:
      throw new Error('Commandes : create-admin <email> <mot de passe>, backup [fichier], restore <fichier> [--force]');
  }
}

main().catch((e) => {
  console.error(`[maillage] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
