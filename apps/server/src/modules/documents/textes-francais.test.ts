import fs from 'node:fs';
import path from 'node:path';
import { NOMS_FEMININS } from '@maillage/domain';
import { describe, expect, it } from 'vitest';

/**
 * French slips a reader notices, looked for in the text the interface, the documents, the e-mails and the messages
 * are written from: "aucun séance", "commune(s)", "(2e génération) (2e génération)", English words.
 */

const RACINE = path.resolve(__dirname, '../../../../..');
const DOSSIERS = ['apps/web/src', 'apps/server/src', 'packages/domain/src'];

function fichiers(dossier: string): string[] {
  return fs.readdirSync(path.join(RACINE, dossier), { withFileTypes: true }).flatMap((f) => {
    const relatif = path.join(dossier, f.name);
    if (f.isDirectory()) return fichiers(relatif);
    return /\.(ts|tsx)$/.test(f.name) && !/\.test\.ts$|\.d\.ts$/.test(f.name) ? [relatif] : [];
  });
}

/** Text a person may read: string and template literals, and JSX text, without comments. */
function textes(source: string): { texte: string; ligne: number }[] {
  const sansCommentaires = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const trouves: { texte: string; ligne: number }[] = [];
  const ligne = (i: number) => sansCommentaires.slice(0, i).split('\n').length;
  for (const m of sansCommentaires.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|>([^<>{}\n]*[A-Za-zÀ-ÿ][^<>{}\n]*)</g))
    trouves.push({ texte: m[1] ?? m[2] ?? m[3] ?? '', ligne: ligne(m.index) });
  return trouves;
}

const FEMININS = [...NOMS_FEMININS].join('|');
const MOTIFS: { nom: string; motif: RegExp }[] = [
  { nom: '« aucun » devant un nom féminin', motif: new RegExp(`\\b[Aa]ucun (${FEMININS})\\b`) },
  { nom: 'pluriel bricolé « (s) » : utilisez pluriel(n, …)', motif: /\w\(s\)/ },
  { nom: 'suffixe entre parenthèses répété', motif: /(\([^()]{3,}\))\s*\1/ },
  { nom: 'génération écrite deux fois', motif: /génération\)\s*\(\$\{|génération\).*\(\$\{[^}]*\}e génération\)/ },
  {
    nom: 'mot anglais dans un texte',
    motif: /^(Loading|Error|Submit|Cancel|Save|Delete|Search|Next|Previous|Close|Yes|No|Back|Edit|Settings|Unknown)\b/,
  },
];

describe('le français des textes', () => {
  it('ne contient aucune faute connue (genre de « aucun », « (s) », suffixes doublés, anglais)', () => {
    const fautes: string[] = [];
    for (const dossier of DOSSIERS)
      for (const fichier of fichiers(dossier)) {
        for (const { texte, ligne } of textes(fs.readFileSync(path.join(RACINE, fichier), 'utf8')))
          for (const { nom, motif } of MOTIFS) if (motif.test(texte)) fautes.push(`${fichier}:${ligne} — ${nom} : ${texte.slice(0, 120)}`);
      }
    expect(fautes, fautes.join('\n')).toEqual([]);
  });

  it('reconnaît les fautes qu’il cherche (le test peut échouer)', () => {
    const source =
      "const a = 'aucun séance'; const b = `${n} commune(s)`; const c = 'CLS (2e génération) (2e génération)'; const d = <p>Loading</p>;";
    const trouvees = textes(source).flatMap(({ texte }) => MOTIFS.filter(({ motif }) => motif.test(texte)).map((m) => m.nom));
    expect(new Set(trouvees).size).toBe(4);
  });
});
