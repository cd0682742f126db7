import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../test/harness';
import {
  comparable,
  contrats,
  coordination,
  fichesDe,
  ids,
  importer,
  installerBanc,
  lireTet,
  nouveauContrat,
  resumeFiche,
  serveur,
  telecharger,
  tetModifie,
} from '../../../test/banc-plans';

installerBanc();

describe('aller-retour du plan de Redon (39 fiches)', () => {
  it('exporte un classeur à nous : une ligne par fiche, des nombres et des dates Excel, une feuille des axes', async () => {
    const x = await telecharger(coordination, `/api/contrats/${contrats.cls1}/plan.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.headers.get('content-disposition')).toBe(
      'attachment; filename="plan-contrat-local-de-sante-du-pays-de-redon-bretagne-sud.xlsx"',
    );
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(x.contenu as unknown as ArrayBuffer);
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Fiches', 'Axes']);
    const feuille = classeur.getWorksheet('Fiches')!;
    const entetes = (feuille.getRow(1).values as unknown[]).slice(1);
    expect(entetes.slice(0, 6)).toEqual(['Numéro', 'Ordre', 'Axe', 'Objectif', 'Intitulé', 'Pilotes']);
    expect(entetes).toEqual(
      expect.arrayContaining(['Étapes', 'Partenaires', 'Indicateurs', 'Financements', 'Échelle de Rifkin', 'Statut', 'Priorité', 'Notes']),
    );
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
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="plan-contrat-local-de-sante-du-pays-de-redon-bretagne-sud.csv"',
    );
    expect([...csv.contenu.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.contenu.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFNuméro;Ordre;Axe;Objectif;Intitulé;Pilotes;/);

    for (const [nom, fichier] of [
      ['plan.xlsx', xlsx.contenu],
      ['plan.csv', csv.contenu],
    ] as const) {
      const contratId = await nouveauContrat();
      const r = await importer(coordination, contratId, fichier, nom);
      expect(r.status, nom).toBe(200);
      expect(r.body, nom).toMatchObject({ format: 'maillage', colonnesInconnues: [], resume: { crees: 39, rejetes: 0 } });
      expect((await fichesDe(contratId)).map(resumeFiche), nom).toEqual(source);
      const encore = await importer(coordination, contratId, fichier, nom);
      expect(encore.body.resume, nom).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0, sousActions: 0 });
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
      expect.arrayContaining([
        'Axe (x)',
        'Sous-axe (x.x)',
        "Titre de l'action",
        'Descriptif',
        'Objectifs',
        'Structure pilote',
        'Partenaires',
        'Direction ou service pilote',
      ]),
    );
    expect(entetes).toEqual(
      expect.arrayContaining([
        'Personne pilote',
        'Participation Citoyenne',
        'Financeur 1',
        'Montant € HT',
        'Financeur 3',
        'Budget prévisionnel total € HT',
      ]),
    );
    expect(entetes).toEqual(expect.arrayContaining(['Statut', 'Niveau de priorité', 'Date de début', 'Date de fin', 'Notes']));
    const titre = entetes.indexOf("Titre de l'action") + 1;
    expect(feuille.getRow(3).getCell(titre).value).toBe(
      "Fiche action 1. Développer des actions d'éducation nutritionnelle pour les enfants et les adolescents",
    );
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
    expect(encore.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0, sousActions: 0 });
    // Into the contract it comes from (renewed, closed): nothing to change, so nothing refused.
    const chezSoi = await importer(coordination, contrats.cls1, x.contenu, 'tet.xlsx');
    expect(chezSoi.status).toBe(200);
    expect(chezSoi.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 39, rejetes: 0, sousActions: 0 });
  });
});

describe('aller-retour d’une fiche complète', () => {
  it('ne perd rien dans notre classeur, et ce que TeT ne sait pas dire survit à un retour par TeT', async () => {
    const source = await nouveauContrat();
    const axe = await coordination.post(`/api/contrats/${source}/axes`, { intitule: 'Accès aux soins' });
    await coordination.post(`/api/contrats/${source}/axes`, { intitule: 'Prévention et promotion de la santé' });
    const objectif = await coordination.post(`/api/contrats/${source}/axes/${axe.body.id}/objectifs`, {
      intitule: 'Attirer des médecins',
      objectifsOperationnels: [],
    });
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
        {
          secteur: 'sante',
          acteur: 'CPAM d’Ille-et-Vilaine',
          organisationId: ids.cpam,
          participation: ['analyse_besoins', 'mobilisation_ressources'],
        },
        { secteur: 'logement', acteur: 'Bailleurs sociaux du pays de Redon', participation: [] },
      ],
      participationCitoyenne: true,
      rifkin: { analyse_besoins: 2, organisation: 3, leadership: 1 },
      facteursFacilitants: 'Un médecin maître de stage motivé',
      difficultes: 'Logements rares en été',
      indicateurs: [
        {
          libelle: 'Nombre d’internes accueillis',
          type: 'activite',
          unite: 'internes',
          cible: '6 par an',
          reference: { valeur: 2, date: '2026-12-31' },
          cibles: [
            { periode: '2027', valeur: 6 },
            { periode: '2028', valeur: 6 },
          ],
        },
        {
          libelle: 'Part des internes restés',
          type: 'resultat',
          pourcentage: true,
          poids: 2,
          cibles: [{ periode: '2029', numerateur: 3, denominateur: 10 }],
        },
        { libelle: 'Installations à 3 ans', type: 'resultat', methode: 'Enquête auprès des internes' },
      ],
      methodeEvaluation: 'Questionnaire annuel',
      financements: [
        { financeurId: ids.ars, dispositif: 'FIR', annee: 2027, montantCentimes: 1250050, nature: 'fonctionnement', statut: 'accorde' },
        {
          financeurLibelle: 'Communes du nord',
          dispositif: 'Fonds propres',
          annee: 2028,
          montantCentimes: 300000,
          nature: 'investissement',
          statut: 'sollicite',
          valorisationNature: 'Mise à disposition d’un logement',
        },
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
    expect(retour.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 1, rejetes: 0, sousActions: 2 });
    // Into a new contract, TeT carries what it can.
    const autre = await nouveauContrat();
    await importer(coordination, autre, tet.contenu, 'tet.xlsx');
    const [parTet] = await fichesDe(autre);
    expect(parTet).toMatchObject({
      numero: 1,
      intitule: fiche.intitule,
      statut: 'en_cours',
      priorite: 'haute',
      debut: '2027-03-01',
      fin: '2029-06-30',
      participationCitoyenne: true,
    });
    expect(parTet.pilotes.map((p: any) => [p.organisationNom, p.service])).toEqual([
      ['Redon Agglomération', 'ATS'],
      ['Centre hospitalier de Redon', null],
    ]);
    expect(parTet.financements.map((l: any) => [l.financeurNom ?? l.financeurLibelle, l.montantCentimes])).toEqual([
      ['ARS Bretagne', 1250050],
      ['Communes du nord', 300000],
    ]);
    // Étapes travel as sub-action rows, with their dates.
    expect(parTet.etapes).toEqual([
      { libelle: 'Recenser les logements', debut: '2027-03-01', fin: '2027-06-30' },
      { libelle: 'Première soirée d’accueil' },
    ]);
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
    // ARS Bretagne confirms being a signatory (its agent answers) before its date is entered.
    const signataire = await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.ars });
    const ars = serveur.client();
    await ars.connecter(DEMO.ars);
    const demande = (await ars.get('/api/confirmations')).body.find((d: any) => d.contrat.id === contratId && d.role === 'signataire');
    expect((await ars.post(`/api/confirmations/${demande.id}/acceptation`)).status).toBe(200);
    expect(
      (
        await coordination.put(`/api/contrats/${contratId}/signataires/${signataire.body.id}`, {
          organisationId: ids.ars,
          dateSignature: '2027-02-01',
        })
      ).status,
    ).toBe(204);
    await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.redon, dateSignature: '2027-02-03' });
    for (const statut of ['diagnostic', 'elaboration', 'signe']) {
      const { version } = (await coordination.get(`/api/contrats/${contratId}`)).body;
      expect(
        (await coordination.post(`/api/contrats/${contratId}/statut`, { statut, version, confirmerAvertissements: true })).status,
      ).toBe(204);
    }
    const nouvelles = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx', true);
    expect(nouvelles.status).toBe(409);
    expect(nouvelles.body.detail).toBe(
      'Ce contrat est signé : ses changements passent par un avenant. Ouvrez un avenant pour le modifier.',
    );
    const memes = await importer(coordination, contratId, lireTet('plan_column_order_issue.xlsx'), 'plan.xlsx');
    expect(memes.status).toBe(200);
    expect(memes.body.resume.inchanges).toBe(1);
    // The statut follows the action's life without an avenant.
    const suivi = await importer(
      coordination,
      contratId,
      await tetModifie('plan_column_order_issue.xlsx', [[4, 24, 'En cours']]),
      'plan.xlsx',
    );
    expect(suivi.status).toBe(200);
    expect(suivi.body.resume.misAJour).toBe(1);
    const autre = await importer(
      coordination,
      contratId,
      await tetModifie('plan_column_order_issue.xlsx', [[4, 5, 'Un autre descriptif']]),
      'plan.xlsx',
    );
    expect(autre.status).toBe(409);

    await coordination.post(`/api/contrats/${contratId}/avenants`, { objet: 'Reprise du plan vélo' });
    const avecAvenant = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    expect(avecAvenant.status).toBe(200);
    expect(avecAvenant.body.resume.crees).toBe(7);
    expect((await fichesDe(contratId)).map((f) => f.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
