import type { TypeOrganisation } from './organisations';

/**
 * Duplicates in the directory. An organisation about to be created is compared with the closest existing ones
 * (found by the server: same SIREN, SIRET or FINESS, or a close name). Some matches are the same organisation for
 * sure and block the creation; others (two establishments of one legal unit, two similar names) may be distinct
 * and only ask the user to confirm.
 */
export type MotifDoublon = 'siret' | 'finess' | 'siren' | 'nom_identique' | 'nom_proche';

export const LIBELLES_MOTIF_DOUBLON: Record<MotifDoublon, string> = {
  siret: 'même SIRET',
  finess: 'même FINESS',
  siren: 'même SIREN',
  nom_identique: 'même nom',
  nom_proche: 'nom proche',
};

/** Trigram similarity (pg_trgm) from which two names are shown as possibly the same organisation. */
export const SEUIL_NOM_PROCHE = 0.6;

interface Identifiants {
  nom: string;
  siren?: string | null;
  siret?: string | null;
  finess?: string | null;
}

/** Names compared as people read them: no accents, case, punctuation, or elided article. */
export function nomCompare(nom: string): string {
  return nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Why a candidate is a duplicate of the entry, and whether it blocks: a same SIRET or FINESS, a same SIREN where one
 * of the two has no SIRET (the legal unit itself), or the same name once normalised.
 */
export function motifsDoublon(
  saisie: Identifiants,
  candidat: Identifiants & { similarite: number },
): { motifs: MotifDoublon[]; bloquant: boolean } {
  const motifs: MotifDoublon[] = [];
  const sirenSaisie = saisie.siren ?? saisie.siret?.slice(0, 9) ?? null;
  const sirenCandidat = candidat.siren ?? candidat.siret?.slice(0, 9) ?? null;
  let bloquant = false;
  if (saisie.siret && saisie.siret === candidat.siret) {
    motifs.push('siret');
    bloquant = true;
  }
  if (saisie.finess && saisie.finess === candidat.finess) {
    motifs.push('finess');
    bloquant = true;
  }
  if (sirenSaisie && sirenSaisie === sirenCandidat) {
    motifs.push('siren');
    if (!saisie.siret || !candidat.siret) bloquant = true;
  }
  if (nomCompare(saisie.nom) === nomCompare(candidat.nom)) {
    motifs.push('nom_identique');
    bloquant = true;
  } else if (candidat.similarite >= SEUIL_NOM_PROCHE) motifs.push('nom_proche');
  return { motifs, bloquant };
}

/** The organisation a collectivité of the référentiel becomes, as the creation form pre-fills it. */
export interface CollectivitePreremplie {
  nom: string;
  type: Extract<TypeOrganisation, 'commune' | 'epci' | 'departement'>;
  siren: string | null;
  regionCode: string | null;
  departementCode: string | null;
  territoireCode: string;
}

/**
 * "de", "d’", "du", "de la", "des", "de l’"… before a name, from INSEE's type de liaison (TNCC): 0 de, 1 d’, 2 du (name
 * starts with « Le »), 3 de la, 4 des (« Les »), 5 de l’, 6 des (« Aux »), 7 de las, 8 de los. Commune names carry their
 * article (« Le Mans »), département names do not (« Mayenne »).
 */
export function avecCharniere(nom: string, typeLiaison: number | null): string {
  const sans = (article: RegExp) => nom.replace(article, '');
  switch (typeLiaison) {
    case 1:
      return `d’${nom}`;
    case 2:
      return `du ${sans(/^Le /)}`;
    case 3:
      return /^La /.test(nom) ? `de ${nom}` : `de la ${nom}`;
    case 4:
      return `des ${sans(/^Les /)}`;
    case 5:
      return /^L['’]/.test(nom) ? `de ${nom}` : `de l’${nom}`;
    case 6:
      return `des ${sans(/^Aux /)}`;
    case 7:
    case 8:
      return `de ${nom}`;
    default:
      return `de ${nom}`;
  }
}

const NATURES_EPCI: [RegExp, string][] = [
  [/^CC /, 'Communauté de communes '],
  [/^CA /, 'Communauté d’agglomération '],
  [/^CU /, 'Communauté urbaine '],
];

/** The organisation's name for a commune, an EPCI or a département of the référentiel. */
export function nomCollectivite(type: 'commune' | 'epci' | 'departement', nom: string, typeLiaison: number | null): string {
  if (type === 'commune') return `Commune ${avecCharniere(nom, typeLiaison)}`;
  if (type === 'departement') return `Conseil départemental ${avecCharniere(nom, typeLiaison)}`;
  for (const [abrege, complet] of NATURES_EPCI) {
    if (!abrege.test(nom)) continue;
    // « CA Redon Agglomération » already says what it is: the abbreviation goes, nothing is added.
    return /agglom[ée]ration|communaut[ée]|m[ée]tropole/i.test(nom) ? nom.replace(abrege, '') : nom.replace(abrege, complet);
  }
  return nom;
}
