import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { enTransaction } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { envoyerLivraison } from './envoi';

/**
 * Webhooks end to end (decision 0039): real PostgreSQL, the real job queue, real HTTP to a receiver this test runs.
 * Short delays by configuration: 1 s between attempts, two retries, 500 ms to answer, paused after 3 failures.
 */

interface Recu {
  chemin: string;
  entetes: http.IncomingHttpHeaders;
  corps: string;
}

/** A receiver: each path behaves as the test says (an answer code, or silence for a while). */
function demarrerRecepteur() {
  const recus: Recu[] = [];
  const comportements = new Map<string, (n: number) => { code: number; corps?: string; silenceMs?: number }>();
  const serveur = http.createServer((req, res) => {
    const morceaux: Buffer[] = [];
    req.on('data', (m) => morceaux.push(m));
    req.on('end', () => {
      const chemin = req.url ?? '/';
      recus.push({ chemin, entetes: req.headers, corps: Buffer.concat(morceaux).toString('utf8') });
      const n = recus.filter((r) => r.chemin === chemin).length;
      const c = comportements.get(chemin)?.(n) ?? { code: 200 };
      const repondre = () => {
        if (!res.destroyed) res.writeHead(c.code, { 'content-type': 'text/plain' }).end(c.corps ?? 'reçu');
      };
      if (c.silenceMs) setTimeout(repondre, c.silenceMs);
      else repondre();
    });
  });
  return new Promise<{ url: string; recus: Recu[]; comportements: typeof comportements; fermer: () => Promise<void> }>((resolve) =>
    serveur.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`,
        recus,
        comportements,
        fermer: () => new Promise((r) => serveur.close(() => r())),
      }),
    ),
  );
}

/** The receiver's check, exactly as docs/api.md writes it (not the server's code). */
function signatureValide(secret: string, entete: string, corps: string) {
  const elements = Object.fromEntries(entete.split(',').map((p) => p.split('=')));
  const attendu = createHmac('sha256', secret).update(`${elements.t}.${corps}`).digest('hex');
  const fraicheur = Math.abs(Date.now() / 1000 - Number(elements.t)) <= 300;
  return fraicheur && attendu.length === elements.v1.length && timingSafeEqual(Buffer.from(attendu), Buffer.from(elements.v1));
}

let serveur: ServeurDeTest;
let recepteur: Awaited<ReturnType<typeof demarrerRecepteur>>;
let admin: ClientHttp;
let cpam: ClientHttp;
let coordination: ClientHttp;
let pilote: ClientHttp;
let contratId: string;
let cpamId: string;
let periode = 2040;
const ATTENTE = { timeout: 30_000, interval: 200 };

beforeAll(async () => {
  recepteur = await demarrerRecepteur();
  serveur = await demarrerServeurDeTest({
    env: {
      MAILLAGE_WEBHOOKS_DELAIS: '1,1',
      MAILLAGE_WEBHOOKS_DELAI_REPONSE_MS: '500',
      MAILLAGE_WEBHOOKS_ECHECS_AVANT_PAUSE: '3',
      MAILLAGE_WEBHOOKS_RESEAUX_PRIVES: '1',
    },
  });
  [admin, cpam, coordination, pilote] = [serveur.client(), serveur.client(), serveur.client(), serveur.client()];
  await admin.connecter(DEMO.admin);
  await cpam.connecter(DEMO.cpam);
  await coordination.connecter(DEMO.coordination);
  await pilote.connecter(DEMO.pilote);
  contratId = (await coordination.get('/api/contrats')).body.find((c: any) => c.generation === 2).id;
  cpamId = (await serveur.ctx.db.query(`select id from organisations where nom = 'CPAM d’Ille-et-Vilaine'`)).rows[0].id;
});
afterAll(async () => {
  await serveur.fermer();
  await recepteur.fermer();
});

async function abonner(chemin: string, evenements = ['campagne.close']) {
  const r = await cpam.post('/api/webhooks', { url: `${recepteur.url}${chemin}`, evenements });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; secret: string; version: number };
}

/** A real change that emits « campagne.close »: the coordination opens then closes a follow-up campaign of the contract. */
async function fermerUneCampagne() {
  const echeance = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const ouverte = await coordination.post(`/api/contrats/${contratId}/campagnes`, { periode: String(periode++), echeance });
  expect(ouverte.status, JSON.stringify(ouverte.body)).toBe(201);
  expect((await coordination.post(`/api/campagnes/${ouverte.body.id}/cloture`)).status).toBe(200);
  return ouverte.body.id as string;
}

const recusSur = (chemin: string) => recepteur.recus.filter((r) => r.chemin === chemin);
const livraisons = async (id: string) => (await cpam.get(`/api/webhooks/${id}/livraisons`)).body.livraisons as any[];

describe('webhooks : abonnements', () => {
  it('refuse une saisie invalide en nommant le champ, en français', async () => {
    const url = await cpam.post('/api/webhooks', { url: 'ftp://recepteur.exemple.fr', evenements: ['contrat.signe'] });
    expect(url.status).toBe(400);
    expect(url.body.erreurs).toEqual([{ champ: 'url', message: expect.stringContaining('https://') }]);
    const aucun = await cpam.post('/api/webhooks', { url: 'https://recepteur.exemple.fr', evenements: [] });
    expect(aucun.status).toBe(400);
    expect(aucun.body.erreurs[0]).toMatchObject({ champ: 'evenements', message: 'Choisissez au moins un événement' });
    const inconnu = await cpam.post('/api/webhooks', { url: 'https://recepteur.exemple.fr', evenements: ['contrat.perdu'] });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.erreurs[0]).toMatchObject({ champ: 'evenements.0', message: expect.stringContaining('Événement inconnu') });
    const sansOrganisation = await admin.post('/api/webhooks', { url: 'https://recepteur.exemple.fr', evenements: ['contrat.signe'] });
    expect(sansOrganisation.status).toBe(400);
    expect(sansOrganisation.body.erreurs[0].champ).toBe('organisationId');
    expect((await serveur.ctx.db.query('select count(*)::int n from webhooks_abonnements')).rows[0].n).toBe(0);
  });

  it('seuls les référents de l’organisation (et les administrateurs) gèrent ses abonnements : 403 sinon', async () => {
    expect((await pilote.post('/api/webhooks', { url: 'https://r.exemple.fr', evenements: ['contrat.signe'] })).status).toBe(403);
    expect((await coordination.get('/api/webhooks')).status).toBe(403);
    const autre = (await serveur.ctx.db.query(`select id from organisations where nom = 'CPAM du Morbihan'`)).rows[0].id;
    const ailleurs = await cpam.post('/api/webhooks', {
      organisationId: autre,
      url: 'https://r.exemple.fr',
      evenements: ['contrat.signe'],
    });
    expect(ailleurs.status).toBe(403);

    const a = await abonner('/droits', ['contrat.signe']);
    expect(a.secret).toMatch(/^whsec_/);
    expect((await pilote.get(`/api/webhooks/${a.id}/livraisons`)).status).toBe(403);
    expect((await coordination.requete('PATCH', `/api/webhooks/${a.id}`, { version: a.version, statut: 'en_pause' })).status).toBe(403);
    expect((await pilote.delete(`/api/webhooks/${a.id}`)).status).toBe(403);
    // The secret is shown once: never in the list, nor in the audit log.
    const liste = await cpam.get('/api/webhooks');
    expect(liste.body.map((x: any) => x.id)).toContain(a.id);
    expect(JSON.stringify(liste.body)).not.toContain(a.secret);
    expect((await admin.get(`/api/webhooks?organisationId=${cpamId}`)).body.map((x: any) => x.id)).toContain(a.id);
    const audit = await serveur.ctx.db.query(`select diff::text from audit_evenements where entite_type = 'abonnement_webhook'`);
    expect(audit.rows.map((r) => r.diff).join()).not.toContain(a.secret);

    // A creation sent with an Idempotency-Key (as the web app does): its kept answer is sealed, the secret not in clear.
    const cle = await fetch(`${serveur.url}/api/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cpam.cookie!, 'x-csrf-token': cpam.csrf!, 'idempotency-key': 'cle-webhook-1' },
      body: JSON.stringify({ url: 'https://r.exemple.fr/idempotent', evenements: ['contrat.signe'] }),
    });
    const cree = (await cle.json()) as { id: string; secret: string };
    expect(cle.status).toBe(201);
    const gardee = await serveur.ctx.db.query(`select corps from requetes_idempotentes where cle = 'cle-webhook-1'`);
    expect(gardee.rows).toHaveLength(1);
    expect(gardee.rows[0].corps.toString('latin1')).not.toContain(cree.secret);
    expect((await cpam.delete(`/api/webhooks/${cree.id}`)).status).toBe(204);

    const pause = await cpam.requete('PATCH', `/api/webhooks/${a.id}`, { version: a.version, statut: 'en_pause' });
    expect(pause.status).toBe(200);
    expect(pause.body).toMatchObject({ statut: 'en_pause', motifPause: expect.stringContaining('Mis en pause par') });
    expect((await cpam.requete('PATCH', `/api/webhooks/${a.id}`, { version: a.version, statut: 'actif' })).status).toBe(409);
    expect((await cpam.delete(`/api/webhooks/${a.id}`)).status).toBe(204);
  });
});

describe('webhooks : livraisons', () => {
  let premiere: { abonnement: string; livraison: string; corps: string };

  it('une livraison signée arrive, et sa signature se vérifie selon la recette de docs/api.md', async () => {
    const a = await abonner('/signe');
    const campagneId = await fermerUneCampagne();
    await expect.poll(() => recusSur('/signe').length, ATTENTE).toBe(1);
    const recu = recusSur('/signe')[0];
    expect(recu.entetes['content-type']).toContain('application/json');
    expect(recu.entetes['maillage-evenement']).toBe('campagne.close');
    expect(signatureValide(a.secret, String(recu.entetes['maillage-signature']), recu.corps)).toBe(true);
    expect(signatureValide(a.secret, String(recu.entetes['maillage-signature']), recu.corps.replace('close', 'ouverte'))).toBe(false);
    expect(signatureValide('whsec_autre', String(recu.entetes['maillage-signature']), recu.corps)).toBe(false);
    const corps = JSON.parse(recu.corps);
    expect(corps).toEqual({
      id: expect.any(String),
      type: 'campagne.close',
      survenuLe: expect.any(String),
      donnees: { contratId, campagneId, etat: 'close', url: `http://maillage.test/campagnes/${campagneId}` },
    });
    expect(recu.entetes['maillage-evenement-id']).toBe(corps.id);
    await expect.poll(async () => (await livraisons(a.id))[0]?.statut, ATTENTE).toBe('reussie');
    const [l] = await livraisons(a.id);
    expect(l.tentatives).toEqual([expect.objectContaining({ numero: 1, resultat: 'reussie', codeHttp: 200, extrait: 'reçu' })]);
    expect(l.corps).toBe(recu.corps);
    premiere = { abonnement: a.id, livraison: l.id, corps: recu.corps };
  });

  it('relancer une livraison renvoie le même corps, signé à nouveau', async () => {
    const r = await cpam.post(`/api/webhooks/${premiere.abonnement}/livraisons/${premiere.livraison}/rejeu`);
    expect(r.status).toBe(202);
    await expect.poll(() => recusSur('/signe').length, ATTENTE).toBe(2);
    expect(recusSur('/signe')[1].corps).toBe(premiere.corps);
    await expect.poll(async () => (await livraisons(premiere.abonnement)).find((l) => l.id === r.body.id)?.statut, ATTENTE).toBe('reussie');
    expect((await livraisons(premiere.abonnement)).find((l) => l.id === r.body.id).rejeuDe).toBe(premiere.livraison);
    expect((await pilote.post(`/api/webhooks/${premiere.abonnement}/livraisons/${premiere.livraison}/rejeu`)).status).toBe(403);
    expect((await cpam.delete(`/api/webhooks/${premiere.abonnement}`)).status).toBe(204);
  });

  it('une séance dont on écrit le compte rendu après sa date devient tenue : « seance.tenue » part (module gouvernance)', async () => {
    const a = await abonner('/seances', ['seance.tenue']);
    // A séance of the contract planned in the past and not yet marked held (test setup).
    const { rows } = await serveur.ctx.db.query(
      `update seances set statut = 'prevue', debut = now() - interval '2 days' where id = (select id from seances where contrat_id = $1 limit 1)
       returning id, instance_id as "instanceId", version`,
      [contratId],
    );
    const [seance] = rows;
    const cr = await coordination.put(`/api/seances/${seance.id}/compte-rendu`, { compteRendu: '<p>Relevé</p>', version: seance.version });
    expect(cr.status, JSON.stringify(cr.body)).toBe(200);
    expect(cr.body.statut).toBe('tenue');
    await expect.poll(() => recusSur('/seances').length, ATTENTE).toBe(1);
    expect(JSON.parse(recusSur('/seances')[0].corps)).toMatchObject({
      type: 'seance.tenue',
      donnees: {
        contratId,
        seanceId: seance.id,
        instanceId: seance.instanceId,
        statut: 'tenue',
        url: `http://maillage.test/seances/${seance.id}`,
      },
    });
    expect((await cpam.delete(`/api/webhooks/${a.id}`)).status).toBe(204);
  });

  it('un événement d’une transaction annulée n’est jamais envoyé', async () => {
    const a = await abonner('/annule');
    await expect(
      enTransaction(serveur.ctx.db, async (tx) => {
        await publierEvenement(tx, { type: 'campagne.close', contratId, donnees: { campagneId: contratId, marque: 'annulee' } });
        throw new Error('changement refusé');
      }),
    ).rejects.toThrow('changement refusé');
    // A committed change after it: once it has arrived, the cancelled one would have too (events go in order).
    await fermerUneCampagne();
    await expect.poll(() => recusSur('/annule').length, ATTENTE).toBe(1);
    expect(recusSur('/annule')[0].corps).not.toContain('annulee');
    expect(
      (await serveur.ctx.db.query(`select count(*)::int n from evenements_domaine where donnees ->> 'marque' = 'annulee'`)).rows[0].n,
    ).toBe(0);
    expect((await cpam.delete(`/api/webhooks/${a.id}`)).status).toBe(204);
  });

  it('un récepteur qui répond 500 est relancé ; chaque tentative est notée jusqu’à la réussite', async () => {
    recepteur.comportements.set('/instable', (n) => (n <= 2 ? { code: 500, corps: 'Erreur interne du récepteur' } : { code: 204 }));
    const a = await abonner('/instable');
    await fermerUneCampagne();
    await expect.poll(async () => (await livraisons(a.id))[0]?.statut, ATTENTE).toBe('reussie');
    const [l] = await livraisons(a.id);
    expect(l.tentatives.map((t: any) => [t.resultat, t.codeHttp])).toEqual([
      ['echec_http', 500],
      ['echec_http', 500],
      ['reussie', 204],
    ]);
    expect(l.tentatives[0].extrait).toBe('Erreur interne du récepteur');
    // A success resets the count: two failures do not pause it.
    expect((await cpam.get(`/api/webhooks/${a.id}`)).body).toMatchObject({ statut: 'actif', echecsConsecutifs: 0 });
    expect((await cpam.delete(`/api/webhooks/${a.id}`)).status).toBe(204);
  });

  it('un récepteur qui ne répond pas à temps est noté « délai dépassé » et relancé', async () => {
    recepteur.comportements.set('/lent', (n) => (n === 1 ? { code: 200, silenceMs: 3000 } : { code: 200 }));
    const a = await abonner('/lent');
    await fermerUneCampagne();
    await expect.poll(async () => (await livraisons(a.id))[0]?.statut, ATTENTE).toBe('reussie');
    const [l] = await livraisons(a.id);
    expect(l.tentatives.map((t: any) => t.resultat)).toEqual(['delai_depasse', 'reussie']);
    expect(l.tentatives[0]).toMatchObject({ codeHttp: null, extrait: 'Pas de réponse en 500 ms.' });
    expect((await cpam.delete(`/api/webhooks/${a.id}`)).status).toBe(204);
  });

  it('des échecs répétés mettent l’abonnement en pause et préviennent son propriétaire par courriel', async () => {
    recepteur.comportements.set('/panne', () => ({ code: 503, corps: 'Service indisponible' }));
    const a = await abonner('/panne');
    await fermerUneCampagne();
    await expect.poll(async () => (await cpam.get(`/api/webhooks/${a.id}`)).body.statut, ATTENTE).toBe('en_pause');
    const abonnement = (await cpam.get(`/api/webhooks/${a.id}`)).body;
    expect(abonnement.motifPause).toContain('3 échecs consécutifs');
    const [l] = await livraisons(a.id);
    expect(l.statut).toBe('echouee');
    expect(l.tentatives.map((t: any) => t.codeHttp)).toEqual([503, 503, 503]);
    await expect
      .poll(() => serveur.courriels.filter((c) => c.a === DEMO.cpam && c.sujet.startsWith('Webhook mis en pause')).length, ATTENTE)
      .toBe(1);
    const courriel = serveur.courriels.find((c) => c.sujet.startsWith('Webhook mis en pause'))!;
    expect(courriel.texte).toContain(`${recepteur.url}/panne`);
    const audit = await serveur.ctx.db.query(
      `select acteur_libelle from audit_evenements where entite_type = 'abonnement_webhook' and action = 'suspension' and entite_id = $1`,
      [a.id],
    );
    expect(audit.rows).toEqual([{ acteur_libelle: 'Système' }]);
    // Paused: a new event is not delivered to it, and a replay waits until it is resumed.
    await fermerUneCampagne();
    expect((await cpam.post(`/api/webhooks/${a.id}/livraisons/${l.id}/rejeu`)).status).toBe(409);
    const reprise = await cpam.requete('PATCH', `/api/webhooks/${a.id}`, { version: abonnement.version, statut: 'actif' });
    expect(reprise.body).toMatchObject({ statut: 'actif', echecsConsecutifs: 0, motifPause: null });
    expect(await livraisons(a.id)).toHaveLength(1);
  });
});

describe('webhooks : réseaux privés (SSRF)', () => {
  it('en production, un hôte qui désigne une adresse locale est refusé à la connexion, rien n’est envoyé', async () => {
    const avant = recepteur.recus.length;
    const port = new URL(recepteur.url).port;
    const r = await envoyerLivraison(
      { url: `http://localhost:${port}/prive`, secret: 's', corps: '{}', type: 'contrat.signe', livraisonId: 'l', evenementId: 'e' },
      { delaiMs: 2000, reseauxPrives: false },
    );
    expect(r.resultat).toBe('cible_refusee');
    expect(recepteur.recus.length).toBe(avant);
  });
});
