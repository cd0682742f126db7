/**
 * Read model of the means engaged (read-only, decision 0022): a line names its contract, its organisation, the
 * catalogue indicator and the fiche's follow-up indicator it is measured by. Nothing here writes.
 */
import type { LigneMoyens, TypeMoyen, UniteTemps } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface LigneMoyensLue extends LigneMoyens {
  id: string;
  contratId: string;
  contratIntitule: string;
  organisationId: string;
  organisationNom: string;
  organisationSigle: string | null;
  annee: number;
  type: TypeMoyen;
  unite: UniteTemps | null;
  description: string | null;
  objectifs: string | null;
  indicateurCode: string | null;
  indicateurLibelle: string | null;
  indicateurSuiviId: string | null;
  indicateurSuiviLibelle: string | null;
  ficheNumero: number | null;
  version: number;
}

const SELECT = `select m.id, m.contrat_id as "contratId", c.intitule as "contratIntitule", m.organisation_id as "organisationId", o.nom as "organisationNom",
    o.sigle as "organisationSigle", m.annee, m.type, m.quantite::float8 as quantite, m.unite, m.montant_centimes::float8 as "montantCentimes", m.description, m.objectifs,
    m.indicateur_code as "indicateurCode", i.libelle as "indicateurLibelle", m.indicateur_suivi_id as "indicateurSuiviId", s.libelle as "indicateurSuiviLibelle",
    f.numero as "ficheNumero", m.version
  from engagements_moyens m join contrats c on c.id = m.contrat_id join organisations o on o.id = m.organisation_id
  left join indicateurs i on i.code = m.indicateur_code left join indicateurs_suivi s on s.id = m.indicateur_suivi_id left join fiches f on f.id = s.fiche_id`;

/** The means of a contract or of an organisation, by contract, year and organisation. */
export async function lireMoyens(db: Queryable, filtre: { contratId?: string; organisationId?: string }): Promise<LigneMoyensLue[]> {
  const { rows } = await db.query(
    `${SELECT} where ($1::uuid is null or m.contrat_id = $1) and ($2::uuid is null or m.organisation_id = $2) order by c.intitule, m.annee, o.nom, m.cree_le, m.id`,
    [filtre.contratId ?? null, filtre.organisationId ?? null],
  );
  return rows;
}

/** One engagement of the contract, or null. */
export async function moyenDuContrat(db: Queryable, contratId: string, id: string): Promise<LigneMoyensLue | null> {
  const { rows } = await db.query(`${SELECT} where m.id = $1 and m.contrat_id = $2`, [id, contratId]);
  return rows[0] ?? null;
}

/** What the links of an engagement name: the organisation, the catalogue indicator, the contract's follow-up indicator (null: unknown). */
export async function liensDuMoyen(
  db: Queryable,
  contratId: string,
  liens: { organisationId: string; indicateurCode: string | null; indicateurSuiviId: string | null },
) {
  const { rows } = await db.query<{ organisation: string | null; indicateur: string | null; indicateurSuivi: string | null }>(
    `select o.nom as organisation,
       (select code from indicateurs where code = $2) as indicateur,
       (select id from indicateurs_suivi where id = $3 and contrat_id = $4) as "indicateurSuivi"
     from (select 1) x left join organisations o on o.id = $1`,
    [liens.organisationId, liens.indicateurCode, liens.indicateurSuiviId, contratId],
  );
  return rows[0];
}
