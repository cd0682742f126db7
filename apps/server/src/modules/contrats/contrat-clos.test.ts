import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Decision 0006: what a closed (échu) contract still receives, through every service that adds to a contract. */
let serveur: ServeurDeTest;
let coordination: ClientHttp;
let id: string;
let ficheId: string;
let instanceId: string;
let seanceId: string;
let indicateurId: string;
let avant: Record<string, number>;

const pdf = () => ({ nom: 'rapport.pdf', contenu: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1)]) });

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  id = (await coordination.get('/api/contrats?generation=2')).body[0].id;
  ficheId = (await coordination.post(`/api/contrats/${id}/fiches`, { intitule: 'Accueillir les internes' })).body.id;
  // What the contract had while it was running: an instance, a séance, an indicator.
  await serveur.ctx.db.query(
    `update contrats set statut = 'signe', periode_debut = '2021-01-01', periode_fin = '2025-12-31' where id = $1`,
    [id],
  );
  instanceId = (await coordination.post(`/api/contrats/${id}/instances`, { type: 'copil', nom: 'COPIL' })).body.id;
  seanceId = (await coordination.post(`/api/contrats/${id}/seances`, { instanceId, debut: '2025-06-01T14:00:00Z' })).body.id;
  indicateurId = (await coordination.post(`/api/fiches/${ficheId}/indicateurs-suivi`, { libelle: 'Ateliers', type: 'activite' })).body.id;
  expect([instanceId, seanceId, indicateurId].every(Boolean)).toBe(true);
  await serveur.ctx.db.query(`update contrats set statut = 'echu' where id = $1`, [id]);
  avant = await compter();
});
afterAll(() => serveur.fermer());

describe('un contrat échu refuse ce qui le prolongerait', () => {
  it.each([
    ['une fiche', () => coordination.post(`/api/contrats/${id}/fiches`, { intitule: 'Une fiche de plus' }), 'Ce contrat est clos'],
    ['un axe', () => coordination.post(`/api/contrats/${id}/axes`, { intitule: 'Un axe de plus' }), 'Ce contrat est clos'],
    [
      'une instance',
      () => coordination.post(`/api/contrats/${id}/instances`, { type: 'cotech', nom: 'COTECH' }),
      'il ne reçoit plus de nouvelle instance',
    ],
    [
      'un membre d’instance',
      async () =>
        coordination.post(`/api/contrats/${id}/instances/${instanceId}/membres`, {
          organisationId: (await coordination.get('/api/organisations?q=CPAM')).body.elements[0].id,
        }),
      'de nouveau membre d’instance',
    ],
    [
      'une ligne de financement',
      () =>
        coordination.post(`/api/contrats/${id}/financements`, {
          objet: 'animation',
          financeurLibelle: 'Commune',
          dispositif: 'Fonds propres',
          annee: 2026,
          montantCentimes: 100,
          nature: 'fonctionnement',
          statut: 'prevu',
        }),
      'de nouvelle ligne de financement',
    ],
    [
      'un poste de coordination',
      () => coordination.post(`/api/contrats/${id}/coordination`, { personne: 'Alex', etp: 0.5, cofinancements: [], debut: '2026-01-01' }),
      'de nouveau poste de coordination',
    ],
    [
      'un indicateur de suivi',
      () => coordination.post(`/api/fiches/${ficheId}/indicateurs-suivi`, { libelle: 'Participants', type: 'activite' }),
      'de nouvel indicateur de suivi',
    ],
    [
      'une campagne de suivi',
      () => coordination.post(`/api/contrats/${id}/campagnes`, { periode: '2025', echeance: '2099-01-31' }),
      'de nouvelle campagne de suivi',
    ],
    [
      'un verbatim du diagnostic',
      () => coordination.post(`/api/contrats/${id}/verbatims`, { texte: 'Trois mois pour un rendez-vous.', locuteur: 'habitant' }),
      'd’élément de diagnostic',
    ],
    [
      'une décision qui valide une fiche',
      () => coordination.post(`/api/seances/${seanceId}/decisions`, { action: 'valider_fiche', ficheId, texte: 'Validée.' }),
      'de décision qui valide une fiche',
    ],
    [
      'une valeur de suivi après sa fin',
      () => coordination.put(`/api/indicateurs-suivi/${indicateurId}/valeurs/2026`, { valeur: 3 }),
      'la période 2026 commence après',
    ],
    [
      'un bilan après sa fin',
      () => coordination.put(`/api/fiches/${ficheId}/bilans/2026-S1`, { recit: 'Bilan' }),
      'la période 2026-S1 commence après',
    ],
  ])('refuse %s (409, en français)', async (_quoi, envoyer, raison) => {
    const r = await envoyer();
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toContain(raison);
  });

  it('n’a rien écrit en refusant', async () => {
    expect(await compter()).toEqual(avant);
  });
});

/** What the refusals must leave untouched. */
async function compter() {
  const { rows } = await serveur.ctx.db.query(
    `select (select count(*)::int from instances where contrat_id = $1) instances, (select count(*)::int from financements where contrat_id = $1 and fiche_id is null) financements,
       (select count(*)::int from indicateurs_suivi where contrat_id = $1) indicateurs, (select count(*)::int from postes_coordination where contrat_id = $1) postes`,
    [id],
  );
  return rows[0];
}

describe('un contrat échu reçoit encore ce qui le clôt', () => {
  it('son évaluation finale', async () => {
    expect((await coordination.post(`/api/contrats/${id}/evaluations`, { type: 'finale', intitule: 'Évaluation finale' })).status).toBe(
      201,
    );
  });

  it('le suivi de sa dernière période, soumis puis validé', async () => {
    const valeur = await coordination.put(`/api/indicateurs-suivi/${indicateurId}/valeurs/2025`, { valeur: 12, recit: 'Douze ateliers' });
    expect(valeur.status).toBe(200);
    expect((await coordination.put(`/api/fiches/${ficheId}/bilans/2025`, { recit: 'Dernière année' })).status).toBe(200);
    expect((await coordination.post(`/api/fiches/${ficheId}/suivi/2025/transitions`, { action: 'soumettre' })).status).toBe(200);
    // Validated by someone other than the one who submitted (four eyes, decision 0014).
    const referentArs = serveur.client();
    await referentArs.connecter(DEMO.referentArs);
    expect((await referentArs.post(`/api/fiches/${ficheId}/suivi/2025/transitions`, { action: 'valider' })).status).toBe(200);
  });

  it('une séance de clôture de son COPIL, sa décision de prise d’acte et ses fichiers', async () => {
    const seance = await coordination.post(`/api/contrats/${id}/seances`, { instanceId, debut: '2026-02-01T14:00:00Z' });
    expect(seance.status).toBe(201);
    expect(
      (
        await coordination.post(`/api/seances/${seance.body.id}/decisions`, {
          action: 'aucune',
          texte: 'Le COPIL prend acte de l’évaluation finale.',
        })
      ).status,
    ).toBe(201);
    expect((await coordination.multipart(`/api/seances/${seance.body.id}/fichiers`, { fichier: pdf() })).status).toBe(201);
    expect(
      (await coordination.multipart(`/api/contrats/${id}/fichiers`, { fichier: pdf(), categorie: 'Rapport d’évaluation' })).status,
    ).toBe(201);
  });

  it('le statut d’une fiche', async () => {
    const fiche = (await coordination.get(`/api/fiches/${ficheId}`)).body;
    const r = await coordination.put(`/api/fiches/${ficheId}`, { ...fiche, statut: 'realisee' });
    expect(r.status).toBe(200);
  });
});
