import { describe, expect, it } from 'vitest';
import {
  axesDe,
  comparable,
  coordination,
  fichesDe,
  importer,
  installerBanc,
  lireTet,
  nombreFichesEnBase,
  nouveauContrat,
  serveur,
  tetModifie,
} from '../../../test/banc-plans';

installerBanc();

describe('import des fichiers de Territoires en Transitions', () => {
  it('reprend le plan valide de TeT : axes, sous-axes, pilotes, financeurs, dates en texte américain', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'nouveau-plan-valide.xlsx');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      format: 'tet',
      dryRun: false,
      applique: true,
      resume: { crees: 7, misAJour: 0, inchanges: 0, rejetes: 0 },
    });
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
    expect(r.body.objectifsCrees).toEqual([
      'Pratiquer le vélo en toute sécurité',
      'Déployer des plans de mobilité scolaires',
      'Développer l’activité physique pour la santé',
    ]);
    expect(r.body.organisationsCreees).toEqual(
      expect.arrayContaining(['La collectivité 1', 'La collectivité 2', 'Super partenaire', 'Giga partenaire', 'Ultra partenaire']),
    );
    expect(r.body.colonnesInconnues).toEqual(
      expect.arrayContaining(['Indicateurs liés', 'Action en amélioration continue', 'Mesures liées', 'Documents et liens']),
    );
    expect(r.body.colonnesInconnues).not.toContain('Statut');
    expect(r.body.colonnesInconnues).not.toContain('Titre de la sous-action');

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

    // Everything the import created is in the audit log, with the import itself (the parties' confirmation requests
    // come from the contract's creation, before the import).
    const { rows } = await serveur.ctx.db.query(
      `select entite_type, action, count(*)::int n from audit_evenements where contexte->>'contratId' = $1 and entite_type <> 'confirmation' group by 1, 2 order by 1, 2`,
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
    expect(r.body.lignes).toEqual([
      { ligne: 4, statut: 'cree', numero: 1, intitule: "Création d'un comité de suivi d'élus autour du CLS" },
    ]);
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
    expect(fiche.pilotes).toEqual([
      expect.objectContaining({ organisationNom: 'Contrat Local de Santé', service: 'COM L1, Contrat Local de Santé' }),
    ]);
  });

  it('ne tire aucune fiche du modèle vide ni de l’export sans ligne', async () => {
    for (const nom of ['modele-import-pa.xlsx', 'export_plan_action.xlsx']) {
      const contratId = await nouveauContrat();
      const r = await importer(coordination, contratId, lireTet(nom), nom);
      expect(r.status, nom).toBe(200);
      expect(r.body, nom).toMatchObject({
        format: 'tet',
        applique: true,
        lignes: [],
        axesCrees: [],
        organisationsCreees: [],
        resume: { crees: 0, rejetes: 0 },
      });
      expect(await fichesDe(contratId)).toEqual([]);
    }
    const exportTet = await importer(coordination, await nouveauContrat(), lireTet('export_plan_action.xlsx'), 'export_plan_action.xlsx');
    expect(exportTet.body.colonnesInconnues).toEqual(expect.arrayContaining(['Thématique principale', 'Cibles', 'Résultats attendus']));
  });
});

/** A TeT file changed cell by cell, as a coordinator would in Excel. */

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
      expect(r.body.erreurs).toEqual(
        expect.arrayContaining([{ champ: 'ligne 7', message: 'Date de début : date « 31/02/2024 » impossible' }]),
      );
    }
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await axesDe(contratId)).toEqual([]);
  });

  it('réimporté, le même fichier ne crée rien : toutes ses lignes sont inchangées', async () => {
    const contratId = await nouveauContrat();
    await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    const encore = await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    expect(encore.status).toBe(200);
    expect(encore.body).toMatchObject({
      axesCrees: [],
      objectifsCrees: [],
      organisationsCreees: [],
      resume: { crees: 0, misAJour: 0, inchanges: 7, rejetes: 0 },
    });
    expect(encore.body.lignes.every((l: any) => l.statut === 'inchange')).toBe(true);
    expect(await fichesDe(contratId)).toHaveLength(7);
    expect(await axesDe(contratId)).toHaveLength(4);

    // One statut changed in the file: that fiche only is updated, and audited.
    const modifie = await tetModifie('nouveau-plan-valide.xlsx', [[10, 25, 'Réalisé']]);
    const r = await importer(coordination, contratId, modifie, 'plan.xlsx');
    expect(r.body.resume).toEqual({ crees: 0, misAJour: 1, inchanges: 6, rejetes: 0, sousActions: 0 });
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

describe('import d’un CSV fait à la main', () => {
  it('ne touche que les colonnes qu’il a, signale les autres, refuse une fiche nouvelle sans intitulé', async () => {
    const contratId = await nouveauContrat();
    await importer(coordination, contratId, lireTet('nouveau-plan-valide.xlsx'), 'plan.xlsx');
    const avant = await fichesDe(contratId);
    const refus = await importer(
      coordination,
      contratId,
      Buffer.from('Numéro;Statut;Commentaire interne\n1;Réalisée;fait\n2;En retard;\n9;En cours;\n', 'latin1'),
      'suivi.csv',
    );
    expect(refus.status).toBe(422);
    expect(refus.body.rapport.colonnesInconnues).toEqual(['Commentaire interne']);
    expect(refus.body.rapport.lignes.map((l: any) => [l.ligne, l.statut, l.raison])).toEqual([
      [2, 'mis_a_jour', undefined],
      [3, 'mis_a_jour', undefined],
      [4, 'rejete', 'Intitulé : manquant pour une nouvelle fiche'],
    ]);
    // Saved by French Excel in Windows-1252: accents read right.
    const ok = await importer(
      coordination,
      contratId,
      Buffer.from('Numéro;Statut;Commentaire interne\r\n1;Réalisée;fait\r\n2;En retard;\r\n', 'latin1'),
      'suivi.csv',
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ format: 'maillage', resume: { crees: 0, misAJour: 2, inchanges: 0, rejetes: 0 } });
    const apres = await fichesDe(contratId);
    expect(apres.find((f) => f.numero === 1)).toMatchObject({ statut: 'realisee', priorite: 'haute', debut: '2020-12-14' });
    expect(apres.find((f) => f.numero === 2).statut).toBe('en_retard');
    expect(comparable(apres.find((f) => f.numero === 3))).toEqual(comparable(avant.find((f) => f.numero === 3)));
  });
});
