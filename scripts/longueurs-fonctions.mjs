#!/usr/bin/env node
// Lists the functions (declarations, arrow functions, function expressions, methods) longer than N lines, longest
// first, counted from the line where the function starts to the line of its closing brace.
// Use: node scripts/longueurs-fonctions.mjs [N=150] [dossier…]
// Default folders: apps/web/src, apps/server/src, packages/domain/src. Tests (*.test.ts) are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const racine = new URL('..', import.meta.url).pathname;
const [seuilTexte, ...dossiersDemandes] = process.argv.slice(2);
const seuil = Number(seuilTexte ?? 150);
if (!Number.isInteger(seuil) || seuil < 1) {
  console.error(`Seuil invalide : « ${seuilTexte} » (un nombre entier de lignes est attendu).`);
  process.exit(2);
}
const dossiers = dossiersDemandes.length > 0 ? dossiersDemandes : ['apps/web/src', 'apps/server/src', 'packages/domain/src'];

function* fichiersSource(dossier) {
  for (const entree of readdirSync(dossier, { withFileTypes: true })) {
    const chemin = join(dossier, entree.name);
    if (entree.isDirectory()) {
      if (entree.name !== 'node_modules') yield* fichiersSource(chemin);
    } else if (/\.(ts|tsx|mts)$/.test(entree.name) && !/\.(test|d)\.tsx?$/.test(entree.name)) {
      yield chemin;
    }
  }
}

/** The name a function is known by: its own, or that of the variable, property or method holding it. */
function nomDe(noeud) {
  if (noeud.name && ts.isIdentifier(noeud.name)) return noeud.name.text;
  if (noeud.name) return noeud.name.getText();
  const parent = noeud.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) {
    return parent.name.getText();
  }
  if (parent && ts.isCallExpression(parent)) {
    // e.g. memo(function …), app.get('/x', async () => …), useEffect(() => …)
    return `(rappel de ${parent.expression.getText().slice(0, 40)})`;
  }
  return '(anonyme)';
}

const longues = [];
for (const dossier of dossiers) {
  for (const fichier of fichiersSource(join(racine, dossier))) {
    const texte = readFileSync(fichier, 'utf8');
    const source = ts.createSourceFile(
      fichier,
      texte,
      ts.ScriptTarget.Latest,
      true,
      fichier.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visiter = (noeud) => {
      if (ts.isFunctionLike(noeud) && 'body' in noeud && noeud.body) {
        const debut = source.getLineAndCharacterOfPosition(noeud.getStart(source)).line;
        const fin = source.getLineAndCharacterOfPosition(noeud.getEnd()).line;
        const lignes = fin - debut + 1;
        if (lignes > seuil) {
          longues.push({ lignes, nom: nomDe(noeud), lieu: `${relative(racine, fichier)}:${debut + 1}` });
        }
      }
      ts.forEachChild(noeud, visiter);
    };
    visiter(source);
  }
}

longues.sort((a, b) => b.lignes - a.lignes || a.lieu.localeCompare(b.lieu));
for (const { lignes, nom, lieu } of longues) console.log(`${String(lignes).padStart(5)}  ${nom}  ${lieu}`);
console.log(`${longues.length} fonction(s) de plus de ${seuil} lignes dans ${dossiers.join(', ')}`);
