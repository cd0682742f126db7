import { cleEntete, cleTexte, type FicheSaisie, type Terme } from '@maillage/domain';
import type { VueFiche } from '../fiches/fiches.service';
import type { ColonneEcrite, Valeur } from './tableur';

export interface PiloteLu {
  /** null: « à définir ». */
  nom: string | null;
  service: string | null;
  /** "Nom (x)" split into nom and service: the whole text, in case an organisation is named so. */
  complet?: string;
}

export interface PartenaireLu {
  acteur: string;
  organisation: string | null;
  /** null: guessed from the organisation's type. */
  secteur: string | null;
  participation: string[];
}

export interface FinancementLu {
  /** An organisation, matched by name (created when unknown, unless `souple`). */
  financeur: string | null;
  financeurLibelle: string | null;
  /** TeT's financeurs are free labels: an organisation if one matches, a label otherwise. */
  souple?: boolean;
  dispositif: string;
  /** null: the year the fiche starts, or this year. */
  annee: number | null;
  montantCentimes: number;
  nature: string;
  statut: string;
  valorisationNature: string | null;
}

export interface Rattachement {
  numero: number[];
  titre: string;
  /** The cell was only the number ("Axe 1"): the title is the text as written. */
  numeroSeul?: boolean;
}

/** A step of a fiche as a row gives it (a TeT sub-action): every key said, null for an empty cell. */
export type EtapeLue = NonNullable<FicheSaisie['etapes']>[number];

type Simples = Omit<FicheSaisie, 'axeId' | 'objectifId' | 'pilotes' | 'partenaires' | 'financements'>;

/** What a row says of a fiche, names not yet resolved. A key left out: the file does not say (the fiche keeps its value). */
export type Champs = { [K in keyof Simples]?: Simples[K] | null } & {
  axe?: Rattachement | null;
  objectif?: Rattachement | null;
  pilotes?: PiloteLu[];
  partenaires?: PartenaireLu[];
  financements?: FinancementLu[];
};

export interface LigneLue {
  numero?: number;
  ordre?: number;
  champs: Champs;
  erreurs: string[];
  /** A row that only names axes (TeT): they are created, no fiche. */
  structure?: boolean;
  /** The fiche's title cell was only its number ("Fiche action 3"). */
  numeroSeul?: boolean;
  /** A sub-action row (TeT): an étape of the fiche the row names; `champs` then only say which fiche. */
  sousAction?: EtapeLue;
}

export interface Lecteur {
  lire(cellules: Valeur[]): LigneLue | null;
  /** Headers of the file that no field reads. */
  inconnues: string[];
}

export interface FormatPlan {
  nom: 'maillage' | 'tet';
  /** The sheet and columns it writes (TeT adds a row of column groups above its headers). */
  feuille: string;
  colonnes: ColonneEcrite[];
  groupes?: [number, number, string][];
  /** Recognises the header row of this format. */
  reconnait(entetes: string[]): boolean;
  lecteur(entetes: Valeur[]): Lecteur;
  /** The fiche's rows (TeT: its own, then one per étape); `noms` names the organisations it cites by id (partners). */
  ecrire(fiche: VueFiche, noms: Map<string, string>): Valeur[][];
  /** The column that carries a field, for messages. */
  colonne(champ: string): string;
}

export function texteDe(v: Valeur | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  const t = String(v).trim();
  return t === '' ? null : t;
}

export const dateCellule = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const clesEntetes = (entetes: Valeur[]) => entetes.map((e) => cleEntete(texteDe(e) ?? ''));

/** Labels told apart within a taxonomy: two "Formation" become "Formation (Renforcement des capacités…)". */
export function libellesUniques(termes: readonly Terme[]): { code: string; libelle: string }[] {
  const compte = new Map<string, number>();
  for (const t of termes) compte.set(cleTexte(t.libelle), (compte.get(cleTexte(t.libelle)) ?? 0) + 1);
  return termes.map((t) => ({
    code: t.code,
    libelle: compte.get(cleTexte(t.libelle))! > 1 && t.groupe ? `${t.libelle} (${t.groupe})` : t.libelle,
  }));
}

/** A taxonomy value from its label, its unique label or its code. */
export function codeDepuisLibelle(termes: readonly Terme[], texte: string): string | undefined {
  const cle = cleTexte(texte);
  const uniques = libellesUniques(termes);
  return (
    uniques.find((t) => cleTexte(t.libelle) === cle)?.code ??
    termes.find((t) => t.code === texte.trim())?.code ??
    (termes.filter((t) => cleTexte(t.libelle) === cle).length === 1 ? termes.find((t) => cleTexte(t.libelle) === cle)?.code : undefined)
  );
}

/** The pilotes of a fiche as names, "À définir" for none. */
export function pilotesDe(f: VueFiche): { nom: string | null; service: string | null }[] {
  return f.pilotes.length
    ? f.pilotes.map((p) => ({ nom: p.organisationId ? p.organisationNom : null, service: p.service ?? null }))
    : [{ nom: null, service: null }];
}

export const A_DEFINIR = 'À définir';
export const estADefinir = (texte: string) => cleTexte(texte) === 'a definir';

/** "Nom (service)" → the organisation and its service, keeping the whole text in case it is a name. */
export function lirePilote(texte: string): PiloteLu {
  const m = texte.match(/^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/s);
  if (estADefinir(m ? m[1] : texte)) return { nom: null, service: m ? m[2].trim() || null : null };
  if (!m?.[1].trim()) return { nom: texte.trim(), service: null };
  return { nom: m[1].trim(), service: m[2].trim() || null, complet: texte.trim() };
}
