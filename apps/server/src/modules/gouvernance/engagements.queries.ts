/**
 * Read model of the engagements page (read-only, decision 0022): the CPAM case (domain.md §6) lists every contract and
 * fiche where an organisation signs, partners, leads or funds, so it joins the tables of the contrats, fiches and
 * comptes modules with governance's own. Nothing here writes; who may see which contract is decided by the service.
 */
import type { Queryable } from '../../platform/database';

export interface ContratEngage {
  id: string;
  intitule: string;
  statut: string;
  generation: number;
  regions: string[];
  publie: boolean;
  roles: string[];
  financementCentimes: string;
  fiches: { id: string; numero: number; intitule: string; statut: string; roles: string[]; offres: string[] }[];
}

/** Every contract where the organisation has a role (whatever the reader may see), with its fiches and funding. */
export async function contratsEngages(db: Queryable, organisationId: string) {
  const { rows } = await db.query<ContratEngage>(
    `with roles as (
       select contrat_id, 'ars' as role from contrat_organisations where organisation_id = $1 and qualite = 'ars'
       union all select contrat_id, 'porteur' from contrat_organisations where organisation_id = $1 and qualite = 'porteur'
       union all select contrat_id, 'signataire' from signataires where organisation_id = $1
       union all select contrat_id, 'partenaire' from partenaires where organisation_id = $1
       union all select f.contrat_id, 'pilote' from fiche_pilotes p join fiches f on f.id = p.fiche_id where p.organisation_id = $1
       union all select contrat_id, 'financeur' from financements where financeur_id = $1
       union all select contrat_id, 'moyens' from engagements_moyens where organisation_id = $1)
     select c.id, c.intitule, c.statut, c.generation, c.regions, c.publie, array_agg(distinct r.role) as roles,
       coalesce((select sum(l.montant_centimes) from financements l where l.contrat_id = c.id and l.financeur_id = $1 and l.statut <> 'refuse'), 0)::bigint as "financementCentimes",
       coalesce((select json_agg(json_build_object('id', f.id, 'numero', f.numero, 'intitule', f.intitule, 'statut', f.statut,
           'roles', array(select distinct x from (
             select 'pilote' x from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id = $1
             union select 'partenaire' where exists (select 1 from jsonb_array_elements(f.contenu -> 'partenaires') e where e ->> 'organisationId' = $1::text)
             union select 'financeur' from financements l where l.fiche_id = f.id and l.financeur_id = $1) y),
           'offres', array(select o.intitule from fiche_offres fo join offres_service o on o.id = fo.offre_id where fo.fiche_id = f.id and o.organisation_id = $1))
         order by f.ordre)
         from fiches f where f.contrat_id = c.id and (
           exists (select 1 from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id = $1)
           or exists (select 1 from financements l where l.fiche_id = f.id and l.financeur_id = $1)
           or exists (select 1 from jsonb_array_elements(f.contenu -> 'partenaires') e where e ->> 'organisationId' = $1::text))), '[]') as fiches
     from roles r join contrats c on c.id = r.contrat_id group by c.id order by c.intitule`,
    [organisationId],
  );
  return rows;
}

/** The organisation's people and referents, referents first. */
export async function referentsDeLOrganisation(db: Queryable, organisationId: string) {
  const { rows } = await db.query(
    `select distinct p.prenom, p.nom, u.email, case when h.id is null then 'membre' else 'référent' end as role
     from personnes p left join utilisateurs u on u.personne_id = p.id
     left join habilitations h on h.utilisateur_id = u.id and h.role = 'referent_organisation' and h.organisation_id = $1
     where p.organisation_id = $1 or h.id is not null order by role desc, p.nom`,
    [organisationId],
  );
  return rows;
}
