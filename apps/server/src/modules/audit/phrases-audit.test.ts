import fs from 'node:fs';
import path from 'node:path';
import { ACTIONS_SUIVI, ENTITES_JOURNAL, libelleActionJournal, libelleEntiteJournal, phraseConnue, phraseJournal } from '@maillage/domain';
import { describe, expect, it } from 'vitest';

/**
 * Every (entity, action) the server writes to the audit log must have French words in packages/domain/src/journal.ts.
 * The pairs are read from the server's source: each `auditer(…)` call, and, where the entity or the action is passed
 * through a helper (`modifierPartie(…, 'signataire', …)` returning `{ action: 'creation' }`), each call of that helper.
 */

const RACINE = path.resolve(__dirname, '../..');
// Parameter types the scan meets, resolved from the domain rather than parsed.
const TYPES_CONNUS: Record<string, readonly string[]> = { ActionSuivi: ACTIONS_SUIVI };

interface Source {
  fichier: string;
  texte: string;
}

function sources(dossier = RACINE): Source[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((f) => {
    const chemin = path.join(dossier, f.name);
    if (f.isDirectory()) return sources(chemin);
    if (!f.name.endsWith('.ts') || f.name.endsWith('.test.ts') || f.name.endsWith('.d.ts')) return [];
    return [{ fichier: path.relative(path.resolve(RACINE, '../../..'), chemin), texte: fs.readFileSync(chemin, 'utf8') }];
  });
}

/** The text between the bracket at `debut` and its match (strings are skipped, good enough for our code). */
function bloc(texte: string, debut: number): string {
  const ouvrant = texte[debut]!;
  const fermant = ouvrant === '(' ? ')' : ouvrant === '{' ? '}' : ']';
  let profondeur = 0;
  let chaine: string | null = null;
  for (let i = debut; i < texte.length; i++) {
    const c = texte[i]!;
    if (chaine) {
      if (c === '\\') i++;
      else if (c === chaine) chaine = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') chaine = c;
    else if (c === ouvrant) profondeur++;
    else if (c === fermant && --profondeur === 0) return texte.slice(debut, i + 1);
  }
  return texte.slice(debut);
}

// In `a === 'x' ? 'y' : 'z'` only the branches are values.
const litteraux = (expression: string) =>
  [...expression.slice(expression.indexOf('?') + 1).matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]!);
const ligne = (texte: string, index: number) => texte.slice(0, index).split('\n').length;

/** The value of `cle:` in an object literal's text, up to the next comma or brace at its level. */
function propriete(objet: string, cle: string): string | null {
  const m = new RegExp(`[{,\\s]${cle}(\\s*:\\s*|\\s*[,}])`).exec(objet);
  if (!m) return null;
  if (!m[1]!.includes(':')) return cle; // shorthand `{ action }`
  let i = m.index + m[0].length;
  let valeur = '';
  let profondeur = 0;
  for (; i < objet.length; i++) {
    const c = objet[i]!;
    if ('([{'.includes(c)) profondeur++;
    if (')]}'.includes(c)) {
      if (profondeur === 0) break;
      profondeur--;
    }
    if (c === ',' && profondeur === 0) break;
    valeur += c;
  }
  return valeur.trim();
}

/** The nearest function declared before `index` that takes `parametre`: its name and parameter list. */
function fonctionEnglobante(texte: string, index: number, parametre: string): { nom: string; parametres: string[] } | null {
  const declarations = [
    ...texte.slice(0, index).matchAll(/(?:function\s+|const\s+|private\s+|async\s+)(\w+)\s*(?:<[^>]*>)?\s*(?:=\s*(?:async\s*)?)?\(/g),
  ].reverse();
  for (const d of declarations) {
    const liste = bloc(texte, d.index + d[0].length - 1).slice(1, -1);
    const parametres = liste.split(/,(?![^<(]*[>)])/).map((p) => p.trim());
    if (parametres.some((p) => p.split(':')[0]!.trim() === parametre)) return { nom: d[1]!, parametres };
  }
  return null;
}

/** Values of a parameter from its type: `'a' | 'b'`, or `keyof typeof TABLE` with TABLE an object of the file. */
function valeursDuParametre(texte: string, index: number, nom: string): string[] {
  const parametre = fonctionEnglobante(texte, index, nom)?.parametres.find((p) => p.startsWith(`${nom}:`));
  const type = parametre?.slice(parametre.indexOf(':') + 1).trim() ?? '';
  const table = /^keyof typeof (\w+)$/.exec(type)?.[1];
  if (!table) return litteraux(type);
  const debut = texte.search(new RegExp(`const ${table}\\s*=\\s*\\{`));
  return debut < 0 ? [] : [...bloc(texte, texte.indexOf('{', debut)).matchAll(/[{,]\s*(\w+)\s*:/g)].map((m) => m[1]!);
}

interface Paire {
  entite: string;
  action: string;
  ou: string;
}

function paires(): Paire[] {
  const tout = sources();
  const resultat: Paire[] = [];
  const actionsDe = (expression: string, texte: string, index: number, appel: string | null): string[] => {
    const directes = litteraux(expression);
    if (directes.length) return directes;
    // `action` or `decision`: a parameter whose type lists the actions.
    const parametre = /^\w+$/.test(expression)
      ? fonctionEnglobante(texte, index, expression)?.parametres.find((p) => p.startsWith(`${expression}:`))
      : undefined;
    if (parametre) {
      const type = parametre.slice(parametre.indexOf(':') + 1).trim();
      return litteraux(type).length ? litteraux(type) : [...(TYPES_CONNUS[type] ?? [])];
    }
    // `r.action`: the helper's callback returns it; read the `action:` of each call of the helper.
    return appel ? [...appel.matchAll(/\baction:\s*([^,}]+)/g)].flatMap((m) => litteraux(m[1]!)) : [];
  };

  for (const { fichier, texte } of tout) {
    for (const m of texte.matchAll(/(?<!function |private |this\.)\bauditer\(/g)) {
      const parenthese = m.index + m[0].length - 1;
      const appel = bloc(texte, parenthese);
      const accolade = appel.indexOf('{');
      if (accolade < 0) continue;
      const objet = bloc(appel, accolade);
      const entite = propriete(objet, 'entiteType');
      const action = propriete(objet, 'action');
      const ou = `${fichier}:${ligne(texte, m.index)}`;
      if (!entite || !action) throw new Error(`${ou} : appel d’auditer illisible par ce test`);
      const entitesLitterales = litteraux(entite);
      if (entitesLitterales.length) {
        for (const e of entitesLitterales)
          for (const a of actionsDe(action, texte, m.index, null)) resultat.push({ entite: e, action: a, ou });
        continue;
      }
      // The entity is a parameter of a helper: every call of the helper names it.
      const englobante = fonctionEnglobante(texte, m.index, entite);
      if (!englobante) throw new Error(`${ou} : fonction qui reçoit « ${entite} » introuvable`);
      const indexParametre = englobante.parametres.findIndex((p) => p.split(':')[0]!.trim() === entite);
      const exporte = new RegExp(`export (async )?function ${englobante.nom}\\b|export const ${englobante.nom}\\b`).test(texte);
      const appelsDuHelper = tout
        .filter((s) => exporte || s.fichier === fichier)
        .flatMap((s) =>
          [...s.texte.matchAll(new RegExp(`(?<!function |private |async |\\.)\\b(?:this\\.)?${englobante.nom}\\(`, 'g'))]
            // A private `auditer` method wraps the platform's: only `this.auditer(…)` calls it.
            .filter((a) => englobante.nom !== 'auditer' || a[0].startsWith('this.'))
            .map((a) => ({ s, a, texte: bloc(s.texte, a.index + a[0].length - 1) })),
        );
      for (const { s, a, texte: appelHelper } of appelsDuHelper) {
        const args = appelHelper.slice(1, -1).split(/,(?![^(]*\))/);
        const arg = args[indexParametre]?.trim() ?? '';
        const entites = /^'[a-z_]+'$/.test(arg) ? litteraux(arg) : /^\w+$/.test(arg) ? valeursDuParametre(s.texte, a.index, arg) : [];
        if (!entites.length)
          throw new Error(
            `${s.fichier}:${ligne(s.texte, a.index)} : entité « ${arg} » illisible par ce test ; passez une chaîne ou un paramètre typé par ses valeurs`,
          );
        for (const e of entites)
          for (const ac of actionsDe(action, texte, m.index, appelHelper))
            resultat.push({ entite: e, action: ac, ou: `${s.fichier}:${ligne(s.texte, a.index)}` });
      }
    }
  }
  return resultat;
}

describe('les mots du journal d’audit', () => {
  const trouvees = paires();

  it('lit bien les appels du serveur (le test ne peut pas passer en ne trouvant rien)', () => {
    const cles = new Set(trouvees.map((p) => `${p.entite}/${p.action}`));
    for (const attendue of [
      'contrat/statut',
      'signataire/creation',
      'objectif/reordonnancement',
      'presences/presences',
      'suivi_fiche/valider',
      'valeur_suivi/renvoyer',
      'bilan_fiche/creation',
      'confirmation/refus',
      'verbatim/suppression',
      'fiche/offre_detachee',
      'membre_instance/fin_mandat',
    ])
      expect(cles, attendue).toContain(attendue);
    expect(cles.size).toBeGreaterThan(80);
  });

  it('a une phrase française pour chaque (entité, action) que le serveur écrit', () => {
    const manquantes = [
      ...new Map(trouvees.filter((p) => !phraseConnue(p.entite, p.action)).map((p) => [`${p.entite}/${p.action}`, p])).values(),
    ];
    const consignes = manquantes.map((p) =>
      ENTITES_JOURNAL[p.entite]
        ? `- « ${p.action} » sur « ${p.entite} » (${p.ou}) : ajoutez dans packages/domain/src/journal.ts ENTITES_JOURNAL.${p.entite}.verbes.${p.action} = 'a … {}' (ou ACTIONS_JOURNAL.${p.action} = { libelle, phrase } si l’action sert à plusieurs entités)`
        : `- entité « ${p.entite} » (${p.ou}) : ajoutez dans packages/domain/src/journal.ts ENTITES_JOURNAL.${p.entite} = { libelle: '…', le: 'le …', un: 'un …', nom: (e) => … }${ACTIONS_JOURNAL_CONNUE(p.action) ? '' : `, et la phrase de l’action « ${p.action} »`}`,
    );
    expect(consignes, `Actions auditées sans phrase française :\n${consignes.join('\n')}`).toEqual([]);
  });

  it('écrit des phrases sans code ni gabarit, qu’on sache ou non le nom de l’élément', () => {
    for (const { entite, action } of trouvees) {
      const phrase = phraseJournal({ entiteType: entite, action, diff: {}, contexte: {} });
      expect(phrase, `${entite}/${action}`).toMatch(/^a /);
      expect(phrase, `${entite}/${action}`).not.toMatch(/[_{}]|\b(de|à) (le|les)\b|d’(le|la|les) /);
      expect(libelleEntiteJournal(entite)).not.toMatch(/_/);
      expect(libelleActionJournal(action)).not.toMatch(/_/);
    }
  });

  it('nomme l’élément quand il est connu', () => {
    const noms = new Map([['f1', 'fiche 3 « Prévention »']]);
    expect(
      phraseJournal(
        {
          entiteType: 'suivi_fiche',
          entiteId: 'f1',
          action: 'valider',
          diff: { periode: { avant: null, apres: '2024' } },
          contexte: { ficheId: 'f1' },
        },
        noms,
      ),
    ).toBe('a validé le suivi de la période 2024 de la fiche 3 « Prévention »');
    expect(
      phraseJournal(
        { entiteType: 'bilan_fiche', action: 'creation', diff: { periode: { avant: null, apres: '2024' } }, contexte: { ficheId: 'f1' } },
        noms,
      ),
    ).toBe('a rédigé le bilan de la période 2024 de la fiche 3 « Prévention »');
    expect(phraseJournal({ entiteType: 'presences', action: 'presences', diff: {}, contexte: {} })).toBe(
      'a noté les présences à une séance',
    );
    expect(
      phraseJournal({
        entiteType: 'fiche',
        action: 'modification',
        diff: { statut: { avant: 'a_venir', apres: 'en_cours' } },
        contexte: { numero: 12, seance: 'COPIL du 1er juillet 2021' },
      }),
    ).toBe('a changé le statut de la fiche 12 : À venir → En cours, suite à la décision du COPIL du 1er juillet 2021');
    expect(phraseJournal({ entiteType: 'membre_instance', action: 'fin_mandat', diff: {}, contexte: {} })).toBe(
      'a mis fin au mandat d’un membre d’instance',
    );
    expect(phraseJournal({ entiteType: 'inconnue', action: 'bizarre', diff: {}, contexte: {} })).toBe('a enregistré une modification');
  });
});

function ACTIONS_JOURNAL_CONNUE(action: string) {
  return libelleActionJournal(action) !== 'Autre action';
}
