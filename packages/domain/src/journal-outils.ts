import { formaterDate } from './format';
import { libellePeriodeSuivi } from './suivi';

/** What the audit log knows of each audited entity: its label, its articles and how to name it (journal.ts makes the sentences). */

export interface EvenementJournal {
  entiteType: string;
  entiteId?: string | null;
  action: string;
  diff: Record<string, { avant: unknown; apres: unknown }>;
  contexte?: Record<string, unknown> | null;
}

/** Names the caller knows (organisations, axes, objectifs… by id): the history of a contract passes its own. */
export type Noms = ReadonlyMap<string, string>;

export interface Entite {
  /** Label of the audit log's column and filter. */
  libelle: string;
  /** Definite form, completed by the name when known: "la séance" + "du 1er juillet 2021". */
  le: string;
  /** Form used when the name is unknown: "une séance". */
  un: string;
  nom?: (e: EvenementJournal, noms: Noms) => string | null | undefined;
  /** Sentences proper to this entity, by action; `{}` is where its name goes. */
  verbes?: Record<string, string>;
}

export const valeur = (e: EvenementJournal, champ: string): unknown =>
  e.diff[champ]?.apres ?? e.diff[champ]?.avant ?? e.contexte?.[champ] ?? undefined;
export const texte = (e: EvenementJournal, champ: string): string | null => {
  const v = valeur(e, champ);
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null;
};
export const court = (t: string) => (t.length > 120 ? `${t.slice(0, 117)}…` : t);
export const guillemets = (t: string | null) => (t ? `« ${court(t)} »` : null);
export const parId = (e: EvenementJournal, noms: Noms) => (e.entiteId ? noms.get(e.entiteId) : undefined);
export const organisation = (e: EvenementJournal, noms: Noms) => {
  const id = texte(e, 'organisationId');
  return (id && noms.get(id)) || texte(e, 'organisation') || texte(e, 'organisationNom');
};
export const ficheDe = (e: EvenementJournal, noms: Noms) => {
  const id = (e.contexte?.ficheId as string | undefined) ?? undefined;
  const numero = e.contexte?.numero ?? e.contexte?.ficheNumero;
  if (id && noms.has(id)) return noms.get(id)!;
  return numero !== undefined && numero !== null ? `fiche ${numero}` : null;
};
export const periode = (e: EvenementJournal) => {
  const p = texte(e, 'periode');
  return p ? libellePeriodeSuivi(p) : null;
};
/** "de la période 2024 de la fiche 3", each part only when known. */
export const duSuivi = (e: EvenementJournal, noms: Noms) => {
  const p = periode(e);
  const f = ficheDe(e, noms);
  return [p && `de la période ${p}`, f && `de la ${f}`].filter(Boolean).join(' ') || null;
};
export const dateDe = (e: EvenementJournal, champ: string) => {
  const d = texte(e, champ);
  return d ? `du ${formaterDate(d)}` : null;
};
