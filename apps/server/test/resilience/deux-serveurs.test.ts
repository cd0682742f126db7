import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerSmtp } from '../harness';
import { planGenere } from '../plan-genere';
import { lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * Two server processes on one database, as behind a load balancer (docs/operations.md): an import sent to one is
 * followed to its end through the other, and the weekly digest, scheduled every minute here on both, goes out once.
 */

const SUJET_SYNTHESE = 'Maillage — votre synthèse de la semaine';

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let smtp: Awaited<ReturnType<typeof demarrerSmtp>>;
let db: pg.Pool;
const serveurs: ServeurReel[] = [];

beforeAll(async () => {
  base = await nouvelleBase();
  smtp = await demarrerSmtp();
  db = new pg.Pool({ connectionString: base.url, max: 2 });
  const env = { DATABASE_URL: base.url, SMTP_URL: smtp.url, MAILLAGE_CRON_SYNTHESE: '* * * * *', MAILLAGE_CRON_RELANCES: 'non' };
  // The first loads the demo (its coordinators receive the digest); the second joins the same database.
  serveurs.push(await lancerServeur({ ...env, MAILLAGE_DEMO: '1' }));
  serveurs.push(await lancerServeur({ ...env, MAILLAGE_DEMO: '0' }));
}, 600_000);

afterAll(async () => {
  for (const s of serveurs) await s.arreter().catch(() => {});
  await db?.end();
  await smtp?.fermer();
  await base?.supprimer();
});

async function attendre<T>(quoi: string, lire: () => Promise<T>, fini: (v: T) => boolean, delaiMs: number): Promise<T> {
  const limite = Date.now() + delaiMs;
  for (;;) {
    const v = await lire();
    if (fini(v)) return v;
    if (Date.now() > limite) throw new Error(`${quoi} : rien après ${delaiMs / 1000} s (${JSON.stringify(v).slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('deux serveurs sur une même base', () => {
  it('un import envoyé à l’un se suit jusqu’au bout depuis l’autre', async () => {
    const [un, deux] = serveurs;
    const adminUn = await un.admin();
    const adminDeux = await deux.admin();
    expect(
      (
        await adminUn.post('/api/indicateurs', {
          code: 'deux_serveurs',
          libelle: 'Indicateur du test à deux serveurs',
          famille: 'Démographie',
          unite: '%',
          facteur: 100,
          polarite: 'neutre',
          methodeAgregation: 'moyenne_ponderee',
        })
      ).status,
    ).toBe(201);
    const { rows: communes } = await db.query(`select code from territoires where type = 'commune' order by code`);
    const lignes = ['indicateur;territoire_type;territoire_code;periode;valeur'];
    for (const annee of [2019, 2020, 2021])
      for (const { code } of communes) lignes.push(`deux_serveurs;commune;${code};${annee};${code.charCodeAt(3) % 50},5`);
    const csv = Buffer.from(lignes.join('\n'));

    const depot = await adminUn.multipart('/api/indicateurs/valeurs/import', { fichier: { nom: 'deux-serveurs.csv', contenu: csv } });
    expect(depot.status, JSON.stringify(depot.body)).toBe(202);
    const suivi = `/api/indicateurs/imports/${depot.body.importId}`;
    const final = await attendre(
      'import suivi par le second serveur',
      async () => (await adminDeux.get(suivi)).body,
      (e) => e.etat !== 'en_cours',
      600_000,
    );
    expect(final.etat, JSON.stringify(final.rapport)).toBe('termine');
    expect(final.rapport.creees).toBe(lignes.length - 1);
    expect(final.lignesTraitees).toBe(lignes.length - 1);
    // The same answer from the first: the state is the database's, not a process's.
    expect((await adminUn.get(suivi)).body).toEqual(final);
    expect(Number((await db.query(`select count(*) from valeurs where indicateur_code = 'deux_serveurs'`)).rows[0].count)).toBe(
      lignes.length - 1,
    );
    // The file does not stay in the database once imported.
    expect((await db.query('select fichier is null as vide from imports_valeurs where id = $1', [depot.body.importId])).rows[0].vide).toBe(
      true,
    );
  }, 900_000);

  it('un grand plan importé par l’un se suit jusqu’au bout depuis l’autre', async () => {
    const [un, deux] = serveurs;
    const adminUn = await un.admin();
    const adminDeux = await deux.admin();
    const org = async (nom: string) => (await db.query('select id from organisations where nom = $1', [nom])).rows[0].id as string;
    const contrat = await adminUn.post('/api/contrats', {
      intitule: 'CLS du test à deux serveurs',
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 3,
      arsIds: [await org('ARS Bretagne')],
      porteursIds: [await org('Redon Agglomération')],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    });
    expect(contrat.status, JSON.stringify(contrat.body)).toBe(201);
    const depot = await adminUn.multipart(`/api/contrats/${contrat.body.id}/plan/import`, {
      fichier: { nom: 'grand-plan.csv', contenu: planGenere(800) },
    });
    expect(depot.status, JSON.stringify(depot.body)).toBe(202);
    const final = await attendre(
      'import de plan suivi par le second serveur',
      async () => (await adminDeux.get(depot.body.suivi)).body,
      (e) => e.etat !== 'en_cours',
      300_000,
    );
    expect(final.etat, final.erreur).toBe('termine');
    expect(final.rapport.resume).toMatchObject({ crees: 800, rejetes: 0 });
    expect((await adminUn.get(depot.body.suivi)).body).toEqual(final);
    expect(Number((await db.query('select count(*) from fiches where contrat_id = $1', [contrat.body.id])).rows[0].count)).toBe(800);
    expect((await db.query('select fichier is null as vide from imports_plans where id = $1', [depot.body.importId])).rows[0].vide).toBe(
      true,
    );
  }, 400_000);

  it('la synthèse planifiée sur les deux part une fois, pas deux', async () => {
    // Two scheduled runs done: the second finds every coordinator already served this week.
    await attendre(
      'deux synthèses planifiées traitées',
      async () =>
        Number(
          (await db.query(`select count(*) from pgboss.job where name = 'synthese-hebdomadaire' and state = 'completed'`)).rows[0].count,
        ),
      (n) => n >= 2,
      300_000,
    );
    const syntheses = smtp.recus.filter((c) => c.sujet === SUJET_SYNTHESE);
    expect(syntheses.length).toBeGreaterThan(0);
    const parDestinataire = new Map<string, number>();
    for (const c of syntheses) parDestinataire.set(c.a, (parDestinataire.get(c.a) ?? 0) + 1);
    expect([...parDestinataire].filter(([, n]) => n > 1)).toEqual([]);
    // One job per scheduled minute, though both processes keep the schedule.
    const { rows } = await db.query(
      `select date_trunc('minute', created_on) as minute, count(*)::int as n from pgboss.job where name = 'synthese-hebdomadaire' group by 1 having count(*) > 1`,
    );
    expect(rows).toEqual([]);
  }, 400_000);
});
