import type { RoleContrat } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface PersonneDuContrat {
  utilisateurId: string;
  prenom: string;
  nom: string;
  email: string;
  organisation: { id: string; nom: string; sigle: string | null } | null;
  role: RoleContrat;
  actif: boolean;
  /** Invited, and has not chosen a password yet. */
  invitationEnAttente: boolean;
  /** How many fiches of the contract the person's organisation pilots. */
  fichesPilotees: number;
}

/** The people holding a role on the contract, coordinators first. */
export async function personnesDuContrat(db: Queryable, contratId: string): Promise<PersonneDuContrat[]> {
  const { rows } = await db.query(
    `select u.id as "utilisateurId", p.prenom, p.nom, u.email, h.role, u.actif,
       (u.password_hash is null and u.derniere_connexion is null) as "invitationEnAttente",
       case when o.id is null then null else json_build_object('id', o.id, 'nom', o.nom, 'sigle', o.sigle) end as organisation,
       (select count(distinct f.id) from fiches f join fiche_pilotes fp on fp.fiche_id = f.id
        where f.contrat_id = h.contrat_id and fp.organisation_id = p.organisation_id)::int as "fichesPilotees"
     from habilitations h join utilisateurs u on u.id = h.utilisateur_id join personnes p on p.id = u.personne_id
     left join organisations o on o.id = p.organisation_id
     where h.contrat_id = $1
     order by array_position(array['coordonnateur', 'referent_ars', 'pilote', 'membre', 'lecteur'], h.role), p.nom, p.prenom`,
    [contratId],
  );
  return rows;
}

export async function rolesDe(db: Queryable, contratId: string, utilisateurId: string): Promise<RoleContrat[]> {
  const { rows } = await db.query('select role from habilitations where contrat_id = $1 and utilisateur_id = $2 order by role', [
    contratId,
    utilisateurId,
  ]);
  return rows.map((r) => r.role);
}

export async function nombreCoordonnateurs(db: Queryable, contratId: string): Promise<number> {
  const { rows } = await db.query(
    `select count(distinct utilisateur_id)::int as n from habilitations where contrat_id = $1 and role = 'coordonnateur'`,
    [contratId],
  );
  return rows[0].n;
}

/** One role per person and contract: the new one replaces whatever it had (null removes it). */
export async function definirRole(db: Queryable, contratId: string, utilisateurId: string, role: RoleContrat | null): Promise<void> {
  await db.query('delete from habilitations where contrat_id = $1 and utilisateur_id = $2', [contratId, utilisateurId]);
  if (role)
    await db.query('insert into habilitations (utilisateur_id, role, contrat_id) values ($1, $2, $3)', [utilisateurId, role, contratId]);
}
