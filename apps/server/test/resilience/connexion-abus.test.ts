import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerSmtp } from '../harness';
import { ADMIN, lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * Login abuse against Maillage as users run it: guessing the admin's password with a forged X-Forwarded-For on each
 * try, locking the admin out, telling accounts apart by the reset request's timing, flooding someone's mailbox
 * with reset links.
 */

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let smtp: Awaited<ReturnType<typeof demarrerSmtp>>;
// As deployed by default (TRUST_PROXY unset), and behind a proxy on the same machine (TRUST_PROXY=loopback).
let direct: ServeurReel;
let derriereProxy: ServeurReel;
let db: pg.Pool;
let motDePasseAdmin = ADMIN.motDePasse;

beforeAll(async () => {
  base = await nouvelleBase();
  smtp = await demarrerSmtp();
  const env = { DATABASE_URL: base.url, SMTP_URL: smtp.url };
  direct = await lancerServeur(env);
  derriereProxy = await lancerServeur({ ...env, TRUST_PROXY: 'loopback' });
  db = new pg.Pool({ connectionString: base.url, max: 2 });
}, 180_000);
afterAll(async () => {
  await direct?.arreter();
  await derriereProxy?.arreter();
  await db?.end();
  await smtp?.fermer();
  await base?.supprimer();
});

const post = (serveur: ServeurReel, chemin: string, corps: unknown, entetes: Record<string, string> = {}) =>
  fetch(serveur.url + chemin, { method: 'POST', headers: { 'content-type': 'application/json', ...entetes }, body: JSON.stringify(corps) });
const courrielsPour = (email: string) => smtp.recus.filter((c) => c.a === email);
const mediane = (valeurs: number[]) => {
  const triees = [...valeurs].sort((a, b) => a - b);
  return (triees[Math.floor((triees.length - 1) / 2)] + triees[Math.ceil((triees.length - 1) / 2)]) / 2;
};

describe('abus de la connexion', () => {
  it('un déluge de mots de passe sur l’admin, X-Forwarded-For changeant à chaque fois : 5 essais, pas plus, et aucune adresse forgée au journal', async () => {
    const statuts: number[] = [];
    let sansRetryAfter = 0;
    // 100 guesses, ten at a time, each claiming another client address.
    for (let lot = 0; lot < 10; lot++) {
      const reponses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(
            direct,
            '/api/auth/login',
            { email: ADMIN.email, password: `devine-${lot}-${i}` },
            { 'x-forwarded-for': `203.0.113.${lot * 10 + i}` },
          ),
        ),
      );
      for (const r of reponses) {
        statuts.push(r.status);
        if (r.status === 429 && !/^\d+$/.test(r.headers.get('retry-after') ?? '')) sansRetryAfter++;
      }
    }
    expect(statuts.filter((s) => s === 401)).toHaveLength(5);
    expect(statuts.filter((s) => s === 429)).toHaveLength(95);
    expect(sansRetryAfter).toBe(0);
    // The owner too must wait (a guess cannot tell the right password from a wrong one)…
    expect((await post(direct, '/api/auth/login', { email: ADMIN.email, password: ADMIN.motDePasse })).status).toBe(429);
    // …and nothing the attacker wrote reached the audit log or the throttle's keys.
    const { rows: forgees } = await db.query(`select count(*)::int n from audit_evenements where contexte::text like '%203.0.113.%'`);
    expect(forgees[0].n).toBe(0);
    const { rows: cles } = await db.query(`select genre, cle from freins where genre like 'connexion%' order by genre`);
    expect(cles).toEqual([
      { genre: 'connexion_client', cle: '127.0.0.1' },
      { genre: 'connexion_compte', cle: ADMIN.email },
    ]);
  });

  it('l’admin reprend la main par le lien de réinitialisation, aussitôt', async () => {
    expect((await post(direct, '/api/auth/mot-de-passe/demande', { email: ADMIN.email })).status).toBe(202);
    await expect.poll(() => courrielsPour(ADMIN.email).length, { timeout: 15_000 }).toBe(1);
    const token = decodeURIComponent(courrielsPour(ADMIN.email)[0].texte.match(/jeton=(\S+)/)![1]);
    const nouveau = 'reprise-en-main-apres-attaque';
    expect((await post(direct, '/api/auth/mot-de-passe/reinitialisation', { token, password: nouveau })).status).toBe(204);
    const connexion = await post(
      direct,
      '/api/auth/login',
      { email: ADMIN.email, password: nouveau },
      { 'x-forwarded-for': '203.0.113.250' },
    );
    expect(connexion.status).toBe(200);
    const { rows } = await db.query(`select contexte->>'ip' ip from audit_evenements where action = 'connexion' order by id desc limit 1`);
    expect(rows[0].ip).toBe('127.0.0.1');
    motDePasseAdmin = nouveau;
  });

  it('20 demandes de réinitialisation n’envoient pas 20 courriels', async () => {
    const avant = courrielsPour(ADMIN.email).length;
    const statuts: number[] = [];
    for (let i = 0; i < 20; i++) statuts.push((await post(direct, '/api/auth/mot-de-passe/demande', { email: ADMIN.email })).status);
    // 10 requests per client and 15 minutes (one was spent above), then 429.
    expect(statuts.filter((s) => s === 202)).toHaveLength(9);
    expect(statuts.filter((s) => s === 429)).toHaveLength(11);
    // 3 mails an hour per address: two more than the one already sent, whatever the number of requests.
    await expect.poll(() => courrielsPour(ADMIN.email).length, { timeout: 15_000 }).toBe(avant + 2);
    await new Promise((r) => setTimeout(r, 2000));
    expect(courrielsPour(ADMIN.email).length).toBe(avant + 2);
  });

  it('la demande de réinitialisation répond dans le même temps que le compte existe ou non', async () => {
    // Twenty real accounts, so that each request for an existing one would do the whole work if it were done before answering.
    const admin = derriereProxy.client();
    await admin.connecter(ADMIN.email, motDePasseAdmin);
    const existants: string[] = [];
    for (let i = 0; i < 20; i++) {
      const email = `temoin-${i}@exemple.fr`;
      const r = await admin.post('/api/utilisateurs', {
        email,
        prenom: 'Témoin',
        nom: `N°${i}`,
        password: 'un mot de passe de témoin',
        habilitations: [],
      });
      expect(r.status).toBe(201);
      existants.push(email);
    }
    const mesurer = async (email: string, n: number) => {
      // Behind the trusted proxy, each request comes from another client: the per-client quota does not interfere.
      const debut = performance.now();
      const r = await post(derriereProxy, '/api/auth/mot-de-passe/demande', { email }, { 'x-forwarded-for': `198.51.100.${n}` });
      const duree = performance.now() - debut;
      expect(r.status).toBe(202);
      // Let the mail go out before the next measure.
      await new Promise((fin) => setTimeout(fin, 40));
      return duree;
    };
    for (let i = 0; i < 5; i++) await mesurer(`echauffement-${i}@exemple.fr`, 200 + i);
    const temps = { existant: [] as number[], inconnu: [] as number[] };
    for (let i = 0; i < 20; i++) {
      temps.existant.push(await mesurer(existants[i], 2 * i));
      temps.inconnu.push(await mesurer(`absent-${i}@exemple.fr`, 2 * i + 1));
    }
    const [existant, inconnu] = [mediane(temps.existant), mediane(temps.inconnu)];
    console.log(
      `demande de réinitialisation, médianes : compte existant ${existant.toFixed(1)} ms, adresse inconnue ${inconnu.toFixed(1)} ms`,
    );
    expect(Math.abs(existant - inconnu)).toBeLessThan(Math.max(5, 0.3 * Math.min(existant, inconnu)));
    // The mails did go out, afterwards.
    await expect.poll(() => existants.filter((e) => courrielsPour(e).length > 0).length, { timeout: 30_000 }).toBe(20);
  });
});
