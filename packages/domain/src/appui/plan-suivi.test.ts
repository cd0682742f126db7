import { describe, expect, it } from 'vitest';
import { appliquerDecisions, prochaineRevision, verifierConcertation, type ActionDePlan } from './plan';
import { chargeGestionnaire, delaisSituation, SEUIL_CHARGE_DEFAUT, syntheseDelais } from './suivi';

const action = (id: string, statut: ActionDePlan['statut'] = 'a_faire'): ActionDePlan => ({
  id,
  libelle: `Action ${id}`,
  porteur: 'Infirmière libérale',
  echeance: '2025-03-01',
  statut,
});

describe('charge des gestionnaires', () => {
  it('alerte au-delà du seuil, pas à sa valeur (une trentaine de cas par gestionnaire)', () => {
    expect(SEUIL_CHARGE_DEFAUT).toBe(30);
    expect(chargeGestionnaire(30, 30)).toEqual({ situationsOuvertes: 30, seuil: 30, alerte: false, message: null });
    const trop = chargeGestionnaire(31, 30);
    expect(trop.alerte).toBe(true);
    expect(trop.message).toBe('31 situations ouvertes pour un seuil de 30 : au-delà de la charge prévue par gestionnaire.');
    expect(chargeGestionnaire(3, 2).alerte).toBe(true);
  });
});

describe('délais d’une situation', () => {
  const jalons = {
    demandeLe: '2025-01-06T08:00:00Z',
    premierContactLe: '2025-01-06T14:30:00Z',
    evaluationLe: '2025-01-09T08:00:00Z',
    planLe: '2025-01-16T08:00:00Z',
  };
  it('mesure chaque étape en heures, et la demande jusqu’au plan', () => {
    expect(delaisSituation(jalons)).toEqual({ premier_contact: 6.5, evaluation: 65.5, plan: 168, total: 240 });
  });
  it('laisse vide une étape non atteinte ; sans premier contact noté, l’évaluation se compte depuis la demande', () => {
    expect(delaisSituation({ ...jalons, premierContactLe: null, planLe: null })).toEqual({
      premier_contact: null,
      evaluation: 72,
      plan: null,
      total: null,
    });
  });
  it('une saisie datée avant l’étape précédente ne donne pas un délai négatif', () => {
    expect(delaisSituation({ ...jalons, premierContactLe: '2025-01-05T08:00:00Z' }).premier_contact).toBe(0);
  });
});

describe('synthèse des délais d’une équipe', () => {
  it('médiane et 90e centile sur les situations arrivées à l’étape ; attente des autres, sauf les closes', () => {
    const demande = '2025-01-01T00:00:00Z';
    const contact = (h: number) => new Date(Date.parse(demande) + h * 3_600_000).toISOString();
    const situations = [1, 2, 3, 4, 48].map((h) => ({ demandeLe: demande, premierContactLe: contact(h), evaluationLe: null, planLe: null }));
    situations.push({ demandeLe: demande, premierContactLe: null, evaluationLe: null, planLe: null });
    const fermee = { demandeLe: '2024-06-01T00:00:00Z', premierContactLe: null, evaluationLe: null, planLe: null, clos: true };
    const [contactes] = syntheseDelais([...situations, fermee], '2025-01-03T00:00:00Z');
    expect(contactes).toMatchObject({ etape: 'premier_contact', nombre: 5, medianeHeures: 3, quatreVingtDixiemeHeures: 48 });
    expect(contactes!.enAttente).toBe(1);
    expect(contactes!.attenteMax).toBe(48);
  });
  it('sans situation, rien à dire', () => {
    expect(syntheseDelais([], '2025-01-01T00:00:00Z').every((s) => s.nombre === 0 && s.medianeHeures === null)).toBe(true);
  });
});

describe('concertations et plan', () => {
  it('une concertation rémunérable est pluriprofessionnelle', () => {
    const seul = verifierConcertation({ remunerable: true, participants: [{ categorie: 'professionnel' }, { categorie: 'personne' }] });
    expect(seul).toEqual({
      ok: false,
      champ: 'remunerable',
      raison: 'Une concertation pluriprofessionnelle rémunérable réunit au moins 2 professionnels (1 indiqué).',
    });
    expect(verifierConcertation({ remunerable: false, participants: [{ categorie: 'aidant' }] }).ok).toBe(true);
    expect(
      verifierConcertation({ remunerable: true, participants: [{ categorie: 'professionnel' }, { categorie: 'professionnel' }] }).ok,
    ).toBe(true);
  });
  it('les décisions modifient les actions à leur place et ajoutent les nouvelles à la fin', () => {
    const r = appliquerDecisions([action('a'), action('b')], [{ id: 'b', statut: 'realisee', echeance: null }], [action('c')]);
    expect(r.ok && r.actions.map((a) => [a.id, a.statut, a.echeance])).toEqual([
      ['a', 'a_faire', '2025-03-01'],
      ['b', 'realisee', null],
      ['c', 'a_faire', '2025-03-01'],
    ]);
  });
  it('une action inconnue du plan est signalée, rien n’est appliqué', () => {
    expect(appliquerDecisions([action('a')], [{ id: 'z', statut: 'realisee' }], [])).toEqual({ ok: false, inconnues: ['z'] });
  });
  it('la prochaine révision est la première date à venir', () => {
    expect(prochaineRevision(['2025-06-01', '2025-01-01', '2025-03-01'], '2025-02-01')).toBe('2025-03-01');
    expect(prochaineRevision(['2024-01-01'], '2025-02-01')).toBeNull();
  });
});
