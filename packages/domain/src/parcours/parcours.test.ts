import { describe, expect, it } from 'vitest';
import { deplacerDansOrdre, normaliserRoles, ruptureOuverte, transitionRupture, TRANSITIONS_RUPTURE } from './regles';
import { preuveRuptureSchema, STATUTS_RUPTURE, type StatutRupture } from './vocabulaire';

describe('transitions d’une rupture', () => {
  it('avance d’un pas, se ferme de partout, recule quand un traitement n’a pas tenu, se rouvre une fois close', () => {
    expect(transitionRupture('signalee', 'analysee', null)).toEqual({ ok: true });
    expect(transitionRupture('signalee', 'close', null)).toEqual({ ok: true });
    expect(transitionRupture('traitee', 'analysee', 'f')).toEqual({ ok: true });
    expect(transitionRupture('close', 'signalee', null)).toEqual({ ok: true });
    const saut = transitionRupture('signalee', 'traitee', 'f');
    expect(saut.ok).toBe(false);
    expect(!saut.ok && saut.raison).toMatch(/« Signalée » ne peut passer à « traitée »/i);
    expect(transitionRupture('close', 'traitee', 'f').ok).toBe(false);
  });
  it('« traitée » demande la fiche-action qui la traite', () => {
    const r = transitionRupture('analysee', 'traitee', null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.raison).toMatch(/fiche-action/);
    expect(transitionRupture('analysee', 'traitee', 'fiche').ok).toBe(true);
  });
  it('refuse de rester sur place et ne mène qu’à des statuts connus', () => {
    for (const s of Object.keys(STATUTS_RUPTURE) as StatutRupture[]) {
      expect(transitionRupture(s, s, 'f').ok).toBe(false);
      for (const v of TRANSITIONS_RUPTURE[s]) expect(Object.keys(STATUTS_RUPTURE)).toContain(v);
    }
    expect(ruptureOuverte('traitee')).toBe(true);
    expect(ruptureOuverte('close')).toBe(false);
  });
});

describe('ordre des étapes', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('monte, descend et borne la position', () => {
    expect(deplacerDansOrdre(ids, 'c', 2)).toEqual(['a', 'c', 'b', 'd']);
    expect(deplacerDansOrdre(ids, 'a', 2)).toEqual(['b', 'a', 'c', 'd']);
    expect(deplacerDansOrdre(ids, 'a', 0)).toEqual(ids);
    expect(deplacerDansOrdre(ids, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(deplacerDansOrdre(ids, 'z', 1)).toEqual(ids);
  });
});

describe('grille et preuves', () => {
  it('range les rôles d’une case sans doublon', () => {
    expect(normaliserRoles(['coordonne', 'repere', 'coordonne'])).toEqual(['repere', 'coordonne']);
  });
  it('nomme ce qui manque à une preuve', () => {
    expect(preuveRuptureSchema.safeParse({ type: 'verbatim', verbatimId: 'x' }).success).toBe(false);
    expect(preuveRuptureSchema.safeParse({ type: 'signalement', texte: '  ' }).error?.issues[0]?.message).toBe('Le signalement est vide');
    expect(preuveRuptureSchema.parse({ type: 'indicateur', texte: 'Taux en baisse' })).toEqual({
      type: 'indicateur',
      texte: 'Taux en baisse',
      indicateurCode: null,
    });
  });
});
