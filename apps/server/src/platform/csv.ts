import { stringify } from 'csv-stringify/sync';

/** A cell as an export holds it: typed values, so that only text is ever neutralised. */
export type CelluleCsv = string | number | boolean | Date | null | undefined;

export interface OptionsCsv {
  separateur: ',' | ';';
  /** A byte-order mark first: French Excel then reads UTF-8. */
  bom?: boolean;
  nombre?: (n: number) => string;
  date?: (d: Date) => string;
  booleen?: (b: boolean) => string;
}

/**
 * Every CSV export goes through here. A spreadsheet runs a text cell that starts with =, +, -, @, a tab or a carriage
 * return (and their full-width forms) as a formula: `=HYPERLINK(…)` sends the reader elsewhere, DDE can run commands
 * (OWASP, « CSV Injection »). csv-stringify's `escape_formulas` prefixes such cells with a single quote, which
 * spreadsheets show as text. It looks at the cell's type: a number stays a number (-3,5 in a number column is still
 * -3,5, never text); only text is neutralised, so a text that merely looks like a number ("-3,5" typed in a title)
 * gets the quote too.
 */
export function ecrireCsv(lignes: CelluleCsv[][], options: OptionsCsv): string {
  const corps = stringify(lignes, {
    delimiter: options.separateur,
    record_delimiter: '\r\n',
    // A cell with a lone \n or \r is quoted too: with an explicit record delimiter the library would not, and a
    // spreadsheet then breaks the row in two.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      // The library leaves a number's "-" alone; -Infinity is no number for a reader, so it is quoted here.
      number: (n) => (Number.isFinite(n) ? (options.nombre ?? String)(n) : String(n).replace(/^-/, "'-")),
      date: options.date ?? ((d) => d.toISOString()),
      boolean: options.booleen ?? ((b) => (b ? 'true' : 'false')),
    },
  });
  return options.bom ? `\uFEFF${corps}` : corps;
}

const NEUTRALISEE = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell of our own export read back (the plan's round trip): the quote the export added is taken off again, so that
 * "- Accès aux soins" survives export then import unchanged.
 */
export function retirerNeutralisation(texte: string): string {
  return NEUTRALISEE.test(texte) ? texte.slice(1) : texte;
}
