import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atteinte, avancementFiche, cumulerAvancement, type IndicateurPourAvancement } from './avancement';
import { indicateurSuiviSchema, valeurDeMesure } from './schemas';
import { comparerPeriodes, libellePeriodeSuivi, RAISON_QUATRE_YEUX, saisiePossible, transition, type EtatSuivi } from './workflow';

const pilote = { saisir: true, valider: false };
const coordination = { saisir: true, valider: true };
const ars = { saisir: false, valider: true };

describe('workflow du suivi', () => {
  it('brouillon → soumis → renvoyé → soumis → validé, puis verrouillé', () => {
    expect(transition('brouillon', 'soumettre', pilote)).toEqual({ ok: true, etat: 'soumis' });
    expect(transition('soumis', 'renvoyer', coordination, 'La valeur 2023 manque')).toEqual({ ok: true, etat: 'a_corriger' });
    expect(saisiePossible('a_corriger', pilote)).toEqual({ ok: true, etat: 'a_corriger' });
    expect(transition('a_corriger', 'soumettre', pilote)).toEqual({ ok: true, etat: 'soumis' });
    expect(transition('soumis', 'valider', ars)).toEqual({ ok: true, etat: 'valide' });
    for (const action of ['soumettre', 'renvoyer', 'valider'] as const)
      expect(transition('valide', action, coordination, 'x')).toMatchObject({ ok: false, raison: expect.stringContaining('verrouillée') });
    expect(saisiePossible('valide', coordination)).toMatchObject({ ok: false });
  });

  it('un pilote ne valide ni ne renvoie ; l’ARS ne saisit pas', () => {
    expect(transition('soumis', 'valider', pilote)).toMatchObject({ ok: false });
    expect(transition('soumis', 'renvoyer', pilote, 'x')).toMatchObject({ ok: false });
    expect(saisiePossible(null, ars)).toMatchObject({ ok: false });
    expect(transition('brouillon', 'soumettre', ars)).toMatchObject({ ok: false });
  });

  it('on ne valide que ce qui est soumis, et un renvoi dit pourquoi', () => {
    expect(transition('brouillon', 'valider', coordination)).toMatchObject({
      ok: false,
      raison: 'Seule une saisie soumise peut être validée.',
    });
    expect(transition('soumis', 'renvoyer', coordination, '  ')).toMatchObject({
      ok: false,
      raison: expect.stringContaining('commentaire'),
    });
    expect(saisiePossible('soumis', pilote)).toMatchObject({ ok: false });
    expect(transition('soumis', 'soumettre', pilote)).toMatchObject({ ok: false });
  });

  it('aucune suite d’actions ne sort d’un état validé', () => {
    const etats: EtatSuivi[] = ['brouillon', 'soumis', 'a_corriger', 'valide'];
    fc.assert(
      fc.property(
        fc.constantFrom(...etats),
        fc.array(fc.constantFrom('soumettre', 'renvoyer', 'valider' as const), { maxLength: 12 }),
        (depart, actions) => {
          let etat = depart;
          let valide = etat === 'valide';
          for (const a of actions) {
            const r = transition(etat, a, coordination, 'motif');
            if (valide) expect(r.ok).toBe(false);
            if (r.ok) etat = r.etat;
            valide ||= etat === 'valide';
          }
        },
      ),
    );
  });

  it('quatre yeux : qui a soumis ne valide pas ; un autre le peut ; la région peut l’assouplir', () => {
    const yeux = (soumisPar: string | null, exige = true) => ({ exige, acteurId: 'marie', soumisPar });
    expect(transition('soumis', 'valider', coordination, null, yeux('marie'))).toEqual({
      ok: false,
      raison: RAISON_QUATRE_YEUX,
      interdit: true,
    });
    expect(transition('soumis', 'valider', coordination, null, yeux('sophie'))).toEqual({ ok: true, etat: 'valide' });
    expect(transition('soumis', 'valider', coordination, null, yeux('marie', false))).toEqual({ ok: true, etat: 'valide' });
    // Sending back one's own submission stays possible: it asks for more work, it vouches for nothing.
    expect(transition('soumis', 'renvoyer', coordination, 'À revoir', yeux('marie'))).toEqual({ ok: true, etat: 'a_corriger' });
  });

  it('le référent ARS rouvre une saisie validée avec un motif ; elle repart pour correction', () => {
    const referent = { saisir: true, valider: true, rouvrir: true };
    expect(transition('valide', 'rouvrir', referent, 'Le dénominateur a changé')).toEqual({ ok: true, etat: 'a_corriger' });
    expect(transition('valide', 'rouvrir', referent, ' ')).toMatchObject({
      ok: false,
      raison: expect.stringContaining('motif est obligatoire'),
    });
    expect(transition('valide', 'rouvrir', coordination, 'x')).toMatchObject({ ok: false, interdit: true });
    expect(transition('soumis', 'rouvrir', referent, 'x')).toMatchObject({
      ok: false,
      raison: expect.stringContaining('renvoie pour correction'),
    });
  });

  it('périodes : libellés et ordre', () => {
    expect(libellePeriodeSuivi('2024')).toBe('2024');
    expect(libellePeriodeSuivi('2024-S1')).toBe('1er semestre 2024');
    expect(libellePeriodeSuivi('2024-T3')).toBe('3e trimestre 2024');
    expect(['2025', '2024', '2024-S2', '2024-T1'].sort(comparerPeriodes)).toEqual(['2024-T1', '2024-S2', '2024', '2025']);
  });
});

const indicateur = (i: Partial<IndicateurPourAvancement>): IndicateurPourAvancement => ({
  poids: 1,
  reference: null,
  cibles: [],
  valeursValidees: [],
  ...i,
});

describe('avancement', () => {
  it('part du chemin de la référence à la cible, bornée entre 0 et 1', () => {
    expect(
      atteinte(
        indicateur({ reference: 10, cibles: [{ periode: '2025', valeur: 30 }], valeursValidees: [{ periode: '2024', valeur: 20 }] }),
      ),
    ).toBe(0.5);
    // A decreasing target (fewer emergency visits) works the same way.
    expect(
      atteinte(
        indicateur({ reference: 100, cibles: [{ periode: '2025', valeur: 60 }], valeursValidees: [{ periode: '2025', valeur: 70 }] }),
      ),
    ).toBeCloseTo(0.75);
    expect(
      atteinte(indicateur({ reference: 0, cibles: [{ periode: '2025', valeur: 10 }], valeursValidees: [{ periode: '2025', valeur: 25 }] })),
    ).toBe(1);
    expect(
      atteinte(indicateur({ reference: 10, cibles: [{ periode: '2025', valeur: 30 }], valeursValidees: [{ periode: '2025', valeur: 5 }] })),
    ).toBe(0);
    expect(atteinte(indicateur({ cibles: [{ periode: '2025', valeur: 30 }] }))).toBeNull();
    expect(atteinte(indicateur({ valeursValidees: [{ periode: '2025', valeur: 3 }] }))).toBeNull();
  });

  it('la cible de la dernière période validée compte, sinon la dernière fixée', () => {
    const i = indicateur({
      cibles: [
        { periode: '2024', valeur: 10 },
        { periode: '2026', valeur: 40 },
      ],
      valeursValidees: [
        { periode: '2023', valeur: 2 },
        { periode: '2024', valeur: 5 },
      ],
    });
    expect(atteinte(i)).toBe(0.5);
    expect(atteinte({ ...i, valeursValidees: [{ periode: '2025', valeur: 20 }] })).toBe(0.5);
  });

  it('une fiche se mesure par ses indicateurs, sinon par son statut ; abandonnée, elle sort du calcul', () => {
    const mesure = indicateur({ poids: 3, cibles: [{ periode: '2025', valeur: 10 }], valeursValidees: [{ periode: '2025', valeur: 10 }] });
    const autre = indicateur({ poids: 1, cibles: [{ periode: '2025', valeur: 10 }], valeursValidees: [{ periode: '2025', valeur: 0 }] });
    expect(avancementFiche('en_cours', [mesure, autre])).toEqual({ avancement: 0.75, source: 'indicateurs', indicateursMesures: 2 });
    expect(avancementFiche('en_cours', [indicateur({})])).toEqual({ avancement: 0.5, source: 'statut', indicateursMesures: 0 });
    expect(avancementFiche('a_venir', [])).toMatchObject({ avancement: 0 });
    expect(avancementFiche('realisee', [autre])).toMatchObject({ avancement: 1 });
    expect(avancementFiche('abandonnee', [mesure])).toEqual({ avancement: null, source: 'exclue', indicateursMesures: 0 });
  });

  it('cumul pondéré fiche → objectif → axe → contrat', () => {
    const fiches = [
      { id: 'f1', axeId: 'a1', objectifId: 'o1', poids: 1, avancement: 1 },
      { id: 'f2', axeId: 'a1', objectifId: 'o1', poids: 3, avancement: 0 },
      { id: 'f3', axeId: 'a1', objectifId: 'o2', poids: 2, avancement: 0.5 },
      { id: 'f4', axeId: 'a2', objectifId: null, poids: 1, avancement: null },
      { id: 'f5', axeId: null, objectifId: null, poids: 2, avancement: 0.5 },
    ];
    const c = cumulerAvancement(fiches);
    expect(c.parObjectif.get('o1')).toEqual({ avancement: 0.25, poids: 4, fiches: 2 });
    expect(c.parAxe.get('a1')!.avancement).toBeCloseTo(2 / 6);
    expect(c.parAxe.get('a2')).toEqual({ avancement: null, poids: 0, fiches: 1 });
    expect(c.contrat.avancement).toBeCloseTo(3 / 8);
    expect(c.contrat.fiches).toBe(5);
  });

  it('le cumul reste entre le minimum et le maximum de ses fiches, quel que soit l’ordre', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ avancement: fc.double({ min: 0, max: 1, noNaN: true }), poids: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
          { minLength: 1, maxLength: 30 },
        ),
        (l) => {
          const fiches = l.map((f, n) => ({ id: `f${n}`, axeId: 'a', objectifId: null, ...f }));
          const { contrat } = cumulerAvancement(fiches);
          const valeurs = l.map((f) => f.avancement);
          expect(contrat.avancement!).toBeGreaterThanOrEqual(Math.min(...valeurs) - 1e-9);
          expect(contrat.avancement!).toBeLessThanOrEqual(Math.max(...valeurs) + 1e-9);
          expect(cumulerAvancement([...fiches].reverse()).contrat.avancement).toBeCloseTo(contrat.avancement!, 9);
        },
      ),
    );
  });
});

describe('indicateurs de suivi', () => {
  it('un pourcentage garde son numérateur et son dénominateur', () => {
    const r = indicateurSuiviSchema.safeParse({
      libelle: 'Part des 65 ans et plus vaccinés contre la grippe',
      type: 'resultat',
      pourcentage: true,
      cibles: [{ periode: '2025', valeur: 75 }],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['cibles.0.numerateur', 'cibles.0.denominateur']);
    expect(valeurDeMesure({ numerateur: 450, denominateur: 600 }, true)).toBe(75);
    expect(valeurDeMesure({ valeur: 12 }, false)).toBe(12);
  });
  it('refuse deux cibles pour la même période et une période mal écrite', () => {
    const r = indicateurSuiviSchema.safeParse({
      libelle: 'Ateliers tenus',
      type: 'activite',
      cibles: [
        { periode: '2025', valeur: 4 },
        { periode: '2025', valeur: 6 },
        { periode: '25', valeur: 1 },
      ],
    });
    expect(r.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['Deux cibles pour la période 2025', expect.stringContaining('Période attendue')]),
    );
  });
});
