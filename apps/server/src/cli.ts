import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline/promises';
import type pg from 'pg';
import { motDePasseRobusteSchema } from '@maillage/domain/mot-de-passe';
import { pluriel } from '@maillage/domain/texte';
import { lireConfig, type Config } from './config';
import { preparerDonneesDeReference } from './donnees-de-reference';
import { rotationCleSante } from './modules/appui/rotation-cle';
import { assurerAdministrateur } from './modules/comptes/utilisateurs.service';
import { creerPool } from './platform/database';
import { demarrerPlateforme } from './platform/demarrage';
import { DemarrageRefuse, demarrerPostgresEmbarque, urlPostgresEnMarche } from './platform/embedded-postgres';
import { lireEnTete, restaurer, sauvegarder, sauvegarderDans, type EnTete } from './platform/sauvegarde';
import { decrireSauvegardes, ErreurSauvegarde, formaterDate, formaterTaille, trouverSauvegarde } from './platform/sauvegarde-fichiers';

const journal = (m: string) => console.log(`[maillage] ${m}`);

/** npm run admin:create -- <email> <mot de passe>: creates a platform admin if absent, then stops. */
async function creerAdministrateur(config: Config, email: string, motDePasse: string) {
  const verifie = motDePasseRobusteSchema.safeParse(motDePasse);
  if (!verifie.success) throw new Error(`Mot de passe refusé : ${verifie.error.issues[0].message}`);
  // With Maillage running on the embedded database, use that server rather than refusing to start a second one.
  const enMarche = config.databaseUrl ? null : await urlPostgresEnMarche(config.dataDir);
  const plateforme = await demarrerPlateforme(
    { ...config, databaseUrl: enMarche ?? config.databaseUrl },
    journal,
    preparerDonneesDeReference,
  );
  try {
    const resultat = await assurerAdministrateur(plateforme.ctx, email, motDePasse);
    console.log(resultat === 'cree' ? `Administrateur ${email} créé.` : `Un compte ${email} existe déjà : rien n’a été changé.`);
  } finally {
    await plateforme.arreter();
  }
}

/** Where a relative path is meant from: npm runs scripts from the project's root, not from where they were typed. */
const repertoireCourant = () => process.env.INIT_CWD ?? process.cwd();
const dossierSauvegardes = (config: Config) => path.join(config.dataDir, 'sauvegardes');

/**
 * The database to back up or restore: DATABASE_URL when set; else the embedded one — the running Maillage's if
 * there is one (a backup is consistent while it runs), or started for the time of the command.
 */
async function base(config: Config, pourRestaurer: boolean) {
  if (config.databaseUrl) {
    const pool = creerPool(config.databaseUrl, 2);
    const u = new URL(config.databaseUrl);
    const description = `la base PostgreSQL externe ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname} (DATABASE_URL, utilisateur ${decodeURIComponent(u.username) || 'par défaut'})`;
    return { pool, description, arreter: () => pool.end() };
  }
  const description = `la base PostgreSQL embarquée du dossier de données ${config.dataDir} (DATA_DIR)`;
  const enMarche = await urlPostgresEnMarche(config.dataDir);
  if (enMarche && pourRestaurer) throw new ErreurSauvegarde(`Maillage tourne sur ${config.dataDir} : arrêtez-le avant de restaurer.`);
  if (enMarche) {
    const pool = creerPool(enMarche, 2);
    return { pool, description, arreter: () => pool.end() };
  }
  const embarque = await demarrerPostgresEmbarque(config.dataDir, { journal });
  const pool = creerPool(embarque.url, 2);
  return {
    pool,
    description,
    arreter: async () => {
      await pool.end();
      await embarque.arreter();
    },
  };
}

/** npm run backup [-- fichier]: into DATA_DIR/sauvegardes under a name of its own, or to the given file if it is free. */
async function commandeSauvegarde(config: Config, fichier?: string) {
  const cible = fichier ? path.resolve(repertoireCourant(), fichier) : null;
  if (cible && existsSync(cible))
    throw new ErreurSauvegarde(`${cible} existe déjà : une sauvegarde n’en remplace jamais une autre. Choisissez un autre nom.`);
  if (cible) await fs.mkdir(path.dirname(cible), { recursive: true });
  const { pool, arreter } = await base(config, false);
  try {
    const debut = Date.now();
    const { fichier: ecrit, entete } = cible
      ? { fichier: cible, entete: await sauvegarder(pool, cible) }
      : await sauvegarderDans(pool, dossierSauvegardes(config));
    const lignes = entete.tables.reduce((t, x) => t + x.lignes, 0);
    const taille = formaterTaille((await fs.stat(ecrit)).size);
    journal(
      `Sauvegarde écrite : ${ecrit} (${taille}, ${entete.tables.length} tables, ${lignes} lignes, ${((Date.now() - debut) / 1000).toFixed(1)} s).`,
    );
  } finally {
    await arreter();
  }
}

/** How many contracts and accounts a database or a backup holds: what the operator recognises. */
const compte = (entete: EnTete, table: string) => entete.tables.find((t) => t.nom === table)?.lignes ?? 0;

async function contenuActuel(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query(
    `select to_regclass('public.contrats') is not null and to_regclass('public.audit_evenements') is not null as maillage`,
  );
  if (!rows[0].maillage) return 'vide (aucune donnée de Maillage)';
  const { rows: r } = await pool.query(
    `select (select count(*)::int from contrats) as contrats, (select count(*)::int from utilisateurs) as comptes, (select max(le) from audit_evenements) as derniere`,
  );
  return `${pluriel(Number(r[0].contrats), 'contrat')}, ${pluriel(Number(r[0].comptes), 'compte')}${r[0].derniere ? `, dernière modification le ${formaterDate(r[0].derniere)}` : ''}`;
}

/**
 * A careful operator sees what is replaced, by what, before anything is done. In a terminal, the command asks;
 * elsewhere (a script, a pipe), it does nothing without --oui, since nobody can answer.
 */
async function confirmer(oui: boolean): Promise<void> {
  if (oui) return;
  if (!process.stdin.isTTY) {
    throw new ErreurSauvegarde(
      'Restauration non confirmée : la commande ne tourne pas dans un terminal et ne peut pas demander confirmation. ' +
        'Relisez ce qui précède, puis relancez-la avec --oui (ou --yes) pour confirmer. Rien n’a été changé.',
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const reponse = await rl.question('Tapez « oui » pour remplacer la base (autre réponse : abandon) : ').finally(() => rl.close());
  if (!['oui', 'yes'].includes(reponse.trim().toLowerCase())) throw new ErreurSauvegarde('Restauration abandonnée : rien n’a été changé.');
}

async function commandeRestauration(config: Config, fichier: string | undefined, options: { forcer: boolean; oui: boolean }) {
  if (!fichier) {
    throw new ErreurSauvegarde(
      `Usage : npm run restore -- <nom ou chemin de la sauvegarde> [--oui] [--force]\n${await decrireSauvegardes(dossierSauvegardes(config))}`,
    );
  }
  const source = await trouverSauvegarde(fichier, dossierSauvegardes(config), repertoireCourant());
  const entete = await lireEnTete(source);
  const taille = (await fs.stat(source)).size;
  const { pool, description, arreter } = await base(config, true);
  try {
    if (config.databaseUrl && !options.forcer) {
      // On an external database, other servers may be running: their beat says so.
      const { rows } = await pool
        .query(`select count(*)::int as n from processus_serveur where battement > now() - interval '45 seconds'`)
        .catch(() => ({ rows: [{ n: 0 }] }));
      if (rows[0].n > 0)
        throw new ErreurSauvegarde(
          `${pluriel(Number(rows[0].n), 'serveur')} Maillage ${rows[0].n > 1 ? 'utilisent' : 'utilise'} cette base : arrêtez-les avant de restaurer (ou --force).`,
        );
    }
    const lignes = entete.tables.reduce((t, x) => t + x.lignes, 0);
    console.log(
      [
        'Restauration : tout le contenu actuel de la base sera remplacé par celui de la sauvegarde.',
        `  Base remplacée : ${description}`,
        `    elle contient aujourd’hui : ${await contenuActuel(pool)}`,
        `  Sauvegarde : ${source}`,
        `    créée le ${formaterDate(new Date(entete.creeLe))}, ${formaterTaille(taille)} ; ${pluriel(Number(compte(entete, 'contrats')), 'contrat')}, ${pluriel(Number(compte(entete, 'utilisateurs')), 'compte')}, ${lignes} lignes en tout`,
        '  Ce qui a été fait depuis cette sauvegarde sera perdu. Pour pouvoir revenir en arrière : npm run backup avant.',
      ].join('\n'),
    );
    await confirmer(options.oui);
    const debut = Date.now();
    await restaurer(pool, source);
    journal(
      `Base restaurée depuis ${source} en ${((Date.now() - debut) / 1000).toFixed(1)} s. Au prochain démarrage, Maillage appliquera les migrations plus récentes s’il y en a.`,
    );
  } finally {
    await arreter();
  }
}

/** The options a command knows: an unknown one (a typo of --oui) stops it rather than being ignored. */
function options(args: string[], connues: string[]) {
  const inconnue = args.find((a) => a.startsWith('-') && !connues.includes(a));
  if (inconnue) throw new ErreurSauvegarde(`Option inconnue : ${inconnue} (connues : ${connues.join(', ') || 'aucune'}).`);
  const positionnels = args.filter((a) => !a.startsWith('-'));
  return { positionnels, a: (...noms: string[]) => noms.some((n) => args.includes(n)) };
}

async function main() {
  const [commande, ...args] = process.argv.slice(2);
  const config = lireConfig();
  switch (commande) {
    case 'create-admin':
      if (!args[0] || !args[1]) throw new Error('Usage : npm run admin:create -- <email> <mot de passe>');
      return creerAdministrateur(config, args[0], args[1]);
    case 'backup': {
      const o = options(args, []);
      if (o.positionnels.length > 1) throw new ErreurSauvegarde('Usage : npm run backup [-- fichier]');
      return commandeSauvegarde(config, o.positionnels[0]);
    }
    case 'restore': {
      const o = options(args, ['--oui', '--yes', '--force']);
      if (o.positionnels.length > 1)
        throw new ErreurSauvegarde('Usage : npm run restore -- <nom ou chemin de la sauvegarde> [--oui] [--force]');
      return commandeRestauration(config, o.positionnels[0], { forcer: o.a('--force'), oui: o.a('--oui', '--yes') });
    }
    case 'rotation-cle-sante': {
      if (!config.databaseUrl && (await urlPostgresEnMarche(config.dataDir)))
        throw new ErreurSauvegarde(`Maillage tourne sur ${config.dataDir} : arrêtez-le avant de changer la clé des données de santé.`);
      const { pool, arreter } = await base(config, false);
      try {
        await rotationCleSante(config, pool, journal);
      } finally {
        await arreter();
      }
      return;
    }
    default:
      throw new Error(
        'Commandes : create-admin <email> <mot de passe>, backup [fichier], restore <nom ou fichier> [--oui] [--force], rotation-cle-sante',
      );
  }
}

// The operator reads a French sentence, never a stack trace; an unexpected error still says what it was.
const echec = (e: unknown) => {
  if (e instanceof ErreurSauvegarde || e instanceof DemarrageRefuse) console.error(`[maillage] ${e.message}`);
  else console.error(`[maillage] Échec : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
};
process.on('uncaughtException', echec);
process.on('unhandledRejection', echec);
main().catch(echec);
