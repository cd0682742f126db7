import { fr } from '@codegouvfr/react-dsfr';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { TableauDefilant } from './tableau-defilant';

export interface TableauDonnees {
  caption: string;
  headers: string[];
  data: ReactNode[][];
}

interface Props {
  /** What the chart says, in one sentence: the accessible name of the drawing. */
  resume: string;
  option: EChartsCoreOption;
  hauteur: number;
  /** The same data as a real table, behind a disclosure. */
  tableau: TableauDonnees;
  /** What a style of the drawing means (a partial figure's dotted bar), in words under it. */
  legende?: ReactNode;
}

/** The DSFR font, for the charts' texts. */
export const POLICE_GRAPHIQUE = 'Marianne, arial, sans-serif';

/** The DSFR colours of the current theme (light or dark), read from its CSS variables. */
export function couleursDsfr() {
  const style = getComputedStyle(document.documentElement);
  const lire = (nom: string, defaut: string) => style.getPropertyValue(nom).trim() || defaut;
  return {
    texte: lire('--text-default-grey', '#3a3a3a'),
    mention: lire('--text-mention-grey', '#666666'),
    bordure: lire('--border-default-grey', '#dddddd'),
    principal: lire('--background-action-high-blue-france', '#000091'),
    clair: lire('--background-action-low-blue-france', '#e3e3fd'),
    comparateur: lire('--background-contrast-grey', '#eeeeee'),
    comparateurFort: lire('--text-mention-grey', '#666666'),
  };
}

/**
 * An ECharts chart (SVG renderer, loaded on demand) followed by its data table in a <details>: the chart is an image
 * with a summary for screen readers, the table carries every figure.
 */
export function Graphique({ resume, option, hauteur, tableau, legende }: Props) {
  const conteneur = useRef<HTMLDivElement>(null);
  const instance = useRef<{
    setOption: (o: EChartsCoreOption, remplacer?: boolean) => void;
    resize: () => void;
    dispose: () => void;
  } | null>(null);
  const [erreur, setErreur] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is created once; option changes go through setOption below.
  useEffect(() => {
    let annule = false;
    let observateur: ResizeObserver | null = null;
    import('./echarts-modulaire')
      .then(({ echarts }) => {
        if (annule || !conteneur.current) return;
        const graphique = echarts.init(conteneur.current, null, { renderer: 'svg' });
        instance.current = graphique;
        graphique.setOption(option, true);
        observateur = new ResizeObserver(() => graphique.resize());
        observateur.observe(conteneur.current);
      })
      .catch(() => setErreur(true));
    return () => {
      annule = true;
      observateur?.disconnect();
      instance.current?.dispose();
      instance.current = null;
    };
    // The chart is created once; option changes go through setOption below.
  }, []);

  useEffect(() => {
    instance.current?.setOption(option, true);
  }, [option]);

  return (
    <figure className={fr.cx('fr-my-2w') + ' maillage-graphique'}>
      {erreur ? (
        <p className={fr.cx('fr-text--sm')}>Le graphique n’a pas pu être affiché : les données sont dans le tableau ci-dessous.</p>
      ) : (
        <div ref={conteneur} role="img" aria-label={resume} style={{ height: `${hauteur}px`, width: '100%' }} />
      )}
      {legende && <figcaption className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{legende}</figcaption>}
      <details className="maillage-details">
        <summary>Voir les données en tableau</summary>
        <TableauDefilant
          className={fr.cx('fr-mb-0', 'fr-mt-1w')}
          caption={tableau.caption}
          headers={tableau.headers}
          data={tableau.data}
          bordered
        />
      </details>
    </figure>
  );
}
