import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let ars: ClientHttp;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
});
afterAll(() => serveur.fermer());

async function importer(client: ClientHttp, nom: string, contenu: Buffer | string, options: object = {}, dryRun = false) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([contenu]), nom);
  formulaire.append('options', JSON.stringify(options));
  const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/import?dryRun=${dryRun}`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

const agregat = (indicateur: string, territoires: string, periode?: string) =>
  ars.get(`/api/diagnostics/agregat?indicateur=${indicateur}&territoires=${territoires}${periode ? `&periode=${periode}` : ''}`);

describe('faits du diagnostic de Redon (fixtures)', () => {
  it('le catalogue contient les indicateurs des fixtures', async () => {
    const r = await ars.get('/api/indicateurs');
    expect(r.status).toBe(200);
    const codes = r.body.map((i: any) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['mortalite_generale_std', 'densite_mg_liberaux', 'effectif_mg', 'densite_mg', 'taux_pauvrete']),
    );
    expect(r.body.find((i: any) => i.code === 'effectif_mg')).toMatchObject({ methodeAgregation: 'somme', polarite: 'favorable' });
  });

  it('40 généralistes en additionnant les communes, 17 communes à « - », à côté de la valeur publiée pour l’EPCI', async () => {
    const communes = (await ars.get('/api/territoires/epci/243500741')).body.membres.map((c: any) => `commune:${c.code}`).join(',');
    const somme = await agregat('effectif_mg', communes, '2020');
    expect(somme.status).toBe(200);
    expect(somme.body.resultat).toMatchObject({
      origine: 'agregee',
      source: 'Rezone CPTS (31/12/2020)',
      tiret: 'zero',
      valeur: { nature: 'exacte', valeur: 40, texte: '40' },
    });
    expect(somme.body.resultat.valeur.couverture).toMatchObject({ communes: 31, renseignees: 31, masquees: 0 });
    const { rows } = await serveur.ctx.db.query(
      `select count(*)::int n from valeurs where indicateur_code = 'effectif_mg' and territoire_type = 'commune' and texte_publie = '-'`,
    );
    expect(rows[0].n).toBe(17);
    const publiee = await agregat('effectif_mg', 'epci:243500741', '2020');
    expect(publiee.body.resultat).toMatchObject({
      origine: 'publiee',
      valeur: { valeur: 40 },
      source: 'Insee, FNPS, CartoSanté (31/12/2020)',
    });
    // A count is shown beside France's but not compared with it.
    expect(publiee.body.comparaisons.find((c: any) => c.territoire.type === 'france_metro')).toMatchObject({
      valeur: { valeur: 58392 },
      ecart: null,
      sens: 'indetermine',
    });
    const parCommune = await ars.get('/api/diagnostics/communes?indicateur=effectif_mg&territoires=epci:243500741');
    expect(parCommune.body.periode).toBe('2020');
    expect(parCommune.body.communes).toHaveLength(31);
    expect(parCommune.body.communes.find((c: any) => c.nom === 'Redon')).toMatchObject({
      valeur: { nature: 'exacte', valeur: 13 },
      tiret: 'zero',
    });
  });

  it('lit les « - » de Rezone comme masqués pour les infirmiers et les kinés (jamais 0), garde les totaux publiés 66 et 42', async () => {
    const communes = (await ars.get('/api/territoires/epci/243500741')).body.membres.map((c: any) => `commune:${c.code}`).join(',');
    const { rows } = await serveur.ctx.db.query(
      `select indicateur_code as code, count(*) filter (where nature = 'masquee')::int masquees, count(*) filter (where nature = 'exacte' and valeur = 0)::int zeros
       from valeurs where territoire_type = 'commune' and source = 'Rezone CPTS (31/12/2020)' group by 1 order by 1`,
    );
    expect(rows).toEqual([
      { code: 'effectif_infirmiers', masquees: 11, zeros: 0 },
      { code: 'effectif_masseurs_kinesitherapeutes', masquees: 19, zeros: 0 },
      { code: 'effectif_mg', masquees: 0, zeros: 17 },
      { code: 'effectif_orthophonistes', masquees: 25, zeros: 0 },
    ]);
    // Over the communes: a lower bound, with its coverage, never an exact 60 or 39.
    for (const [code, somme, masquees] of [
      ['effectif_infirmiers', 60, 11],
      ['effectif_masseurs_kinesitherapeutes', 39, 19],
    ] as const) {
      const r = (await agregat(code, communes, '2020')).body.resultat;
      expect(r.valeur, code).toMatchObject({
        nature: 'borne_inferieure',
        texte: `au moins ${somme}`,
        couverture: { communes: 31, renseignees: 31 - masquees, masquees },
      });
      expect(r.partiel.couverture.texte, code).toBeTruthy();
      expect(r.tiret).toBe('secret');
    }
    // For the EPCI: the totals the annexe publishes, with their source, and beside them what the communes give.
    for (const [code, total, somme] of [
      ['effectif_infirmiers', 66, 60],
      ['effectif_masseurs_kinesitherapeutes', 42, 39],
    ] as const) {
      const r = (await agregat(code, 'epci:243500741', '2020')).body.resultat;
      expect(r, code).toMatchObject({
        origine: 'publiee',
        valeur: { nature: 'exacte', valeur: total },
        source: expect.stringMatching(/^cartosanté.*données SNDS 2021/),
      });
      expect(r.agregatCommunes.valeur, code).toMatchObject({ nature: 'borne_inferieure', texte: `au moins ${somme}` });
    }
    // GPs: the two published totals, 40 (CartoSanté) and 41 (the annexe's table by category), both with their source.
    const mg = (await agregat('effectif_mg', 'epci:243500741', '2020')).body.resultat;
    expect(mg).toMatchObject({
      valeur: { valeur: 40 },
      autresSources: [{ source: expect.stringMatching(/^cartosanté/), texte: '41' }],
      agregatCommunes: { valeur: { nature: 'exacte', valeur: 40 } },
    });
  });

  it('garde la classe d’intervalle telle que publiée et compare avec la polarité', async () => {
    const r = await agregat('mortalite_generale_std', 'epci:243500741');
    expect(r.body.periode).toBe('2011-2015');
    expect(r.body.resultat.valeur).toMatchObject({
      nature: 'intervalle',
      borneInf: 856,
      borneSup: 932,
      infIncluse: true,
      supIncluse: false,
      texte: '[856 à 932[',
    });
    expect(r.body.comparaisons).toEqual([
      expect.objectContaining({
        territoire: { type: 'france_metro', code: 'FRM', nom: 'France métropolitaine' },
        sens: 'defavorable',
        valeur: expect.objectContaining({ texte: '759' }),
      }),
    ]);
    const densite = await agregat('densite_mg_liberaux', 'epci:243500741');
    expect(densite.body.resultat.valeur.texte).toBe('6,6');
    expect(densite.body.comparaisons[0]).toMatchObject({ sens: 'defavorable', ecart: expect.closeTo(-2.2, 6) });
    const chomage = await agregat('taux_chomage', 'epci:243500741');
    expect(chomage.body.comparaisons.map((c: any) => `${c.territoire.nom} ${c.valeur.texte}`)).toEqual([
      'Pays de la Loire 11,2',
      'Bretagne 11,4',
    ]);
  });

  it('donne les séries de tous les indicateurs d’un périmètre en une requête, comme l’agrégat indicateur par indicateur', async () => {
    const communes = (await ars.get('/api/territoires/epci/243500741')).body.membres.map((c: any) => `commune:${c.code}`).join(',');
    for (const territoires of ['epci:243500741', communes]) {
      const r = await ars.get(`/api/diagnostics/series?territoires=${territoires}`);
      expect(r.status).toBe(200);
      expect(r.body.perimetre).toMatchObject({ communes: 31 });
      expect(r.body.indicateurs.length).toBeGreaterThanOrEqual(4);
      for (const i of r.body.indicateurs) {
        const seul = await agregat(i.indicateur.code, territoires);
        expect(i.serie, i.indicateur.code).toEqual(seul.body.serie);
        expect(i.periode).toBe(seul.body.periode);
      }
    }
    const choisis = await ars.get(`/api/diagnostics/series?territoires=${communes}&indicateurs=effectif_mg,mortalite_generale_std`);
    // A standardised rate published for the EPCI has no commune value: nothing to show on a list of communes.
    expect(choisis.body.indicateurs.map((i: any) => i.indicateur.code)).toEqual(['effectif_mg']);
    expect(choisis.body.indicateurs[0].serie.find((p: any) => p.periode === '2020')).toMatchObject({
      origine: 'agregee',
      source: 'Rezone CPTS (31/12/2020)',
      valeur: { nature: 'exacte', valeur: 40, couverture: { communes: 31, renseignees: 31 } },
    });
    expect((await serveur.client().get('/api/diagnostics/series?territoires=epci:243500741')).status).toBe(401);
  });

  it('refuse d’agréger un taux standardisé sur un périmètre qui n’est pas celui de la publication', async () => {
    const r = await agregat('mortalite_generale_std', 'commune:35236,commune:35013');
    expect(r.body.resultat).toBeNull();
    const densite = await agregat('effectif_infirmiers', 'commune:35236,commune:56001', '2020');
    expect(densite.body.resultat.valeur).toMatchObject({ nature: 'exacte', valeur: 9 });
  });

  it('donne le diagnostic du contrat Redon 2 avec ses verbatims et ses constats liés', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const r = await coordination.get(`/api/contrats/${cls2.id}/diagnostic`);
    expect(r.status).toBe(200);
    const codes = r.body.indicateurs.map((i: any) => i.indicateur.code);
    expect(codes).toEqual(expect.arrayContaining(['mortalite_generale_std', 'effectif_mg', 'part_css', 'effectif_infirmiers']));
    expect(r.body.verbatims.length).toBeGreaterThanOrEqual(3);
    expect(r.body.constats[0]).toMatchObject({
      intitule: 'Une offre de médecine générale fragile',
      indicateurs: expect.arrayContaining(['communes_sans_mg']),
    });
    expect(r.body.constats[0].verbatims).toHaveLength(1);
  });
});

describe('import de valeurs', () => {
  const entete = 'indicateur;territoire_type;territoire_code;periode;valeur;source\n';

  it('lit un CSV français en Windows-1252 avec décimales à virgule, milliers, zéros perdus et Corse', async () => {
    const csv =
      entete +
      'population;commune;1001;2016;1 234;Insee\npopulation;commune;2A004;2016;"68 587";Insee\ntaux_pauvrete;departement;2A;2013;12,5;Insee\ntaux_chomage;epci;243500741;2020;[8 à 10[;Insee\n';
    const latin1 = Buffer.from(csv.replace('Insee', 'Insée'), 'latin1');
    const r = await importer(ars, 'valeurs.csv', latin1);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, encodage: 'Windows-1252', separateur: ';', valeursValides: 4, creees: 4, rejetees: 0 });
    const { rows } = await serveur.ctx.db.query(
      `select territoire_code, valeur, source from valeurs where indicateur_code = 'population' and periode = '2016' and territoire_type = 'commune' order by 1`,
    );
    expect(rows).toEqual([
      { territoire_code: '01001', valeur: 1234, source: 'Insée' },
      { territoire_code: '2A004', valeur: 68587, source: 'Insee' },
    ]);
  });

  it('lit un CSV à virgules en UTF-8 avec BOM, et n’ajoute rien quand on le réimporte', async () => {
    const csv =
      '\uFEFFindicateur,territoire_type,territoire_code,periode,valeur\ntaux_pauvrete,region,53,2019,"10,8"\ntaux_pauvrete,region,52,2019,"10,9"\n';
    const premier = await importer(ars, 'regions.csv', csv, { source: 'Insee Filosofi' });
    expect(premier.body).toMatchObject({ separateur: ',', encodage: 'UTF-8 (avec BOM)', creees: 2 });
    const second = await importer(ars, 'regions.csv', csv, { source: 'Insee Filosofi' });
    expect(second.body).toMatchObject({ creees: 0, modifiees: 0, inchangees: 2 });
    const { rows } = await serveur.ctx.db.query(
      `select count(*)::int n from valeurs where indicateur_code = 'taux_pauvrete' and periode = '2019'`,
    );
    expect(rows[0].n).toBe(2);
  });

  it('rejette tout le fichier en listant chaque ligne fautive et sa raison', async () => {
    const csv =
      entete +
      'population;commune;35236;2016;9542;x\ninconnu;commune;35236;2016;1;x\npopulation;commune;35999;2016;1;x\npopulation;commune;35013;20xx;1;x\npopulation;commune;35013;2016;beaucoup;x\npopulation;commune;35236;2016;9542;x\n';
    const r = await importer(ars, 'fautif.csv', csv);
    expect(r.status).toBe(422);
    expect(r.body.detail).toBe('5 lignes rejetées : rien n’a été importé. Corrigez le fichier et recommencez.');
    expect(r.body.rapport.rejets).toEqual([
      { ligne: 3, raison: 'Indicateur inconnu du catalogue : « inconnu ».' },
      { ligne: 4, raison: 'Territoire inconnu du référentiel : commune 35999.' },
      { ligne: 5, raison: 'Période illisible : « 20xx » (attendu : 2019 ou 2011-2015).' },
      { ligne: 6, raison: 'Valeur illisible pour population : « beaucoup ».' },
      { ligne: 7, raison: 'Doublon de la ligne 2 (même indicateur, territoire, période et source).' },
    ]);
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from valeurs where source = 'x'`);
    expect(rows[0].n).toBe(0);
  });

  it('fait un essai à blanc qui donne le rapport sans rien écrire', async () => {
    const csv = entete + 'population;commune;35236;2010;9000;essai\n';
    const r = await importer(ars, 'essai.csv', csv, {}, true);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, applique: false, creees: 1 });
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from valeurs where source = 'essai'`);
    expect(rows[0].n).toBe(0);
  });

  it('laisse choisir ce que « - » veut dire, et garde ce choix avec les valeurs', async () => {
    const csv = entete + 'effectif_orthophonistes;commune;35236;2015;-;choix\n';
    await importer(ars, 'tiret.csv', csv, { tiret: 'secret' });
    const { rows } = await serveur.ctx.db.query(`select nature, tiret from valeurs where source = 'choix'`);
    expect(rows).toEqual([{ nature: 'masquee', tiret: 'secret' }]);
  });

  it('lit un classeur XLSX et un dataValueSet DHIS2', async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet('Valeurs');
    feuille.addRow(['indicateur', 'territoire_type', 'territoire_code', 'periode', 'valeur', 'source']);
    feuille.addRow(['population', 'commune', 35236, 2012, 9100, 'xlsx']);
    feuille.addRow(['part_ald', 'epci', '243500741', '2019', 24.5, 'xlsx']);
    const xlsx = Buffer.from(await classeur.xlsx.writeBuffer());
    const r = await importer(ars, 'valeurs.xlsx', xlsx);
    expect(r.body).toMatchObject({ format: 'xlsx', creees: 2, applique: true });

    const dhis2 = JSON.stringify({
      dataValues: [
        { dataElement: 'population', period: '2013', orgUnit: '35236', value: '9200' },
        { dataElement: 'population', period: '2013', orgUnit: '56001', value: '3900' },
      ],
    });
    const d = await importer(ars, 'dhis2.json', dhis2, { source: 'DHIS2', typeOrgUnit: 'commune' });
    expect(d.body).toMatchObject({ format: 'dhis2', creees: 2 });
  });

  it('propose la correspondance des colonnes d’un tableau large avant import', async () => {
    const csv = 'commune;code_insee;effectif_mg;infirmiers\nRedon;35236;13;7\n';
    const formulaire = new FormData();
    formulaire.append('fichier', new Blob([csv]), 'large.csv');
    formulaire.append('options', JSON.stringify({ large: { periode: '2019', indicateurs: { infirmiers: 'effectif_infirmiers' } } }));
    const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/apercu`, {
      method: 'POST',
      body: formulaire,
      headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
    });
    const apercu = (await r.json()) as any;
    expect(apercu).toMatchObject({
      mode: 'large',
      colonnes: { territoireCode: 'code_insee' },
      indicateursParColonne: { effectif_mg: 'effectif_mg', infirmiers: 'effectif_infirmiers' },
      colonnesIgnorees: ['commune'],
    });
    expect(apercu.lectures[0]).toEqual({ ligne: 2, valeurs: 2, rejets: [] });
  });

  it('réserve l’import aux administrateurs et aux ARS', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    expect((await importer(coordination, 'x.csv', entete)).status).toBe(403);
  });
});

describe('chaîne constats → besoins → priorités → axes', () => {
  it('se construit et se parcourt dans les deux sens', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const axe = await coordination.post(`/api/contrats/${cls2.id}/axes`, { intitule: 'Accès aux soins de premier recours' });
    const diag = (await coordination.get(`/api/contrats/${cls2.id}/diagnostic`)).body;
    const constat = diag.constats[0].id;
    const besoin = await coordination.post(`/api/contrats/${cls2.id}/besoins`, {
      intitule: 'Attirer et installer des médecins généralistes',
      constats: [constat],
    });
    expect(besoin.status).toBe(201);
    const priorite = await coordination.post(`/api/contrats/${cls2.id}/priorites`, {
      intitule: 'Renforcer l’offre de premier recours',
      besoins: [besoin.body.id],
      axes: [axe.body.id],
    });
    expect(priorite.status).toBe(201);
    const apres = (await coordination.get(`/api/contrats/${cls2.id}/diagnostic`)).body;
    expect(apres.constats[0].besoins).toEqual([besoin.body.id]);
    expect(apres.besoins[0]).toMatchObject({ constats: [constat], priorites: [priorite.body.id] });
    expect(apres.priorites[0]).toMatchObject({ besoins: [besoin.body.id], axes: [axe.body.id] });
    const autre = await coordination.post(`/api/contrats/${cls2.id}/besoins`, {
      intitule: 'Lien vers ailleurs',
      constats: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(autre.status).toBe(400);
    const verbatim = await coordination.post(`/api/contrats/${cls2.id}/verbatims`, {
      texte: 'Il faut trois mois pour un rendez-vous.',
      locuteur: 'habitant',
      communeCode: '35236',
    });
    expect(verbatim.status).toBe(201);
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await lecteur.post(`/api/contrats/${cls2.id}/verbatims`, { texte: 'essai de lecteur', locuteur: 'habitant' })).status).toBe(
      403,
    );
  });
});

describe('vulnérabilité', () => {
  it('classe les EPCI de Bretagne sur les indicateurs choisis, avec leur couverture par un CLS', async () => {
    const r = await ars.get('/api/vulnerabilite?region=53&indicateurs=effectif_infirmiers,population&poids=1,1');
    expect(r.status).toBe(200);
    expect(r.body.epci.length).toBeGreaterThan(50);
    const redon = r.body.epci.find((e: any) => e.territoire === '243500741');
    // The total published for the EPCI (annexe 8), not the sum of the communes' unmasked values (at least 60).
    expect(redon.valeurs.effectif_infirmiers).toBe(66);
    expect(redon.couvert).toBe(false); // CLS 1 is renewed, CLS 2 not signed yet
    const belleIle = r.body.epci.find((e: any) => e.territoire === '245600465');
    expect(belleIle.couvert).toBe(false); // échu
  });
});

describe('contours communaux', () => {
  it('s’importent depuis un GeoJSON et se relisent ; un code inconnu rejette tout', async () => {
    const carre = (x: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 47],
          [x + 0.1, 47],
          [x + 0.1, 47.1],
          [x, 47.1],
          [x, 47],
        ],
      ],
    });
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { INSEE_COM: '35236', NOM: 'Redon' }, geometry: carre(-2.1) },
        { type: 'Feature', properties: { INSEE_COM: '56001' }, geometry: carre(-2.2) },
      ],
    };
    const envoyer = async (contenu: object) => {
      const formulaire = new FormData();
      formulaire.append('fichier', new Blob([JSON.stringify(contenu)]), 'communes.geojson');
      const r = await fetch(`${serveur.url}/api/contours/import?type=commune`, {
        method: 'POST',
        body: formulaire,
        headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const ok = await envoyer(geojson);
    expect(ok.body).toMatchObject({ valides: 2, applique: true });
    const relu = await ars.get('/api/contours?type=commune&codes=35236,56001,44007');
    expect(relu.body.features.map((f: any) => f.properties.nom).sort()).toEqual(['Allaire', 'Redon']);
    const mauvais = await envoyer({
      ...geojson,
      features: [...geojson.features, { type: 'Feature', properties: { INSEE_COM: '99999' }, geometry: carre(0) }],
    });
    expect(mauvais.status).toBe(422);
    expect(mauvais.body.rapport.rejets).toEqual([{ element: 3, raison: 'Code inconnu du référentiel : commune 99999.' }]);
  });
});

describe('rapport de diagnostic', () => {
  it('sort en PDF et en DOCX, avec graphiques SVG et tableaux', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const pdf = await fetch(`${serveur.url}/api/contrats/${cls2.id}/diagnostic.pdf`, { headers: { cookie: coordination.cookie! } });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const docx = await fetch(`${serveur.url}/api/contrats/${cls2.id}/diagnostic.docx`, { headers: { cookie: coordination.cookie! } });
    const contenu = Buffer.from(await docx.arrayBuffer());
    expect(docx.headers.get('content-disposition')).toContain('diagnostic-contrat-local-de-sante-de-redon-agglomeration');
    const fichiers = contenu.toString('latin1');
    expect(fichiers).toContain('word/media/'); // the charts
    expect(fichiers).toContain('.svg');
  });
});
