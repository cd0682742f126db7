import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombeXlsx, planTresLong } from '../../../test/classeurs-hostiles';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Plan import facing hostile or broken files: refused in French, naming the limit or the line, nothing written. */

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let contratId: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: true });
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  contratId = (await coordination.get('/api/contrats')).body.find((c: { generation: number }) => c.generation === 2).id;
});
afterAll(() => serveur.fermer());

const importer = (nom: string, contenu: Buffer | string) =>
  coordination.multipart(`/api/contrats/${contratId}/plan/import?dryRun=true`, { fichier: { nom, contenu } });

describe('import de plan : fichiers hostiles', () => {
  it('refuse une bombe de décompression (413 nommant la limite)', async () => {
    const r = await importer('plan.xlsx', bombeXlsx(70 * 1024 * 1024));
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body.title).toBe('Fichier trop volumineux');
    expect(r.body.limite).toMatch(/taux de compression 200:1|64 Mo décompressés/);
  });

  it('refuse une feuille de plus de 5 000 lignes sans la charger en entier', async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet('Plan');
    feuille.addRow(['Numéro', 'Intitulé']);
    for (let i = 1; i <= 5001; i++) feuille.addRow([i, `Fiche ${i}`]);
    const r = await importer('plan.xlsx', Buffer.from(await classeur.xlsx.writeBuffer()));
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body.detail).toBe('La feuille « Plan » dépasse 5 000 lignes : découpez-la.');
  });

  it('arrête à la 5 001e ligne un plan ordinaire en apparence mais de 300 000 lignes', async () => {
    const r = await importer('plan.xlsx', planTresLong(300_000));
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body).toMatchObject({ limite: '5 000 lignes', detail: 'La feuille « Valeurs » dépasse 5 000 lignes : découpez-la.' });
  });

  it('nomme la ligne d’un guillemet jamais refermé dans un plan en CSV', async () => {
    const r = await importer('plan.csv', 'Numéro;Intitulé\n1;Première fiche\n2;"Deuxième fiche\n3;Troisième\n');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.detail).toBe(
      'Fichier CSV illisible, ligne 3 : un guillemet (") ouvert n’est jamais refermé ; refermez-le ou retirez-le.',
    );
  });
});
