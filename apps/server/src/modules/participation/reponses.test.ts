import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { LIMITE_REPONSES, oublierLimites } from './limite-reponses';

/** The public side of a consultation (issue 20 item 1): reading, answering, anonymity, abuse limits, the HTML page. */

let serveur: ServeurDeTest;
let coordination: ClientHttp, anonyme: ClientHttp;
let cls2: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: true });
  [coordination, anonyme] = [serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  const { rows } = await serveur.ctx.db.query(`select id from contrats where intitule like '%Redon Agglomération (2e génération)%'`);
  cls2 = rows[0].id;
}, 180_000);
afterAll(() => serveur.fermer());
beforeEach(() => oublierLimites());

const SECTIONS = [
  {
    titre: 'Votre avis',
    questions: [
      { type: 'choix_unique', libelle: 'Avez-vous un médecin traitant ?', obligatoire: true, choix: ['Oui', 'Non'] },
      { type: 'choix_multiple', libelle: 'Vos freins', choix: ['Distance', 'Délais', 'Coût'] },
      { type: 'echelle', libelle: 'Votre santé', echelle: { min: 1, max: 5, libelleMin: 'Mauvaise', libelleMax: 'Très bonne' } },
      { type: 'commune', libelle: 'Votre commune' },
      { type: 'tranche_age', libelle: 'Votre âge' },
      { type: 'texte_court', libelle: 'Un mot pour finir' },
    ],
  },
];

/** An open consultation (optionally with codes), and its questions by type. */
async function ouverte(options: { codesRequis?: boolean; fin?: string; debut?: string } = {}) {
  const c = (
    await coordination.post(`/api/contrats/${cls2}/consultations`, { titre: 'Votre santé à Redon', codesRequis: !!options.codesRequis })
  ).body;
  const q = await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: SECTIONS, version: 1 });
  const o = await coordination.post(`/api/consultations/${c.id}/ouverture`, {
    debut: options.debut ?? '2024-01-01',
    fin: options.fin ?? '2099-12-31',
    version: 2,
  });
  expect(o.status, JSON.stringify(o.body)).toBe(200);
  const ids = Object.fromEntries(q.body.sections[0].questions.map((x: any) => [x.type, x.id])) as Record<string, string>;
  return { id: c.id as string, q: ids };
}

describe('lecture publique', () => {
  it('une consultation ouverte se lit sans connexion ; brouillon et inconnue : 404 ; pas encore ouverte : 404 daté ; close : 410', async () => {
    const { id } = await ouverte();
    const r = await anonyme.get(`/api/public/consultations/${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, apercu: false, statut: 'ouverte', codesRequis: false });
    expect(r.body.communes.some((x: any) => x.libelle === 'Redon')).toBe(true);
    const brouillon = (await coordination.post(`/api/contrats/${cls2}/consultations`, { titre: 'Pas prête' })).body;
    expect((await anonyme.get(`/api/public/consultations/${brouillon.id}`)).status).toBe(404);
    expect((await anonyme.get('/api/public/consultations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const future = await ouverte({ debut: '2098-01-01' });
    const f = await anonyme.get(`/api/public/consultations/${future.id}`);
    expect(f.status).toBe(404);
    expect(f.body.detail).toBe('Cette consultation n’est pas encore ouverte : elle le sera le 1er janvier 2098.');
    const version = (await coordination.get(`/api/consultations/${id}`)).body.version;
    expect((await coordination.post(`/api/consultations/${id}/cloture`, { version })).status).toBe(200);
    const close = await anonyme.get(`/api/public/consultations/${id}`);
    expect(close.status).toBe(410);
    expect(close.body.detail).toContain('Cette consultation est close');
  });
});

describe('réponses publiques', () => {
  it('valide chaque réponse contre le questionnaire, en français, en nommant la question, et ne garde rien d’une réponse refusée', async () => {
    const { id, q } = await ouverte();
    const envoyer = (reponses: Record<string, unknown>) => anonyme.post(`/api/public/consultations/${id}/reponses`, { reponses });
    const manque = await envoyer({ [q.texte_court]: 'Bonjour' });
    expect(manque.status).toBe(400);
    expect(manque.body.detail).toBe('« Avez-vous un médecin traitant ? » : une réponse est obligatoire');
    expect(manque.body.erreurs[0].champ).toBe(`reponses.${q.choix_unique}`);
    const b = await envoyer({
      [q.choix_unique]: 'Peut-être',
      [q.choix_multiple]: ['Distance', 'Téléportation'],
      [q.echelle]: 9,
      [q.commune]: '75056',
      [q.tranche_age]: '200_ans',
      [q.texte_court]: 'x'.repeat(301),
    });
    expect(b.status).toBe(400);
    const messages = b.body.erreurs.map((e: any) => e.message);
    expect(messages).toEqual([
      '« Avez-vous un médecin traitant ? » : l’option « Peut-être » n’est pas proposée',
      '« Vos freins » : l’option « Téléportation » n’est pas proposée',
      '« Votre santé » : choisissez un nombre entier de 1 à 5',
      '« Votre commune » : cette commune ne fait pas partie du territoire du contrat',
      '« Votre âge » : tranche d’âge inconnue',
      '« Un mot pour finir » : 300 caractères au plus (301 saisis)',
    ]);
    const inconnue = await envoyer({ [q.choix_unique]: 'Oui', '00000000-0000-4000-8000-000000000000': 'x' });
    expect(inconnue.body.detail).toContain('Cette question n’existe pas dans ce questionnaire');
    const { rows } = await serveur.ctx.db.query('select count(*)::int n from consultation_reponses where consultation_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  it('est anonyme : ni compte ni adresse IP ni heure avec la réponse (balayage des lignes et des colonnes)', async () => {
    const { id, q } = await ouverte();
    const dernierAudit = async () => (await serveur.ctx.db.query('select coalesce(max(id), 0)::int n from audit_evenements')).rows[0].n;
    const auditAvant = await dernierAudit();
    const r = await coordination.post(
      `/api/public/consultations/${id}/reponses`,
      { reponses: { [q.choix_unique]: 'Oui', [q.commune]: '35236', [q.texte_court]: 'Trop loin du médecin' } },
      { csrf: true },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.message).toContain('anonyme');
    // The columns: the day, nothing else that could identify.
    const { rows: colonnes } = await serveur.ctx.db.query(
      `select table_name, column_name, data_type from information_schema.columns
       where table_name in ('consultation_reponses', 'consultation_valeurs') order by table_name, ordinal_position`,
    );
    expect(colonnes.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`)).toEqual([
      'consultation_reponses.id:uuid',
      'consultation_reponses.consultation_id:uuid',
      'consultation_reponses.recue_le:date',
      'consultation_valeurs.id:uuid',
      'consultation_valeurs.reponse_id:uuid',
      'consultation_valeurs.question_id:uuid',
      'consultation_valeurs.valeur:text',
    ]);
    // The rows: no address, no account, no e-mail anywhere in what was stored.
    const { rows } = await serveur.ctx.db.query(
      `select row_to_json(r)::text ligne from consultation_reponses r where consultation_id = $1
       union all select row_to_json(v)::text from consultation_valeurs v join consultation_reponses r on r.id = v.reponse_id where r.consultation_id = $1`,
      [id],
    );
    const { rows: moi } = await serveur.ctx.db.query(`select id from utilisateurs where email = $1`, [DEMO.coordination]);
    for (const { ligne } of rows) {
      expect(ligne).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
      expect(ligne).not.toContain(moi[0].id);
      expect(ligne).not.toContain('@');
      expect(ligne).not.toMatch(/T\d\d:\d\d/);
    }
    expect(rows).toHaveLength(4);
    // And no audit event dates the answer.
    expect(await dernierAudit()).toBe(auditAvant);
  });

  it('limite les envois par adresse (429 avec Retry-After), sans rien garder de l’adresse', async () => {
    const { id, q } = await ouverte();
    for (let i = 0; i < LIMITE_REPONSES.nombre; i++) {
      const r = await anonyme.post(`/api/public/consultations/${id}/reponses`, { reponses: { [q.choix_unique]: 'Oui' } });
      expect(r.status).toBe(201);
    }
    const trop = await anonyme.post(`/api/public/consultations/${id}/reponses`, { reponses: { [q.choix_unique]: 'Non' } });
    expect(trop.status).toBe(429);
    expect(Number(trop.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(trop.body.detail).toMatch(/^Trop de réponses envoyées depuis cette connexion : réessayez dans \d+ minutes?\.$/);
    const { rows } = await serveur.ctx.db.query('select count(*)::int n from consultation_reponses where consultation_id = $1', [id]);
    expect(rows[0].n).toBe(LIMITE_REPONSES.nombre);
  });

  it('champ piège rempli : le robot reçoit le même merci, rien n’est gardé', async () => {
    const { id, q } = await ouverte();
    const r = await anonyme.post(`/api/public/consultations/${id}/reponses`, {
      reponses: { [q.choix_unique]: 'Oui' },
      siteWeb: 'http://spam.example',
    });
    expect(r.status).toBe(201);
    expect(r.body.message).toContain('Merci');
    const { rows } = await serveur.ctx.db.query('select count(*)::int n from consultation_reponses where consultation_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  it('codes à usage unique : exigés, valables une fois, seule leur empreinte est gardée', async () => {
    const { id, q } = await ouverte({ codesRequis: true });
    const g = await coordination.post(`/api/consultations/${id}/codes`, { nombre: 3 });
    expect(g.status).toBe(201);
    expect(g.body.total).toBe(3);
    expect(g.body.codes).toHaveLength(3);
    for (const code of g.body.codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const { rows: stockes } = await serveur.ctx.db.query('select empreinte from consultation_codes where consultation_id = $1', [id]);
    for (const { empreinte } of stockes) {
      expect(empreinte).toMatch(/^[0-9a-f]{64}$/);
      for (const code of g.body.codes) expect(empreinte).not.toContain(code.replace('-', ''));
    }
    const envoyer = (code?: string) =>
      anonyme.post(`/api/public/consultations/${id}/reponses`, {
        reponses: { [q.choix_unique]: 'Oui' },
        ...(code !== undefined && { code }),
      });
    const sans = await envoyer();
    expect(sans.status).toBe(400);
    expect(sans.body.detail).toBe('Cette consultation demande le code à usage unique reçu sur papier.');
    expect((await envoyer('ZZZZ-ZZZZ')).body.detail).toBe('Ce code n’est pas valable pour cette consultation : vérifiez-le.');
    // Typed in lower case without the dash: the same code.
    expect((await envoyer(g.body.codes[0].replace('-', '').toLowerCase())).status).toBe(201);
    const deux = await envoyer(g.body.codes[0]);
    expect(deux.status).toBe(409);
    expect(deux.body.detail).toBe('Ce code a déjà servi : chaque code ne permet de répondre qu’une fois.');
    expect((await envoyer(g.body.codes[1])).status).toBe(201);
    expect((await coordination.get(`/api/consultations/${id}`)).body.codes).toEqual({ total: 3, utilises: 2 });
    // Printable: the same generation as a PDF.
    const r = await fetch(`${serveur.url}/api/consultations/${id}/codes?format=pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: coordination.cookie!, 'x-csrf-token': coordination.csrf! },
      body: JSON.stringify({ nombre: 6 }),
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await coordination.get(`/api/consultations/${id}`)).body.codes.total).toBe(9);
  });

  it('le QR code du lien public, en SVG et en PNG', async () => {
    const { id } = await ouverte();
    const svg = await coordination.telecharger(`/api/consultations/${id}/qrcode`);
    expect(svg.status).toBe(200);
    expect(svg.type).toContain('image/svg+xml');
    expect(svg.corps.toString()).toContain('<svg');
    const png = await coordination.telecharger(`/api/consultations/${id}/qrcode?format=png`);
    expect(png.type).toBe('image/png');
    expect(png.corps.subarray(1, 4).toString()).toBe('PNG');
    expect((await anonyme.telecharger(`/api/consultations/${id}/qrcode`)).status).toBe(401);
  });
});
