import type { FicheSaisie, IndicateurFicheSaisie, StatutFiche } from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';

/**
 * A fiche as the contract's text holds it (its snapshot, its renewal): the fiches module's view of it. Written here
 * because the fiches module depends on this one and not the reverse (decision 0022); app.ts checks, by wiring the
 * fiches module in, that the fiches module gives this shape.
 */
export type FicheDuContrat = Omit<FicheSaisie, 'pilotes' | 'financements' | 'indicateurs' | 'statut'> & {
  id: string;
  contratId: string;
  numero: number;
  ordre: number;
  statut: StatutFiche;
  statutLibelle: string;
  axe: { id: string; numero: number; intitule: string } | null;
  objectif: { id: string; numero: string; intitule: string } | null;
  pilotes: {
    organisationId: string | null;
    organisationNom: string | null;
    organisationSigle: string | null;
    service: string | null;
    libelle: string;
  }[];
  financements: {
    id: string;
    financeurId: string | null;
    financeurNom: string | null;
    financeurLibelle: string | null;
    dispositif: string;
    annee: number;
    montantCentimes: number;
    nature: 'fonctionnement' | 'investissement';
    statut: string;
    valorisationNature: string | null;
  }[];
  indicateurs: (IndicateurFicheSaisie & { id: string; version: number })[];
  dispositifsTerritoriaux: { id: string; type: string; nom: string }[];
  totalFinancementCentimes: number;
  version: number;
  modifieLe: string;
};

/** What the contract needs of its fiches, given by the fiches module at start-up (app.ts). */
export interface FichesDuContrat {
  /** Every fiche of the contract in the contract's order. */
  lister(db: Queryable, contratId: string): Promise<FicheDuContrat[]>;
  /** Creates a fiche in the contract, in the caller's transaction, checked and audited as any fiche creation. */
  creer(
    ctx: Contexte,
    utilisateur: Utilisateur,
    contratId: string,
    saisie: FicheSaisie,
    tx: Queryable,
  ): Promise<{ id: string; numero: number }>;
}

let branchees: FichesDuContrat | null = null;

export function brancherFichesDuContrat(fiches: FichesDuContrat) {
  branchees = fiches;
}

export function fichesDuContrat(): FichesDuContrat {
  if (!branchees) throw new Error('Les fiches du contrat ne sont pas branchées : app.ts appelle brancherFichesDuContrat au chargement.');
  return branchees;
}
