import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../../test/harness';
import { chargerReferentiel } from './territoires.loader';

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false });
});
afterAll(() => serveur.fermer());

describe('référentiel territorial', () => {
  it('est chargé une fois par version du paquet', async () => {
    const { rows: avant } = await serveur.ctx.db.query(`select type, count(*) n from territoires group by type order by type`);
    // 18 regions and 101 départements with an ARS, plus the collectivités d'outre-mer the package also lists.
    expect(Object.fromEntries(avant.map((r) => [r.type, r.n]))).toMatchObject({ region: 26, departement: 109 });
    expect(avant.find((r) => r.type === 'commune').n).toBeGreaterThan(34000);
    expect(avant.find((r) => r.type === 'epci').n).toBeGreaterThan(1200);
    const second = await chargerReferentiel(serveur.ctx.db);
    expect(second).toEqual({ charge: false, version: '6.0.0' });
    const { rows } = await serveur.ctx.db.query(`select version from referentiel_chargements`);
    expect(rows).toEqual([{ version: '6.0.0' }]);
  });

  it('recherche par préfixe de n’importe quel mot, sans accents ni casse', async () => {
    const client = serveur.client();
    const redon = await client.get('/api/territoires?q=redon');
    expect(redon.status).toBe(200);
    const noms = redon.body.map((t: any) => `${t.type}:${t.nom}`);
    expect(noms).toContain('commune:Redon');
    expect(noms).toContain('epci:CA Redon Agglomération');
    expect(noms[0]).toBe('commune:Redon'); // exact name first

    const agglo = await client.get('/api/territoires?q=AGGLOMERATION%20red');
    expect(agglo.body.map((t: any) => t.code)).toContain('243500741');

    const accents = await client.get('/api/territoires?q=guemene');
    expect(accents.body.map((t: any) => t.nom)).toContain('Guémené-Penfao');

    const epciSeulement = await client.get('/api/territoires?q=redon&type=epci');
    expect(epciSeulement.body.every((t: any) => t.type === 'epci')).toBe(true);
    expect(epciSeulement.body).toHaveLength(1);

    const parCode = await client.get('/api/territoires?q=35236');
    expect(parCode.body[0]).toMatchObject({ type: 'commune', nom: 'Redon' });

    const corse = await client.get('/api/territoires?q=ajacc&type=commune');
    expect(corse.body[0]).toMatchObject({ code: '2A004', departementCode: '2A' });
  });

  it('refuse un type inconnu avec une erreur française qui nomme le champ', async () => {
    const r = await serveur.client().get('/api/territoires?q=x&type=canton');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.erreurs[0].champ).toBe('type');
    expect(r.body.detail).toMatch(/Type attendu/);
  });

  it('donne un EPCI avec ses communes membres et sa population', async () => {
    const r = await serveur.client().get('/api/territoires/epci/243500741');
    expect(r.status).toBe(200);
    expect(r.body.nom).toBe('CA Redon Agglomération');
    expect(r.body.membres).toHaveLength(31);
    expect(r.body.population).toBe(r.body.membres.reduce((t: number, c: any) => t + c.population, 0));
    expect(new Set(r.body.membres.map((c: any) => c.departementCode))).toEqual(new Set(['35', '44', '56']));
  });

  it('donne une commune avec son EPCI, son département et sa région', async () => {
    const r = await serveur.client().get('/api/territoires/commune/35236');
    expect(r.body).toMatchObject({
      nom: 'Redon',
      departement: { code: '35', nom: 'Ille-et-Vilaine' },
      region: { code: '53', nom: 'Bretagne' },
    });
    expect(r.body.epci.map((e: any) => e.code)).toEqual(['243500741']);
    expect(r.body.population).toBeGreaterThan(9000);
  });

  it('répond 404 en JSON pour un territoire inconnu', async () => {
    // 35999 has the shape of an INSEE code (Ille-et-Vilaine) but no commune bears it; 99999 is no code at all.
    const r = await serveur.client().get('/api/territoires/commune/35999');
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Aucun territoire de type commune avec le code 35999.');
    expect((await serveur.client().get('/api/territoires/commune/99999')).status).toBe(400);
  });

  it('résout un périmètre en communes, départements, régions et population', async () => {
    const r = await serveur.client().post('/api/territoires/perimetre', { epci: ['243500741'], communes: ['35238'] });
    expect(r.status).toBe(200);
    expect(r.body.communes).toHaveLength(32);
    expect(r.body.departements).toEqual(['35', '44', '56']);
    expect(r.body.regions).toEqual(['52', '53']);
    expect(r.body.inconnus).toEqual([]);
  });
});
