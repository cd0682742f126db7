import type { Contexte, Utilisateur } from '../../platform/contexte';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrat-partage.service';
import { calculerIndicateur, donneesDuPerimetre, parIndicateur, perimetreDeCalcul, type TerritoireDemande } from './agregation.service';
import { listerIndicateurs } from './indicateurs.repository';
import { financementsDuTerritoire } from './financements-territoire.service';
import { lireQualitatif } from './qualitatif.service';

/**
 * The contract's diagnostic: every indicator with a value on its perimeter, with comparators and series, and the
 * qualitative chain. The perimeter is resolved once; two queries serve every indicator and period (the sums over its
 * communes, made by PostgreSQL, and the published values with the comparators); the domain's rules
 * (`agregerSommes`) then run in memory, indicator by indicator. Everything independent is read in parallel.
 */
export async function diagnosticContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  const [, contrat] = await Promise.all([
    exigerSurContrat(ctx.db, utilisateur, 'lire', contratId),
    contrats.obtenirContrat(ctx.db, contratId),
  ]);
  const territoires: TerritoireDemande[] = [
    ...contrat!.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat!.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ];
  const [perimetre, donnees, catalogue, qualitatif, axes, financementsTerritoire] = await Promise.all([
    perimetreDeCalcul(ctx, territoires),
    donneesDuPerimetre(ctx, null, territoires),
    listerIndicateurs(ctx.db, false),
    lireQualitatif(ctx.db, contratId),
    contrats.listerAxes(ctx.db, contratId),
    financementsDuTerritoire(ctx.db, contratId),
  ]);
  const parCode = parIndicateur(donnees);
  // Present: a value on one of its communes, or published for one of its territories (comparators do not count).
  const publies = new Set(territoires.map((t) => `${t.type}:${t.code}`));
  const present = (code: string) => {
    const d = parCode.get(code);
    return !!d && (d.sommes.length > 0 || d.publiees.some((l) => publies.has(`${l.territoireType}:${l.territoireCode}`)));
  };
  const indicateurs = catalogue.filter((i) => present(i.code)).map((i) => calculerIndicateur(i, perimetre, parCode.get(i.code)!));
  return {
    contrat: { id: contrat!.id, intitule: contrat!.intitule, population: contrat!.population, nombreCommunes: contrat!.nombreCommunes },
    territoires,
    indicateurs,
    ...qualitatif,
    axes: axes.map((a, i) => ({ id: a.id, numero: i + 1, intitule: a.intitule })),
    financementsTerritoire,
  };
}
