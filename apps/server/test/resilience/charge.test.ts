import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientHttp } from '../harness';
import { lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * Load: 50 sessions for 60 s, reading and writing at once on one contract (lists, pages, creations, edits with
 * their version, follow-up values). Zero errors — a 409 on a stale version is the expected answer, retried like a
 * user would — and afterwards the database holds exactly what the server acknowledged.
 */

const SESSIONS = 50;
const DUREE_MS = 60_000;

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let serveur: ServeurReel;
let db: pg.Pool;

beforeAll(async () => {
  base = await nouvelleBase();
  serveur = await lancerServeur({ DATABASE_URL: base.url, MAILLAGE_DEMO: '1' });
  db = new pg.Pool({ connectionString: base.url, max: 2 });
}, 180_000);
afterAll(async () => {
  await serveur?.arreter();
  await db?.end();
  await base?.supprimer();
});

interface Bilan {
  requetes: number;
  erreurs: string[];
  conflits: number;
  creees: Map<string, string>;
  dernierIntitule: Map<string, string>;
  valeurs: Map<string, number>;
}

describe('charge', () => {
  it('50 sessions pendant 60 s, lectures et écritures mêlées : aucune erreur, des données cohérentes', async () => {
    const coordination = serveur.client();
    await coordination.connecter('coordination@demo.maillage.fr');
    const cls2 = (await coordination.get('/api/contrats')).body.find((c: { generation: number }) => c.generation === 2);
    const axe = (await coordination.post(`/api/contrats/${cls2.id}/axes`, { intitule: 'Axe de la charge' })).body.id;
    // Shared fiches everybody edits (conflicts on purpose), each with a follow-up indicator.
    const partagees: { id: string; indicateur: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const id = (await coordination.post(`/api/contrats/${cls2.id}/fiches`, { intitule: `Fiche partagée ${i}`, axeId: axe })).body.id;
      const indicateur = (await coordination.post(`/api/fiches/${id}/indicateurs-suivi`, { libelle: 'Participants', type: 'activite' }))
        .body.id;
      partagees.push({ id, indicateur });
    }
    const fichesAvant = Number((await db.query('select count(*) from fiches where contrat_id = $1', [cls2.id])).rows[0].count);
    const auditAvant = Number((await db.query('select coalesce(max(id), 0) as m from audit_evenements')).rows[0].m);

    const bilan: Bilan = { requetes: 0, erreurs: [], conflits: 0, creees: new Map(), dernierIntitule: new Map(), valeurs: new Map() };
    const fin = Date.now() + DUREE_MS;
    const verifier = (quoi: string, r: { status: number; body: unknown }, attendus: number[]) => {
      bilan.requetes++;
      if (!attendus.includes(r.status)) bilan.erreurs.push(`${quoi} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      return r;
    };
    const session = async (n: number) => {
      const c: ClientHttp = serveur.client();
      await c.connecter(n % 2 ? 'coordination@demo.maillage.fr' : 'referent.ars@demo.maillage.fr');
      let tour = 0;
      while (Date.now() < fin) {
        tour++;
        const cible = partagees[(n + tour) % partagees.length];
        switch (tour % 6) {
          case 0:
            verifier('contrat', await c.get(`/api/contrats/${cls2.id}`), [200]);
            break;
          case 1:
            verifier('fiches', await c.get(`/api/contrats/${cls2.id}/fiches`), [200]);
            break;
          case 2: {
            const intitule = `Créée par la session ${n}, tour ${tour}`;
            const r = verifier('création', await c.post(`/api/contrats/${cls2.id}/fiches`, { intitule, axeId: axe }), [201]);
            if (r.status === 201) bilan.creees.set((r.body as { id: string }).id, intitule);
            break;
          }
          case 3: {
            // An edit on the version read; on 409, read again and retry, as the page offers.
            const intitule = `Modifiée par la session ${n}, tour ${tour}`;
            for (let essai = 0; essai < 20; essai++) {
              const fiche = verifier('fiche', await c.get(`/api/fiches/${cible.id}`), [200]).body as Record<string, unknown>;
              const r = verifier('modification', await c.put(`/api/fiches/${cible.id}`, { ...fiche, intitule }), [200, 409]);
              if (r.status === 200) {
                bilan.dernierIntitule.set(cible.id, intitule);
                break;
              }
              bilan.conflits++;
            }
            break;
          }
          case 4:
            verifier('suivi', await c.get(`/api/fiches/${cible.id}/suivi`), [200]);
            break;
          case 5: {
            // Each session writes its own periods, so the last value it was told stored must be the one stored.
            const periode = String(1000 + n * 100 + (Math.floor(tour / 6) % 100));
            const valeur = n * 1000 + tour;
            const r = verifier(
              'valeur',
              await c.put(`/api/indicateurs-suivi/${cible.indicateur}/valeurs/${periode}`, { valeur }),
              [200, 409],
            );
            if (r.status === 200) bilan.valeurs.set(`${cible.indicateur}|${periode}`, valeur);
            else bilan.conflits++;
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: SESSIONS }, (_, n) => session(n)));

    expect(bilan.erreurs.slice(0, 20)).toEqual([]);
    expect(bilan.requetes).toBeGreaterThan(2000);
    // Every acknowledged creation is there, once, with its text; nothing else was created.
    const { rows: fiches } = await db.query('select id, intitule, numero from fiches where contrat_id = $1', [cls2.id]);
    expect(fiches.length).toBe(fichesAvant + bilan.creees.size);
    for (const [id, intitule] of bilan.creees) expect(fiches.find((f) => f.id === id)?.intitule).toBe(intitule);
    expect(new Set(fiches.map((f) => f.numero)).size).toBe(fiches.length);
    // Each shared fiche holds the last acknowledged edit: the server's order and ours agree.
    const { rows: versions } = await db.query('select id, intitule from fiches where id = any($1)', [partagees.map((p) => p.id)]);
    for (const v of versions) if (bilan.dernierIntitule.has(v.id)) expect(bilan.dernierIntitule.get(v.id)).toBe(v.intitule);
    // Every acknowledged value is stored exactly as acknowledged.
    const { rows: stockees } = await db.query(
      'select indicateur_id as i, periode, valeur from valeurs_suivi where indicateur_id = any($1)',
      [partagees.map((p) => p.indicateur)],
    );
    const parCle = new Map(stockees.map((r) => [`${r.i}|${r.periode}`, Number(r.valeur)]));
    for (const [cle, valeur] of bilan.valeurs) expect(parCle.get(cle), cle).toBe(valeur);
    expect(parCle.size).toBe(bilan.valeurs.size);
    // And every acknowledged write left its audit event.
    const { rows: audit } = await db.query(
      `select action, count(*)::int as n from audit_evenements where id > $1 and entite_type = 'fiche' group by action`,
      [auditAvant],
    );
    const compte = (a: string) => audit.find((x) => x.action === a)?.n ?? 0;
    expect(compte('creation')).toBe(bilan.creees.size);
    console.log(
      `[charge] ${bilan.requetes} requêtes en ${DUREE_MS / 1000} s (${Math.round(bilan.requetes / (DUREE_MS / 1000))}/s), ${bilan.creees.size} créations, ${bilan.conflits} conflits 409 rejoués, 0 erreur`,
    );
  }, 300_000);
});
