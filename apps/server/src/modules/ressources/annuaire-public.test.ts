import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/**
 * The public resource directory (issue 17, item 7): without login, only published and active resources, searchable by
 * commune and public, with their contacts; never an unpublished, suspended or closed one, there or in the open data.
 */

const REDON = '35236';
const LANGON = '35145';
let serveur: ServeurDeTest;
let admin: ClientHttp, anonyme: ClientHttp;
let cpamId: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  anonyme = serveur.client();
  await admin.connecter(DEMO.admin);
  cpamId = (await admin.get('/api/organisations?q=CPAM')).body.elements.find((o: any) => o.nom === 'CPAM d’Ille-et-Vilaine').id;
}, 180_000); // the demo seed on a machine shared with other builds
afterAll(() => serveur.fermer());

async function creer(nom: string, o: Record<string, unknown>) {
  const r = await admin.post('/api/ressources', {
    organisationId: cpamId,
    nom,
    typeCode: 'autre',
    niveau: 'porte_entree',
    communeCode: REDON,
    publics: ['precarite'],
    contacts: [{ type: 'telephone', valeur: '02 99 00 00 00', libelle: 'Accueil' }],
    ...o,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number };
}

const nomsPublics = async (requete: string) =>
  ((await anonyme.get(`/api/public/ressources${requete}`)).body as { nom: string }[]).map((r) => r.nom);

describe('annuaire public des ressources', () => {
  it('ne montre que les ressources publiées et actives, jamais une non publiée, suspendue ou fermée', async () => {
    const publiee = await creer('Permanence publiée', { publie: true });
    await creer('Permanence non publiée', { publie: false });
    await creer('Permanence fermée', { publie: true, statut: 'fermee', statutDepuis: '2026-01-01' });
    await creer('Permanence suspendue', { publie: true, statut: 'suspendue' });

    const r = await anonyme.get(`/api/public/ressources?commune=${REDON}&public=precarite`);
    expect(r.status).toBe(200);
    const noms = r.body.map((x: any) => x.nom);
    expect(noms).toContain('Permanence publiée');
    for (const cache of ['Permanence non publiée', 'Permanence fermée', 'Permanence suspendue']) {
      expect(noms).not.toContain(cache);
      expect(await nomsPublics(`?q=${encodeURIComponent(cache)}`)).toEqual([]);
    }
    expect(r.body.find((x: any) => x.nom === 'Permanence publiée')).toMatchObject({
      contacts: [{ type: 'telephone', valeur: '02 99 00 00 00', libelle: 'Accueil' }],
      communeNom: 'Redon',
    });
    expect(r.body.every((x: any) => !('publie' in x) && !('version' in x) && !('finess' in x))).toBe(true);

    // Closing it takes it off the public directory at once.
    const lue = (await admin.get(`/api/ressources/${publiee.id}`)).body;
    const { id: _id, organisationNom: _o, typeLibelle: _t, communeNom: _c, communesAtteintes: _a, modifiable: _m, ...saisie } = lue;
    const fermee = await admin.put(`/api/ressources/${publiee.id}`, { ...saisie, statut: 'fermee' });
    expect(fermee.status, JSON.stringify(fermee.body)).toBe(200);
    expect(await nomsPublics(`?commune=${REDON}`)).not.toContain('Permanence publiée');
  });

  it('filtre par commune atteinte et par public (« tous publics » sert chacun)', async () => {
    await creer('Point santé de Langon', { publie: true, communeCode: LANGON, publics: ['personnes_agees'] });
    await creer('Accueil ouvert à tous à Langon', { publie: true, communeCode: LANGON, publics: ['tous_publics'] });
    expect(await nomsPublics(`?commune=${LANGON}&public=personnes_agees`)).toEqual(
      expect.arrayContaining(['Point santé de Langon', 'Accueil ouvert à tous à Langon']),
    );
    const enfance = await nomsPublics(`?commune=${LANGON}&public=enfance`);
    expect(enfance).toContain('Accueil ouvert à tous à Langon');
    expect(enfance).not.toContain('Point santé de Langon');
    expect(await nomsPublics(`?commune=${REDON}`)).not.toContain('Point santé de Langon');
    const invalide = await anonyme.get('/api/public/ressources?public=martiens');
    expect(invalide.status).toBe(400);
    expect(invalide.body.detail).toBeTruthy();
  });

  it('montre sans connexion les ressources de démonstration publiées, sans contact inventé', async () => {
    const demo = (await anonyme.get(`/api/public/ressources?commune=${REDON}`)).body;
    expect(demo.map((r: any) => r.nom)).toEqual(expect.arrayContaining(['CLIC de Redon Agglomération']));
    const clic = demo.find((r: any) => r.nom === 'CLIC de Redon Agglomération');
    expect(clic).toMatchObject({ contacts: [], adresse: null, horaires: null, publics: ['personnes_agees'] });
  });

  it('les données ouvertes des contrats ne contiennent aucune ressource non publiée', async () => {
    await creer('Dispositif confidentiel de test', { publie: false });
    const contrats = await anonyme.get('/api/public/contrats');
    const csv = await anonyme.telecharger('/api/public/contrats.csv');
    const pages = await Promise.all(contrats.body.map((c: any) => anonyme.get(`/api/public/contrats/${c.id}`)));
    for (const texte of [JSON.stringify(contrats.body), csv.corps.toString('utf8'), ...pages.map((p) => JSON.stringify(p.body))])
      expect(texte).not.toContain('Dispositif confidentiel de test');
    expect(await nomsPublics('?q=confidentiel')).toEqual([]);
  });
});
