/**
 * How many answers one address may send to the consultations in a window, kept in this process's memory only: the
 * address never reaches the database, nor the answer (decision 0041). Several server processes each keep their own
 * count; the limit is a brake on a script, not an exact quota.
 */
export const LIMITE_REPONSES = { nombre: 20, fenetreSecondes: 15 * 60 };

const envois = new Map<string, number[]>();
let dernierMenage = 0;

/** Seconds to wait before this address may answer again, or 0 when it may now. */
export function attenteAvantReponse(adresse: string, maintenant = Date.now()): number {
  menage(maintenant);
  const debut = maintenant - LIMITE_REPONSES.fenetreSecondes * 1000;
  const recents = (envois.get(adresse) ?? []).filter((t) => t > debut);
  if (recents.length < LIMITE_REPONSES.nombre) return 0;
  return Math.max(1, Math.ceil((recents[0] - debut) / 1000));
}

/** Counts one answer (kept or silently discarded) sent by this address. */
export function compterReponse(adresse: string, maintenant = Date.now()): void {
  const debut = maintenant - LIMITE_REPONSES.fenetreSecondes * 1000;
  envois.set(adresse, [...(envois.get(adresse) ?? []).filter((t) => t > debut), maintenant]);
}

/** Forgets the addresses whose window has passed, at most once a minute: the map does not grow with the traffic. */
function menage(maintenant: number) {
  if (maintenant - dernierMenage < 60_000) return;
  dernierMenage = maintenant;
  const debut = maintenant - LIMITE_REPONSES.fenetreSecondes * 1000;
  for (const [adresse, temps] of envois) if (!temps.some((t) => t > debut)) envois.delete(adresse);
}

/** For tests: starts from no count. */
export function oublierLimites() {
  envois.clear();
}
