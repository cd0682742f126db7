import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  formaterDate,
  formaterMontant,
  LIBELLES_STATUT_FICHE,
  TYPES_INSTANCE,
  type StatutFiche,
  type TypeInstance,
} from '@maillage/domain';
import type { Decision, MembreInstance, StatutSeance } from '../../api/gouvernance';

export const STATUTS_SEANCE: Record<StatutSeance, { libelle: string; severite?: BadgeProps['severity'] }> = {
  prevue: { libelle: 'Prévue', severite: 'info' },
  tenue: { libelle: 'Tenue', severite: 'success' },
  annulee: { libelle: 'Annulée', severite: 'warning' },
};

/** The statut of a séance: the text says it, the colour only helps. */
export function BadgeStatutSeance({ statut }: { statut: StatutSeance }) {
  return (
    <Badge small noIcon severity={STATUTS_SEANCE[statut]?.severite} as="span">
      {STATUTS_SEANCE[statut]?.libelle ?? statut}
    </Badge>
  );
}

export const libelleTypeInstance = (type: string) => TYPES_INSTANCE[type as TypeInstance] ?? type;

/** "ARS Bretagne", "Marie Dupont (Redon Agglomération)". */
export function nomMembre(m: MembreInstance): string {
  if (m.personne && m.organisationNom) return `${m.personne} (${m.organisationNom})`;
  return m.personne ?? m.organisationNom ?? 'Membre sans nom';
}

export const ACTIONS_DECISION = {
  aucune: 'Décision sans effet sur une fiche',
  valider_fiche: 'Valider une fiche-action',
  statut_fiche: 'Changer le statut d’une fiche-action',
  financement_fiche: 'Modifier ou ajouter un financement d’une fiche-action',
} as const;

const statut = (s: unknown) => LIBELLES_STATUT_FICHE[s as StatutFiche] ?? String(s ?? '—');

interface LigneEffet {
  montantCentimes?: number;
  dispositif?: string;
  annee?: number;
  financeurLibelle?: string | null;
}

const ligne = (l: unknown) => {
  if (!l || typeof l !== 'object') return 'aucune';
  const x = l as LigneEffet;
  return [
    typeof x.montantCentimes === 'number' ? formaterMontant(x.montantCentimes) : null,
    x.dispositif,
    x.annee ? String(x.annee) : null,
    x.financeurLibelle,
  ]
    .filter(Boolean)
    .join(', ');
};

/** What a decision did to its fiche, in words: "Statut : À venir → En cours". */
export function effetDecision(d: Decision): string | null {
  if (!d.effet) return null;
  const e = d.effet;
  if (e.statut) return `Statut : ${statut(e.statut.avant)} → ${statut(e.statut.apres)}`;
  if (e.validation) return `Fiche validée le ${formaterDate(String(e.validation.apres))}`;
  if (e.financement)
    return e.financement.avant
      ? `Financement : ${ligne(e.financement.avant)} → ${ligne(e.financement.apres)}`
      : `Financement ajouté : ${ligne(e.financement.apres)}`;
  return null;
}
