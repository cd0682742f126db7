/**
 * Table Schema validation for the tests of the open data (decision 0038). No maintained JavaScript implementation of
 * Table Schema exists: `tableschema` (frictionlessdata/tableschema-js, 1.12.6) is no longer kept up and pins axios
 * 0.21, moment 2.24 and tv4. So:
 *  - the descriptor is validated by ajv (its draft-04 build) against the official Table Schema profile, kept beside
 *    this file (`table-schema.profil.json`, the profile Frictionless publishes, as shipped by tableschema 1.12.6, MIT);
 *  - the CSV is parsed by csv-parse and every cell checked by the rules of the spec for the types, formats and
 *    constraints the schema uses. A type, format or constraint this checker does not know is an error, never a pass.
 */
import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';

export interface ChampTableSchema {
  name: string;
  type: string;
  format?: string;
  constraints?: Record<string, unknown>;
  trueValues?: string[];
  falseValues?: string[];
  [cle: string]: unknown;
}
export interface DescripteurTableSchema {
  fields: ChampTableSchema[];
  primaryKey?: string | string[];
  missingValues?: string[];
  [cle: string]: unknown;
}
export interface ErreurTable {
  ligne: number;
  champ: string | null;
  message: string;
}

const profil = JSON.parse(readFileSync(new URL('./table-schema.profil.json', import.meta.url), 'utf8'));
// strict: false: the profile carries documentation keywords (context, examples) that are not JSON Schema.
const verifierDescripteur = new Ajv04({ strict: false, allErrors: true }).compile(profil);

/** The descriptor's errors against the official profile (none: valid). */
export function erreursDescripteur(descripteur: unknown): string[] {
  if (verifierDescripteur(descripteur)) return [];
  return (verifierDescripteur.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTIER = /^[+-]?[0-9]+$/;
const NOMBRE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
// ISO 8601 in UTC or with an offset; fractions of a second allowed (the spec's example has none, ISO 8601 does).
const DATETIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/;
const COURRIEL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function dateValide(texte: string): boolean {
  const m = DATE.exec(texte);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A cell cast to its field's type: the value, or the reason it is not one. */
function lireCellule(champ: ChampTableSchema, texte: string): { valeur: unknown } | { erreur: string } {
  const format = champ.format ?? 'default';
  switch (champ.type) {
    case 'string': {
      if (format === 'default') return { valeur: texte };
      if (format === 'uuid') return UUID.test(texte) ? { valeur: texte } : { erreur: `« ${texte} » n’est pas un UUID` };
      if (format === 'email') return COURRIEL.test(texte) ? { valeur: texte } : { erreur: `« ${texte} » n’est pas un courriel` };
      if (format === 'uri') {
        try {
          new URL(texte);
          return { valeur: texte };
        } catch {
          return { erreur: `« ${texte} » n’est pas une URI` };
        }
      }
      break;
    }
    case 'integer':
      if (format === 'default') return ENTIER.test(texte) ? { valeur: Number(texte) } : { erreur: `« ${texte} » n’est pas un entier` };
      break;
    case 'number':
      if (format === 'default') {
        if (['NaN', 'INF', '-INF'].includes(texte)) return { valeur: Number(texte.replace('INF', 'Infinity')) };
        return NOMBRE.test(texte) ? { valeur: Number(texte) } : { erreur: `« ${texte} » n’est pas un nombre` };
      }
      break;
    case 'boolean': {
      const vrais = champ.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const faux = champ.falseValues ?? ['false', 'False', 'FALSE', '0'];
      if (vrais.includes(texte)) return { valeur: true };
      if (faux.includes(texte)) return { valeur: false };
      return { erreur: `« ${texte} » n’est pas un booléen` };
    }
    case 'date':
      if (format === 'default') return dateValide(texte) ? { valeur: texte } : { erreur: `« ${texte} » n’est pas une date AAAA-MM-JJ` };
      break;
    case 'datetime':
      if (format === 'default') {
        const m = DATETIME.exec(texte);
        return m && dateValide(m[1]) ? { valeur: texte } : { erreur: `« ${texte} » n’est pas une date et heure ISO 8601` };
      }
      break;
  }
  throw new Error(`Type ou format non pris en charge par le vérificateur : ${champ.type}/${format} (champ ${champ.name})`);
}

const CONTRAINTES = new Set(['required', 'unique', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'enum']);

/** The constraints a present value breaks (required and unique are checked by the caller). */
function contraintesEnfreintes(champ: ChampTableSchema, texte: string, valeur: unknown): string[] {
  const c = champ.constraints ?? {};
  const erreurs: string[] = [];
  for (const nom of Object.keys(c))
    if (!CONTRAINTES.has(nom)) throw new Error(`Contrainte non prise en charge : ${nom} (champ ${champ.name})`);
  // Numbers compare as numbers; dates and datetimes in ISO form compare as text.
  if (c.minimum !== undefined && (valeur as number | string) < (c.minimum as number | string))
    erreurs.push(`${texte} < minimum ${c.minimum}`);
  if (c.maximum !== undefined && (valeur as number | string) > (c.maximum as number | string))
    erreurs.push(`${texte} > maximum ${c.maximum}`);
  if (c.minLength !== undefined && [...texte].length < (c.minLength as number)) erreurs.push(`longueur < ${c.minLength}`);
  if (c.maxLength !== undefined && [...texte].length > (c.maxLength as number)) erreurs.push(`longueur > ${c.maxLength}`);
  // XML Schema patterns match the whole value.
  if (c.pattern !== undefined && !new RegExp(`^(${c.pattern})$`, 'u').test(texte))
    erreurs.push(`« ${texte} » ne suit pas le motif ${c.pattern}`);
  if (c.enum !== undefined && !(c.enum as unknown[]).includes(valeur))
    erreurs.push(`« ${texte} » hors de la liste ${JSON.stringify(c.enum)}`);
  return erreurs;
}

/**
 * Every error of a CSV against its Table Schema: encoding and header (UTF-8 without BOM, one header line with the
 * fields' names in order), row widths, each cell's type, format and constraints, unique fields and the primary key.
 * `ligne` counts the header as line 1.
 */
export function validerCsv(texte: string, schema: DescripteurTableSchema): ErreurTable[] {
  const erreurs: ErreurTable[] = [];
  if (texte.startsWith('\uFEFF')) erreurs.push({ ligne: 1, champ: null, message: 'marque d’ordre des octets (BOM) en tête' });
  let lignes: string[][];
  try {
    lignes = parse(texte.replace(/^\uFEFF/, ''), { delimiter: ',', relax_column_count: true, record_delimiter: ['\r\n', '\n'] });
  } catch (e) {
    return [...erreurs, { ligne: 0, champ: null, message: `CSV illisible : ${(e as Error).message}` }];
  }
  const noms = schema.fields.map((f) => f.name);
  const [entete = [], ...donnees] = lignes;
  if (JSON.stringify(entete) !== JSON.stringify(noms))
    erreurs.push({ ligne: 1, champ: null, message: `en-tête ${JSON.stringify(entete)} au lieu de ${JSON.stringify(noms)}` });
  const manquantes = new Set(schema.missingValues ?? ['']);
  const cles = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : (schema.primaryKey ?? []);
  const vus = new Map<string, Map<string, number>>();
  donnees.forEach((cellules, i) => {
    const ligne = i + 2;
    if (cellules.length !== noms.length) {
      erreurs.push({ ligne, champ: null, message: `${cellules.length} cellules au lieu de ${noms.length}` });
      return;
    }
    schema.fields.forEach((champ, j) => {
      const texteCellule = cellules[j];
      const requis = champ.constraints?.required === true || cles.includes(champ.name);
      if (manquantes.has(texteCellule)) {
        if (requis) erreurs.push({ ligne, champ: champ.name, message: 'valeur obligatoire absente' });
        return;
      }
      const lu = lireCellule(champ, texteCellule);
      if ('erreur' in lu) {
        erreurs.push({ ligne, champ: champ.name, message: lu.erreur });
        return;
      }
      for (const message of contraintesEnfreintes(champ, texteCellule, lu.valeur)) erreurs.push({ ligne, champ: champ.name, message });
      if (champ.constraints?.unique === true) {
        const deja = vus.get(champ.name) ?? new Map<string, number>();
        if (deja.has(texteCellule))
          erreurs.push({ ligne, champ: champ.name, message: `« ${texteCellule} » déjà vu ligne ${deja.get(texteCellule)}` });
        deja.set(texteCellule, ligne);
        vus.set(champ.name, deja);
      }
    });
    if (cles.length) {
      const cle = JSON.stringify(cles.map((nom) => cellules[noms.indexOf(nom)]));
      const deja = vus.get('\0cle') ?? new Map<string, number>();
      if (deja.has(cle)) erreurs.push({ ligne, champ: cles.join(', '), message: `clé primaire ${cle} déjà vue ligne ${deja.get(cle)}` });
      deja.set(cle, ligne);
      vus.set('\0cle', deja);
    }
  });
  return erreurs;
}
