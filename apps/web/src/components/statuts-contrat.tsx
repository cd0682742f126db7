import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  LIBELLES_CONFIRMATION,
  LIBELLES_ROLE,
  LIBELLES_STATUT_CONTRAT,
  LIBELLES_STATUT_FICHE,
  peutRecevoir,
  type ApportContrat,
  type Role,
  type StatutConfirmation,
  type StatutContrat,
  type StatutFiche,
} from '@maillage/domain';

const SEVERITE_CONTRAT: Record<StatutContrat, BadgeProps['severity'] | undefined> = {
  preparation: undefined,
  diagnostic: 'info',
  elaboration: 'new',
  signe: 'success',
  evaluation: 'warning',
  echu: undefined,
  renouvele: 'info',
  abandonne: 'error',
};

const SEVERITE_FICHE: Record<StatutFiche, BadgeProps['severity'] | undefined> = {
  a_venir: 'info',
  en_cours: 'new',
  realisee: 'success',
  en_retard: 'error',
  en_pause: 'warning',
  abandonnee: undefined,
};

/** The statut of a contract; the text always says it, the colour only helps. */
export function BadgeStatutContrat({ statut, petit = true }: { statut: StatutContrat; petit?: boolean }) {
  return (
    <Badge small={petit} noIcon severity={SEVERITE_CONTRAT[statut]} as="span">
      {LIBELLES_STATUT_CONTRAT[statut] ?? statut}
    </Badge>
  );
}

export function BadgeStatutFiche({ statut, petit = true }: { statut: StatutFiche; petit?: boolean }) {
  return (
    <Badge small={petit} noIcon severity={SEVERITE_FICHE[statut]} as="span">
      {LIBELLES_STATUT_FICHE[statut] ?? statut}
    </Badge>
  );
}

/** "Coordonnateur·rice CLS", or what gives the user sight of the contract. */
export function libelleRole(role: string | null): string {
  if (!role) return 'Consultation';
  return LIBELLES_ROLE[role as Role] ?? role;
}

/** "1re génération", "2e génération". */
export const libelleGeneration = (n: number) => `${n === 1 ? '1re' : `${n}e`} génération`;

/** May the user add this to the contract now: their right to edit it, and what its state still accepts (decision 0006). */
export function peutAjouter(
  contrat: { statut: StatutContrat; periode?: { fin: string | null }; droits: { completer: boolean } },
  apport: ApportContrat,
): boolean {
  return contrat.droits.completer && peutRecevoir({ statut: contrat.statut, periodeFin: contrat.periode?.fin ?? null }, apport).ok;
}

/**
 * Whether the text of the contract (axes, fiches, parties, perimeter) may change now, and why not:
 * after signature only through an open avenant; a closed contract never.
 */
export function editionStructure(contrat: { verrou: string | null; droits: { completer: boolean } }): {
  possible: boolean;
  raison: string | null;
} {
  // The lock is the server's (the domain's raisonVerrou), never recomputed here with other words.
  if (!contrat.droits.completer) return { possible: false, raison: null };
  return { possible: contrat.verrou === null, raison: contrat.verrou };
}

const SEVERITE_CONFIRMATION: Record<StatutConfirmation, BadgeProps['severity']> = {
  a_confirmer: 'warning',
  confirme: 'success',
  refuse: 'error',
};

/** Whether the organisation named has confirmed its role (« à confirmer », « confirmé », « refusé »). */
export function BadgeConfirmation({ statut }: { statut: StatutConfirmation }) {
  return (
    <Badge small noIcon severity={SEVERITE_CONFIRMATION[statut]} as="span">
      {LIBELLES_CONFIRMATION[statut]}
    </Badge>
  );
}
