import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse, type Options } from 'csv-parse';
import { ErreurMetier } from './errors';
import { nombre, tropVolumineux, type LimitesFichier } from './limites-fichiers';

/** Longest field or row accepted: beyond, it is almost always a quote never closed that swallows the rest. */
export const TAILLE_ENREGISTREMENT_MAX = 1_000_000;

/**
 * UTF-8 (with or without BOM) when it decodes cleanly, Windows-1252 otherwise: what French administrations export.
 * Decoded piece by piece, so a 300 MB file never becomes one 300 MB string.
 */
export function encodageDe(contenu: Uint8Array): { encodage: string; decodeur: () => TextDecoder } {
  const bom = contenu[0] === 0xef && contenu[1] === 0xbb && contenu[2] === 0xbf;
  if (isUtf8(contenu)) return { encodage: bom ? 'UTF-8 (avec BOM)' : 'UTF-8', decodeur: () => new TextDecoder('utf-8') };
  return { encodage: 'Windows-1252', decodeur: () => new TextDecoder('windows-1252') };
}

export function* morceaux(contenu: Uint8Array, decodeur: TextDecoder, taille = 1 << 16): Generator<string> {
  for (let i = 0; i < contenu.length; i += taille) yield decodeur.decode(contenu.subarray(i, i + taille), { stream: true });
  const reste = decodeur.decode();
  if (reste) yield reste;
}

/** The first line, decoded (without reading the whole file). */
export function premiereLigne(contenu: Uint8Array, decodeur: TextDecoder): string {
  const debut = decodeur.decode(contenu.subarray(0, TAILLE_ENREGISTREMENT_MAX));
  const fin = debut.search(/\r?\n/);
  if (fin < 0 && contenu.length > TAILLE_ENREGISTREMENT_MAX)
    throw invalideCsv(1, `la ligne d’en-têtes dépasse ${nombre(TAILLE_ENREGISTREMENT_MAX)} caractères`);
  return fin >= 0 ? debut.slice(0, fin) : debut;
}

const invalideCsv = (ligne: number, probleme: string) =>
  new ErreurMetier(400, 'Données invalides', `Fichier CSV illisible, ligne ${ligne} : ${probleme}.`, {
    erreurs: [{ champ: 'fichier', message: `Ligne ${ligne} : ${probleme}` }],
  });

/** csv-parse's errors, in French, with the line where the problem starts. */
export function erreurCsv(e: unknown, derniereLigneLue: number): unknown {
  if (!(e instanceof CsvError)) return e;
  const ligne = (e as CsvError & { lines?: number }).lines ?? derniereLigneLue + 1;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return invalideCsv(derniereLigneLue + 1, 'un guillemet (") ouvert n’est jamais refermé ; refermez-le ou retirez-le');
    case 'CSV_MAX_RECORD_SIZE':
      return invalideCsv(
        derniereLigneLue + 1,
        `une ligne dépasse ${nombre(TAILLE_ENREGISTREMENT_MAX)} caractères (souvent un guillemet jamais refermé)`,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return invalideCsv(
        ligne,
        'un caractère suit un guillemet fermant ; doublez les guillemets à l’intérieur d’un texte entre guillemets ("")',
      );
    case 'CSV_QUOTE_NOT_CLOSED_AT_END' as string:
      return invalideCsv(ligne, 'guillemet non refermé en fin de fichier');
    default:
      return invalideCsv(ligne, `structure CSV invalide (${e.code})`);
  }
}

/**
 * The records of a CSV, one at a time with their line number, within the caps on rows, columns and cells.
 * Errors come out as French 400 naming the line; caps as 413 naming the limit.
 */
export async function* enregistrements(
  contenu: Uint8Array,
  decodeur: TextDecoder,
  options: Options,
  limites: Pick<LimitesFichier, 'lignesMax' | 'colonnesMax' | 'cellulesMax'>,
): AsyncGenerator<{ ligne: number; cellules: string[] }> {
  // The line of the last complete record, noted as the parser makes it: it may fail before we read what it buffered.
  let derniere = Number(options.from_line ?? 1) - 1;
  const analyseur = Readable.from(morceaux(contenu, decodeur)).pipe(
    parse({
      ...options,
      info: true,
      max_record_size: TAILLE_ENREGISTREMENT_MAX,
      on_record: (enregistrement, contexte) => {
        derniere = contexte.lines;
        return enregistrement;
      },
    }),
  );
  let cellules = 0;
  try {
    for await (const { record, info } of analyseur as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (info.lines > limites.lignesMax)
        throw tropVolumineux(
          `Le fichier dépasse ${nombre(limites.lignesMax)} lignes : découpez-le.`,
          `${nombre(limites.lignesMax)} lignes`,
        );
      if (record.length > limites.colonnesMax)
        throw tropVolumineux(
          `La ligne ${info.lines} compte ${nombre(record.length)} colonnes : la limite est de ${nombre(limites.colonnesMax)}.`,
          `${nombre(limites.colonnesMax)} colonnes`,
        );
      cellules += record.length;
      if (cellules > limites.cellulesMax)
        throw tropVolumineux(
          `Le fichier dépasse ${nombre(limites.cellulesMax)} cellules : découpez-le.`,
          `${nombre(limites.cellulesMax)} cellules`,
        );
      yield { ligne: info.lines, cellules: record };
    }
  } catch (e) {
    throw erreurCsv(e, derniere);
  } finally {
    analyseur.destroy();
  }
}
