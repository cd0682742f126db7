/**
 * The regional portfolio's read model (read-only): contracts, communes, EPCIs, fiches, axes, funding lines and
 * published values of a region, across the territoires, contrats, fiches, comptes, financements and diagnostics
 * tables. Set-based queries, one per section of the page; the statuses that count are the service's to choose.
 */
import type { Polarite, StatutContrat } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface ContratPortefeuille {
  id: string;
  intitule: string;
  statut: StatutContrat;
  generation: number;
  periode: { debut: string | null; fin: string | null };
  dateSignature: string | null;
  regions: string[];
  departements: string[];
  population: number;
  nombreCommunes: number;
  nombreFiches: number;
  publie: boolean;
  coordonnateurs: string[];
}

export interface EpciRegion {
  code: string;
  nom: string;
  departementCode: string | null;
  population: number;
  couvert: boolean;
}

/** The region and its départements. */
export async function territoiresRegion(db: Queryable, regionCode: string) {
  const { rows } = await db.query<{ type: string; code: string; nom: string; population: number }>(
    `select type, code, nom, population from territoires where (type = 'region' and code = $1) or (type = 'departement' and region_code = $1) order by code`,
    [regionCode],
  );
  return rows;
}

/** Every contract touching the region (inter-regional ones included), with its fiche count and coordinators. */
export async function contratsRegion(db: Queryable, regionCode: string) {
  const { rows } = await db.query<ContratPortefeuille>(
    `select c.id, c.intitule, c.statut, c.generation, json_build_object('debut', c.periode_debut, 'fin', c.periode_fin) as periode,
       c.date_signature as "dateSignature", c.regions, c.departements, c.population, c.nombre_communes as "nombreCommunes", c.publie,
       (select count(*) from fiches f where f.contrat_id = c.id)::int as "nombreFiches",
       array(select p.prenom || ' ' || p.nom from habilitations h join utilisateurs u on u.id = h.utilisateur_id
             join personnes p on p.id = u.personne_id where h.contrat_id = c.id and h.role = 'coordonnateur' order by p.nom, p.prenom) as coordonnateurs
     from contrats c where c.regions @> array[$1]::text[] order by c.intitule, c.generation`,
    [regionCode],
  );
  return rows;
}

/** Communes of the region, covered or not by a contract of the given statuses, summed by département. */
export async function couvertureParDepartement(db: Queryable, regionCode: string, statutsCouvrants: readonly string[]) {
  const { rows } = await db.query<{
    departement: string;
    population: number;
    populationCouverte: number;
    communes: number;
    communesCouvertes: number;
  }>(
    `with couvertes as (
       select distinct cc.commune_code from contrat_communes cc join contrats c on c.id = cc.contrat_id
       where c.regions @> array[$1]::text[] and c.statut = any($2::text[]))
     select t.departement_code as departement, sum(t.population)::float8 as population,
       coalesce(sum(t.population) filter (where k.commune_code is not null), 0)::float8 as "populationCouverte",
       count(*)::int as communes, count(k.commune_code)::int as "communesCouvertes"
     from territoires t left join couvertes k on k.commune_code = t.code
     where t.type = 'commune' and t.region_code = $1 group by t.departement_code order by t.departement_code`,
    [regionCode, statutsCouvrants],
  );
  return rows;
}

/** EPCIs of the region and whether any of their communes is covered by a contract of the given statuses. */
export async function epciRegion(db: Queryable, regionCode: string, statutsCouvrants: readonly string[]) {
  const { rows } = await db.query<EpciRegion>(
    `select e.code, e.nom, e.departement_code as "departementCode", e.population,
       exists (select 1 from epci_membres m join contrat_communes cc on cc.commune_code = m.commune_code
               join contrats c on c.id = cc.contrat_id where m.epci_code = e.code and c.statut = any($2::text[])) as couvert
     from territoires e where e.type = 'epci' and e.region_code = $1`,
    [regionCode, statutsCouvrants],
  );
  return rows;
}

/** Themes and déterminants of the fiches, PRS axes of the axes, of the region's contracts not in the given statuses. */
export async function decomptesThemes(db: Queryable, regionCode: string, statutsExclus: readonly string[]) {
  const { rows } = await db.query<{ type: 'thematique' | 'determinant' | 'axe_prs'; code: string; contrats: number; nombre: number }>(
    `with courants as (select id from contrats where regions @> array[$1]::text[] and not (statut = any($2::text[])))
     select 'thematique' as type, t as code, count(distinct f.contrat_id)::int as contrats, count(*)::int as nombre
       from fiches f join courants c on c.id = f.contrat_id cross join unnest(f.thematiques) t group by t
     union all
     select 'determinant', d, count(distinct f.contrat_id)::int, count(*)::int
       from fiches f join courants c on c.id = f.contrat_id
       cross join jsonb_array_elements_text(case when jsonb_typeof(f.contenu -> 'determinants') = 'array' then f.contenu -> 'determinants' else '[]' end) d
       group by d
     union all
     select 'axe_prs', a.axe_prs, count(distinct a.contrat_id)::int, count(*)::int
       from axes a join courants c on c.id = a.contrat_id where a.axe_prs is not null and a.axe_prs <> '' group by a.axe_prs`,
    [regionCode, statutsExclus],
  );
  return rows;
}

/**
 * Funding by funder, for the region's contracts not in the given statuses. "Acquis" is what is granted or paid; the
 * rest (planned, asked) is still hoped for. Refused lines do not count.
 */
export async function financeursRegion(db: Queryable, regionCode: string, statutsExclus: readonly string[]) {
  const { rows } = await db.query<{ financeur: string; acquis: number; prevu: number; total: number; contrats: number }>(
    `select coalesce(o.nom, l.financeur_libelle, 'Financeur non précisé') as financeur,
       coalesce(sum(l.montant_centimes) filter (where l.statut in ('accorde', 'verse')), 0)::float8 as acquis,
       coalesce(sum(l.montant_centimes) filter (where l.statut not in ('accorde', 'verse')), 0)::float8 as prevu,
       sum(l.montant_centimes)::float8 as total, count(distinct l.contrat_id)::int as contrats
     from financements l join contrats c on c.id = l.contrat_id left join organisations o on o.id = l.financeur_id
     where c.regions @> array[$1]::text[] and not (c.statut = any($2::text[])) and l.statut <> 'refuse'
     group by 1 order by total desc, financeur`,
    [regionCode, statutsExclus],
  );
  return rows;
}

/**
 * Each EPCI's latest published value of every non-neutral indicator of the catalogue (an interval counts by its
 * middle), for the vulnerability index of the uncovered EPCIs.
 */
export async function dernieresValeursEpci(db: Queryable, codes: string[]) {
  const { rows } = await db.query<{
    indicateur: string;
    libelle: string;
    polarite: Polarite;
    periode: string;
    epci: string;
    valeur: number;
  }>(
    `with publiees as (
       select v.indicateur_code, v.territoire_code, v.periode, v.periode_debut, v.periode_fin,
         case when v.nature = 'exacte' then v.valeur else (v.borne_inf + v.borne_sup) / 2 end as valeur
       from valeurs v join indicateurs i on i.code = v.indicateur_code and i.polarite <> 'neutre'
       where v.territoire_type = 'epci' and v.territoire_code = any($1) and v.nature in ('exacte', 'intervalle'))
     select distinct on (p.indicateur_code, p.territoire_code) p.indicateur_code as indicateur, i.libelle, i.polarite, p.periode,
       p.territoire_code as epci, p.valeur
     from publiees p join indicateurs i on i.code = p.indicateur_code
     where p.valeur is not null
     order by p.indicateur_code, p.territoire_code, p.periode_fin desc, p.periode_debut desc`,
    [codes],
  );
  return rows;
}
