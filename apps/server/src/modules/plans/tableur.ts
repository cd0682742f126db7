import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ecrireCsv as ecrireCsvSur, retirerNeutralisation } from '../../platform/csv';
import { invalide } from '../../platform/errors';
import { nomDeFichier as nomCommun } from '../../platform/nom-fichier';

/** A cell as the formats see it, whatever the file: text, number, boolean, date (UTC midnight) or empty. */
export type Valeur = string | number | boolean | Date | null;

export interface Feuille {
  nom: string;
  /** Non-empty rows with their number in the file (1-based), cells by column (0-based). */
  lignes: { numero: number; cellules: Valeur[] }[];
}

const LIGNES_MAX = 5000;

function valeurCellule(v: unknown): Valeur {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('error' in o) return null;
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return valeurCellule(o.result);
    if ('text' in o) return valeurCellule(o.text); // hyperlink, whose text may itself be rich
  }
  return String(v);
}

async function lireXlsx(contenu: Buffer): Promise<Feuille[]> {
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(contenu as unknown as ArrayBuffer);
  } catch {
    throw invalide('Le classeur n’a pas pu être lu : enregistrez-le de nouveau au format .xlsx (Excel, LibreOffice) et réessayez.');
  }
  return classeur.worksheets.map((feuille) => {
    const lignes: Feuille['lignes'] = [];
    feuille.eachRow({ includeEmpty: false }, (ligne, numero) => {
      const cellules: Valeur[] = [];
      ligne.eachCell({ includeEmpty: false }, (cellule, colonne) => {
        cellules[colonne - 1] = valeurCellule(cellule.value);
      });
      for (let i = 0; i < cellules.length; i++) cellules[i] ??= null;
      lignes.push({ numero, cellules });
    });
    return { nom: feuille.name, lignes };
  });
}

/** UTF-8 (with or without BOM), else Windows-1252, as French Excel saves "CSV (séparateur : point-virgule)". */
function decoder(contenu: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(contenu).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(contenu);
  }
}

function separateur(texte: string): string {
  const debut = texte.slice(0, 4000);
  const comptes = [';', ',', '\t'].map((s) => [s, debut.split(s).length] as const);
  return comptes.sort((a, b) => b[1] - a[1])[0][0];
}

function lireCsv(contenu: Buffer): Feuille[] {
  const texte = decoder(contenu);
  let enregistrements: string[][];
  try {
    enregistrements = parse(texte, { delimiter: separateur(texte), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (e) {
    throw invalide(`Le fichier CSV n’a pas pu être lu : ${(e as Error).message}`);
  }
  const lignes = enregistrements
    .map((cellules, i) => ({ numero: i + 1, cellules: cellules.map((c) => (c.trim() === '' ? null : retirerNeutralisation(c))) as Valeur[] }))
    .filter((l) => l.cellules.some((c) => c !== null));
  return [{ nom: 'CSV', lignes }];
}

/** Reads an .xlsx workbook or a .csv file (told apart by content, then by name); 400 for anything else. */
export async function lireFichier(contenu: Buffer, nom: string): Promise<Feuille[]> {
  if (!contenu.length) throw invalide('Le fichier envoyé est vide.');
  const debut = contenu.subarray(0, 4).toString('hex');
  let feuilles: Feuille[];
  if (debut === '504b0304') feuilles = await lireXlsx(contenu);
  else if (debut === 'd0cf11e0') throw invalide('Les classeurs .xls (Excel 97-2003) ne sont pas pris en charge : enregistrez le fichier au format .xlsx.');
  else if (/\.(xlsx|xlsm|ods|pdf|docx?)$/i.test(nom) || contenu.subarray(0, 8000).includes(0))
    throw invalide('Fichier non reconnu : envoyez un classeur .xlsx ou un fichier .csv.');
  else feuilles = lireCsv(contenu);
  if (feuilles.some((f) => f.lignes.length > LIGNES_MAX)) throw invalide(`Le fichier compte plus de ${LIGNES_MAX} lignes : découpez-le.`);
  return feuilles;
}

// ---------- Écriture

export interface ColonneEcrite {
  entete: string;
  largeur?: number;
  format?: 'date' | 'euros' | 'entier';
}

export interface FeuilleEcrite {
  nom: string;
  /** A row of column groups above the header (TeT's layout): [first column, last column, label], 1-based. */
  groupes?: [number, number, string][];
  colonnes: ColonneEcrite[];
  lignes: Valeur[][];
}

const FORMATS = { date: 'dd/mm/yyyy', euros: '#,##0.00 "€"', entier: '0' } as const;

export async function ecrireXlsx(feuilles: FeuilleEcrite[]): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  classeur.creator = 'Maillage';
  for (const f of feuilles) {
    const feuille = classeur.addWorksheet(f.nom);
    let rangEntete = 1;
    if (f.groupes) {
      const ligne = feuille.getRow(1);
      for (const [de, a, libelle] of f.groupes) {
        ligne.getCell(de).value = libelle;
        if (a > de) feuille.mergeCells(1, de, 1, a);
      }
      ligne.font = { bold: true };
      rangEntete = 2;
    }
    const entete = feuille.getRow(rangEntete);
    f.colonnes.forEach((c, i) => {
      entete.getCell(i + 1).value = c.entete;
      const colonne = feuille.getColumn(i + 1);
      colonne.width = c.largeur ?? 24;
      if (c.format) colonne.numFmt = FORMATS[c.format];
    });
    entete.font = { bold: true };
    entete.alignment = { wrapText: true, vertical: 'top' };
    feuille.views = [{ state: 'frozen', ySplit: rangEntete }];
    for (const valeurs of f.lignes) {
      const ligne = feuille.addRow(valeurs.map((v) => (v === null ? undefined : v)));
      ligne.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

const deux = (n: number) => String(n).padStart(2, '0');

/** French Excel's CSV: ";" separator, UTF-8 with BOM, dates JJ/MM/AAAA, decimal comma; formula-like text neutralised. */
export function ecrireCsv(entetes: string[], lignes: Valeur[][]): Buffer {
  const texte = ecrireCsvSur([entetes, ...lignes], {
    separateur: ';',
    bom: true,
    date: (v) => `${deux(v.getUTCDate())}/${deux(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`,
    nombre: (v) => (Number.isInteger(v) ? String(v) : String(v).replace('.', ',')),
    booleen: (v) => (v ? 'Oui' : 'Non'),
  });
  return Buffer.from(texte, 'utf8');
}

/** A header-safe file name from a contract's title: "plan-contrat-local-de-sante-du-pays-de-redon.xlsx". */
export function nomDeFichier(intitule: string, extension: string, suffixe = ''): string {
  return nomCommun('plan', intitule, extension, suffixe);
}
