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

type Methode = 'GET' | 'POST' | 'PUT' | 'DELETE';

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

  let reponse: Response;
  try {
    reponse = await fetch(chemin, {
      method: methode,
      credentials: 'same-origin',
      headers: entetes,
      body: corps === undefined ? undefined : formulaire ? corps : JSON.stringify(corps),
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

  if (reponse.status === 204 || reponse.status === 205) return undefined as T;
  const json = (reponse.headers.get('content-type') ?? '').includes('json');
  const donnees: unknown = json ? await reponse.json().catch(() => null) : null;
  if (!reponse.ok) {
    const probleme =
      donnees && typeof donnees === 'object' && 'detail' in donnees
        ? (donnees as Probleme)
        : { title: reponse.statusText || 'Erreur', status: reponse.status, detail: `Le serveur a répondu par une erreur ${reponse.status}.` };
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
