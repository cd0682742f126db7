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

async function envoyer(chemin: string, nom: string, contenu: Buffer | string, options: object = {}) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([contenu]), nom);
  formulaire.append('options', JSON.stringify(options));
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

const valeursEn = async (indicateur: string, periode: string) =>
  (
    await serveur.ctx.db.query(
      `select territoire_type as type, territoire_code as code, valeur as v from valeurs where indicateur_code = $1 and periode = $2 order by 1, 2`,
      [indicateur, periode],
    )
  ).rows;

describe('imports des fichiers d’observatoire', () => {
  it('CSV « Code géographique » : colonne du territoire reconnue, indicateur proposé par son libellé, France importée comme comparateur', async () => {
    const csv = [
      'Code géographique;Libellé géographique;Taux standardisé de mortalité générale (pour 100 000 hab.)',
      '35236;Redon;812,5',
      '243500741;CA Redon Agglomération;850',
      'FR;France entière;780',
      'France métropolitaine;France métropolitaine;759',
    ].join('\n');
    const a = await apercu('observatoire.csv', csv);
    expect(a.status).toBe(200);
    expect(a.body.mode).toBe('large');
    expect(a.body.colonnes.territoireCode).toBe('Code géographique');
    expect(a.body.suggestions).toEqual([
      expect.objectContaining({ entete: 'Taux standardisé de mortalité générale (pour 100 000 hab.)', code: 'mortalite_generale_std' }),
    ]);
    expect(a.body.avertissements).toEqual([]);
    // A suggestion is not applied until the user confirms it.
    expect(a.body.indicateursParColonne).toEqual({});

    const r = await importer('observatoire.csv', csv, {
      large: { indicateurs: { [a.body.suggestions[0].entete]: 'mortalite_generale_std' }, periode: '2030' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, rejetees: 0, creees: 4, avertissements: [] });
    expect(await valeursEn('mortalite_generale_std', '2030')).toEqual([
      { type: 'commune', code: '35236', v: 812.5 },
      { type: 'epci', code: '243500741', v: 850 },
      { type: 'france', code: 'FRA', v: 780 },
      { type: 'france_metro', code: 'FRM', v: 759 },
    ]);
    // Diagnostics compare to France.
    const agregat = await ars.get('/api/diagnostics/agregat?indicateur=mortalite_generale_std&territoires=epci:243500741&periode=2030');
    expect(agregat.status).toBe(200);
    expect(agregat.body.comparaisons.map((c: any) => [c.territoire.type, c.territoire.nom, c.valeur.valeur])).toEqual(
      expect.arrayContaining([
        ['france', 'France', 780],
        ['france_metro', 'France métropolitaine', 759],
      ]),
    );
  });

  it('XLSX « Code commune » construit avec ExcelJS : type déduit de la forme du code, code numérique', async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet('Données');
    feuille.addRow(['Code commune', 'Commune', 'Densité de médecins généralistes libéraux pour 10 000 hab.']);
    feuille.addRow(['35236', 'Redon', 9.1]);
    feuille.addRow([44044, 'Conquereuil', 0]);
    const contenu = Buffer.from(await classeur.xlsx.writeBuffer());
    const a = await apercu('communes.xlsx', contenu);
    expect(a.status).toBe(200);
    expect(a.body.colonnes.territoireCode).toBe('Code commune');
    expect(a.body.suggestions.map((s: any) => s.code)).toEqual(['densite_mg_liberaux']);
    expect(a.body.avertissements).toEqual([]);
    const r = await importer('communes.xlsx', contenu, {
      large: { indicateurs: { 'Densité de médecins généralistes libéraux pour 10 000 hab.': 'densite_mg_liberaux' }, periode: '2031' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, creees: 2 });
    expect(await valeursEn('densite_mg_liberaux', '2031')).toEqual([
      { type: 'commune', code: '35236', v: 9.1 },
      { type: 'commune', code: '44044', v: 0 },
    ]);
  });

  it('avertit avant l’import quand le fichier est « pour 10 000 hab. » et l’indicateur « pour 100 000 habitants »', async () => {
    const csv = ['CODGEO;Mortalité générale pour 10 000 hab.', '243500741;85'].join('\n');
    const a = await apercu('echelle.csv', csv);
    expect(a.body.suggestions.map((s: any) => s.code)).toEqual(['mortalite_generale_std']);
    expect(a.body.avertissements).toHaveLength(1);
    expect(a.body.avertissements[0]).toMatch(/pour 10 000.*pour 100 000.*multiplier par 10/);

    const options = { large: { indicateurs: { 'Mortalité générale pour 10 000 hab.': 'mortalite_generale_std' }, periode: '2032' } };
    const essai = await importer('echelle.csv', csv, options, true);
    expect(essai.status).toBe(200);
    expect(essai.body).toMatchObject({ dryRun: true, applique: false, rejetees: 0 });
    expect(essai.body.avertissements).toEqual(a.body.avertissements);

    // INSEE style: the scale in a row of units under the headers, which is read, not rejected.
    const avecLigneUnites = ['Code géographique;Mortalité', ';pour 10 000 hab.', '243500741;85'].join('\n');
    const essai2 = await importer(
      'unites.csv',
      avecLigneUnites,
      { large: { indicateurs: { Mortalité: 'mortalite_generale_std' }, periode: '2032' } },
      true,
    );
    expect(essai2.body).toMatchObject({ rejetees: 0, valeursValides: 1 });
    expect(essai2.body.avertissements[0]).toContain('pour 10 000');
    // A long file's unit column too.
    const long = ['indicateur;code_insee;periode;valeur;unite', 'mortalite_generale_std;243500741;2032;85;pour 10 000 habitants'].join(
      '\n',
    );
    expect((await apercu('long.csv', long)).body.avertissements[0]).toContain('attend pour 100 000');
    expect(await valeursEn('mortalite_generale_std', '2032')).toEqual([]);
  });

  it('un code illisible sans colonne de type est rejeté en français', async () => {
    const r = await importer('mauvais.csv', ['Code INSEE;effectif_mg', 'XYZ;3'].join('\n'), {
      large: { indicateurs: {}, periode: '2033' },
    });
    expect(r.status).toBe(422);
    expect(r.body.rapport.rejets[0].raison).toMatch(/Code de territoire non reconnu : « XYZ »/);
  });
});
