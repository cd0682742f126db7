/** The typed fetch wrapper every call to the Maillage API goes through. */

export interface ErreurChamp {
  champ: string;
  message: string;
}

/** An RFC 9457 problem, as the server sends it (application/problem+json). */
export interface Probleme {
  type?: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  erreurs?: ErreurChamp[];
  /** On 409 (stale version): the current state of the resource, when the server sends it. */
  courant?: unknown;
  /** On 422 of a plan import: the line-by-line report. */
  rapport?: unknown;
  /** On 409 when creating an organisation: the organisations that may already be it. */
  doublons?: unknown;
  creationPossible?: boolean;
}

export class ErreurApi extends Error {
  constructor(
    readonly statut: number,
    readonly probleme: Probleme,
  ) {
    super(probleme.detail || probleme.title);
    this.name = 'ErreurApi';
  }
}

export const estErreurApi = (e: unknown, statut?: number): e is ErreurApi =>
  e instanceof ErreurApi && (statut === undefined || e.statut === statut);

let jetonCsrf: string | null = null;

/** Set from the session (login or GET /api/auth/session); sent on every state-changing request. */
export function definirJetonCsrf(jeton: string | null) {
  jetonCsrf = jeton;
}

type Methode = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How long a repeat of the same POST counts as the same user action (a double click, a second Enter). */
const DUREE_ACTION_MS = 10_000;
const clesRecentes = new Map<string, { cle: string; le: number }>();

// crypto.randomUUID exists only in secure contexts (HTTPS, localhost); getRandomValues everywhere.
function nouvelleCle(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const o = crypto.getRandomValues(new Uint8Array(16));
  o[6] = (o[6] & 0x0f) | 0x40;
  o[8] = (o[8] & 0x3f) | 0x80;
  const h = [...o].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The Idempotency-Key of a POST: a fresh one per action, the same one for the same request (address and body) sent
 * again within a few seconds, so that the server replays the first answer instead of creating a duplicate.
 */
function cleIdempotence(chemin: string, corps: string): { cle: string; action: string; oublier: () => void } {
  const maintenant = Date.now();
  for (const [k, v] of clesRecentes) if (maintenant - v.le > DUREE_ACTION_MS) clesRecentes.delete(k);
  const action = `${chemin}\n${corps}`;
  let recente = clesRecentes.get(action);
  if (!recente) {
    recente = { cle: nouvelleCle(), le: maintenant };
    clesRecentes.set(action, recente);
  }
  const cle = recente.cle;
  return { cle, action, oublier: () => clesRecentes.get(action)?.cle === cle && clesRecentes.delete(action) };
}

/**
 * Another write went through: the same request sent again is now a new action, not a repeat. Submitting a value, having
 * it sent back and correcting it, then submitting it again sends the very same POST twice within seconds; with the old
 * key the server would replay the first answer ("soumis") and submit nothing.
 */
function oublierAutresActions(saufAction: string | null) {
  for (const k of clesRecentes.keys()) if (k !== saufAction) clesRecentes.delete(k);
}

export interface OptionsRequete {
  methode?: Methode;
  corps?: unknown;
  signal?: AbortSignal;
}

export async function requete<T>(chemin: string, { methode = 'GET', corps, signal }: OptionsRequete = {}): Promise<T> {
  const entetes: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // A FormData body (file upload) sets its own multipart Content-Type, boundary included.
  const formulaire = corps instanceof FormData;
  if (corps !== undefined && !formulaire) entetes['Content-Type'] = 'application/json';
  if (methode !== 'GET' && jetonCsrf) entetes['X-CSRF-Token'] = jetonCsrf;
  const texte = corps === undefined || formulaire ? undefined : JSON.stringify(corps);
  // Every POST but a file upload (the server cannot compare those), the session's and one's own account (which the
  // server never replays: cookies, passwords, API tokens).
  const idempotence =
    methode === 'POST' && !formulaire && !/^\/api\/(auth|moi)\//.test(chemin) ? cleIdempotence(chemin, texte ?? '') : null;
  if (idempotence) entetes['Idempotency-Key'] = idempotence.cle;

  let reponse: Response;
  try {
    reponse = await fetch(chemin, {
      method: methode,
      credentials: 'same-origin',
      headers: entetes,
      body: formulaire ? corps : texte,
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ErreurApi(0, {
      title: 'Serveur injoignable',
      status: 0,
      detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    });
  }

  // A write that went through (replayed or not) ends the other actions: repeating one of them is a new action.
  if (methode !== 'GET' && reponse.ok) oublierAutresActions(idempotence?.action ?? null);
  if (reponse.status === 204 || reponse.status === 205) return undefined as T;
  const json = (reponse.headers.get('content-type') ?? '').includes('json');
  const donnees: unknown = json ? await reponse.json().catch(() => null) : null;
  if (!reponse.ok) {
    // A refusal ends the action: the next click is a new attempt, with a new key. A lost answer (above) keeps the key.
    idempotence?.oublier();
    const probleme =
      donnees && typeof donnees === 'object' && 'detail' in donnees
        ? (donnees as Probleme)
        : {
            title: reponse.statusText || 'Erreur',
            status: reponse.status,
            detail: `Le serveur a répondu par une erreur ${reponse.status}.`,
          };
    throw new ErreurApi(reponse.status, probleme);
  }
  return donnees as T;
}

/** "?q=…&page=2" from the non-empty values only. */
export function parametres(valeurs: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(valeurs)) {
    if (valeur !== undefined && valeur !== null && valeur !== '') p.set(cle, String(valeur));
  }
  const texte = p.toString();
  return texte ? `?${texte}` : '';
}
