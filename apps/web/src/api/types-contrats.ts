/** Shapes of the contract and fiche-action responses (see /api/openapi.json). */
import type { DispositifTerritorialSaisie, EvaluationPrevueSaisie, FicheSaisie, Priorite, StatutConfirmation, StatutContrat, StatutFiche, StatutFinancement } from '@maillage/domain';

export interface OrganisationResume {
  id: string;
  nom: string;
  type: string;
  sigle: string | null;
}

export interface Periode {
  debut: string | null;
  fin: string | null;
}

/** A row of GET /api/contrats. */
export interface ContratResume {
  id: string;
  intitule: string;
  statut: StatutContrat;
  statutLibelle: string;
  generation: number;
  periode: Periode;
  regions: string[];
  departements: string[];
  population: number;
  nombreFiches: number;
  publie: boolean;
  /** The user's role on this contract, null when they see it through the ARS, an organisation or publication. */
  role: string | null;
}

export interface Objectif {
  id: string;
  /** "2.3": axe number, then rank. */
  numero: string;
  intitule: string;
  objectifsOperationnels: string[];
}

export interface Axe {
  id: string;
  numero: number;
  intitule: string;
  axePrs: string | null;
  description: string | null;
  objectifs: Objectif[];
}

/** Whether the organisation named has confirmed the role the contract gives it. */
export interface ConfirmationPartie {
  id: string | null;
  statut: StatutConfirmation;
  /** « À confirmer », « Confirmé », « Refusé ». */
  libelle: string;
  motif: string | null;
}

/** An ARS or a porteur of the contract, with its confirmation. */
export interface PartieContrat extends OrganisationResume {
  confirmation: ConfirmationPartie;
}

export interface Signataire {
  id: string;
  organisation: OrganisationResume;
  representant: string | null;
  qualite: string | null;
  dateSignature: string | null;
  confirmation: ConfirmationPartie;
}

export interface PartenaireContrat {
  id: string;
  organisation: OrganisationResume;
  role: string | null;
}

export interface Transition {
  statut: StatutContrat;
  libelle: string;
  /** Why the server would refuse it now, in French; empty when allowed. */
  empechements: string[];
  /** What the user must acknowledge before it (no evaluation planned before signing); never blocking. */
  avertissements: string[];
}

/** A planned evaluation (seed 003: agreed before the signature). */
export type EvaluationPrevue = Required<Omit<EvaluationPrevueSaisie, 'echeance' | 'moment' | 'evaluateurNom'>> & {
  id: string;
  echeance: string | null;
  moment: string | null;
  evaluateurNom: string | null;
};

/** A scheme of the territory the contract works with (ASV, CLSM, contrat de ville, CPTS, PTSM…). */
export type DispositifTerritorial = Pick<DispositifTerritorialSaisie, 'type' | 'nom'> & {
  id: string;
  territoire: string | null;
  debut: string | null;
  fin: string | null;
  lien: string | null;
  nombreFiches: number;
};

export interface CodeNom {
  code: string;
  nom: string;
}

export interface ContratLie {
  id: string;
  intitule: string;
  generation: number;
}

export interface ContratDetail extends Omit<ContratResume, 'role'> {
  perimetre: { epci: string[]; communes: string[] };
  predecesseurId: string | null;
  origine: 'ascendante' | 'descendante' | 'mixte' | null;
  debutElaboration: string | null;
  dateSignature: string | null;
  insulaire: boolean;
  contexte: string | null;
  nombreCommunes: number;
  version: number;
  creeLe: string;
  modifieLe: string;
  territoire: { population: number; nombreCommunes: number; regions: CodeNom[]; departements: CodeNom[]; epci: CodeNom[] };
  ars: PartieContrat[];
  porteurs: PartieContrat[];
  signataires: Signataire[];
  /** Why the contract cannot be published now (the ARS of each region must have confirmed); empty when it can. */
  publication: { empechements: string[] };
  partenaires: PartenaireContrat[];
  axes: Axe[];
  predecesseur: ContratLie | null;
  successeurs: ContratLie[];
  ecartsDoctrine: { regle: string; message: string; region: string }[];
  transitions: Transition[];
  planEvaluation: EvaluationPrevue[];
  dispositifsTerritoriaux: DispositifTerritorial[];
  avenantOuvert: { id: string; numero: number } | null;
  droits: { modifier: boolean; completer: boolean; valider: boolean; supprimer: boolean; creerFiche: boolean; publier: boolean; voirAcces: boolean; gererAcces: boolean };
}

export interface PiloteFiche {
  organisationId: string | null;
  organisationNom: string | null;
  organisationSigle: string | null;
  service: string | null;
  /** "REDON Agglomération (CLIC)" or "À définir". */
  libelle: string;
}

export interface FinancementFiche {
  id: string;
  financeurId: string | null;
  financeurNom: string | null;
  financeurLibelle: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: 'fonctionnement' | 'investissement';
  statut: StatutFinancement;
  valorisationNature: string | null;
}

type ChampsLibres = Omit<FicheSaisie, 'intitule' | 'statut' | 'priorite' | 'pilotes' | 'financements' | 'debut' | 'fin' | 'thematiques' | 'publics'>;

/** A fiche-action as the list and the detail give it: every field of the template. */
export interface Fiche extends Partial<ChampsLibres> {
  id: string;
  contratId: string;
  /** An identifier, never reused; the place in the list is `ordre`. */
  numero: number;
  ordre: number;
  intitule: string;
  statut: StatutFiche;
  statutLibelle: string;
  priorite: Priorite | null;
  axe: { id: string; numero: number; intitule: string } | null;
  objectif: { id: string; numero: string; intitule: string } | null;
  pilotes: PiloteFiche[];
  debut: string | null;
  fin: string | null;
  thematiques: string[];
  publics: string[];
  financements: FinancementFiche[];
  totalFinancementCentimes: number;
  dispositifsTerritoriaux: { id: string; type: DispositifTerritorial['type']; nom: string }[];
  version: number;
  modifieLe: string;
}

export interface FicheDetail extends Fiche {
  historiqueStatuts: { statut: StatutFiche; le: string; par: string }[];
  modifiable: boolean;
}

export interface Changement {
  type: string;
  libelle: string;
}

export interface Avenant {
  id: string;
  numero: number;
  objet: string;
  dateAvenant: string | null;
  etat: 'brouillon' | 'signe';
  changements: Changement[];
  creeLe: string;
}

export interface VersionSignee {
  id: string;
  dateEffet: string;
  avenantNumero: number | null;
  avenantObjet: string | null;
}

export interface Avenants {
  versions: VersionSignee[];
  avenants: Avenant[];
}

export type StatutLigneImport = 'cree' | 'mis_a_jour' | 'inchange' | 'rejete';

export interface RapportImport {
  format: 'maillage' | 'tet';
  dryRun: boolean;
  applique: boolean;
  /** sousAction: a TeT sub-action row, the étape it gives its fiche. */
  lignes: { ligne: number; statut: StatutLigneImport; numero?: number; intitule?: string; sousAction?: string; raison?: string }[];
  colonnesInconnues: string[];
  axesCrees: string[];
  objectifsCrees: string[];
  organisationsCreees: string[];
  remarques: string[];
  resume: { crees: number; misAJour: number; inchanges: number; rejetes: number; sousActions: number };
}

export interface Perimetre {
  communes: { code: string; nom: string; departement: string; region: string; population: number }[];
  departements: string[];
  regions: string[];
  population: number;
  inconnus: { type: 'commune' | 'epci'; code: string }[];
}
