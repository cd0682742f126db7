/**
 * The rows of a file as fiches. In Territoires en Transitions' layout an action with sub-actions takes one row per
 * sub-action, each repeating the action's title and axes, its own row anywhere or nowhere: the rows of one action
 * make one fiche whose étapes are its sub-actions (decision 0012). Titles that are only a number are reported here.
 */
import { cleTexte } from '@maillage/domain';
import type { EtapeLue, LigneLue, Rattachement } from './plan-format';

export interface RangLu {
  ligne: number;
  lue: LigneLue;
}

export interface Groupe<F> {
  /** The action's own row, when the file has one. */
  propre?: RangLu;
  sousActions: RangLu[];
  /** All its rows, in the order read. */
  rangs: RangLu[];
  existant: F | null;
  /** Known before merging: the fiche named twice by own rows, an ambiguous title. */
  refus?: string;
}

/**
 * Rows with the same key (the fiche they name) together, in the order their first row comes. A second own row for
 * the same fiche stays alone and refused, as before sub-actions were read.
 */
export function grouper<F>(rangs: { rang: RangLu; cle: string | null; existant: F | null; refus?: string }[]): Groupe<F>[] {
  const groupes: Groupe<F>[] = [];
  const parCle = new Map<string, Groupe<F>>();
  for (const { rang, cle, existant, refus } of rangs) {
    const sousAction = !!rang.lue.sousAction;
    const deja = cle === null ? undefined : parCle.get(cle);
    if (refus || cle === null || (deja?.propre && !sousAction)) {
      const numero = rang.lue.numero !== undefined ? ` (n° ${rang.lue.numero})` : '';
      groupes.push({
        ...(sousAction ? { sousActions: [rang] } : { propre: rang, sousActions: [] }),
        rangs: [rang],
        existant,
        refus: refus ?? (deja?.propre ? `la ligne ${deja.propre.ligne} du fichier porte déjà sur cette fiche${numero}` : undefined),
      });
      continue;
    }
    const g = deja ?? { sousActions: [], rangs: [], existant };
    if (!deja) {
      parCle.set(cle, g);
      groupes.push(g);
    }
    g.rangs.push(rang);
    if (sousAction) g.sousActions.push(rang);
    else g.propre = rang;
  }
  return groupes;
}

/**
 * One fiche from its rows: the own row's fields (without it, only the title and axes its sub-action rows repeat),
 * and for étapes the own row's (those not also a sub-action) then the sub-actions, in the file's order.
 */
export function assembler(g: { propre?: RangLu; sousActions: RangLu[] }): LigneLue {
  const premiere = g.propre?.lue ?? g.sousActions[0].lue;
  const { sousAction: _, ...reste } = premiere;
  const lue: LigneLue = { ...reste, champs: { ...premiere.champs }, erreurs: [] };
  if (lue.numero === undefined) lue.numero = g.sousActions.find((s) => s.lue.numero !== undefined)?.lue.numero;
  if (lue.numero === undefined) delete lue.numero;
  if (!g.sousActions.length) return lue;
  const etapes = g.sousActions.map((s) => s.lue.sousAction!);
  const libelles = new Set(etapes.map((e) => cleTexte(e.libelle)));
  lue.champs.etapes = [...(lue.champs.etapes ?? []).filter((e) => !libelles.has(cleTexte(e.libelle))), ...etapes];
  return lue;
}

/**
 * An étape a file gives by its label only ("Etapes de l'action", one per line) keeps what the fiche's étape of that
 * label holds (dates, pilote, status): the column cannot carry them, re-importing it must not wipe them.
 */
export function completerEtapes(lues: EtapeLue[], actuelles: EtapeLue[]): EtapeLue[] {
  const parLibelle = new Map(actuelles.map((e) => [cleTexte(e.libelle), e]));
  return lues.map((e) => (Object.keys(e).length === 1 ? (parLibelle.get(cleTexte(e.libelle)) ?? e) : e));
}

const niveaux = { axe: ['Axe', 'de l’axe'], objectif: ['Objectif', 'de l’objectif'] } as const;

/**
 * Titles that are only a number ("Axe 1", "1.1", "Fiche action 3") are kept as written, and said in the report;
 * one too short to be a title ("1") is named after its level ("Axe 1").
 */
export function titresNumeros(rangs: RangLu[]): string[] {
  const remarques = new Set<string>();
  const voir = (niveau: keyof typeof niveaux, r: Rattachement | null | undefined) => {
    if (!r?.numeroSeul) return;
    const [mot, de] = niveaux[niveau];
    const ecrit = r.titre;
    if (ecrit.length < 3) r.titre = `${mot} ${ecrit}`;
    remarques.add(
      r.titre === ecrit
        ? `${mot} « ${ecrit} » : l’intitulé n’est que son numéro (${r.numero.join('.')}), il est gardé tel qu’écrit.`
        : `${mot} « ${ecrit} » : l’intitulé n’est que son numéro, trop court pour un intitulé ${de} ; il devient « ${r.titre} ».`,
    );
  };
  for (const { lue } of rangs) {
    voir('axe', lue.champs.axe);
    voir('objectif', lue.champs.objectif);
    if (lue.numeroSeul)
      remarques.add(`Fiche « ${lue.champs.intitule} » : l’intitulé n’est que son numéro (${lue.numero}), il est gardé tel qu’écrit.`);
  }
  return [...remarques];
}
