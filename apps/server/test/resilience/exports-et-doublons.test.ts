import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type ClientHttp } from '../harness';
import { ROUTES } from './routes';
import { lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * Issue 11, items 3 and 7, against Maillage as users run it (its own process, the demo data):
 * - a title typed as `=HYPERLINK(…)` comes out neutralised in every CSV export of the route table;
 * - the same creation sent many times at once with one Idempotency-Key creates one object;
 * - bodies nested 100 000 levels deep (and a 5 MB one) get a French 400, and the server keeps answering.
 */

const HYPERLIEN = '=HYPERLINK("http://x","clic")';
const FORMULE = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NOMBRE = /^-?\d+([.,]\d+)?$/;

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let serveur: ServeurReel;
let admin: ClientHttp;
let coordination: ClientHttp;
let cls2: string;

beforeAll(async () => {
  base = await nouvelleBase();
  serveur = await lancerServeur({ DATABASE_URL: base.url, MAILLAGE_DEMO: '1' });
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  const contrats = (await coordination.get('/api/contrats')).body as { id: string; intitule: string }[];
  cls2 = contrats.find((c) => c.intitule === 'Contrat local de santé de Redon Agglomération (2e génération)')!.id;
});
afterAll(async () => {
  await serveur?.arreter();
  await base?.supprimer();
});

async function creerAxe(intitule: string, cle: string | null) {
  const r = await fetch(`${serveur.url}/api/contrats/${cls2}/axes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: coordination.cookie!,
      'x-csrf-token': coordination.csrf!,
      ...(cle ? { 'idempotency-key': cle } : {}),
    },
    body: JSON.stringify({ intitule }),
  });
  return { status: r.status, rejouee: r.headers.get('idempotency-replayed'), corps: (await r.json()) as { id: string } };
}

describe('exports CSV d’un texte hostile', () => {
  it('sortent neutralisés dans chaque export CSV de la table des routes', async () => {
    // Through the API, as an attacker would store them: a fiche, a contract, the porteur of the published contract.
    const fiche = await coordination.post(`/api/contrats/${cls2}/fiches`, { intitule: `${HYPERLIEN} fiche` });
    expect(fiche.status, JSON.stringify(fiche.body)).toBe(201);
    const redon = (await admin.get('/api/organisations?q=Redon%20Agglom%C3%A9ration')).body.elements.find(
      (o: any) => o.nom === 'Redon Agglomération',
    );
    const actuelle = (await admin.get(`/api/organisations/${redon.id}`)).body;
    const renommee = await admin.put(`/api/organisations/${redon.id}`, { ...actuelle, nom: `${HYPERLIEN} Redon` });
    expect(renommee.status, JSON.stringify(renommee.body)).toBe(200);
    const arsId = (await admin.get('/api/organisations?q=ARS%20Bretagne')).body.elements.find((o: any) => o.nom === 'ARS Bretagne').id;
    const contrat = await coordination.post('/api/contrats', {
      intitule: `${HYPERLIEN} contrat`,
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 3,
      arsIds: [arsId],
      porteursIds: [redon.id],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    });
    expect(contrat.status, JSON.stringify(contrat.body)).toBe(201);

    // The open datasets (issue 19) read what no user route reaches in the demo: a validated follow-up value of the
    // published contract, a fiche of it, a published resource. Written in SQL, as an import or a later edit would.
    const db = new pg.Client({ connectionString: base.url });
    await db.connect();
    const { rows } = await db.query(
      `select f.id, f.contrat_id from fiches f join contrats c on c.id = f.contrat_id where c.publie limit 1`,
    );
    await db.query('update fiches set intitule = $2 where id = $1', [rows[0].id, `${HYPERLIEN} fiche publiée`]);
    await db.query(
      `with i as (insert into indicateurs_suivi (fiche_id, contrat_id, libelle, type) values ($1, $2, $3, 'activite') returning id)
       insert into valeurs_suivi (indicateur_id, periode, valeur, etat) select id, '2025', -3.5, 'valide' from i`,
      [rows[0].id, rows[0].contrat_id, `${HYPERLIEN} indicateur`],
    );
    await db.query(`update ressources set nom = $1 where id = (select id from ressources where publie and statut = 'active' limit 1)`, [
      `${HYPERLIEN} ressource`,
    ]);
    await db.end();

    // Every CSV route the table knows, and the open-data list asked as CSV.
    const routesCsv = Object.entries(ROUTES)
      .filter(([cle]) => cle.startsWith('GET ') && cle.endsWith('.csv'))
      .map(([cle, entree]) => {
        const defaut = cle.slice(4);
        if (defaut.includes(':id')) return defaut.replace(':id', cls2);
        return entree.chemin ? entree.chemin(undefined as never, null) : defaut;
      });
    routesCsv.push('/api/public/contrats?format=csv');
    expect(routesCsv).toEqual(
      expect.arrayContaining([`/api/contrats/${cls2}/plan.csv`, '/api/portefeuille.csv?region=53', '/api/public/contrats.csv']),
    );

    for (const chemin of routesCsv) {
      const publique = chemin.startsWith('/api/public/');
      const r = await fetch(serveur.url + chemin, { headers: publique ? {} : { cookie: admin.cookie! } });
      expect(r.status, chemin).toBe(200);
      expect(r.headers.get('content-type'), chemin).toContain('text/csv');
      const texte = await r.text();
      const cellules = (
        parse(texte, { delimiter: texte.split('\n')[0].includes(';') ? ';' : ',', bom: true, relax_column_count: true }) as string[][]
      ).flat();
      expect(
        cellules.filter((c) => FORMULE.test(c) && !NOMBRE.test(c)),
        chemin,
      ).toEqual([]);
      expect(
        cellules.some((c) => c.startsWith(`'${HYPERLIEN}`)),
        `${chemin} porte le texte hostile`,
      ).toBe(true);
    }
  });
});

describe('double envoi d’une création', () => {
  const axes = async (intitule: string) =>
    ((await coordination.get(`/api/contrats/${cls2}`)).body.axes as { intitule: string }[]).filter((a) => a.intitule === intitule).length;

  it('dix envois simultanés avec la même clé créent un seul objet', async () => {
    const cle = crypto.randomUUID();
    const reponses = await Promise.all(Array.from({ length: 10 }, () => creerAxe('Axe envoyé dix fois', cle)));
    expect(reponses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(reponses.map((r) => r.corps.id)).size).toBe(1);
    expect(reponses.filter((r) => r.rejouee === 'true')).toHaveLength(9);
    expect(await axes('Axe envoyé dix fois')).toBe(1);
  });

  it('deux envois identiques avec deux clés restent deux actions', async () => {
    await Promise.all([creerAxe('Axe voulu deux fois', crypto.randomUUID()), creerAxe('Axe voulu deux fois', crypto.randomUUID())]);
    expect(await axes('Axe voulu deux fois')).toBe(2);
  });
});

describe('corps JSON imbriqué 100 000 fois', () => {
  it('reçoit un 400 français, et le serveur répond pendant et après', async () => {
    const imbrique = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const envoyer = (corps: string) =>
      fetch(`${serveur.url}/api/contrats/${cls2}/axes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: coordination.cookie!, 'x-csrf-token': coordination.csrf! },
        body: corps,
      }).then(async (r) => ({ status: r.status, corps: (await r.json()) as { detail: string } }));

    let enCours = true;
    const delais: number[] = [];
    const sonde = (async () => {
      while (enCours) {
        const debut = performance.now();
        expect((await fetch(`${serveur.url}/api/health`)).status).toBe(200);
        delais.push(performance.now() - debut);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // Twenty at 100 000 levels and one of 5 MB (2.5 million levels, just under the body limit), all at once.
    const reponses = await Promise.all([...Array.from({ length: 20 }, () => envoyer(imbrique(100_000))), envoyer(imbrique(2_500_000))]);
    enCours = false;
    await sonde;

    for (const r of reponses)
      expect(r).toEqual({ status: 400, corps: expect.objectContaining({ detail: 'Corps JSON trop imbriqué (profondeur maximale 64).' }) });
    expect(serveur.processus.exitCode).toBeNull();
    expect(Math.max(...delais)).toBeLessThan(1000);
    expect((await creerAxe('Axe après l’attaque', null)).status).toBe(201);
  });
});
