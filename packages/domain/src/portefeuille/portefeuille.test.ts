import { describe, expect, it } from 'vitest';
import { doctrineSchema, DOCTRINE_VIDE } from '../contrats/doctrine';
import {
  COLONNES_CONTRAT_OUVERT,
  contratOuvertSchema,
  decouperExtrait,
  DEBUT_SURLIGNAGE as D,
  ecartCible,
  FIN_SURLIGNAGE as F,
  pourcentageCouverture,
  progressionCouverture,
  requetePrefixe,
} from './index';

describe('couverture de la population', () => {
  it('rapporte la population couverte à la population totale, en pourcentage', () => {
    expect(pourcentageCouverture(50, 200)).toBe(25);
    expect(pourcentageCouverture(0, 3_400_000)).toBe(0);
    expect(pourcentageCouverture(0, 0)).toBeNull();
  });

  it('situe la couverture par rapport à la cible régionale, sans cible quand la doctrine n’en fixe pas', () => {
    expect(ecartCible(15, 90)).toEqual({ atteinte: false, manque: 75 });
    expect(ecartCible(92, 90)).toEqual({ atteinte: true, manque: 0 });
    expect(ecartCible(15, null)).toBeNull();
    expect(ecartCible(15, undefined)).toBeNull();
    expect(ecartCible(null, 90)).toBeNull();
  });

  // Seed 002, l.368: « Au 1er janvier 2019, seulement 15 % de la population bretonne était couverte par un CLS […]
  // L'ARS Bretagne, dans le CPOM 2019 – 2023 […], fixe désormais un objectif de 90 % […] à l'horizon 2023. »
  const BRETAGNE = {
    cibleCouverturePourcent: 90,
    cibleCouvertureEcheance: '2023',
    cibleCouvertureSource: 'CPOM 2019-2023 de l’ARS Bretagne',
    couvertureReferencePourcent: 15,
    couvertureReferenceDate: '2019-01-01',
    couvertureReferenceSource: 'ARS Bretagne, 2019',
  };

  it('mesure le chemin parcouru vers la cible depuis la couverture de référence, avec échéance et sources', () => {
    expect(progressionCouverture(52.5, BRETAGNE, '2026-03-01')).toEqual({
      cible: 90,
      echeance: '2023',
      source: 'CPOM 2019-2023 de l’ARS Bretagne',
      reference: { pourcent: 15, date: '2019-01-01', source: 'ARS Bretagne, 2019' },
      actuel: { pourcent: 52.5, date: '2026-03-01' },
      atteinte: false,
      manque: 37.5,
      progression: 50, // (52,5 − 15) / (90 − 15)
      sousReference: false,
    });
    expect(progressionCouverture(95, BRETAGNE, '2026-03-01')).toMatchObject({ atteinte: true, manque: 0, progression: 100 });
  });

  it('dit une couverture sous la référence sans part négative, et rien sans cible', () => {
    expect(progressionCouverture(0, BRETAGNE, '2026-03-01')).toMatchObject({ progression: 0, sousReference: true, manque: 90 });
    expect(progressionCouverture(40, { cibleCouverturePourcent: 90 }, '2026-03-01')).toMatchObject({
      reference: null,
      progression: null,
      echeance: null,
      source: null,
    });
    expect(progressionCouverture(40, DOCTRINE_VIDE, '2026-03-01')).toBeNull();
    expect(progressionCouverture(40, null, '2026-03-01')).toBeNull();
    expect(doctrineSchema.safeParse({ ...DOCTRINE_VIDE, ...BRETAGNE }).success).toBe(true);
    expect(doctrineSchema.safeParse({ ...DOCTRINE_VIDE, cibleCouvertureEcheance: 'fin 2023' }).error?.issues[0].message).toBe(
      'Année attendue (ex. 2023)',
    );
  });

  it('la cible de la doctrine est facultative et comprise entre 0 et 100', () => {
    expect(doctrineSchema.safeParse(DOCTRINE_VIDE).success).toBe(true);
    expect(doctrineSchema.safeParse({ ...DOCTRINE_VIDE, cibleCouverturePourcent: 90 }).success).toBe(true);
    expect(doctrineSchema.safeParse({ ...DOCTRINE_VIDE, cibleCouverturePourcent: null }).success).toBe(true);
    const trop = doctrineSchema.safeParse({ ...DOCTRINE_VIDE, cibleCouverturePourcent: 120 });
    expect(trop.success).toBe(false);
    expect(trop.error?.issues[0].message).toBe('La cible est un pourcentage, de 0 à 100');
  });
});

describe('bibliothèque d’actions', () => {
  it('découpe un extrait surligné en segments de texte, sans jamais produire de HTML', () => {
    expect(decouperExtrait(`Promouvoir la ${D}vaccination${F} des enfants`)).toEqual([
      { texte: 'Promouvoir la ', surligne: false },
      { texte: 'vaccination', surligne: true },
      { texte: ' des enfants', surligne: false },
    ]);
    expect(decouperExtrait('<script>alert(1)</script>')).toEqual([{ texte: '<script>alert(1)</script>', surligne: false }]);
    expect(decouperExtrait('')).toEqual([]);
  });

  it('surligne d’un seul tenant deux mots trouvés côte à côte', () => {
    expect(decouperExtrait(`${D}santé${F}${D} mentale${F}.`)).toEqual([
      { texte: 'santé mentale', surligne: true },
      { texte: '.', surligne: false },
    ]);
    expect(decouperExtrait(`les ${D}conduites${F} ${D}addictives${F} des ${D}jeunes${F}`)).toEqual([
      { texte: 'les ', surligne: false },
      { texte: 'conduites addictives', surligne: true },
      { texte: ' des ', surligne: false },
      { texte: 'jeunes', surligne: true },
    ]);
  });

  it('construit une requête par préfixes avec les seuls lettres et chiffres saisis', () => {
    expect(requetePrefixe('vacc')).toBe('vacc:*');
    expect(requetePrefixe('Santé  mentale')).toBe('santé:* & mentale:*');
    expect(requetePrefixe("vaccin' | !:* & (")).toBe('vaccin:*');
    expect(requetePrefixe('a ! ?')).toBeNull();
    // Exclusion, as websearch_to_tsquery reads it: a leading minus only, never a hyphen inside a word.
    expect(requetePrefixe('cancers -côlon')).toBe('cancers:* & !côlon');
    expect(requetePrefixe('Belle-Île -"sein"')).toBe('belle:* & île:* & !sein');
    expect(requetePrefixe('')).toBeNull();
  });
});

describe('données ouvertes', () => {
  it('ont des colonnes CSV dans l’ordre du schéma, chacune décrite', () => {
    expect(COLONNES_CONTRAT_OUVERT.slice(0, 3)).toEqual(['id', 'intitule', 'statut']);
    expect(COLONNES_CONTRAT_OUVERT).toContain('avancement');
    for (const champ of COLONNES_CONTRAT_OUVERT) expect(contratOuvertSchema.shape[champ].description, champ).toBeTruthy();
  });
});
