import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { lancerServeur, nouvelleBase, RACINE, type ServeurReel } from './serveur-reel';

/**
 * npm run backup / npm run restore, on an external database and on the embedded one: a round trip gives back the
 * same exports through the API, and backing up the restored database gives the same rows byte for byte.
 */

const dossier = await fs.mkdtemp(path.join(os.tmpdir(), 'maillage-sauvegarde-'));
// The embedded PostgreSQL runs as the OS user « postgres » when tests run as root: it must reach its folder.
await fs.chmod(dossier, 0o755);
const aNettoyer: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of aNettoyer.reverse()) await f().catch(() => {});
  await fs.rm(dossier, { recursive: true, force: true });
});

/** The npm scripts' command, as a user runs it (or through npm itself, exactly as the README writes it). */
function commande(args: string[], env: Record<string, string>, parNpm = false): Promise<{ code: number; sortie: string }> {
  return new Promise((resolve) => {
    const [programme, ...debut] = parNpm
      ? ['npm', 'run', '-s', args[0], '--']
      : [process.execPath, '--import', 'tsx', path.join(RACINE, 'apps/server/src/cli.ts'), args[0]];
    const p = spawn(programme, [...debut, ...args.slice(1)], {
      cwd: RACINE,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let sortie = '';
    p.stdout.on('data', (d) => (sortie += d));
    p.stderr.on('data', (d) => (sortie += d));
    p.on('exit', (code) => resolve({ code: code ?? -1, sortie }));
  });
}

/** The rows of a backup, without its header (which carries its date). */
async function lignesDe(fichier: string) {
  const lignes: string[] = [];
  let n = 0;
  for await (const l of readline.createInterface({ input: createReadStream(fichier).pipe(zlib.createGunzip()), crlfDelay: Infinity }))
    if (n++ >= 2) lignes.push(l);
  return lignes;
}

/** What users see of the data: the contracts, a plan of action, a diagnostic, the meetings, a contract's history. */
async function exports(s: ServeurReel) {
  const admin = await s.admin();
  const contrats = (await admin.get('/api/contrats')).body;
  const cls1 = contrats.find((c: { generation: number }) => c.generation === 1);
  const cls2 = contrats.find((c: { generation: number }) => c.generation === 2);
  return {
    contrats,
    plan: (await admin.telecharger(`/api/contrats/${cls1.id}/plan.csv`)).corps.toString('utf8'),
    fiches: (await admin.get(`/api/contrats/${cls1.id}/fiches`)).body,
    diagnostic: (await admin.get(`/api/contrats/${cls2.id}/diagnostic`)).body,
    seances: (await admin.get(`/api/contrats/${cls2.id}/seances`)).body,
    // The audit log keeps growing (each login is an event): it is compared row by row through the second backup.
    historique: (await admin.get(`/api/contrats/${cls2.id}/historique`)).body,
  };
}

describe('sauvegarde et restauration', () => {
  it('avec une base externe : aller-retour identique, et refus tant qu’un serveur tourne', async () => {
    const base = await nouvelleBase();
    aNettoyer.push(base.supprimer);
    const env = { DATABASE_URL: base.url, DATA_DIR: path.join(dossier, 'externe') };
    let serveur = await lancerServeur({ ...env, MAILLAGE_DEMO: '1' });
    const admin = await serveur.admin();
    const cls2 = (await admin.get('/api/contrats')).body.find((c: { generation: number }) => c.generation === 2);
    expect(
      (
        await admin.post(`/api/contrats/${cls2.id}/fiches`, {
          intitule: 'Écrite avant la sauvegarde : « accents », émojis 🏥 et \\ antislash',
        })
      ).status,
    ).toBe(201);
    const avant = await exports(serveur);

    const refus = await commande(['restore', path.join(dossier, 'inexistante.gz')], env);
    expect(refus.code).toBe(1);
    const fichier = path.join(dossier, 'externe.sauvegarde.gz');
    const sauvegarde = await commande(['backup', fichier], env);
    expect(sauvegarde.code, sauvegarde.sortie).toBe(0);
    expect(sauvegarde.sortie).toContain('Sauvegarde écrite');
    // Restoring under a running server is refused.
    const occupe = await commande(['restore', fichier], env);
    expect(occupe.code).toBe(1);
    expect(occupe.sortie).toContain('arrêtez-les avant de restaurer');
    await serveur.arreter();

    // Damage: a contract gone, a fiche renamed.
    const db = new pg.Client({ connectionString: base.url });
    await db.connect();
    await db.query(`delete from contrats where id = $1`, [cls2.id]);
    await db.query(`update fiches set intitule = 'abîmée'`);
    await db.end();

    const restauration = await commande(['restore', fichier, '--force', '--oui'], env);
    expect(restauration.code, restauration.sortie).toBe(0);
    // Backed up again before any server touches it (a login is an event): the same rows, byte for byte.
    const encore = path.join(dossier, 'externe-2.sauvegarde.gz');
    expect((await commande(['backup', encore], env)).code).toBe(0);
    expect(await lignesDe(encore)).toEqual(await lignesDe(fichier));
    serveur = await lancerServeur(env);
    expect(await exports(serveur)).toEqual(avant);
    await serveur.arreter();
  }, 600_000);

  it('avec la base embarquée : restaurée dans un dossier de données neuf, elle donne les mêmes exports', async () => {
    const source = { DATABASE_URL: '', DATA_DIR: path.join(dossier, 'embarquee') };
    let serveur = await lancerServeur({ ...source, MAILLAGE_DEMO: '1' });
    aNettoyer.push(() => serveur.arreter());
    const avant = await exports(serveur);
    const fichier = path.join(dossier, 'embarquee.sauvegarde.gz');
    // While Maillage runs: a consistent snapshot through its own PostgreSQL.
    const sauvegarde = await commande(['backup', fichier], source);
    expect(sauvegarde.code, sauvegarde.sortie).toBe(0);
    expect((await commande(['restore', fichier], source)).sortie).toContain('arrêtez-le avant de restaurer');
    await serveur.arreter();

    const neuf = { DATABASE_URL: '', DATA_DIR: path.join(dossier, 'neuf') };
    const restauration = await commande(['restore', fichier, '--oui'], neuf);
    expect(restauration.code, restauration.sortie).toBe(0);
    const encore = path.join(dossier, 'neuf.sauvegarde.gz');
    expect((await commande(['backup', encore], neuf)).code).toBe(0);
    expect(await lignesDe(encore)).toEqual(await lignesDe(fichier));
    serveur = await lancerServeur({ ...neuf, MAILLAGE_DEMO: '0' });
    expect(await exports(serveur)).toEqual(avant);
    await serveur.arreter();
  }, 600_000);

  it('deux sauvegardes d’affilée ne s’écrasent pas ; npm run restore -- <nom> montre ce qu’il remplace et demande confirmation', async () => {
    const env = { DATABASE_URL: '', DATA_DIR: path.join(dossier, 'noms') };
    const sauvegardes = path.join(env.DATA_DIR, 'sauvegardes');
    const indicateur = (code: string, libelle: string) => ({
      code,
      libelle,
      famille: 'Démographie',
      unite: '%',
      facteur: 100,
      polarite: 'neutre',
      methodeAgregation: 'moyenne_ponderee',
    });
    let serveur = await lancerServeur(env);
    aNettoyer.push(() => serveur.arreter());
    expect(
      (await (await serveur.admin()).post('/api/indicateurs', indicateur('avant_sauvegarde', 'Écrit avant les sauvegardes'))).status,
    ).toBe(201);

    // Two at once (through the running server: most often the same second), then one more right after.
    const ensemble = await Promise.all([commande(['backup'], env), commande(['backup'], env)]);
    const suivante = await commande(['backup'], env);
    const ecrits = [...ensemble, suivante].map((r) => {
      expect(r.code, r.sortie).toBe(0);
      return /Sauvegarde écrite : (\S+) /.exec(r.sortie)![1];
    });
    expect(new Set(ecrits).size).toBe(3);
    const fichiers = (await fs.readdir(sauvegardes)).sort();
    expect(fichiers).toEqual(ecrits.map((f) => path.basename(f)).sort());
    for (const f of fichiers) expect(f).toMatch(/^maillage-\d{4}-\d\d-\d\dT\d\dh\d\dm\d\ds(-\d+)?\.sauvegarde\.gz$/);

    expect(
      (await (await serveur.admin()).post('/api/indicateurs', indicateur('apres_sauvegarde', 'Écrit après les sauvegardes'))).status,
    ).toBe(201);
    await serveur.arreter();
    const nom = path.basename(ecrits[2]);

    // Unknown name: a French message, the backups there are, no stack trace.
    const inconnue = await commande(['restore', 'maillage-1999-01-01', '--oui'], env, true);
    expect(inconnue.code).not.toBe(0);
    expect(inconnue.sortie).toContain('Sauvegarde introuvable : « maillage-1999-01-01 »');
    expect(inconnue.sortie).toContain(`Sauvegardes disponibles dans ${sauvegardes} :`);
    for (const f of fichiers) expect(inconnue.sortie).toContain(f);
    expect(inconnue.sortie).not.toMatch(/\n\s+at /);

    // Without a terminal and without --oui: what would be replaced is said, nothing is done.
    const sansConfirmation = await commande(['restore', nom], env, true);
    expect(sansConfirmation.code).not.toBe(0);
    expect(sansConfirmation.sortie).toContain(`Base remplacée : la base PostgreSQL embarquée du dossier de données ${env.DATA_DIR}`);
    expect(sansConfirmation.sortie).toContain(`Sauvegarde : ${path.join(sauvegardes, nom)}`);
    expect(sansConfirmation.sortie).toContain('Restauration non confirmée');
    expect(sansConfirmation.sortie).not.toMatch(/\n\s+at /);

    // The README's command, by bare name, confirmed.
    const restauration = await commande(['restore', nom, '--oui'], env, true);
    expect(restauration.code, restauration.sortie).toBe(0);
    expect(restauration.sortie).toMatch(/créée le .+, [\d,]+ (Ko|Mo|octets)/);
    expect(restauration.sortie).toContain('Base restaurée depuis');
    serveur = await lancerServeur(env);
    const codes = ((await (await serveur.admin()).get('/api/indicateurs')).body as { code: string }[]).map((i) => i.code);
    expect(codes).toContain('avant_sauvegarde');
    expect(codes).not.toContain('apres_sauvegarde');
    await serveur.arreter();
  }, 600_000);
});
