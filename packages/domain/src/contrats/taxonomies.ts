/** The taxonomies of the fiche-action, after ARS Bretagne's template (domain.md §4). Codes are stable; labels are French. */

export interface Terme {
  code: string;
  libelle: string;
  groupe?: string;
}

const termes = (groupe: string, liste: [string, string][]): Terme[] => liste.map(([code, libelle]) => ({ code, libelle, groupe }));

export const DETERMINANTS: Terme[] = [
  ...termes('Conditions socio-économiques', [
    ['revenu', 'Niveau de revenu'],
    ['education', 'Niveau d’éducation'],
  ]),
  ...termes('Conditions de vie', [
    ['travail', 'Conditions de travail'],
    ['environnement_physique', 'Environnement physique (air, sol, eau, logement, transport, aménagement)'],
    ['acces_ressources', 'Accès aux ressources hors santé (logement, emploi, services sociaux et éducatifs, alimentation, loisirs)'],
  ]),
  ...termes('Environnement social', [
    ['integration_sociale', 'Intégration sociale'],
    ['normes_climat_social', 'Normes et climat social'],
    ['empowerment', 'Empowerment de la communauté'],
  ]),
  ...termes('Mode de vie', [
    ['comportements', 'Comportements favorables à la santé (alcool, tabac, addictions, alimentation, activité physique)'],
    ['utilisation_services', 'Utilisation des services de santé'],
  ]),
  ...termes('Système de soins', [
    ['accessibilite', 'Accessibilité (géographique, administrative, financière, socio-culturelle, organisationnelle)'],
    ['globalite', 'Globalité'],
    ['reactivite', 'Réactivité'],
    ['continuite', 'Continuité (informationnelle, relationnelle, clinique)'],
    ['efficacite_securite', 'Efficacité et sécurité'],
  ]),
  ...termes('Contexte économique et politique', [
    ['richesses_locales', 'Richesses locales'],
    ['adaptation_besoins', 'Adaptation aux besoins'],
    ['sante_toutes_politiques', 'Santé dans toutes les politiques'],
  ]),
];

export const INTERVENTIONS: Terme[] = [
  ...termes('Renforcement des capacités individuelles', [
    ['information', 'Information'],
    ['education_sante', 'Éducation à la santé'],
    ['formation_individus', 'Formation'],
  ]),
  ...termes('Renforcement des capacités des communautés', [
    ['mobilisation', 'Mobilisation'],
    ['formation_communautes', 'Formation'],
    ['appui_organisation', 'Appui à l’organisation'],
  ]),
  ...termes('Amélioration des conditions de vie et de travail', [
    ['rehabilitation', 'Réhabilitation des lieux'],
    ['biens_materiels', 'Biens matériels'],
    ['acces_privilegie', 'Accès privilégié aux services'],
    ['nouveaux_services', 'Nouveaux services'],
  ]),
  ...termes('Réorientation des services de santé', [
    ['rapprochement', 'Rapprochement des services'],
    ['integration_coordination', 'Intégration et coordination'],
    ['offre_prevention', 'Offre de prévention'],
    ['capacites_professionnels', 'Capacités des professionnels'],
  ]),
  ...termes('Développement stratégique', [
    ['partenariats', 'Partenariats intersectoriels'],
    ['connaissances', 'Connaissances'],
    ['planification', 'Planification et mesures politiques'],
  ]),
];

export const SECTEURS: Terme[] = termes('Secteur', [
  ['sante', 'Santé'],
  ['social', 'Social'],
  ['emploi_insertion', 'Emploi / insertion'],
  ['education', 'Éducation'],
  ['logement', 'Logement'],
  ['habitat', 'Habitat'],
  ['amenagement', 'Aménagement'],
  ['politique_ville', 'Politique de la ville'],
  ['environnement', 'Environnement'],
  ['autre', 'Autre'],
]);

export const TYPES_PARTICIPATION: Terme[] = termes('Participation', [
  ['analyse_besoins', 'Analyse des besoins'],
  ['organisation', 'Organisation'],
  ['gestion', 'Gestion de l’action'],
  ['pilotage', 'Pilotage'],
  ['mobilisation_ressources', 'Mobilisation des ressources'],
]);

/** Rifkin's five dimensions of community participation, each rated 1 (faible) to 5 (forte). */
export const DIMENSIONS_RIFKIN: Terme[] = termes('Échelle de Rifkin', [
  ['analyse_besoins', 'Analyse des besoins'],
  ['organisation', 'Organisation'],
  ['leadership', 'Leadership'],
  ['gestion', 'Gestion'],
  ['mobilisation_ressources', 'Mobilisation des ressources'],
]);

/** Territoires en Transitions' simpler scale, and how a Rifkin mean maps onto it. */
export const NIVEAUX_PARTICIPATION_TET = [
  'Pas de participation',
  'Information',
  'Consultation',
  'Concertation',
  'Co-construction',
] as const;
export function niveauTetDepuisRifkin(niveaux: Partial<Record<string, number>>): (typeof NIVEAUX_PARTICIPATION_TET)[number] {
  const valeurs = Object.values(niveaux).filter((v): v is number => typeof v === 'number');
  if (!valeurs.length) return 'Pas de participation';
  const moyenne = valeurs.reduce((a, b) => a + b, 0) / valeurs.length;
  return NIVEAUX_PARTICIPATION_TET[Math.min(4, Math.max(0, Math.round(moyenne) - 1))];
}

export const ISTS: Terme[] = termes('ISTS', [
  ['revenus', 'Revenus'],
  ['categorie_sociale', 'Catégorie sociale'],
  ['niveau_education', 'Niveau d’éducation'],
  ['discriminations', 'Discriminations (genre, origine, orientation sexuelle)'],
  ['acces_offre', 'Accès à l’offre'],
  ['autre', 'Autre'],
]);

export const THEMATIQUES: Terme[] = termes('Thématique', [
  ['sante_mentale', 'Santé mentale'],
  ['nutrition', 'Nutrition'],
  ['activite_physique', 'Activité physique'],
  ['addictions', 'Addictions'],
  ['sante_sexuelle', 'Santé sexuelle'],
  ['vaccination', 'Vaccination'],
  ['depistage_cancers', 'Dépistage des cancers'],
  ['acces_droits', 'Accès aux droits'],
  ['acces_soins', 'Accès aux soins / démographie médicale'],
  ['sante_environnement', 'Santé-environnement'],
  ['vieillissement', 'Vieillissement'],
  ['handicap', 'Handicap'],
  ['perinatalite', 'Périnatalité / petite enfance'],
  ['jeunes', 'Jeunes'],
  ['precarite', 'Précarité'],
  ['parentalite', 'Parentalité'],
  ['prevention', 'Prévention et promotion de la santé'],
  ['coordination', 'Coordination et animation'],
]);

export const PUBLICS: Terme[] = termes('Public', [
  ['tous', 'Tous publics'],
  ['petite_enfance', 'Petite enfance'],
  ['enfants', 'Enfants'],
  ['jeunes', 'Adolescents et jeunes'],
  ['parents', 'Parents, familles'],
  ['adultes', 'Adultes'],
  ['personnes_agees', 'Personnes âgées'],
  ['personnes_handicapees', 'Personnes en situation de handicap'],
  ['precaires', 'Personnes en situation de précarité'],
  ['aidants', 'Aidants'],
  ['professionnels', 'Professionnels'],
  ['elus', 'Élus'],
]);

export const STATUTS_FICHE = ['a_venir', 'en_cours', 'realisee', 'en_retard', 'en_pause', 'abandonnee'] as const;
export type StatutFiche = (typeof STATUTS_FICHE)[number];
export const LIBELLES_STATUT_FICHE: Record<StatutFiche, string> = {
  a_venir: 'À venir',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  en_retard: 'En retard',
  en_pause: 'En pause',
  abandonnee: 'Abandonnée',
};

export const PRIORITES = ['haute', 'moyenne', 'basse'] as const;
export type Priorite = (typeof PRIORITES)[number];
export const LIBELLES_PRIORITE: Record<Priorite, string> = { haute: 'Élevée', moyenne: 'Moyenne', basse: 'Faible' };

export const DISPOSITIFS = [
  'FIR',
  'FNPEIS',
  'Action sanitaire et sociale',
  'Crédits politique de la ville',
  'Fonds propres',
  'Appel à projets',
  'Autre',
] as const;
export const STATUTS_FINANCEMENT = ['prevu', 'sollicite', 'accorde', 'verse', 'refuse'] as const;
export type StatutFinancement = (typeof STATUTS_FINANCEMENT)[number];
export const LIBELLES_STATUT_FINANCEMENT: Record<StatutFinancement, string> = {
  prevu: 'Prévu',
  sollicite: 'Sollicité',
  accorde: 'Accordé',
  verse: 'Versé',
  refuse: 'Refusé',
};

export const TYPES_INDICATEUR_SUIVI = ['processus', 'activite', 'resultat'] as const;
export const LIBELLES_TYPE_INDICATEUR: Record<(typeof TYPES_INDICATEUR_SUIVI)[number], string> = {
  processus: 'Processus',
  activite: 'Activité',
  resultat: 'Résultat',
};

export const codes = (liste: readonly Terme[]) => liste.map((t) => t.code) as [string, ...string[]];
export const libelleTerme = (liste: readonly Terme[], code: string) => liste.find((t) => t.code === code)?.libelle ?? code;
