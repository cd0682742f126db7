import { describe, expect, it } from 'vitest';
import { accesSaisieSchema, peutVoirAcces, refusChangementAcces, rolesAttribuables, type ChangementAcces } from './acces-contrat';
import type { Habilitation, Sujet } from './permissions';

const CONTRAT = { id: 'c1', regions: ['53', '52'], publie: false };
const sujet = (habilitations: Habilitation[]): Sujet => ({ userId: 'u1', organisationId: 'o1', habilitations });

const profils = {
  anonyme: null,
  admin: sujet([{ role: 'admin' }]),
  arsPaysDeLaLoire: sujet([{ role: 'ars_regional', regionCode: '52' }]),
  arsOccitanie: sujet([{ role: 'ars_regional', regionCode: '76' }]),
  coordonnateur: sujet([{ role: 'coordonnateur', contratId: 'c1' }]),
  coordonnateurAilleurs: sujet([{ role: 'coordonnateur', contratId: 'c2' }]),
  referentArs: sujet([{ role: 'referent_ars', contratId: 'c1' }]),
  pilote: sujet([{ role: 'pilote', contratId: 'c1' }]),
  membre: sujet([{ role: 'membre', contratId: 'c1' }]),
  lecteur: sujet([{ role: 'lecteur', contratId: 'c1' }]),
  referentOrganisation: sujet([{ role: 'referent_organisation', organisationId: 'o1' }]),
};
const TOUS = ['coordonnateur', 'referent_ars', 'pilote', 'membre', 'lecteur'];

describe('rolesAttribuables', () => {
  it.each([
    ['admin', TOUS],
    ['arsPaysDeLaLoire', TOUS],
    ['referentArs', TOUS],
    ['coordonnateur', ['coordonnateur', 'pilote', 'membre', 'lecteur']],
    ['arsOccitanie', []],
    ['coordonnateurAilleurs', []],
    ['pilote', []],
    ['membre', []],
    ['lecteur', []],
    ['referentOrganisation', []],
    ['anonyme', []],
  ] as const)('%s', (nom, attendus) => {
    expect(rolesAttribuables(profils[nom], CONTRAT)).toEqual(attendus);
  });
});

describe('peutVoirAcces', () => {
  it('les personnes du contrat, son ARS et l’admin voient la liste ; personne d’autre', () => {
    const voient = Object.entries(profils)
      .filter(([, p]) => peutVoirAcces(p, CONTRAT))
      .map(([n]) => n);
    expect(voient).toEqual(['admin', 'arsPaysDeLaLoire', 'coordonnateur', 'referentArs', 'pilote', 'membre', 'lecteur']);
  });
});

describe('refusChangementAcces', () => {
  const base: ChangementAcces = { roleActuel: null, nouveauRole: 'lecteur', coordonnateurs: 1, aUneOrganisation: true };

  it('la coordination invite un pilote, un membre, un lecteur ou une autre coordinatrice', () => {
    for (const nouveauRole of ['pilote', 'membre', 'lecteur', 'coordonnateur'] as const)
      expect(refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, nouveauRole })).toBeNull();
  });

  it('seule l’ARS nomme ou retire un référent ARS', () => {
    expect(refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, nouveauRole: 'referent_ars' })).toEqual({
      motif: 'interdit',
      message:
        'Le rôle « Référent ARS du contrat » se donne et se retire par l’ARS de la région du contrat (ou l’administrateur de la plateforme).',
    });
    expect(
      refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, roleActuel: 'referent_ars', nouveauRole: 'lecteur' })?.motif,
    ).toBe('interdit');
    expect(refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, roleActuel: 'referent_ars', nouveauRole: null })?.motif).toBe(
      'interdit',
    );
    expect(refusChangementAcces(profils.arsPaysDeLaLoire, CONTRAT, { ...base, nouveauRole: 'referent_ars' })).toBeNull();
  });

  it('ceux qui ne gèrent pas le contrat ne changent rien', () => {
    for (const nom of ['pilote', 'membre', 'lecteur', 'arsOccitanie', 'coordonnateurAilleurs', 'anonyme'] as const)
      expect(refusChangementAcces(profils[nom], CONTRAT, base)).toEqual({
        motif: 'interdit',
        message: 'Vous ne gérez pas les personnes de ce contrat.',
      });
  });

  it('personne ne retire la dernière coordinatrice, pas même l’admin ; avec une seconde, c’est possible', () => {
    for (const nom of ['admin', 'arsPaysDeLaLoire', 'coordonnateur'] as const) {
      expect(refusChangementAcces(profils[nom], CONTRAT, { ...base, roleActuel: 'coordonnateur', nouveauRole: null })?.motif).toBe(
        'dernier_coordonnateur',
      );
      expect(refusChangementAcces(profils[nom], CONTRAT, { ...base, roleActuel: 'coordonnateur', nouveauRole: 'membre' })?.motif).toBe(
        'dernier_coordonnateur',
      );
      expect(
        refusChangementAcces(profils[nom], CONTRAT, { ...base, roleActuel: 'coordonnateur', nouveauRole: null, coordonnateurs: 2 }),
      ).toBeNull();
    }
    // Keeping the role (a no-op) is not removing it.
    expect(
      refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, roleActuel: 'coordonnateur', nouveauRole: 'coordonnateur' }),
    ).toBeNull();
  });

  it('un pilote a une organisation', () => {
    expect(refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, nouveauRole: 'pilote', aUneOrganisation: false })?.motif).toBe(
      'organisation_requise',
    );
    expect(refusChangementAcces(profils.coordonnateur, CONTRAT, { ...base, nouveauRole: 'membre', aUneOrganisation: false })).toBeNull();
  });
});

describe('accesSaisieSchema', () => {
  it('normalise l’adresse et refuse un rôle de plateforme', () => {
    expect(accesSaisieSchema.parse({ email: ' Paul.Martin@Exemple.FR ', role: 'pilote' })).toMatchObject({
      email: 'paul.martin@exemple.fr',
      role: 'pilote',
    });
    const r = accesSaisieSchema.safeParse({ email: 'pas une adresse', role: 'admin' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'L’adresse e-mail n’est pas valide',
      'Rôle inconnu : coordonnateur, referent_ars, pilote, membre ou lecteur',
    ]);
  });
});
