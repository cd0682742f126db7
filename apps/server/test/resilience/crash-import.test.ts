import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * kill -9 in the middle of a one-million-row import, then restart: nothing of it is in the database, the import says
 * it failed and why, its job in the queue (pg-boss) is failed and not run again, and the same file then imports in full.
 */

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let db: pg.Pool;
let serveur: ServeurReel | null = null;

beforeAll(async () => {
  base = await nouvelleBase();
  db = new pg.Pool({ connectionString: base.url, max: 2 });
});
afterAll(async () => {
  await serveur?.arreter().catch(() => {});
  await db?.end();
  await base?.supprimer();
});

async function fichierDUnMillion(): Promise<{ csv: Buffer; lignes: number }> {
  const { rows } = await db.query(`select code from territoires where type = 'commune' order by code`);
  const lignes: string[] = ['indicateur;territoire_type;territoire_code;periode;valeur'];
  const annees = Math.ceil(1_000_000 / rows.length);
  for (let a = 0; a < annees; a++)
    for (const { code } of rows) lignes.push(`crash_import;commune;${code};${1990 + a};${(a * 7 + code.charCodeAt(4)) % 100},${a % 10}`);
  return { csv: Buffer.from(lignes.join('\n')), lignes: lignes.length - 1 };
}

async function etat(s: ServeurReel, id: string) {
  const admin = await s.admin();
  return (await admin.get(`/api/indicateurs/imports/${id}`)).body;
}

describe('arrêt brutal pendant un import', () => {
  it('ne laisse aucune donnée partielle, et l’import est marqué en échec au redémarrage', async () => {
    serveur = await lancerServeur({ DATABASE_URL: base.url });
    const admin = await serveur.admin();
    expect(
      (
        await admin.post('/api/indicateurs', {
          code: 'crash_import',
          libelle: 'Indicateur du test d’arrêt brutal',
          famille: 'Démographie',
          unite: '%',
          facteur: 100,
          polarite: 'neutre',
          methodeAgregation: 'moyenne_ponderee',
        })
      ).status,
    ).toBe(201);
    const { csv, lignes } = await fichierDUnMillion();
    expect(lignes).toBeGreaterThanOrEqual(1_000_000);
    const avant = Number((await db.query('select count(*) from valeurs')).rows[0].count);

    const depot = await admin.multipart('/api/indicateurs/valeurs/import', { fichier: { nom: 'un-million.csv', contenu: csv } });
    expect(depot.status, JSON.stringify(depot.body)).toBe(202);
    const id = depot.body.importId;
    // Kill it once a fair share of the rows is read: in the middle of the work, not before it starts.
    const limite = Date.now() + 300_000;
    for (;;) {
      const e = await etat(serveur, id);
      expect(e.etat).toBe('en_cours');
      if (e.lignesTraitees >= 200_000) break;
      if (Date.now() > limite) throw new Error('L’import n’a pas avancé en 5 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    await serveur.tuer();
    serveur = null;

    expect(Number((await db.query(`select count(*) from valeurs where indicateur_code = 'crash_import'`)).rows[0].count)).toBe(0);
    expect(Number((await db.query('select count(*) from valeurs')).rows[0].count)).toBe(avant);
    expect((await db.query('select etat from imports_valeurs where id = $1', [id])).rows[0].etat).toBe('en_cours');
    // The dead process still holds the job: it was taken, and is running as far as the queue knows.
    const tache = (await db.query(`select id, state from pgboss.job where name = 'import-valeurs' and data->>'importId' = $1`, [id]))
      .rows[0];
    expect(tache.state).toBe('active');
    expect((await db.query('select count(*)::int as n from taches_processus where tache_id = $1', [tache.id])).rows[0].n).toBe(1);

    serveur = await lancerServeur({ DATABASE_URL: base.url });
    const apres = await etat(serveur, id);
    expect(apres.etat).toBe('echoue');
    expect(apres.rapport.erreur).toContain('Import interrompu');
    expect(Number((await db.query(`select count(*) from valeurs where indicateur_code = 'crash_import'`)).rows[0].count)).toBe(0);
    expect((await db.query('select state from pgboss.job where id = $1', [tache.id])).rows[0].state).toBe('failed');
    expect((await db.query('select count(*)::int as n from taches_processus')).rows[0].n).toBe(0);
    expect((await db.query('select fichier is null as vide from imports_valeurs where id = $1', [id])).rows[0].vide).toBe(true);
    expect(serveur.journal.join('')).toContain('1 tâche interrompue par un arrêt du serveur marquée en échec.');

    // And the same file then goes in whole.
    const relance = await (await serveur.admin()).multipart('/api/indicateurs/valeurs/import', {
      fichier: { nom: 'un-million.csv', contenu: csv },
    });
    expect(relance.status).toBe(202);
    const fin = Date.now() + 600_000;
    let final: Awaited<ReturnType<typeof etat>>;
    do {
      await new Promise((r) => setTimeout(r, 1000));
      final = await etat(serveur, relance.body.importId);
    } while (final.etat === 'en_cours' && Date.now() < fin);
    expect(final.etat, JSON.stringify(final.rapport)).toBe('termine');
    expect(Number((await db.query(`select count(*) from valeurs where indicateur_code = 'crash_import'`)).rows[0].count)).toBe(lignes);
  }, 900_000);
});
