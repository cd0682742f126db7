import { useDepartements, useRegions } from '../../api/territoires';
import { Chargement } from '../../components/chargement';
import { CarteDepartements, type ValeurZone } from '../../components/carte-departements';

interface Props {
  titre: string;
  /** Value of each region, by INSEE code ("53"). */
  valeurs: Map<string, ValeurZone>;
  /** Only these regions (the map zooms on them); all by default. */
  regions?: string[];
  libelleValeur: string;
  unite?: string;
}

/** A region map: each département drawn with its region's value, named "Ille-et-Vilaine (Bretagne)". */
export function CarteRegions({ titre, valeurs, regions, libelleValeur, unite }: Props) {
  const departements = useDepartements();
  const noms = useRegions();
  if (departements.isPending || noms.isPending) return <Chargement libelle="Chargement de la carte…" />;
  const liste = (departements.data ?? []).filter((d) => d.regionCode && (!regions || regions.includes(d.regionCode)));
  const parDepartement = new Map(liste.map((d) => [d.code, valeurs.get(d.regionCode ?? '') ?? { valeur: null, texte: 'sans valeur' }]));
  const nomRegion = new Map((noms.data ?? []).map((r) => [r.code, r.nom]));
  const region = new Map(liste.map((d) => [d.code, nomRegion.get(d.regionCode ?? '') ?? `région ${d.regionCode}`]));
  return (
    <CarteDepartements
      titre={titre}
      valeurs={parDepartement}
      departements={regions ? liste.map((d) => d.code) : undefined}
      libelleValeur={libelleValeur}
      unite={unite}
      nommer={(code, nom) => `${nom} (${region.get(code) ?? 'région inconnue'})`}
      etiquettes={false}
    />
  );
}
