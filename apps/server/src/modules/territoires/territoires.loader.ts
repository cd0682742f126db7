import { normaliser } from '@maillage/domain';
import { createRequire } from 'node:module';
import type { Db } from '../../platform/database';
import { enTransaction } from '../../platform/database';

const require = createRequire(import.meta.url);
const SOURCE = '@etalab/decoupage-administratif';

interface CommuneBrute {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  siren?: string;
  typeLiaison?: number;
}
interface EpciBrut {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}
interface DepartementBrut {
  code: string;
  nom: string;
  region: string;
  typeLiaison?: number;
}
interface RegionBrute {
  code: string;
  nom: string;
}

export function versionReferentiel(): string {
  return (require(`${SOURCE}/package.json`) as { version: string }).version;
}

/** At start-up (main.ts and cli.ts hand it to the platform): loads the référentiel if its version changed, and says so. */
export async function preparerReferentiel(db: Db, journal: (m: string) => void) {
  const referentiel = await chargerReferentiel(db);
  if (referentiel.charge) journal(`Référentiel territorial chargé (${SOURCE} ${referentiel.version})`);
}

/**
 * Loads régions, départements, EPCI with their members and communes from the npm package, once per package
 * version: a restart with the same version does nothing, an upgrade replaces the whole référentiel in one transaction.
 */
export async function chargerReferentiel(db: Db): Promise<{ charge: boolean; version: string }> {
  const version = versionReferentiel();
  const { rows } = await db.query('select version from referentiel_chargements where source = $1', [SOURCE]);
  if (rows[0]?.version === version) return { charge: false, version };

  const communes = (require(`${SOURCE}/data/communes.json`) as CommuneBrute[]).filter((c) => c.type === 'commune-actuelle');
  const epci = require(`${SOURCE}/data/epci.json`) as EpciBrut[];
  const departements = require(`${SOURCE}/data/departements.json`) as DepartementBrut[];
  const regions = require(`${SOURCE}/data/regions.json`) as RegionBrute[];

  const lignes = [
    ...regions.map((r) => ({
      type: 'region',
      code: r.code,
      nom: r.nom,
      population: 0,
      departement_code: null,
      region_code: r.code,
      nature: null,
    })),
    ...departements.map((d) => ({
      type: 'departement',
      code: d.code,
      nom: d.nom,
      population: 0,
      departement_code: d.code,
      region_code: d.region,
      nature: null,
      type_liaison: d.typeLiaison,
    })),
    ...communes.map((c) => ({
      type: 'commune',
      code: c.code,
      nom: c.nom,
      population: c.population ?? 0,
      departement_code: c.departement,
      region_code: c.region,
      nature: null,
      siren: c.siren,
      type_liaison: c.typeLiaison,
    })),
    // An EPCI's code is its SIREN.
    ...epci.map((e) => ({
      type: 'epci',
      code: e.code,
      nom: e.nom,
      population: 0,
      departement_code: null,
      region_code: null,
      nature: e.type,
      siren: e.code,
    })),
  ].map((l) => ({ siren: null, type_liaison: null, ...l, nom_normalise: normaliser(l.nom) }));
  const membres = epci.flatMap((e) => e.membres.map((m) => ({ epci_code: e.code, commune_code: m.code })));

  await enTransaction(db, async (tx) => {
    await tx.query('delete from epci_membres');
    await tx.query('delete from territoires');
    await tx.query(
      `insert into territoires (type, code, nom, nom_normalise, population, departement_code, region_code, nature, siren, type_liaison)
       select type, code, nom, nom_normalise, population, departement_code, region_code, nature, siren, type_liaison
       from json_to_recordset($1::json) as t(type text, code text, nom text, nom_normalise text, population int,
         departement_code text, region_code text, nature text, siren text, type_liaison smallint)`,
      [JSON.stringify(lignes)],
    );
    await tx.query(
      `insert into epci_membres (epci_code, commune_code)
       select epci_code, commune_code from json_to_recordset($1::json) as m(epci_code text, commune_code text)
       on conflict do nothing`,
      [JSON.stringify(membres)],
    );
    // Populations of groupings are the sums of their communes, so that every figure agrees with the perimeter rule.
    await tx.query(`update territoires d set population = s.total from (
        select departement_code, sum(population) total from territoires where type = 'commune' group by 1) s
      where d.type = 'departement' and d.code = s.departement_code`);
    await tx.query(`update territoires r set population = s.total from (
        select region_code, sum(population) total from territoires where type = 'commune' group by 1) s
      where r.type = 'region' and r.code = s.region_code`);
    // An EPCI is filed under the département and region of most of its communes; its members keep their own.
    await tx.query(`update territoires e set population = s.total, departement_code = s.dep, region_code = s.reg from (
        select m.epci_code, sum(c.population) total,
          mode() within group (order by c.departement_code) dep, mode() within group (order by c.region_code) reg
        from epci_membres m join territoires c on c.type = 'commune' and c.code = m.commune_code group by 1) s
      where e.type = 'epci' and e.code = s.epci_code`);
    await tx.query(
      `insert into referentiel_chargements (source, version) values ($1, $2)
       on conflict (source) do update set version = excluded.version, charge_le = now()`,
      [SOURCE, version],
    );
  });
  return { charge: true, version };
}
