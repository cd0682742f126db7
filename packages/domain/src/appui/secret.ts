/**
 * The statistical secret of the support teams' activity (issue 18 item 7, decision 0033), as published statistics apply
 * it: a count from 1 to 4 is not given (primary secret), and no published figure may give it back by a subtraction
 * (secondary secret). Pure: the cells and the sums that tie them in, the masked cells out.
 */

/** Below this, a count other than zero is secret. */
export const SEUIL_SECRET = 5;

/** A count as published: the number, or « secret ». */
export type Compte = number | 'secret';

/** Whether a count is under primary secret: 1 to 4 (zero says nothing about anyone). */
export const estSecretPrimaire = (n: number) => n >= 1 && n < SEUIL_SECRET;

/** A published equality: `total` is the sum of `parties` (every cell named by its id in the table). */
export interface Somme {
  total: string;
  parties: readonly string[];
}

/**
 * The cells to publish as secret. First the counts from 1 to 4; then, until nothing changes, every sum with exactly
 * one hidden member is given a second one, since a single unknown in a sum is found by subtraction:
 * - the hidden member is a part: its total is hidden (a total that lets one recompute a secret cell is masked);
 * - the hidden member is the total: the smallest non-zero part is hidden with it.
 * Then an exact check: a hidden cell may still be found by combining several sums (the rows of a table and its
 * columns); each cell under primary secret that the published figures determine gets one more neighbour hidden,
 * and the whole runs again.
 */
export function cellulesSecretes(valeurs: ReadonlyMap<string, number>, sommes: readonly Somme[]): Set<string> {
  const valeur = (id: string) => valeurs.get(id) ?? 0;
  const masquees = new Set([...valeurs].filter(([, n]) => estSecretPrimaire(n)).map(([id]) => id));
  const primaires = new Set(masquees);
  for (;;) {
    propagerUnInconnu(masquees, sommes, valeur);
    const trahies = [...cellulesDeterminees(masquees, sommes)].filter((id) => primaires.has(id));
    if (!trahies.length) return masquees;
    const avant = masquees.size;
    for (const id of trahies) {
      // A sum holding the betrayed cell with a published member: hide its smallest such member.
      const choix = plusPetite(
        publieesAutourDe(sommes, masquees, (s) => s.total === id || s.parties.includes(id)),
        valeur,
      );
      if (choix !== undefined) masquees.add(choix);
    }
    if (masquees.size > avant) continue;
    // Its own sums are all hidden already: widen to every sum touching a hidden cell. With everything hidden, only a
    // zero could still be determined, so this ends.
    const choix = plusPetite(
      publieesAutourDe(sommes, masquees, (s) => [s.total, ...s.parties].some((c) => masquees.has(c))),
      valeur,
    );
    if (choix === undefined) return masquees;
    masquees.add(choix);
  }
}

const publieesAutourDe = (sommes: readonly Somme[], masquees: ReadonlySet<string>, garder: (s: Somme) => boolean) => [
  ...new Set(
    sommes
      .filter(garder)
      .flatMap((s) => [s.total, ...s.parties])
      .filter((c) => !masquees.has(c)),
  ),
];

function propagerUnInconnu(masquees: Set<string>, sommes: readonly Somme[], valeur: (id: string) => number) {
  let change = true;
  while (change) {
    change = false;
    for (const s of sommes) {
      const cachees = [s.total, ...s.parties].filter((c) => masquees.has(c));
      if (cachees.length !== 1) continue;
      if (cachees[0] !== s.total) masquees.add(s.total);
      else {
        const choix = plusPetite(
          s.parties.filter((p) => !masquees.has(p)),
          valeur,
        );
        if (choix === undefined) continue;
        masquees.add(choix);
      }
      change = true;
    }
  }
}

/** The smallest non-zero cell (a zero hides nothing), else the first; undefined when there is none. */
function plusPetite(ids: readonly string[], valeur: (id: string) => number): string | undefined {
  const nonNulles = ids.filter((id) => valeur(id) > 0);
  const parmi = nonNulles.length ? nonNulles : ids;
  return parmi.reduce<string | undefined>((m, id) => (m === undefined || valeur(id) < valeur(m) ? id : m), undefined);
}

/**
 * The hidden cells whose value the published figures determine: cell i is determined when the unit vector e_i lies in
 * the row space of the sums restricted to the hidden cells (the published ones move to the other side). Reduced row
 * echelon form in integers, sums split into independent groups first so that each elimination stays small.
 */
export function cellulesDeterminees(masquees: ReadonlySet<string>, sommes: readonly Somme[]): Set<string> {
  const lignes: Map<string, number>[] = [];
  for (const s of sommes) {
    const l = new Map<string, number>();
    const ajouter = (id: string, c: number) => {
      if (!masquees.has(id)) return;
      const v = (l.get(id) ?? 0) + c;
      if (v === 0) l.delete(id);
      else l.set(id, v);
    };
    ajouter(s.total, 1);
    for (const p of s.parties) ajouter(p, -1);
    if (l.size) lignes.push(l);
  }
  const determinees = new Set<string>();
  for (const groupe of groupesLies(lignes)) for (const id of eliminer(groupe)) determinees.add(id);
  return determinees;
}

/** Rows sharing a cell, directly or through others, go together (a union-find over the cells). */
function groupesLies(lignes: Map<string, number>[]): Map<string, number>[][] {
  const parent = new Map<string, string>();
  const racine = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const l of lignes) {
    const ids = [...l.keys()];
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(racine(id), racine(ids[0]));
  }
  const groupes = new Map<string, Map<string, number>[]>();
  for (const l of lignes) {
    const r = racine(l.keys().next().value!);
    groupes.set(r, [...(groupes.get(r) ?? []), l]);
  }
  return [...groupes.values()];
}

const pgcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : pgcd(b, a % b));

/** Gauss–Jordan on sparse integer rows; returns the cells some reduced row pins down alone. */
function eliminer(lignes: Map<string, number>[]): string[] {
  const rangees = lignes.map((l) => new Map(l));
  const colonnes = [...new Set(rangees.flatMap((l) => [...l.keys()]))];
  let rang = 0;
  for (const col of colonnes) {
    const p = rangees.findIndex((l, i) => i >= rang && l.has(col));
    if (p < 0) continue;
    [rangees[rang], rangees[p]] = [rangees[p], rangees[rang]];
    const pivot = rangees[rang];
    const a = pivot.get(col)!;
    for (let i = 0; i < rangees.length; i++) {
      const b = i === rang ? 0 : (rangees[i].get(col) ?? 0);
      if (b === 0) continue;
      const l = new Map<string, number>();
      for (const id of new Set([...rangees[i].keys(), ...pivot.keys()])) {
        const v = (rangees[i].get(id) ?? 0) * a - (pivot.get(id) ?? 0) * b;
        if (v !== 0) l.set(id, v);
      }
      const d = [...l.values()].reduce(pgcd, 0) || 1;
      for (const [id, v] of l) l.set(id, v / d);
      rangees[i] = l;
    }
    rang++;
  }
  return rangees.filter((l) => l.size === 1).map((l) => l.keys().next().value!);
}
