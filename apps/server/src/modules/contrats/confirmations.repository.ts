import type { OrganisationPartie, RolePartie, StatutConfirmation } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface ConfirmationLigne {
  id: string;
  contratId: string;
  role: RolePartie;
  statut: StatutConfirmation;
  motif: string | null;
  organisation: OrganisationPartie;
}

const ORGANISATION = `json_build_object('id', o.id, 'nom', o.nom, 'type', o.type, 'regionCode', o.region_code)`;

/**
 * SQL condition, on a contract aliased `c`: every ARS named has confirmed, and each region of the perimeter has an
 * ARS of its own (agency or délégation) among them. The publication rule, for queries that list public contracts.
 */
export const ARS_CONFIRMEES = `(
  not exists (select 1 from contrat_organisations co where co.contrat_id = c.id and co.qualite = 'ars'
              and not exists (select 1 from confirmations_parties cp where cp.contrat_id = c.id and cp.organisation_id = co.organisation_id
                              and cp.role = 'ars' and cp.statut = 'confirme'))
  and not exists (select 1 from unnest(c.regions) r(code) where not exists (
    select 1 from contrat_organisations co join organisations o on o.id = co.organisation_id
    where co.contrat_id = c.id and co.qualite = 'ars' and o.type in ('ars', 'ars_delegation') and o.region_code = r.code)))`;

/** The parties a contract names now, with their confirmation (null when none was ever asked). */
export async function partiesDuContrat(
  db: Queryable,
  contratId: string,
): Promise<
  (Omit<ConfirmationLigne, 'id' | 'statut' | 'motif'> & { id: string | null; statut: StatutConfirmation | null; motif: string | null })[]
> {
  const { rows } = await db.query(
    `with parties as (
       select organisation_id, qualite as role from contrat_organisations where contrat_id = $1
       union select organisation_id, 'signataire' from signataires where contrat_id = $1)
     select cp.id, $1::uuid as "contratId", p.role, cp.statut, cp.motif, ${ORGANISATION} as organisation
     from parties p join organisations o on o.id = p.organisation_id
     left join confirmations_parties cp on cp.contrat_id = $1 and cp.organisation_id = p.organisation_id and cp.role = p.role
     order by o.nom, p.role`,
    [contratId],
  );
  return rows;
}

export async function confirmationsDuContrat(db: Queryable, contratId: string): Promise<ConfirmationLigne[]> {
  const { rows } = await db.query(
    `select cp.id, cp.contrat_id as "contratId", cp.role, cp.statut, cp.motif, ${ORGANISATION} as organisation
     from confirmations_parties cp join organisations o on o.id = cp.organisation_id where cp.contrat_id = $1`,
    [contratId],
  );
  return rows;
}

export async function demander(
  db: Queryable,
  contratId: string,
  organisationId: string,
  role: RolePartie,
  statut: StatutConfirmation,
  par: { id: string | null; libelle: string },
): Promise<string> {
  const confirme = statut === 'confirme';
  const { rows } = await db.query(
    `insert into confirmations_parties (contrat_id, organisation_id, role, statut, demande_par, repondu_le, repondu_par, repondu_par_libelle)
     values ($1, $2, $3, $4, $5, case when $6 then now() end, case when $6 then $7::uuid end, case when $6 then $5 end)
     on conflict (contrat_id, organisation_id, role) do nothing returning id`,
    [contratId, organisationId, role, statut, par.libelle, confirme, par.id],
  );
  return rows[0]?.id;
}

export async function supprimer(db: Queryable, id: string): Promise<void> {
  await db.query('delete from confirmations_parties where id = $1', [id]);
}

export async function obtenir(db: Queryable, id: string, verrouiller = false): Promise<ConfirmationLigne | null> {
  const { rows } = await db.query(
    `select cp.id, cp.contrat_id as "contratId", cp.role, cp.statut, cp.motif, ${ORGANISATION} as organisation
     from confirmations_parties cp join organisations o on o.id = cp.organisation_id where cp.id = $1 ${verrouiller ? 'for update of cp' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function repondre(
  db: Queryable,
  id: string,
  statut: StatutConfirmation,
  motif: string | null,
  par: { id: string | null; libelle: string },
): Promise<void> {
  await db.query(
    `update confirmations_parties set statut = $2, motif = $3, repondu_le = now(), repondu_par = $4, repondu_par_libelle = $5 where id = $1`,
    [id, statut, motif, par.id, par.libelle],
  );
}

export interface FiltreDemandes {
  organisations: string[];
  regionsArs: string[];
  statut: StatutConfirmation | null;
}

/** The requests addressed to the organisations a user speaks for (the service checks each with can()). */
export async function demandesPour(db: Queryable, f: FiltreDemandes) {
  const { rows } = await db.query(
    `select cp.id, cp.role, cp.statut, cp.motif, cp.demande_le as "demandeLe", cp.demande_par as "demandePar",
       cp.repondu_le as "reponduLe", cp.repondu_par_libelle as "reponduPar", ${ORGANISATION} as organisation,
       json_build_object('id', c.id, 'intitule', c.intitule, 'statut', c.statut, 'regions', c.regions, 'publie', c.publie,
         'regionsNoms', array(select t.nom from territoires t where t.type = 'region' and t.code = any(c.regions) order by t.nom)) as contrat,
       (select s.date_signature from signataires s where s.contrat_id = c.id and s.organisation_id = cp.organisation_id and cp.role = 'signataire') as "dateSignature"
     from confirmations_parties cp join organisations o on o.id = cp.organisation_id join contrats c on c.id = cp.contrat_id
     where (o.id = any($1::uuid[]) or (o.type in ('ars', 'ars_delegation') and o.region_code = any($2::text[])))
       and ($3::text is null or cp.statut = $3)
     order by cp.statut = 'a_confirmer' desc, cp.demande_le desc, c.intitule, cp.role
     limit 500`,
    [f.organisations, f.regionsArs, f.statut],
  );
  return rows;
}

/** Withdraws publication (a confirmation refused or reset on a published contract). */
export async function depublier(db: Queryable, contratId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'update contrats set publie = false, version = version + 1, modifie_le = now() where id = $1 and publie',
    [contratId],
  );
  return rowCount === 1;
}
