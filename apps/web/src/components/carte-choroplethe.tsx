import { fr } from '@codegouvfr/react-dsfr';
import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { calculerClasses, LegendeCarte, libelleClasse, MotifsCarte, remplissage } from './classes-carte';
import { TableauDefilant } from './tableau-defilant';

export interface ZoneCarte {
  code: string;
  nom: string;
  /** SVG path, in the coordinates of the viewBox. */
  d: string;
  valeur: number | null;
  /** The value as it should be read: "11,4 %", "[856 à 932[", "non disponible". */
  texte: string;
  /** Extra columns for the table (e.g. the region of a département). */
  complement?: ReactNode[];
}

interface Props {
  titre: string;
  zones: ZoneCarte[];
  /** Header of the value column in the table, and unit shown in the legend. */
  libelleValeur: string;
  unite?: string;
  enTetesComplement?: string[];
  /** The data source of the drawing, credited under the map. */
  credit: ReactNode;
  nombreClasses?: number;
  /** Write each zone's value on the map (readable when there are few zones). */
  etiquettes?: boolean;
  viewBoxInitiale?: string;
  /** The caller shows the same data in a visible table right after the map: no second table here. */
  tableauApres?: boolean;
  /** Drawn over the areas (e.g. markers at their centre), once they are measured; the caller's table repeats it. */
  surcouche?: (centres: Map<string, { x: number; y: number }>, echelle: number) => ReactNode;
}

interface Boite {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A choropleth drawn in SVG: every area is focusable with an accessible name ("Ille-et-Vilaine : 11,4 %"), classes
 * have a colour and a texture, the legend says the bounds, and the whole map is also a table.
 */
export function CarteChoroplethe({
  titre,
  zones,
  libelleValeur,
  unite,
  enTetesComplement = [],
  credit,
  nombreClasses = 4,
  etiquettes,
  viewBoxInitiale,
  tableauApres,
  surcouche,
}: Props) {
  const prefixe = `motif${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const classes = useMemo(
    () =>
      calculerClasses(
        zones.map((z) => z.valeur),
        nombreClasses,
      ),
    [zones, nombreClasses],
  );
  const chemins = useRef(new Map<string, SVGPathElement>());
  const [cadre, setCadre] = useState<{ viewBox: string; centres: Map<string, { x: number; y: number }>; echelle: number } | null>(null);
  const signature = zones.map((z) => z.code).join(',');
  const [active, setActive] = useState<string | null>(null);
  const [survol, setSurvol] = useState<string | null>(null);

  // Zoom on the drawn areas, and find where to write their labels: both from the browser's own measure of the paths.
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again only when the drawn areas change (their signature).
  useLayoutEffect(() => {
    let boite: Boite | null = null;
    const centres = new Map<string, { x: number; y: number }>();
    for (const [code, chemin] of chemins.current) {
      const b = chemin.getBBox();
      centres.set(code, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
      boite = boite
        ? {
            x: Math.min(boite.x, b.x),
            y: Math.min(boite.y, b.y),
            width: Math.max(boite.x + boite.width, b.x + b.width) - Math.min(boite.x, b.x),
            height: Math.max(boite.y + boite.height, b.y + b.height) - Math.min(boite.y, b.y),
          }
        : { x: b.x, y: b.y, width: b.width, height: b.height };
    }
    if (!boite || boite.width === 0) return;
    const marge = Math.max(boite.width, boite.height) * 0.03;
    setCadre({
      viewBox: `${boite.x - marge} ${boite.y - marge} ${boite.width + 2 * marge} ${boite.height + 2 * marge}`,
      centres,
      echelle: Math.max(boite.width, boite.height) / 600,
    });
  }, [signature]);

  const tries = [...zones].sort((a, b) => (b.valeur ?? -Infinity) - (a.valeur ?? -Infinity) || a.nom.localeCompare(b.nom, 'fr'));
  const avecVide = zones.some((z) => classes.classeDe(z.valeur) === null);
  const echelle = cadre?.echelle ?? 1;

  return (
    <figure className={fr.cx('fr-my-2w') + ' maillage-carte'}>
      <div className="maillage-carte__disposition">
        <svg
          viewBox={cadre?.viewBox ?? viewBoxInitiale ?? '0 0 600 600'}
          role="group"
          aria-label={`Carte : ${titre}`}
          className="maillage-carte__dessin"
        >
          <MotifsCarte prefixe={prefixe} classes={classes} echelle={echelle} />
          {zones.map((z) => (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a focusable area is an image named by its value, read by screen readers.
            <path
              key={z.code}
              ref={(el) => {
                if (el) chemins.current.set(z.code, el);
                else chemins.current.delete(z.code);
              }}
              d={z.d}
              fill={remplissage(prefixe, classes.classeDe(z.valeur))}
              stroke="#3a3a3a"
              strokeWidth={0.8}
              vectorEffect="non-scaling-stroke"
              className="maillage-carte__zone"
              tabIndex={0}
              onFocus={() => setActive(z.code)}
              onBlur={() => setActive((a) => (a === z.code ? null : a))}
              onMouseEnter={() => setSurvol(z.code)}
              onMouseLeave={() => setSurvol((a) => (a === z.code ? null : a))}
              role="img"
              aria-label={`${z.nom} : ${z.texte}`}
            >
              <title>{`${z.nom} : ${z.texte}`}</title>
            </path>
          ))}
          {/* The focused (or hovered) area is outlined on top of its neighbours, whose edges would hide it otherwise. */}
          {[survol, active].map((code, i) => {
            const z = code ? zones.find((x) => x.code === code) : null;
            if (!z) return null;
            const commun = {
              d: z.d,
              fill: 'none',
              vectorEffect: 'non-scaling-stroke' as const,
              pointerEvents: 'none' as const,
              'aria-hidden': true,
            };
            return i === 0 ? (
              <path key="survol" {...commun} stroke="#161616" strokeWidth={2} />
            ) : (
              <g key="focus" className="maillage-carte__focus">
                <path {...commun} stroke="#ffffff" strokeWidth={7} />
                <path {...commun} stroke="#0a76f6" strokeWidth={3} />
              </g>
            );
          })}
          {etiquettes &&
            cadre &&
            zones.map((z) => {
              const c = cadre.centres.get(z.code);
              if (!c) return null;
              return (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG label is not focusable; the area it sits on carries the same text.
                <text
                  key={z.code}
                  x={c.x}
                  y={c.y}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fontSize={13 * echelle}
                  fontWeight="700"
                  fill="#161616"
                  stroke="#ffffff"
                  strokeWidth={3 * echelle}
                  paintOrder="stroke"
                  aria-hidden="true"
                  className="maillage-carte__etiquette"
                >
                  {z.texte}
                </text>
              );
            })}
          {surcouche && cadre && surcouche(cadre.centres, echelle)}
        </svg>
        <LegendeCarte prefixe={prefixe} classes={classes} titre={libelleValeur} unite={unite} avecVide={avecVide} />
      </div>
      <p className={fr.cx('fr-text--xs', 'fr-mb-1w')}>{credit}</p>
      {tableauApres ? (
        <p className={fr.cx('fr-text--sm')}>Les valeurs de la carte sont reprises dans le tableau qui suit.</p>
      ) : (
        <details className="maillage-details">
          <summary>Voir les données de la carte en tableau</summary>
          <TableauDefilant
            className={fr.cx('fr-mt-1w', 'fr-mb-0')}
            caption={titre}
            headers={['Territoire', ...enTetesComplement, libelleValeur, 'Classe de la légende']}
            data={tries.map((z) => {
              const classe = classes.classeDe(z.valeur);
              return [
                z.nom,
                ...(z.complement ?? []),
                z.texte,
                classe === null ? 'Sans valeur' : libelleClasse(classes.bornes[classe], unite),
              ];
            })}
          />
        </details>
      )}
    </figure>
  );
}
