import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEPOTS_AVIS_PAR_HEURE } from '@maillage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// A build as `npm run build` leaves it, with a stand-in of the server rendering that writes every datum it was given
// into the page: whatever reaches the public HTML shows here.
const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-web-avis-'));
fs.writeFileSync(path.join(dossier, 'index.html'), '<!doctype html><html><body><div id="racine"></div>app</body></html>');
fs.writeFileSync(
  path.join(dossier, 'public.html'),
  '<!doctype html><html><head><title><!--titre--></title></head><body><!--page--></body></html>',
);
fs.mkdirSync(path.join(dossier, '.serveur'));
fs.writeFileSync(
  path.join(dossier, '.serveur/entree-serveur.js'),
  `export function rendrePagePublique(chemin, d) { return { html: '<pre>' + JSON.stringify({ chemin, d }).replace(/</g, '&lt;') + '</pre>', titre: 'T' }; }`,
);

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let lecteur: ClientHttp;
let anonyme: ClientHttp;
let publie: string;
let nonPublie: string;
let ficheId: string;

const EN_ATTENTE = 'Le bus pour la maison de santé ne passe jamais le samedi, texte en attente.';
const CONTACT = 'habitante.secrete@exemple.fr';

/** Everything the public can read of a contract: its JSON, its page, its opinions, the open data. */
async function toutLePublic() {
  const morceaux = await Promise.all(
    [
      `/api/public/contrats/${publie}`,
      `/api/public/contrats/${publie}/avis`,
      `/api/public/contrats/${publie}/avis?ficheId=${ficheId}`,
      '/api/public/contrats',
      '/api/public/contrats.csv',
      '/api/public/contrats?format=csv',
      `/public/contrats/${publie}`,
      '/public/contrats',
      '/sitemap.xml',
    ].map(async (u) => {
      const r = await fetch(serveur.url + u);
      return `${u}\n${await r.text()}`;
    }),
  );
  return morceaux.join('\n');
}

const formulaire = (champs: Record<string, string>) =>
  fetch(`${serveur.url}/public/contrats/${publie}/avis`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(champs).toString(),
    redirect: 'manual',
  });

beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ webDist: dossier });
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  lecteur = serveur.client();
  await lecteur.connecter(DEMO.lecteur);
  anonyme = serveur.client();
  const contrats = (await coordination.get('/api/contrats')).body;
  publie = (await anonyme.get('/api/public/contrats')).body[0].id;
  nonPublie = contrats.find((c: any) => c.id !== publie).id;
  ficheId = (await serveur.ctx.db.query('select id from fiches where contrat_id = $1 order by numero limit 1', [publie])).rows[0].id;
  await serveur.ctx.db.query('delete from avis');
});
afterAll(async () => {
  await serveur?.fermer();
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('avis des habitants', () => {
  it('refuse un avis invalide avec des messages français, champ par champ', async () => {
    const r = await anonyme.post(`/api/public/contrats/${publie}/avis`, { texte: 'Court', contact: 'pas un contact', nature: 'plainte' });
    expect(r.status).toBe(400);
    const champs = Object.fromEntries(r.body.erreurs.map((e: any) => [e.champ, e.message]));
    expect(champs).toEqual({
      nature: 'Choisissez : avis ou suggestion',
      texte: 'Votre avis doit compter au moins 10 caractères',
      contact: 'Contact : une adresse électronique (nom@exemple.fr) ou un numéro de téléphone',
    });
    const autreContrat = await anonyme.post(`/api/public/contrats/${nonPublie}/avis`, { texte: 'Un avis sur un contrat non publié.' });
    expect(autreContrat.status).toBe(404);
    const ailleurs = await coordination.post(`/api/contrats/${nonPublie}/fiches`, { intitule: 'Une action d’un autre contrat' });
    expect(ailleurs.status).toBe(201);
    const ficheAilleurs = ailleurs.body.id;
    const r2 = await anonyme.post(`/api/public/contrats/${publie}/avis`, {
      texte: 'Un avis sur une action d’ailleurs.',
      ficheId: ficheAilleurs,
    });
    expect(r2.status).toBe(400);
    expect(r2.body.erreurs).toEqual([{ champ: 'ficheId', message: 'Action inconnue dans ce contrat' }]);
  });

  it('un avis reçu reste hors de tout ce que le public lit tant qu’il n’est pas modéré ; aucune adresse n’est gardée', async () => {
    const r = await anonyme.post(`/api/public/contrats/${publie}/avis`, {
      nature: 'suggestion',
      texte: EN_ATTENTE,
      contact: CONTACT,
      ficheId,
    });
    expect(r.status).toBe(202);
    expect(r.body.message).toContain('publié après relecture');
    const public_ = await toutLePublic();
    expect(public_).not.toContain('samedi');
    expect(public_).not.toContain(CONTACT);
    const { rows } = await serveur.ctx.db.query('select * from avis');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    const frein = JSON.stringify((await serveur.ctx.db.query('select * from freins_participation')).rows);
    expect(frein).not.toMatch(/127\.0\.0\.1/);
  });

  it('le champ piège rempli par un robot : même réponse, rien n’est gardé', async () => {
    const r = await anonyme.post(`/api/public/contrats/${publie}/avis`, {
      texte: 'Achetez nos montres, prix imbattables !',
      siteWeb: 'http://spam.example',
    });
    expect(r.status).toBe(202);
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from avis where texte like 'Achetez%'`);
    expect(rows[0].n).toBe(0);
  });

  it('le formulaire marche sans JavaScript : accepté, retour à la page ; refusé, la page revient avec l’erreur et le texte tapé', async () => {
    const ok = await formulaire({
      nature: 'avis',
      texte: 'Envoyé par le formulaire, sans JavaScript.',
      contact: '',
      ficheId: '',
      siteWeb: '',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/public/contrats/${publie}?avis=merci#avis`);
    const refus = await formulaire({ nature: 'avis', texte: 'Court', contact: '06 12 34 56 78', ficheId: '', siteWeb: '' });
    expect(refus.status).toBe(400);
    const html = await refus.text();
    expect(html).toContain('Votre avis doit compter au moins 10 caractères');
    expect(html).toContain('"texte":"Court"');
    expect(html).toContain('06 12 34 56 78');
    const merci = await (await fetch(`${serveur.url}/public/contrats/${publie}?avis=merci`)).text();
    expect(merci).toContain(`"chemin":"/public/contrats/${publie}?avis=merci"`);
    expect(merci).not.toContain('sans JavaScript');
  });

  it('la modération : liste pour la coordination (contact compris), refusée au lecteur et à l’anonyme', async () => {
    expect((await lecteur.get(`/api/contrats/${publie}/avis`)).status).toBe(403);
    expect((await anonyme.get(`/api/contrats/${publie}/avis`)).status).toBe(401);
    const r = await coordination.get(`/api/contrats/${publie}/avis?statut=en_attente`);
    expect(r.status).toBe(200);
    const avis = r.body.find((a: any) => a.texte === EN_ATTENTE);
    expect(avis).toMatchObject({ statut: 'en_attente', contact: CONTACT, nature: 'suggestion', ficheId, version: 1 });
  });

  it('publié avec une réponse, l’avis et la réponse paraissent ; jamais le contact ; une version périmée reçoit 409', async () => {
    const avis = (await coordination.get(`/api/contrats/${publie}/avis`)).body.find((a: any) => a.texte === EN_ATTENTE);
    const sansMotif = await coordination.put(`/api/contrats/${publie}/avis/${avis.id}/moderation`, { decision: 'rejeter', version: 1 });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.erreurs).toEqual([{ champ: 'motif', message: 'Donnez le motif du rejet' }]);
    const reponse = 'Merci : la ligne 3 desservira la maison de santé le samedi dès septembre.';
    const r = await coordination.put(`/api/contrats/${publie}/avis/${avis.id}/moderation`, { decision: 'publier', reponse, version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statut: 'publie', reponse, version: 2 });
    const perime = await coordination.put(`/api/contrats/${publie}/avis/${avis.id}/moderation`, {
      decision: 'rejeter',
      motif: 'Hors sujet',
      version: 1,
    });
    expect(perime.status).toBe(409);
    expect(perime.body.courant).toMatchObject({ statut: 'publie' });
    const publics = (await anonyme.get(`/api/public/contrats/${publie}/avis`)).body;
    expect(publics).toHaveLength(1);
    expect(publics[0]).toMatchObject({ texte: EN_ATTENTE, reponse, ficheId });
    expect(Object.keys(publics[0])).not.toContain('contact');
    const parFiche = (await anonyme.get(`/api/public/contrats/${publie}/avis?ficheId=${ficheId}`)).body;
    expect(parFiche.map((a: any) => a.id)).toEqual([avis.id]);
    const public_ = await toutLePublic();
    expect(public_).toContain('samedi dès septembre');
    expect(public_).not.toContain(CONTACT);
    // The other opinion, sent by the form, is still pending: still nowhere public.
    expect(public_).not.toContain('sans JavaScript');
  });

  it('rejeté avec un motif, il quitte la page publique ; chaque modération est au journal en français', async () => {
    const avis = (await coordination.get(`/api/contrats/${publie}/avis`)).body.find((a: any) => a.texte === EN_ATTENTE);
    const r = await coordination.put(`/api/contrats/${publie}/avis/${avis.id}/moderation`, {
      decision: 'rejeter',
      motif: 'Publié par erreur : donnée personnelle',
      version: avis.version,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statut: 'rejete', motifRejet: 'Publié par erreur : donnée personnelle', reponse: null });
    expect((await anonyme.get(`/api/public/contrats/${publie}/avis`)).body).toEqual([]);
    expect(await toutLePublic()).not.toContain('samedi');
    const phrases = (await coordination.get(`/api/contrats/${publie}/historique?parPage=50`)).body.elements.map((e: any) => e.phrase);
    const debut = '« Le bus pour la maison de santé ne passe jamais le samedi, texte en attente. »';
    expect(phrases).toContain(`Un habitant (sans compte) a déposé l’avis ${debut} sur la page publique`);
    expect(phrases).toContain(`Marie Dupont a publié l’avis ${debut} sur la page publique`);
    expect(phrases).toContain(`Marie Dupont a rejeté l’avis ${debut}`);
    expect(JSON.stringify(phrases)).not.toContain(CONTACT);
    const journal = JSON.stringify((await serveur.ctx.db.query(`select * from audit_evenements where entite_type = 'avis'`)).rows);
    expect(journal).not.toContain(CONTACT);
  });

  it(`au-delà de ${DEPOTS_AVIS_PAR_HEURE} avis dans l’heure depuis une même adresse : 429 en français avec Retry-After`, async () => {
    await serveur.ctx.db.query('delete from freins_participation');
    for (let i = 0; i < DEPOTS_AVIS_PAR_HEURE; i++)
      expect((await anonyme.post(`/api/public/contrats/${publie}/avis`, { texte: `Avis numéro ${i} sur le contrat.` })).status).toBe(202);
    const r = await anonyme.post(`/api/public/contrats/${publie}/avis`, { texte: 'Un avis de trop sur le contrat.' });
    expect(r.status).toBe(429);
    expect(r.body.detail).toMatch(/^Vous avez déjà envoyé \d+ avis dans l’heure depuis cette connexion\. Réessayez dans \d+ minutes?\.$/);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    const parFormulaire = await formulaire({ texte: 'Encore un avis, par le formulaire.' });
    expect(parFormulaire.status).toBe(429);
    expect(await parFormulaire.text()).toContain('Réessayez dans');
  });
});
