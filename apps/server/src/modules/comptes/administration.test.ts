import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { assurerAdministrateur } from './utilisateurs.service';

let serveur: ServeurDeTest;
let admin: ClientHttp;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
});
afterAll(() => serveur.fermer());

describe('organisations', () => {
  it('contient les organisations réelles de la démonstration', async () => {
    const r = await admin.get('/api/organisations?parPage=100');
    const noms = r.body.elements.map((o: any) => o.nom);
    for (const nom of [
      'ARS Bretagne',
      'ARS Bretagne – Délégation départementale d’Ille-et-Vilaine',
      'ARS Pays de la Loire',
      'Redon Agglomération',
      'CPAM d’Ille-et-Vilaine',
      'Centre hospitalier de Redon',
      'IREPS Bretagne',
    ])
      expect(noms).toContain(nom);
  });

  it('refuse un SIRET ou un FINESS invalide en nommant le champ', async () => {
    const r = await admin.post('/api/organisations', {
      nom: 'Clinique test',
      type: 'hopital',
      siret: '12345678901234',
      finess: '350000001',
    });
    expect(r.status).toBe(400);
    expect(r.body.erreurs).toEqual(
      expect.arrayContaining([
        { champ: 'siret', message: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte' },
        { champ: 'finess', message: 'FINESS invalide : 9 caractères avec une clé de contrôle correcte' },
      ]),
    );
    const siren = await admin.post('/api/organisations', { nom: 'Clinique test', type: 'hopital', siren: '243500742' });
    expect(siren.body.erreurs).toEqual([{ champ: 'siren', message: 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte' }]);
    const desaccord = await admin.post('/api/organisations', {
      nom: 'Clinique test',
      type: 'hopital',
      siren: '243500741',
      siret: '13002526500013',
    });
    expect(desaccord.body.erreurs).toEqual([{ champ: 'siret', message: 'Le SIRET ne commence pas par ce SIREN' }]);
    const type = await admin.post('/api/organisations', { nom: 'Inconnue', type: 'ovni' });
    expect(type.body.erreurs).toEqual([{ champ: 'type', message: 'Type d’organisation inconnu' }]);
  });

  it('crée, modifie avec verrou optimiste et audite chaque changement', async () => {
    const cree = await admin.post('/api/organisations', { nom: 'Maison de santé de Pipriac', type: 'msp', siret: '130 025 265 00013' });
    expect(cree.status).toBe(201);
    expect(cree.body).toMatchObject({ siret: '13002526500013', siren: '130025265', version: 1 });
    const id = cree.body.id;

    const modifie = await admin.put(`/api/organisations/${id}`, { ...cree.body, nom: 'MSP de Pipriac', version: 1 });
    expect(modifie.status).toBe(200);
    expect(modifie.body.version).toBe(2);

    const perime = await admin.put(`/api/organisations/${id}`, { ...cree.body, nom: 'Autre nom', version: 1 });
    expect(perime.status).toBe(409);
    expect(perime.body.courant).toMatchObject({ nom: 'MSP de Pipriac', version: 2 });
    expect((await admin.get(`/api/organisations/${id}`)).body.nom).toBe('MSP de Pipriac');

    const doublon = await admin.post('/api/organisations', { nom: 'msp de pipriac', type: 'msp' });
    expect(doublon.status).toBe(409);
    expect(doublon.body.doublons).toEqual([
      expect.objectContaining({ id, nom: 'MSP de Pipriac', motifs: ['nom_identique'], bloquant: true }),
    ]);

    const journal = await admin.get(`/api/audit?entiteType=organisation&entiteId=${id}`);
    expect(journal.body.elements.map((e: any) => e.action)).toEqual(['modification', 'creation']);
    expect(journal.body.elements[0].diff).toEqual({ nom: { avant: 'Maison de santé de Pipriac', apres: 'MSP de Pipriac' } });
    expect(journal.body.elements[0].acteurLibelle).toBe('Camille Administratrice');

    expect((await admin.delete(`/api/organisations/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/organisations/${id}`)).status).toBe(404);
  });

  it('ouvre la création aux agents d’ARS (pas aux lecteurs) et la lecture aux personnes connectées', async () => {
    const ars = serveur.client();
    await ars.connecter(DEMO.ars);
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await lecteur.post('/api/organisations', { nom: 'Organisation X', type: 'autre' })).status).toBe(403);
    expect((await ars.post('/api/organisations', { nom: 'Organisation X', type: 'autre' })).status).toBe(201);
    expect((await ars.get('/api/organisations')).status).toBe(200);
    expect((await serveur.client().get('/api/organisations')).status).toBe(401);
  });
});

describe('utilisateurs', () => {
  it('crée un compte sans mot de passe et envoie une invitation', async () => {
    const orgs = await admin.get('/api/organisations?q=IREPS');
    const r = await admin.post('/api/utilisateurs', {
      email: 'Nouvelle.Personne@Exemple.fr',
      prenom: 'Nouvelle',
      nom: 'Personne',
      organisationId: orgs.body.elements[0].id,
      habilitations: [{ role: 'ars_regional', regionCode: '53' }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      email: 'nouvelle.personne@exemple.fr',
      organisationNom: 'IREPS Bretagne',
      habilitations: [{ role: 'ars_regional', regionCode: '53' }],
    });
    await expect
      .poll(() => serveur.courriels.find((c) => c.a === 'nouvelle.personne@exemple.fr')?.sujet)
      .toBe('Maillage — votre compte a été créé');

    const doublon = await admin.post('/api/utilisateurs', { email: 'nouvelle.personne@exemple.fr', prenom: 'A', nom: 'B' });
    expect(doublon.status).toBe(400);
    expect(doublon.body.erreurs[0].champ).toBe('email');
  });

  it('modifie rôles et activation avec verrou optimiste ; un compte désactivé ne se connecte plus', async () => {
    const liste = await admin.get('/api/utilisateurs?q=lecteur');
    const lecteur = liste.body.elements[0];
    const client = serveur.client();
    await client.connecter(DEMO.lecteur);
    const r = await admin.put(`/api/utilisateurs/${lecteur.id}`, {
      prenom: lecteur.prenom,
      nom: lecteur.nom,
      organisationId: lecteur.organisationId,
      actif: false,
      habilitations: [],
      version: lecteur.version,
    });
    expect(r.status).toBe(200);
    expect(r.body.actif).toBe(false);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect((await serveur.client().post('/api/auth/login', { email: DEMO.lecteur, password: 'maillage-demo-2026' })).status).toBe(401);
    const perime = await admin.put(`/api/utilisateurs/${lecteur.id}`, {
      prenom: 'X',
      nom: 'Y',
      actif: true,
      habilitations: [],
      version: lecteur.version,
    });
    expect(perime.status).toBe(409);
  });

  it('interdit la gestion des comptes aux non-administrateurs', async () => {
    const ars = serveur.client();
    await ars.connecter(DEMO.ars);
    expect((await ars.get('/api/utilisateurs')).status).toBe(403);
    expect((await ars.post('/api/utilisateurs', { email: 'x@y.fr', prenom: 'X', nom: 'Y' })).status).toBe(403);
    expect((await ars.get('/api/audit')).status).toBe(403);
  });

  it('crée l’administrateur de démarrage une seule fois', async () => {
    expect(await assurerAdministrateur(serveur.ctx, 'Root@Exemple.fr', 'mot de passe administrateur')).toBe('cree');
    expect(await assurerAdministrateur(serveur.ctx, 'root@exemple.fr', 'un autre mot de passe')).toBe('existant');
    const r = await serveur.client().connecter('root@exemple.fr', 'mot de passe administrateur');
    expect(r.body.roles).toEqual([{ role: 'admin' }]);
  });
});

describe('journal d’audit', () => {
  it('refuse toute modification ou suppression', async () => {
    await expect(serveur.ctx.db.query(`update audit_evenements set action = 'x'`)).rejects.toThrow(/ajout seul/);
    await expect(serveur.ctx.db.query(`delete from audit_evenements`)).rejects.toThrow(/ajout seul/);
    await expect(serveur.ctx.db.query(`truncate audit_evenements`)).rejects.toThrow(/ajout seul/);
  });

  it('filtre par type, action, acteur et dates', async () => {
    const r = await admin.get(`/api/audit?action=connexion&acteur=camille&depuis=2020-01-01`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.elements.every((e: any) => e.action === 'connexion' && e.acteurLibelle === 'Camille Administratrice')).toBe(true);
    expect(r.body.actions).toContain('creation');
    const futur = await admin.get(`/api/audit?depuis=2999-01-01`);
    expect(futur.body.total).toBe(0);
    const mauvaiseDate = await admin.get(`/api/audit?depuis=hier`);
    expect(mauvaiseDate.status).toBe(400);
    expect(mauvaiseDate.body.erreurs[0]).toEqual({ champ: 'depuis', message: 'Date attendue au format AAAA-MM-JJ' });
  });
});
