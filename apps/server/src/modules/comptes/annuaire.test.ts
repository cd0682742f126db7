import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let admin: ClientHttp;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
});
afterAll(() => serveur.fermer());

async function importer(contenu: string, dryRun: boolean) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([contenu]), 'annuaire.csv');
  const r = await fetch(`${serveur.url}/api/organisations/import?dryRun=${dryRun}`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

describe('import de l’annuaire', () => {
  const fichier =
    'Nom;Sigle;Type;SIRET;FINESS;Département\nMaison de santé de Guémené;MSP;msp;13002526500013;;44\nCPAM d’Ille-et-Vilaine;CPAM 35;cpam;;;35\nAssociation Bien Vieillir;;association;;;35\n';

  it('donne le même rapport à blanc, puis crée, complète et laisse inchangé', async () => {
    const blanc = await importer(fichier, true);
    expect(blanc.status).toBe(200);
    expect(blanc.body.resume).toEqual({ crees: 2, misAJour: 0, inchanges: 1, rejetes: 0 });
    expect((await admin.get('/api/organisations?q=Guémené')).body.total).toBe(0);
    const reel = await importer(fichier, false);
    expect(reel.body).toMatchObject({ applique: true, resume: { crees: 2, inchanges: 1 } });
    const encore = await importer(fichier, false);
    expect(encore.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 3, rejetes: 0 });
  });

  it('rejette tout le fichier avec la raison de chaque ligne fautive', async () => {
    const r = await importer('nom;type;siret\nClinique X;hopital;12345678901234\nY;ovni;\n', false);
    expect(r.status).toBe(422);
    expect(r.body.rapport.lignes).toEqual([
      { ligne: 2, statut: 'rejete', nom: 'Clinique X', raison: 'siret : SIRET invalide : 14 chiffres avec une clé de contrôle correcte' },
      { ligne: 3, statut: 'rejete', nom: 'Y', raison: 'Type d’organisation inconnu : « ovni ».' },
    ]);
  });
});

describe('fusion de doublons', () => {
  it('déplace pilotages et membres vers l’organisation gardée, puis supprime le doublon', async () => {
    const doublon = (await admin.post('/api/organisations', { nom: 'CH Redon', type: 'hopital' })).body;
    const gardee = (await admin.get('/api/organisations?q=Centre hospitalier de Redon')).body.elements[0];
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const fiche = (
      await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
        intitule: 'Consultations avancées',
        pilotes: [{ organisationId: doublon.id, service: 'Gériatrie' }],
      })
    ).body;
    const r = await admin.post(`/api/organisations/${doublon.id}/fusion`, { dansId: gardee.id });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ gardee: 'Centre hospitalier de Redon', deplaces: { fiche_pilotes: 1 } });
    expect((await coordination.get(`/api/fiches/${fiche.id}`)).body.pilotes[0]).toMatchObject({
      organisationNom: 'Centre hospitalier de Redon',
      service: 'Gériatrie',
    });
    expect((await admin.get(`/api/organisations/${doublon.id}`)).status).toBe(404);
    const journal = (await admin.get(`/api/audit?entiteType=organisation&entiteId=${doublon.id}&action=fusion`)).body;
    expect(journal.elements[0].contexte).toMatchObject({ dansNom: 'Centre hospitalier de Redon' });
  });

  it('est réservée aux administrateurs', async () => {
    const ars = serveur.client();
    await ars.connecter(DEMO.ars);
    const ids = (await admin.get('/api/organisations?parPage=2')).body.elements.map((o: any) => o.id);
    expect((await ars.post(`/api/organisations/${ids[0]}/fusion`, { dansId: ids[1] })).status).toBe(403);
  });
});
