import type { StatutContrat } from '@maillage/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { parametres, requete } from './client';

export interface Decompte {
  code: string;
  libelle: string;
  /** Contracts in progress concerned. */
  contrats: number;
  /** Fiches (or axes, for the PRS). */
  nombre: number;
}

export interface ContratPortefeuille {
  id: string;
  intitule: string;
  statut: StatutContrat;
  statutLibelle: string;
  generation: number;
  periode: { debut: string | null; fin: string | null };
  dateSignature: string | null;
  regions: string[];
  departements: string[];
  population: number;
  nombreCommunes: number;
  nombreFiches: number;
  publie: boolean;
  interregional: boolean;
  coordonnateurs: string[];
  alertes: number;
}

export interface Portefeuille {
  region: { code: string; nom: string; population: number };
  cibleCouverturePourcent: number | null;
  /** Progress toward the doctrine's coverage target, with its year, source and published starting point; null without a target. */
  objectifCouverture: {
    cible: number;
    echeance: string | null;
    source: string | null;
    reference: { pourcent: number; date: string | null; source: string | null } | null;
    actuel: { pourcent: number | null; date: string };
    atteinte: boolean;
    manque: number | null;
    progression: number | null;
    sousReference: boolean;
  } | null;
  chiffres: {
    contrats: number;
    enVigueur: number;
    interregionaux: number;
    fiches: number;
    alertes: number;
    parStatut: { statut: StatutContrat; libelle: string; nombre: number }[];
    parGeneration: { generation: number; nombre: number }[];
  };
  couverture: {
    population: number;
    populationCouverte: number;
    pourcent: number | null;
    ecart: { atteinte: boolean; manque: number } | null;
    communes: number;
    communesCouvertes: number;
    parDepartement: {
      code: string;
      nom: string;
      population: number;
      populationCouverte: number;
      pourcent: number | null;
      communes: number;
      communesCouvertes: number;
      contrats: number;
    }[];
  };
  contrats: ContratPortefeuille[];
  epciNonCouverts: {
    criteres: { indicateur: string; libelle: string; polarite: string; periode: string }[];
    epciRegion: number;
    epci: { code: string; nom: string; departementCode: string | null; population: number; score: number | null; scorePartiel?: number | null; rang: number | null; criteresRenseignes: number }[];
  };
  thematiques: Decompte[];
  determinants: Decompte[];
  axesPrs: Decompte[];
  financements: { total: number; parFinanceur: { financeur: string; acquis: number; prevu: number; total: number; contrats: number }[] };
  alertes: { type: string; gravite: string; message: string; contratId: string; contratIntitule: string }[];
}

export function usePortefeuille(region: string | undefined) {
  return useQuery({
    queryKey: ['portefeuille', region],
    queryFn: ({ signal }) => requete<Portefeuille>(`/api/portefeuille${parametres({ region })}`, { signal }),
    enabled: !!region,
    placeholderData: keepPreviousData,
  });
}
