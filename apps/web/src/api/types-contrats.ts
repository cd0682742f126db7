/**
 * The contract and fiche shapes are inferred from their schemas in `@maillage/domain/api`. What remains here belongs
 * to the territoires routes (POST /api/territoires/perimetre).
 */
export interface Perimetre {
  communes: { code: string; nom: string; departement: string; region: string; population: number }[];
  departements: string[];
  regions: string[];
  population: number;
  inconnus: { type: 'commune' | 'epci'; code: string }[];
}
