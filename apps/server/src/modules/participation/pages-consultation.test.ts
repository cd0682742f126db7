import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { oublierLimites } from './limite-reponses';

/** The server-rendered public consultation page and its plain form (no JavaScript), over real HTTP. */

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let id: string, q: Record<string, string>;

const compter = async () =>
  (await serveur.ctx.db.query('select count(*)::int n from consultation_reponses where consultation_id = $1', [id])).rows[0].n;
const poster = (corps: URLSearchParams, chemin = `/public/consultations/${id}`) =>
  fetch(`${serveur.url}${chemin}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: corps.toString(),
    redirect: 'manual',
  });

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  const cls2 = (await serveur.ctx.db.query(`select id from contrats where intitule like '%Redon Agglomération (2e génération)%'`)).rows[0]
    .id;
  const c = (
    await coordination.post(`/api/contrats/${cls2}/consultations`, {
      titre: 'Votre santé <script>alert(1)</script>',
      introduction: 'Premier paragraphe.\n\nSecond paragraphe.',
    })
  ).body;
  id = c.id;
  const r = await coordination.put(`/api/consultations/${id}/questionnaire`, {
    version: 1,
    sections: [
      {
        titre: 'Vos soins',
        questions: [
          { type: 'choix_unique', libelle: 'Médecin traitant ?', obligatoire: true, choix: ['Oui', 'Non'] },
          { type: 'choix_multiple', libelle: 'Freins', choix: ['Distance', 'Coût'] },
          { type: 'echelle', libelle: 'Santé', echelle: { min: 1, max: 5, libelleMin: 'Mauvaise', libelleMax: 'Très bonne' } },
          { type: 'commune', libelle: 'Commune' },
          { type: 'texte_court', libelle: 'Un mot' },
        ],
      },
    ],
  });
  q = Object.fromEntries(r.body.sections[0].questions.map((x: any) => [x.type, x.id]));
  // The draft's preview, for its coordination only.
  const apercu = await fetch(`${serveur.url}/public/consultations/${id}?apercu`, { headers: { cookie: coordination.cookie! } });
  expect(apercu.status).toBe(200);
  const html = await apercu.text();
  expect(html).toContain('<h2 class="fr-alert__title">Aperçu</h2>');
  expect(html).toContain('type="submit" disabled');
  expect((await fetch(`${serveur.url}/public/consultations/${id}?apercu`)).status).toBe(404);
  expect((await fetch(`${serveur.url}/public/consultations/${id}`)).status).toBe(404);
  await coordination.post(`/api/consultations/${id}/ouverture`, { debut: '2024-01-01', fin: '2099-12-31', version: 2 });
}, 180_000);
afterAll(() => serveur.fermer());
beforeEach(() => oublierLimites());

describe('page publique d’une consultation', () => {
  it('arrive rendue, en français, avec un formulaire sans JavaScript : chaque champ a son étiquette, le titre est échappé', async () => {
    const r = await fetch(`${serveur.url}/public/consultations/${id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = await r.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('<h1>Votre santé &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('<p>Premier paragraphe.</p><p>Second paragraphe.</p>');
    expect(html).toContain(`<form method="post" action="/public/consultations/${id}"`);
    expect(html).toContain('<a class="fr-link" href="#contenu">Aller au contenu</a>');
    // Every input, select and textarea has a label pointing at it (or is the hidden honeypot's).
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(2 + 2 + 5 + 1 + 1 + 1);
    for (const x of ids) expect(html, x).toMatch(new RegExp(`<label[^>]* for="${x}">`));
    expect(html).toContain(`name="q_${q.choix_unique}" value="Oui" required`);
    expect(html).toContain('<option value="35236">Redon</option>');
    expect(html).toContain('<label class="fr-label" for="q-' + q.echelle + '-0">1 — Mauvaise</label>');
    expect(html).toContain('<div class="maillage-piege" hidden>');
  });

  it('un envoi de formulaire est enregistré puis redirige vers le merci ; un rechargement ne renvoie rien', async () => {
    const avant = await compter();
    const corps = new URLSearchParams([
      [`q_${q.choix_unique}`, 'Non'],
      [`q_${q.choix_multiple}`, 'Distance'],
      [`q_${q.choix_multiple}`, 'Coût'],
      [`q_${q.echelle}`, '3'],
      [`q_${q.commune}`, '35236'],
      [`q_${q.texte_court}`, 'Plus de médecins'],
      ['site_web', ''],
    ]);
    const r = await poster(corps);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/public/consultations/${id}/merci`);
    const merci = await fetch(`${serveur.url}${r.headers.get('location')}`);
    expect(await merci.text()).toContain('<h1>Merci pour votre participation</h1>');
    expect(await compter()).toBe(avant + 1);
    const { rows } = await serveur.ctx.db.query(
      `select q.type, v.valeur from consultation_valeurs v join consultation_questions q on q.id = v.question_id
       join consultation_reponses r on r.id = v.reponse_id where r.consultation_id = $1 order by q.position, v.valeur`,
      [id],
    );
    expect(rows.map((x) => `${x.type}=${x.valeur}`)).toEqual([
      'choix_unique=Non',
      'choix_multiple=Coût',
      'choix_multiple=Distance',
      'echelle=3',
      'commune=35236',
      'texte_court=Plus de médecins',
    ]);
  });

  it('une erreur réaffiche le formulaire avec le message en français, un lien vers la question, et ce qui était saisi', async () => {
    const avant = await compter();
    const r = await poster(new URLSearchParams([[`q_${q.texte_court}`, 'Je garde <b>ce texte</b>']]));
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('<div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreurs">');
    expect(html).toContain(`<li><a href="#q-${q.choix_unique}">« Médecin traitant ? » : une réponse est obligatoire</a></li>`);
    expect(html).toContain(`<fieldset class="fr-fieldset fr-fieldset--error" id="q-${q.choix_unique}"`);
    expect(html).toContain('value="Je garde &lt;b&gt;ce texte&lt;/b&gt;"');
    expect(await compter()).toBe(avant);
  });

  it('le champ piège rempli : même merci, rien de gardé ; close : 410 ; inconnue : 404', async () => {
    const avant = await compter();
    const r = await poster(
      new URLSearchParams([
        [`q_${q.choix_unique}`, 'Oui'],
        ['site_web', 'http://spam.example'],
      ]),
    );
    expect(r.status).toBe(303);
    expect(await compter()).toBe(avant);
    expect((await fetch(`${serveur.url}/public/consultations/pas-un-identifiant`)).status).toBe(404);
    const version = (await coordination.get(`/api/consultations/${id}`)).body.version;
    await coordination.post(`/api/consultations/${id}/cloture`, { version });
    const close = await fetch(`${serveur.url}/public/consultations/${id}`);
    expect(close.status).toBe(410);
    expect(await close.text()).toContain('<h1>Consultation close</h1>');
    expect((await poster(new URLSearchParams([[`q_${q.choix_unique}`, 'Oui']]))).status).toBe(410);
  });
});
