import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Issue 19, item 5: files of Santé publique France (Odissé) and INSEE, mapped, secret cells kept secret (never 0).

let serveur: ServeurDeTest;
let ars: ClientHttp;

const BOM = '\ufeff';

async function envoyer(chemin: string, nom: string, contenu: Buffer | string, options: object = {}) {
  const formulaire = new FormData();
  formulaire.append('options', JSON.stringify(options));
  formulaire.append('fichier', new Blob([contenu]), nom);
  const r = await fetch(`${serveur.url}${chemin}`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}
const apercu = (nom: string, contenu: Buffer | string, options: object = {}) =>
  envoyer('/api/indicateurs/valeurs/apercu', nom, contenu, options);
const importer = (nom: string, contenu: Buffer | string, options: object, dryRun = false) =>
  envoyer(`/api/indicateurs/valeurs/import?dryRun=${dryRun}`, nom, contenu, options);

const stockees = async (indicateur: string) =>
  (
    await serveur.ctx.db.query(
      `select territoire_type as type, territoire_code as code, periode, nature, valeur::float as v from valeurs
       where indicateur_code = $1 order by periode, territoire_type, territoire_code`,
      [indicateur],
    )
  ).rows;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
  const base = { famille: 'Démographie', facteur: 1, polarite: 'neutre', methodeAgregation: 'somme', denombrement: true };
  for (const [code, libelle, unite] of [
    ['cas_meningocoque_test', 'Cas d’infection invasive à méningocoque', 'cas'],
    ['population_65_plus_test', 'Population de 65 ans ou plus', 'habitants'],
    ['actifs_15_64_test', 'Actifs de 15 à 64 ans', 'actifs'],
  ]) {
    const r = await ars.post('/api/indicateurs', { ...base, code, libelle, unite });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(() => serveur.fermer());

/** An Odissé export as downloaded: BOM, commas, labels as headers, France's total as code 0. */
const ODISSE = [
  `${BOM}Année,Département,Département Code,Méningocoque,Nombre de cas,Population`,
  '2021,Ille-et-Vilaine,35,Tous types,12,1094000',
  '2021,Morbihan,56,Tous types,,759000',
  '2021,Loire-Atlantique,44,Tous types,s,1437000',
  '2021,Mayenne,53,Tous types,nd,307000',
  '2021,France entière,0,Tous types,310,67400000',
].join('\r\n');
const OPTIONS_ODISSE = {
  odisse: { territoire: 'Département Code', periode: 'Année', colonnes: { 'Nombre de cas': 'cas_meningocoque_test' } },
};

describe('fichier Odissé (Santé publique France)', () => {
  it('CSV avec BOM et virgules : reconnu, colonnes proposées, cellules vides, « s » et « nd » gardées sous secret, jamais 0', async () => {
    const a = await apercu('infection-invasive-a-meningocoque-notifications.csv', ODISSE);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toMatchObject({ format: 'csv', encodage: 'UTF-8 (avec BOM)', separateur: ',', mode: 'odisse' });
    // The BOM is not part of the first header.
    expect(a.body.entetes[0]).toBe('Année');
    expect(a.body.profil).toMatchObject({
      type: 'odisse',
      territoire: 'Département Code',
      territoireType: 'departement',
      periode: 'Année',
    });
    expect(a.body.profil.colonnesValeurs.map((c: any) => c.entete)).toEqual(['Nombre de cas', 'Population']);

    const r = await importer('meningocoque.csv', ODISSE, OPTIONS_ODISSE);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ mode: 'odisse', applique: true, lignesLues: 5, valeursValides: 5, rejetees: 0, secrets: 3, creees: 5 });
    expect(r.body.colonnesIgnorees).toEqual(['Département', 'Méningocoque', 'Population']);
    expect(await stockees('cas_meningocoque_test')).toEqual([
      { type: 'departement', code: '35', periode: '2021', nature: 'exacte', v: 12 },
      { type: 'departement', code: '44', periode: '2021', nature: 'masquee', v: null },
      { type: 'departement', code: '53', periode: '2021', nature: 'masquee', v: null },
      { type: 'departement', code: '56', periode: '2021', nature: 'masquee', v: null },
      { type: 'france', code: 'FRA', periode: '2021', nature: 'exacte', v: 310 },
    ]);
    // Shown masked, as the diagnostic shows any secret value.
    const vues = await ars.get('/api/diagnostics/valeurs?indicateur=cas_meningocoque_test&type=departement');
    expect(vues.status).toBe(200);
    const parCode = Object.fromEntries(vues.body.valeurs.map((v: any) => [v.territoire.code, v.valeur]));
    expect(parCode['56']).toMatchObject({ nature: 'masquee', texte: 'secret statistique' });
    expect(parCode['44']).toMatchObject({ nature: 'masquee', texte: 'secret statistique' });
    expect(parCode['56'].valeur).toBeUndefined();
    expect(parCode['35']).toMatchObject({ nature: 'exacte', valeur: 12 });
  });

  it('colonne indicateur : un texte sans correspondance refuse tout l’import, ligne nommée', async () => {
    const csv = [`${BOM}annee,code_dep,indicateur,valeur`, '2019,35,Cas notifiés,4', '2019,56,Cas déclarés,2'].join('\n');
    const options = {
      odisse: {
        territoire: 'code_dep',
        territoireType: 'departement',
        periode: 'annee',
        indicateur: 'indicateur',
        valeur: 'valeur',
        indicateurs: { 'Cas notifiés': 'cas_meningocoque_test' },
      },
    };
    // An indicator and a value column: the usual long reading stays the default, Odissé's is offered.
    const a = await apercu('odisse-long.csv', csv);
    expect(a.body).toMatchObject({ mode: 'long', profil: { type: 'odisse', indicateur: 'indicateur', valeur: 'valeur' } });
    const r = await importer('odisse-long.csv', csv, options);
    expect(r.status).toBe(422);
    expect(r.body.rapport.rejets).toEqual([
      {
        ligne: 3,
        raison: 'Indicateur « Cas déclarés » (colonne « indicateur ») sans correspondance : associez-le à un indicateur du catalogue.',
      },
    ]);
    expect((await stockees('cas_meningocoque_test')).filter((v: any) => v.periode === '2019')).toEqual([]);
  });
});

/** An INSEE wide file (base communale), as a real workbook: CODGEO, LIBGEO, variables; a numeric code lost its 0. */
async function classeurInsee(lignes: (string | number | null)[][]) {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet('COM');
  feuille.addRow(['CODGEO', 'LIBGEO', 'P21_POP', 'P21_POP65P', 'C21_ACT1564', 'P15_POP']);
  for (const l of lignes) feuille.addRow(l);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}
const OPTIONS_INSEE = {
  insee: {
    colonnes: {
      P21_POP: { indicateur: 'population', periode: '2021' },
      P21_POP65P: { indicateur: 'population_65_plus_test', periode: '2021' },
      C21_ACT1564: { indicateur: 'actifs_15_64_test', periode: '2021' },
    },
  },
};

describe('fichier large de l’INSEE', () => {
  it('XLSX : période proposée d’après le préfixe, trois variables vers trois indicateurs, secret gardé, LIBGEO ignoré', async () => {
    const contenu = await classeurInsee([
      ['35236', 'Redon', 9336, 2301, 3900, 9100],
      ['56001', 'Allaire', 3950, 'nd', 1800, 3800],
      [1001, 'L’Abergement-Clémenciat', 832, '', 'NA', 790],
    ]);
    const a = await apercu('base-cc-evol-struct-pop-2021.xlsx', contenu);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.mode).toBe('insee');
    expect(a.body.profil).toEqual({
      type: 'insee',
      territoire: 'CODGEO',
      variables: [
        { entete: 'P21_POP', periode: '2021', indicateur: 'population' },
        { entete: 'P21_POP65P', periode: '2021', indicateur: null },
        { entete: 'C21_ACT1564', periode: '2021', indicateur: null },
        { entete: 'P15_POP', periode: '2015', indicateur: 'population' },
      ],
    });

    const r = await importer('base-cc.xlsx', contenu, OPTIONS_INSEE);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      mode: 'insee',
      format: 'xlsx',
      applique: true,
      lignesLues: 3,
      valeursValides: 9,
      secrets: 2,
      manquantes: 1,
    });
    expect(r.body.indicateurs).toEqual(['actifs_15_64_test', 'population', 'population_65_plus_test']);
    expect(r.body.colonnesIgnorees).toEqual(['LIBGEO', 'P15_POP']);
    expect((await stockees('population')).filter((v: any) => v.periode === '2021')).toEqual([
      { type: 'commune', code: '01001', periode: '2021', nature: 'exacte', v: 832 },
      { type: 'commune', code: '35236', periode: '2021', nature: 'exacte', v: 9336 },
      { type: 'commune', code: '56001', periode: '2021', nature: 'exacte', v: 3950 },
    ]);
    expect(await stockees('population_65_plus_test')).toEqual([
      { type: 'commune', code: '01001', periode: '2021', nature: 'masquee', v: null },
      { type: 'commune', code: '35236', periode: '2021', nature: 'exacte', v: 2301 },
      { type: 'commune', code: '56001', periode: '2021', nature: 'masquee', v: null },
    ]);
    expect(await stockees('actifs_15_64_test')).toEqual([
      { type: 'commune', code: '01001', periode: '2021', nature: 'manquante', v: null },
      { type: 'commune', code: '35236', periode: '2021', nature: 'exacte', v: 3900 },
      { type: 'commune', code: '56001', periode: '2021', nature: 'exacte', v: 1800 },
    ]);
  });

  it('commune inconnue et cellule illisible : tout l’import refusé, chaque ligne nommée avec sa raison, rien d’écrit', async () => {
    const csv = [
      'CODGEO;LIBGEO;P21_POP;P21_POP65P;C21_ACT1564',
      '35236;Redon;9400;2310;3950',
      '35999;Inconnue;10;2;3',
      '56001;Allaire;abc;900;1810',
    ].join('\n');
    const avant = await stockees('population');
    const r = await importer('insee-faux.csv', csv, OPTIONS_INSEE);
    expect(r.status).toBe(422);
    expect(r.body.detail).toContain('rien n’a été importé');
    expect(r.body.rapport).toMatchObject({ applique: false, rejetees: 2 });
    expect(r.body.rapport.rejets).toEqual([
      { ligne: 3, raison: 'Territoire inconnu du référentiel : commune 35999.' },
      { ligne: 4, raison: 'Valeur illisible pour population (colonne « P21_POP ») : « abc ».' },
    ]);
    expect(await stockees('population')).toEqual(avant);
  });

  it('une colonne de la correspondance absente du fichier, ou un indicateur inconnu : refus nommant la colonne', async () => {
    const csv = 'CODGEO;LIBGEO;P21_POP\n35236;Redon;9400';
    const absente = await importer('insee.csv', csv, {
      insee: {
        colonnes: { P21_POP: { indicateur: 'population', periode: '2021' }, P21_POP65P: { indicateur: 'population', periode: '2021' } },
      },
    });
    expect(absente.status).toBe(400);
    expect(absente.body.detail).toContain('Colonne « P21_POP65P » absente du fichier');
    const inconnu = await importer('insee.csv', csv, {
      insee: { colonnes: { P21_POP: { indicateur: 'pop_inexistante', periode: '2021' } } },
    });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.detail).toContain('Indicateur inconnu du catalogue : « pop_inexistante » (colonne « P21_POP »)');
  });

  it('essai (dryRun) : le même rapport, rien d’enregistré', async () => {
    const csv = ['CODGEO;LIBGEO;P21_POP;P21_POP65P;C21_ACT1564', '35236;Redon;9999;s;3999'].join('\n');
    const avant = await stockees('population');
    const imports = (await serveur.ctx.db.query('select count(*)::int as n from imports_valeurs')).rows[0].n;
    const r = await importer('insee-essai.csv', csv, OPTIONS_INSEE, true);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, applique: false, valeursValides: 3, secrets: 1, modifiees: 3, importId: null });
    expect(await stockees('population')).toEqual(avant);
    expect((await serveur.ctx.db.query('select count(*)::int as n from imports_valeurs')).rows[0].n).toBe(imports);
  });
});
