import {
  formaterNombre,
  LIBELLES_TYPE_TERRITOIRE_VALEUR,
  METHODES_AGREGATION,
  type MethodeAgregation,
  type Polarite,
  type SensDuTiret,
} from '@maillage/domain';

/** Polarity, in plain French: what a higher value means. */
export const POLARITES_EXPLIQUEES: Record<Polarite, { libelle: string; explication: string }> = {
  defavorable: {
    libelle: 'Plus c’est élevé, plus c’est défavorable',
    explication:
      'Une valeur plus haute signale une situation moins bonne (taux de mortalité, part d’assurés sans médecin traitant…). Un territoire au-dessus de son comparateur est signalé « moins favorable ».',
  },
  favorable: {
    libelle: 'Plus c’est élevé, plus c’est favorable',
    explication:
      'Une valeur plus haute signale une situation meilleure (densité de médecins, part des jeunes médecins…). Un territoire en dessous de son comparateur est signalé « moins favorable ».',
  },
  neutre: {
    libelle: 'Neutre : ni bon ni mauvais en soi',
    explication:
      'La valeur décrit le territoire sans jugement (part des 65 ans et plus, population…). Les écarts sont donnés sans être qualifiés, et l’indicateur ne compte pas dans l’indice de vulnérabilité.',
  },
};

export const POLARITES_COURTES: Record<Polarite, string> = {
  defavorable: 'Élevé = défavorable',
  favorable: 'Élevé = favorable',
  neutre: 'Neutre',
};
export const METHODES_COURTES: Record<MethodeAgregation, string> = {
  somme: 'Somme',
  ratio: 'Ratio des sommes',
  moyenne_ponderee: 'Moyenne pondérée',
  non_agregeable: 'Non agrégeable',
};

/** Aggregation method, in plain French: how commune values make the value of a perimeter. */
export const METHODES_EXPLIQUEES: Record<MethodeAgregation, { libelle: string; explication: string }> = {
  somme: {
    libelle: METHODES_AGREGATION.somme,
    explication:
      'Les valeurs des communes sont additionnées (nombre de médecins, de personnes…). Si une commune est sous secret statistique ou sans valeur, le total devient une borne inférieure : « au moins … ».',
  },
  ratio: {
    libelle: METHODES_AGREGATION.ratio,
    explication:
      'Pour un taux, une part ou une densité : on additionne les numérateurs et les dénominateurs des communes, puis on divise. Sans eux, on se replie sur la moyenne pondérée par la population.',
  },
  moyenne_ponderee: {
    libelle: METHODES_AGREGATION.moyenne_ponderee,
    explication:
      'La moyenne des valeurs des communes, chacune pesant selon sa population. Une commune sans valeur rend le calcul impossible : le résultat est alors déclaré indisponible, jamais inventé.',
  },
  non_agregeable: {
    libelle: 'Non agrégeable',
    explication:
      'Valable seulement au niveau où il est publié (par exemple un taux standardisé de mortalité par EPCI) : il n’est jamais recalculé sur un périmètre de communes.',
  },
};

/** What « - » meant in the file, in plain French. */
export const TIRETS: Record<SensDuTiret, { libelle: string; explication: string }> = {
  zero: {
    libelle: 'zéro',
    explication: 'Aucun professionnel, aucun cas : la commune compte pour 0 dans les totaux.',
  },
  secret: {
    libelle: 'secret statistique',
    explication:
      'La valeur existe mais la source la masque : les totaux deviennent des bornes inférieures (« au moins … ») et les moyennes sont déclarées indisponibles.',
  },
  manquant: {
    libelle: 'valeur manquante',
    explication: 'La valeur n’est pas publiée ou pas disponible : la commune compte comme sans valeur.',
  },
};

export const libelleTiret = (t: string | null | undefined) => (t && t in TIRETS ? TIRETS[t as SensDuTiret].libelle : null);

/** A number as French readers expect it, with at most two decimals: 6,6 ; 12 345 ; 0,25. */
export function formaterValeur(n: number): string {
  const arrondi = Math.round(n * 100) / 100;
  const decimales = Number.isInteger(arrondi) ? 0 : Number.isInteger(arrondi * 10) ? 1 : 2;
  return formaterNombre(arrondi, decimales);
}

/** "6,6 pour 10 000 habitants", "35 %", "40 médecins" — the unit only when it adds something. */
export function avecUnite(texte: string, unite: string): string {
  if (!unite || unite === 'effectif' || unite === 'indice') return texte;
  if (unite === '%') return /\d$/.test(texte) ? `${texte} %` : texte;
  return /\d[[\]]?$/.test(texte) ? `${texte} ${unite}` : texte;
}

/** The kinds of territory a value is published for, in words (one list with the server's, in the domain). */
export const TYPES_TERRITOIRE_VALEUR: Record<string, string> = LIBELLES_TYPE_TERRITOIRE_VALEUR;
