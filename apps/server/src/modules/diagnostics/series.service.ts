import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { calculerIndicateur, lireTerritoires, perimetreDeCalcul, type PerimetreDeCalcul } from './agregation.service';
import { seriesDuPerimetre } from './series.repository';

/**
 * Every indicator (or those asked for) on a perimeter, each with its whole series, no comparators: what a chart of
 * the perimeter's trends needs. One statement reads the catalogue, the sums by indicator and period and the published
 * values (series.repository.ts); the domain's rules (`calculerIndicateur`, `agregerSommes`) then run in memory.
 */
export async function seriesPerimetre(ctx: Contexte, utilisateur: Utilisateur | null, territoires: string, codes?: string) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  const demandes = lireTerritoires(territoires);
  if (!demandes.length) throw invalide('Indiquez au moins un territoire.', [{ champ: 'territoires', message: 'Au moins un territoire' }]);
  const demandesIndicateurs = codes
    ? codes
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : null;
  // A single département or region is read as published: its communes are not summed.
  const unSeul = demandes.length === 1 ? demandes[0] : null;
  const avecCommunes = !(unSeul && (unSeul.type === 'departement' || unSeul.type === 'region'));
  const lignes = await seriesDuPerimetre(
    ctx.db,
    demandesIndicateurs,
    {
      epci: avecCommunes ? demandes.filter((t) => t.type === 'epci').map((t) => t.code) : [],
      communes: avecCommunes ? demandes.filter((t) => t.type === 'commune').map((t) => t.code) : [],
    },
    demandes,
  );
  // The statement carries the perimeter's size; it is resolved separately only when no commune has a sum.
  const avecSommes = lignes.find((l) => l.sommes.length > 0);
  const perimetre: PerimetreDeCalcul = avecSommes
    ? {
        territoires: demandes,
        communes: avecSommes.communesPerimetre,
        population: avecSommes.populationPerimetre,
        departements: [],
        regions: [],
        noms: new Map(),
      }
    : await perimetreDeCalcul(ctx, demandes, false);
  const indicateurs = lignes
    .map((i) => {
      const { periode, serie } = calculerIndicateur(i, perimetre, i, undefined, false);
      return {
        indicateur: {
          code: i.code,
          libelle: i.libelle,
          famille: i.famille,
          unite: i.unite,
          methodeAgregation: i.methodeAgregation,
          polarite: i.polarite,
        },
        periode,
        serie,
      };
    })
    .filter((i) => i.serie.length > 0);
  return { perimetre: { territoires: demandes, communes: perimetre.communes, population: perimetre.population }, indicateurs };
}
