import type { PorteeAnnuaire } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/**
 * The persons of the directory a user may see (read-only, across the contract and governance tables): those of the
 * organisations and contracts of their scope (`porteeAnnuaire`). Contact details only where the scope gives them;
 * the search matches an e-mail only where it is shown, so that it cannot be guessed.
 */
export async function personnesVisibles(
  db: Queryable,
  portee: PorteeAnnuaire,
  filtre: { q: string | null; organisationId: string | null },
) {
  const { rows } = await db.query(
    `with contrats_avec as (
       select id from contrats where id = any($4::uuid[]) or regions && $5::text[]
     ),
     organisations_avec as (
       select organisation_id from contrat_organisations where contrat_id in (select id from contrats_avec)
       union select organisation_id from signataires where contrat_id in (select id from contrats_avec)
       union select organisation_id from partenaires where contrat_id in (select id from contrats_avec)
       union select fp.organisation_id from fiche_pilotes fp join fiches f on f.id = fp.fiche_id where f.contrat_id in (select id from contrats_avec)
       union select m.organisation_id from membres_instance m join instances i on i.id = m.instance_id where i.contrat_id in (select id from contrats_avec)
       union select id from organisations where region_code = any($5::text[])
       union select unnest($6::uuid[])
     ),
     -- Persons seated in a contract's instances or holding a role on it.
     personnes_contrat as (
       select i.contrat_id, m.personne_id from membres_instance m join instances i on i.id = m.instance_id where m.personne_id is not null
       union select h.contrat_id, u.personne_id from habilitations h join utilisateurs u on u.id = h.utilisateur_id where h.contrat_id is not null
     ),
     vues as (
       -- coalesce: « x in (…) » is null, not false, when the list holds a null (a role held by an account with no person).
       select p.*, coalesce(
           $3::boolean
           or p.organisation_id in (select organisation_id from organisations_avec where organisation_id is not null)
           or p.id in (select personne_id from personnes_contrat where contrat_id in (select id from contrats_avec)),
           false
         ) as coordonnees,
         coalesce(p.id in (select personne_id from personnes_contrat where contrat_id = any($7::uuid[])), false) as nommee
       from personnes p
       where ($2::uuid is null or p.organisation_id = $2)
     )
     select p.id, p.prenom, p.nom, case when p.coordonnees then p.email end as email, case when p.coordonnees then p.telephone end as telephone,
       p.fonction, p.organisation_id as "organisationId", o.nom as "organisationNom", p.version,
       exists (select 1 from utilisateurs u where u.personne_id = p.id) as "aUnCompte", p.coordonnees as "coordonneesVisibles"
     from vues p left join organisations o on o.id = p.organisation_id
     where (p.coordonnees or p.nommee)
       and ($1::text is null or p.nom ilike '%' || $1 || '%' or p.prenom ilike '%' || $1 || '%' or (p.coordonnees and p.email ilike '%' || $1 || '%'))
     order by p.nom, p.prenom limit 500`,
    [
      filtre.q,
      filtre.organisationId,
      portee.tout,
      portee.contratsAvecCoordonnees,
      portee.regions,
      portee.organisations,
      portee.contratsSansCoordonnees,
    ],
  );
  return rows;
}
