import type { ComponentProps, ReactNode } from 'react';
import type { Contours, Position } from '@maillage/domain/api';
import { CarteChoroplethe, type ZoneCarte } from './carte-choroplethe';
import type { ValeurZone } from './carte-departements';

const LARGEUR = 600;

/**
 * Equirectangular projection scaled by the cosine of the mean latitude (good enough at the scale of an EPCI or a
 * region), fitted to a 600-unit-wide viewBox. North is up: y grows southwards.
 */
export function projeter(contours: Contours): { chemins: Map<string, string>; viewBox: string } {
  const anneaux = (g: Contours['features'][number]['geometry']): Position[][] =>
    g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const points = contours.features.flatMap((f) => anneaux(f.geometry).flat());
  if (!points.length) return { chemins: new Map(), viewBox: `0 0 ${LARGEUR} ${LARGEUR}` };
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const etendue = Math.max((maxLon - minLon) * k, 1e-9);
  const echelle = LARGEUR / etendue;
  const hauteur = Math.max((maxLat - minLat) * echelle, 1);
  const xy = ([lon, lat]: Position) => `${((lon - minLon) * k * echelle).toFixed(1)} ${((maxLat - lat) * echelle).toFixed(1)}`;
  const chemins = new Map(
    contours.features.map((f) => [
      f.properties.code,
      anneaux(f.geometry)
        .map((anneau) => `M${anneau.map(xy).join('L')}Z`)
        .join(''),
    ]),
  );
  return { chemins, viewBox: `0 0 ${LARGEUR} ${hauteur.toFixed(1)}` };
}

interface Props {
  titre: string;
  contours: Contours;
  /** The territories to draw, with their name and value (those without a contour are listed under the map). */
  territoires: { code: string; nom: string }[];
  valeurs: Map<string, ValeurZone>;
  libelleValeur: string;
  unite?: string;
  enTetesComplement?: string[];
  credit: ReactNode;
  tableauApres?: boolean;
  surcouche?: ComponentProps<typeof CarteChoroplethe>['surcouche'];
}

/** A choropleth of imported contours (communes, EPCI…), same legend, textures and table as the département map. */
export function CarteContours({
  titre,
  contours,
  territoires,
  valeurs,
  libelleValeur,
  unite,
  enTetesComplement,
  credit,
  tableauApres,
  surcouche,
}: Props) {
  const { chemins, viewBox } = projeter(contours);
  const zones: ZoneCarte[] = territoires.flatMap((t) => {
    const d = chemins.get(t.code);
    if (!d) return [];
    const v = valeurs.get(t.code);
    return [
      {
        code: t.code,
        nom: t.nom,
        d,
        valeur: v?.valeur ?? null,
        texte: v?.texte ?? 'sans valeur',
        complement: v?.complement ?? enTetesComplement?.map(() => '—'),
      },
    ];
  });
  const sansContour = territoires.filter((t) => !chemins.has(t.code));
  return (
    <>
      <CarteChoroplethe
        {...{ titre, zones, libelleValeur, unite, enTetesComplement, credit }}
        viewBoxInitiale={viewBox}
        etiquettes={false}
        tableauApres={tableauApres}
        surcouche={surcouche}
      />
      {sansContour.length > 0 && (
        <p className="fr-text--sm">Sans contour importé, donc absents de la carte : {sansContour.map((t) => t.nom).join(', ')}.</p>
      )}
    </>
  );
}
