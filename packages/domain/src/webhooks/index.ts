/**
 * Webhooks (issue 19, item 4; decision 0039): the events an organisation may subscribe to, what a target URL must be,
 * and when a failed delivery is tried again. Pure rules: the server signs, sends and records.
 */

export const TYPES_EVENEMENT = [
  'contrat.signe',
  'avenant.signe',
  'fiche.statut_modifie',
  'campagne.close',
  'valeur.validee',
  'seance.tenue',
] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

export const LIBELLES_EVENEMENT: Record<TypeEvenement, string> = {
  'contrat.signe': 'Contrat signé',
  'avenant.signe': 'Avenant signé',
  'fiche.statut_modifie': 'Statut d’une fiche-action changé',
  'campagne.close': 'Campagne de suivi close',
  'valeur.validee': 'Valeur de suivi validée',
  'seance.tenue': 'Séance d’instance tenue',
};

export const STATUTS_ABONNEMENT = ['actif', 'en_pause'] as const;
export type StatutAbonnement = (typeof STATUTS_ABONNEMENT)[number];
export const STATUTS_LIVRAISON = ['en_attente', 'reussie', 'echouee', 'abandonnee'] as const;
export type StatutLivraison = (typeof STATUTS_LIVRAISON)[number];
export const RESULTATS_TENTATIVE = ['reussie', 'echec_http', 'delai_depasse', 'erreur_reseau', 'cible_refusee'] as const;
export type ResultatTentative = (typeof RESULTATS_TENTATIVE)[number];

export const LIBELLES_STATUT_LIVRAISON: Record<StatutLivraison, string> = {
  en_attente: 'En attente',
  reussie: 'Réussie',
  echouee: 'Échouée',
  abandonnee: 'Abandonnée (abonnement en pause)',
};
export const LIBELLES_RESULTAT_TENTATIVE: Record<ResultatTentative, string> = {
  reussie: 'Réussie',
  echec_http: 'Réponse en erreur',
  delai_depasse: 'Délai de réponse dépassé',
  erreur_reseau: 'Erreur réseau',
  cible_refusee: 'Adresse refusée (réseau privé)',
};

/** Where the server may send: what the configuration allows besides public HTTPS (tests and development). */
export interface ReglesCible {
  /** http:// is accepted for localhost (127.0.0.1, ::1, localhost) only: a receiver on the developer's machine. */
  httpLocal: boolean;
  /** Private, loopback and reserved addresses are refused unless this is set (SSRF, decision 0039). */
  reseauxPrives: boolean;
}

// The WHATWG URL parser, global in Node and in browsers; the domain package's types list no runtime, so it is named here.
declare const URL: new (texte: string) => { protocol: string; hostname: string; username: string; password: string; hash: string };

const HOTES_LOCAUX = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An address literal that is not public: loopback, private, link-local, CGNAT, unspecified, unique-local IPv6. */
export function adresseNonPublique(hote: string): boolean {
  const h = hote.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (h.includes(':')) return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

/**
 * Why a subscription URL is refused, in French (null when it is accepted). Only what the URL says is checked here;
 * a host name that resolves to a private address is refused at each delivery, when it is resolved (the server's agent).
 */
export function refusUrl(texte: string, regles: ReglesCible): string | null {
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(texte);
  } catch {
    return 'Adresse invalide : une URL complète est attendue (https://…).';
  }
  if (url.username || url.password) return 'L’adresse ne doit pas contenir d’identifiant ni de mot de passe.';
  if (url.hash) return 'L’adresse ne doit pas contenir de fragment (#…).';
  if (url.protocol === 'http:') {
    if (!(regles.httpLocal && HOTES_LOCAUX.has(url.hostname)))
      return 'L’adresse doit commencer par https:// (http:// n’est accepté que pour localhost en test ou en développement).';
  } else if (url.protocol !== 'https:') return 'L’adresse doit commencer par https://.';
  if (!regles.reseauxPrives && adresseNonPublique(url.hostname))
    return 'Cette adresse désigne un réseau privé ou local : elle n’est pas accessible aux webhooks.';
  return null;
}

/**
 * Seconds to wait before attempt n + 1 after attempt n failed (n from 1), or null when the delivery has had all its
 * attempts. `delais` is the schedule: by default 1 min, 5 min, 30 min, 2 h, 6 h, 12 h (seven attempts over ~21 h).
 */
export function delaiAvantNouvelleTentative(tentativesFaites: number, delais: readonly number[]): number | null {
  return tentativesFaites >= 1 && tentativesFaites <= delais.length ? delais[tentativesFaites - 1] : null;
}

/** Failed attempts in a row (any delivery of the subscription, reset by a success) that pause it: `seuil` or more. */
export const doitMettreEnPause = (echecsConsecutifs: number, seuil: number) => echecsConsecutifs >= seuil;

/** A receiver accepts a delivery with any 2xx answer; anything else is a failure to try again. */
export const reponseAcceptee = (codeHttp: number) => codeHttp >= 200 && codeHttp < 300;
