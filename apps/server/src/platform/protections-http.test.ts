import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../test/harness';
import { profondeurJson } from './corps-json';

/** Issue 11, item 7: deeply nested JSON, Cache-Control on personal answers, Idempotency-Key on creations. */

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let cls2: string;

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  cls2 = (await sql(`select id from contrats where generation = 2 and intitule like '%Redon%'`)).rows[0].id;
});
afterAll(() => serveur.fermer());

/** A raw POST as the browser sends it, with the session, its CSRF token and any other header. */
async function poster(client: ClientHttp | null, chemin: string, corps: string, entetes: Record<string, string> = {}) {
  const r = await fetch(serveur.url + chemin, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(client ? { cookie: client.cookie!, 'x-csrf-token': client.csrf! } : {}),
      ...entetes,
    },
    body: corps,
  });
  const texte = await r.text();
  return { status: r.status, headers: r.headers, body: texte ? JSON.parse(texte) : null };
}

const imbrique = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('corps JSON très imbriqué', () => {
  it('profondeurJson compte tableaux et objets, pas les crochets des chaînes', () => {
    expect(profondeurJson('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(profondeurJson('{"a":"[[[[\\"[[[["}')).toBe(1);
    expect(profondeurJson(imbrique(100_000), 64)).toBe(65);
  });

  it('refuse 100 000 niveaux en 400 français, connecté ou non, puis le serveur répond toujours', async () => {
    const attendu = { status: 400, title: 'Requête invalide', detail: 'Corps JSON trop imbriqué (profondeur maximale 64).' };
    for (const corps of [imbrique(100_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), `{"intitule":${imbrique(100_000)}}`]) {
      const r = await poster(coordination, `/api/contrats/${cls2}/axes`, corps);
      expect(r).toMatchObject({ status: 400, body: attendu });
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect((await poster(null, '/api/auth/login', corps)).body).toMatchObject(attendu);
    }
    expect((await serveur.client().get('/api/health')).status).toBe(200);
  });

  it('laisse passer ce qui reste sous la limite, et les crochets dans le texte', async () => {
    // 60 levels in a field the schema ignores: parsed, and the axe is created.
    const profond = await poster(coordination, `/api/contrats/${cls2}/axes`, `{"intitule":"Axe","x":${imbrique(60)}}`);
    expect(profond.status, JSON.stringify(profond.body)).toBe(201);
    const crochets = await poster(coordination, `/api/contrats/${cls2}/axes`, JSON.stringify({ intitule: `Axe ${'[{'.repeat(60)}` }));
    expect(crochets.status, JSON.stringify(crochets.body)).toBe(201);
  });

  it('refuse aussi une cellule JSON trop imbriquée dans un plan importé, ligne par ligne', async () => {
    const csv = `Numéro;Intitulé;Étapes\n90;Action importée;${imbrique(100_000)}\n`;
    const r = await coordination.multipart(`/api/contrats/${cls2}/plan/import?dryRun=true`, { fichier: { nom: 'plan.csv', contenu: csv } });
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(422);
    expect(r.body.rapport.lignes[0]).toMatchObject({
      statut: 'rejete',
      raison: expect.stringContaining('JSON trop imbriqué (profondeur maximale 64)'),
    });
  });
});

describe('Cache-Control des réponses de l’API', () => {
  it('no-store sur toute réponse à une requête authentifiée, données ouvertes comprises', async () => {
    for (const chemin of [
      '/api/contrats',
      `/api/contrats/${cls2}`,
      `/api/contrats/${cls2}/plan.csv`,
      '/api/public/contrats',
      '/api/nexiste/pas',
    ]) {
      const r = await fetch(serveur.url + chemin, { headers: { cookie: coordination.cookie! } });
      expect(r.headers.get('cache-control'), chemin).toBe('no-store');
    }
    const refus = await fetch(`${serveur.url}/api/contrats`, { headers: { authorization: 'Bearer mlg_inconnu' } });
    expect(refus.status).toBe(401);
    expect(refus.headers.get('cache-control')).toBe('no-store');
    expect((await poster(coordination, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe no-store"}')).headers.get('cache-control')).toBe(
      'no-store',
    );
  });

  it('no-store hors des routes publiques même sans session ; les données ouvertes anonymes restent cachables', async () => {
    for (const chemin of ['/api/contrats', '/api/health', '/api/auth/session', '/api/moi'])
      expect((await fetch(serveur.url + chemin)).headers.get('cache-control'), chemin).toBe('no-store');
    for (const chemin of ['/api/public/contrats', '/api/public/contrats.csv', '/api/openapi.json'])
      expect((await fetch(serveur.url + chemin)).headers.get('cache-control'), chemin).toBeNull();
  });
});

describe('Idempotency-Key', () => {
  const axes = async (intitule: string) =>
    (await sql('select count(*)::int as n from axes where contrat_id = $1 and intitule = $2', [cls2, intitule])).rows[0].n as number;

  it('sans clé, deux envois identiques créent deux objets (ce que la clé évite)', async () => {
    const corps = JSON.stringify({ intitule: 'Axe envoyé deux fois sans clé' });
    for (let i = 0; i < 2; i++) expect((await poster(coordination, `/api/contrats/${cls2}/axes`, corps)).status).toBe(201);
    expect(await axes('Axe envoyé deux fois sans clé')).toBe(2);
  });

  it('rejoue la première réponse à la même requête avec la même clé, sans rien créer de plus', async () => {
    const cle = randomUUID();
    const corps = JSON.stringify({ intitule: 'Axe idempotent' });
    const premiere = await poster(coordination, `/api/contrats/${cls2}/axes`, corps, { 'idempotency-key': cle });
    const seconde = await poster(coordination, `/api/contrats/${cls2}/axes`, corps, { 'idempotency-key': cle });
    expect(premiere.status).toBe(201);
    expect(premiere.headers.get('idempotency-replayed')).toBeNull();
    expect(seconde.status).toBe(201);
    expect(seconde.headers.get('idempotency-replayed')).toBe('true');
    expect(seconde.body).toEqual(premiere.body);
    expect(await axes('Axe idempotent')).toBe(1);
  });

  it('envoyées en même temps, cinq requêtes à la même clé créent un seul objet et reçoivent la même réponse', async () => {
    const cle = randomUUID();
    const corps = JSON.stringify({ intitule: 'Axe du double clic' });
    const reponses = await Promise.all(
      Array.from({ length: 5 }, () => poster(coordination, `/api/contrats/${cls2}/axes`, corps, { 'idempotency-key': cle })),
    );
    expect(reponses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(reponses.map((r) => r.body.id)).size).toBe(1);
    expect(reponses.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(4);
    expect(await axes('Axe du double clic')).toBe(1);
  });

  it('refuse en 422 la même clé avec un autre corps ou une autre adresse', async () => {
    const cle = randomUUID();
    expect((await poster(coordination, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe A"}', { 'idempotency-key': cle })).status).toBe(201);
    for (const [chemin, corps] of [
      [`/api/contrats/${cls2}/axes`, '{"intitule":"Axe B"}'],
      [`/api/contrats/${cls2}/axes?x=1`, '{"intitule":"Axe A"}'],
    ]) {
      const r = await poster(coordination, chemin, corps, { 'idempotency-key': cle });
      expect(r.status).toBe(422);
      expect(r.body.detail).toBe(
        'Cette clé d’idempotence (en-tête Idempotency-Key) a déjà servi pour une autre requête : envoyez une nouvelle clé pour chaque action.',
      );
    }
    expect(await axes('Axe B')).toBe(0);
  });

  it('garde les clés propres à chaque utilisateur, et les oublie après 24 heures', async () => {
    const cle = randomUUID();
    const ars = serveur.client();
    await ars.connecter(DEMO.referentArs);
    expect(
      (await poster(coordination, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe de la coordination"}', { 'idempotency-key': cle }))
        .status,
    ).toBe(201);
    const autre = await poster(ars, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe du référent"}', { 'idempotency-key': cle });
    expect(autre.status, JSON.stringify(autre.body)).toBe(201);
    expect(autre.headers.get('idempotency-replayed')).toBeNull();

    await sql(`update requetes_idempotentes set cree_le = now() - interval '25 hours' where cle = $1`, [cle]);
    const apres = await poster(coordination, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe après expiration"}', {
      'idempotency-key': cle,
    });
    expect(apres.status).toBe(201);
    expect(await axes('Axe après expiration')).toBe(1);
  });

  it('refuse une clé mal formée en 400 français', async () => {
    for (const cle of ['a b', 'x'.repeat(256), 'é'])
      expect(
        (await poster(coordination, `/api/contrats/${cls2}/axes`, '{"intitule":"Axe"}', { 'idempotency-key': cle })).body,
      ).toMatchObject({
        status: 400,
        erreurs: [{ champ: 'Idempotency-Key', message: 'Clé invalide' }],
      });
  });

  it('ne garde ni jeton d’API ni mot de passe : la clé y est ignorée', async () => {
    const cle = randomUUID();
    const jetons = await Promise.all(
      [1, 2].map(() => poster(coordination, '/api/moi/jetons', '{"libelle":"script"}', { 'idempotency-key': cle })),
    );
    expect(jetons.map((r) => r.status)).toEqual([201, 201]);
    expect(jetons[0].body.jeton).not.toBe(jetons[1].body.jeton);
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const compte = await poster(
      admin,
      '/api/utilisateurs',
      JSON.stringify({ email: 'idempotence@exemple.fr', prenom: 'Ida', nom: 'Empotence', password: 'Vq7#mZ2!pL9x-Kt4wRb' }),
      {
        'idempotency-key': cle,
      },
    );
    expect(compte.status, JSON.stringify(compte.body)).toBe(201);
    expect((await sql('select count(*)::int as n from requetes_idempotentes where cle = $1', [cle])).rows[0].n).toBe(0);
  });

  it('ignore la clé d’un envoi de fichier, qu’il ne peut comparer : deux fichiers différents sont bien lus', async () => {
    const cle = randomUUID();
    const envoyer = async (intitule: string) => {
      const formulaire = new FormData();
      formulaire.append('fichier', new Blob([`Numéro;Intitulé\n90;${intitule}\n`]), 'plan.csv');
      const r = await fetch(`${serveur.url}/api/contrats/${cls2}/plan/import?dryRun=true`, {
        method: 'POST',
        headers: { cookie: coordination.cookie!, 'x-csrf-token': coordination.csrf!, 'idempotency-key': cle },
        body: formulaire,
      });
      return (await r.json()) as any;
    };
    expect((await envoyer('Première action')).lignes[0].intitule).toBe('Première action');
    expect((await envoyer('Seconde action')).lignes[0].intitule).toBe('Seconde action');
  });
});
