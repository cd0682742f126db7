import { fr } from '@codegouvfr/react-dsfr';
import { formaterValeur } from './libelles-indicateurs';

/**
 * Value classes of a choropleth: each class has a colour AND a texture (plain, dots, lines, cross-hatching, dense
 * lines), so that a map still reads in black and white or for colour-blind readers; the legend shows both.
 */
const COULEURS = ['#ececfe', '#c1c1fb', '#8585f6', '#4545c8', '#000091'];
const MARQUES = ['#3a3a3a', '#000091', '#000091', '#ffffff', '#ffffff'];

export interface Classes {
  /** Ascending upper bounds, one per class. */
  bornes: { min: number; max: number }[];
  classeDe: (v: number | null | undefined) => number | null;
}

/** Quantile classes (as many values in each), at most `nombre`, never more than distinct values. */
export function calculerClasses(valeurs: (number | null | undefined)[], nombre = 4): Classes {
  const tries = [...new Set(valeurs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))].sort((a, b) => a - b);
  const k = Math.max(1, Math.min(nombre, tries.length, COULEURS.length));
  const bornes: { min: number; max: number }[] = [];
  for (let i = 0; i < k && tries.length; i++) {
    const debut = Math.floor((i * tries.length) / k);
    const fin = Math.floor(((i + 1) * tries.length) / k) - 1;
    bornes.push({ min: tries[debut], max: tries[Math.max(debut, fin)] });
  }
  return {
    bornes,
    classeDe: (v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || !bornes.length) return null;
      const i = bornes.findIndex((b) => v <= b.max);
      return i === -1 ? bornes.length - 1 : i;
    },
  };
}

/** The palette index of class i among k (spread over the five shades). */
const teinte = (i: number, k: number) => (k <= 1 ? 2 : Math.round((i * (COULEURS.length - 1)) / (k - 1)));

export const remplissage = (prefixe: string, classe: number | null) => `url(#${prefixe}-${classe === null ? 'vide' : classe})`;

function Texture({ t }: { t: number }) {
  const m = MARQUES[t];
  switch (t) {
    case 1:
      return <circle cx="3" cy="3" r="1" fill={m} />;
    case 2:
      return <path d="M0 6 L6 0" stroke={m} strokeWidth="1" />;
    case 3:
      return <path d="M0 6 L6 0 M0 0 L6 6" stroke={m} strokeWidth="1" />;
    case 4:
      return <path d="M0 3 H6" stroke={m} strokeWidth="1.5" />;
    default:
      return null;
  }
}

/** One pattern: the class colour and its texture, `echelle` user units per screen pixel (a zoomed map has small units). */
function Motif({ id, classe, k, echelle = 1 }: { id: string; classe: number | null; k: number; echelle?: number }) {
  const transformation = echelle === 1 ? undefined : `scale(${echelle})`;
  if (classe === null) {
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={transformation}>
        <rect width="6" height="6" fill="#ffffff" />
        <path d="M0 0 L2 2 M4 4 L6 6" stroke="#929292" strokeWidth="1" />
      </pattern>
    );
  }
  const t = teinte(classe, k);
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={transformation}>
      <rect width="6" height="6" fill={COULEURS[t]} />
      <Texture t={t} />
    </pattern>
  );
}

/** The <defs> of a map: one pattern per class, and one for "no value" (white with grey dashes). */
export function MotifsCarte({ prefixe, classes, echelle }: { prefixe: string; classes: Classes; echelle: number }) {
  const k = classes.bornes.length;
  return (
    <defs>
      {classes.bornes.map((_, i) => (
        <Motif key={i} id={`${prefixe}-${i}`} classe={i} k={k} echelle={echelle} />
      ))}
      <Motif id={`${prefixe}-vide`} classe={null} k={k} echelle={echelle} />
    </defs>
  );
}

export function libelleClasse(b: { min: number; max: number }, unite = ''): string {
  const u = unite ? ` ${unite}` : '';
  return b.min === b.max ? `${formaterValeur(b.min)}${u}` : `de ${formaterValeur(b.min)} à ${formaterValeur(b.max)}${u}`;
}

/** The legend: each class's swatch (colour and texture) and its bounds in words. */
export function LegendeCarte({
  prefixe,
  classes,
  titre,
  unite,
  avecVide,
}: {
  prefixe: string;
  classes: Classes;
  titre: string;
  unite?: string;
  avecVide: boolean;
}) {
  // Each swatch carries its own pattern, drawn at screen scale.
  const pastille = (classe: number | null) => (
    <svg width="28" height="18" aria-hidden="true" focusable="false" className={fr.cx('fr-mr-1w')}>
      <defs>
        <Motif id={`${prefixe}-legende-${classe ?? 'vide'}`} classe={classe} k={classes.bornes.length} />
      </defs>
      <rect x="0.5" y="0.5" width="27" height="17" fill={`url(#${prefixe}-legende-${classe ?? 'vide'})`} stroke="#666666" />
    </svg>
  );
  return (
    <div className="maillage-legende">
      <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1w')}>Légende : {titre}</p>
      <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
        {[...classes.bornes].reverse().map((b, j) => {
          const i = classes.bornes.length - 1 - j;
          return (
            <li key={i}>
              {pastille(i)}
              {libelleClasse(b, unite)}
            </li>
          );
        })}
        {avecVide && (
          <li>
            {pastille(null)}
            Sans valeur
          </li>
        )}
      </ul>
    </div>
  );
}
