import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ErreurMetier } from './errors';
import { nombre, tropVolumineux, type LimitesFichier } from './limites-fichiers';

/** A cell as read: text, number, boolean, date (UTC midnight) or empty. */
export type Valeur = string | number | boolean | Date | null;

export function valeurCellule(v: unknown): Valeur {
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

export const classeurIllisible = (raison: string) =>
  new ErreurMetier(
    400,
    'Données invalides',
    `Le classeur n’a pas pu être lu (${raison}) : enregistrez-le de nouveau au format .xlsx (Excel, LibreOffice) et réessayez.`,
    {
      erreurs: [{ champ: 'fichier', message: 'Classeur illisible' }],
    },
  );

export interface LigneXlsx {
  feuille: string;
  /** Sheet order in the file, from 0. */
  rang: number;
  numero: number;
  cellules: Valeur[];
}

/**
 * The non-empty rows of every sheet, read as a stream (ExcelJS's WorkbookReader): memory holds one row and the
 * shared strings, never the workbook. Caps on rows (per sheet), columns and cells: 413 naming the limit.
 * The archive must have been checked first (verifierArchive).
 */
export async function* lignesXlsx(
  contenu: Uint8Array,
  limites: Pick<LimitesFichier, 'lignesMax' | 'colonnesMax' | 'cellulesMax'>,
): AsyncGenerator<LigneXlsx> {
  const lecteur = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(contenu.buffer, contenu.byteOffset, contenu.byteLength)]),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // to know which numbers are dates
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
  );
  let cellulesLues = 0;
  let rang = 0;
  try {
    for await (const feuille of lecteur) {
      const nom = (feuille as unknown as { name: string }).name;
      let lignes = 0;
      for await (const ligne of feuille as unknown as AsyncIterable<ExcelJS.Row>) {
        if (++lignes > limites.lignesMax)
          throw tropVolumineux(
            `La feuille « ${nom} » dépasse ${nombre(limites.lignesMax)} lignes : découpez-la.`,
            `${nombre(limites.lignesMax)} lignes`,
          );
        const cellules: Valeur[] = [];
        let remplie = false;
        ligne.eachCell({ includeEmpty: false }, (cellule, colonne) => {
          if (colonne > limites.colonnesMax)
            throw tropVolumineux(
              `La ligne ${ligne.number} de « ${nom} » a une cellule en colonne ${nombre(colonne)} : la limite est de ${nombre(limites.colonnesMax)} colonnes.`,
              `${nombre(limites.colonnesMax)} colonnes`,
            );
          const v = valeurCellule(cellule.value);
          cellules[colonne - 1] = v;
          if (v !== null) remplie = true;
        });
        cellulesLues += cellules.length;
        if (cellulesLues > limites.cellulesMax)
          throw tropVolumineux(
            `Le classeur dépasse ${nombre(limites.cellulesMax)} cellules : découpez-le.`,
            `${nombre(limites.cellulesMax)} cellules`,
          );
        for (let i = 0; i < cellules.length; i++) cellules[i] ??= null;
        if (remplie) yield { feuille: nom, rang, numero: ligne.number, cellules };
      }
      rang++;
    }
  } catch (e) {
    if (e instanceof ErreurMetier) throw e;
    throw classeurIllisible((e as Error).message);
  }
}
