import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  axesDe,
  comparable,
  coordination,
  fichesDe,
  importer,
  installerBanc,
  nombreFichesEnBase,
  nouveauContrat,
  serveur,
  telecharger,
} from '../../../test/banc-plans';

installerBanc();

/** The headers of Territoires en Transitions' current import template (nouveau-plan-valide.xlsx), in its order. */
const ENTETES = [
  'Axe (x)',
  'Sous-axe (x.x)',
  'Sous-sous axe (x.x.x)',
  "Titre de l'action",
  'Titre de la sous-action',
  'Descriptif',
  'Instances de gouvernance',
  'Objectifs',
  'Indicateurs liés',
  'Structure pilote',
  'Moyens humains et techniques',
  'Partenaires ',
  'Direction ou service pilote',
  'Personne pilote',
  'Élu·e référent·e ',
  'Participation Citoyenne',
  'Financements',
  'Financeur 1',
  'Montant € HT',
  'Budget prévisionnel total € HT',
  'Statut ',
  'Niveau de priorité',
  'Date de début',
  'Date de fin',
  'Notes',
  "Etapes de l'action",
];

type Ligne = Partial<Record<(typeof ENTETES)[number], ExcelJS.CellValue>>;

/** A plan as a coordinator fills TeT's template: groups row, headers, the template's field descriptions, then rows. */
async function classeurTet(lignes: Ligne[]): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet('Fichier dimport');
  feuille.addRow(['Présentation de l’action']);
  feuille.addRow(ENTETES);
  feuille.addRow(ENTETES.map(() => 'Champ texte'));
  for (const l of lignes) feuille.addRow(ENTETES.map((e) => l[e] ?? null));
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ACTION = 'Développer l’aller-vers en santé mentale';
const AXE = '1. Santé mentale';

/** One action and its three sub-actions, the action's own row third: TeT does not promise any order. */
const uneActionTroisSousActions: Ligne[] = [
  {
    'Axe (x)': AXE,
    "Titre de l'action": ACTION,
    'Titre de la sous-action': 'Former les élus aux premiers secours en santé mentale',
    Descriptif: 'Deux sessions par an',
    'Structure pilote': 'Redon Agglomération',
    'Direction ou service pilote': 'CLIC',
    'Statut ': 'En cours',
    'Date de début': date('2027-02-01'),
    'Date de fin': date('2027-06-30'),
  },
  {
    'Axe (x)': AXE,
    "Titre de l'action": ACTION,
    'Titre de la sous-action': 'Ouvrir une permanence mobile',
    'Structure pilote': 'Centre hospitalier de Redon',
    'Partenaires ': 'Mutualité française',
    'Statut ': 'À venir',
    'Date de début': '12/14/27',
  },
  {
    'Axe (x)': AXE,
    "Titre de l'action": ACTION,
    Descriptif: 'Aller au-devant des personnes isolées',
    'Structure pilote': 'Redon Agglomération',
    'Statut ': 'En cours',
    'Niveau de priorité': 'Élevé',
    'Date de début': date('2027-01-01'),
    'Date de fin': date('2029-12-31'),
  },
  { 'Axe (x)': AXE, "Titre de l'action": ACTION, 'Titre de la sous-action': 'Évaluer le dispositif', 'Statut ': 'À venir' },
];

describe('sous-actions de Territoires en Transitions', () => {
  it('une action et ses trois sous-actions, dans n’importe quel ordre : à blanc, puis une fiche et trois étapes, puis rien à changer', async () => {
    const contratId = await nouveauContrat();
    const fichier = await classeurTet(uneActionTroisSousActions);
    const avant = await nombreFichesEnBase();

    const blanc = await importer(coordination, contratId, fichier, 'plan-tet.xlsx', true);
    expect(blanc.status, JSON.stringify(blanc.body)).toBe(200);
    expect(blanc.body).toMatchObject({
      format: 'tet',
      dryRun: true,
      applique: false,
      resume: { crees: 1, misAJour: 0, inchanges: 0, rejetes: 0, sousActions: 3 },
    });
    expect(blanc.body.lignes.map((l: any) => [l.ligne, l.statut, l.numero, l.intitule, l.sousAction])).toEqual([
      [4, 'cree', 1, ACTION, 'Former les élus aux premiers secours en santé mentale'],
      [5, 'cree', 1, ACTION, 'Ouvrir une permanence mobile'],
      [6, 'cree', 1, ACTION, undefined],
      [7, 'cree', 1, ACTION, 'Évaluer le dispositif'],
    ]);
    expect(blanc.body.colonnesInconnues).not.toContain('Titre de la sous-action');
    expect(await nombreFichesEnBase()).toBe(avant);

    const r = await importer(coordination, contratId, fichier, 'plan-tet.xlsx');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, resume: { crees: 1, sousActions: 3 }, axesCrees: ['Santé mentale'] });
    const fiches = await fichesDe(contratId);
    expect(fiches).toHaveLength(1);
    const [fiche] = fiches;
    // The action's own row makes the fiche; its sub-action rows, its étapes, in the file's order.
    expect(fiche).toMatchObject({
      numero: 1,
      intitule: ACTION,
      description: 'Aller au-devant des personnes isolées',
      statut: 'en_cours',
      priorite: 'haute',
      debut: '2027-01-01',
      fin: '2029-12-31',
    });
    expect(fiche.pilotes.map((p: any) => p.organisationNom)).toEqual(['Redon Agglomération']);
    expect(fiche.etapes).toEqual([
      {
        libelle: 'Former les élus aux premiers secours en santé mentale',
        description: 'Deux sessions par an',
        pilote: 'Redon Agglomération (CLIC)',
        statut: 'en_cours',
        debut: '2027-02-01',
        fin: '2027-06-30',
      },
      // What an étape has no field for stays in its description, labelled; no organisation is created for it.
      {
        libelle: 'Ouvrir une permanence mobile',
        description: 'Partenaires : Mutualité française',
        pilote: 'Centre hospitalier de Redon',
        statut: 'a_venir',
        debut: '2027-12-14',
      },
      { libelle: 'Évaluer le dispositif', statut: 'a_venir' },
    ]);
    expect(r.body.organisationsCreees).toEqual([]);
    const { rows } = await serveur.ctx.db.query(
      `select (diff->'crees'->>'apres')::int crees, (diff->'sousActions'->>'apres')::int "sousActions" from audit_evenements where entite_type = 'contrat' and entite_id = $1 and action = 'import_plan'`,
      [contratId],
    );
    expect(rows).toEqual([{ crees: 1, sousActions: 3 }]);

    const encore = await importer(coordination, contratId, fichier, 'plan-tet.xlsx');
    expect(encore.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 1, rejetes: 0, sousActions: 3 });
    expect(encore.body.lignes.map((l: any) => l.statut)).toEqual(['inchange', 'inchange', 'inchange', 'inchange']);

    // Exported in TeT's format: the action's row, then one row per sub-action, which comes back the same.
    const x = await telecharger(coordination, `/api/contrats/${contratId}/plan.xlsx?format=tet`);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(x.contenu as unknown as ArrayBuffer);
    const feuille = classeur.getWorksheet('Fichier dimport')!;
    const entetes = (feuille.getRow(2).values as unknown[]).slice(1);
    const col = (nom: string) => entetes.indexOf(nom) + 1;
    expect(feuille.rowCount).toBe(6);
    expect(
      [3, 4, 5, 6].map((n) => [
        feuille.getRow(n).getCell(col("Titre de l'action")).value,
        feuille.getRow(n).getCell(col('Titre de la sous-action')).value ?? null,
      ]),
    ).toEqual([
      [`Fiche action 1. ${ACTION}`, null],
      [`Fiche action 1. ${ACTION}`, 'Former les élus aux premiers secours en santé mentale'],
      [`Fiche action 1. ${ACTION}`, 'Ouvrir une permanence mobile'],
      [`Fiche action 1. ${ACTION}`, 'Évaluer le dispositif'],
    ]);
    expect(feuille.getRow(4).getCell(col('Structure pilote')).value).toBe('Redon Agglomération (CLIC)');
    expect(feuille.getRow(4).getCell(col('Statut')).value).toBe('En cours');
    expect(feuille.getRow(4).getCell(col('Axe (x)')).value).toBe('1. Santé mentale');

    const chezSoi = await importer(coordination, contratId, x.contenu, 'tet.xlsx');
    expect(chezSoi.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 1, rejetes: 0, sousActions: 3 });
    const autre = await nouveauContrat();
    const retour = await importer(coordination, autre, x.contenu, 'tet.xlsx');
    expect(retour.status).toBe(200);
    expect(retour.body.resume).toMatchObject({ crees: 1, sousActions: 3 });
    const [copie] = await fichesDe(autre);
    const complete = async (id: string) => comparable((await coordination.get(`/api/fiches/${id}`)).body);
    const { etapes, intitule, statut, priorite, debut, fin, description } = await complete(copie.id);
    expect({ etapes, intitule, statut, priorite, debut, fin, description }).toEqual({
      etapes: fiche.etapes,
      intitule: fiche.intitule,
      statut: fiche.statut,
      priorite: fiche.priorite,
      debut: fiche.debut,
      fin: fiche.fin,
      description: fiche.description,
    });
    expect((await importer(coordination, autre, x.contenu, 'tet.xlsx')).body.resume).toEqual({
      crees: 0,
      misAJour: 0,
      inchanges: 1,
      rejetes: 0,
      sousActions: 3,
    });
  });

  it('des axes nommés « Axe 1 » à « Axe 3 » gardent ce titre et leur numéro, et le rapport le dit', async () => {
    const contratId = await nouveauContrat();
    const fichier = await classeurTet([
      { 'Axe (x)': 'Axe 3', "Titre de l'action": 'Créer un réseau de repérage de la perte d’autonomie' },
      { 'Axe (x)': 'Axe 1', 'Sous-axe (x.x)': '1.1', "Titre de l'action": 'Installer un centre de santé' },
      { 'Axe (x)': 'Axe 2', "Titre de l'action": 'Fiche action 7' },
      { 'Axe (x)': 'Axe 1', 'Sous-axe (x.x)': '1.1', "Titre de l'action": 'Accueillir des internes' },
      { 'Axe (x)': '2' },
    ]);
    const blanc = await importer(coordination, contratId, fichier, 'axes.xlsx', true);
    expect(blanc.status, JSON.stringify(blanc.body)).toBe(200);
    expect(blanc.body.axesCrees).toEqual(['Axe 1', 'Axe 2', 'Axe 3']);
    expect((await axesDe(contratId)).length).toBe(0);

    const r = await importer(coordination, contratId, fichier, 'axes.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      applique: true,
      axesCrees: ['Axe 1', 'Axe 2', 'Axe 3'],
      objectifsCrees: ['1.1'],
      resume: { crees: 4, rejetes: 0 },
    });
    expect(r.body.remarques).toEqual([
      'Axe « Axe 3 » : l’intitulé n’est que son numéro (3), il est gardé tel qu’écrit.',
      'Axe « Axe 1 » : l’intitulé n’est que son numéro (1), il est gardé tel qu’écrit.',
      'Objectif « 1.1 » : l’intitulé n’est que son numéro (1.1), il est gardé tel qu’écrit.',
      'Axe « Axe 2 » : l’intitulé n’est que son numéro (2), il est gardé tel qu’écrit.',
      'Fiche « Fiche action 7 » : l’intitulé n’est que son numéro (7), il est gardé tel qu’écrit.',
      'Axe « 2 » : l’intitulé n’est que son numéro, trop court pour un intitulé de l’axe ; il devient « Axe 2 ».',
    ]);
    // Created in their numbers' order, whatever the rows' order: "Axe 1" is the contract's axe 1.
    const axes = await axesDe(contratId);
    expect(axes.map((a: any) => [a.numero, a.intitule, a.objectifs.map((o: any) => o.intitule)])).toEqual([
      [1, 'Axe 1', ['1.1']],
      [2, 'Axe 2', []],
      [3, 'Axe 3', []],
    ]);
    const fiches = await fichesDe(contratId);
    expect(fiches.find((f) => f.numero === 7)).toMatchObject({ intitule: 'Fiche action 7', axe: { numero: 2, intitule: 'Axe 2' } });
    expect(fiches.find((f) => f.intitule === 'Accueillir des internes')).toMatchObject({
      axe: { intitule: 'Axe 1' },
      objectif: { intitule: '1.1' },
    });

    const encore = await importer(coordination, contratId, fichier, 'axes.xlsx');
    expect(encore.body).toMatchObject({ axesCrees: [], objectifsCrees: [], resume: { crees: 0, misAJour: 0, inchanges: 4, rejetes: 0 } });
    // Its TeT export ("1. Axe 1") reads back to the same axes.
    const x = await telecharger(coordination, `/api/contrats/${contratId}/plan.xlsx?format=tet`);
    const retour = await importer(coordination, contratId, x.contenu, 'tet.xlsx');
    expect(retour.body).toMatchObject({ axesCrees: [], resume: { crees: 0, misAJour: 0, inchanges: 4, rejetes: 0 } });
  });

  it('mêle actions avec et sans sous-actions ; une action donnée seulement par ses sous-actions est créée une fois ; tout ou rien', async () => {
    const contratId = await nouveauContrat();
    const lignes: Ligne[] = [
      { 'Axe (x)': AXE, "Titre de l'action": 'Sans sous-action A', 'Statut ': 'À venir' },
      {
        'Axe (x)': AXE,
        "Titre de l'action": 'Seulement par ses sous-actions',
        'Titre de la sous-action': 'Étape un',
        'Statut ': 'Réalisé',
      },
      { 'Axe (x)': AXE, "Titre de l'action": 'Avec sous-actions', 'Titre de la sous-action': 'Première' },
      { 'Axe (x)': AXE, "Titre de l'action": 'Sans sous-action B', Descriptif: 'Rien de plus' },
      {
        'Axe (x)': AXE,
        "Titre de l'action": 'Seulement par ses sous-actions',
        'Titre de la sous-action': 'Étape deux',
        'Statut ': 'Statut inventé',
      },
      { 'Axe (x)': AXE, "Titre de l'action": 'Avec sous-actions', 'Statut ': 'En cours', "Etapes de l'action": 'Préparer\nPremière' },
    ];
    const avant = await nombreFichesEnBase();
    const refuse = await importer(coordination, contratId, await classeurTet(lignes), 'mixte.xlsx');
    expect(refuse.status).toBe(422);
    expect(refuse.type).toMatch(/application\/problem\+json/);
    const rapport = refuse.body.rapport;
    expect(rapport.applique).toBe(false);
    expect(rapport.lignes.filter((l: any) => l.statut === 'rejete').map((l: any) => [l.ligne, l.sousAction, l.raison])).toEqual([
      [5, 'Étape un', 'fiche non importée : ligne 8 rejetée'],
      [8, 'Étape deux', expect.stringMatching(/^Statut : « Statut inventé » inconnu \(attendu : .*\) \(sous-action « Étape deux »\)$/)],
    ]);
    expect(refuse.body.detail).toMatch(/Ligne 8 — Statut : « Statut inventé » inconnu/);
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await axesDe(contratId)).toEqual([]);

    lignes[4]['Statut '] = 'En pause';
    const fichier = await classeurTet(lignes);
    const r = await importer(coordination, contratId, fichier, 'mixte.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.resume).toEqual({ crees: 4, misAJour: 0, inchanges: 0, rejetes: 0, sousActions: 3 });
    const fiches = await fichesDe(contratId);
    expect(fiches.map((f) => [f.numero, f.intitule, f.statut, f.etapes.map((e: any) => [e.libelle, e.statut ?? null])])).toEqual([
      [1, 'Sans sous-action A', 'a_venir', []],
      // Created once, from its two rows, with the title and axe they repeat and nothing else of its own.
      [
        2,
        'Seulement par ses sous-actions',
        'a_venir',
        [
          ['Étape un', 'realisee'],
          ['Étape deux', 'en_pause'],
        ],
      ],
      // Its own row comes last; an étape of its column that is also a sub-action is that sub-action.
      [
        3,
        'Avec sous-actions',
        'en_cours',
        [
          ['Préparer', null],
          ['Première', null],
        ],
      ],
      [4, 'Sans sous-action B', 'a_venir', []],
    ]);
    expect(fiches.every((f) => f.axe?.intitule === 'Santé mentale')).toBe(true);

    const encore = await importer(coordination, contratId, fichier, 'mixte.xlsx');
    expect(encore.body.resume).toEqual({ crees: 0, misAJour: 0, inchanges: 4, rejetes: 0, sousActions: 3 });

    // A sub-action row changed: its fiche is updated, the others are not.
    lignes[1]['Date de fin'] = date('2027-12-31');
    const modifie = await importer(coordination, contratId, await classeurTet(lignes), 'mixte.xlsx');
    expect(modifie.body.resume).toEqual({ crees: 0, misAJour: 1, inchanges: 3, rejetes: 0, sousActions: 3 });
    expect((await fichesDe(contratId)).find((f) => f.numero === 2).etapes[0]).toEqual({
      libelle: 'Étape un',
      statut: 'realisee',
      fin: '2027-12-31',
    });

    // Round trip through TeT's export: same fiches, same sub-actions.
    const x = await telecharger(coordination, `/api/contrats/${contratId}/plan.xlsx?format=tet`);
    const autre = await nouveauContrat();
    expect((await importer(coordination, autre, x.contenu, 'tet.xlsx')).body.resume).toMatchObject({ crees: 4, sousActions: 4 });
    const essentiel = (f: any) => ({ numero: f.numero, intitule: f.intitule, statut: f.statut, etapes: f.etapes, axe: f.axe?.intitule });
    expect((await fichesDe(autre)).map(essentiel)).toEqual((await fichesDe(contratId)).map(essentiel));
  });

  it('refuse une sous-action sans titre d’action, en le disant', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(
      coordination,
      contratId,
      await classeurTet([{ 'Axe (x)': AXE, 'Titre de la sous-action': 'Orpheline' }]),
      'orpheline.xlsx',
    );
    expect(r.status).toBe(422);
    expect(r.body.rapport.lignes).toEqual([
      expect.objectContaining({
        ligne: 4,
        statut: 'rejete',
        raison: "Titre de l'action : titre de l’action manquant pour la sous-action « Orpheline »",
      }),
    ]);
  });
});
