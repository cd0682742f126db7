import fs from 'node:fs';
import path from 'node:path';
import { RACINE } from './serveur';

export interface Chiffre {
  id: string;
  value: number;
  unit: string;
  /** The reference measured in the same run (for ratios), or null. */
  reference: number | null;
  ratio: number | null;
  /** The budget as written in the issue: "≥ 0.5", "< 50", "= 100", "reported". */
  budget: string;
  ok: boolean | null;
}

const arrondi = (n: number, chiffres = 2) => Math.round(n * 10 ** chiffres) / 10 ** chiffres;

/** Whether `value` meets a budget written "≥ x", "≤ x", "< x", "= x"; null for "reported". */
export function respecte(value: number, budget: string): boolean | null {
  const m = budget.match(/^(≥|≤|<|>|=)\s*([\d.]+)/);
  if (!m) return null;
  const x = Number(m[2]);
  return { '≥': value >= x, '≤': value <= x, '<': value < x, '>': value > x, '=': value === x }[m[1]]!;
}

export function chiffre(
  id: string,
  value: number,
  unit: string,
  budget: string,
  reference: number | null = null,
  ratio: number | null = null,
): Chiffre {
  const v = arrondi(value, unit === 'ms' ? 1 : unit === 'ratio' ? 3 : 2);
  return {
    id,
    value: v,
    unit,
    reference: reference === null ? null : arrondi(reference, 2),
    ratio: ratio === null ? null : arrondi(ratio, 3),
    budget,
    ok: respecte(v, budget),
  };
}

export function ecrireResultats(chiffres: Chiffre[], fichier = path.join(RACINE, 'bench/results.json')) {
  fs.writeFileSync(fichier, JSON.stringify({ figures: chiffres }, null, 2) + '\n');
}

export interface Contexte {
  date: string;
  mode: 'complet' | 'rapide';
  dureeS: number;
  machine: { cpu: string; coeurs: number; memoireGo: number; node: string; postgresql: string; os: string; charge: string };
  jeu: Record<string, number>;
  details: Record<string, unknown>;
}

const table = (chiffres: Chiffre[]) =>
  [
    '| id | value | unit | reference | ratio | budget | ok |',
    '|---|---:|---|---:|---:|---|---|',
    ...chiffres.map(
      (c) =>
        `| \`${c.id}\` | ${c.value} | ${c.unit} | ${c.reference ?? '—'} | ${c.ratio ?? '—'} | ${c.budget} | ${c.ok === null ? '—' : c.ok ? 'oui' : '**non**'} |`,
    ),
  ].join('\n');

/** docs/performance.md: the table of the run, the machine and dataset, how to read each figure. */
export function ecrireDocument(
  chiffres: Chiffre[],
  ctx: Contexte,
  explications: string,
  fichier = path.join(RACINE, 'docs/performance.md'),
) {
  const jeu = Object.entries(ctx.jeu)
    .map(([k, v]) => `| ${k} | ${v.toLocaleString('fr-FR')} |`)
    .join('\n');
  const texte = `# Performance

Mesuré par \`npm run bench\`${ctx.mode === 'rapide' ? ' -- --quick (jeu au dixième : ces chiffres ne valent pas ceux du jeu national)' : ''} le ${ctx.date}, en ${Math.round(ctx.dureeS / 60)} min ${Math.round(ctx.dureeS % 60)} s.
Les chiffres bruts sont dans \`bench/results.json\` ; ce fichier est réécrit à chaque exécution.

${table(chiffres)}

## Machine

| | |
|---|---|
| Processeur | ${ctx.machine.cpu} |
| Cœurs | ${ctx.machine.coeurs} |
| Mémoire | ${ctx.machine.memoireGo} Go |
| Système | ${ctx.machine.os} |
| Node.js | ${ctx.machine.node} |
| PostgreSQL | ${ctx.machine.postgresql} (embarqué, réglages par défaut du paquet) |
| Charge moyenne (1, 5, 15 min) au début | ${ctx.machine.charge} |

## Jeu de données

Généré en SQL ensembliste (\`bench/donnees.ts\`) dans la base du serveur, après les données de démonstration.

| table | lignes |
|---|---:|
${jeu}

${explications}
`;
  fs.mkdirSync(path.dirname(fichier), { recursive: true });
  fs.writeFileSync(fichier, texte);
}
