import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../test/harness';

/**
 * Issue 11, item 3: text stored by a user (a contract's title, a fiche's, an organisation's name) that starts like a
 * formula must reach every CSV export as text, and every XLSX export as a string cell, never as a formula.
 */

let serveur: ServeurDeTest;
let admin: ClientHttp;
let cls1: string;
let cls2: string;
let cpam: string;

const HYPERLIEN = '=HYPERLINK("http://x","clic")';
const PREFIXES = [HYPERLIEN, '+1+1 ', '-1+1 ', '@SOMME(A1) ', '\t=1+1 ', '\r=1+1 ', '\uFF1D1+1 '];
const FORMULE = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NOMBRE = /^-?\d+([.,]\d+)?$/;
const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
  cls1 = (await sql(`select id from contrats where generation = 1 and intitule like '%Redon%'`)).rows[0].id;
  cls2 = (await sql(`select id from contrats where generation = 2 and intitule like '%Redon%'`)).rows[0].id;
  cpam = (await sql(`select id from organisations where nom = 'CPAM d’Ille-et-Vilaine'`)).rows[0].id;
  // What an attacker could have typed in any form: every title and name starts like a formula.
  await sql(`update contrats set intitule = $1 || ' ' || id`, [HYPERLIEN]);
  await sql(`update fiches set intitule = ($1::text[])[1 + numero % $2] || numero`, [PREFIXES, PREFIXES.length]);
  const coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  const ligne = await coordination.post(`/api/contrats/${cls2}/financements`, {
    objet: 'coordination',
    financeurLibelle: HYPERLIEN,
    dispositif: 'Fonds propres',
    annee: 2031,
    montantCentimes: 100,
    nature: 'fonctionnement',
    statut: 'prevu',
  });
  expect(ligne.status, JSON.stringify(ligne.body)).toBe(201);
  await sql(
    `update organisations set nom = $1 || ' ' || n from (select id as i, row_number() over () as n from organisations) r where r.i = id`,
    [HYPERLIEN],
  );
});
afterAll(() => serveur.fermer());

async function telecharger(client: ClientHttp | null, chemin: string, entetes: Record<string, string> = {}) {
  const r = await fetch(serveur.url + chemin, { headers: { ...(client?.cookie ? { cookie: client.cookie } : {}), ...entetes } });
  expect(r.status, chemin).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

/** Every cell of a CSV that a spreadsheet would run: none, except numbers written as numbers. */
function verifierCsv(contenu: Buffer, separateur: ',' | ';') {
  const cellules = (parse(contenu, { delimiter: separateur, bom: true, relax_column_count: true }) as string[][]).flat();
  const formules = cellules.filter((c) => FORMULE.test(c) && !NOMBRE.test(c));
  expect(formules).toEqual([]);
  return cellules;
}

describe('exports CSV', () => {
  it('plan.csv : les intitulés de fiche et les noms d’organisation sortent neutralisés', async () => {
    const cellules = verifierCsv(await telecharger(admin, `/api/contrats/${cls1}/plan.csv`), ';');
    for (const prefixe of PREFIXES) expect(cellules.some((c) => c.startsWith(`'${prefixe}`))).toBe(true);
  });

  it('portefeuille.csv : les intitulés de contrat sortent neutralisés', async () => {
    const cellules = verifierCsv(await telecharger(admin, '/api/portefeuille.csv?region=53'), ';');
    expect(cellules).toContain(`'${HYPERLIEN} ${cls1}`);
  });

  it('données ouvertes en CSV, par les trois chemins : neutralisées, et les nombres restent des nombres', async () => {
    for (const [chemin, entetes] of [
      ['/api/public/contrats.csv', {}],
      ['/api/public/contrats?format=csv', {}],
      ['/api/public/contrats', { accept: 'text/csv' }],
    ] as const) {
      const contenu = await telecharger(null, chemin, entetes);
      const cellules = verifierCsv(contenu, ',');
      expect(cellules).toContain(`'${HYPERLIEN} ${cls1}`);
      const [entete, ligne] = parse(contenu) as string[][];
      const champ = (nom: string) => ligne[entete.indexOf(nom)];
      expect(champ('nombreFiches')).toBe('39');
      expect(champ('population')).toMatch(/^\d+$/);
      // Lists joined: the first name starts like a formula, so the whole cell is quoted.
      expect(champ('porteurs')).toMatch(/^'/);
    }
  });

  it('le plan exporté en CSV se réimporte à l’identique : l’apostrophe ajoutée est retirée', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const csv = await telecharger(coordination, `/api/contrats/${cls1}/plan.csv`);
    const nouveau = await coordination.post('/api/contrats', {
      intitule: 'Contrat vide pour le retour du plan',
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 3,
      arsIds: [
        (await sql(`select organisation_id from contrat_organisations where contrat_id = $1 and qualite = 'ars' limit 1`, [cls1])).rows[0]
          .organisation_id,
      ],
      porteursIds: [
        (await sql(`select organisation_id from contrat_organisations where contrat_id = $1 and qualite = 'porteur' limit 1`, [cls1]))
          .rows[0].organisation_id,
      ],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    });
    expect(nouveau.status, JSON.stringify(nouveau.body)).toBe(201);
    const r = await coordination.multipart(`/api/contrats/${nouveau.body.id}/plan/import?dryRun=false`, {
      fichier: { nom: 'plan.csv', contenu: csv },
    });
    expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
    // The import trims titles: "\t=1+1" comes back as "=1+1", as a title typed with a leading tab would.
    const source = (await coordination.get(`/api/contrats/${cls1}/fiches`)).body.map((f: any) => f.intitule.trim()).sort();
    const copie = (await coordination.get(`/api/contrats/${nouveau.body.id}/fiches`)).body.map((f: any) => f.intitule).sort();
    expect(copie).toEqual(source);
    for (const prefixe of PREFIXES) expect(copie.some((t: string) => t.startsWith(prefixe.trim()))).toBe(true);
  });
});

/** The worksheets' XML, read with Debian's unzip: a formula would be an <f> element. */
function feuillesXml(contenu: Buffer): string {
  const fichier = path.join(os.tmpdir(), `maillage-formules-${process.pid}-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(fichier, contenu);
  try {
    return execFileSync('unzip', ['-p', fichier, 'xl/worksheets/*.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(fichier);
  }
}

describe('exports XLSX', () => {
  // ExcelJS writes a string as a string (shared string), whatever its first character: no neutralisation is needed there.
  it('écrivent « =HYPERLINK(…) » comme une cellule de texte, jamais comme une formule, dans chaque classeur', async () => {
    const classeurs = {
      'plan.xlsx': `/api/contrats/${cls1}/plan.xlsx`,
      'plan.xlsx au format TeT': `/api/contrats/${cls1}/plan.xlsx?format=tet`,
      'portefeuille.xlsx': '/api/portefeuille.xlsx?region=53',
      'financements.xlsx': `/api/contrats/${cls2}/financements.xlsx`,
      'engagements.xlsx': `/api/organisations/${cpam}/engagements.xlsx`,
    };
    for (const [nom, chemin] of Object.entries(classeurs)) {
      const contenu = await telecharger(admin, chemin);
      expect(feuillesXml(contenu), nom).not.toMatch(/<f[\s>]/);
      const classeur = new ExcelJS.Workbook();
      await classeur.xlsx.load(contenu as unknown as ArrayBuffer);
      const hostiles: ExcelJS.Cell[] = [];
      classeur.eachSheet((feuille) =>
        feuille.eachRow((ligne) =>
          ligne.eachCell((cellule) => {
            expect(cellule.type, `${nom} ${feuille.name}!${cellule.address}`).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof cellule.value === 'string' && (FORMULE.test(cellule.value) || cellule.value.includes(HYPERLIEN)))
              hostiles.push(cellule);
          }),
        ),
      );
      expect(
        hostiles.some((c) => String(c.value).includes(HYPERLIEN)),
        `${nom} : un titre hostile au moins`,
      ).toBe(true);
      for (const c of hostiles) expect(c.type).toBe(ExcelJS.ValueType.String);
    }
  });
});
