import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { AgregatIndicateur, FigurePartielleVue, ValeurVue } from '@maillage/domain/api';
import { avecUnite, formaterValeur } from '../../components/libelles-indicateurs';
import { couleursDsfr, Graphique, POLICE_GRAPHIQUE as POLICE } from '../../components/graphique';
import { libelleSens, sensAffiche, texteFigurePartielle, valeurDuPartiel } from './ecarts';

/** The bounds of a value that can be drawn: an exact value, an interval, a lower bound; nothing otherwise. */
function bornes(v: ValeurVue): { inf: number; sup: number } | null {
  if ((v.nature === 'exacte' || v.nature === 'borne_inferieure') && typeof v.valeur === 'number') return { inf: v.valeur, sup: v.valeur };
  if (v.nature === 'intervalle' && typeof v.borneInf === 'number' && typeof v.borneSup === 'number')
    return { inf: v.borneInf, sup: v.borneSup };
  return null;
}

/** On the bars, the unit only when it is short ("%"): the card says it in full. */
const etiquette = (texte: string, unite: string) => (unite === '%' ? avecUnite(texte, unite) : texte);

interface Barre {
  nom: string;
  valeur: ValeurVue;
  perimetre: boolean;
  /** The perimeter's partial figure: drawn dotted and light, never like a value. */
  partiel?: boolean;
}

/** A partial figure's look: light fill, dashed outline, dots. Its legend says so in words. */
const stylePartiel = (couleur: string, fond: string) => ({
  color: fond,
  borderColor: couleur,
  borderWidth: 2,
  borderType: 'dashed',
  decal: { symbol: 'circle', symbolSize: 0.4, dashArrayX: [4, 4], dashArrayY: [4, 4], color: couleur },
});

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
    xAxis: {
      type: 'value',
      axisLabel: { color: c.mention, formatter: (n: number) => formaterValeur(n) },
      splitLine: { lineStyle: { color: c.bordure } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: barres.map((x) => x.nom),
      axisLabel: { color: c.texte, width: etroit ? 90 : 160, overflow: 'break', lineHeight: 16 },
    },
    series: [
      {
        type: 'bar',
        stack: 'valeur',
        barMaxWidth: 24,
        data: b.map((x, i) => ({
          value: x ? x.inf : null,
          itemStyle: barres[i].partiel ? stylePartiel(couleur(i), c.clair) : { color: couleur(i) },
        })),
        label: {
          show: true,
          position: 'right',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            barres[dataIndex].valeur.nature === 'intervalle' ? '' : etiquette(barres[dataIndex].valeur.texte, unite),
        },
      },
      {
        type: 'bar',
        stack: 'valeur',
        barMaxWidth: 24,
        data: b.map((x, i) => ({
          value: x && x.sup > x.inf ? x.sup - x.inf : null,
          itemStyle: {
            color: c.clair,
            borderColor: couleur(i),
            borderWidth: 1,
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: couleur(i) },
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            barres[dataIndex].valeur.nature === 'intervalle' ? barres[dataIndex].valeur.texte : '',
        },
      },
    ],
  };
}

function optionLigne(periodes: string[], valeurs: ValeurVue[], unite: string, partiels: boolean[]): EChartsCoreOption {
  const c = couleursDsfr();
  // A partial figure is a hollow point, its label says "partiel".
  const points = valeurs.map((v, i) => {
    const x = bornes(v);
    const valeur = x ? (x.inf + x.sup) / 2 : null;
    return partiels[i]
      ? {
          value: valeur,
          symbol: 'emptyCircle',
          symbolSize: 12,
          itemStyle: { color: c.principal, borderColor: c.principal, borderWidth: 2 },
        }
      : valeur;
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
      axisLabel: { color: c.mention, formatter: (n: number) => formaterValeur(n) },
      splitLine: { lineStyle: { color: c.bordure } },
    },
    series: [
      {
        type: 'line',
        data: points,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { color: c.principal, width: 2 },
        itemStyle: { color: c.principal },
        label: {
          show: true,
          position: 'top',
          color: c.texte,
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            `${etiquette(valeurs[dataIndex].texte, unite)}${partiels[dataIndex] && valeurs[dataIndex].nature !== 'borne_inferieure' ? ' (partiel)' : ''}`,
        },
      },
    ],
  };
}

/** Under a chart: what the dotted bar or hollow point means, with the coverage. */
const legendePartiel = (forme: string, p: FigurePartielleVue) =>
  `${forme} : chiffre partiel, calculé sur les seules communes renseignées (${p.couverture.texte})${p.portee === 'au_moins' ? ' ; le total réel est au moins égal' : ''}.`;

/** The perimeter against its comparators (bars), with the gap of each in words in the table. */
export function GraphiqueComparaison({
  agregat,
  nomPerimetre,
  comparable,
}: {
  agregat: AgregatIndicateur;
  nomPerimetre: string;
  comparable: boolean;
}) {
  const { indicateur, resultat, comparaisons } = agregat;
  const partiel = resultat?.partiel;
  const barres: Barre[] = useMemo(
    () => [
      ...(resultat && partiel
        ? [
            {
              nom: `${nomPerimetre} (partiel)`,
              valeur: { ...valeurDuPartiel(partiel), texte: partiel.portee === 'au_moins' ? partiel.texte : partiel.valeur.texte },
              perimetre: true,
              partiel: true,
            },
          ]
        : resultat
          ? [{ nom: nomPerimetre, valeur: resultat.valeur, perimetre: true }]
          : []),
      ...comparaisons.map((x) => ({ nom: x.territoire.nom, valeur: x.valeur, perimetre: false })),
    ],
    [resultat, partiel, comparaisons, nomPerimetre],
  );
  const option = useMemo(() => optionBarres(barres, indicateur.unite), [barres, indicateur.unite]);
  if (!resultat || comparaisons.length === 0) return null;
  const resume = `${indicateur.libelle} (${agregat.periode}) : ${barres.map((x) => `${x.nom} ${avecUnite(x.valeur.texte, indicateur.unite)}`).join(' ; ')}.`;
  return (
    <Graphique
      resume={resume}
      option={option}
      hauteur={40 * barres.length + 40}
      legende={partiel && legendePartiel('Barre en pointillés', partiel)}
      tableau={{
        caption: `${indicateur.libelle} : ${nomPerimetre} et ses comparateurs (${agregat.periode})`,
        headers: ['Territoire', 'Valeur', 'Comparaison avec le périmètre'],
        data: [
          [
            nomPerimetre,
            partiel
              ? `${texteFigurePartielle(partiel, indicateur.unite)} (chiffre partiel : ${partiel.couverture.texte})`
              : avecUnite(resultat.valeur.texte, indicateur.unite),
            '—',
          ],
          ...comparaisons.map((x) => [
            x.territoire.nom,
            avecUnite(x.valeur.texte, indicateur.unite),
            libelleSens(sensAffiche(x, comparable), x.indicatif),
          ]),
        ],
      }}
    />
  );
}

/** The values of the perimeter over time, when there are several periods. */
export function GraphiqueSerie({ agregat }: { agregat: AgregatIndicateur }) {
  const { indicateur, serie } = agregat;
  // A period without the perimeter's value but with a partial figure is drawn with the partial figure, hollow.
  const valeurs = useMemo(
    () =>
      serie.map((s) =>
        s.partiel
          ? { ...valeurDuPartiel(s.partiel), texte: s.partiel.portee === 'au_moins' ? s.partiel.texte : s.partiel.valeur.texte }
          : s.valeur,
      ),
    [serie],
  );
  const option = useMemo(
    () =>
      optionLigne(
        serie.map((s) => s.periode),
        valeurs,
        indicateur.unite,
        serie.map((s) => !!s.partiel),
      ),
    [serie, valeurs, indicateur.unite],
  );
  const partiel = serie.find((s) => s.partiel)?.partiel;
  if (serie.length < 2) return null;
  return (
    <Graphique
      resume={`Évolution de ${indicateur.libelle} : ${serie.map((s) => `${s.periode} ${s.partiel ? `${texteFigurePartielle(s.partiel, indicateur.unite)} (partiel)` : avecUnite(s.valeur.texte, indicateur.unite)}`).join(' ; ')}.`}
      option={option}
      hauteur={220}
      legende={
        partiel &&
        'Point creux : chiffre partiel, calculé sur les seules communes renseignées (la couverture de chaque période est dans le tableau).'
      }
      tableau={{
        caption: `${indicateur.libelle} : évolution sur le périmètre`,
        headers: ['Période', 'Valeur', 'Origine', 'Source'],
        data: serie.map((s) => [
          s.periode,
          s.partiel
            ? `${texteFigurePartielle(s.partiel, indicateur.unite)} (chiffre partiel : ${s.partiel.couverture.texte})`
            : avecUnite(s.valeur.texte, indicateur.unite),
          s.origine === 'publiee'
            ? 'Publiée pour ce territoire'
            : `Calculée sur ${formaterValeur(s.valeur.couverture?.communes ?? 0)} communes`,
          s.source ?? '—',
        ]),
      }}
    />
  );
}
