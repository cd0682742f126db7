import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** GET /api/personnes: what each role may see of the directory, and whose e-mails. */
let serveur: ServeurDeTest;
const clients: Record<string, ClientHttp> = {};
let eloigne: string;
let membreCpam: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  for (const [nom, email] of Object.entries({
    admin: DEMO.admin,
    ars: DEMO.ars,
    coordination: DEMO.coordination,
    lecteur: DEMO.lecteur,
    pilote: DEMO.pilote,
  })) {
    clients[nom] = serveur.client();
    await clients[nom].connecter(email);
  }
  // Someone of an organisation no demo contract engages, in another region.
  const organisation = (await clients.admin.post('/api/organisations', { nom: 'Mairie de Lointain', type: 'commune', regionCode: '84' }))
    .body.id;
  eloigne = (
    await clients.admin.post('/api/personnes', {
      prenom: 'Paul',
      nom: 'Lointain',
      email: 'paul.lointain@exemple.fr',
      organisationId: organisation,
    })
  ).body.id;
  // Someone seated in the COPIL of the coordinator's contract.
  const cpam = (await clients.admin.get('/api/organisations?q=CPAM d’Ille')).body.elements[0].id;
  membreCpam = (
    await clients.admin.post('/api/personnes', { prenom: 'Anne', nom: 'Siège', email: 'anne.siege@exemple.fr', organisationId: cpam })
  ).body.id;
  const cls2 = (await clients.coordination.get('/api/contrats?generation=2')).body[0].id;
  const instance = (await clients.coordination.post(`/api/contrats/${cls2}/instances`, { type: 'copil', nom: 'COPIL' })).body.id;
  expect(
    (
      await clients.coordination.post(`/api/contrats/${cls2}/instances/${instance}/membres`, {
        personneId: membreCpam,
        organisationId: cpam,
      })
    ).status,
  ).toBe(201);
});
afterAll(() => serveur.fermer());

const lister = async (qui: string, q = '') => {
  const r = await clients[qui].get(`/api/personnes${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  expect(r.status).toBe(200);
  return r.body as { id: string; email: string | null; telephone: string | null; nom: string }[];
};

describe('annuaire des personnes selon le rôle', () => {
  it('l’administration voit tout le monde, avec les adresses', async () => {
    const tous = await lister('admin');
    expect(tous.find((p) => p.id === eloigne)).toMatchObject({ email: 'paul.lointain@exemple.fr' });
  });

  it('un lecteur ne reçoit aucune adresse e-mail ni aucun téléphone, et ne trouve personne par son adresse', async () => {
    const vus = await lister('lecteur');
    expect(vus.length).toBeGreaterThan(0);
    expect(vus.every((p) => p.email === null && p.telephone === null)).toBe(true);
    expect(vus.map((p) => p.id)).not.toContain(eloigne);
    expect(vus.map((p) => p.id)).toContain(membreCpam);
    expect(await lister('lecteur', 'anne.siege@')).toEqual([]);
    expect(JSON.stringify(vus)).not.toMatch(/@/);
  });

  it('un pilote voit les noms des personnes de ses contrats, sans leurs adresses', async () => {
    const vus = await lister('pilote');
    expect(vus.find((p) => p.id === membreCpam)).toMatchObject({ nom: 'Siège', email: null });
    expect(vus.map((p) => p.id)).not.toContain(eloigne);
  });

  it('la coordination voit avec leurs adresses les personnes de ses contrats (pour nommer et inviter), pas les autres', async () => {
    const vus = await lister('coordination');
    expect(vus.find((p) => p.id === membreCpam)).toMatchObject({ email: 'anne.siege@exemple.fr' });
    expect(vus.map((p) => p.id)).not.toContain(eloigne);
    expect(await lister('coordination', 'anne.siege@')).toHaveLength(1);
  });

  it('l’ARS voit les personnes des organisations et contrats de sa région, pas celles d’une autre région', async () => {
    const vus = await lister('ars');
    expect(vus.find((p) => p.id === membreCpam)).toMatchObject({ email: 'anne.siege@exemple.fr' });
    expect(vus.map((p) => p.id)).not.toContain(eloigne);
  });

  it('une référente ne fait pas entrer dans son organisation la personne d’une autre organisation', async () => {
    const cpam = serveur.client();
    await cpam.connecter(DEMO.cpam);
    const cpamId = (await clients.admin.get('/api/organisations?q=CPAM d’Ille')).body.elements[0].id;
    const r = await cpam.put(`/api/personnes/${eloigne}`, {
      prenom: 'Paul',
      nom: 'Lointain',
      email: 'paul.lointain@exemple.fr',
      organisationId: cpamId,
      version: 1,
    });
    expect(r.status).toBe(403);
    // Her own organisation's people she keeps up to date.
    expect(
      (
        await cpam.put(`/api/personnes/${membreCpam}`, {
          prenom: 'Anne',
          nom: 'Siège',
          email: 'anne.siege@exemple.fr',
          fonction: 'Chargée de mission',
          organisationId: cpamId,
          version: 1,
        })
      ).status,
    ).toBe(200);
  });

  it('un visiteur anonyme n’a rien', async () => {
    expect((await serveur.client().get('/api/personnes')).status).toBe(401);
  });

  it('une personne sans organisation, assise dans une instance, reste listée pour un lecteur, sans ses coordonnées', async () => {
    const cls2 = (await clients.coordination.get('/api/contrats?generation=2')).body[0].id;
    const instance = (
      await clients.coordination.post(`/api/contrats/${cls2}/instances`, { type: 'groupe_travail', nom: 'Groupe habitants' })
    ).body.id;
    const habitante = (
      await clients.admin.post('/api/personnes', { prenom: 'Rose', nom: 'Sansattache', email: 'rose.sansattache@exemple.fr' })
    ).body.id;
    expect((await clients.coordination.post(`/api/contrats/${cls2}/instances/${instance}/membres`, { personneId: habitante })).status).toBe(
      201,
    );
    const r = await clients.lecteur.get('/api/personnes');
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.find((p: { id: string }) => p.id === habitante)).toMatchObject({
      nom: 'Sansattache',
      email: null,
      coordonneesVisibles: false,
    });
  });
});
