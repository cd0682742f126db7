/**
 * A DHIS2 dataValueSet read through its region's saved mapping (decision 0037): each dataValue's identifiers become a
 * catalogue indicator and a territory before the usual checks (import-valeurs.ts) see the row. An identifier the
 * mapping does not know rejects its row, so the import writes nothing and its report lists every such identifier.
 */
import { estUidDhis2, lirePeriodeDhis2, MESSAGE_PERIODE_DHIS2 } from '@maillage/domain';
import type { NonCorrespondantDhis2, OptionsImport } from '@maillage/domain/api';
import type { Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import type { Tableau } from '../../platform/lecture-tableur';
import { enTexte } from './import-valeurs';
import { correspondancePourImport, regionDeLImport, type CorrespondanceImport } from './dhis2-correspondances.service';

type Cellule = string | number | null;

/** The cells after translation, in the columns import-valeurs.ts reads in `dhis2` mode. */
export const ENTETES_DHIS2_TRADUITES = ['dataElement', 'period', 'orgUnit', 'value', 'territoireType', 'rejet'];

export interface TableauDhis2 extends Tableau {
  /** Every identifier the mapping lacks, with the rows (dataValues, from 1) using it: one full reading, kept. */
  nonCorrespondants: () => Promise<NonCorrespondantDhis2[]>;
}

function traduire(cellules: Cellule[], table: CorrespondanceImport) {
  const [dataElement, periode, orgUnit, combo] = [0, 1, 2, 4].map((i) => enTexte(cellules[i]));
  const manques: Omit<NonCorrespondantDhis2, 'lignes'>[] = [];
  let indicateur = table.elements.get(`${dataElement}|${combo}`) ?? table.elements.get(`${dataElement}|`);
  // Codes that are no DHIS2 UID (a catalogue code, an INSEE code) pass as before: the usual checks read them.
  if (indicateur === undefined && !estUidDhis2(dataElement)) indicateur = dataElement;
  if (indicateur === undefined) manques.push({ nature: 'dataElement', identifiant: dataElement, categoryOptionCombo: combo || null });
  let territoire = table.unites.get(orgUnit);
  if (territoire === undefined && !estUidDhis2(orgUnit)) territoire = { type: '', code: orgUnit };
  if (territoire === undefined) manques.push({ nature: 'orgUnit', identifiant: orgUnit });
  if (periode && !lirePeriodeDhis2(periode)) manques.push({ nature: 'period', identifiant: periode });
  const raisons = manques.map((m) =>
    m.nature === 'period'
      ? `période « ${m.identifiant} » illisible (${MESSAGE_PERIODE_DHIS2})`
      : `${m.nature} « ${m.identifiant} »${m.categoryOptionCombo ? ` (categoryOptionCombo « ${m.categoryOptionCombo} »)` : ''} sans correspondance`,
  );
  return {
    cellules: [
      indicateur ?? null,
      periode,
      territoire?.code ?? null,
      cellules[3] ?? null,
      territoire?.type ?? null,
      raisons.length ? `DHIS2 : ${raisons.join(', ')}. Complétez la correspondance DHIS2 de la région.` : null,
    ] as Cellule[],
    manques,
  };
}

/** Any file but a DHIS2 one is returned as it is. */
export async function preparerDhis2(
  db: Queryable,
  utilisateur: Utilisateur | null,
  tableau: Tableau,
  options: OptionsImport,
): Promise<Tableau> {
  if (tableau.format !== 'dhis2') return tableau;
  const region = utilisateur ? regionDeLImport(utilisateur, options.regionDhis2) : (options.regionDhis2 ?? null);
  const table = await correspondancePourImport(db, region);
  let liste: Promise<NonCorrespondantDhis2[]> | null = null;
  const traduit: TableauDhis2 = {
    ...tableau,
    entetes: ENTETES_DHIS2_TRADUITES,
    lignes: async function* () {
      for await (const l of tableau.lignes()) yield { ligne: l.ligne, cellules: traduire(l.cellules, table).cellules };
    },
    nonCorrespondants: () => {
      liste ??= (async () => {
        const vus = new Map<string, NonCorrespondantDhis2>();
        for await (const l of tableau.lignes())
          for (const m of traduire(l.cellules, table).manques) {
            const cle = `${m.nature}|${m.identifiant}|${m.categoryOptionCombo ?? ''}`;
            const deja = vus.get(cle) ?? vus.set(cle, { ...m, lignes: [] }).get(cle)!;
            deja.lignes.push(l.ligne);
          }
        return [...vus.values()];
      })();
      return liste;
    },
  };
  return traduit;
}

/** The unmapped identifiers of a DHIS2 file, for its preview or report (absent for other files or when none). */
export async function nonCorrespondantsDe(tableau: Tableau) {
  if (!('nonCorrespondants' in tableau)) return {};
  const liste = await (tableau as TableauDhis2).nonCorrespondants();
  return liste.length ? { nonCorrespondants: liste } : {};
}
