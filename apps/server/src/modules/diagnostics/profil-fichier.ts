import type { TypeTerritoireValeur } from '@maillage/domain';

/** An Odissé or INSEE mapping once checked against the file (column indexes) and the catalogue (décision 0040). */
export interface ProfilOdisse {
  type: 'odisse';
  territoire: { index: number; entete: string };
  /** Null: from the header ("Département Code"), else from each code's shape. */
  territoireType: TypeTerritoireValeur | null;
  periode: { index: number; entete: string };
  /** Value columns, each an indicator. */
  colonnes: { index: number; entete: string; indicateur: string }[];
  /** Or one column naming the indicator, its texts mapped, and the value column. */
  parIndicateur: { index: number; entete: string; codes: Map<string, string>; valeur: { index: number; entete: string } } | null;
  utilisees: number[];
}

export interface ProfilInsee {
  type: 'insee';
  territoire: { index: number; entete: string };
  territoireType: TypeTerritoireValeur;
  colonnes: { index: number; entete: string; indicateur: string; periode: { libelle: string; debut: number; fin: number } }[];
  utilisees: number[];
}

export type ProfilLu = ProfilOdisse | ProfilInsee;
