import { randomUUID } from 'node:crypto';
import type { ClientHttp } from './harness';
import { texteLisible } from './fuites';

/**
 * Calling routes the leak tests do not know in advance: each route of the running app (its route table) with its
 * OpenAPI operation, path parameters filled by name, required query parameters and a plausible body generated from
 * the JSON schema, so that a refusal comes from the rules, not from validation.
 */

export interface Operation {
  methode: string;
  /** Fastify's form: /api/appui/situations/:id */
  url: string;
  parametres: { nom: string; dans: string; requis: boolean; schema: Schema }[];
  corps: Schema | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON schema, read loosely
type Schema = Record<string, any>;

/** The OpenAPI operation of each route the server registered (the OpenAPI test guarantees each is documented). */
export async function operations(client: ClientHttp, routes: { methode: string; url: string }[]): Promise<Operation[]> {
  const doc = (await client.get('/api/openapi.json')).body;
  return routes.map((r) => {
    const chemin = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = doc.paths?.[chemin]?.[r.methode.toLowerCase()] ?? {};
    return {
      methode: r.methode,
      url: r.url,
      parametres: (op.parameters ?? []).map((p: Schema) => ({ nom: p.name, dans: p.in, requis: !!p.required, schema: p.schema ?? {} })),
      corps: op.requestBody?.content?.['application/json']?.schema ?? null,
    };
  });
}

/** Values by name: the ids of the case and its parts, the team, a resource of the directory… */
export type Valeurs = Record<string, string>;

/** The value of a path parameter: `:id` by the segment before it (situations → situation), others by their name. */
export function valeurParametre(url: string, nom: string, valeurs: Valeurs): string {
  if (valeurs[nom]) return valeurs[nom];
  const segments = url.split('/');
  const i = segments.indexOf(`:${nom}`);
  const avant = (segments[i - 1] ?? '').replace(/s$/, '').replace(/-/g, '');
  const cle = nom === 'id' ? avant : nom.replace(/Id$/, '');
  const trouve = Object.keys(valeurs).find((k) => k.toLowerCase() === `${cle}id`.toLowerCase() || k.toLowerCase() === cle.toLowerCase());
  return trouve ? valeurs[trouve] : randomUUID();
}

function premierDe(schema: Schema): Schema {
  const variantes = schema.anyOf ?? schema.oneOf;
  if (variantes) return variantes.find((v: Schema) => v.type !== 'null') ?? variantes[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf);
  return schema;
}

/** A plausible value for a JSON schema: enums' first value, ids by property name, dates, the minimum number… */
export function exemple(schema: Schema, valeurs: Valeurs, nom = '', profondeur = 0): unknown {
  const s = premierDe(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      if (profondeur > 6) return {};
      const objet: Record<string, unknown> = {};
      for (const [cle, sous] of Object.entries<Schema>(s.properties ?? {}))
        if ((s.required ?? []).includes(cle)) objet[cle] = exemple(sous, valeurs, cle, profondeur + 1);
      return objet;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => exemple(s.items ?? {}, valeurs, nom, profondeur + 1));
    case 'integer':
    case 'number':
      return nom === 'version' ? 1 : Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid' || /Id$/.test(nom)) return valeurParametre(`/${nom}/:${nom}`, nom, valeurs);
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T10:00:00.000Z';
      if (s.format === 'email') return 'fuites@exemple.fr';
      if (/^\^\[0-9\]\{(\d+)\}\$$/.test(s.pattern ?? '')) return '1'.repeat(Number(s.pattern.match(/\d+/)[0]));
      return 'Essai'.padEnd(Math.max(5, s.minLength ?? 0), 'x').slice(0, s.maxLength ?? 1000);
    }
    default:
      return null;
  }
}

/** The address to call: path parameters filled, required query parameters given a plausible value. */
export function adresse(op: Operation, valeurs: Valeurs, requete: Record<string, string> = {}): string {
  const chemin = op.url.replace(/:([A-Za-z0-9_]+)/g, (_t, nom: string) => encodeURIComponent(valeurParametre(op.url, nom, valeurs)));
  const query = new URLSearchParams(requete);
  for (const p of op.parametres)
    if (p.dans === 'query' && (p.requis || valeurs[p.nom]) && !query.has(p.nom))
      query.set(p.nom, String(valeurs[p.nom] ?? exemple(p.schema, valeurs, p.nom)));
  const q = query.toString();
  return q ? `${chemin}?${q}` : chemin;
}

export interface Appel {
  statut: number;
  type: string;
  texte: string;
}

/** A real HTTP call with the client's cookie, CSRF token or bearer token; the answer read as its reader would. */
export async function appeler(client: ClientHttp, methode: string, chemin: string, corps?: unknown): Promise<Appel> {
  const entetes: Record<string, string> = {};
  if (client.cookie) entetes.cookie = client.cookie;
  if (client.bearer) entetes.authorization = `Bearer ${client.bearer}`;
  if (client.csrf && methode !== 'GET') entetes['x-csrf-token'] = client.csrf;
  if (corps !== undefined) entetes['content-type'] = 'application/json';
  // As the web app does for every POST: the answer is kept by the idempotency table, which must not hold it in clear.
  if (methode === 'POST') entetes['idempotency-key'] = randomUUID();
  const r = await fetch(client.base + chemin, {
    method: methode,
    headers: entetes,
    body: corps === undefined ? undefined : typeof corps === 'string' ? corps : JSON.stringify(corps),
  });
  const octets = Buffer.from(await r.arrayBuffer());
  const disposition = r.headers.get('content-disposition') ?? '';
  return { statut: r.status, type: r.headers.get('content-type') ?? '', texte: `${disposition}\n${texteLisible(octets)}` };
}
