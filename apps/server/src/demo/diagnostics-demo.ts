import { estCodeCommuneInsee, normaliser, verbatimSchema, type IndicateurSaisie } from '@maillage/domain';
import fs from 'node:fs';
import path from 'node:path';
import { RACINE } from '../config';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import { creerIndicateur } from '../modules/diagnostics/indicateurs.repository';
import { importerSansUtilisateur } from '../modules/diagnostics/import.service';

const FIXTURES = path.resolve(RACINE, '../shared/fixtures');

const AM = 'Assurance maladie';
const ORS_MORTALITE = 'Insee, Inserm CépiDc, exploitation ORS Bretagne, Atlas des mortalités à l’échelle des EPCI 2020';
const STANDARDISATION = 'Taux standardisés sur la population France RP 2006';

/**
 * The indicators of the fixtures, described as the sources describe them (domain.md §5). Counts (numbers of
 * professionals, people, communes) are declared so: their values are whole numbers (issue 13).
 */
export const INDICATEURS_DEMO: (Omit<IndicateurSaisie, 'denombrement'> & { denombrement?: boolean })[] = [
  {
    code: 'mortalite_generale_std',
    libelle: 'Taux standardisé de mortalité générale',
    famille: 'État de santé',
    unite: 'pour 100 000 habitants',
    facteur: 100000,
    polarite: 'defavorable',
    methodeAgregation: 'non_agregeable',
    standardisation: STANDARDISATION,
    source: ORS_MORTALITE,
    millesime: '2011-2015',
  },
  {
    code: 'mortalite_prematuree_std',
    libelle: 'Taux standardisé de mortalité prématurée (avant 65 ans)',
    famille: 'État de santé',
    unite: 'pour 100 000 habitants',
    facteur: 100000,
    polarite: 'defavorable',
    methodeAgregation: 'non_agregeable',
    standardisation: STANDARDISATION,
    source: ORS_MORTALITE,
    millesime: '2011-2015',
  },
  {
    code: 'mortalite_prematuree_evitable_std',
    libelle: 'Taux standardisé de mortalité prématurée évitable',
    famille: 'État de santé',
    unite: 'pour 100 000 habitants',
    facteur: 100000,
    polarite: 'defavorable',
    methodeAgregation: 'non_agregeable',
    standardisation: STANDARDISATION,
    source: ORS_MORTALITE,
    millesime: '2011-2015',
  },
  {
    code: 'densite_mg_liberaux',
    libelle: 'Densité de médecins généralistes libéraux',
    famille: 'Offre de soins',
    unite: 'pour 10 000 habitants',
    facteur: 10000,
    numerateur: 'Médecins généralistes libéraux',
    denominateur: 'Population',
    polarite: 'favorable',
    methodeAgregation: 'ratio',
    source: 'Insee, FNPS, CartoSanté ARS Bretagne',
  },
  {
    code: 'part_mg_60_ans_plus',
    libelle: 'Part des médecins généralistes âgés de 60 ans et plus',
    famille: 'Offre de soins',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'Insee, FNPS, CartoSanté',
  },
  {
    code: 'part_mg_moins_40_ans',
    libelle: 'Part des médecins généralistes âgés de moins de 40 ans',
    famille: 'Offre de soins',
    unite: '%',
    facteur: 100,
    polarite: 'favorable',
    methodeAgregation: 'ratio',
    source: 'Insee, FNPS, CartoSanté',
  },
  {
    code: 'effectif_mg',
    denombrement: true,
    libelle: 'Nombre de médecins généralistes (omnipraticiens)',
    famille: 'Offre de soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'favorable',
    methodeAgregation: 'somme',
    source: 'Insee, FNPS, CartoSanté ; Rezone CPTS par commune',
    regleSecret:
      'Rezone CPTS (par commune) : « - » lu comme zéro, le diagnostic disant « Au 31 décembre 2020, 17 communes n’avaient aucun médecin généraliste sur leur territoire ».',
  },
  {
    code: 'effectif_infirmiers',
    denombrement: true,
    libelle: 'Nombre d’infirmiers',
    famille: 'Offre de soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'favorable',
    methodeAgregation: 'somme',
    source: 'Rezone CPTS',
    regleSecret:
      'Rezone CPTS : « - » = « La commune est neutralisée pour la profession au vu du nombre de professionnels ayant eu une activité sur la période » (taux de prof. neutralisés sur le territoire : 55 %) : masqué, jamais zéro.',
  },
  {
    code: 'effectif_masseurs_kinesitherapeutes',
    denombrement: true,
    libelle: 'Nombre de masseurs-kinésithérapeutes',
    famille: 'Offre de soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'favorable',
    methodeAgregation: 'somme',
    source: 'Rezone CPTS',
    regleSecret:
      'Rezone CPTS : « - » = « La commune est neutralisée pour la profession au vu du nombre de professionnels ayant eu une activité sur la période » (taux de prof. neutralisés sur le territoire : 64.1 %) : masqué, jamais zéro.',
  },
  {
    code: 'effectif_orthophonistes',
    denombrement: true,
    libelle: 'Nombre d’orthophonistes',
    famille: 'Offre de soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'favorable',
    methodeAgregation: 'somme',
    source: 'Rezone CPTS',
    regleSecret:
      'Rezone CPTS : « - » = « La commune est neutralisée pour la profession au vu du nombre de professionnels ayant eu une activité sur la période » (taux de prof. neutralisés sur le territoire : 42.9 %) : masqué, jamais zéro.',
  },
  {
    code: 'communes_sans_mg',
    denombrement: true,
    libelle: 'Nombre de communes sans médecin généraliste',
    famille: 'Offre de soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'defavorable',
    methodeAgregation: 'somme',
    source: 'Rezone CPTS, SNDS',
  },
  {
    code: 'part_sans_medecin_traitant',
    libelle: 'Part des assurés sans médecin traitant déclaré',
    famille: 'Accès et recours aux soins',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: AM,
  },
  {
    code: 'consultations_mg_par_habitant',
    libelle: 'Consultations et visites de médecine générale par habitant et par an',
    famille: 'Accès et recours aux soins',
    unite: 'par habitant',
    facteur: 1,
    polarite: 'neutre',
    methodeAgregation: 'moyenne_ponderee',
    source: 'Diagnostic local de santé Redon Agglomération (Acsantis, 2021)',
  },
  {
    code: 'taux_pauvrete',
    libelle: 'Taux de pauvreté monétaire (seuil à 60 % du niveau de vie médian)',
    famille: 'Conditions socio-économiques',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'Insee',
  },
  {
    code: 'taux_chomage',
    libelle: 'Taux de chômage',
    famille: 'Conditions socio-économiques',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'Insee',
  },
  {
    code: 'part_sans_diplome_15_plus',
    libelle: 'Part des 15 ans et plus sans diplôme au-delà du CEP',
    famille: 'Conditions socio-économiques',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'Insee 2018',
  },
  {
    code: 'effectif_sans_diplome_15_plus',
    denombrement: true,
    libelle: 'Nombre de personnes de 15 ans et plus sans diplôme au-delà du CEP',
    famille: 'Conditions socio-économiques',
    unite: 'effectif',
    facteur: 1,
    polarite: 'defavorable',
    methodeAgregation: 'somme',
    source: 'Insee 2018',
  },
  {
    code: 'part_css',
    libelle: 'Part de la population couverte par la complémentaire santé solidaire',
    famille: 'Accès et recours aux soins',
    unite: '%',
    facteur: 100,
    polarite: 'neutre',
    methodeAgregation: 'ratio',
    source: AM,
    regleSecret: null,
    standardisation: null,
    numerateur: 'Bénéficiaires de la CSS',
    denominateur: 'Population',
  },
  {
    code: 'part_ald',
    libelle: 'Part de la population exonérée au titre d’une affection de longue durée',
    famille: 'État de santé',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: AM,
  },
  {
    code: 'part_65_ans_plus',
    libelle: 'Part des 65 ans et plus',
    famille: 'Démographie',
    unite: '%',
    facteur: 100,
    polarite: 'neutre',
    methodeAgregation: 'ratio',
    source: 'Insee',
  },
  {
    code: 'part_80_ans_plus_seuls',
    libelle: 'Part des 80 ans et plus vivant seuls',
    famille: 'Démographie',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'Insee',
  },
  {
    code: 'densite_mg',
    libelle: 'Densité de médecins généralistes',
    famille: 'Offre de soins',
    unite: 'pour 100 000 habitants',
    facteur: 100000,
    polarite: 'favorable',
    methodeAgregation: 'ratio',
    source: 'Insee, RPPS',
  },
  {
    code: 'densite_specialistes',
    libelle: 'Densité de médecins spécialistes',
    famille: 'Offre de soins',
    unite: 'pour 100 000 habitants',
    facteur: 100000,
    polarite: 'favorable',
    methodeAgregation: 'ratio',
    source: 'Insee, RPPS',
  },
  {
    code: 'indice_vieillissement',
    libelle: 'Indice de vieillissement (65 ans et plus pour 100 moins de 20 ans)',
    famille: 'Démographie',
    unite: 'indice',
    facteur: 100,
    polarite: 'neutre',
    methodeAgregation: 'ratio',
    source: 'STATISS',
  },
  {
    code: 'sans_medecin_traitant',
    denombrement: true,
    libelle: 'Personnes sans médecin traitant',
    famille: 'Accès et recours aux soins',
    unite: 'effectif',
    facteur: 1,
    polarite: 'defavorable',
    methodeAgregation: 'somme',
    source: 'CARSAT, observatoire des fragilités',
  },
  {
    code: 'part_mg_55_ans_plus',
    libelle: 'Part des médecins généralistes de plus de 55 ans',
    famille: 'Offre de soins',
    unite: '%',
    facteur: 100,
    polarite: 'defavorable',
    methodeAgregation: 'ratio',
    source: 'ARS Centre-Val de Loire',
  },
  {
    code: 'population',
    denombrement: true,
    libelle: 'Population',
    famille: 'Démographie',
    unite: 'habitants',
    facteur: 1,
    polarite: 'neutre',
    methodeAgregation: 'somme',
    source: 'Insee',
  },
  {
    code: 'densite_population',
    libelle: 'Densité de population',
    famille: 'Démographie',
    unite: 'habitants par km²',
    facteur: 1,
    polarite: 'neutre',
    methodeAgregation: 'non_agregeable',
    source: 'Insee',
  },
];

/**
 * Rezone CPTS's table per commune (seed 002, annexe 8) as published: « - » is "La commune est neutralisée pour la
 * profession", so masked, never zero; only for GPs the text says the communes have none ("17 communes n'avaient aucun
 * médecin généraliste"). A sum over communes with a masked one is then "au moins" with its coverage.
 */
export const OPTIONS_PROFESSIONNELS = {
  tiret: 'secret',
  source: 'Rezone CPTS (31/12/2020)',
  large: {
    territoireType: 'commune',
    periode: '2020',
    indicateurs: {
      medecins_generalistes: 'effectif_mg',
      infirmiers: 'effectif_infirmiers',
      masseurs_kinesitherapeutes: 'effectif_masseurs_kinesitherapeutes',
      orthophonistes: 'effectif_orthophonistes',
    },
    tirets: { medecins_generalistes: 'zero' },
  },
} as const;

/**
 * The totals of the same annexe's table by category, kept as the source's totals for the EPCI (seed 002, annexe 8,
 * "Catégories professionnels de santé — Nombre sur le territoire — Total": Médecins généralistes 41, Infirmier 66,
 * Masseur kinésithérapeute 42, Orthophonistes 14; "Source : cartosanté, d'après le site ARS Bretagne, et l'outil
 * Rezone CPTS, données SNDS 2021"). Stored at 2020, the date of the table per commune beside it: 41 GPs then stands
 * beside the 40 published by CartoSanté for 31/12/2020, both shown with their source.
 */
const SOURCE_CATEGORIES = 'cartosanté, d’après le site ARS Bretagne, et l’outil Rezone CPTS, données SNDS 2021 (annexe 8)';
const CATEGORIES_REDON = [
  'indicateur;territoire_type;territoire_code;periode;valeur;source',
  ...[
    ['effectif_mg', 41],
    ['effectif_infirmiers', 66],
    ['effectif_masseurs_kinesitherapeutes', 42],
    ['effectif_orthophonistes', 14],
  ].map(([code, total]) => `${code};epci;243500741;2020;${total};${SOURCE_CATEGORIES}`),
].join('\n');

/**
 * A commune the fixtures name (« Langon ») as its INSEE code, looked up in the référentiel among the communes of the
 * contract: two communes are called Langon (35145 in Ille-et-Vilaine, near Redon, and 33227 in Gironde).
 */
async function codeCommuneDuPerimetre(tx: Queryable, contratId: string, commune: string | undefined): Promise<string | null> {
  if (!commune?.trim()) return null;
  if (estCodeCommuneInsee(commune.trim())) return commune.trim();
  const { rows } = await tx.query(
    `select t.code from contrat_communes cc join territoires t on t.type = 'commune' and t.code = cc.commune_code where cc.contrat_id = $1 and t.nom_normalise = $2`,
    [contratId, normaliser(commune)],
  );
  if (rows.length !== 1)
    throw new Error(
      `Verbatim de démonstration : la commune « ${commune} » n’est pas (ou pas une seule fois) dans le périmètre du contrat.`,
    );
  return rows[0].code;
}

const lire = (fichier: string) => ({ nom: fichier, contenu: fs.readFileSync(path.join(FIXTURES, fichier)) });

/**
 * The indicator catalogue and the diagnostic facts of the fixtures, imported through the same path as a user's
 * files: Redon's 2021 diagnostic, professionals per commune (OPTIONS_PROFESSIONNELS) and the annexe's totals by
 * category, Centre-Val de Loire's regional indicators; Redon's verbatims and two constats on Redon CLS 2.
 */
export async function creerDiagnosticsDemo(tx: Queryable): Promise<void> {
  for (const indicateur of INDICATEURS_DEMO) {
    await creerIndicateur(tx, { ...indicateur, denombrement: indicateur.denombrement ?? false });
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'indicateur',
      entiteId: indicateur.code,
      action: 'creation',
      apres: indicateur as never,
      contexte: { demo: true },
    });
  }
  await importerSansUtilisateur(tx, lire('redon-indicateurs-2021.csv'), { tiret: 'secret' });
  await importerSansUtilisateur(tx, lire('centre-val-de-loire-indicateurs.csv'), { tiret: 'secret' });
  await importerSansUtilisateur(tx, lire('redon-professionnels-2020.csv'), OPTIONS_PROFESSIONNELS);
  await importerSansUtilisateur(tx, { nom: 'redon-categories-2020.csv', contenu: Buffer.from(CATEGORIES_REDON) }, { tiret: 'secret' });

  const { rows } = await tx.query(
    `select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)'`,
  );
  const cls2 = rows[0]?.id;
  if (!cls2) return;
  const [entete, ...lignes] = fs
    .readFileSync(path.join(FIXTURES, 'redon-verbatims-2021.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const colonnes = entete.split(';');
  const verbatims: string[] = [];
  for (const ligne of lignes) {
    const v = Object.fromEntries(ligne.split(';').map((x, i) => [colonnes[i], x]));
    // The same rule as a user's verbatim: the commune is an INSEE code (the fixture names it, « Langon »).
    const saisie = verbatimSchema.parse({
      texte: v.texte,
      locuteur: v.locuteur,
      communeCode: await codeCommuneDuPerimetre(tx, cls2, v.commune),
      source: v.source,
    });
    const { rows: r } = await tx.query(
      `insert into verbatims (contrat_id, texte, locuteur, commune_code, source, date_recueil) values ($1, $2, $3, $4, $5, '2021-01-01') returning id`,
      [cls2, saisie.texte, saisie.locuteur, saisie.communeCode ?? null, saisie.source],
    );
    verbatims.push(r[0].id);
  }
  const constat = async (intitule: string, description: string, indicateurs: string[], lies: string[]) => {
    const { rows: r } = await tx.query(
      `insert into constats (contrat_id, intitule, description, ordre) values ($1, $2, $3, (select count(*) from constats where contrat_id = $1)) returning id`,
      [cls2, intitule, description],
    );
    await tx.query('insert into constat_indicateurs (constat_id, indicateur_code) select $1, unnest($2::text[])', [r[0].id, indicateurs]);
    await tx.query('insert into constat_verbatims (constat_id, verbatim_id) select $1, unnest($2::uuid[])', [r[0].id, lies]);
  };
  await constat(
    'Une offre de médecine générale fragile',
    'Densité de médecins généralistes libéraux de 6,6 pour 10 000 habitants contre 8,8 en France (2019) ; 17 communes sans médecin généraliste au 31/12/2020 ; 35 % des généralistes ont 60 ans ou plus.',
    ['densite_mg_liberaux', 'communes_sans_mg', 'part_mg_60_ans_plus', 'part_sans_medecin_traitant'],
    verbatims.slice(0, 1),
  );
  await constat(
    'Une mortalité supérieure à la moyenne nationale',
    'Mortalité générale, prématurée et prématurée évitable standardisées au-dessus des valeurs de la France métropolitaine (2011-2015).',
    ['mortalite_generale_std', 'mortalite_prematuree_std', 'mortalite_prematuree_evitable_std'],
    [],
  );
}
