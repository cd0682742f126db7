import { describe, expect, it } from 'vitest';
import { porteeAnnuaire, type Sujet } from '../permissions';
import { STATUTS_CONTRAT, type StatutContrat } from './statuts';
import { APPORTS_CONTRAT, debutPeriodeSuivi, droitsSelonVerrou, estClos, peutRecevoir, raisonVerrou, type ApportContrat } from './verrou';

const ACCEPTES_SI_CLOS: ApportContrat[] = ['seance', 'decision', 'fichier', 'suivi', 'statut_fiche', 'evaluation', 'engagement'];

describe('ce que reçoit un contrat selon son statut (décision 0006)', () => {
  it('un contrat ouvert reçoit tout', () => {
    for (const statut of ['preparation', 'diagnostic', 'elaboration', 'signe', 'evaluation'] as StatutContrat[])
      for (const apport of APPORTS_CONTRAT)
        expect(peutRecevoir({ statut, periodeFin: '2020-12-31' }, apport, '2030')).toEqual({ ok: true });
  });

  it('un contrat clos refuse ce qui le prolongerait et garde ce qui le clôt', () => {
    for (const statut of ['echu', 'renouvele', 'abandonne'] as StatutContrat[])
      for (const apport of APPORTS_CONTRAT) {
        const r = peutRecevoir({ statut, periodeFin: '2024-12-31' }, apport);
        expect(r.ok, `${statut} / ${apport}`).toBe(ACCEPTES_SI_CLOS.includes(apport));
        if (!r.ok)
          expect(r.raison).toMatch(/^Ce contrat est (échu|renouvelé|abandonné) : il ne reçoit plus .+ Restent possibles : son évaluation/);
      }
  });

  it('nomme ce qu’il refuse', () => {
    expect(peutRecevoir({ statut: 'echu' }, 'instance')).toMatchObject({
      raison: expect.stringContaining('il ne reçoit plus de nouvelle instance.'),
    });
    expect(peutRecevoir({ statut: 'echu' }, 'financement')).toMatchObject({
      raison: expect.stringContaining('de nouvelle ligne de financement'),
    });
  });

  it('le suivi d’un contrat clos s’arrête à la période qui contient sa fin', () => {
    const echu = { statut: 'echu' as const, periodeFin: '2024-06-30' };
    expect(peutRecevoir(echu, 'suivi', '2024')).toEqual({ ok: true });
    expect(peutRecevoir(echu, 'suivi', '2024-S1')).toEqual({ ok: true });
    expect(peutRecevoir(echu, 'suivi', '2024-T2')).toEqual({ ok: true });
    const apres = peutRecevoir(echu, 'suivi', '2024-S2');
    expect(apres).toEqual({
      ok: false,
      raison:
        'Ce contrat est échu et sa période a pris fin le 30 juin 2024 : la période 2024-S2 commence après, elle ne peut pas être suivie sur ce contrat.',
    });
    expect(peutRecevoir(echu, 'suivi', '2025').ok).toBe(false);
    // Without a known end, the last period cannot be placed: the follow-up stays open.
    expect(peutRecevoir({ statut: 'echu', periodeFin: null }, 'suivi', '2031')).toEqual({ ok: true });
    // An open contract may be followed ahead of time (targets and values of its next years).
    expect(peutRecevoir({ statut: 'signe', periodeFin: '2024-06-30' }, 'suivi', '2026')).toEqual({ ok: true });
  });

  it('place le début de chaque période', () => {
    expect(['2024', '2024-S1', '2024-S2', '2024-T1', '2024-T2', '2024-T3', '2024-T4', '24'].map(debutPeriodeSuivi)).toEqual([
      '2024-01-01',
      '2024-01-01',
      '2024-07-01',
      '2024-01-01',
      '2024-04-01',
      '2024-07-01',
      '2024-10-01',
      null,
    ]);
  });

  it('le texte : libre avant signature, par avenant ensuite, jamais une fois clos', () => {
    expect(STATUTS_CONTRAT.filter(estClos)).toEqual(['echu', 'renouvele', 'abandonne']);
    expect(raisonVerrou('elaboration', false)).toBeNull();
    expect(raisonVerrou('signe', true)).toBeNull();
    expect(raisonVerrou('signe', false)).toMatch(/avenant/);
    expect(raisonVerrou('echu', true)).toBe('Ce contrat est clos : il ne peut plus être modifié.');
    expect(raisonVerrou('abandonne', false)).toBe('Ce contrat est clos : il ne peut plus être modifié.');
  });
});

describe('portée de l’annuaire des personnes', () => {
  const sujet = (habilitations: Sujet['habilitations']): Sujet => ({ userId: 'u', organisationId: null, habilitations });

  it('personne pour un visiteur anonyme, tout pour un administrateur', () => {
    expect(porteeAnnuaire(null)).toBeNull();
    expect(porteeAnnuaire(sujet([{ role: 'admin' }]))).toMatchObject({ tout: true });
  });

  it('coordonnées pour qui organise ; noms seuls pour qui lit', () => {
    const p = porteeAnnuaire(
      sujet([
        { role: 'coordonnateur', contratId: 'c1' },
        { role: 'lecteur', contratId: 'c2' },
        { role: 'pilote', contratId: 'c1' },
        { role: 'ars_regional', regionCode: '53' },
        { role: 'referent_organisation', organisationId: 'cpam' },
      ]),
    );
    expect(p).toEqual({
      tout: false,
      regions: ['53'],
      organisations: ['cpam'],
      contratsAvecCoordonnees: ['c1'],
      contratsSansCoordonnees: ['c2'],
    });
    expect(porteeAnnuaire(sujet([{ role: 'lecteur', contratId: 'c1' }]))).toEqual({
      tout: false,
      regions: [],
      organisations: [],
      contratsAvecCoordonnees: [],
      contratsSansCoordonnees: ['c1'],
    });
    expect(porteeAnnuaire(sujet([{ role: 'referent_ars', contratId: 'c3' }]))?.contratsAvecCoordonnees).toEqual(['c3']);
    expect(porteeAnnuaire(sujet([]))).toEqual({
      tout: false,
      regions: [],
      organisations: [],
      contratsAvecCoordonnees: [],
      contratsSansCoordonnees: [],
    });
  });
});

describe('les droits montrés à côté du verrou (issue 13 : le CLS 1 de Redon, renouvelé, se disait modifiable)', () => {
  const coordination = { modifier: true, creerFiche: true, valider: true, publier: true };
  it('un contrat clos n’est modifiable par personne ; ce qu’il reçoit encore reste possible', () => {
    for (const statut of ['echu', 'renouvele', 'abandonne'] as StatutContrat[]) {
      const droits = droitsSelonVerrou(coordination, { statut, avenantOuvert: false });
      expect(raisonVerrou(statut, false), statut).toMatch(/clos/);
      expect(droits, statut).toEqual({ modifier: false, creerFiche: false, completer: true, valider: true, publier: true });
    }
  });

  it('pour chaque statut, droits et verrou s’accordent : modifier ou créer une fiche seulement quand le verrou le permet', () => {
    for (const statut of STATUTS_CONTRAT)
      for (const avenantOuvert of [false, true]) {
        const droits = droitsSelonVerrou(coordination, { statut, avenantOuvert });
        const verrou = raisonVerrou(statut, avenantOuvert);
        expect(droits.creerFiche, `${statut} ${avenantOuvert}`).toBe(verrou === null);
        expect(droits.modifier, `${statut} ${avenantOuvert}`).toBe(!estClos(statut));
      }
  });

  it('le verrou ne donne rien au rôle qui n’a pas le droit', () => {
    expect(droitsSelonVerrou({ modifier: false, creerFiche: false }, { statut: 'elaboration', avenantOuvert: false })).toEqual({
      modifier: false,
      creerFiche: false,
      completer: false,
    });
  });
});
