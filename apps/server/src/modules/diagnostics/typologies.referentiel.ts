/**
 * The published typologies of EPCIs, reference data like the référentiel géographique: loaded at every start on
 * every database, demo or not (the Vulnérabilité page offers them, and only an existing typology can receive the
 * class of each EPCI). Copied from the source as published; `test`: the fixture centre-val-de-loire-typologie-epci.csv
 * of ../shared/fixtures, which production does not ship, says the same.
 */

export const TYPOLOGIE_CVL = 'ors-centre-val-de-loire-2015';

const CLASSES_CVL = [
  {
    code: 'A',
    description:
      'urbain, forts contrastes sociaux, bonne offre de soins, sous-mortalité générale, morbidité liée aux comportements à risque',
    nombreEpciPublie: 18,
    habitantsPublies: 1350577,
    partPopulationPubliee: 52.8,
  },
  {
    code: 'B',
    description: 'périurbain, jeune, aisé, sous-mortalité, morbidité cancer du sein',
    nombreEpciPublie: 42,
    habitantsPublies: 495120,
    partPopulationPubliee: 19.4,
  },
  {
    code: 'C',
    description: 'rural, revenus faibles, population plus âgée',
    nombreEpciPublie: 38,
    habitantsPublies: 479118,
    partPopulationPubliee: 18.7,
  },
  {
    code: 'D',
    description: 'rural, vieillissant, défavorisé, surmortalité générale et prématurée',
    nombreEpciPublie: 29,
    habitantsPublies: 226536,
    partPopulationPubliee: 8.9,
  },
];

/**
 * The ORS Centre-Val de Loire's typology of the region's EPCIs in 4 classes (2015): classes and counts as published.
 * The source lists no EPCI by name, and its 127 EPCIs are those of 2015, before the 2017 mergers: which current EPCI
 * is in which class is entered by the ARS.
 */
export const TYPOLOGIES_PUBLIEES = [
  {
    typologie: {
      code: TYPOLOGIE_CVL,
      regionCode: '24',
      intitule: 'Typologie ORS des EPCI du Centre-Val de Loire (4 classes)',
      source:
        'ORS Centre-Val de Loire, inégalités sociales et territoriales de santé (2015) : typologie en 4 classes après consolidation, 79 indicateurs, population RP 2011',
      note: `${CLASSES_CVL.reduce((s, c) => s + c.nombreEpciPublie, 0)} EPCI de 2015 (avant les fusions de 2017) ; la source publie les classes et leurs effectifs, pas la liste des EPCI : la classe de chaque EPCI actuel se saisit.`,
    },
    classes: CLASSES_CVL,
  },
];
