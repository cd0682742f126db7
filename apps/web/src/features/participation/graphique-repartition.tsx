import type { ResultatQuestion } from '@maillage/domain/api';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { couleursDsfr, Graphique, POLICE_GRAPHIQUE as POLICE } from '../../components/graphique';
import { formaterNombre, pluriel } from '../../components/format';

const pourcent = (p: number) => `${p.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/** Horizontal bars, one per option (long labels read well), each labelled with its count and share. */
function option(r: ResultatQuestion): EChartsCoreOption {
  const c = couleursDsfr();
  const etroit = window.innerWidth < 576;
  return {
    animation: false,
    textStyle: { fontFamily: POLICE, color: c.texte },
    grid: { left: 8, right: etroit ? 80 : 110, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: c.mention }, splitLine: { lineStyle: { color: c.bordure } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: r.repartition.map((l) => l.libelle),
      axisLabel: { color: c.texte, width: etroit ? 100 : 220, overflow: 'break', lineHeight: 16 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: c.principal },
        data: r.repartition.map((l) => l.nombre),
        label: {
          show: true,
          position: 'right',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            `${formaterNombre(r.repartition[dataIndex].nombre)} (${pourcent(r.repartition[dataIndex].pourcentage)})`,
        },
      },
    ],
  };
}

/** The answers to a choice, a scale, a commune or an age band: a chart, then the same figures as a table. */
export function GraphiqueRepartition({ resultat: r }: { resultat: ResultatQuestion }) {
  const opt = useMemo(() => option(r), [r]);
  const premier = r.repartition.reduce<ResultatQuestion['repartition'][number] | null>((m, l) => (!m || l.nombre > m.nombre ? l : m), null);
  const resume = premier
    ? `Réponses à « ${r.question.libelle} » : ${pluriel(r.repondants, 'personne a répondu', 'personnes ont répondu')} ; la réponse la plus choisie est « ${premier.libelle} » (${formaterNombre(premier.nombre)}, ${pourcent(premier.pourcentage)}).`
    : `Réponses à « ${r.question.libelle} » : aucune.`;
  return (
    <Graphique
      resume={resume}
      option={opt}
      hauteur={40 + r.repartition.length * 36}
      tableau={{
        caption: `Réponses à « ${r.question.libelle} »`,
        headers: ['Réponse', 'Nombre', 'Part des répondants'],
        data: r.repartition.map((l) => [l.libelle, formaterNombre(l.nombre), pourcent(l.pourcentage)]),
      }}
      legende={r.question.type === 'choix_multiple' ? 'Plusieurs réponses possibles : les parts dépassent 100 % au total.' : undefined}
    />
  );
}
