import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Organisations created from the pickers (issue 12): by a coordinator or an ARS agent, checked for duplicates,
// pre-filled from the référentiel when it is a collectivité.
let serveur: ServeurDeTest;
let admin: ClientHttp;
let coordination: ClientHttp;
let ars: ClientHttp;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [admin, coordination, ars] = [serveur.client(), serveur.client(), serveur.client()];
  await admin.connecter(DEMO.admin);
  await coordination.connecter(DEMO.coordination);
  await ars.connecter(DEMO.ars);
});
afterAll(() => serveur.fermer());

describe('création d’une organisation hors administration', () => {
  it('est ouverte à une coordinatrice et à un agent d’ARS, auditée à leur nom', async () => {
    const parCoordination = await coordination.post('/api/organisations', {
      nom: 'Association Bien vieillir au pays de Redon',
      type: 'association',
    });
    expect(parCoordination.status).toBe(201);
    const parArs = await ars.post('/api/organisations', { nom: 'Maison de santé de Pipriac', type: 'msp', finess: '350000006' });
    expect(parArs.status).toBe(201);
    const journal = await admin.get(`/api/audit?entiteType=organisation&entiteId=${parCoordination.body.id}`);
    expect(journal.body.elements).toHaveLength(1);
    expect(journal.body.elements[0]).toMatchObject({ action: 'creation', acteurLibelle: 'Marie Dupont' });
  });

  it('est refusée à un lecteur, un membre ou un pilote, sans rien créer', async () => {
    for (const email of [DEMO.lecteur, DEMO.pilote, 'membre@demo.maillage.fr']) {
      const client = serveur.client();
      await client.connecter(email);
      const r = await client.post('/api/organisations', { nom: `Refusée ${email}`, type: 'association' });
      expect(r.status, email).toBe(403);
      expect(r.body.detail).toMatch(/droits/);
    }
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from organisations where nom like 'Refusée%'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('doublons', () => {
  it('refuse un même SIRET, un même FINESS ou un même SIREN d’unité légale et nomme l’organisation existante', async () => {
    const existante = await coordination.post('/api/organisations', {
      nom: 'Clinique des Marais',
      type: 'hopital',
      siret: '13002526500013',
      finess: '350000014',
    });
    expect(existante.status).toBe(201);
    for (const [corps, motif] of [
      [{ nom: 'Clinique du bord de Vilaine', type: 'hopital', siret: '130 025 265 00013' }, 'siret'],
      [{ nom: 'Polyclinique de l’Oust', type: 'hopital', finess: '350000014' }, 'finess'],
      [{ nom: 'Groupe hospitalier sud', type: 'hopital', siren: '130025265' }, 'siren'],
    ] as const) {
      const r = await coordination.post('/api/organisations', { ...corps, accepterDoublonsProches: true });
      expect(r.status, motif).toBe(409);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.detail).toContain('« Clinique des Marais » existe déjà');
      expect(r.body.creationPossible).toBe(false);
      expect(r.body.doublons[0]).toMatchObject({ id: existante.body.id, nom: 'Clinique des Marais', bloquant: true });
      expect(r.body.doublons[0].motifs).toContain(motif);
    }
  });

  it('demande confirmation pour un autre établissement du même SIREN, puis le crée', async () => {
    const corps = { nom: 'Centre de soins infirmiers de Bains', type: 'etablissement_medico_social', siret: '13002526500021' };
    const r = await coordination.post('/api/organisations', corps);
    expect(r.status).toBe(409);
    expect(r.body.creationPossible).toBe(true);
    expect(r.body.doublons[0]).toMatchObject({ nom: 'Clinique des Marais', motifs: ['siren'], bloquant: false });
    expect((await coordination.post('/api/organisations', { ...corps, accepterDoublonsProches: true })).status).toBe(201);
  });

  it('repère un nom proche ou identique aux accents, à la casse et à la ponctuation près', async () => {
    const proche = await ars.post('/api/organisations', { nom: 'Centre hospitalier Redon', type: 'hopital' });
    expect(proche.status).toBe(409);
    expect(proche.body.doublons[0]).toMatchObject({ nom: 'Centre hospitalier de Redon', motifs: ['nom_proche'], bloquant: false });
    expect(proche.body.detail).toContain('ressemble');

    const identique = await ars.post('/api/organisations', { nom: "CPAM d'ILLE ET VILAINE", type: 'cpam', accepterDoublonsProches: true });
    expect(identique.status).toBe(409);
    expect(identique.body.doublons[0]).toMatchObject({ nom: 'CPAM d’Ille-et-Vilaine', motifs: ['nom_identique'], bloquant: true });

    // A name merely sharing a word is no duplicate.
    expect((await ars.post('/api/organisations', { nom: 'Centre social de Guémené-Penfao', type: 'association' })).status).toBe(201);
  });
});

describe('collectivités du référentiel', () => {
  it('proposent l’organisation à créer : nom, type, SIREN, région, département', async () => {
    const r = await coordination.get('/api/territoires/collectivites?q=Redon');
    expect(r.status).toBe(200);
    const commune = r.body.find((c: any) => c.type === 'commune' && c.code === '35236');
    expect(commune.organisation).toEqual({
      nom: 'Commune de Redon',
      type: 'commune',
      siren: '213502362',
      regionCode: '53',
      departementCode: '35',
      territoireCode: '35236',
    });
    const epci = r.body.find((c: any) => c.type === 'epci' && c.code === '243500741');
    expect(epci.organisation).toMatchObject({
      nom: 'Redon Agglomération',
      type: 'epci',
      siren: '243500741',
      regionCode: '53',
      departementCode: '35',
    });

    const departement = (await coordination.get('/api/territoires/collectivites?q=conseil départemental Mayenne')).body.find(
      (c: any) => c.type === 'departement',
    );
    expect(departement.organisation).toMatchObject({
      nom: 'Conseil départemental de la Mayenne',
      type: 'departement',
      siren: null,
      regionCode: '52',
      departementCode: '53',
    });
    const parSiren = (await coordination.get('/api/territoires/collectivites?q=213 502 362')).body;
    expect(parSiren.map((c: any) => c.organisation.nom)).toEqual(['Commune de Redon']);
    expect((await coordination.get('/api/territoires/collectivites?q=')).body).toEqual([]);
  });

  it('une collectivité déjà dans l’annuaire sous un autre nom est retrouvée par son SIREN', async () => {
    const epci = (await coordination.get('/api/territoires/collectivites?q=243500741')).body[0];
    const r = await coordination.post('/api/organisations', epci.organisation);
    expect(r.status).toBe(409);
    expect(r.body.doublons[0]).toMatchObject({ nom: 'Redon Agglomération', bloquant: true });

    const commune = (await coordination.get('/api/territoires/collectivites?q=Pipriac')).body.find((c: any) => c.type === 'commune');
    const creee = await coordination.post('/api/organisations', commune.organisation);
    expect(creee.status).toBe(201);
    expect(creee.body).toMatchObject({
      nom: 'Commune de Pipriac',
      type: 'commune',
      siren: commune.organisation.siren,
      territoireCode: commune.code,
    });
  });
});
