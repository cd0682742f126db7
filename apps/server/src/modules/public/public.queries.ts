/**
 * The open data's read model (read-only): published contracts with their public facts, across the contrats, fiches,
 * comptes (organisations) and confirmations tables. No person, no internal note, no funding line.
 */
import type { StatutContrat, StatutFiche } from '@maillage/domain';
import type { Queryable } from '../../platform/database';
import { ARS_CONFIRMEES } from '../contrats/lecture.service';

/** Joins a party to its confirmation: the public sees only the roles their organisations have confirmed. */
const CONFIRMEE = (role: string) =>
  `join confirmations_parties cp on cp.contrat_id = co.contrat_id and cp.organisation_id = co.organisation_id and cp.role = '${role}' and cp.statut = 'confirme'`;

export interface ContratPublieLigne {
  id: string;
  intitule: string;
  statut: StatutContrat;
  generation: number;
  periodeDebut: string | null;
  periodeFin: string | null;
  dateSignature: string | null;
  regions: string[];
  departements: string[];
  perimetre: { epci?: string[]; communes?: string[] } | null;
  nombreCommunes: number;
  population: number;
  modifieLe: string;
  nombreAxes: number;
  nombreFiches: number;
  parStatut: Partial<Record<StatutFiche, number>> | null;
  thematiques: string[];
  porteurs: string[];
  ars: string[];
}

/**
 * The published contracts (their ARS confirmed), or one of them; with `apercu`, that one whether published or not
 * (the preview of those who may publish it).
 */
export async function contratsPublies(db: Queryable, id: string | null, apercu: boolean): Promise<ContratPublieLigne[]> {
  const { rows } = await db.query(
    `select c.id, c.intitule, c.statut, c.generation, c.periode_debut as "periodeDebut", c.periode_fin as "periodeFin",
       c.date_signature as "dateSignature", c.regions, c.departements, c.perimetre, c.nombre_communes as "nombreCommunes",
       c.population, c.modifie_le as "modifieLe",
       (select count(*) from axes a where a.contrat_id = c.id)::int as "nombreAxes",
       (select count(*) from fiches f where f.contrat_id = c.id)::int as "nombreFiches",
       (select json_object_agg(s.statut, s.n) from (select statut, count(*)::int as n from fiches where contrat_id = c.id group by statut) s) as "parStatut",
       array(select distinct t from fiches f cross join unnest(f.thematiques) t where f.contrat_id = c.id order by t) as thematiques,
       array(select o.nom from contrat_organisations co join organisations o on o.id = co.organisation_id ${CONFIRMEE('porteur')}
             where co.contrat_id = c.id and co.qualite = 'porteur' order by o.nom) as porteurs,
       array(select o.nom from contrat_organisations co join organisations o on o.id = co.organisation_id ${CONFIRMEE('ars')}
             where co.contrat_id = c.id and co.qualite = 'ars' order by o.nom) as ars
     from contrats c where (($2 and c.id = $1) or (c.publie and ${ARS_CONFIRMEES})) and ($1::uuid is null or c.id = $1) order by c.intitule, c.generation`,
    [id, apercu],
  );
  return rows;
}
