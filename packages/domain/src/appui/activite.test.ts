import { describe, expect, it } from 'vitest';
import type { Sujet } from '../permissions';
import { type ActiviteBrute, type LigneBrute, missionDuNiveau, porteeActivite, publierActivite } from './activite';
import { lirePeriodeActivite, lirePeriodesActivite } from './periodes';

describe('périodes de l’activité', () => {
  it('lit une année, un semestre, un trimestre, un mois ; la fin est exclue', () => {
    expect(lirePeriodeActivite('2025')).toMatchObject({ debut: '2025-01-01', fin: '2026-01-01', libelle: 'Année 2025' });
    expect(lirePeriodeActivite('2025-s2')).toMatchObject({ code: '2025-S2', debut: '2025-07-01', fin: '2026-01-01' });
    expect(lirePeriodeActivite('2025-T4')).toMatchObject({ debut: '2025-10-01', fin: '2026-01-01', libelle: '4e trimestre 2025' });
    expect(lirePeriodeActivite('2025-02')).toMatchObject({ debut: '2025-02-01', fin: '2025-03-01', libelle: 'février 2025' });
    expect(lirePeriodeActivite('2025-13')).toBeNull();
    expect(lirePeriodeActivite('25')).toBeNull();
  });
  it('une liste : chaque période une fois ; l’année en cours par défaut ; une période à venir est refusée', () => {
    const l = lirePeriodesActivite('2025-T1, 2025-T2,2025-T1', '2025-09-10');
    expect(l.ok && l.periodes.map((p) => p.code)).toEqual(['2025-T1', '2025-T2']);
    const d = lirePeriodesActivite(undefined, '2025-09-10');
    expect(d.ok && d.periodes[0].code).toBe('2025');
    const a = lirePeriodesActivite('2026', '2025-09-10');
    expect(!a.ok && a.raison).toMatch(/n’a pas commencé/);
    const f = lirePeriodesActivite('hier', '2025-09-10');
    expect(!f.ok && f.raison).toMatch(/« hier » : Période attendue/);
  });
});

const vide: ActiviteBrute = {
  demandes: 0,
  parOrigine: {},
  parNiveau: {},
  clotures: 0,
  parMotif: {},
  orientations: 0,
  parTypeRessource: {},
  parIssue: {},
  delais: {},
};
const periode = lirePeriodeActivite('2025')!;
const territoire = { cle: 'epci:243500741', nom: 'Redon Agglomération' };
const TYPES = { ssiad: 'SSIAD', ccas: 'CCAS' };

describe('publication de l’activité', () => {
  it('la mission se déduit du niveau de réponse', () => {
    expect(missionDuNiveau('information_orientation')).toBe('mission_1');
    expect(missionDuNiveau('gestion_de_cas')).toBe('mission_2');
    expect(missionDuNiveau(null)).toBe('sans_niveau');
  });

  it('compte par structure et pour l’ensemble, masque 1 à 4 et ce qui les redonnerait, médiane avec son effectif', () => {
    const a: ActiviteBrute = {
      ...vide,
      demandes: 22,
      parOrigine: { medecin_traitant: 19, aidant: 3 },
      parNiveau: { information_orientation: 6, appui_ponctuel: 8, coordination: 8 },
      delais: { premier_contact: { medianeJours: 1.26, nombre: 20 }, evaluation: { medianeJours: 9, nombre: 3 } },
      orientations: 12,
      parTypeRessource: { ssiad: 12 },
      parIssue: { acceptee: 12 },
    };
    const b: ActiviteBrute = {
      ...vide,
      demandes: 30,
      parOrigine: { medecin_traitant: 30 },
      parNiveau: { information_orientation: 10, appui_ponctuel: 10, coordination: 5, sans_niveau: 5 },
      orientations: 0,
    };
    const ens: ActiviteBrute = {
      ...vide,
      demandes: 52,
      parOrigine: { medecin_traitant: 49, aidant: 3 },
      parNiveau: { information_orientation: 16, appui_ponctuel: 18, coordination: 13, sans_niveau: 5 },
      delais: { premier_contact: { medianeJours: 2, nombre: 20 }, evaluation: { medianeJours: 9, nombre: 3 } },
      orientations: 12,
      parTypeRessource: { ssiad: 12 },
      parIssue: { acceptee: 12 },
    };
    const lignes: LigneBrute[] = [
      { structure: { id: 'a', nom: 'DAC A' }, territoire, periode, brute: a },
      { structure: { id: 'b', nom: 'DAC B' }, territoire, periode, brute: b },
      { structure: null, territoire, periode, brute: ens },
    ];
    const [pa, pb, pe] = publierActivite(lignes, TYPES, '2026-02-01');
    const origine = (l: typeof pa, code: string) => l.demandes.parOrigine.find((o) => o.code === code)!.nombre;
    expect(origine(pa, 'aidant')).toBe('secret');
    expect(origine(pe, 'aidant')).toBe('secret');
    // 19 + 3 = 22: the structure's total would give the 3 back.
    expect(pa.demandes.total).toBe('secret');
    // The sum of the structures would give A's total back: the whole's total goes too.
    expect(pe.demandes.total).toBe('secret');
    expect(origine(pa, 'personne')).toBe(0);
    // Mission 2 of A: 8 + 8 = 16, published; mission 1 of A is 6.
    expect(pa.demandes.parMission.find((m) => m.code === 'mission_2')!.nombre).toBe(16);
    // Every published sum still holds: no figure is a single unknown.
    const delai = (l: typeof pa, etape: string) => l.delais.find((d) => d.etape === etape)!;
    expect(delai(pa, 'premier_contact')).toMatchObject({ medianeJours: 1.3, nombre: 20 });
    expect(delai(pa, 'evaluation')).toMatchObject({ medianeJours: null, nombre: 'secret' });
    expect(delai(pe, 'evaluation')).toMatchObject({ medianeJours: null, nombre: 'secret' });
    expect(pa.orientations.parTypeRessource).toEqual([
      { code: 'ssiad', libelle: 'SSIAD', nombre: 12 },
      { code: 'ccas', libelle: 'CCAS', nombre: 0 },
    ]);
    expect(pa.partiel).toBe(false);
    // No published sum has exactly one unknown: in each row, and across the structures.
    const inconnues = (...n: (number | 'secret')[]) => n.filter((x) => x === 'secret').length;
    for (const l of [pa, pb, pe]) {
      expect(inconnues(l.demandes.total, ...l.demandes.parOrigine.map((o) => o.nombre))).not.toBe(1);
      expect(inconnues(l.demandes.total, ...l.demandes.parMission.map((o) => o.nombre))).not.toBe(1);
      const m2 = l.demandes.parMission.find((m) => m.code === 'mission_2')!.nombre;
      expect(inconnues(m2, ...l.demandes.parNiveau.filter((n) => n.code !== 'information_orientation').map((o) => o.nombre))).not.toBe(1);
    }
    for (const code of ['medecin_traitant', 'aidant'])
      expect(inconnues(origine(pa, code), origine(pb, code), origine(pe, code))).not.toBe(1);
    expect(inconnues(pa.demandes.total, pb.demandes.total, pe.demandes.total)).not.toBe(1);
  });

  it('une période qui n’est pas finie est partielle', () => {
    const [l] = publierActivite([{ structure: null, territoire, periode, brute: vide }], TYPES, '2025-06-01');
    expect(l.partiel).toBe(true);
    expect(l.demandes.total).toBe(0);
  });
});

describe('qui voit l’activité', () => {
  const sujet = (habilitations: Sujet['habilitations']): Sujet => ({ userId: 'u', organisationId: null, habilitations });
  const bretagne = { regions: ['53'], dansSesContrats: false };
  const redon = { regions: ['52', '53'], dansSesContrats: true };
  it('l’administrateur partout ; l’ARS sur les territoires qui touchent sa région ; la coordination sur ses contrats', () => {
    expect(porteeActivite(sujet([{ role: 'admin' }]), [], [bretagne])).toEqual({ structures: 'toutes' });
    expect(porteeActivite(sujet([{ role: 'ars_regional', regionCode: '53' }]), [], [bretagne, redon])).toEqual({ structures: 'toutes' });
    expect(porteeActivite(sujet([{ role: 'ars_regional', regionCode: '52' }]), [], [bretagne])).toBeNull();
    expect(porteeActivite(sujet([{ role: 'coordonnateur', contratId: 'c' }]), [], [redon])).toEqual({ structures: 'toutes' });
    expect(porteeActivite(sujet([{ role: 'coordonnateur', contratId: 'c' }]), [], [redon, bretagne])).toBeNull();
  });
  it('le personnel d’une équipe voit ses seules structures ; les autres rôles rien', () => {
    expect(porteeActivite(sujet([]), ['e1'], [bretagne])).toEqual({ structures: 'les_votres', equipes: ['e1'] });
    expect(porteeActivite(sujet([{ role: 'pilote', contratId: 'c' }]), [], [bretagne])).toBeNull();
  });
});
