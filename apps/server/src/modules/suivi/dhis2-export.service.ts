/**
 * A contract's validated follow-up values as a DHIS2 dataValueSet (decision 0037), written through the saved mapping
 * of the contract's region: its catalogue indicators become dataElements, its perimeter an orgUnit, its periods DHIS2's.
 * What the mapping cannot write is not dropped silently: `nonExportees` says what and why.
 */
import { periodeVersDhis2, pluriel } from '@maillage/domain';
import type { DataValueSetDhis2 } from '@maillage/domain/api';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { correspondancePourExport } from '../diagnostics/dhis2-correspondances.service';
import { valeursValideesDuContrat } from './dhis2-export.queries';

/** DHIS2 wants one orgUnit per value: the perimeter must be one territory (a whole EPCI or a single commune). */
function territoireDuPerimetre(perimetre: { epci: string[]; communes: string[] }) {
  if (perimetre.epci.length === 1 && perimetre.communes.length === 0) return `epci:${perimetre.epci[0]}`;
  if (perimetre.epci.length === 0 && perimetre.communes.length === 1) return `commune:${perimetre.communes[0]}`;
  return null;
}

export async function exporterSuiviDhis2(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
  regionDemandee: string | undefined,
): Promise<DataValueSetDhis2> {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const regions = [...ref.regions].sort();
  if (regionDemandee && !regions.includes(regionDemandee))
    throw invalide(`region : le contrat n’est pas dans la région ${regionDemandee} (ses régions : ${regions.join(', ') || 'aucune'}).`, [
      { champ: 'region', message: 'Région hors du contrat' },
    ]);
  const lignes = await valeursValideesDuContrat(ctx.db, contratId);
  const resultat: DataValueSetDhis2 = { dataValues: [], nonExportees: [] };
  if (!regions.length) {
    resultat.nonExportees.push({
      indicateur: 'Contrat',
      periode: null,
      raison: 'Le contrat n’a pas de région : aucune correspondance DHIS2 ne s’applique.',
    });
    return resultat;
  }
  // A contract across two regions (Redon: Bretagne and Pays de la Loire) uses the first one that has a mapping.
  let region = regionDemandee ?? regions[0];
  let table = await correspondancePourExport(ctx.db, region);
  for (const autre of regionDemandee ? [] : regions.slice(1)) {
    if (table.elements.size || table.unites.size) break;
    region = autre;
    table = await correspondancePourExport(ctx.db, autre);
  }
  const contrat = (await lireContrat(ctx.db, contratId))!;
  const territoire = territoireDuPerimetre(contrat.perimetre);
  const orgUnit = territoire ? table.unites.get(territoire) : undefined;
  if (!orgUnit)
    resultat.nonExportees.push({
      indicateur: 'Périmètre du contrat',
      periode: null,
      raison: territoire
        ? `Le territoire ${territoire.replace(':', ' ')} n’a pas d’orgUnit dans la correspondance DHIS2 de la région ${region}.`
        : `Le périmètre (${contrat.perimetre.epci.length} EPCI, ${pluriel(contrat.perimetre.communes.length, 'commune', 'communes', 'f')}) n’est pas un territoire unique : DHIS2 attend une orgUnit par valeur.`,
    });
  const signales = new Set<string>();
  for (const l of lignes) {
    if (l.periode === null || l.valeur === null) continue;
    const element = l.catalogue ? table.elements.get(l.catalogue) : undefined;
    if (!element) {
      if (!signales.has(l.indicateurId))
        resultat.nonExportees.push({
          indicateur: l.libelle,
          periode: null,
          raison: l.catalogue
            ? `L’indicateur du catalogue « ${l.catalogue} » n’a pas de dataElement dans la correspondance DHIS2 de la région ${region}.`
            : 'Cet indicateur de suivi n’est relié à aucun indicateur du catalogue : reliez-le dans la fiche pour l’exporter.',
        });
      signales.add(l.indicateurId);
      continue;
    }
    const period = periodeVersDhis2(l.periode);
    if (!period) {
      resultat.nonExportees.push({
        indicateur: l.libelle,
        periode: l.periode,
        raison: `La période « ${l.periode} » n’a pas d’équivalent DHIS2.`,
      });
      continue;
    }
    if (!orgUnit) continue;
    resultat.dataValues.push({
      dataElement: element.dataElement,
      ...(element.categoryOptionCombo ? { categoryOptionCombo: element.categoryOptionCombo } : {}),
      orgUnit,
      period,
      value: String(Number(l.valeur)),
    });
  }
  return resultat;
}
