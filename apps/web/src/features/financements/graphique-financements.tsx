import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMontant } from '@maillage/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TotalFinancement } from '../../api/financements';
import { formaterNombre } from '../../components/format';

/** The DSFR colours of the current theme (light or dark), read from its CSS variables. */
function couleurs() {
  const style = getComputedStyle(document.documentElement);
  const lire = (nom: string, defaut: string) => style.getPropertyValue(nom).trim() || defaut;
  return {
    texte: lire('--text-default-grey', '#3a3a3a'),
    bordure: lire('--border-default-grey', '#dddddd'),
    acquis: lire('--background-action-high-blue-france', '#000091'),
    prevu: lire('--background-action-low-blue-france', '#e3e3fd'),
    motif: lire('--border-action-high-blue-france', '#000091'),
  };
}

const milliers = (centimes: number) => `${formaterNombre(Math.round(centimes / 100000))} k€`;

function option(totaux: TotalFinancement[], horizontal: boolean): EChartsCoreOption {
  const c = couleurs();
  const cles = totaux.map((t) => t.cle);
  const axeCategories = {
    type: 'category',
    data: cles,
    inverse: horizontal,
    axisLabel: { color: c.texte, width: horizontal ? 180 : 90, overflow: 'truncate', interval: 0 },
    axisLine: { lineStyle: { color: c.bordure } },
  };
  const axeValeurs = { type: 'value', axisLabel: { color: c.texte, formatter: milliers }, splitLine: { lineStyle: { color: c.bordure } } };
  return {
    animation: false,
    aria: { enabled: false },
    legend: { top: 0, left: 0, textStyle: { color: c.texte }, data: ['Acquis (accordé ou versé)', 'Prévu ou sollicité'] },
    grid: { top: 36, right: 16, bottom: 8, left: 8, containLabel: true },
    xAxis: horizontal ? axeValeurs : axeCategories,
    yAxis: horizontal ? axeCategories : axeValeurs,
    series: [
      {
        name: 'Acquis (accordé ou versé)',
        type: 'bar',
        stack: 'total',
        data: totaux.map((t) => t.acquis),
        itemStyle: { color: c.acquis },
        barMaxWidth: 28,
      },
      {
        name: 'Prévu ou sollicité',
        type: 'bar',
        stack: 'total',
        data: totaux.map((t) => t.prevu),
        // Hatched as well as lighter: the two parts never differ by colour alone.
        itemStyle: {
          color: c.prevu,
          borderColor: c.motif,
          borderWidth: 1,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: c.motif },
        },
        barMaxWidth: 28,
      },
    ],
  };
}

interface Props {
  titre: string;
  /** The first column's heading: "Financeur", "Dispositif"… */
  libelleCle: string;
  totaux: TotalFinancement[];
  horizontal?: boolean;
}

/**
 * A stacked bar chart (acquis / prévu) drawn by ECharts as SVG, loaded on demand, followed by the same figures as a
 * table: the chart is an image with a one-sentence summary, the table carries every amount.
 */
export function GraphiqueFinancements({ titre, libelleCle, totaux, horizontal = true }: Props) {
  const conteneur = useRef<HTMLDivElement>(null);
  const [erreur, setErreur] = useState(false);
  const opt = useMemo(() => option(totaux, horizontal), [totaux, horizontal]);
  const total = totaux.reduce((t, x) => t + x.total, 0);
  const premier = totaux.reduce<TotalFinancement | null>((m, x) => (!m || x.total > m.total ? x : m), null);
  const resume = premier
    ? `${titre} : ${formaterNombre(totaux.length)} ${libelleCle.toLowerCase()}${totaux.length > 1 ? 's' : ''}, ${formaterMontant(total)} au total ; le premier est « ${premier.cle} » avec ${formaterMontant(premier.total)}.`
    : `${titre} : aucun montant.`;

  useEffect(() => {
    let annule = false;
    let observateur: ResizeObserver | null = null;
    let graphique: { setOption: (o: EChartsCoreOption, remplacer?: boolean) => void; resize: () => void; dispose: () => void } | null =
      null;
    import('./echarts-financements')
      .then(({ echarts }) => {
        if (annule || !conteneur.current) return;
        graphique = echarts.init(conteneur.current, null, { renderer: 'svg' });
        graphique.setOption(opt, true);
        observateur = new ResizeObserver(() => graphique?.resize());
        observateur.observe(conteneur.current);
      })
      .catch(() => setErreur(true));
    return () => {
      annule = true;
      observateur?.disconnect();
      graphique?.dispose();
    };
  }, [opt]);

  const hauteur = horizontal ? 60 + totaux.length * 36 : 280;
  return (
    <figure className="maillage-figure">
      {erreur ? (
        <p className={fr.cx('fr-text--sm')}>Le graphique n’a pas pu être affiché : les montants sont dans le tableau ci-dessous.</p>
      ) : (
        <div ref={conteneur} role="img" aria-label={resume} style={{ height: `${hauteur}px`, width: '100%' }} />
      )}
      <details className="maillage-depliant">
        <summary>Voir les montants en tableau</summary>
        <Table
          className={fr.cx('fr-mb-0', 'fr-mt-1w')}
          caption={titre}
          headers={[libelleCle, 'Acquis (accordé ou versé)', 'Prévu ou sollicité', 'Total', 'Part du total']}
          data={[
            ...totaux.map((t) => [
              t.cle,
              formaterMontant(t.acquis),
              formaterMontant(t.prevu),
              formaterMontant(t.total),
              total ? `${formaterNombre(Math.round((t.total / total) * 100))} %` : '—',
            ]),
            [
              <strong key="t">Total</strong>,
              formaterMontant(totaux.reduce((s, x) => s + x.acquis, 0)),
              formaterMontant(totaux.reduce((s, x) => s + x.prevu, 0)),
              <strong key="m">{formaterMontant(total)}</strong>,
              total ? '100 %' : '—',
            ],
          ]}
          bordered
        />
      </details>
    </figure>
  );
}
