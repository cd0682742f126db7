import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { AgregatIndicateur, ValeurVue } from '../../api/types-diagnostics';
import { avecUnite, formaterValeur } from '../indicateurs/libelles-indicateurs';
import { couleursDsfr, Graphique } from './graphique';
import { libelleSens, sensAffiche } from './ecarts';

/** The bounds of a value that can be drawn: an exact value, an interval, a lower bound; nothing otherwise. */
function bornes(v: ValeurVue): { inf: number; sup: number } | null {
  if ((v.nature === 'exacte' || v.nature === 'borne_inferieure') && typeof v.valeur === 'number') return { inf: v.valeur, sup: v.valeur };
  if (v.nature === 'intervalle' && typeof v.borneInf === 'number' && typeof v.borneSup === 'number') return { inf: v.borneInf, sup: v.borneSup };
  return null;
}

const POLICE = 'Marianne, arial, sans-serif';
/** On the bars, the unit only when it is short ("%"): the card says it in full. */
const etiquette = (texte: string, unite: string) => (unite === '%' ? avecUnite(texte, unite) : texte);

interface Barre {
  nom: string;
  valeur: ValeurVue;
  perimetre: boolean;
}

/** Horizontal bars (long territory names read well); an interval is a solid bar to its lower bound and a hatched one to its upper bound. */
function optionBarres(barres: Barre[], unite: string): EChartsCoreOption {
  const c = couleursDsfr();
  // On a phone, shorter territory labels and less room for the value labels.
  const etroit = window.innerWidth < 576;
  const b = barres.map((x) => bornes(x.valeur));
  const couleur = (i: number) => (barres[i].perimetre ? c.principal : c.comparateurFort);
  return {
    animation: false,
    textStyle: { fontFamily: POLICE, color: c.texte },
    grid: { left: 8, right: etroit ? 64 : 90, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: c.mention, formatter: (n: number) => formaterValeur(n) }, splitLine: { lineStyle: { color: c.bordure } } },
    yAxis: { type: 'category', inverse: true, data: barres.map((x) => x.nom), axisLabel: { color: c.texte, width: etroit ? 90 : 160, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        stack: 'valeur',
        barMaxWidth: 24,
        data: b.map((x, i) => ({ value: x ? x.inf : null, itemStyle: { color: couleur(i) } })),
        label: {
          show: true,
          position: 'right',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) => (barres[dataIndex].valeur.nature === 'intervalle' ? '' : etiquette(barres[dataIndex].valeur.texte, unite)),
        },
      },
      {
        type: 'bar',
        stack: 'valeur',
        barMaxWidth: 24,
        data: b.map((x, i) => ({
          value: x && x.sup > x.inf ? x.sup - x.inf : null,
          itemStyle: { color: c.clair, borderColor: couleur(i), borderWidth: 1, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: couleur(i) } },
        })),
        label: {
          show: true,
          position: 'right',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) => (barres[dataIndex].valeur.nature === 'intervalle' ? barres[dataIndex].valeur.texte : ''),
        },
      },
    ],
  };
}

function optionLigne(periodes: string[], valeurs: ValeurVue[], unite: string): EChartsCoreOption {
  const c = couleursDsfr();
  const points = valeurs.map((v) => {
    const x = bornes(v);
    return x ? (x.inf + x.sup) / 2 : null;
  });
  return {
    animation: false,
    textStyle: { fontFamily: POLICE, color: c.texte },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periodes, axisLabel: { color: c.texte } },
    // Some room above and below the points, so that their labels never sit on the axis.
    yAxis: {
      type: 'value',
      scale: true,
      boundaryGap: ['25%', '25%'],
      axisLabel: { color: c.mention, formatter: (n: number) => formaterValeur(n) }, splitLine: { lineStyle: { color: c.bordure } } },
    series: [
      {
        type: 'line',
        data: points,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: c.principal, width: 2 },
        itemStyle: { color: c.principal },
        label: { show: true, position: 'top', color: c.texte, formatter: ({ dataIndex }: { dataIndex: number }) => etiquette(valeurs[dataIndex].texte, unite) },
      },
    ],
  };
}

/** The perimeter against its comparators (bars), with the gap of each in words in the table. */
export function GraphiqueComparaison({ agregat, nomPerimetre, comparable }: { agregat: AgregatIndicateur; nomPerimetre: string; comparable: boolean }) {
  const { indicateur, resultat, comparaisons } = agregat;
  const barres: Barre[] = useMemo(
    () => [
      ...(resultat ? [{ nom: nomPerimetre, valeur: resultat.valeur, perimetre: true }] : []),
      ...comparaisons.map((x) => ({ nom: x.territoire.nom, valeur: x.valeur, perimetre: false })),
    ],
    [resultat, comparaisons, nomPerimetre],
  );
  const option = useMemo(() => optionBarres(barres, indicateur.unite), [barres, indicateur.unite]);
  if (!resultat || comparaisons.length === 0) return null;
  const resume = `${indicateur.libelle} (${agregat.periode}) : ${barres.map((x) => `${x.nom} ${avecUnite(x.valeur.texte, indicateur.unite)}`).join(' ; ')}.`;
  return (
    <Graphique
      resume={resume}
      option={option}
      hauteur={40 * barres.length + 40}
      tableau={{
        caption: `${indicateur.libelle} : ${nomPerimetre} et ses comparateurs (${agregat.periode})`,
        headers: ['Territoire', 'Valeur', 'Comparaison avec le périmètre'],
        data: [
          [nomPerimetre, avecUnite(resultat.valeur.texte, indicateur.unite), '—'],
          ...comparaisons.map((x) => [x.territoire.nom, avecUnite(x.valeur.texte, indicateur.unite), libelleSens(sensAffiche(x, comparable))]),
        ],
      }}
    />
  );
}

/** The values of the perimeter over time, when there are several periods. */
export function GraphiqueSerie({ agregat }: { agregat: AgregatIndicateur }) {
  const { indicateur, serie } = agregat;
  const option = useMemo(
    () =>
      optionLigne(
        serie.map((s) => s.periode),
        serie.map((s) => s.valeur),
        indicateur.unite,
      ),
    [serie, indicateur.unite],
  );
  if (serie.length < 2) return null;
  return (
    <Graphique
      resume={`Évolution de ${indicateur.libelle} : ${serie.map((s) => `${s.periode} ${avecUnite(s.valeur.texte, indicateur.unite)}`).join(' ; ')}.`}
      option={option}
      hauteur={220}
      tableau={{
        caption: `${indicateur.libelle} : évolution sur le périmètre`,
        headers: ['Période', 'Valeur', 'Origine', 'Source'],
        data: serie.map((s) => [
          s.periode,
          avecUnite(s.valeur.texte, indicateur.unite),
          s.origine === 'publiee' ? 'Publiée pour ce territoire' : `Calculée sur ${formaterValeur(s.valeur.couverture?.communes ?? 0)} communes`,
          s.source ?? '—',
        ]),
      }}
    />
  );
}
