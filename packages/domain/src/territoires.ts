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

/** A perimeter as users define it: whole EPCIs and/or single communes. */
export const perimetreSchema = z.object({
  epci: z.array(z.string().regex(/^\d{9}$/, 'Code SIREN d’EPCI attendu (9 chiffres)')).default([]),
  communes: z.array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune attendu')).default([]),
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
