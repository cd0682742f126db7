import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Real-looking DHIS2 UIDs (11 characters, a letter first), as an ARS instance has them.
const DE_MG = 'fbfJHSPpUQD';
const DE_SUIVI = 'cYeuwXTCPkU';
const COC_DEFAUT = 'HllvX50cXC0';
const OU_REDON = 'DiszpKrYNg8';
const OU_COMMUNE = 'ImspTQPwCqd';
const CODE = 'dhis2_suivi_test';

let serveur: ServeurDeTest;
let ars: ClientHttp;
let arsPdl: ClientHttp;
let lecteur: ClientHttp;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [ars, arsPdl, lecteur] = [serveur.client(), serveur.client(), serveur.client()];
  await ars.connecter(DEMO.ars);
  await arsPdl.connecter(DEMO.arsPaysDeLaLoire);
  await lecteur.connecter(DEMO.lecteur);
  const cree = await ars.post('/api/indicateurs', {
    code: CODE,
    libelle: 'Personnes accompagnées (suivi DHIS2)',
    famille: 'Démographie',
    unite: 'personnes',
    facteur: 1,
    polarite: 'neutre',
    methodeAgregation: 'somme',
  });
  expect(cree.status).toBe(201);
});
afterAll(() => serveur.fermer());

const importer = (client: ClientHttp, valeurs: object[], options: object = {}, dryRun = false) =>
  client.multipart(`/api/indicateurs/valeurs/import?dryRun=${dryRun}`, {
    fichier: { nom: 'dataValueSets.json', contenu: JSON.stringify({ dataValues: valeurs }) },
    options: JSON.stringify({ source: 'DHIS2 ARS', ...options }),
  });

const compter = async (source: string) =>
  (await serveur.ctx.db.query('select count(*)::int n from valeurs where source = $1', [source])).rows[0].n as number;

const MAPPING = {
  elements: [
    { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, indicateur: 'effectif_mg' },
    { dataElement: DE_SUIVI, indicateur: CODE },
  ],
  unites: [
    { orgUnit: OU_REDON, territoireType: 'epci', territoireCode: '243500741' },
    { orgUnit: OU_COMMUNE, territoireType: 'commune', territoireCode: '35236' },
  ],
};

describe('correspondance DHIS2 d’une région', () => {
  it('refuse les saisies invalides en nommant le champ, en français', async () => {
    const uid = await ars.put('/api/dhis2/correspondances/53', {
      version: 0,
      elements: [{ dataElement: 'fbf-JHSPpUQ', indicateur: 'effectif_mg' }],
      unites: [],
    });
    expect(uid.status).toBe(400);
    expect(uid.body.erreurs).toContainEqual({
      champ: 'elements.0.dataElement',
      message: expect.stringContaining('Identifiant DHIS2 attendu'),
    });

    const inconnus = await ars.put('/api/dhis2/correspondances/53', {
      version: 0,
      elements: [{ dataElement: DE_MG, indicateur: 'pas_au_catalogue' }],
      unites: [{ orgUnit: OU_REDON, territoireType: 'epci', territoireCode: '999999999' }],
    });
    expect(inconnus.status).toBe(400);
    expect(inconnus.body.detail).toContain('Correspondance DHIS2 refusée');
    expect(inconnus.body.erreurs).toEqual([
      { champ: 'elements.0.indicateur', message: 'Indicateur inconnu du catalogue : « pas_au_catalogue »' },
      { champ: 'unites.0.territoireCode', message: 'Territoire inconnu du référentiel : epci 999999999' },
    ]);

    const doublons = await ars.put('/api/dhis2/correspondances/53', {
      version: 0,
      elements: [],
      unites: [
        { orgUnit: OU_REDON, territoireType: 'epci', territoireCode: '243500741' },
        { orgUnit: OU_REDON, territoireType: 'commune', territoireCode: '35236' },
      ],
    });
    expect(doublons.status).toBe(400);
    expect(doublons.body.erreurs).toContainEqual({
      champ: 'unites.1.orgUnit',
      message: 'Cette orgUnit est déjà reliée (déjà à la ligne 1)',
    });
    expect((await ars.get('/api/dhis2/correspondances/53')).body).toMatchObject({ version: 0, elements: [], unites: [] });
  });

  it('l’ARS de la région l’enregistre, la relit, et une version périmée est refusée', async () => {
    expect((await arsPdl.put('/api/dhis2/correspondances/53', { version: 0, ...MAPPING })).status).toBe(403);
    expect((await lecteur.get('/api/dhis2/correspondances/53')).status).toBe(403);
    const r = await ars.put('/api/dhis2/correspondances/53', { version: 0, ...MAPPING });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      regionCode: '53',
      version: 1,
      elements: [
        { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, indicateur: 'effectif_mg' },
        { dataElement: DE_SUIVI, categoryOptionCombo: null, indicateur: CODE, indicateurLibelle: 'Personnes accompagnées (suivi DHIS2)' },
      ],
      unites: [
        { orgUnit: OU_REDON, territoireType: 'epci', territoireCode: '243500741' },
        { orgUnit: OU_COMMUNE, territoireType: 'commune', territoireCode: '35236', territoireNom: 'Redon' },
      ],
    });
    const perimee = await ars.put('/api/dhis2/correspondances/53', { version: 0, ...MAPPING });
    expect(perimee.status).toBe(409);
    expect((await ars.get('/api/dhis2/correspondances/53')).body.version).toBe(1);
    const audit = await serveur.ctx.db.query(
      `select count(*)::int n from audit_evenements where entite_type = 'correspondance_dhis2' and entite_id = '53'`,
    );
    expect(audit.rows[0].n).toBe(1);
  });
});

describe('import d’un dataValueSet DHIS2 par la correspondance', () => {
  it('range les valeurs sous l’indicateur et le territoire, avec la bonne période', async () => {
    const valeurs = [
      { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_REDON, period: '2031', value: '41' },
      { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_COMMUNE, period: '2031Q1', value: '12' },
      { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_COMMUNE, period: '203102', value: '11' },
      { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_COMMUNE, period: '2031S2', value: '13' },
    ];
    const essai = await importer(ars, valeurs, { source: 'DHIS2 essai' }, true);
    expect(essai.status).toBe(200);
    expect(essai.body).toMatchObject({ dryRun: true, applique: false, valeursValides: 4, rejetees: 0 });
    expect(await compter('DHIS2 essai')).toBe(0);

    const r = await importer(ars, valeurs, { source: 'DHIS2 mappé' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: 'dhis2', mode: 'dhis2', applique: true, creees: 4, indicateurs: ['effectif_mg'] });
    const { rows } = await serveur.ctx.db.query(
      `select territoire_type as type, territoire_code as code, periode, periode_debut as debut, periode_fin as fin, valeur::float as valeur
       from valeurs where source = 'DHIS2 mappé' and indicateur_code = 'effectif_mg' order by periode`,
    );
    expect(rows).toEqual([
      { type: 'epci', code: '243500741', periode: '2031', debut: 2031, fin: 2031, valeur: 41 },
      { type: 'commune', code: '35236', periode: '2031-02', debut: 2031, fin: 2031, valeur: 11 },
      { type: 'commune', code: '35236', periode: '2031-S2', debut: 2031, fin: 2031, valeur: 13 },
      { type: 'commune', code: '35236', periode: '2031-T1', debut: 2031, fin: 2031, valeur: 12 },
    ]);
  });

  it('refuse tout le fichier et liste chaque identifiant sans correspondance avec ses lignes', async () => {
    const valeurs = [
      { dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_REDON, period: '2032', value: '40' },
      { dataElement: 'Uvn6LCg7dVU', categoryOptionCombo: COC_DEFAUT, orgUnit: OU_REDON, period: '2032', value: '3' },
      { dataElement: DE_MG, categoryOptionCombo: 'rQLFnNXXIL0', orgUnit: 'O6uvpzGd5pu', period: '2032', value: '5' },
      { dataElement: 'Uvn6LCg7dVU', categoryOptionCombo: COC_DEFAUT, orgUnit: 'O6uvpzGd5pu', period: '2032W05', value: '4' },
    ];
    const r = await importer(ars, valeurs, { source: 'DHIS2 incomplet' });
    expect(r.status).toBe(422);
    expect(r.body.rapport).toMatchObject({ applique: false, rejetees: 3, valeursValides: 1 });
    expect(r.body.rapport.nonCorrespondants).toEqual([
      { nature: 'dataElement', identifiant: 'Uvn6LCg7dVU', categoryOptionCombo: COC_DEFAUT, lignes: [2, 4] },
      { nature: 'dataElement', identifiant: DE_MG, categoryOptionCombo: 'rQLFnNXXIL0', lignes: [3] },
      { nature: 'orgUnit', identifiant: 'O6uvpzGd5pu', lignes: [3, 4] },
      { nature: 'period', identifiant: '2032W05', lignes: [4] },
    ]);
    expect(r.body.rapport.rejets[0]).toEqual({
      ligne: 2,
      raison: `DHIS2 : dataElement « Uvn6LCg7dVU » (categoryOptionCombo « ${COC_DEFAUT} ») sans correspondance. Complétez la correspondance DHIS2 de la région.`,
    });
    expect(await compter('DHIS2 incomplet')).toBe(0);

    // The preview lists them too, before anything is sent.
    const apercu = await ars.multipart('/api/indicateurs/valeurs/apercu', {
      fichier: { nom: 'dataValueSets.json', contenu: JSON.stringify({ dataValues: valeurs }) },
      options: '{}',
    });
    expect(apercu.status).toBe(200);
    expect(apercu.body.nonCorrespondants).toHaveLength(4);
  });

  it('une ARS d’une autre région ne lit pas les identifiants avec la correspondance bretonne', async () => {
    const valeurs = [{ dataElement: DE_MG, categoryOptionCombo: COC_DEFAUT, orgUnit: OU_REDON, period: '2033', value: '40' }];
    const sienne = await importer(arsPdl, valeurs, { source: 'DHIS2 PDL' });
    expect(sienne.status).toBe(422);
    expect(sienne.body.rapport.nonCorrespondants.map((n: { nature: string }) => n.nature)).toEqual(['dataElement', 'orgUnit']);
    expect((await importer(arsPdl, valeurs, { source: 'DHIS2 PDL', regionDhis2: '53' })).status).toBe(403);
    expect(await compter('DHIS2 PDL')).toBe(0);
  });
});

describe('export du suivi en dataValueSet DHIS2', () => {
  let contratId: string;
  let nonPublie: string;
  beforeAll(async () => {
    const db = serveur.ctx.db;
    const c = await db.query(`select id from contrats where intitule = 'Contrat local de santé du Pays de Redon-Bretagne Sud'`);
    contratId = c.rows[0].id;
    // Unpublished and outside Bretagne: the Breton ARS does not read it.
    nonPublie = (await db.query(`select id from contrats where not publie and not ('53' = any(regions)) order by intitule limit 1`)).rows[0]
      .id;
    const f = await db.query('select id from fiches where contrat_id = $1 limit 1', [contratId]);
    const ajouter = async (libelle: string, catalogue: string | null) =>
      (
        await db.query(
          `insert into indicateurs_suivi (fiche_id, contrat_id, libelle, type, indicateur_diagnostic) values ($1, $2, $3, 'resultat', $4) returning id`,
          [f.rows[0].id, contratId, libelle, catalogue],
        )
      ).rows[0].id as string;
    const relie = await ajouter('Personnes accompagnées', CODE);
    const libre = await ajouter('Réunions tenues', null);
    for (const [indicateur, periode, valeur, etat] of [
      [relie, '2024', 120, 'valide'],
      [relie, '2025-S1', 64.5, 'valide'],
      [relie, '2025-T3', 30, 'valide'],
      [relie, '2026', 99, 'soumis'],
      [libre, '2024', 6, 'valide'],
    ] as const)
      await db.query('insert into valeurs_suivi (indicateur_id, periode, valeur, etat) values ($1, $2, $3, $4)', [
        indicateur,
        periode,
        valeur,
        etat,
      ]);
  });

  it('écrit les valeurs validées par la correspondance et liste ce qu’elle ne sait pas écrire', async () => {
    const r = await ars.get(`/api/contrats/${contratId}/suivi.dhis2.json`);
    expect(r.status).toBe(200);
    expect(r.body.dataValues).toEqual([
      { dataElement: DE_SUIVI, orgUnit: OU_REDON, period: '2024', value: '120' },
      { dataElement: DE_SUIVI, orgUnit: OU_REDON, period: '2025S1', value: '64.5' },
      { dataElement: DE_SUIVI, orgUnit: OU_REDON, period: '2025Q3', value: '30' },
    ]);
    expect(r.body.nonExportees).toEqual([
      {
        indicateur: 'Réunions tenues',
        periode: null,
        raison: 'Cet indicateur de suivi n’est relié à aucun indicateur du catalogue : reliez-le dans la fiche pour l’exporter.',
      },
    ]);
    // Who reads the follow-up exports it: anyone for a published contract, nobody outside an unpublished one.
    expect((await serveur.client().get(`/api/contrats/${contratId}/suivi.dhis2.json`)).body).toEqual(r.body);
    expect((await serveur.client().get(`/api/contrats/${nonPublie}/suivi.dhis2.json`)).status).toBe(401);
    expect((await ars.get(`/api/contrats/${nonPublie}/suivi.dhis2.json`)).status).toBe(404);
    // Redon is in two regions: the Pays de la Loire's mapping, asked for, has none of these identifiers.
    const autre = await ars.get(`/api/contrats/${contratId}/suivi.dhis2.json?region=52`);
    expect(autre.body.dataValues).toEqual([]);
    expect(autre.body.nonExportees[0].raison).toBe(
      'Le territoire epci 243500741 n’a pas d’orgUnit dans la correspondance DHIS2 de la région 52.',
    );
    const horsRegion = await ars.get(`/api/contrats/${contratId}/suivi.dhis2.json?region=84`);
    expect(horsRegion.status).toBe(400);
    expect(horsRegion.body.detail).toContain('region');
  });

  it('aller-retour : l’export réimporté avec la même correspondance donne les mêmes valeurs', async () => {
    const exporte = (await ars.get(`/api/contrats/${contratId}/suivi.dhis2.json`)).body;
    const r = await ars.multipart('/api/indicateurs/valeurs/import', {
      fichier: { nom: 'suivi.dhis2.json', contenu: JSON.stringify(exporte) },
      options: JSON.stringify({ source: 'DHIS2 aller-retour' }),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, creees: 3 });
    const { rows } = await serveur.ctx.db.query(
      `select indicateur_code as indicateur, territoire_type || ':' || territoire_code as territoire, periode, valeur::float as valeur
       from valeurs where source = 'DHIS2 aller-retour' order by periode`,
    );
    expect(rows).toEqual([
      { indicateur: CODE, territoire: 'epci:243500741', periode: '2024', valeur: 120 },
      { indicateur: CODE, territoire: 'epci:243500741', periode: '2025-S1', valeur: 64.5 },
      { indicateur: CODE, territoire: 'epci:243500741', periode: '2025-T3', valeur: 30 },
    ]);
    // The same as the follow-up's validated values, period by period.
    const suivi = await serveur.ctx.db.query(
      `select v.periode, v.valeur::float as valeur from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id
       where i.contrat_id = $1 and i.indicateur_diagnostic = $2 and v.etat = 'valide' order by v.periode`,
      [contratId, CODE],
    );
    expect(rows.map((v) => ({ periode: v.periode, valeur: v.valeur }))).toEqual(suivi.rows);
  });
});
