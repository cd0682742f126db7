import type { CommuneReferentiel, ReferentielPerimetre, TypeTerritoire } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface TerritoireLigne {
  type: TypeTerritoire;
  code: string;
  nom: string;
  population: number;
  departementCode: string | null;
  regionCode: string | null;
  nature: string | null;
}

const colonnes = (alias = '') => {
  const a = alias ? `${alias}.` : '';
  return `${a}type, ${a}code, ${a}nom, ${a}population, ${a}departement_code as "departementCode", ${a}region_code as "regionCode", ${a}nature`;
};

const RANG_TYPE = `case type when 'region' then 0 when 'departement' then 1 when 'epci' then 2 else 3 end`;

/** Prefix search on every word of the name (tsquery "mot:*"), or on the code when the query is a code. */
export async function rechercher(
  db: Queryable,
  criteres: { mots: string[]; code: string | null; type: TypeTerritoire | null; limite: number },
): Promise<TerritoireLigne[]> {
  const conditions: string[] = [];
  const valeurs: unknown[] = [];
  if (criteres.type) {
    valeurs.push(criteres.type);
    conditions.push(`type = $${valeurs.length}`);
  }
  const parNom = criteres.mots.length > 0;
  if (parNom) {
    valeurs.push(criteres.mots.map((m) => `${m}:*`).join(' & '));
    const requeteNom = `recherche @@ to_tsquery('simple', $${valeurs.length})`;
    if (criteres.code) {
      valeurs.push(`${criteres.code}%`);
      conditions.push(`(${requeteNom} or code like $${valeurs.length})`);
    } else conditions.push(requeteNom);
  }
  valeurs.push(criteres.mots.join(' '));
  const exact = `$${valeurs.length}`;
  valeurs.push(criteres.limite);
  const { rows } = await db.query<TerritoireLigne>(
    `select ${colonnes()} from territoires
     ${conditions.length ? 'where ' + conditions.join(' and ') : ''}
     order by (nom_normalise = ${exact}) desc, ${RANG_TYPE}, population desc, nom
     limit $${valeurs.length}`,
    valeurs,
  );
  return rows;
}

export interface CollectiviteLigne {
  type: 'commune' | 'epci' | 'departement';
  code: string;
  nom: string;
  siren: string | null;
  typeLiaison: number | null;
  departementCode: string | null;
  regionCode: string | null;
}

/** Communes, EPCI and départements whose name starts with the words, or whose INSEE code or SIREN starts with the code. */
export async function rechercherCollectivites(
  db: Queryable,
  criteres: { mots: string[]; code: string | null; limite: number },
): Promise<CollectiviteLigne[]> {
  const { rows } = await db.query<CollectiviteLigne>(
    `select type, code, nom, siren, type_liaison as "typeLiaison", departement_code as "departementCode", region_code as "regionCode"
     from territoires
     where type in ('commune', 'epci', 'departement')
       and (($1::text is not null and recherche @@ to_tsquery('simple', $1)) or ($2::text is not null and (code like $2 || '%' or siren like $2 || '%')))
     order by (nom_normalise = $3) desc, ${RANG_TYPE}, population desc, nom
     limit $4`,
    [criteres.mots.length ? criteres.mots.map((m) => `${m}:*`).join(' & ') : null, criteres.code, criteres.mots.join(' '), criteres.limite],
  );
  return rows;
}

export async function obtenir(db: Queryable, type: TypeTerritoire, code: string): Promise<TerritoireLigne | null> {
  const { rows } = await db.query<TerritoireLigne>(`select ${colonnes()} from territoires where type = $1 and code = $2`, [type, code]);
  return rows[0] ?? null;
}

export async function membresEpci(db: Queryable, epciCode: string): Promise<TerritoireLigne[]> {
  const { rows } = await db.query<TerritoireLigne>(
    `select ${colonnes('c')} from epci_membres m
     join territoires c on c.type = 'commune' and c.code = m.commune_code
     where m.epci_code = $1 order by c.nom`,
    [epciCode],
  );
  return rows;
}

/** EPCIs a commune belongs to (one, normally). */
export async function epciDeCommune(db: Queryable, communeCode: string): Promise<TerritoireLigne[]> {
  const { rows } = await db.query<TerritoireLigne>(
    `select ${colonnes('e')} from epci_membres m
     join territoires e on e.type = 'epci' and e.code = m.epci_code where m.commune_code = $1`,
    [communeCode],
  );
  return rows;
}

/** Loads only what a perimeter needs: the members of its EPCIs and its communes. */
export async function referentielPourPerimetre(db: Queryable, epci: string[], communes: string[]): Promise<ReferentielPerimetre> {
  const membres = await db.query<{ epci: string; communes: string[] }>(
    `select epci_code as epci, array_agg(commune_code order by commune_code) as communes
     from epci_membres where epci_code = any($1) group by epci_code`,
    [epci],
  );
  const { rows } = await db.query<CommuneReferentiel>(
    `select code, nom, departement_code as departement, region_code as region, population from territoires
     where type = 'commune' and (code = any($1) or code in (select commune_code from epci_membres where epci_code = any($2)))`,
    [communes, epci],
  );
  return {
    communes: new Map(rows.map((c) => [c.code, c])),
    membresEpci: new Map(membres.rows.map((m) => [m.epci, m.communes])),
  };
}

export async function versionChargee(db: Queryable): Promise<{ source: string; version: string; chargeLe: string } | null> {
  const { rows } = await db.query(`select source, version, charge_le as "chargeLe" from referentiel_chargements limit 1`);
  return rows[0] ?? null;
}

/** Names of some territories of one type, in one query (a name is often all a page needs). */
export async function noms(db: Queryable, type: string, codes: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query('select code, nom from territoires where type = $1 and code = any($2)', [type, codes]);
  return new Map(rows.map((r) => [r.code as string, r.nom as string]));
}
