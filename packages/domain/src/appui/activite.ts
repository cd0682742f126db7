import { type PeriodeActivite, periodeEnCours } from './periodes';
import type { Sujet } from '../permissions';
import { type Compte, cellulesSecretes, type Somme } from './secret';
import { ISSUES_ORIENTATION, MOTIFS_CLOTURE, NIVEAUX_REPONSE, type NiveauReponse, ORIGINES_DEMANDE } from './vocabulaire';

/**
 * The activity of the support teams for the CLS and the ARS (issue 18 item 7, decision 0033): counts per structure,
 * territory and period, published under the statistical secret of ./secret. Pure: the SQL gives the raw counts, this
 * file ties them by their sums, hides what must be and says what is partial.
 */

/**
 * The missions of the fonctions d'appui a request was answered under: mission 1 is information and orientation, every
 * other level of answer is mission 2 (appui à l'organisation des parcours complexes). Mission 3 (soutien aux
 * pratiques) has no request behind it.
 */
export const MISSIONS_ACTIVITE = {
  mission_1: 'Mission 1 – Information et orientation',
  mission_2: 'Mission 2 – Appui à l’organisation des parcours complexes',
  sans_niveau: 'Sans réponse graduée (pas encore évaluée, ou sans suite)',
} as const;
export type MissionActivite = keyof typeof MISSIONS_ACTIVITE;
export const missionDuNiveau = (niveau: NiveauReponse | null): MissionActivite =>
  niveau === null ? 'sans_niveau' : niveau === 'information_orientation' ? 'mission_1' : 'mission_2';

export const ETAPES_DELAI_ACTIVITE = {
  premier_contact: 'De la demande au premier contact',
  evaluation: 'De la demande à la première évaluation',
  plan: 'De la demande au premier plan personnalisé',
} as const;
export type EtapeDelaiActivite = keyof typeof ETAPES_DELAI_ACTIVITE;

/** One row of raw counts, as the SQL gives them (a missing code counts zero). */
export interface ActiviteBrute {
  demandes: number;
  parOrigine: Readonly<Record<string, number>>;
  /** Requests by the level of their case; `null` stands for no level (key "sans_niveau"). */
  parNiveau: Readonly<Record<string, number>>;
  clotures: number;
  parMotif: Readonly<Record<string, number>>;
  orientations: number;
  parTypeRessource: Readonly<Record<string, number>>;
  parIssue: Readonly<Record<string, number>>;
  /** Median in days over the requests that reached the step, and how many did. */
  delais: Readonly<Record<string, { medianeJours: number | null; nombre: number }>>;
}

export interface LigneBrute {
  /** null: every structure shown (the sum of the other rows of the same territory and period). */
  structure: { id: string; nom: string } | null;
  territoire: { cle: string; nom: string };
  periode: PeriodeActivite;
  brute: ActiviteBrute;
}

export interface Repartition {
  code: string;
  libelle: string;
  nombre: Compte;
}

export interface LigneActivite {
  structure: { id: string; nom: string } | null;
  territoire: { cle: string; nom: string };
  periode: PeriodeActivite;
  demandes: { total: Compte; parOrigine: Repartition[]; parMission: Repartition[]; parNiveau: Repartition[] };
  delais: { etape: EtapeDelaiActivite; libelle: string; medianeJours: number | null; nombre: Compte }[];
  clotures: { total: Compte; parMotif: Repartition[] };
  orientations: { total: Compte; parTypeRessource: Repartition[]; parIssue: Repartition[] };
  partiel: boolean;
}

type Libelles = Readonly<Record<string, string>>;

/** The breakdowns of a row: name, the total they add up to, their codes. */
function repartitions(typesRessource: Libelles) {
  return {
    origine: { total: 'demandes', libelles: ORIGINES_DEMANDE as Libelles },
    mission: { total: 'demandes', libelles: MISSIONS_ACTIVITE as Libelles },
    // Levels add up to missions, not to the requests (sommesDeLigne ties them).
    niveau: { total: null, libelles: NIVEAUX_REPONSE as Libelles },
    motif: { total: 'clotures', libelles: MOTIFS_CLOTURE as Libelles },
    type: { total: 'orientations', libelles: typesRessource },
    issue: { total: 'orientations', libelles: ISSUES_ORIENTATION as Libelles },
  };
}

const cleLigne = (l: LigneBrute) => `${l.structure?.id ?? '*'}|${l.territoire.cle}|${l.periode.code}`;

/** The raw figures of one row, by cell name (`demandes`, `origine:aidant`, `delai:plan`…). */
function cellules(b: ActiviteBrute, typesRessource: Libelles): Map<string, number> {
  const n = (r: Readonly<Record<string, number>>, code: string) => r[code] ?? 0;
  const c = new Map<string, number>([
    ['demandes', b.demandes],
    ['clotures', b.clotures],
    ['orientations', b.orientations],
  ]);
  for (const code of Object.keys(ORIGINES_DEMANDE)) c.set(`origine:${code}`, n(b.parOrigine, code));
  for (const code of Object.keys(NIVEAUX_REPONSE)) c.set(`niveau:${code}`, n(b.parNiveau, code));
  for (const code of Object.keys(MISSIONS_ACTIVITE) as MissionActivite[]) {
    const niveaux = Object.keys(NIVEAUX_REPONSE).filter((v) => missionDuNiveau(v as NiveauReponse) === code);
    c.set(`mission:${code}`, code === 'sans_niveau' ? n(b.parNiveau, 'sans_niveau') : niveaux.reduce((s, v) => s + n(b.parNiveau, v), 0));
  }
  for (const code of Object.keys(MOTIFS_CLOTURE)) c.set(`motif:${code}`, n(b.parMotif, code));
  for (const code of Object.keys(typesRessource)) c.set(`type:${code}`, n(b.parTypeRessource, code));
  for (const code of Object.keys(ISSUES_ORIENTATION)) c.set(`issue:${code}`, n(b.parIssue, code));
  for (const etape of Object.keys(ETAPES_DELAI_ACTIVITE)) c.set(`delai:${etape}`, b.delais[etape]?.nombre ?? 0);
  return c;
}

/** The sums inside one row: each breakdown adds up to its total; mission 1 is its one level. */
function sommesDeLigne(cle: string, typesRessource: Libelles): Somme[] {
  const id = (cellule: string) => `${cle}|${cellule}`;
  const sommes: Somme[] = Object.entries(repartitions(typesRessource))
    .filter(([nom]) => nom !== 'niveau')
    .map(([nom, r]) => ({ total: id(r.total ?? ''), parties: Object.keys(r.libelles).map((code) => id(`${nom}:${code}`)) }));
  sommes.push({
    total: id('mission:mission_2'),
    parties: ['appui_ponctuel', 'coordination', 'gestion_de_cas'].map((n) => id(`niveau:${n}`)),
  });
  sommes.push({ total: id('mission:mission_1'), parties: [id('niveau:information_orientation')] });
  return sommes;
}

/**
 * The rows as published: every count 1 to 4 and every figure that would give one back shown as « secret »; a median
 * over fewer than five requests is not given. A row is partial when its period is not over (the service adds its
 * own reasons: cases already purged).
 */
export function publierActivite(lignes: readonly LigneBrute[], typesRessource: Libelles, aujourdhui: string): LigneActivite[] {
  const valeurs = new Map<string, number>();
  const sommes: Somme[] = [];
  const brutes = lignes.map((l) => ({ l, cle: cleLigne(l), c: cellules(l.brute, typesRessource) }));
  for (const { cle, c } of brutes) {
    for (const [nom, v] of c) valeurs.set(`${cle}|${nom}`, v);
    sommes.push(...sommesDeLigne(cle, typesRessource));
  }
  // The row of every structure is the sum of the structures' rows of its territory and period.
  for (const ensemble of brutes.filter((b) => b.l.structure === null)) {
    const parties = brutes.filter(
      (b) => b.l.structure !== null && b.l.territoire.cle === ensemble.l.territoire.cle && b.l.periode.code === ensemble.l.periode.code,
    );
    for (const nom of ensemble.c.keys()) sommes.push({ total: `${ensemble.cle}|${nom}`, parties: parties.map((p) => `${p.cle}|${nom}`) });
  }
  const secretes = cellulesSecretes(valeurs, sommes);
  const compte = (cle: string, nom: string): Compte => (secretes.has(`${cle}|${nom}`) ? 'secret' : (valeurs.get(`${cle}|${nom}`) ?? 0));
  const rep = repartitions(typesRessource);
  const repartir = (cle: string, nom: keyof typeof rep): Repartition[] =>
    Object.entries(rep[nom].libelles).map(([code, libelle]) => ({ code, libelle, nombre: compte(cle, `${nom}:${code}`) }));

  return brutes.map(({ l, cle }) => ({
    structure: l.structure,
    territoire: l.territoire,
    periode: l.periode,
    demandes: {
      total: compte(cle, 'demandes'),
      parOrigine: repartir(cle, 'origine'),
      parMission: repartir(cle, 'mission'),
      parNiveau: repartir(cle, 'niveau'),
    },
    delais: (Object.entries(ETAPES_DELAI_ACTIVITE) as [EtapeDelaiActivite, string][]).map(([etape, libelle]) => {
      const d = l.brute.delais[etape];
      const nombre = compte(cle, `delai:${etape}`);
      // A median over one to four requests is one of them, or close: it goes with its count.
      const donnee = d && d.nombre >= 5 ? d.medianeJours : null;
      return { etape, libelle, medianeJours: donnee === null ? null : Math.round(donnee * 10) / 10, nombre };
    }),
    clotures: { total: compte(cle, 'clotures'), parMotif: repartir(cle, 'motif') },
    orientations: { total: compte(cle, 'orientations'), parTypeRessource: repartir(cle, 'type'), parIssue: repartir(cle, 'issue') },
    partiel: periodeEnCours(l.periode, aujourdhui),
  }));
}

/** What the service knows of a territory asked for, to decide who may see its aggregates. */
export interface TerritoireDeLaPortee {
  /** The régions its communes are in. */
  regions: readonly string[];
  /** Every commune of it lies in a contract the user coordinates (coordonnateur or référent ARS). */
  dansSesContrats: boolean;
}

/**
 * Who sees the activity (aggregates only, issue 18 item 8): a platform admin everywhere; an ARS agent over the
 * territories touching its régions; a CLS's coordination over its contracts' communes — every structure counted. A support team's staff see
 * their own teams' figures on any territory. Anyone else nothing (null).
 */
export function porteeActivite(
  sujet: Sujet,
  equipes: readonly string[],
  territoires: readonly TerritoireDeLaPortee[],
): { structures: 'toutes' } | { structures: 'les_votres'; equipes: readonly string[] } | null {
  if (sujet.habilitations.some((h) => h.role === 'admin')) return { structures: 'toutes' };
  const regions = sujet.habilitations.flatMap((h) => (h.role === 'ars_regional' ? [h.regionCode] : []));
  // As for contracts, an ARS reads a territory that touches its région (an interregional EPCI is read by both).
  const vus = (t: TerritoireDeLaPortee) => t.dansSesContrats || t.regions.some((r) => regions.includes(r));
  if (territoires.length > 0 && territoires.every(vus)) return { structures: 'toutes' };
  if (equipes.length) return { structures: 'les_votres', equipes };
  return null;
}
