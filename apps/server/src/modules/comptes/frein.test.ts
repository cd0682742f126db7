import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ServeurDeTest } from '../../../test/harness';
import { construireApplication } from '../../app';
import { lireTrustProxy } from '../../config';
import { envoisTermines } from './auth.service';

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
});
afterAll(() => serveur.fermer());
// Each test starts with no throttle in force.
beforeEach(() => serveur.ctx.db.query('delete from freins'));

const MDP = 'maillage-demo-2026';
const MEMBRE = 'membre@demo.maillage.fr';
const login = (email: string, password: string, entetes: Record<string, string> = {}) =>
  fetch(`${serveur.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...entetes },
    body: JSON.stringify({ email, password }),
  }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as { detail: string } }));
/** The end of the current wait, as if the time had passed. */
const attenteEcoulee = (cle: string) => serveur.ctx.db.query(`update freins set prochain_essai = now() where cle = $1`, [cle]);

async function lienDeReinitialisation(email: string) {
  const avant = serveur.courriels.filter((c) => c.a === email).length;
  expect((await serveur.client().post('/api/auth/mot-de-passe/demande', { email })).status).toBe(202);
  await envoisTermines();
  const courriels = serveur.courriels.filter((c) => c.a === email);
  expect(courriels).toHaveLength(avant + 1);
  return decodeURIComponent(courriels.at(-1)!.texte.match(/jeton=(\S+)/)![1]);
}

describe('frein des tentatives de connexion', () => {
  it('ralentit un compte après 5 échecs, avec Retry-After et un message en français, sans gêner les autres comptes', async () => {
    for (let i = 0; i < 5; i++) expect((await login(MEMBRE, `essai-${i}`)).status).toBe(401);
    const freine = await login(MEMBRE, MDP);
    expect(freine.status).toBe(429);
    expect(Number(freine.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(freine.retryAfter)).toBeLessThanOrEqual(30);
    expect(freine.body.detail).toMatch(
      /^Trop de tentatives de connexion sur ce compte\. Réessayez dans \d+ secondes?, ou choisissez un nouveau mot de passe/,
    );
    // The same client, another account: not concerned.
    expect((await login(DEMO.lecteur, MDP)).status).toBe(200);
    // An unknown address is throttled the same way: the answer says nothing of which accounts exist.
    for (let i = 0; i < 5; i++) expect((await login('personne@demo.maillage.fr', `essai-${i}`)).status).toBe(401);
    expect((await login('personne@demo.maillage.fr', 'essai')).status).toBe(429);
  });

  it('allonge l’attente à chaque nouvel échec, mais laisse toujours entrer le propriétaire une fois l’attente passée', async () => {
    for (let i = 0; i < 5; i++) await login(MEMBRE, `essai-${i}`);
    await attenteEcoulee(MEMBRE);
    expect((await login(MEMBRE, 'encore-faux')).status).toBe(401);
    const plusLong = await login(MEMBRE, MDP);
    expect(plusLong.status).toBe(429);
    expect(Number(plusLong.retryAfter)).toBeGreaterThan(30);
    expect(Number(plusLong.retryAfter)).toBeLessThanOrEqual(60);
    await attenteEcoulee(MEMBRE);
    expect((await login(MEMBRE, MDP)).status).toBe(200);
    // A success forgets the failures.
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from freins where genre = 'connexion_compte' and cle = $1`, [
      MEMBRE,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('n’accorde pas d’essais en plus à des tentatives simultanées, mais laisse entrer vingt connexions simultanées', async () => {
    const reponses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(DEMO.cpam, `simultane-${i}`)));
    expect(reponses.filter((r) => r.status === 401)).toHaveLength(5);
    expect(reponses.filter((r) => r.status === 429)).toHaveLength(15);
    // A script opening twenty sessions at once with the right password is not mistaken for guessing.
    const legitimes = await Promise.all(Array.from({ length: 20 }, () => login(DEMO.coordination, MDP)));
    expect(legitimes.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('lève la restriction d’un compte quand son mot de passe est réinitialisé', async () => {
    for (let i = 0; i < 8; i++) await login(DEMO.pilote, `essai-${i}`);
    expect((await login(DEMO.pilote, MDP)).status).toBe(429);
    const token = await lienDeReinitialisation(DEMO.pilote);
    expect(
      (await serveur.client().post('/api/auth/mot-de-passe/reinitialisation', { token, password: 'retour du pilote au bureau' })).status,
    ).toBe(204);
    expect((await login(DEMO.pilote, 'retour du pilote au bureau')).status).toBe(200);
  });

  it('ralentit une adresse qui essaie beaucoup de comptes, même en changeant X-Forwarded-For (TRUST_PROXY absent)', async () => {
    for (let i = 0; i < 30; i++) {
      const r = await login(`inconnu-${i}@exemple.fr`, 'mauvais', { 'x-forwarded-for': `203.0.113.${i}` });
      expect(r.status).toBe(401);
    }
    const freine = await login(DEMO.lecteur, MDP, { 'x-forwarded-for': '198.51.100.99' });
    expect(freine.status).toBe(429);
    expect(freine.body.detail).toMatch(/^Trop de tentatives de connexion depuis votre adresse\. Réessayez dans/);
    const { rows } = await serveur.ctx.db.query(`select cle from freins where genre = 'connexion_client'`);
    expect(rows).toEqual([{ cle: '127.0.0.1' }]);
  });

  it('inscrit au journal l’adresse réelle du client, pas celle qu’il écrit dans X-Forwarded-For', async () => {
    expect((await login(DEMO.ars, MDP, { 'x-forwarded-for': '203.0.113.66' })).status).toBe(200);
    const { rows } = await serveur.ctx.db.query(
      `select contexte from audit_evenements where action = 'connexion' order by id desc limit 1`,
    );
    expect(rows[0].contexte.ip).toBe('127.0.0.1');
    const { rows: journal } = await serveur.ctx.db.query(
      `select count(*)::int n from audit_evenements where contexte::text like '%203.0.113.66%'`,
    );
    expect(journal[0].n).toBe(0);
  });
});

describe('TRUST_PROXY', () => {
  it('lit les formes que Fastify accepte et refuse le reste', () => {
    expect(lireTrustProxy(undefined)).toBe(false);
    expect(lireTrustProxy('')).toBe(false);
    expect(lireTrustProxy('false')).toBe(false);
    expect(lireTrustProxy('1')).toBe(1);
    expect(lireTrustProxy('10.0.0.1, 192.168.0.0/16,loopback,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', '::1']);
    expect(() => lireTrustProxy('proxy.exemple.fr')).toThrow(/TRUST_PROXY : « proxy\.exemple\.fr » n’est ni une adresse IP/);
    expect(() => lireTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });

  it('croit X-Forwarded-For venu du proxy nommé, et seulement de lui', async () => {
    const app = await construireApplication(
      { ...serveur.ctx, config: { ...serveur.ctx.config, trustProxy: ['10.0.0.1'] } },
      { journal: false },
    );
    try {
      const connecter = (remoteAddress: string, xff: string, email = DEMO.coordination) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': xff },
          payload: { email, password: MDP },
        });
      const ipDerniereConnexion = async () =>
        (await serveur.ctx.db.query(`select contexte->>'ip' ip from audit_evenements where action = 'connexion' order by id desc limit 1`))
          .rows[0].ip;

      expect((await connecter('10.0.0.1', '198.51.100.7')).statusCode).toBe(200);
      expect(await ipDerniereConnexion()).toBe('198.51.100.7');
      expect((await connecter('192.0.2.50', '198.51.100.8')).statusCode).toBe(200);
      expect(await ipDerniereConnexion()).toBe('192.0.2.50');

      // The throttle follows the client the proxy names: one client slowed down, another behind the same proxy not.
      await serveur.ctx.db.query(
        `insert into freins (genre, cle, tentatives, prochain_essai) values ('connexion_client', '198.51.100.7', 40, now() + interval '10 minutes')`,
      );
      const freine = await connecter('10.0.0.1', '198.51.100.7');
      expect(freine.statusCode).toBe(429);
      expect(Number(freine.headers['retry-after'])).toBeGreaterThan(500);
      expect((await connecter('10.0.0.1', '198.51.100.9')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('demandes de réinitialisation', () => {
  it('envoie au plus 3 courriels par heure à une adresse, sans le dire', async () => {
    const avant = serveur.courriels.filter((c) => c.a === DEMO.referentArs).length;
    for (let i = 0; i < 5; i++) {
      const r = await serveur.client().post('/api/auth/mot-de-passe/demande', { email: DEMO.referentArs });
      expect(r.status).toBe(202);
    }
    await envoisTermines();
    expect(serveur.courriels.filter((c) => c.a === DEMO.referentArs).length - avant).toBe(3);
  });

  it('répond 429 en français au-delà de 10 demandes en 15 minutes depuis une même adresse', async () => {
    for (let i = 0; i < 10; i++)
      expect((await serveur.client().post('/api/auth/mot-de-passe/demande', { email: `x${i}@exemple.fr` })).status).toBe(202);
    const r = await serveur.client().post('/api/auth/mot-de-passe/demande', { email: DEMO.lecteur });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.body.detail).toMatch(/^Trop de demandes de réinitialisation depuis votre adresse\. Réessayez dans \d+ minutes?/);
    await envoisTermines();
    expect(serveur.courriels.some((c) => c.a === DEMO.lecteur)).toBe(false);
  });
});
