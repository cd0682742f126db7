import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { oublierLimites } from './limite-reponses';

/**
 * Results of a consultation against figures computed by hand, their exports read back, and free texts turned into
 * verbatims then into a constat (issue 20 item 1).
 */

let serveur: ServeurDeTest;
let coordination: ClientHttp, lecteur: ClientHttp, anonyme: ClientHttp;
let cls2: string, id: string, autreCommune: { code: string; libelle: string };
let q: Record<string, string>;

const REDON = '35236';

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, lecteur, anonyme] = [serveur.client(), serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  await lecteur.connecter(DEMO.lecteur);
  oublierLimites();
  cls2 = (await serveur.ctx.db.query(`select id from contrats where intitule like '%Redon Agglomération (2e génération)%'`)).rows[0].id;
  const c = (await coordination.post(`/api/contrats/${cls2}/consultations`, { titre: 'Accès aux soins 2026' })).body;
  id = c.id;
  const qr = await coordination.put(`/api/consultations/${id}/questionnaire`, {
    version: 1,
    sections: [
      {
        titre: 'Vos soins',
        questions: [
          { type: 'choix_unique', libelle: 'Médecin traitant ?', choix: ['Oui', 'Non', 'Je ne sais pas'] },
          { type: 'choix_multiple', libelle: 'Freins', choix: ['Distance', 'Délais', 'Coût'] },
          { type: 'echelle', libelle: 'Santé', echelle: { min: 1, max: 5, libelleMin: 'Mauvaise', libelleMax: 'Très bonne' } },
        ],
      },
      {
        titre: 'Vous',
        questions: [
          { type: 'commune', libelle: 'Commune' },
          { type: 'tranche_age', libelle: 'Âge' },
          { type: 'texte_long', libelle: 'À changer' },
        ],
      },
    ],
  });
  q = Object.fromEntries(qr.body.sections.flatMap((s: any) => s.questions).map((x: any) => [x.type, x.id]));
  await coordination.post(`/api/consultations/${id}/ouverture`, { debut: '2024-01-01', fin: '2099-12-31', version: 2 });
  const pub = (await anonyme.get(`/api/public/consultations/${id}`)).body;
  autreCommune = pub.communes.find((x: any) => x.code !== REDON);
  // Five people, as in the comments of the figures below.
  const reponses = [
    { cu: 'Oui', cm: ['Distance', 'Délais'], e: 4, c: REDON, a: '25_39', t: 'Trop loin du médecin' },
    { cu: 'Non', cm: ['Distance'], e: 2, c: REDON, a: '40_54', t: 'Les délais sont trop longs' },
    { cu: 'Oui', cm: [], e: 5, c: autreCommune.code, a: '65_74', t: null },
    { cu: 'Oui', cm: ['Coût'], e: 5, c: null, a: '25_39', t: 'ok' },
    { cu: 'Je ne sais pas', cm: ['Distance', 'Coût'], e: null, c: REDON, a: null, t: 'Pas de pédiatre' },
  ];
  for (const x of reponses) {
    const r = await anonyme.post(`/api/public/consultations/${id}/reponses`, {
      reponses: {
        [q.choix_unique]: x.cu,
        [q.choix_multiple]: x.cm,
        [q.echelle]: x.e,
        [q.commune]: x.c,
        [q.tranche_age]: x.a,
        [q.texte_long]: x.t,
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
}, 180_000);
afterAll(() => serveur.fermer());

const parQuestion = (resultats: any, type: string) => resultats.questions.find((x: any) => x.question.type === type);
const repartition = (r: any) => Object.fromEntries(r.repartition.map((l: any) => [l.valeur, [l.nombre, l.pourcentage]]));

describe('résultats', () => {
  it('effectifs et parts des répondants à chaque question, moyenne et médiane de l’échelle, comptés à la main', async () => {
    const r = await lecteur.get(`/api/consultations/${id}/resultats`);
    expect(r.status).toBe(200);
    expect(r.body.nombreReponses).toBe(5);
    expect(r.body.parJour).toHaveLength(1);
    expect(r.body.parJour[0].nombre).toBe(5);
    // 5 answered: Oui 3/5, Non 1/5, Je ne sais pas 1/5.
    const cu = parQuestion(r.body, 'choix_unique');
    expect(cu.repondants).toBe(5);
    expect(repartition(cu)).toEqual({ Oui: [3, 60], Non: [1, 20], 'Je ne sais pas': [1, 20] });
    // 4 ticked something: Distance 3/4, Délais 1/4, Coût 2/4 (a share of people, the sum passes 100 %).
    const cm = parQuestion(r.body, 'choix_multiple');
    expect(cm.repondants).toBe(4);
    expect(repartition(cm)).toEqual({ Distance: [3, 75], Délais: [1, 25], Coût: [2, 50] });
    // 4, 2, 5, 5: mean 16/4 = 4; sorted 2 4 5 5, median (4 + 5) / 2 = 4.5.
    const e = parQuestion(r.body, 'echelle');
    expect([e.repondants, e.moyenne, e.mediane]).toEqual([4, 4, 4.5]);
    expect(repartition(e)).toEqual({ 1: [0, 0], 2: [1, 25], 3: [0, 0], 4: [1, 25], 5: [2, 50] });
    expect(e.repartition[0].libelle).toBe('1 (Mauvaise)');
    // Communes: Redon 3/4, the other 1/4; only communes someone named.
    const c = parQuestion(r.body, 'commune');
    expect(repartition(c)).toEqual({ [REDON]: [3, 75], [autreCommune.code]: [1, 25] });
    expect(c.repartition[0].libelle).toBe('Redon');
    // Ages: 25–39 2/4, 40–54 1/4, 65–74 1/4, the other bands at zero.
    const a = parQuestion(r.body, 'tranche_age');
    expect(a.repartition).toHaveLength(7);
    expect(repartition(a)).toMatchObject({ '25_39': [2, 50], '40_54': [1, 25], '65_74': [1, 25], moins_18: [0, 0] });
    const t = parQuestion(r.body, 'texte_long');
    expect(t.repondants).toBe(4);
    expect(t.textes.map((x: any) => x.texte).sort()).toEqual([
      'Les délais sont trop longs',
      'Pas de pédiatre',
      'Trop loin du médecin',
      'ok',
    ]);
    // Nothing finer than the day.
    expect(JSON.stringify(r.body.questions)).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect((await anonyme.get(`/api/consultations/${id}/resultats`)).status).toBe(401);
  });

  it('exports XLSX (synthèse et réponses) et CSV relus', async () => {
    const x = await lecteur.telecharger(`/api/consultations/${id}/resultats/export?format=xlsx`);
    expect(x.status).toBe(200);
    expect(x.disposition).toContain('resultats-acces-aux-soins-2026.xlsx');
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(x.corps as never);
    const synthese = classeur.getWorksheet('Synthèse')!;
    const lignes: unknown[][] = [];
    synthese.eachRow((l) => lignes.push((l.values as unknown[]).slice(1)));
    expect(lignes[0]).toEqual(['Section', 'Question', 'Type', 'Réponse', 'Nombre', 'Part des répondants à la question (%)']);
    expect(lignes).toContainEqual(['Vos soins', 'Médecin traitant ?', 'Choix unique', 'Oui', 3, 60]);
    expect(lignes).toContainEqual(['Vos soins', 'Freins', 'Choix multiple', 'Coût', 2, 50]);
    expect(lignes).toContainEqual(['Vos soins', 'Santé', 'Échelle', 'Médiane', 4.5]);
    expect(lignes).toContainEqual(['Vous', 'Commune', 'Commune de résidence', 'Redon', 3, 75]);
    const feuille = classeur.getWorksheet('Réponses')!;
    expect(feuille.rowCount).toBe(6);
    expect((feuille.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Réponse',
      'Jour',
      'Médecin traitant ?',
      'Freins',
      'Santé',
      'Commune',
      'Âge',
      'À changer',
    ]);
    const toutes = [2, 3, 4, 5, 6].map((n) => (feuille.getRow(n).values as unknown[]).slice(3).join('|'));
    expect(toutes).toContain('Oui|Distance ; Délais|4|Redon|25 à 39 ans|Trop loin du médecin');

    const c = await lecteur.telecharger(`/api/consultations/${id}/resultats/export?format=csv`);
    expect(c.type).toContain('text/csv');
    const texte = c.corps.toString('utf8');
    expect(texte.charCodeAt(0)).toBe(0xfeff);
    const csv: string[][] = parse(texte.slice(1), { delimiter: ';' });
    expect(csv).toHaveLength(6);
    expect(csv[0]).toEqual(['Réponse', 'Jour', 'Médecin traitant ?', 'Freins', 'Santé', 'Commune', 'Âge', 'À changer']);
    expect(csv[1][1]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(csv.slice(1).map((l) => l.slice(2).join('|'))).toContain('Je ne sais pas|Distance ; Coût||Redon||Pas de pédiatre');
  });
});

describe('réponses libres → verbatims → constat', () => {
  it('une réponse, puis toutes celles de la question : source, commune et jour repris, jamais deux fois, puis un constat s’appuie dessus', async () => {
    const avant = (await lecteur.get(`/api/consultations/${id}/resultats`)).body;
    const textes = parQuestion(avant, 'texte_long').textes;
    const premier = textes.find((t: any) => t.texte === 'Trop loin du médecin');
    expect(premier.verbatimId).toBeNull();
    expect((await lecteur.post(`/api/consultations/${id}/verbatims`, { reponses: [premier.id] })).status).toBe(403);
    const un = await coordination.post(`/api/consultations/${id}/verbatims`, { reponses: [premier.id] });
    expect(un.status, JSON.stringify(un.body)).toBe(201);
    expect(un.body).toMatchObject({ dejaTransformees: 0, ignorees: 0 });
    expect(un.body.crees).toHaveLength(1);
    const { rows: v } = await serveur.ctx.db.query('select * from verbatims where id = $1', [un.body.crees[0].verbatimId]);
    expect(v[0]).toMatchObject({
      contrat_id: cls2,
      texte: 'Trop loin du médecin',
      locuteur: 'habitant',
      commune_code: REDON,
      source: 'Consultation « Accès aux soins 2026 »',
    });
    expect(v[0].date_recueil).not.toBeNull();

    // In bulk: the two others of the question; the one already done and « ok » (too short) are left.
    const tous = await coordination.post(`/api/consultations/${id}/verbatims`, { questionId: q.texte_long });
    expect(tous.status).toBe(201);
    expect(tous.body).toMatchObject({ dejaTransformees: 1, ignorees: 1 });
    expect(tous.body.crees).toHaveLength(2);
    const encore = await coordination.post(`/api/consultations/${id}/verbatims`, { questionId: q.texte_long });
    expect(encore.body).toMatchObject({ crees: [], dejaTransformees: 3, ignorees: 1 });
    const inconnue = await coordination.post(`/api/consultations/${id}/verbatims`, { reponses: ['00000000-0000-4000-8000-000000000000'] });
    expect(inconnue.status).toBe(400);
    expect(inconnue.body.detail).toContain('n’est pas une réponse libre de cette consultation');

    const apres = parQuestion((await lecteur.get(`/api/consultations/${id}/resultats`)).body, 'texte_long').textes;
    expect(apres.filter((t: any) => t.verbatimId)).toHaveLength(3);
    // The diagnostic shows them, and a constat rests on one through the diagnostic's own flow.
    const diagnostic = (await lecteur.get(`/api/contrats/${cls2}/diagnostic`)).body;
    expect(diagnostic.verbatims.filter((x: any) => x.source === 'Consultation « Accès aux soins 2026 »')).toHaveLength(3);
    const constat = await coordination.post(`/api/contrats/${cls2}/constats`, {
      intitule: 'L’éloignement des médecins freine l’accès aux soins',
      verbatims: [un.body.crees[0].verbatimId],
    });
    expect(constat.status, JSON.stringify(constat.body)).toBe(201);
    const { rows: lien } = await serveur.ctx.db.query('select * from constat_verbatims where constat_id = $1', [constat.body.id]);
    expect(lien).toEqual([{ constat_id: constat.body.id, verbatim_id: un.body.crees[0].verbatimId }]);
    // Audited in French by the diagnostic (each verbatim) and by the consultation.
    const { rows: audit } = await serveur.ctx.db.query(
      `select entite_type, count(*)::int n from audit_evenements where entite_type in ('verbatim', 'consultation') and contexte ->> 'contratId' = $1
       and action in ('creation', 'verbatims') and (entite_id = $2 or entite_type = 'verbatim') group by 1 order by 1`,
      [cls2, id],
    );
    expect(audit.find((a) => a.entite_type === 'consultation').n).toBe(4);
  });
});
