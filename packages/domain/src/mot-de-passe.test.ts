import { describe, expect, it } from 'vitest';
import { delaiFrein, dureeLisible } from './frein';
import { motDePasseRobusteSchema, raisonMotDePasseFaible } from './mot-de-passe';

describe('force du mot de passe', () => {
  it('refuse les mots de passe triviaux ou courants, en disant pourquoi', () => {
    expect(raisonMotDePasseFaible(' '.repeat(12))).toBe('Le mot de passe ne peut pas être fait que d’espaces');
    expect(raisonMotDePasseFaible('aaaaaaaaaaaa')).toMatch(/^Mot de passe trop facile à deviner : les caractères répétés/);
    expect(raisonMotDePasseFaible('123456789012')).toMatch(/^Mot de passe trop facile à deviner : /);
    expect(raisonMotDePasseFaible('azertyuiop12')).toMatch(/clavier/);
    expect(raisonMotDePasseFaible('motdepasse123')).toMatch(/^Mot de passe trop facile à deviner/);
  });

  it('accepte une phrase de passe et les mots de passe de démonstration', () => {
    for (const bon of ['maillage-demo-2026', 'resilience-2026-solide', 'un nouveau mot de passe', 'nouveau mot de passe sûr'])
      expect(raisonMotDePasseFaible(bon), bon).toBeNull();
  });

  it('refuse un mot de passe bâti sur le nom de la personne', () => {
    const indices = ['zorglubine.quetzalinc@exemple.fr', 'Zorglubine', 'Quetzalinc'];
    expect(raisonMotDePasseFaible('zorglubinequetzalinc')).toBeNull();
    expect(raisonMotDePasseFaible('zorglubinequetzalinc', indices)).toMatch(/données personnelles/);
  });

  it('donne la raison dans le schéma partagé par le serveur et le formulaire', () => {
    const r = motDePasseRobusteSchema.safeParse('123456789012');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/^Mot de passe trop facile à deviner/);
    expect(motDePasseRobusteSchema.safeParse('court').error!.issues[0].message).toBe('Le mot de passe doit compter au moins 12 caractères');
  });
});

describe('frein des tentatives', () => {
  const politique = { libres: 5, premierDelai: 30, plafond: 900 };
  it('laisse les premiers essais libres, puis double l’attente jusqu’au plafond', () => {
    expect([1, 4].map((n) => delaiFrein(n, politique))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 20].map((n) => delaiFrein(n, politique))).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });
  it('dit l’attente en français', () => {
    expect(dureeLisible(0.2)).toBe('1 seconde');
    expect(dureeLisible(40)).toBe('40 secondes');
    expect(dureeLisible(61)).toBe('2 minutes');
  });
});
