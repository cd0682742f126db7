import {
  ACTIVITES_MISSION_2,
  SOLLICITEURS_PUBLIC,
  type MissionRessource,
  type PublicRessource,
  type RessourceSaisie,
  type SolliciteurRessource,
} from './vocabulaire';

/** A mission 2 activity (évaluation, coordination…) implies mission 2; the list is kept in the vocabulary's order, once each. */
export function normaliserMissions(missions: readonly MissionRessource[]): MissionRessource[] {
  const ensemble = new Set(missions);
  if (ACTIVITES_MISSION_2.some((a) => ensemble.has(a))) ensemble.add('appui_parcours');
  const ordre: MissionRessource[] = [
    'information_orientation',
    'appui_parcours',
    ...ACTIVITES_MISSION_2,
    'soutien_pratiques',
    'soins',
    'accompagnement',
  ];
  return ordre.filter((m) => ensemble.has(m));
}

/**
 * The communes a resource reaches: its intervention zone, or its own commune when it names no zone (a CMP serves
 * where it is); none when it has neither (decision 0027).
 */
export function communesAtteintes(zone: readonly string[], communeCode: string | null): string[] {
  if (zone.length) return [...new Set(zone)].sort();
  return communeCode ? [communeCode] : [];
}

/** Whether a resource serves a public: its own, or « tous publics » (a porte d'entrée open to everyone serves the elderly too). */
export const servicePublic = (publics: readonly string[], demande: PublicRessource) =>
  publics.includes(demande) || publics.includes('tous_publics');

/** Annexe 4's three columns: entry for the public, for professionals, or both. */
export type EntreeSollicitation = 'public' | 'professionnels' | 'les_deux' | 'non_renseigne';
export function entreeSollicitation(sollicitablePar: readonly SolliciteurRessource[]): EntreeSollicitation {
  const publique = sollicitablePar.some((s) => SOLLICITEURS_PUBLIC.includes(s));
  const pro = sollicitablePar.some((s) => !SOLLICITEURS_PUBLIC.includes(s));
  return publique && pro ? 'les_deux' : publique ? 'public' : pro ? 'professionnels' : 'non_renseigne';
}
export const LIBELLES_ENTREE_SOLLICITATION: Record<EntreeSollicitation, string> = {
  public: 'Entrée public (usager, aidant)',
  professionnels: 'Entrée professionnels',
  les_deux: 'Public et professionnels',
  non_renseigne: 'Non renseigné',
};

/** "01/02/2025" style is the UI's; the opening hours of a ROR service grouped by identical hours: « Lundi au dimanche : 00:00–23:59 ». */
const JOURS: Record<string, string> = {
  mon: 'lundi',
  tue: 'mardi',
  wed: 'mercredi',
  thu: 'jeudi',
  fri: 'vendredi',
  sat: 'samedi',
  sun: 'dimanche',
};
const ORDRE_JOURS = Object.keys(JOURS);
export function texteHoraires(
  creneaux: readonly { jours: readonly string[]; debut?: string | null; fin?: string | null; toujours?: boolean }[],
): string | null {
  const parHoraire = new Map<string, Set<string>>();
  for (const c of creneaux) {
    const horaire = c.toujours ? '24 h sur 24' : `${(c.debut ?? '').slice(0, 5) || '?'}–${(c.fin ?? '').slice(0, 5) || '?'}`;
    const jours = parHoraire.get(horaire) ?? new Set<string>();
    c.jours.filter((j) => j in JOURS).forEach((j) => jours.add(j));
    parHoraire.set(horaire, jours);
  }
  const morceaux = [...parHoraire].filter(([, jours]) => jours.size).map(([horaire, jours]) => `${plageDeJours([...jours])} : ${horaire}`);
  if (!morceaux.length) return null;
  const texte = morceaux.join(' ; ');
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}
function plageDeJours(jours: string[]): string {
  const rangs = jours.map((j) => ORDRE_JOURS.indexOf(j)).sort((a, b) => a - b);
  const suivis = rangs.every((r, i) => i === 0 || r === rangs[i - 1] + 1);
  if (rangs.length > 2 && suivis) return `${JOURS[ORDRE_JOURS[rangs[0]]]} au ${JOURS[ORDRE_JOURS[rangs[rangs.length - 1]]]}`;
  return rangs.map((r) => JOURS[ORDRE_JOURS[r]]).join(', ');
}

/**
 * A stored resource back in the shape it is typed: the form starts from it, and the audit's before/after compare like
 * with like.
 */
export function saisieDeRessource(r: RessourceSaisie): RessourceSaisie {
  return {
    organisationId: r.organisationId,
    nom: r.nom,
    typeCode: r.typeCode,
    publics: r.publics,
    missions: r.missions,
    niveau: r.niveau,
    sollicitablePar: r.sollicitablePar,
    zone: r.zone,
    adresse: r.adresse,
    communeCode: r.communeCode,
    horaires: r.horaires,
    contacts: r.contacts,
    criteresInclusion: r.criteresInclusion,
    capacite: r.capacite,
    delaiHabituel: r.delaiHabituel,
    statut: r.statut,
    statutDepuis: r.statutDepuis,
    statutJusquAu: r.statutJusquAu,
    finess: r.finess,
    siret: r.siret,
    rorId: r.rorId,
    publie: r.publie,
  };
}
