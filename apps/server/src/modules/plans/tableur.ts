import ExcelJS from 'exceljs';
import { ecrireCsv as ecrireCsvSur, retirerNeutralisation } from '../../platform/csv';
import { invalide } from '../../platform/errors';
import { lireFeuilles, type Feuille, type Valeur } from '../../platform/lecture-tableur';
import { LIMITES } from '../../platform/limites-fichiers';
import { nomDeFichier as nomCommun } from '../../platform/nom-fichier';

/** A cell as the formats see it, whatever the file: text, number, boolean, date (UTC midnight) or empty. */
export type { Feuille, Valeur };

/**
 * Reads an .xlsx workbook or a .csv file (told apart by content, then by name); 400 for anything else. The reading
 * itself happens in a worker thread, streamed and within the plan limits (platform/limites-fichiers.ts).
 */
export async function lireFichier(contenu: Buffer, nom: string): Promise<Feuille[]> {
  if (!contenu.length) throw invalide('Le fichier envoyé est vide.');
  const debut = contenu.subarray(0, 4).toString('hex');
  if (debut === 'd0cf11e0')
    throw invalide('Les classeurs .xls (Excel 97-2003) ne sont pas pris en charge : enregistrez le fichier au format .xlsx.');
  if (debut !== '504b0304' && (/\.(xlsx|xlsm|ods|pdf|docx?)$/i.test(nom) || contenu.subarray(0, 8000).includes(0)))
    throw invalide('Fichier non reconnu : envoyez un classeur .xlsx ou un fichier .csv.');
  const feuilles = await lireFeuilles(nom, contenu, LIMITES.plans);
  if (debut === '504b0304') return feuilles;
  // A CSV this server exported carries formula-like text with a leading apostrophe (platform/csv.ts): take it off.
  for (const f of feuilles)
    for (const l of f.lignes) l.cellules = l.cellules.map((c) => (typeof c === 'string' ? retirerNeutralisation(c) : c));
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
