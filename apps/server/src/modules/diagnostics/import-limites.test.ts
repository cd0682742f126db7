import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombeXlsx, mentirSurLesTailles } from '../../../test/classeurs-hostiles';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Hostile or broken files on the values and contours imports: a French 400 or 413 naming the problem, nothing written. */

let serveur: ServeurDeTest;
let ars: ClientHttp;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
});
afterAll(() => serveur.fermer());

const envoyer = (route: 'apercu' | 'import', nom: string, contenu: Buffer | string) =>
  ars.multipart(`/api/indicateurs/valeurs/${route}${route === 'import' ? '?dryRun=false' : ''}`, {
    fichier: { nom, contenu },
    options: '{}',
  });
const nombreValeurs = async () => Number((await serveur.ctx.db.query('select count(*) from valeurs')).rows[0].count);

describe('classeurs hostiles', () => {
  it('refuse une bombe de décompression avant de la lire, en nommant le taux de compression', async () => {
    const bombe = bombeXlsx(24 * 1024 * 1024);
    expect(bombe.length).toBeLessThan(200_000);
    for (const route of ['apercu', 'import'] as const) {
      const r = await envoyer(route, 'valeurs.xlsx', bombe);
      expect(r.status, JSON.stringify(r.body)).toBe(413);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.title).toBe('Fichier trop volumineux');
      expect(r.body.detail).toMatch(/compressé \d+ fois .* au-delà de 200 fois, l’archive est refusée/);
      expect(r.body.limite).toBe('taux de compression 200:1');
    }
  });

  it('refuse une archive qui ment sur ses tailles, en la décompressant', async () => {
    const avant = await nombreValeurs();
    // 24 MB of sheet declared as 2 MB: the central directory looks harmless, the inflating is what catches it.
    const r = await envoyer('import', 'valeurs.xlsx', mentirSurLesTailles(bombeXlsx(24 * 1024 * 1024), 2 * 1024 * 1024));
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body.detail).toContain('se décompresse au-delà de la taille qu’elle déclare');
    expect(await nombreValeurs()).toBe(avant);
  });

  it('refuse une archive ZIP cassée avec un 400 en français', async () => {
    const r = await envoyer('apercu', 'valeurs.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^Archive illisible/);
  });

  it('refuse vite, en français, un .xlsx vide ou qui n’est pas une archive (la lecture en flux l’attendait sans fin)', async () => {
    for (const route of ['apercu', 'import'] as const) {
      const vide = await envoyer(route, 'a.xlsx', Buffer.alloc(0));
      expect(vide.status).toBe(400);
      expect(vide.body.detail).toBe('Le fichier envoyé est vide.');
      const autre = await envoyer(route, 'a.xlsx', Buffer.from('ceci n’est pas un classeur'));
      expect(autre.status).toBe(400);
      expect(autre.body.detail).toMatch(/n’est pas un classeur Excel/);
    }
  });

  it('lit toujours un vrai classeur, ligne par ligne', async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet('Valeurs');
    feuille.addRow(['indicateur', 'territoire_type', 'territoire_code', 'periode', 'valeur']);
    feuille.addRow(['taux_pauvrete', 'commune', '35236', new Date(Date.UTC(2021, 0, 1)), 12.5]);
    const r = await envoyer('apercu', 'valeurs.xlsx', Buffer.from(await classeur.xlsx.writeBuffer()));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.exemples).toEqual([{ ligne: 2, cellules: ['taux_pauvrete', 'commune', '35236', '2021-01-01', 12.5] }]);
  });
});

describe('CSV et JSON mal formés', () => {
  const csv =
    'indicateur;territoire_type;territoire_code;periode;valeur\ntaux_pauvrete;commune;35236;2019;12\ntaux_pauvrete;commune;"56001;2019;13\ntaux_pauvrete;commune;44007;2019;14\n';

  it('nomme la ligne d’un guillemet jamais refermé, à l’aperçu comme à l’import (400, pas 500)', async () => {
    const avant = await nombreValeurs();
    for (const route of ['apercu', 'import'] as const) {
      const r = await envoyer(route, 'valeurs.csv', csv);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.detail).toBe(
        'Fichier CSV illisible, ligne 3 : un guillemet (") ouvert n’est jamais refermé ; refermez-le ou retirez-le.',
      );
      expect(r.body.erreurs).toEqual([
        { champ: 'fichier', message: 'Ligne 3 : un guillemet (") ouvert n’est jamais refermé ; refermez-le ou retirez-le' },
      ]);
    }
    expect(await nombreValeurs()).toBe(avant);
  });

  it('refuse une ligne de plus de 1 000 colonnes (413)', async () => {
    const large = `indicateur;territoire_code\n${Array.from({ length: 1500 }, () => 'x').join(';')}\n`;
    const r = await envoyer('apercu', 'valeurs.csv', large);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ limite: '1 000 colonnes', detail: 'La ligne 2 compte 1 500 colonnes : la limite est de 1 000.' });
  });

  it('nomme la ligne et la colonne d’un dataValueSet DHIS2 mal formé, et refuse un JSON trop imbriqué', async () => {
    const r = await envoyer('import', 'valeurs.json', '{\n  "dataValues": [\n    { "dataElement": "x", }\n  ]\n}');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.detail).toMatch(/^JSON invalide à la ligne 3, colonne \d+ : caractère inattendu « } »\.$/);
    const profond = await envoyer('apercu', 'valeurs.json', `{"dataValues": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(profond.status).toBe(400);
    expect(profond.body.detail).toBe('JSON trop imbriqué : plus de 64 niveaux de crochets ou d’accolades (ligne 1, colonne 79).');
  });

  it('nomme le problème d’un GeoJSON de contours mal formé', async () => {
    const r = await ars.multipart('/api/contours/import?type=commune', {
      fichier: { nom: 'communes.geojson', contenu: '{"type": "FeatureCollection", "features": [' },
    });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/^JSON invalide : le fichier se termine avant la fin du document/);
  });
});
