import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Issue 13, item 1: no false number. Lower bounds rounded down, upper bounds up, one text for both; counts are whole
// numbers; an empty aggregate says why.

let serveur: ServeurDeTest;
let ars: ClientHttp;
let communes: { code: string; nom: string; population: number }[];
const REDON = '243500741';

async function importer(contenu: string, options: object = { tiret: 'secret' }) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([contenu]), 'valeurs.csv');
  formulaire.append('options', JSON.stringify(options));
  const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/import`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

const ENTETE = 'indicateur;territoire_type;territoire_code;periode;valeur;source';

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
  communes = (await ars.get(`/api/territoires/epci/${REDON}`)).body.membres;
  const base = { famille: 'Offre de soins', facteur: 1, polarite: 'favorable' };
  // A sum that is not a count (full-time equivalents may be 0,5), and a weighted mean published in classes.
  for (const indicateur of [
    {
      ...base,
      code: 'etp_medecins_test',
      libelle: 'Équivalents temps plein de médecins',
      unite: 'ETP',
      methodeAgregation: 'somme',
      denombrement: false,
    },
    {
      ...base,
      code: 'indice_classes_test',
      libelle: 'Indice publié par classes',
      unite: 'indice',
      methodeAgregation: 'moyenne_ponderee',
      polarite: 'neutre',
    },
  ]) {
    const r = await ars.post('/api/indicateurs', indicateur);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  // Redon's communes: 2023, one at 9,5 ETP and one under secret; 2024, one at 1 249,5 and one under secret. Classes
  // [10,25 à 10,75] everywhere for the index.
  const [premiere, seconde] = communes;
  const lignes = [
    ENTETE,
    `etp_medecins_test;commune;${premiere.code};2023;9,5;Test arrondis`,
    `etp_medecins_test;commune;${seconde.code};2023;s;Test arrondis`,
    `etp_medecins_test;commune;${premiere.code};2024;1 249,5;Test arrondis`,
    `etp_medecins_test;commune;${seconde.code};2024;s;Test arrondis`,
    ...communes.map((c) => `indice_classes_test;commune;${c.code};2023;[10,25 à 10,75];Test arrondis`),
  ];
  const r = await importer(lignes.join('\n'));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
});
afterAll(() => serveur.fermer());

const agregat = (indicateur: string, territoires: string, periode?: string) =>
  ars.get(`/api/diagnostics/agregat?indicateur=${indicateur}&territoires=${territoires}${periode ? `&periode=${periode}` : ''}`);

describe('bornes arrondies du côté sûr (issue 13, 1.1)', () => {
  it('écrit « au moins 9 » pour 9,5 et « au moins 1 249 » pour 1 249,5, la raison gardant la valeur exacte', async () => {
    const r2023 = await agregat('etp_medecins_test', `epci:${REDON}`, '2023');
    expect(r2023.body.resultat.valeur).toMatchObject({ nature: 'borne_inferieure', texte: 'au moins 9' });
    expect(r2023.body.resultat.valeur.raison).toMatch(/^Au moins 9,5 : /);
    expect(r2023.body.resultat.partiel.texte).toBe('au moins 9');
    const r2024 = await agregat('etp_medecins_test', `epci:${REDON}`, '2024');
    expect(r2024.body.resultat.valeur.texte).toBe('au moins 1\u00a0249');
    expect(r2024.body.resultat.valeur.raison).toMatch(/^Au moins 1\u00a0249,5 : /);
    expect(r2024.body.serie.map((s: any) => s.partiel.texte)).toEqual(['au moins 9', 'au moins 1\u00a0249']);
  });

  it('élargit un intervalle calculé : borne basse arrondie vers le bas, borne haute vers le haut', async () => {
    const r = await agregat('indice_classes_test', `epci:${REDON}`, '2023');
    expect(r.body.resultat.valeur).toMatchObject({ nature: 'intervalle', borneInf: 10.25, borneSup: 10.75 });
    // Rounded to the nearest, both bounds would read [10,3 à 10,8]: narrower than the truth.
    expect(r.body.resultat.valeur.texte).toBe('[10,2 à 10,8]');
  });

  it('écrit les mêmes bornes dans le rapport DOCX du diagnostic du contrat', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const docx = await coordination.telecharger(`/api/contrats/${cls2.id}/diagnostic.docx`);
    expect(docx.status).toBe(200);
    const texte = texteDocx(docx.corps).replace(/\s+/g, ' ');
    expect(texte).toContain('partiel : au moins 1 249 (');
    expect(texte).toContain('Au moins 1 249,5 : ');
    expect(texte).toContain('[10,2 à 10,8]');
    expect(texte).not.toContain('au moins 1 250');
  });
});

describe('un résultat vide dit pourquoi (issue 13, 1.3)', () => {
  it('un ratio sur l’EPCI de Redon plus une commune : resultat null, et une raison en français', async () => {
    const { rows } = await serveur.ctx.db.query(
      `select code from territoires where type = 'commune' and region_code = '53' and code not in (select commune_code from epci_membres where epci_code = $1) order by code limit 1`,
      [REDON],
    );
    const r = await agregat('densite_mg_liberaux', `epci:${REDON},commune:${rows[0].code}`);
    expect(r.status).toBe(200);
    expect(r.body.resultat).toBeNull();
    expect(r.body.raison).toBe(
      'Aucune commune de ce périmètre n’a de valeur pour cet indicateur : il n’est publié que pour CA Redon Agglomération (EPCI, 2019), ' +
        'et une valeur publiée pour un territoire ne s’additionne pas avec d’autres. Importez les valeurs des communes (avec numérateur et dénominateur pour un ratio) pour le calculer sur ce périmètre.',
    );
  });

  it('dit aussi pourquoi quand la période demandée n’a pas de valeur, ou quand l’indicateur ne s’agrège pas', async () => {
    const periode = await agregat('densite_mg_liberaux', `epci:${REDON}`, '2015');
    expect(periode.body.resultat).toBeNull();
    expect(periode.body.raison).toBe('Aucune valeur pour la période 2015 sur ce périmètre ; période disponible : 2019.');
    const standardise = await agregat('mortalite_generale_std', 'commune:35236,commune:35013');
    expect(standardise.body.resultat).toBeNull();
    expect(standardise.body.raison).toMatch(/^Cet indicateur n’est valide qu’au niveau où il est publié/);
    const present = await agregat('densite_mg_liberaux', `epci:${REDON}`);
    expect(present.body.resultat).not.toBeNull();
    expect(present.body.raison).toBeNull();
  });
});

describe('les effectifs sont des nombres entiers (issue 13, 1.2)', () => {
  it('déclare les effectifs de la démo comme dénombrements', async () => {
    const catalogue = (await ars.get('/api/indicateurs')).body as any[];
    const denombrements = catalogue.filter((i) => i.denombrement).map((i) => i.code);
    expect(denombrements).toEqual(
      expect.arrayContaining([
        'effectif_mg',
        'effectif_infirmiers',
        'effectif_masseurs_kinesitherapeutes',
        'effectif_orthophonistes',
        'population',
        'communes_sans_mg',
      ]),
    );
    expect(catalogue.find((i) => i.code === 'densite_mg_liberaux').denombrement).toBe(false);
    expect(catalogue.find((i) => i.code === 'etp_medecins_test').denombrement).toBe(false);
  });

  it('refuse à l’import un effectif décimal, ligne par ligne, et n’importe alors rien', async () => {
    const csv = [
      ENTETE,
      'effectif_mg;commune;35236;2030;12;Test entiers',
      'effectif_mg;commune;35013;2030;2.5;Test entiers',
      'effectif_infirmiers;commune;35236;2030;"1 234,5";Test entiers',
      'effectif_orthophonistes;commune;35236;2030;[2,5 à 5[;Test entiers',
      'etp_medecins_test;commune;35236;2030;2,5;Test entiers',
    ].join('\n');
    const r = await importer(csv);
    expect(r.status).toBe(422);
    expect(r.body.rapport.rejets).toEqual([
      {
        ligne: 3,
        raison:
          'Valeur décimale pour effectif_mg (Nombre de médecins généralistes (omnipraticiens)) : « 2.5 ». Cet indicateur compte des unités : sa valeur est un nombre entier.',
      },
      {
        ligne: 4,
        raison:
          'Valeur décimale pour effectif_infirmiers (Nombre d’infirmiers) : « 1 234,5 ». Cet indicateur compte des unités : sa valeur est un nombre entier.',
      },
      {
        ligne: 5,
        raison:
          'Valeur décimale pour effectif_orthophonistes (Nombre d’orthophonistes) : « [2,5 à 5[ ». Cet indicateur compte des unités : sa valeur est un nombre entier.',
      },
    ]);
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from valeurs where source = 'Test entiers'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuse de déclarer comme dénombrement un indicateur qui a déjà des valeurs décimales, en nommant le champ', async () => {
    const actuel = (await ars.get('/api/indicateurs/etp_medecins_test')).body;
    const { nombreValeurs, version, ...saisie } = actuel;
    const r = await ars.put('/api/indicateurs/etp_medecins_test', { ...saisie, denombrement: true, version });
    expect(r.status).toBe(400);
    expect(r.body.detail).toBe(
      'Cet indicateur a déjà 2 valeurs décimales (par exemple 9,5) : il ne peut être déclaré comme dénombrement sans les corriger.',
    );
    expect(r.body.erreurs).toEqual([{ champ: 'denombrement', message: 'Valeurs décimales existantes' }]);
  });
});
