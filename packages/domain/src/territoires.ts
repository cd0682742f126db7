import { z } from 'zod';

export const TYPES_TERRITOIRE = ['commune', 'epci', 'departement', 'region'] as const;
export type TypeTerritoire = (typeof TYPES_TERRITOIRE)[number];
export const typeTerritoireSchema = z.enum(TYPES_TERRITOIRE);

export const LIBELLES_TYPE_TERRITOIRE: Record<TypeTerritoire, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  departement: 'Département',
  region: 'Région',
};

/**
 * An INSEE commune code (code officiel géographique), as the référentiel writes it: a metropolitan département on two
 * characters (01–19, 2A and 2B for Corsica — "20" has not been one since 1976 —, 21–95) then the commune's number on
 * three; or an overseas one on three (971–978, 984–989) then two. No commune is numbered 000 (or 00 overseas).
 * A name ("Langon") is not a code: two communes bear it (35145 in Ille-et-Vilaine, 33227 in Gironde).
 */
export const MOTIF_CODE_COMMUNE_INSEE =
  /^(?!\d\d000$|2[AB]000$|9[78]\d00$)(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|97[1-8]\d{2}|98[4-9]\d{2})$/;

export const MESSAGE_CODE_COMMUNE_INSEE = 'Code INSEE de commune attendu : 5 caractères, 2A ou 2B pour la Corse (ex. 35145 pour Langon)';

/** Whether this is the shape of an INSEE commune code (whether the commune exists is the référentiel's to say). */
export const estCodeCommuneInsee = (code: string): boolean => MOTIF_CODE_COMMUNE_INSEE.test(code);

/** The commune code every route and import takes: trimmed, Corsica's letter upper-cased, then checked. */
export const codeCommuneInseeSchema = z
  .string({ error: MESSAGE_CODE_COMMUNE_INSEE })
  .trim()
  .toUpperCase()
  .regex(MOTIF_CODE_COMMUNE_INSEE, MESSAGE_CODE_COMMUNE_INSEE);

/** A perimeter as users define it: whole EPCIs and/or single communes. */
export const perimetreSchema = z.object({
  epci: z.array(z.string().regex(/^\d{9}$/, 'Code SIREN d’EPCI attendu (9 chiffres)')).default([]),
  communes: z.array(codeCommuneInseeSchema).default([]),
});
export type Perimetre = z.infer<typeof perimetreSchema>;

export interface CommuneReferentiel {
  code: string;
  nom: string;
  departement: string;
  region: string;
  population: number;
}

/** The slice of the référentiel a perimeter needs; the caller loads it, the rule stays pure. */
export interface ReferentielPerimetre {
  communes: ReadonlyMap<string, CommuneReferentiel>;
  membresEpci: ReadonlyMap<string, readonly string[]>;
}

export interface PerimetreResolu {
  communes: CommuneReferentiel[];
  departements: string[];
  regions: string[];
  population: number;
  /** Codes given that the référentiel does not know (a merged commune, a typo). */
  inconnus: { type: 'commune' | 'epci'; code: string }[];
}

/**
 * Resolves a perimeter into its distinct communes, départements, régions and population.
 * A commune listed twice (alone and through its EPCI) counts once.
 */
export function resoudrePerimetre(perimetre: Perimetre, referentiel: ReferentielPerimetre): PerimetreResolu {
  const codes = new Set<string>();
  const inconnus: PerimetreResolu['inconnus'] = [];
  for (const epci of perimetre.epci) {
    const membres = referentiel.membresEpci.get(epci);
    if (!membres) inconnus.push({ type: 'epci', code: epci });
    else membres.forEach((code) => codes.add(code));
  }
  for (const code of perimetre.communes) codes.add(code);

  const communes: CommuneReferentiel[] = [];
  for (const code of codes) {
    const commune = referentiel.communes.get(code);
    if (commune) communes.push(commune);
    else inconnus.push({ type: 'commune', code });
  }
  communes.sort((a, b) => a.code.localeCompare(b.code));
  return {
    communes,
    departements: [...new Set(communes.map((c) => c.departement))].sort(),
    regions: [...new Set(communes.map((c) => c.region))].sort(),
    population: communes.reduce((total, c) => total + c.population, 0),
    inconnus,
  };
}
