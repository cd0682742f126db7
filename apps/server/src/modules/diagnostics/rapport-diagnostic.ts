import { FAMILLES_INDICATEUR, formaterDate, formaterNombre, pluriel, TYPES_RENCONTRE } from '@maillage/domain';
import * as echarts from 'echarts';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import type { Bloc, DocumentContrat } from '../documents/modele-document';
import { rendreDocument } from '../documents/documents.service';
import { diagnosticContrat } from './diagnostics.service';

type Diagnostic = Awaited<ReturnType<typeof diagnosticContrat>>;
type Carte = Diagnostic['indicateurs'][number];

const SENS: Record<string, string> = {
  favorable: 'plus favorable',
  defavorable: 'moins favorable',
  neutre: 'comparable',
  indetermine: 'écart indéterminé',
};

/** A horizontal bar chart, perimeter first then its comparators; intervals drawn from their lower to upper bound. */
function graphique(carte: Carte, nomPerimetre: string): Bloc | null {
  // Without a value for the perimeter, its partial figure is drawn, named as such.
  const partiel = carte.resultat?.partiel;
  const perimetre = carte.resultat
    ? ['exacte', 'intervalle'].includes(carte.resultat.valeur.nature) || !partiel
      ? { nom: nomPerimetre, v: carte.resultat.valeur as Record<string, any> }
      : { nom: `${nomPerimetre} (partiel)`, v: { ...partiel.valeur, texte: partiel.texte } as Record<string, any> }
    : null;
  const points = [perimetre, ...carte.comparaisons.map((c) => ({ nom: c.territoire.nom, v: c.valeur as Record<string, any> }))].filter(
    (p): p is { nom: string; v: Record<string, any> } => !!p && (p.v.nature === 'exacte' || p.v.nature === 'intervalle'),
  );
  if (points.length < 2) return null;
  const bas = points.map((p) => (p.v.nature === 'exacte' ? 0 : p.v.borneInf));
  const haut = points.map((p) => (p.v.nature === 'exacte' ? p.v.valeur : p.v.borneSup - p.v.borneInf));
  const hauteur = 50 + points.length * 32;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: hauteur });
  chart.setOption({
    animation: false,
    grid: { left: 170, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formaterNombre(v, Number.isInteger(v) ? 0 : 1) } },
    yAxis: { type: 'category', data: points.map((p) => p.nom), inverse: true },
    series: [
      { type: 'bar', stack: 'v', data: bas, itemStyle: { color: 'transparent' }, silent: true },
      {
        type: 'bar',
        stack: 'v',
        data: haut.map((h, i) => ({ value: h, itemStyle: { color: i === 0 ? '#000091' : '#8585F6' } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => points[p.dataIndex].v.texte },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { type: 'graphique', titre: carte.indicateur.libelle, svg, largeur: 480, hauteur };
}

function blocsIndicateur(carte: Carte, nomPerimetre: string): Bloc[] {
  const r = carte.resultat;
  const valeur = !r
    ? 'non disponible'
    : r.partiel
      ? `${r.valeur.texte} ; partiel : ${r.partiel.texte} (${r.partiel.couverture.texte})`
      : `${r.valeur.texte}${r.origine === 'agregee' && r.valeur.couverture ? ` (calculé sur ${pluriel(r.valeur.couverture.renseignees, 'commune')} sur ${r.valeur.couverture.communes})` : ''}`;
  const lignes = [
    [nomPerimetre, valeur, r?.source ?? '', ''],
    ...carte.comparaisons.map((c) => [
      c.territoire.nom,
      c.valeur.texte,
      c.source ?? '',
      `${SENS[c.sens] ?? ''}${c.indicatif ? ' (indicatif, sur les communes renseignées)' : ''}`,
    ]),
  ];
  const blocs: Bloc[] = [
    {
      type: 'titre',
      niveau: 3,
      texte: `${carte.indicateur.libelle} (${carte.indicateur.unite}${carte.periode ? `, ${carte.periode}` : ''})`,
    },
  ];
  const g = graphique(carte, nomPerimetre);
  if (g) blocs.push(g);
  blocs.push({ type: 'tableau', entetes: ['Territoire', 'Valeur', 'Source', 'Le périmètre est…'], lignes, largeurs: [28, 22, 32, 18] });
  const raison = r ? r.valeur.raison : carte.raison;
  if (raison) blocs.push({ type: 'paragraphe', texte: raison, italique: true });
  if (r?.agregatCommunes)
    blocs.push({
      type: 'paragraphe',
      texte: `Somme des communes : ${r.agregatCommunes.valeur.texte}${r.agregatCommunes.partiel ? ` (${r.agregatCommunes.partiel.couverture.texte})` : ''}, à côté du total publié pour le territoire.`,
      italique: true,
    });
  if (r?.autresSources.length)
    blocs.push({
      type: 'paragraphe',
      texte: `Autres sources : ${r.autresSources.map((a) => `${a.texte} (${a.source})`).join(' ; ')}.`,
      italique: true,
    });
  return blocs;
}

export function construireRapport(d: Diagnostic): DocumentContrat {
  const nom = 'Territoire du contrat';
  const blocs: Bloc[] = [
    {
      type: 'couverture',
      surtitre: 'Diagnostic local de santé partagé',
      titre: d.contrat.intitule,
      lignes: [
        `${d.contrat.nombreCommunes} communes — ${formaterNombre(d.contrat.population)} habitants`,
        `Document produit le ${formaterDate(new Date().toISOString())}`,
      ],
    },
    { type: 'titre', niveau: 1, texte: 'Indicateurs', nouvellePage: true },
    {
      type: 'paragraphe',
      texte:
        'Chaque indicateur est donné pour le territoire du contrat — valeur publiée à ce niveau, ou calculée à partir des communes selon la méthode de l’indicateur, sans jamais inventer de valeur — puis comparé aux départements, régions et à la France. Les classes d’intervalle sont reproduites telles que publiées.',
    },
  ];
  for (const famille of FAMILLES_INDICATEUR) {
    const cartes = d.indicateurs.filter((c) => c.indicateur.famille === famille);
    if (!cartes.length) continue;
    blocs.push({ type: 'titre', niveau: 2, texte: famille });
    for (const carte of cartes) blocs.push(...blocsIndicateur(carte, nom));
  }
  blocs.push({ type: 'titre', niveau: 1, texte: 'Paroles d’habitants et d’acteurs', nouvellePage: true });
  if (!d.rencontres.length && !d.verbatims.length)
    blocs.push({
      type: 'paragraphe',
      texte: 'Aucun entretien, aucune réunion publique ni aucun verbatim n’est encore enregistré.',
      italique: true,
    });
  if (d.rencontres.length)
    blocs.push({
      type: 'tableau',
      entetes: ['Date', 'Type', 'Titre', 'Participants', 'Synthèse'],
      lignes: d.rencontres.map((r: any) => [
        formaterDate(r.dateRencontre),
        TYPES_RENCONTRE[r.type as keyof typeof TYPES_RENCONTRE] ?? r.type,
        r.titre,
        r.participants ?? '',
        r.synthese ?? '',
      ]),
    });
  for (const v of d.verbatims as any[])
    blocs.push({ type: 'citation', texte: v.texte, auteur: [v.locuteur, v.source].filter(Boolean).join(', ') });

  blocs.push({ type: 'titre', niveau: 1, texte: 'Des constats aux priorités' });
  if (!d.constats.length) blocs.push({ type: 'paragraphe', texte: 'Aucun constat n’est encore formulé.', italique: true });
  const libelleIndicateur = new Map(d.indicateurs.map((c) => [c.indicateur.code, c.indicateur.libelle]));
  for (const c of d.constats as any[]) {
    blocs.push({ type: 'titre', niveau: 2, texte: `Constat : ${c.intitule}` });
    if (c.description) blocs.push({ type: 'paragraphe', texte: c.description });
    if (c.indicateurs.length)
      blocs.push({ type: 'liste', elements: c.indicateurs.map((code: string) => `Indicateur : ${libelleIndicateur.get(code) ?? code}`) });
    const besoins = (d.besoins as any[]).filter((b) => c.besoins.includes(b.id));
    for (const b of besoins) {
      const priorites = (d.priorites as any[]).filter((p) => b.priorites.includes(p.id));
      blocs.push({
        type: 'liste',
        elements: [
          `Besoin : ${b.intitule}`,
          ...priorites.map(
            (p) =>
              `Priorité : ${p.intitule}${
                p.axes.length
                  ? ` → ${d.axes
                      .filter((a) => p.axes.includes(a.id))
                      .map((a) => `axe ${a.numero}. ${a.intitule}`)
                      .join(', ')}`
                  : ''
              }`,
          ),
        ],
      });
    }
  }
  return { titre: `Diagnostic — ${d.contrat.intitule}`, blocs };
}

export async function genererRapportDiagnostic(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string, format: 'docx' | 'pdf') {
  const diagnostic = await diagnosticContrat(ctx, utilisateur, contratId);
  return rendreDocument(construireRapport(diagnostic), format, 'diagnostic', diagnostic.contrat.intitule);
}
