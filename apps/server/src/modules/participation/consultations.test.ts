import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Consultations (issue 20 item 1): the coordinator's side — builder, state machine, versions — over real HTTP and PostgreSQL. */

let serveur: ServeurDeTest;
let coordination: ClientHttp, lecteur: ClientHttp, anonyme: ClientHttp;
let cls2: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, lecteur, anonyme] = [serveur.client(), serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  await lecteur.connecter(DEMO.lecteur);
  const { rows } = await serveur.ctx.db.query(`select id from contrats where intitule like '%Redon Agglomération (2e génération)%'`);
  cls2 = rows[0].id;
}, 180_000);
afterAll(() => serveur.fermer());

export const QUESTIONNAIRE = [
  {
    titre: 'Votre santé',
    questions: [
      { type: 'choix_unique', libelle: 'Avez-vous un médecin traitant ?', obligatoire: true, choix: ['Oui', 'Non', 'Je ne sais pas'] },
      { type: 'choix_multiple', libelle: 'Qu’est-ce qui vous freine pour vous soigner ?', choix: ['Distance', 'Délais', 'Coût'] },
      { type: 'echelle', libelle: 'Votre santé, de 1 à 5', echelle: { min: 1, max: 5, libelleMin: 'Mauvaise', libelleMax: 'Très bonne' } },
    ],
  },
  {
    titre: 'Vous',
    questions: [
      { type: 'commune', libelle: 'Votre commune de résidence' },
      { type: 'tranche_age', libelle: 'Votre âge' },
      { type: 'texte_long', libelle: 'Que faudrait-il changer ?' },
    ],
  },
];

async function nouvelle(titre = 'Accès aux soins') {
  const r = await coordination.post(`/api/contrats/${cls2}/consultations`, { titre, introduction: 'Dites-nous.' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('questionnaire', () => {
  it('se construit en brouillon : sections, six types de question, ordre, obligatoires ; un lecteur le lit sans le changer', async () => {
    const c = await nouvelle();
    expect(c).toMatchObject({ statut: 'brouillon', version: 1, modifiable: true, transitions: ['ouverte'], nombreReponses: 0 });
    expect(c.lienPublic).toBe(`/public/consultations/${c.id}`);
    const r = await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: QUESTIONNAIRE, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.nombreQuestions).toBe(6);
    expect(r.body.sections.map((s: any) => s.titre)).toEqual(['Votre santé', 'Vous']);
    expect(r.body.sections[1].questions.map((q: any) => [q.position, q.type])).toEqual([
      [4, 'commune'],
      [5, 'tranche_age'],
      [6, 'texte_long'],
    ]);
    expect(r.body.sections[0].questions[0]).toMatchObject({ obligatoire: true, choix: ['Oui', 'Non', 'Je ne sais pas'], echelle: null });
    expect(r.body.sections[0].questions[2].echelle).toEqual({ min: 1, max: 5, libelleMin: 'Mauvaise', libelleMax: 'Très bonne' });
    // Ids sent back are kept: the screen's selection survives a save; reordering moves the question.
    const [s1, s2] = r.body.sections;
    const r2 = await coordination.put(`/api/consultations/${c.id}/questionnaire`, {
      sections: [{ ...s1, questions: [s1.questions[2], s1.questions[0], s1.questions[1]] }, s2],
      version: 2,
    });
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body.sections[0].questions.map((q: any) => q.id)).toEqual([s1.questions[2].id, s1.questions[0].id, s1.questions[1].id]);
    expect((await lecteur.get(`/api/consultations/${c.id}`)).body.sections[0].questions).toHaveLength(3);
    expect((await lecteur.put(`/api/consultations/${c.id}/questionnaire`, { sections: QUESTIONNAIRE, version: 3 })).status).toBe(403);
    expect((await anonyme.get(`/api/consultations/${c.id}`)).status).toBe(401);
    // The preview is the public view of the draft, for the coordination only.
    const apercu = await coordination.get(`/api/consultations/${c.id}/apercu`);
    expect(apercu.body).toMatchObject({ apercu: true, statut: 'brouillon', contrat: { id: cls2 } });
    expect(apercu.body.communes.length).toBeGreaterThan(20);
    expect(apercu.body.tranchesAge[0]).toEqual({ code: 'moins_18', libelle: 'Moins de 18 ans' });
    expect((await lecteur.get(`/api/consultations/${c.id}/apercu`)).status).toBe(404);
  });

  it('refuse en français ce qui ne tient pas : options absentes ou en double, échelle sans bornes, type inconnu', async () => {
    const c = await nouvelle('Questionnaire mal formé');
    const mauvais = async (questions: unknown[]) => {
      const r = await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: [{ questions }], version: 1 });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      return r.body;
    };
    const b1 = await mauvais([{ type: 'choix_unique', libelle: 'Votre quartier', choix: ['Centre'] }]);
    expect(b1.detail).toContain('Question « Votre quartier » : proposez au moins deux options');
    expect(b1.erreurs[0].champ).toBe('sections.0.questions.0.choix');
    const b2 = await mauvais([{ type: 'choix_multiple', libelle: 'Vos freins', choix: ['Coût', 'coût'] }]);
    expect(b2.detail).toContain('l’option « coût » est en double');
    const b3 = await mauvais([{ type: 'echelle', libelle: 'Votre santé' }]);
    expect(b3.detail).toContain('précisez les bornes de l’échelle');
    const b4 = await mauvais([{ type: 'echelle', libelle: 'Votre santé', echelle: { min: 1, max: 20 } }]);
    expect(JSON.stringify(b4.erreurs)).toContain('L’échelle va au plus jusqu’à 10');
    const b5 = await mauvais([{ type: 'dessin', libelle: 'Dessinez' }]);
    expect(JSON.stringify(b5.erreurs)).toContain('Type de question inconnu');
    // Nothing was written.
    expect((await coordination.get(`/api/consultations/${c.id}`)).body).toMatchObject({ version: 1, nombreQuestions: 0 });
  });
});

describe('états', () => {
  it('brouillon → ouverte → close ; le questionnaire ne change plus une fois ouvert (409) ; une version périmée a 409 et l’état courant', async () => {
    const c = await nouvelle('Cycle de vie');
    const vide = await coordination.post(`/api/consultations/${c.id}/ouverture`, { debut: '2026-01-01', fin: '2099-01-01', version: 1 });
    expect(vide.status).toBe(409);
    expect(vide.body.detail).toContain('aucune question');
    expect((await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: QUESTIONNAIRE, version: 1 })).status).toBe(200);
    const perimee = await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: QUESTIONNAIRE, version: 1 });
    expect(perimee.status).toBe(409);
    expect(perimee.body.detail).toContain('modifiée entre-temps');
    expect(perimee.body.courant.version).toBe(2);
    const passee = await coordination.post(`/api/consultations/${c.id}/ouverture`, { debut: '2020-01-01', fin: '2020-02-01', version: 2 });
    expect(passee.status).toBe(400);
    expect(passee.body.detail).toContain('La période est déjà passée');
    const ouverte = await coordination.post(`/api/consultations/${c.id}/ouverture`, { debut: '2026-01-01', fin: '2099-01-01', version: 2 });
    expect(ouverte.status, JSON.stringify(ouverte.body)).toBe(200);
    expect(ouverte.body).toMatchObject({
      statut: 'ouverte',
      debut: '2026-01-01',
      fin: '2099-01-01',
      modifiable: false,
      transitions: ['close'],
    });
    const fige = await coordination.put(`/api/consultations/${c.id}/questionnaire`, { sections: QUESTIONNAIRE, version: 3 });
    expect(fige.status).toBe(409);
    expect(fige.body.detail).toContain('son questionnaire ne peut plus changer');
    expect((await coordination.requete('PATCH', `/api/consultations/${c.id}`, { codesRequis: true, version: 3 })).status).toBe(409);
    const prolongee = await coordination.requete('PATCH', `/api/consultations/${c.id}`, { fin: '2099-06-30', version: 3 });
    expect(prolongee.status, JSON.stringify(prolongee.body)).toBe(200);
    expect(
      (await coordination.post(`/api/consultations/${c.id}/ouverture`, { debut: '2026-01-01', fin: '2099-01-01', version: 4 })).status,
    ).toBe(409);
    expect((await coordination.delete(`/api/consultations/${c.id}?version=4`)).status).toBe(409);
    const close = await coordination.post(`/api/consultations/${c.id}/cloture`, { version: 4 });
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ statut: 'close', transitions: [] });
    expect((await coordination.post(`/api/consultations/${c.id}/cloture`, { version: 5 })).status).toBe(409);
    // Every change is in the contract's history, in French.
    const { rows } = await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'consultation' and entite_id = $1 order by id`,
      [c.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['creation', 'questionnaire', 'ouverture', 'modification', 'cloture']);
  });

  it('un brouillon se supprime (version exigée) ; la liste du contrat les résume', async () => {
    const c = await nouvelle('À jeter');
    expect((await coordination.delete(`/api/consultations/${c.id}?version=9`)).status).toBe(409);
    expect((await coordination.delete(`/api/consultations/${c.id}?version=1`)).status).toBe(204);
    expect((await coordination.get(`/api/consultations/${c.id}`)).status).toBe(404);
    const liste = await lecteur.get(`/api/contrats/${cls2}/consultations`);
    expect(liste.status).toBe(200);
    expect(liste.body.some((x: any) => x.id === c.id)).toBe(false);
  });
});
