import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { RACINE } from '../../config';

const TET = path.resolve(RACINE, '../shared/interop/tet');
const lireTet = (nom: string) => fs.readFileSync(path.join(TET, nom));

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let ids: Record<string, string>;
let contrats: Record<string, string>;

async function organisation(nom: string) {
  const { rows } = await serveur.ctx.db.query('select id from organisations where nom = $1', [nom]);
  return rows[0].id as string;
}

let numeroContrat = 0;
async function nouveauContrat(): Promise<string> {
  const r = await coordination.post('/api/contrats', {
    intitule: `CLS d’essai pour l’import n° ${++numeroContrat}`,
    perimetre: { epci: ['243500741'], communes: [] },
    generation: 3,
    arsIds: [ids.ars],
    porteursIds: [ids.redon],
    periode: { debut: '2027-01-01', fin: '2031-12-31' },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function importer(client: ClientHttp, contratId: string, contenu: Buffer, nom: string, dryRun = false) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([new Uint8Array(contenu)]), nom);
  const r = await fetch(`${serveur.url}/api/contrats/${contratId}/plan/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf! },
    body: formulaire,
  });
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as any };
}

async function telecharger(client: ClientHttp, chemin: string) {
  const r = await fetch(serveur.url + chemin, { headers: { cookie: client.cookie! } });
  return { status: r.status, headers: r.headers, contenu: Buffer.from(await r.arrayBuffer()) };
}

const fichesDe = async (contratId: string) => (await coordination.get(`/api/contrats/${contratId}/fiches`)).body as any[];
const axesDe = async (contratId: string) => (await coordination.get(`/api/contrats/${contratId}`)).body.axes as any[];
const nombreFichesEnBase = async () => (await serveur.ctx.db.query('select count(*)::int n from fiches')).rows[0].n as number;

/** A fiche as the API gives it, without what differs between two contracts or two runs. */
function comparable(f: any) {
  const { id, contratId, version, modifieLe, axeId, objectifId, historiqueStatuts, modifiable, ...reste } = f;
  return {
    ...reste,
    axe: f.axe && { numero: f.axe.numero, intitule: f.axe.intitule },
    objectif: f.objectif && { numero: f.objectif.numero, intitule: f.objectif.intitule },
    financements: f.financements.map(({ id: _, ...l }: any) => l),
  };
}

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  ids = {
    ars: await organisation('ARS Bretagne'),
    redon: await organisation('Redon Agglomération'),
    cpam: await organisation('CPAM d’Ille-et-Vilaine'),
    chRedon: await organisation('Centre hospitalier de Redon'),
  };
  const liste = (await coordination.get('/api/contrats')).body as any[];
  contrats = {
    cls1: liste.find((c) => c.intitule === 'Contrat local de santé du Pays de Redon-Bretagne Sud').id,
    cls2: liste.find((c) => c.intitule === 'Contrat local de santé de Redon Agglomération (2e génération)').id,
  };
});
afterAll(() => serveur.fermer());

describe('import des fichiers de Territoires en Transitions', () => {
  it('reprend le plan valide de TeT : axes, sous-axes, pilotes, financeurs, dates en texte américain', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'nouveau-plan-valide.xlsx');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'tet', dryRun: false, applique: true, resume: { crees: 7, misAJour: 0, inchanges: 0, rejetes: 0 } });
    expect(r.body.lignes.map((l: any) => [l.ligne, l.statut, l.numero])).toEqual([
      [4, 'cree', 1],
      [5, 'cree', 2],
      [6, 'cree', 3],
      [7, 'cree', 4],
      [8, 'cree', 5],
      [9, 'cree', 6],
      [10, 'cree', 7],
    ]);
    expect(r.body.axesCrees).toEqual([
      'Sécurité : développer les aménagements cyclables et améliorer la sécurité routière',
      'Sûreté : mieux lutter contre le vol',
      'Créer un cadre incitatif reconnaissant pleinement l’usage du vélo comme un mode de transport vertueux',
      'Développer une culture vélo',
    ]);
    // "4.2. …" and "4.2 : …" are the same sous-axe.
    expect(r.body.objectifsCrees).toEqual(['Pratiquer le vélo en toute sécurité', 'Déployer des plans de mobilité scolaires', 'Développer l’activité physique pour la santé']);
    expect(r.body.organisationsCreees).toEqual(expect.arrayContaining(['La collectivité 1', 'La collectivité 2', 'Super partenaire', 'Giga partenaire', 'Ultra partenaire']));
    expect(r.body.colonnesInconnues).toEqual(
      expect.arrayContaining(['Titre de la sous-action', 'Indicateurs liés', 'Action en amélioration continue', 'Mesures liées', 'Documents et liens']),
    );
    expect(r.body.colonnesInconnues).not.toContain('Statut');

    const fiches = await fichesDe(contratId);
    expect(fiches).toHaveLength(7);
    const piste = fiches.find((f) => f.intitule === 'Arranger la piste cyclable 2040-2044');
    expect(piste).toMatchObject({
      numero: 1,
      statut: 'en_cours',
      priorite: 'haute',
      debut: '2020-12-14',
      fin: '2028-12-14',
      axe: { numero: 1, intitule: 'Sécurité : développer les aménagements cyclables et améliorer la sécurité routière' },
      personnesReferentes: 'Harry Cot',
      totalFinancementCentimes: 599900,
    });
    // The template's instruction left in "Structure pilote" is not an organisation; the service stays, « à définir ».
    expect(piste.pilotes).toEqual([expect.objectContaining({ organisationId: null, service: 'Super service', libelle: 'À définir' })]);
    expect(piste.financements.map((l: any) => [l.financeurLibelle, l.montantCentimes, l.annee, l.dispositif, l.statut])).toEqual([
      ['Smaug', 300000, 2020, 'Autre', 'prevu'],
      ['Ras al Ghul', 200000, 2020, 'Autre', 'prevu'],
      ['Tony Stark', 99900, 2020, 'Autre', 'prevu'],
    ]);
    expect(piste.notes).toMatch(/Instances de gouvernance : Petite instance, blop/);
    expect(piste.notes).toMatch(/Budget prévisionnel total \(Territoires en Transitions\) : 500 €/);
    const permis = fiches.find((f) => f.intitule === 'Permis vélo CM2 école TET 2040-2044');
    expect(permis.objectif).toMatchObject({ numero: '4.2', intitule: 'Déployer des plans de mobilité scolaires' });
    expect(permis.objectifsOperationnels).toEqual(['Apprendre le vélo aux enfants']);
    expect(permis.personnesReferentes).toBe('Lou Piote, Yolo Dodo');
    expect(permis.partenaires.map((p: any) => p.acteur)).toEqual(['Super partenaire', 'Ultra partenaire']);
    expect(permis.pilotes).toEqual([expect.objectContaining({ organisationId: null, service: 'Super service, Ultra service' })]);
    const camera = fiches.find((f) => f.intitule.startsWith('Ajouter caméra'));
    expect(camera.pilotes.map((p: any) => [p.organisationNom, p.service])).toEqual([
      ['La collectivité 1', 'Giga service'],
      ['La collectivité 2', null],
    ]);
    expect(camera).toMatchObject({ participationCitoyenne: true, statut: 'a_venir' });

    // Everything the import created is in the audit log, with the import itself.
    const { rows } = await serveur.ctx.db.query(
      `select entite_type, action, count(*)::int n from audit_evenements where contexte->>'contratId' = $1 group by 1, 2 order by 1, 2`,
      [contratId],
    );
    expect(rows).toEqual([
      { entite_type: 'axe', action: 'creation', n: 4 },
      { entite_type: 'contrat', action: 'import_plan', n: 1 },
      { entite_type: 'fiche', action: 'creation', n: 7 },
      { entite_type: 'objectif', action: 'creation', n: 3 },
      { entite_type: 'organisation', action: 'creation', n: 5 },
    ]);
  });

  it('reprend un vrai plan de CLS aux colonnes dans un autre ordre, numéro de fiche compris', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, lireTet('plan_column_order_issue.xlsx'), 'plan_column_order_issue.xlsx');
    expect(r.status).toBe(200);
    expect(r.body.lignes).toEqual([{ ligne: 4, statut: 'cree', numero: 1, intitule: "Création d'un comité de suivi d'élus autour du CLS" }]);
    expect(r.body.axesCrees).toEqual(['COORDINATION DU CLS - AXE TRANSVERSAL']);
    expect(r.body.objectifsCrees).toEqual(['Impulser une dynamique participative']);
    expect(r.body.organisationsCreees).toEqual(['Contrat Local de Santé']);
    const [fiche] = await fichesDe(contratId);
    expect(fiche).toMatchObject({
      numero: 1,
      statut: 'a_venir',
      priorite: 'haute',
      debut: '2025-12-01',
      fin: '2030-09-01',
      personnesReferentes: 'Sophie AMOUROUS',
      axe: { numero: 1, intitule: 'COORDINATION DU CLS - AXE TRANSVERSAL' },
      objectif: { numero: '1.1', intitule: 'Impulser une dynamique participative' },
    });
    expect(fiche.description).toMatch(/^Il s’agit alors de permettre aux élus communautaires/);
    expect(fiche.objectifsOperationnels).toHaveLength(9);
    expect(fiche.objectifsOperationnels[0]).toBe('Objectif général : L’appropriation du Contrat Local de Santé par les élus');
    expect(fiche.pilotes).toEqual([expect.objectContaining({ organisationNom: 'Contrat Local de Santé', service: 'COM L1, Contrat Local de Santé' })]);
  });

  it('ne tire aucune fiche du modèle vide ni de l’export sans ligne', async () => {
    for (const nom of ['modele-import-pa.xlsx', 'export_plan_action.xlsx']) {
      const contratId = await nouveauContrat();
      const r = await importer(coordination, contratId, lireTet(nom), nom);
      expect(r.status, nom).toBe(200);
      expect(r.body, nom).toMatchObject({ format: 'tet', applique: true, lignes: [], axesCrees: [], organisationsCreees: [], resume: { crees: 0, rejetes: 0 } });
      expect(await fichesDe(contratId)).toEqual([]);
    }
    const exportTet = await importer(coordination, await nouveauContrat(), lireTet('export_plan_action.xlsx'), 'export_plan_action.xlsx');
    expect(exportTet.body.colonnesInconnues).toEqual(expect.arrayContaining(['Thématique principale', 'Cibles', 'Résultats attendus']));
  });
});

/** A TeT file changed cell by cell, as a coordinator would in Excel. */
async function tetModifie(nom: string, modifications: [ligne: number, colonne: number, valeur: ExcelJS.CellValue][]) {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(lireTet(nom) as unknown as ArrayBuffer);
  const feuille = classeur.getWorksheet('Fichier dimport')!;
  for (const [ligne, colonne, valeur] of modifications) feuille.getRow(ligne).getCell(colonne).value = valeur;
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

describe('import : tout ou rien, à blanc, sans doublon', () => {
  it('à blanc, n’écrit rien et rend le même rapport qu’un vrai import', async () => {
    const contratId = await nouveauContrat();
    const avant = await nombreFichesEnBase();
    const essai = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx', true);
    expect(essai.status).toBe(200);
    expect(essai.body).toMatchObject({ dryRun: true, applique: false, resume: { crees: 7 } });
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await axesDe(contratId)).toEqual([]);

    const vrai = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    expect(vrai.body).toMatchObject({ dryRun: false, applique: true });
    const { dryRun: _d, applique: _a, ...rapportEssai } = essai.body;
    const { dryRun: _d2, applique: _a2, ...rapportVrai } = vrai.body;
    expect(rapportVrai).toEqual(rapportEssai);
    expect(await nombreFichesEnBase()).toBe(avant + 7);
  });

  it('refuse tout le fichier pour une seule ligne fausse, en nommant la colonne et la valeur', async () => {
    const contratId = await nouveauContrat();
    const avant = await nombreFichesEnBase();
    const fichier = await tetModifie('nouveau-plan-valide.xlsx', [
      [6, 25, 'Peut-être'],
      [7, 27, '31/02/2024'],
    ]);
    for (const dryRun of [true, false]) {
      const r = await importer(coordination, contratId, fichier, 'plan.xlsx', dryRun);
      expect(r.status).toBe(422);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.body.detail).toMatch(/^2 lignes rejetées : rien n’a été enregistré\. Ligne 6 — Statut : « Peut-être » inconnu/);
      expect(r.body.rapport).toMatchObject({ applique: false, dryRun, resume: { crees: 5, rejetes: 2 } });
      expect(r.body.rapport.lignes.find((l: any) => l.ligne === 6)).toEqual({
        ligne: 6,
        statut: 'rejete',
        intitule: 'Ramassage scolaire à vélo 2040-2044',
        raison: 'Statut : « Peut-être » inconnu (attendu : À venir, En cours, Réalisé, En retard, En pause, Abandonné)',
      });
      expect(r.body.rapport.lignes.find((l: any) => l.ligne === 7).raison).toBe('Date de début : date « 31/02/2024 » impossible');
      expect(r.body.erreurs).toEqual(expect.arrayContaining([{ champ: 'ligne 7', message: 'Date de début : date « 31/02/2024 » impossible' }]));
    }
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await axesDe(contratId)).toEqual([]);
  });

  it('réimporté, le même fichier ne crée rien : toutes ses lignes sont inchangées', async () => {
    const contratId = await nouveauContrat();
    await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    const encore = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    expect(encore.status).toBe(200);
    expect(encore.body).toMatchObject({ axesCrees: [], objectifsCrees: [], organisationsCreees: [], resume: { crees: 0, misAJour: 0, inchanges: 7, rejetes: 0 } });
    expect(encore.body.lignes.every((l: any) => l.statut === 'inchange')).toBe(true);
    expect(await fichesDe(contratId)).toHaveLength(7);
    expect(await axesDe(contratId)).toHaveLength(4);

    // One statut changed in the file: that fiche only is updated, and audited.
    const modifie = await tetModifie('nouveau-plan-valide.xlsx', [[10, 25, 'Réalisé']]);
    const r = await importer(coordination, contratId, modifie, 'plan.xlsx');
    expect(r.body.resume).toEqual({ crees: 0, misAJour: 1, inchanges: 6, rejetes: 0 });
    const course = (await fichesDe(contratId)).find((f) => f.intitule === 'Course de vélo 2040-2044');
    expect(course.statut).toBe('realisee');
    const { rows } = await serveur.ctx.db.query(`select action from audit_evenements where entite_id = $1 order by id`, [course.id]);
    expect(rows.map((x) => x.action)).toEqual(['creation', 'modification']);
  });

  it('refuse un fichier qui n’est ni un classeur ni un CSV, ou sans en-têtes reconnus', async () => {
    const contratId = await nouveauContrat();
    const image = await importer(coordination, contratId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'plan.png');
    expect(image.status).toBe(400);
    expect(image.body.detail).toBe('Fichier non reconnu : envoyez un classeur .xlsx ou un fichier .csv.');
    const csv = await importer(coordination, contratId, Buffer.from('nom;prénom\nDupont;Jean\n'), 'contacts.csv');
    expect(csv.status).toBe(400);
    expect(csv.body.detail).toMatch(/^Aucune ligne d’en-têtes reconnue/);
    const sansFichier = await fetch(`${serveur.url}/api/contrats/${contratId}/plan/import`, {
      method: 'POST',
      headers: { cookie: coordination.cookie!, 'x-csrf-token': coordination.csrf!, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(sansFichier.status).toBe(400);
  });
});

const resumeFiche = (f: any) => ({ numero: f.numero, ordre: f.ordre, intitule: f.intitule, pilotes: f.pilotes.map((p: any) => p.libelle), statut: f.statut });

describe('import d’un CSV fait à la main', () => {
  it('ne touche que les colonnes qu’il a, signale les autres, refuse une fiche nouvelle sans intitulé', async () => {
    const contratId = await nouveauContrat();
    await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    const avant = await fichesDe(contratId);
    const refus = await importer(coordination, contratId, Buffer.from('Numéro;Statut;Commentaire interne\n1;Réalisée;fait\n2;En retard;\n9;En cours;\n', 'latin1'), 'suivi.csv');
    expect(refus.status).toBe(422);
    expect(refus.body.rapport.colonnesInconnues).toEqual(['Commentaire interne']);
    expect(refus.body.rapport.lignes.map((l: any) => [l.ligne, l.statut, l.raison])).toEqual([
      [2, 'mis_a_jour', undefined],
      [3, 'mis_a_jour', undefined],
      [4, 'rejete', 'Intitulé : manquant pour une nouvelle fiche'],
    ]);
    // Saved by French Excel in Windows-1252: accents read right.
    const ok = await importer(coordination, contratId, Buffer.from('Numéro;Statut;Commentaire interne\r\n1;Réalisée;fait\r\n2;En retard;\r\n', 'latin1'), 'suivi.csv');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ format: 'maillage', resume: { crees: 0, misAJour: 2, inchanges: 0, rejetes: 0 } });
    const apres = await fichesDe(contratId);
    expect(apres.find((f) => f.numero === 1)).toMatchObject({ statut: 'realisee', priorite: 'haute', debut: '2020-12-14' });
    expect(apres.find((f) => f.numero === 2).statut).toBe('en_retard');
    expect(comparable(apres.find((f) => f.numero === 3))).toEqual(comparable(avant.find((f) => f.numero === 3)));
  });
});

describe('aller-retour du plan de Redon (39 fiches)', () => {
  it('exporte un classeur à nous : une ligne par fiche, des nombres et des dates Excel, une feuille des axes', async () => {
    const x = await telecharger(coordination, `/api/contrats/${contrats.cls1}/plan.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.headers.get('content-disposition')).toBe('attachment; filename="plan-contrat-local-de-sante-du-pays-de-redon-bretagne-sud.xlsx"');
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(x.contenu as unknown as ArrayBuffer);
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Fiches', 'Axes']);
    const feuille = classeur.getWorksheet('Fiches')!;
    const entetes = (feuille.getRow(1).values as unknown[]).slice(1);
    expect(entetes.slice(0, 6)).toEqual(['Numéro', 'Ordre', 'Axe', 'Objectif', 'Intitulé', 'Pilotes']);
    expect(entetes).toEqual(expect.arrayContaining(['Étapes', 'Partenaires', 'Indicateurs', 'Financements', 'Échelle de Rifkin', 'Statut', 'Priorité', 'Notes']));
    expect(feuille.rowCount).toBe(40);
    expect(feuille.getRow(11).getCell(1).value).toBe(38);
    expect(feuille.getRow(11).getCell(2).value).toBe(10);
    expect(feuille.getRow(2).getCell(6).value).toBe('À définir');
    expect(feuille.getRow(3).getCell(6).value).toBe('Redon Agglomération (CLIC)');
  });

  it('réimporté en XLSX puis en CSV dans un contrat vide, rend les mêmes fiches, puis plus rien à changer', async () => {
    const source = (await fichesDe(contrats.cls1)).map(resumeFiche);
    expect(source.slice(8, 12).map((f) => f.numero)).toEqual([9, 38, 39, 10]);
    const xlsx = await telecharger(coordination, `/api/contrats/${contrats.cls1}/plan.xlsx`);
    const csv = await telecharger(coordination, `/api/contrats/${contrats.cls1}/plan.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="plan-contrat-local-de-sante-du-pays-de-redon-bretagne-sud.csv"');
    expect([...csv.contenu.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.contenu.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFNuméro;Ordre;Axe;Objectif;Intitulé;Pilotes;/);

    for (const [nom, fichier] of [['plan.xlsx', xlsx.contenu], ['plan.csv', csv.contenu]] as const) {
      const contratId = await nouveauContrat();
      const r = await importer(coordination, contratId, fichier, nom);
      expect(r.status, nom).toBe(200);
      expect(r.body, nom).toMatchObject({ format: 'maillage', colonnesInconnues: [], resume: { crees: 39, rejetes: 0 } });
      expect((await fichesDe(contratId)).map(resumeFiche), nom).toEqual(source);
      const encore = await importer(coordination, contratId, fichier, nom);
      expect(encore.body.resume, nom).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0 });
    }
  });

  it('exporte au format de Territoires en Transitions, qui se réimporte à l’identique', async () => {
    const x = await telecharger(coordination, `/api/contrats/${contrats.cls1}/plan.xlsx?format=tet`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toMatch(/-territoires-en-transitions\.xlsx"$/);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(x.contenu as unknown as ArrayBuffer);
    const feuille = classeur.getWorksheet('Fichier dimport')!;
    expect(feuille.getRow(1).getCell(1).value).toBe('Présentation de l’action');
    const entetes = (feuille.getRow(2).values as unknown[]).slice(1);
    expect(entetes).toEqual(
      expect.arrayContaining(['Axe (x)', 'Sous-axe (x.x)', "Titre de l'action", 'Descriptif', 'Objectifs', 'Structure pilote', 'Partenaires', 'Direction ou service pilote']),
    );
    expect(entetes).toEqual(expect.arrayContaining(['Personne pilote', 'Participation Citoyenne', 'Financeur 1', 'Montant € HT', 'Financeur 3', 'Budget prévisionnel total € HT']));
    expect(entetes).toEqual(expect.arrayContaining(['Statut', 'Niveau de priorité', 'Date de début', 'Date de fin', 'Notes']));
    const titre = entetes.indexOf("Titre de l'action") + 1;
    expect(feuille.getRow(3).getCell(titre).value).toBe('Fiche action 1. Développer des actions d\'éducation nutritionnelle pour les enfants et les adolescents');
    expect(feuille.getRow(3).getCell(entetes.indexOf('Statut') + 1).value).toBe('À venir');
    // "ARS DT 44, REDON Agglomération (ATS)": one place per pilote in the services column.
    const fiche15 = feuille.getRow(19);
    expect(fiche15.getCell(titre).value).toMatch(/^Fiche action 15\. /);
    expect(fiche15.getCell(entetes.indexOf('Direction ou service pilote') + 1).value).toBe(', ATS');

    const source = (await fichesDe(contrats.cls1)).map(resumeFiche);
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, x.contenu, 'tet.xlsx');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'tet', organisationsCreees: [], resume: { crees: 39, rejetes: 0 } });
    expect((await fichesDe(contratId)).map(resumeFiche)).toEqual(source);
    const encore = await importer(coordination, contratId, x.contenu, 'tet.xlsx');
    expect(encore.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0 });
    // Into the contract it comes from (renewed, closed): nothing to change, so nothing refused.
    const chezSoi = await importer(coordination, contrats.cls1, x.contenu, 'tet.xlsx');
    expect(chezSoi.status).toBe(200);
    expect(chezSoi.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0 });
  });
});

describe('aller-retour d’une fiche complète', () => {
  it('ne perd rien dans notre classeur, et ce que TeT ne sait pas dire survit à un retour par TeT', async () => {
    const source = await nouveauContrat();
    const axe = await coordination.post(`/api/contrats/${source}/axes`, { intitule: 'Accès aux soins' });
    await coordination.post(`/api/contrats/${source}/axes`, { intitule: 'Prévention et promotion de la santé' });
    const objectif = await coordination.post(`/api/contrats/${source}/axes/${axe.body.id}/objectifs`, { intitule: 'Attirer des médecins', objectifsOperationnels: [] });
    const creee = await coordination.post(`/api/contrats/${source}/fiches`, {
      intitule: 'Accueillir les internes en médecine générale',
      axeId: axe.body.id,
      objectifId: objectif.body.id,
      pilotes: [{ organisationId: ids.redon, service: 'ATS' }, { organisationId: ids.chRedon }],
      personnesReferentes: 'Claire Martin, coordinatrice CLS',
      duree: 'pluriannuelle',
      debut: '2027-03-01',
      fin: '2029-06-30',
      argumentation: 'Densité médicale inférieure de 30 % à la moyenne régionale ;\nplusieurs départs en retraite d’ici 2028.',
      istsIdentifiees: true,
      ists: ['acces_offre', 'revenus'],
      istsPrecision: 'Communes rurales du nord',
      territoireTout: false,
      territoiresConcernes: 'Redon, Pipriac, Guémené-Penfao',
      publics: ['professionnels', 'jeunes'],
      publicPrecision: 'Internes de 3e cycle',
      publicCibleIsts: false,
      dejaEnCours: true,
      phase: 'mise_en_oeuvre',
      description: 'Accueil, logement et accompagnement des internes ; soirée d’accueil à chaque semestre.',
      objectifsOperationnels: ['Trouver des logements', 'Organiser une soirée ; par semestre', 'Un objectif\nsur deux lignes'],
      objectifsCiblentIsts: true,
      etapes: [{ libelle: 'Recenser les logements', debut: '2027-03-01', fin: '2027-06-30' }, { libelle: 'Première soirée d’accueil' }],
      determinants: ['accessibilite', 'continuite'],
      interventions: ['formation_individus', 'formation_communautes', 'partenariats'],
      partenaires: [
        { secteur: 'sante', acteur: 'CPAM d’Ille-et-Vilaine', organisationId: ids.cpam, participation: ['analyse_besoins', 'mobilisation_ressources'] },
        { secteur: 'logement', acteur: 'Bailleurs sociaux du pays de Redon', participation: [] },
      ],
      lienContratVille: false,
      participationCitoyenne: true,
      rifkin: { analyse_besoins: 2, organisation: 3, leadership: 1 },
      facteursFacilitants: 'Un médecin maître de stage motivé',
      difficultes: 'Logements rares en été',
      indicateurs: [
        { libelle: 'Nombre d’internes accueillis', type: 'activite', cible: '6 par an' },
        { libelle: 'Installations à 3 ans', type: 'resultat', methode: 'Enquête auprès des internes' },
      ],
      methodeEvaluation: 'Questionnaire annuel',
      financements: [
        { financeurId: ids.ars, dispositif: 'FIR', annee: 2027, montantCentimes: 1250050, nature: 'fonctionnement', statut: 'accorde' },
        { financeurLibelle: 'Communes du nord', dispositif: 'Fonds propres', annee: 2028, montantCentimes: 300000, nature: 'investissement', statut: 'sollicite', valorisationNature: 'Mise à disposition d’un logement' },
        { financeurId: ids.cpam, dispositif: 'FNPEIS', annee: 2027, montantCentimes: 50000, nature: 'fonctionnement', statut: 'refuse' },
      ],
      statut: 'en_cours',
      priorite: 'haute',
      thematiques: ['acces_soins', 'jeunes'],
      notes: 'Point d’étape au COPIL de juin.',
    });
    expect(creee.status).toBe(201);
    const fiche = (await coordination.get(`/api/fiches/${creee.body.id}`)).body;

    const xlsx = await telecharger(coordination, `/api/contrats/${source}/plan.xlsx`);
    const cible = await nouveauContrat();
    const r = await importer(coordination, cible, xlsx.contenu, 'plan.xlsx');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ axesCrees: ['Accès aux soins'], objectifsCrees: ['Attirer des médecins'], organisationsCreees: [] });
    const [copie] = await fichesDe(cible);
    const complete = (await coordination.get(`/api/fiches/${copie.id}`)).body;
    expect(comparable(complete)).toEqual(comparable(fiche));

    // Through TeT into its own contract: TeT says the same, so étape dates, Rifkin detail, refused line… stay.
    const tet = await telecharger(coordination, `/api/contrats/${source}/plan.xlsx?format=tet`);
    const retour = await importer(coordination, source, tet.contenu, 'tet.xlsx');
    expect(retour.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 1, rejetes: 0 });
    // Into a new contract, TeT carries what it can.
    const autre = await nouveauContrat();
    await importer(coordination, autre, tet.contenu, 'tet.xlsx');
    const [parTet] = await fichesDe(autre);
    expect(parTet).toMatchObject({ numero: 1, intitule: fiche.intitule, statut: 'en_cours', priorite: 'haute', debut: '2027-03-01', fin: '2029-06-30', participationCitoyenne: true });
    expect(parTet.pilotes.map((p: any) => [p.organisationNom, p.service])).toEqual([
      ['Redon Agglomération', 'ATS'],
      ['Centre hospitalier de Redon', null],
    ]);
    expect(parTet.financements.map((l: any) => [l.financeurNom ?? l.financeurLibelle, l.montantCentimes])).toEqual([
      ['ARS Bretagne', 1250050],
      ['Communes du nord', 300000],
    ]);
    expect(parTet.etapes).toEqual([{ libelle: 'Recenser les logements' }, { libelle: 'Première soirée d’accueil' }]);
  });
});

describe('droits et contrat signé', () => {
  it('laisse un lecteur exporter mais pas importer', async () => {
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    const x = await telecharger(lecteur, `/api/contrats/${contrats.cls2}/plan.xlsx`);
    expect(x.status).toBe(200);
    expect((await telecharger(lecteur, `/api/contrats/${contrats.cls2}/plan.csv`)).status).toBe(200);
    const r = await importer(lecteur, contrats.cls2, x.contenu, 'plan.xlsx');
    expect(r.status).toBe(403);
    expect(r.body.detail).toBe('Vous n’avez pas les droits nécessaires pour cette action.');
    const anonyme = await fetch(`${serveur.url}/api/contrats/${contrats.cls2}/plan.xlsx`);
    expect(anonyme.status).toBe(401);
  });

  it('n’accepte d’un contrat signé que le suivi, sauf avenant ouvert', async () => {
    const contratId = await nouveauContrat();
    await importer(coordination, contratId, lireTet('plan_column_order_issue.xlsx'), 'plan.xlsx');
    await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.ars, dateSignature: '2027-02-01' });
    await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.redon, dateSignature: '2027-02-03' });
    for (const statut of ['diagnostic', 'elaboration', 'signe']) {
      const { version } = (await coordination.get(`/api/contrats/${contratId}`)).body;
      expect((await coordination.post(`/api/contrats/${contratId}/statut`, { statut, version })).status).toBe(204);
    }
    const nouvelles = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx', true);
    expect(nouvelles.status).toBe(409);
    expect(nouvelles.body.detail).toBe('Ce contrat est signé : ses changements passent par un avenant. Ouvrez un avenant pour le modifier.');
    const memes = await importer(coordination, contratId, lireTet('plan_column_order_issue.xlsx'), 'plan.xlsx');
    expect(memes.status).toBe(200);
    expect(memes.body.resume.inchanges).toBe(1);
    // The statut follows the action's life without an avenant.
    const suivi = await importer(coordination, contratId, await tetModifie('plan_column_order_issue.xlsx', [[4, 24, 'En cours']]), 'plan.xlsx');
    expect(suivi.status).toBe(200);
    expect(suivi.body.resume.misAJour).toBe(1);
    const autre = await importer(coordination, contratId, await tetModifie('plan_column_order_issue.xlsx', [[4, 5, 'Un autre descriptif']]), 'plan.xlsx');
    expect(autre.status).toBe(409);

    await coordination.post(`/api/contrats/${contratId}/avenants`, { objet: 'Reprise du plan vélo' });
    const avecAvenant = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    expect(avecAvenant.status).toBe(200);
    expect(avecAvenant.body.resume.crees).toBe(7);
    expect((await fichesDe(contratId)).map((f) => f.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
