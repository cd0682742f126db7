import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let ars: ClientHttp;
let admin: ClientHttp;
let coordination: ClientHttp;
let cls2: string;
let belleIle: string;

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [ars, admin, coordination] = [serveur.client(), serveur.client(), serveur.client()];
  await ars.connecter(DEMO.ars);
  await admin.connecter(DEMO.admin);
  await coordination.connecter(DEMO.coordination);
  cls2 = (await sql(`select id from contrats where generation = 2 and intitule like '%Redon%'`)).rows[0].id;
  belleIle = (await sql(`select id from contrats where intitule like '%Belle-Île%'`)).rows[0].id;
});
afterAll(() => serveur.fermer());

describe('accès au portefeuille', () => {
  it('est ouvert à l’ARS de la région, qui l’obtient aussi sans préciser sa région', async () => {
    const r = await ars.get('/api/portefeuille?region=53');
    expect(r.status).toBe(200);
    expect(r.body.region).toMatchObject({ code: '53', nom: 'Bretagne' });
    expect((await ars.get('/api/portefeuille')).body.region.code).toBe('53');
  });

  it('est refusé à l’ARS d’une autre région, aux autres rôles et au public ; ouvert aux administrateurs', async () => {
    expect((await ars.get('/api/portefeuille?region=52')).status).toBe(403);
    expect((await ars.get('/api/portefeuille.csv?region=52')).status).toBe(403);
    expect((await ars.get('/api/portefeuille.xlsx?region=52')).status).toBe(403);
    expect((await coordination.get('/api/portefeuille?region=53')).status).toBe(403);
    const refus = await coordination.get('/api/portefeuille');
    expect(refus.status).toBe(400);
    expect(refus.body.detail).toContain('Précisez la région');
    expect((await serveur.client().get('/api/portefeuille?region=53')).status).toBe(401);
    expect((await serveur.client().get('/api/portefeuille')).status).toBe(401);
    expect((await admin.get('/api/portefeuille?region=52')).status).toBe(200);
    const inconnue = await admin.get('/api/portefeuille?region=99');
    expect(inconnue.status).toBe(404);
    expect(inconnue.body.detail).toContain('99');
  });
});

describe('les chiffres du portefeuille breton', () => {
  it('liste les contrats de la région, interrégionaux compris, avec statut, génération, période et coordination', async () => {
    const p = (await ars.get('/api/portefeuille?region=53')).body;
    // Redon's two CLS (Bretagne and Pays de la Loire) and Belle-Île; Craon-Renazé is in Pays de la Loire only.
    expect(p.contrats.map((c: any) => c.intitule).sort()).toEqual([
      'Contrat local de santé de Belle-Île-en-Mer',
      'Contrat local de santé de Redon Agglomération (2e génération)',
      'Contrat local de santé du Pays de Redon-Bretagne Sud',
    ]);
    const redon1 = p.contrats.find((c: any) => c.generation === 1 && c.intitule.includes('Redon'));
    expect(redon1).toMatchObject({
      statut: 'renouvele',
      interregional: true,
      regions: ['52', '53'],
      periode: { debut: '2015-01-01', fin: '2020-12-31' },
      nombreFiches: 39,
      coordonnateurs: ['Marie Dupont'],
    });
    expect(p.chiffres).toMatchObject({ contrats: 3, interregionaux: 2, enVigueur: 0, fiches: 39 });
    expect(p.chiffres.parGeneration).toEqual([
      { generation: 1, nombre: 2 },
      { generation: 2, nombre: 1 },
    ]);
    expect(p.chiffres.parStatut.map((s: any) => [s.statut, s.nombre])).toEqual([
      ['elaboration', 1],
      ['echu', 1],
      ['renouvele', 1],
    ]);
    // Pays de la Loire sees Redon too, and Craon-Renazé.
    const pdl = (await admin.get('/api/portefeuille?region=52')).body;
    expect(pdl.contrats).toHaveLength(3);
  });

  it('sans contrat en vigueur dans la démonstration, la couverture est nulle, sous la référence de 2019, loin de la cible du CPOM (seed 002)', async () => {
    const p = (await ars.get('/api/portefeuille?region=53')).body;
    expect(p.couverture).toMatchObject({
      population: 3_449_370,
      populationCouverte: 0,
      pourcent: 0,
      ecart: { atteinte: false, manque: 90 },
      communes: 1202,
      communesCouvertes: 0,
    });
    expect(p.cibleCouverturePourcent).toBe(90);
    expect(p.objectifCouverture).toEqual({
      cible: 90,
      echeance: '2023',
      source: 'CPOM 2019-2023 conclu entre l’ARS Bretagne et le ministère des Solidarités et de la Santé',
      reference: { pourcent: 15, date: '2019-01-01', source: 'ARS Bretagne, 2019' },
      actuel: { pourcent: 0, date: new Date().toISOString().slice(0, 10) },
      atteinte: false,
      manque: 90,
      progression: 0,
      sousReference: true,
    });
    expect(p.couverture.parDepartement.map((d: any) => d.code)).toEqual(['22', '29', '35', '56']);
    // Pays de la Loire's doctrine sets no target: nothing to progress toward.
    expect((await admin.get('/api/portefeuille?region=52')).body.objectifCouverture).toBeNull();
  });

  it('calcule la part de la population couverte par les contrats signés ou en évaluation, par département et contre la cible', async () => {
    // The doctrine's target: 90 % (ARS Bretagne's contractual target for 2023).
    const doctrine = (await ars.get('/api/doctrines/53')).body;
    const enregistree = await ars.put('/api/doctrines/53', { ...doctrine.regles, cibleCouverturePourcent: 90, version: doctrine.version });
    expect(enregistree.status).toBe(200);
    expect(enregistree.body.regles.cibleCouverturePourcent).toBe(90);
    // Redon CLS 2 signed, Belle-Île in evaluation.
    await sql(`update contrats set statut = 'signe', date_signature = '2022-06-01' where id = $1`, [cls2]);
    await sql(`update contrats set statut = 'evaluation' where id = $1`, [belleIle]);

    const p = (await ars.get('/api/portefeuille?region=53')).body;
    // By hand, from the référentiel (@etalab/decoupage-administratif 6.0.0): Redon Agglomération has 12 communes in
    // Ille-et-Vilaine (28 206 inhabitants), 11 in Morbihan (18 140) and 8 in Loire-Atlantique (21 320, Pays de la Loire);
    // Belle-Île's 4 communes (Morbihan) count 994 + 978 + 2 599 + 1 036 = 5 607. Bretagne: 3 449 370 inhabitants,
    // Ille-et-Vilaine 1 120 666, Morbihan 783 390.
    const couverte = 28_206 + 18_140 + 5_607;
    expect(p.couverture.populationCouverte).toBe(couverte);
    expect(p.couverture.communesCouvertes).toBe(12 + 11 + 4);
    expect(p.couverture.pourcent).toBeCloseTo((100 * 51_953) / 3_449_370, 6); // 1,506 %
    expect(p.couverture.pourcent).toBeCloseTo(1.506, 3);
    expect(p.cibleCouverturePourcent).toBe(90);
    expect(p.couverture.ecart.atteinte).toBe(false);
    expect(p.couverture.ecart.manque).toBeCloseTo(90 - 1.50615, 3);
    expect(p.objectifCouverture).toMatchObject({ cible: 90, reference: { pourcent: 15 }, sousReference: true, progression: 0 });
    expect(p.objectifCouverture.actuel.pourcent).toBeCloseTo(1.506, 3);
    const dep = Object.fromEntries(p.couverture.parDepartement.map((d: any) => [d.code, d]));
    expect(dep['35']).toMatchObject({ population: 1_120_666, populationCouverte: 28_206, communesCouvertes: 12, contrats: 2 });
    expect(dep['35'].pourcent).toBeCloseTo(2.5169, 3);
    expect(dep['56']).toMatchObject({ population: 783_390, populationCouverte: 18_140 + 5_607, communesCouvertes: 15, contrats: 3 });
    expect(dep['56'].pourcent).toBeCloseTo(3.0313, 3);
    expect(dep['22']).toMatchObject({ populationCouverte: 0, pourcent: 0, contrats: 0 });
    expect(p.chiffres.enVigueur).toBe(2);

    // Pays de la Loire: only Redon's 8 communes of Loire-Atlantique (Craon-Renazé is échu).
    const pdl = (await admin.get('/api/portefeuille?region=52')).body;
    expect(pdl.couverture.populationCouverte).toBe(21_320);
    expect(pdl.couverture.pourcent).toBeCloseTo((100 * 21_320) / 3_907_156, 6);
    expect(pdl.cibleCouverturePourcent).toBeNull();
  });

  it('classe les EPCI non couverts par l’indice de vulnérabilité', async () => {
    // Poverty rates for three more Breton EPCIs, beside Redon's published 12,7 % (2018).
    for (const [code, valeur] of [
      ['242900314', 14],
      ['200042174', 13],
      ['243500139', 10.5],
    ] as const)
      await sql(
        `insert into valeurs (indicateur_code, territoire_type, territoire_code, periode, periode_debut, periode_fin, nature, valeur, source)
         values ('taux_pauvrete', 'epci', $1, '2018', 2018, 2018, 'exacte', $2, 'essai')`,
        [code, valeur],
      );
    const p = (await ars.get('/api/portefeuille?region=53')).body;
    const { epci, criteres, epciRegion } = p.epciNonCouverts;
    expect(epciRegion).toBe(60);
    // Redon (CLS 2 signed) and Belle-Île (in evaluation) are covered: not listed.
    expect(epci).toHaveLength(58);
    expect(epci.map((e: any) => e.code)).not.toContain('243500741');
    expect(epci.map((e: any) => e.code)).not.toContain('245600465');
    expect(criteres.map((c: any) => c.indicateur)).toContain('taux_pauvrete');
    expect(criteres.every((c: any) => c.polarite !== 'neutre')).toBe(true);
    // Brest, Lorient and Rennes have only the poverty rate, one criterion of several: never ranked as if complete
    // (issue 13), they come first among the unranked, by their indicative score on that criterion.
    expect(epci.slice(0, 3).map((e: any) => [e.nom, e.rang, e.criteresRenseignes])).toEqual([
      ['Brest Métropole', null, 1],
      ['CA Lorient Agglomération', null, 1],
      ['Rennes Métropole', null, 1],
    ]);
    expect(epci.slice(0, 3).every((e: any) => e.score === null)).toBe(true);
    expect(epci[0].scorePartiel).toBeGreaterThan(epci[1].scorePartiel);
    expect(epci[1].scorePartiel).toBeGreaterThan(epci[2].scorePartiel);
    // The others have no value: last, the most populated first.
    expect(epci[3].score).toBeNull();
    expect(epci[3].population).toBeGreaterThanOrEqual(epci[4].population);
  });

  it('compte thématiques, déterminants et axes du PRS, somme les financements par financeur et réunit les alertes', async () => {
    // CLS 2 back in élaboration to write its strategy.
    await sql(`update contrats set statut = 'elaboration' where id = $1`, [cls2]);
    const axe = await coordination.post(`/api/contrats/${cls2}/axes`, {
      intitule: 'Prévenir et promouvoir la santé',
      axePrs: 'La prévention et la promotion de la santé',
    });
    expect(axe.status).toBe(201);
    const ligne = {
      financeurLibelle: 'Conseil départemental d’Ille-et-Vilaine',
      dispositif: 'Appel à projets',
      annee: 2025,
      nature: 'fonctionnement',
    };
    const fiche = await coordination.post(`/api/contrats/${cls2}/fiches`, {
      intitule: 'Promouvoir la vaccination des adolescents',
      axeId: axe.body.id,
      thematiques: ['vaccination', 'jeunes'],
      determinants: ['comportements', 'utilisation_services'],
      financements: [
        { ...ligne, montantCentimes: 500_000, statut: 'accorde' },
        { ...ligne, montantCentimes: 200_000, statut: 'sollicite' },
        { ...ligne, montantCentimes: 100_000, statut: 'refuse' },
      ],
    });
    expect(fiche.status).toBe(201);
    await coordination.post(`/api/contrats/${cls2}/fiches`, { intitule: 'Créer un espace santé jeunes', thematiques: ['jeunes'] });

    const p = (await ars.get('/api/portefeuille?region=53')).body;
    expect(p.thematiques).toEqual([
      { code: 'jeunes', libelle: 'Jeunes', contrats: 1, nombre: 2 },
      { code: 'vaccination', libelle: 'Vaccination', contrats: 1, nombre: 1 },
    ]);
    expect(p.determinants.map((d: any) => [d.code, d.nombre])).toEqual([
      ['comportements', 1],
      ['utilisation_services', 1],
    ]);
    expect(p.determinants[0].libelle).toContain('Comportements favorables');
    expect(p.axesPrs).toEqual([
      { code: 'La prévention et la promotion de la santé', libelle: 'La prévention et la promotion de la santé', contrats: 1, nombre: 1 },
    ]);
    expect(p.financements).toEqual({
      total: 700_000,
      parFinanceur: [
        { financeur: 'Conseil départemental d’Ille-et-Vilaine', acquis: 500_000, prevu: 200_000, total: 700_000, contrats: 1 },
      ],
    });
    // The alerts are the contracts' own, as their pages show them.
    const duContrat = (await coordination.get(`/api/contrats/${cls2}/alertes`)).body;
    expect(duContrat.length).toBeGreaterThan(0);
    expect(p.alertes.filter((a: any) => a.contratId === cls2).map((a: any) => a.message)).toEqual(duContrat.map((a: any) => a.message));
    expect(p.contrats.find((c: any) => c.id === cls2).alertes).toBe(duContrat.length);
    expect(p.chiffres.alertes).toBe(p.alertes.length);
  });
});

describe('exports du portefeuille', () => {
  it('donne les contrats en CSV pour Excel, relu par un analyseur CSV', async () => {
    const r = await fetch(`${serveur.url}/api/portefeuille.csv?region=53`, { headers: { cookie: ars.cookie! } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toContain('portefeuille-bretagne.csv');
    const texte = await r.text();
    const lignes: string[][] = parse(texte, { delimiter: ';', bom: true });
    expect(lignes[0].slice(0, 4)).toEqual(['Contrat', 'Statut', 'Génération', 'Début']);
    expect(lignes).toHaveLength(4);
    const redon1 = lignes.find((l) => l[0] === 'Contrat local de santé du Pays de Redon-Bretagne Sud')!;
    const col = (nom: string) => redon1[lignes[0].indexOf(nom)];
    expect([
      col('Statut'),
      col('Génération'),
      col('Début'),
      col('Fin'),
      col('Fiches-action'),
      col('Coordonnateur·rices'),
      col('Publié'),
    ]).toEqual(['Renouvelé', '1', '01/01/2015', '31/12/2020', '39', 'Marie Dupont', 'Oui']);
  });

  it('donne tout le portefeuille en classeur Excel, une feuille par section', async () => {
    const r = await fetch(`${serveur.url}/api/portefeuille.xlsx?region=53`, { headers: { cookie: ars.cookie! } });
    expect(r.status).toBe(200);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(await r.arrayBuffer());
    expect(classeur.worksheets.map((f) => f.name)).toEqual([
      'Synthèse',
      'Contrats',
      'Couverture',
      'EPCI non couverts',
      'Thématiques',
      'Déterminants',
      'Axes du PRS',
      'Financeurs',
      'Alertes',
    ]);
    expect(classeur.getWorksheet('Contrats')!.rowCount).toBe(4);
    expect(classeur.getWorksheet('Couverture')!.getRow(2).getCell(1).value).toBe("Côtes-d'Armor (22)");
    expect(classeur.getWorksheet('Financeurs')!.getRow(2).getCell(4).value).toBe(7000);
  });
});
