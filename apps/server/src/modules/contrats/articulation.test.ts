import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Seed 003: the evaluation planned before the signature, and the articulation with the territory's schemes. */

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let ids: Record<string, string>;
const sql = async (texte: string, valeurs: unknown[] = []) => (await serveur.ctx.db.query(texte, valeurs)).rows;
const organisation = async (nom: string) => (await sql('select id from organisations where nom = $1', [nom]))[0].id as string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  ids = {
    ars: await organisation('ARS Bretagne'),
    arsPdl: await organisation('ARS Pays de la Loire'),
    redon: await organisation('Redon Agglomération'),
  };
});
afterAll(() => serveur.fermer());

/** A contract in élaboration that meets every condition of the signature, with one fiche. */
async function contratASigner(intitule: string) {
  const id = (
    await coordination.post('/api/contrats', {
      intitule,
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 3,
      arsIds: [ids.ars, ids.arsPdl],
      porteursIds: [ids.redon],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    })
  ).body.id as string;
  const axe = await coordination.post(`/api/contrats/${id}/axes`, { intitule: 'Santé mentale' });
  const fiche = await coordination.post(`/api/contrats/${id}/fiches`, {
    intitule: 'Installer un conseil local de santé mentale',
    axeId: axe.body.id,
  });
  for (const statut of ['diagnostic', 'elaboration'])
    await coordination.post(`/api/contrats/${id}/statut`, {
      statut,
      version: (await coordination.get(`/api/contrats/${id}`)).body.version,
    });
  await coordination.post(`/api/contrats/${id}/signataires`, { organisationId: ids.ars });
  await coordination.post(`/api/contrats/${id}/signataires`, { organisationId: ids.redon });
  // The signatories' answers and dates (confirmations.test.ts and contrats.test.ts cover that flow).
  await sql(`update confirmations_parties set statut = 'confirme' where contrat_id = $1`, [id]);
  await sql(`update signataires set date_signature = '2027-02-03' where contrat_id = $1`, [id]);
  return { id, ficheId: fiche.body.id as string };
}

const lire = async (id: string) => (await coordination.get(`/api/contrats/${id}`)).body;
const signer = async (id: string, confirmer?: boolean) =>
  coordination.post(`/api/contrats/${id}/statut`, {
    statut: 'signe',
    version: (await lire(id)).version,
    ...(confirmer === undefined ? {} : { confirmerAvertissements: confirmer }),
  });

describe('plan d’évaluation (seed 003 : « prévue … avant la signature du contrat »)', () => {
  it('la signature sans évaluation prévue avertit et attend une confirmation, puis se fait et le journal le dit', async () => {
    const { id } = await contratASigner('CLS signé sans plan d’évaluation');
    const transition = (await lire(id)).transitions.find((t: any) => t.statut === 'signe');
    expect(transition.empechements).toEqual([]);
    expect(transition.avertissements).toEqual([expect.stringMatching(/^Aucune évaluation n’est prévue/)]);

    const refus = await signer(id);
    expect(refus.status).toBe(422);
    expect(refus.body.detail).toMatch(/^Avant de signer : Aucune évaluation n’est prévue.*Confirmez pour signer quand même\.$/);
    expect(refus.body.erreurs[0].champ).toBe('confirmerAvertissements');
    expect((await lire(id)).statut).toBe('elaboration');

    expect((await signer(id, true)).status).toBe(204);
    expect((await lire(id)).statut).toBe('signe');
    const [evenement] = await sql(
      `select contexte from audit_evenements where entite_type = 'contrat' and entite_id = $1 and action = 'statut' order by id desc limit 1`,
      [id],
    );
    expect(evenement.contexte.avertissementsConfirmes).toEqual([expect.stringMatching(/^Aucune évaluation n’est prévue/)]);
  });

  it('se saisit avec son type, son calendrier, son évaluateur et ses questions, refuse une saisie incomplète, et fait partie du texte signé', async () => {
    const { id } = await contratASigner('CLS avec plan d’évaluation');
    const base = `/api/contrats/${id}/evaluations-prevues`;
    const mauvaise = await coordination.post(base, { type: 'annuelle', evaluateurType: 'voisin', questions: [''] });
    expect(mauvaise.status).toBe(400);
    expect(mauvaise.body.erreurs.map((e: any) => e.champ)).toEqual(expect.arrayContaining(['type', 'evaluateurType', 'questions.0']));
    const sansDate = await coordination.post(base, { type: 'finale', evaluateurType: 'externe' });
    const quand = 'Indiquez quand l’évaluation aura lieu (échéance ou calendrier en mots)';
    expect(sansDate.body.erreurs).toEqual([
      { champ: 'echeance', message: quand },
      { champ: 'moment', message: quand },
    ]);

    const cree = await coordination.post(base, {
      type: 'intermediaire',
      echeance: '2029-06-30',
      evaluateurType: 'interne',
      evaluateurNom: 'Équipe projet du CLS',
    });
    expect(cree.status).toBe(201);
    // A plan without any evaluative question still warns.
    expect((await lire(id)).transitions.find((t: any) => t.statut === 'signe').avertissements).toEqual([
      'Le plan d’évaluation ne formule encore aucune question évaluative.',
    ]);
    const questions = [
      'Le CLS répond-il aux besoins de santé prioritaires du territoire ?',
      'Les actions réduisent-elles les inégalités sociales et territoriales de santé ?',
    ];
    expect(
      (
        await coordination.put(`${base}/${cree.body.id}`, {
          type: 'finale',
          moment: 'Avant le renouvellement',
          evaluateurType: 'externe',
          evaluateurNom: 'ORS Bretagne',
          questions,
        })
      ).status,
    ).toBe(204);
    const contrat = await lire(id);
    expect(contrat.planEvaluation).toEqual([
      {
        id: cree.body.id,
        type: 'finale',
        echeance: null,
        moment: 'Avant le renouvellement',
        evaluateurType: 'externe',
        evaluateurNom: 'ORS Bretagne',
        questions,
      },
    ]);
    expect(contrat.transitions.find((t: any) => t.statut === 'signe').avertissements).toEqual([]);

    // With a plan, the signature needs no confirmation; the plan is in the signed text, then changes by avenant.
    expect((await signer(id)).status).toBe(204);
    expect((await coordination.get(`/api/contrats/${id}/version?signe=true`)).body.etat.planEvaluation).toEqual([
      expect.objectContaining({ evaluateurNom: 'ORS Bretagne', questions }),
    ]);
    expect((await coordination.delete(`${base}/${cree.body.id}`)).status).toBe(409);
    await coordination.post(`/api/contrats/${id}/avenants`, { objet: 'Évaluation intermédiaire ajoutée' });
    expect((await coordination.post(base, { type: 'intermediaire', echeance: '2029-01-31', evaluateurType: 'interne' })).status).toBe(201);
    const avenant = (await coordination.get(`/api/contrats/${id}/avenants`)).body.avenants[0];
    const signe = await coordination.post(`/api/contrats/${id}/avenants/${avenant.id}/signature`, { dateAvenant: '2028-01-15' });
    expect(signe.body.changements).toEqual([{ type: 'plan_evaluation', libelle: 'Plan d’évaluation modifié : 2 évaluations prévues' }]);

    const h = (await coordination.get(`/api/contrats/${id}/historique?parPage=200`)).body.elements.map((e: any) => e.phrase);
    expect(h).toEqual(
      expect.arrayContaining([
        'Marie Dupont a prévu l’évaluation intermédiaire',
        'Marie Dupont a modifié dans le plan d’évaluation l’évaluation finale',
      ]),
    );
  });

  it('est refusé à qui ne peut pas modifier le contrat', async () => {
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    const cls2 = (await sql(`select id from contrats where intitule like '%(2e génération)'`))[0].id;
    expect(
      (await lecteur.post(`/api/contrats/${cls2}/evaluations-prevues`, { type: 'finale', moment: 'Fin', evaluateurType: 'interne' }))
        .status,
    ).toBe(403);
  });
});

describe('articulation avec les dispositifs du territoire (seed 003 : ASV, CLSM, contrat de ville, CPTS, PTSM)', () => {
  it('nomme les dispositifs du contrat, y rattache des fiches sans avenant, et le journal le dit', async () => {
    const { id, ficheId } = await contratASigner('CLS articulé avec le CLSM');
    const base = `/api/contrats/${id}/dispositifs-territoriaux`;
    const mauvais = await coordination.post(base, { type: 'maison', nom: 'X', lien: 'ftp://exemple.fr' });
    expect(mauvais.status).toBe(400);
    expect(mauvais.body.erreurs.map((e: any) => e.champ)).toEqual(['type', 'nom', 'lien']);
    const dates = await coordination.post(base, { type: 'asv', nom: 'ASV de Redon', debut: '2022-01-01', fin: '2021-01-01' });
    expect(dates.body.erreurs).toEqual([{ champ: 'fin', message: 'La fin précède le début' }]);

    const clsm = await coordination.post(base, {
      type: 'clsm',
      nom: 'CLSM du Pays de Redon',
      territoire: 'Redon Agglomération',
      debut: '2022-03-01',
      lien: 'https://exemple.fr/clsm',
    });
    expect(clsm.status).toBe(201);
    const autre = await contratASigner('Un autre CLS');
    const etranger = await coordination.post(`/api/contrats/${autre.id}/dispositifs-territoriaux`, { type: 'asv', nom: 'ASV d’ailleurs' });
    const refus = await coordination.put(`/api/fiches/${ficheId}/dispositifs-territoriaux`, {
      dispositifIds: [clsm.body.id, etranger.body.id],
    });
    expect(refus.status).toBe(400);
    expect(refus.body.erreurs).toEqual([{ champ: 'dispositifIds.1', message: 'Dispositif inconnu dans ce contrat' }]);

    // Signed: the text is locked, the links still follow the territory.
    expect((await signer(id, true)).status).toBe(204);
    const lien = await coordination.put(`/api/fiches/${ficheId}/dispositifs-territoriaux`, { dispositifIds: [clsm.body.id] });
    expect(lien.status).toBe(200);
    expect((await coordination.get(`/api/fiches/${ficheId}`)).body.dispositifsTerritoriaux).toEqual([
      { id: clsm.body.id, type: 'clsm', nom: 'CLSM du Pays de Redon' },
    ]);
    const contrat = await lire(id);
    expect(contrat.dispositifsTerritoriaux).toEqual([
      {
        id: clsm.body.id,
        type: 'clsm',
        nom: 'CLSM du Pays de Redon',
        territoire: 'Redon Agglomération',
        debut: '2022-03-01',
        fin: null,
        lien: 'https://exemple.fr/clsm',
        nombreFiches: 1,
      },
    ]);
    expect(
      (
        await coordination.put(`${base}/${clsm.body.id}`, {
          type: 'clsm',
          nom: 'Conseil local de santé mentale du Pays de Redon',
          debut: '2022-03-01',
        })
      ).status,
    ).toBe(204);
    const h = (await coordination.get(`/api/contrats/${id}/historique?parPage=200`)).body.elements.map((e: any) => e.phrase);
    expect(h).toEqual(
      expect.arrayContaining([
        'Marie Dupont a articulé le contrat avec le dispositif « CLSM du Pays de Redon »',
        'Marie Dupont a modifié le dispositif « Conseil local de santé mentale du Pays de Redon »',
        expect.stringMatching(/^Marie Dupont a changé les dispositifs du territoire auxquels se rattache la fiche 1/),
      ]),
    );
    // Removing the scheme removes its links; a closed contract keeps them as they were.
    expect((await coordination.delete(`${base}/${clsm.body.id}`)).status).toBe(204);
    expect((await coordination.get(`/api/fiches/${ficheId}`)).body.dispositifsTerritoriaux).toEqual([]);
    await sql(`update contrats set statut = 'echu' where id = $1`, [id]);
    const clos = await coordination.post(base, { type: 'cpts', nom: 'CPTS tardive' });
    expect(clos.status).toBe(409);
    expect(clos.body.detail).toMatch(/liens avec les dispositifs du territoire/);
  });

  it('remplace la case « lien avec le contrat de ville » : un « oui » devient un contrat de ville à préciser, rattaché à la fiche', async () => {
    const { id, ficheId } = await contratASigner('CLS issu de la case à cocher');
    const { ficheId: autreFiche } = await contratASigner('CLS sans lien');
    const non = (await coordination.post(`/api/contrats/${id}/fiches`, { intitule: 'Action sans lien' })).body.id;
    await sql(`update fiches set contenu = contenu || '{"lienContratVille": true}' where id = any($1)`, [[ficheId]]);
    await sql(`update fiches set contenu = contenu || '{"lienContratVille": false}' where id = any($1)`, [[non, autreFiche]]);
    // The data part of migration 0020, run again on these rows.
    const migration = fs.readFileSync(path.resolve(__dirname, '../../../migrations/0020_plan_evaluation_dispositifs.sql'), 'utf8');
    await serveur.ctx.db.query(migration.slice(migration.indexOf('with contrats_lies')));
    expect((await lire(id)).dispositifsTerritoriaux).toEqual([
      expect.objectContaining({
        type: 'contrat_ville',
        nom: 'Volet santé du contrat de ville (à préciser)',
        territoire: null,
        nombreFiches: 1,
      }),
    ]);
    expect((await coordination.get(`/api/fiches/${ficheId}`)).body.dispositifsTerritoriaux).toEqual([
      expect.objectContaining({ type: 'contrat_ville' }),
    ]);
    expect((await coordination.get(`/api/fiches/${non}`)).body.dispositifsTerritoriaux).toEqual([]);
    expect(await sql(`select id from fiches where contenu ? 'lienContratVille'`)).toEqual([]);
    expect((await coordination.get(`/api/fiches/${ficheId}`)).body).not.toHaveProperty('lienContratVille');
  });

  it('montre dans la démonstration la CPTS de l’agglomération de Redon sur le CLS 2 et l’évaluation finale du CLS 1 par Acsantis', async () => {
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const [cls1, cls2] = await Promise.all(
      ['Contrat local de santé du Pays de Redon-Bretagne Sud', 'Contrat local de santé de Redon Agglomération (2e génération)'].map(
        async (intitule) => (await sql('select id from contrats where intitule = $1', [intitule]))[0].id,
      ),
    );
    expect((await admin.get(`/api/contrats/${cls1}`)).body.planEvaluation).toEqual([
      expect.objectContaining({ type: 'finale', evaluateurType: 'externe', evaluateurNom: 'Cabinet Acsantis', questions: [] }),
    ]);
    const c2 = (await admin.get(`/api/contrats/${cls2}`)).body;
    expect(c2.dispositifsTerritoriaux).toEqual([
      expect.objectContaining({ type: 'cpts', nom: 'CPTS de l’agglomération de Redon', debut: '2021-07-01' }),
    ]);
    expect(c2.planEvaluation).toEqual([]);
  });
});
