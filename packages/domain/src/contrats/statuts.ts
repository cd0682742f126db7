/** The life cycle of a contract (domain.md §3), as a state machine with guarded transitions. */

export const STATUTS_CONTRAT = [
  'preparation',
  'diagnostic',
  'elaboration',
  'signe',
  'evaluation',
  'echu',
  'renouvele',
  'abandonne',
] as const;
export type StatutContrat = (typeof STATUTS_CONTRAT)[number];

export const LIBELLES_STATUT_CONTRAT: Record<StatutContrat, string> = {
  preparation: 'En préparation',
  diagnostic: 'Diagnostic en cours',
  elaboration: 'En élaboration',
  signe: 'Signé (en vigueur)',
  evaluation: 'En évaluation',
  echu: 'Échu',
  renouvele: 'Renouvelé',
  abandonne: 'Abandonné',
};

/** The stepper of the contract page: the main path, in order. */
export const ETAPES_CYCLE: StatutContrat[] = ['preparation', 'diagnostic', 'elaboration', 'signe', 'evaluation'];

const TRANSITIONS: Record<StatutContrat, StatutContrat[]> = {
  preparation: ['diagnostic', 'elaboration', 'abandonne'],
  diagnostic: ['preparation', 'elaboration', 'abandonne'],
  elaboration: ['diagnostic', 'signe', 'abandonne'],
  signe: ['evaluation'],
  evaluation: ['signe', 'echu', 'renouvele'],
  echu: ['renouvele'],
  renouvele: [],
  abandonne: [],
};

export function transitionsPossibles(statut: StatutContrat): StatutContrat[] {
  return TRANSITIONS[statut];
}

/** What a contract may be renewed from; renewing it, by any path, takes it to « Renouvelé », its final status. */
export const STATUTS_RENOUVELABLES: readonly StatutContrat[] = ['signe', 'evaluation', 'echu'];

/**
 * Why this contract cannot be followed by a new generation, or null. `dejaRenouvele`: it already has a successor
 * (other than the one being saved).
 */
export function refusRenouvellement(statut: StatutContrat, dejaRenouvele: string | null = null): string | null {
  if (dejaRenouvele) return `Ce contrat a déjà une génération suivante : « ${dejaRenouvele} ».`;
  if (statut === 'renouvele' || STATUTS_RENOUVELABLES.includes(statut)) return null;
  return `Un contrat « ${LIBELLES_STATUT_CONTRAT[statut]} » ne peut pas être renouvelé : seul un contrat signé, en évaluation ou échu peut l’être.`;
}

/** After signature the text changes only through avenants. */
export function estSigne(statut: StatutContrat): boolean {
  return statut === 'signe' || statut === 'evaluation' || statut === 'echu' || statut === 'renouvele';
}

export const TYPES_COLLECTIVITE = ['commune', 'epci', 'pays', 'departement', 'region'] as const;

export interface SignataireResume {
  organisationType: string;
  organisationNom: string;
  representant: string | null;
  dateSignature: string | null;
  /** Whether the organisation has confirmed being a signatory (absent: taken as confirmed). */
  confirmation?: 'a_confirmer' | 'confirme' | 'refuse';
}

/** What the signature guard needs to know of a contract. */
export interface ContratPourSignature {
  signataires: readonly SignataireResume[];
  nombreAxes: number;
  nombreFiches: number;
  periode: { debut: string | null; fin: string | null };
}

/** Every reason a contract cannot be signed yet, in French; empty when it can. */
export function empechementsSignature(contrat: ContratPourSignature): string[] {
  const raisons: string[] = [];
  const signes = contrat.signataires.filter((s) => s.dateSignature);
  if (!signes.some((s) => s.organisationType === 'ars'))
    raisons.push('Il faut au moins une ARS parmi les signataires, avec sa date de signature.');
  if (!signes.some((s) => (TYPES_COLLECTIVITE as readonly string[]).includes(s.organisationType)))
    raisons.push(
      'Il faut au moins une collectivité (commune, EPCI, pays, département ou région) parmi les signataires, avec sa date de signature.',
    );
  const sansDate = contrat.signataires.filter((s) => !s.dateSignature);
  if (sansDate.length) raisons.push(`Date de signature manquante pour : ${sansDate.map((s) => s.organisationNom).join(', ')}.`);
  const nonConfirmes = contrat.signataires.filter((s) => s.confirmation && s.confirmation !== 'confirme');
  if (nonConfirmes.length)
    raisons.push(`Signataires qui n’ont pas confirmé leur rôle : ${nonConfirmes.map((s) => s.organisationNom).join(', ')}.`);
  if (contrat.nombreAxes < 1) raisons.push('Le contrat doit compter au moins un axe stratégique.');
  if (contrat.nombreFiches < 1) raisons.push('Le contrat doit compter au moins une fiche-action.');
  if (!contrat.periode.debut || !contrat.periode.fin) raisons.push('La période du contrat (début et fin) doit être renseignée.');
  else if (contrat.periode.fin < contrat.periode.debut) raisons.push('La fin de la période précède son début.');
  return raisons;
}

/** Why a status change is refused, or null when it is allowed. */
export function refusTransition(de: StatutContrat, vers: StatutContrat, contrat: ContratPourSignature): string[] {
  if (de === vers) return [`Le contrat est déjà au statut « ${LIBELLES_STATUT_CONTRAT[vers]} ».`];
  if (!TRANSITIONS[de].includes(vers)) {
    const possibles = TRANSITIONS[de].map((s) => `« ${LIBELLES_STATUT_CONTRAT[s]} »`);
    return [
      `Un contrat « ${LIBELLES_STATUT_CONTRAT[de]} » ne peut pas passer à « ${LIBELLES_STATUT_CONTRAT[vers]} »` +
        (possibles.length ? ` ; statuts possibles : ${possibles.join(', ')}.` : ' : ce statut est définitif.'),
    ];
  }
  if (vers === 'signe' && de === 'elaboration') return empechementsSignature(contrat);
  return [];
}
