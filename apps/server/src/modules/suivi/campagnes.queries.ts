/**
 * Read model of the follow-up campaigns (read-only, decision 0022): a campaign is answered fiche by fiche, by the
 * pilotes' users, so its dashboard reads the fiches module's fiches and pilotes and the comptes module's users.
 * Nothing here writes.
 */
import type { EtatSuivi, StatutFiche } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

export interface FicheDeCampagneLue {
  id: string;
  numero: number;
  intitule: string;
  statut: StatutFiche;
  pilotes: { organisationId: string | null; nom: string | null; service: string | null }[];
  etatBilan: EtatSuivi | null;
  /** The state of each of the fiche's indicators' value for the period (null: not entered). */
  etatsValeurs: (EtatSuivi | null)[];
}

/** Every fiche followed in a campaign (all but abandoned ones), with its pilotes, its report's state and its values' states. */
export async function fichesDeCampagne(db: Queryable, contratId: string, periode: string) {
  const { rows } = await db.query<FicheDeCampagneLue>(
    `select f.id, f.numero, f.intitule, f.statut,
       coalesce((select json_agg(json_build_object('organisationId', p.organisation_id, 'nom', coalesce(o.sigle, o.nom), 'service', p.service) order by p.rang)
         from fiche_pilotes p left join organisations o on o.id = p.organisation_id where p.fiche_id = f.id), '[]') as pilotes,
       (select b.etat from bilans_fiche b where b.fiche_id = f.id and b.periode = $2) as "etatBilan",
       coalesce((select json_agg(v.etat order by i.rang) from indicateurs_suivi i left join valeurs_suivi v on v.indicateur_id = i.id and v.periode = $2 where i.fiche_id = f.id), '[]') as "etatsValeurs"
     from fiches f where f.contrat_id = $1 and f.statut <> 'abandonnee' order by f.ordre`,
    [contratId, periode],
  );
  return rows;
}

/** The pilotes who can answer: users with the pilote role on the contract, from an organisation that pilots a fiche. */
export async function pilotesAvecCompte(db: Queryable, contratId: string) {
  const { rows } = await db.query<{ id: string; email: string; prenom: string; organisationId: string }>(
    `select u.id, u.email, p.prenom, p.organisation_id as "organisationId" from utilisateurs u
     join personnes p on p.id = u.personne_id join habilitations h on h.utilisateur_id = u.id and h.role = 'pilote' and h.contrat_id = $1
     where u.actif and p.organisation_id is not null order by u.email`,
    [contratId],
  );
  return rows;
}

/** Organisations that pilot a fiche but have no user with the pilote role: nobody can answer for them. */
export async function organisationsSansCompte(db: Queryable, contratId: string) {
  const { rows } = await db.query<{ id: string; nom: string }>(
    `select distinct o.id, o.nom from fiche_pilotes fp join fiches f on f.id = fp.fiche_id join organisations o on o.id = fp.organisation_id
     where f.contrat_id = $1 and f.statut <> 'abandonnee' and not exists (
       select 1 from habilitations h join utilisateurs u on u.id = h.utilisateur_id join personnes p on p.id = u.personne_id
       where h.contrat_id = $1 and h.role = 'pilote' and u.actif and p.organisation_id = o.id)
     order by o.nom`,
    [contratId],
  );
  return rows;
}

/** The mails a campaign sent, latest first, with their addressee. */
export async function courrielsDeCampagne(db: Queryable, campagneId: string) {
  const { rows } = await db.query(
    `select c.motif, c.envoye_le as "envoyeLe", u.email from courriels_campagne c join utilisateurs u on u.id = c.utilisateur_id where c.campagne_id = $1 order by c.envoye_le desc`,
    [campagneId],
  );
  return rows as { motif: string; envoyeLe: string; email: string }[];
}

/** Every report of the contract's fiches for a period (the annual report). */
export async function bilansDuContrat(db: Queryable, contratId: string, periode: string) {
  const { rows } = await db.query<{
    ficheId: string;
    recit: string | null;
    difficultes: string | null;
    perspectives: string | null;
    statutPropose: string | null;
    etat: EtatSuivi;
  }>(
    `select fiche_id as "ficheId", recit, difficultes, perspectives, statut_propose as "statutPropose", etat from bilans_fiche b join fiches f on f.id = b.fiche_id where f.contrat_id = $1 and b.periode = $2`,
    [contratId, periode],
  );
  return rows;
}
