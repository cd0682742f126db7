import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let ars: ClientHttp;
let communes: { code: string; nom: string; population: number }[];
const SECRETE = '35236'; // Redon, under statistical secret in the file below
const CLASSE = '35013'; // a commune published as an interval class

async function importer(contenu: string) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([contenu]), 'partiel.csv');
  formulaire.append('options', JSON.stringify({ tiret: 'secret' }));
  const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/import`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

// 2023 values for Redon Agglomération's 31 communes: one under secret ("s"), one published as a class, the others
// exact; a rate with its terms, and comparators for the rate (Bretagne, France métropolitaine).
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
  communes = (await ars.get('/api/territoires/epci/243500741')).body.membres;
  const lignes = ['indicateur;territoire_type;territoire_code;periode;valeur;numerateur;denominateur;source'];
  for (const c of communes) {
    const secret = c.code === SECRETE;
    lignes.push(`effectif_orthophonistes;commune;${c.code};2023;${secret ? 's' : c.code === CLASSE ? '[2 à 5[' : '1'};;;Test partiel`);
    lignes.push(
      `part_80_ans_plus_seuls;commune;${c.code};2023;${secret ? 's' : '40'};${secret ? '' : '40'};${secret ? '' : '100'};Test partiel`,
    );
  }
  lignes.push('part_80_ans_plus_seuls;region;53;2023;38,5;;;Test partiel', 'part_80_ans_plus_seuls;pays;FRM;2023;42;;;Test partiel');
  const r = await importer(lignes.join('\n'));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
});
afterAll(() => serveur.fermer());

const agregat = (indicateur: string) =>
  ars.get(`/api/diagnostics/agregat?indicateur=${indicateur}&territoires=epci:243500741&periode=2023`);

describe('une commune sous secret statistique : la figure partielle', () => {
  it('donne pour un effectif une borne inférieure, et à part la somme des communes renseignées avec sa couverture', async () => {
    const population = communes.reduce((t, c) => t + c.population, 0);
    const part = (population - communes.find((c) => c.code === SECRETE)!.population) / population;
    const r = await agregat('effectif_orthophonistes');
    expect(r.status).toBe(200);
    // 29 communes at 1 and one class [2 à 5[: at least 31.
    expect(r.body.resultat.valeur).toMatchObject({
      nature: 'borne_inferieure',
      texte: 'au moins 31',
      couverture: { communes: 31, renseignees: 30, masquees: 1 },
    });
    expect(r.body.resultat.valeur).not.toHaveProperty('valeur');
    expect(r.body.resultat.partiel).toEqual({
      portee: 'au_moins',
      valeur: { nature: 'exacte', valeur: 31, texte: '31' },
      texte: 'au moins 31',
      couverture: {
        renseignees: 30,
        communes: 31,
        partPopulation: expect.closeTo(part, 10),
        texte: `30 communes sur 31, ${Math.floor(part * 100)} % de la population`,
      },
    });
  });

  it('ne met jamais la figure partielle d’un taux dans la valeur du périmètre, et compare à titre indicatif', async () => {
    const r = await agregat('part_80_ans_plus_seuls');
    expect(r.body.resultat.valeur.nature).toBe('indisponible');
    expect(r.body.resultat.valeur).not.toHaveProperty('valeur');
    expect(r.body.resultat.valeur.texte).toBe('non disponible');
    expect(r.body.resultat.partiel).toMatchObject({
      portee: 'sur_renseignees',
      valeur: { nature: 'exacte', valeur: 40 },
      texte: '40,0 sur les communes renseignées',
      couverture: { renseignees: 30, communes: 31 },
    });
    // Redon holds 14 % of the population: the 30 others hold enough of it for an indicative comparison. Higher than
    // Bretagne is unfavourable for this indicator, lower than France favourable.
    expect(r.body.resultat.partiel.couverture.partPopulation).toBeGreaterThan(0.8);
    expect(r.body.comparaisons.map((c: any) => [c.territoire.nom, c.sens, c.indicatif, c.ecart])).toEqual([
      ['Bretagne', 'defavorable', true, expect.closeTo(1.5, 10)],
      ['France métropolitaine', 'favorable', true, expect.closeTo(-2, 10)],
    ]);
  });

  it('ne compare pas quand les communes sous secret pèsent plus de 20 % de la population', async () => {
    const grandes = new Set(
      [...communes]
        .sort((a, b) => b.population - a.population)
        .slice(0, 3)
        .map((c) => c.code),
    );
    const lignes = ['indicateur;territoire_type;territoire_code;periode;valeur;numerateur;denominateur;source'];
    for (const c of communes)
      lignes.push(`part_80_ans_plus_seuls;commune;${c.code};2024;${grandes.has(c.code) ? 's;;' : '40;40;100'};Test partiel`);
    lignes.push('part_80_ans_plus_seuls;region;53;2024;38,5;;;Test partiel', 'part_80_ans_plus_seuls;pays;FRM;2024;42;;;Test partiel');
    expect((await importer(lignes.join('\n'))).status).toBe(200);
    const r = await ars.get('/api/diagnostics/agregat?indicateur=part_80_ans_plus_seuls&territoires=epci:243500741&periode=2024');
    expect(r.body.resultat.partiel).toMatchObject({
      texte: '40,0 sur les communes renseignées',
      couverture: { renseignees: 28, communes: 31 },
    });
    expect(r.body.resultat.partiel.couverture.partPopulation).toBeLessThan(0.8);
    expect(r.body.comparaisons.map((c: any) => [c.territoire.nom, c.sens, c.indicatif, c.ecart])).toEqual([
      ['Bretagne', 'indetermine', false, null],
      ['France métropolitaine', 'indetermine', false, null],
    ]);
  });

  it('montre la figure partielle dans le diagnostic du contrat et dans son rapport', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = (await coordination.get('/api/contrats?generation=2')).body[0];
    const d = await coordination.get(`/api/contrats/${cls2.id}/diagnostic`);
    const carte = d.body.indicateurs.find((i: any) => i.indicateur.code === 'effectif_orthophonistes');
    expect(carte.periode).toBe('2023');
    expect(carte.resultat.partiel).toMatchObject({ portee: 'au_moins', texte: 'au moins 31' });
    expect(carte.serie.find((s: any) => s.periode === '2023').partiel.couverture.renseignees).toBe(30);
    const docx = await coordination.telecharger(`/api/contrats/${cls2.id}/diagnostic.docx`);
    expect(docx.status).toBe(200);
    expect(texteDocx(docx.corps).replace(/\s+/g, ' ')).toContain('partiel : au moins 31 (30 communes sur 31');
  });

  it('garde la classe d’intervalle telle que publiée pour la commune, seule ou dans la liste des communes', async () => {
    const seule = await ars.get(`/api/diagnostics/agregat?indicateur=effectif_orthophonistes&territoires=commune:${CLASSE}&periode=2023`);
    expect(seule.body.resultat).toMatchObject({
      origine: 'publiee',
      valeur: { nature: 'intervalle', borneInf: 2, borneSup: 5, texte: '[2 à 5[' },
    });
    const liste = await ars.get('/api/diagnostics/communes?indicateur=effectif_orthophonistes&territoires=epci:243500741&periode=2023');
    expect(liste.body.communes.find((c: any) => c.code === CLASSE).valeur).toMatchObject({ nature: 'intervalle', texte: '[2 à 5[' });
    expect(liste.body.communes.find((c: any) => c.code === SECRETE).valeur).toMatchObject({
      nature: 'masquee',
      texte: 'secret statistique',
    });
  });

  it('liste les valeurs d’une commune et d’un indicateur telles que publiées, page par page', async () => {
    const commune = await ars.get(`/api/diagnostics/valeurs?territoire=commune:${CLASSE}`);
    expect(commune.status).toBe(200);
    expect(commune.body.valeurs.find((v: any) => v.indicateur.code === 'effectif_orthophonistes' && v.periode === '2023')).toMatchObject({
      territoire: { type: 'commune', code: CLASSE, nom: expect.any(String) },
      indicateur: { libelle: 'Nombre d’orthophonistes', unite: 'effectif' },
      valeur: { nature: 'intervalle', texte: '[2 à 5[' },
      source: 'Test partiel',
    });
    const indicateur = await ars.get('/api/diagnostics/valeurs?indicateur=part_80_ans_plus_seuls&type=commune&limite=10');
    expect(indicateur.body).toMatchObject({ total: 62, limite: 10, decalage: 0 });
    expect(indicateur.body.valeurs).toHaveLength(10);
    const suite = await ars.get('/api/diagnostics/valeurs?indicateur=part_80_ans_plus_seuls&type=commune&limite=10&decalage=60');
    expect(suite.body.valeurs).toHaveLength(2);
    const nationale = await ars.get('/api/diagnostics/valeurs?indicateur=part_80_ans_plus_seuls&type=france_metro');
    expect(nationale.body.valeurs.map((v: any) => `${v.territoire.nom} ${v.periode} ${v.valeur.texte}`)).toEqual([
      'France métropolitaine 2024 42',
      'France métropolitaine 2023 42',
    ]);
    const sans = await ars.get('/api/diagnostics/valeurs');
    expect(sans.status).toBe(400);
    expect(sans.body.detail).toBe('Indiquez un indicateur ou un territoire.');
    expect((await serveur.client().get('/api/diagnostics/valeurs?indicateur=effectif_mg')).status).toBe(401);
  });
});
