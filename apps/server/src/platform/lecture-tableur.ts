import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** A file as rows of cells, whatever it came as. */
export interface Tableau {
  format: 'csv' | 'xlsx' | 'dhis2';
  encodage: string | null;
  separateur: string | null;
  entetes: string[];
  /** Row number in the file (1-based, header included) and its cells, one at a time. */
  lignes: () => AsyncIterable<{ ligne: number; cellules: (string | number | null)[] }>;
}

/** UTF-8 (with or without BOM) when it decodes cleanly, Windows-1252 otherwise: what French administrations export. */
export function decoder(contenu: Buffer): { texte: string; encodage: string } {
  if (contenu[0] === 0xef && contenu[1] === 0xbb && contenu[2] === 0xbf) return { texte: contenu.subarray(3).toString('utf8'), encodage: 'UTF-8 (avec BOM)' };
  try {
    return { texte: new TextDecoder('utf-8', { fatal: true }).decode(contenu), encodage: 'UTF-8' };
  } catch {
    return { texte: new TextDecoder('windows-1252').decode(contenu), encodage: 'Windows-1252' };
  }
}

/** The separator is the one that splits the header line the most (outside quotes). */
export function detecterSeparateur(premiereLigne: string): string {
  const sansGuillemets = premiereLigne.replace(/"[^"]*"/g, '');
  const candidats = [';', ',', '\t', '|'].map((s) => [s, sansGuillemets.split(s).length] as const);
  return candidats.sort((a, b) => b[1] - a[1])[0][0];
}

function lireCsv(contenu: Buffer): Tableau {
  const { texte, encodage } = decoder(contenu);
  const premiereLigne = texte.slice(0, texte.search(/\r?\n/) >= 0 ? texte.search(/\r?\n/) : texte.length);
  const separateur = detecterSeparateur(premiereLigne);
  const options = { delimiter: separateur, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true };
  const entetes = ((parseSync(premiereLigne, { delimiter: separateur, bom: true, relax_quotes: true }) as string[][])[0] ?? []).map((e) => e.trim());
  return {
    format: 'csv',
    encodage,
    separateur,
    entetes,
    lignes: async function* () {
      // Fed in small pieces: one 100 MB chunk would be parsed in a single synchronous call, freezing the server.
      const morceaux = function* () {
        for (let i = 0; i < texte.length; i += 1 << 16) yield texte.slice(i, i + (1 << 16));
      };
      const analyseur = Readable.from(morceaux()).pipe(parse({ ...options, from_line: 2, info: true }));
      for await (const { record, info } of analyseur as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { ligne: info.lines, cellules: record };
    },
  };
}

function valeurCellule(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return typeof v === 'string' ? v.trim() : v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return valeurCellule(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v);
}

async function lireXlsx(contenu: Buffer): Promise<Tableau> {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(contenu as unknown as ArrayBuffer);
  const feuille = classeur.worksheets.find((f) => f.actualRowCount > 0);
  if (!feuille) throw new Error('Le classeur ne contient aucune feuille remplie.');
  const largeur = feuille.actualColumnCount;
  const cellules = (n: number) => Array.from({ length: largeur }, (_, i) => valeurCellule(feuille.getRow(n).getCell(i + 1).value));
  return {
    format: 'xlsx',
    encodage: null,
    separateur: null,
    entetes: cellules(1).map((c) => String(c ?? '').trim()),
    lignes: async function* () {
      for (let n = 2; n <= feuille.rowCount; n++) {
        const ligne = cellules(n);
        if (ligne.some((c) => c !== null && c !== '')) yield { ligne: n, cellules: ligne };
      }
    },
  };
}

/** DHIS2 dataValueSets: { dataValues: [{ dataElement, period, orgUnit, value }] }, as a long table. */
function lireDhis2(contenu: Buffer): Tableau {
  const json = JSON.parse(decoder(contenu).texte) as { dataValues?: Record<string, unknown>[] };
  if (!Array.isArray(json.dataValues)) throw new Error('Fichier JSON sans « dataValues » : ce n’est pas un dataValueSet DHIS2.');
  const valeurs = json.dataValues;
  return {
    format: 'dhis2',
    encodage: 'UTF-8',
    separateur: null,
    entetes: ['dataElement', 'period', 'orgUnit', 'value'],
    lignes: async function* () {
      for (const [i, v] of valeurs.entries())
        yield { ligne: i + 1, cellules: [v.dataElement, v.period, v.orgUnit, v.value].map((c) => (c === undefined || c === null ? null : typeof c === 'number' ? c : String(c))) };
    },
  };
}

export async function lireFichier(nom: string, contenu: Buffer): Promise<Tableau> {
  const extension = nom.toLowerCase().split('.').pop();
  if (extension === 'xlsx' || (contenu[0] === 0x50 && contenu[1] === 0x4b)) return lireXlsx(contenu);
  if (extension === 'json' || contenu.subarray(0, 20).toString().trim().startsWith('{')) return lireDhis2(contenu);
  return lireCsv(contenu);
}
