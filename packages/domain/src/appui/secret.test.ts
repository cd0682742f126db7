import { describe, expect, it } from 'vitest';
import { cellulesDeterminees, cellulesSecretes, estSecretPrimaire, type Somme } from './secret';

/**
 * An attacker independent of the code under test: in floating point, cell i is determined by the published figures
 * when removing its column from the system (restricted to the hidden cells) lowers the rank by one.
 */
function rang(m: number[][]): number {
  const a = m.map((l) => [...l]);
  let r = 0;
  const colonnes = a[0]?.length ?? 0;
  for (let c = 0; c < colonnes && r < a.length; c++) {
    let p = r;
    for (let i = r + 1; i < a.length; i++) if (Math.abs(a[i][c]) > Math.abs(a[p][c])) p = i;
    if (Math.abs(a[p][c]) < 1e-9) continue;
    [a[r], a[p]] = [a[p], a[r]];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i][c] / a[r][c];
      for (let j = c; j < colonnes; j++) a[i][j] -= f * a[r][j];
    }
    r++;
  }
  return r;
}
function retrouvables(masquees: Set<string>, sommes: Somme[]): Set<string> {
  const ids = [...masquees];
  const m = sommes.map((s) => ids.map((id) => (s.total === id ? 1 : 0) - s.parties.filter((p) => p === id).length));
  const r = rang(m);
  return new Set(ids.filter((_, i) => rang(m.map((l) => l.filter((_, j) => j !== i))) < r));
}
/** The subtraction attack: a sum with one hidden member gives it away. */
const sommesAUnInconnu = (masquees: Set<string>, sommes: Somme[]) =>
  sommes.filter((s) => [s.total, ...s.parties].filter((c) => masquees.has(c)).length === 1);

/** A table with its row and column totals and the grand total, as the sums of a published table. */
function tableau(cases: number[][]) {
  const valeurs = new Map<string, number>();
  const sommes: Somme[] = [];
  cases.forEach((ligne, i) => {
    ligne.forEach((v, j) => valeurs.set(`c${i}.${j}`, v));
    valeurs.set(
      `L${i}`,
      ligne.reduce((s, v) => s + v, 0),
    );
    sommes.push({ total: `L${i}`, parties: ligne.map((_, j) => `c${i}.${j}`) });
  });
  cases[0].forEach((_, j) => {
    valeurs.set(
      `C${j}`,
      cases.reduce((s, l) => s + l[j], 0),
    );
    sommes.push({ total: `C${j}`, parties: cases.map((_, i) => `c${i}.${j}`) });
  });
  valeurs.set(
    'T',
    cases.flat().reduce((s, v) => s + v, 0),
  );
  sommes.push({ total: 'T', parties: cases.map((_, i) => `L${i}`) }, { total: 'T', parties: cases[0].map((_, j) => `C${j}`) });
  return { valeurs, sommes };
}

describe('secret statistique', () => {
  it('un effectif de 1 à 4 est secret ; zéro et cinq ne le sont pas', () => {
    expect([0, 1, 2, 3, 4, 5, 12].map(estSecretPrimaire)).toEqual([false, true, true, true, true, false, false]);
  });

  it('le total qui redonnerait une case secrète par soustraction est masqué (secret secondaire)', () => {
    const valeurs = new Map([
      ['total', 23],
      ['medecin', 20],
      ['aidant', 3],
      ['personne', 0],
    ]);
    const sommes = [{ total: 'total', parties: ['medecin', 'aidant', 'personne'] }];
    const s = cellulesSecretes(valeurs, sommes);
    expect(s).toEqual(new Set(['aidant', 'total']));
  });

  it('un total masqué que l’autre répartition redonnerait y fait masquer une case de plus', () => {
    // 23 demandes : par origine (20 + 3 secret), par niveau (15 + 8). Sans la case de plus, 15 + 8 redonne le total.
    const valeurs = new Map([
      ['total', 23],
      ['o.medecin', 20],
      ['o.aidant', 3],
      ['n.ponctuel', 15],
      ['n.coordination', 8],
    ]);
    const sommes = [
      { total: 'total', parties: ['o.medecin', 'o.aidant'] },
      { total: 'total', parties: ['n.ponctuel', 'n.coordination'] },
    ];
    const s = cellulesSecretes(valeurs, sommes);
    expect(s).toEqual(new Set(['o.aidant', 'total', 'n.coordination']));
    expect(sommesAUnInconnu(s, sommes)).toEqual([]);
    expect(retrouvables(s, sommes).has('o.aidant')).toBe(false);
  });

  it('une case qu’aucune somme seule ne trahit mais que la combinaison des lignes et des colonnes redonne est protégée', () => {
    // Two blocks of four small cells joined by one small cell (r1, c2): every row and column holds two hidden cells
    // or more, yet the joining cell is the difference of the first block's rows and columns.
    const { valeurs, sommes } = tableau([
      [3, 2, 0, 0, 40],
      [4, 1, 2, 0, 35],
      [0, 0, 3, 4, 50],
      [0, 0, 1, 2, 45],
      [30, 31, 32, 33, 34],
    ]);
    const primaires = new Set([...valeurs].filter(([, v]) => estSecretPrimaire(v)).map(([id]) => id));
    expect(sommesAUnInconnu(primaires, sommes)).toEqual([]);
    expect(retrouvables(primaires, sommes).has('c1.2')).toBe(true);
    expect(cellulesDeterminees(primaires, sommes).has('c1.2')).toBe(true);

    const s = cellulesSecretes(valeurs, sommes);
    for (const id of primaires) expect(s.has(id)).toBe(true);
    expect([...retrouvables(s, sommes)].filter((id) => primaires.has(id))).toEqual([]);
    expect(sommesAUnInconnu(s, sommes)).toEqual([]);
    // Not everything: most large cells stay published.
    expect(s.size).toBeLessThan(16);
  });

  it('sur des tableaux tirés au hasard, aucune case secrète ne se retrouve', () => {
    let graine = 7;
    const hasard = () => {
      graine = (graine * 1103515245 + 12345) % 2 ** 31;
      return graine / 2 ** 31;
    };
    for (let n = 0; n < 150; n++) {
      const lignes = 2 + Math.floor(hasard() * 3);
      const colonnes = 2 + Math.floor(hasard() * 4);
      const cases = Array.from({ length: lignes }, () =>
        Array.from({ length: colonnes }, () => (hasard() < 0.4 ? Math.floor(hasard() * 5) : Math.floor(hasard() * 30))),
      );
      const { valeurs, sommes } = tableau(cases);
      const s = cellulesSecretes(valeurs, sommes);
      const primaires = [...valeurs].filter(([, v]) => estSecretPrimaire(v)).map(([id]) => id);
      for (const id of primaires) expect(s.has(id), `${id} dans ${JSON.stringify(cases)}`).toBe(true);
      const trahies = [...retrouvables(s, sommes)].filter((id) => primaires.includes(id));
      expect(trahies, JSON.stringify(cases)).toEqual([]);
    }
  });

  it('rien à cacher : rien de masqué', () => {
    const { valeurs, sommes } = tableau([
      [10, 0],
      [7, 25],
    ]);
    expect(cellulesSecretes(valeurs, sommes).size).toBe(0);
  });
});
