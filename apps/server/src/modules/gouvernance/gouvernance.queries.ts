/**
 * Read models of the governance pages (read-only, decision 0022): instances name their members' organisations and
 * people, invitations reach the users of member organisations, coordinator posts name their employer, funding lines
 * their fiche and funder, alerts read the contract's statut, doctrine and fiches. Nothing here writes.
 */
import type { Doctrine, StatutContrat } from '@maillage/domain';
import type { Queryable } from '../../platform/database';

/**
 * Who a member's invitations reach (m: the member): its own address, a person's address, and the active users of
 * an organisation. The séance invitations use the same rule.
 */
const DESTINATAIRES_MEMBRE = `select count(distinct a.email)::int from (
    select m.email
    union select p.email from personnes p where p.id = m.personne_id
    union select us.email from personnes p join utilisateurs us on us.personne_id = p.id where p.organisation_id = m.organisation_id and us.actif
  ) a where a.email is not null`;

/** The contract's instances with their members, séances count and next séance: copil first, then cotech, coordination. */
export async function instancesDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select i.id, i.type, i.nom, i.frequence_par_an as "frequenceParAn", i.presidence,
       coalesce((select json_agg(json_build_object('id', m.id, 'organisationId', m.organisation_id, 'organisationNom', o.nom,
          'personneId', m.personne_id, 'personne', nullif(trim(coalesce(p.prenom, '') || ' ' || coalesce(p.nom, '')), ''),
          'role', m.role, 'qualite', m.qualite, 'copresidence', m.copresidence, 'debut', m.debut, 'fin', m.fin, 'email', m.email,
          'destinataires', (${DESTINATAIRES_MEMBRE})) order by m.copresidence desc, o.nom)
        from membres_instance m left join organisations o on o.id = m.organisation_id left join personnes p on p.id = m.personne_id
        where m.instance_id = i.id), '[]') as membres,
       (select count(*)::int from seances s where s.instance_id = i.id) as "nombreSeances",
       (select count(*)::int from membres_instance m where m.instance_id = i.id and m.qualite = 'representant_usagers') as "representantsUsagers",
       ru.presences as "presencesRepresentantsUsagers", ru.seances as "seancesAvecRepresentantsUsagers",
       (select min(s.debut) from seances s where s.instance_id = i.id and s.debut > now() and s.statut = 'prevue') as "prochaineSeance"
     from instances i
     -- The représentants des usagers present in person at the séances held: how many presences, in how many séances.
     cross join lateral (select count(*)::int presences, count(distinct s.id)::int seances
       from seances s join presences pr on pr.seance_id = s.id join membres_instance m on m.id = pr.membre_id
       where s.instance_id = i.id and s.statut = 'tenue' and pr.etat = 'present' and m.qualite = 'representant_usagers') ru
     where i.contrat_id = $1 order by case i.type when 'copil' then 0 when 'cotech' then 1 when 'coordination' then 2 else 3 end, i.nom`,
    [contratId],
  );
  return rows;
}

/** How many addresses a member's invitations reach. */
export async function destinatairesDuMembre(db: Queryable, membreId: string): Promise<number> {
  const { rows } = await db.query(`select (${DESTINATAIRES_MEMBRE}) as n from membres_instance m where m.id = $1`, [membreId]);
  return rows[0].n;
}

/** Every address a séance invitation of this instance reaches (the same rule as above), sorted. */
export async function adressesDesMembres(db: Queryable, instanceId: string): Promise<string[]> {
  const { rows } = await db.query(
    `select distinct email from (
       select m.email from membres_instance m where m.instance_id = $1 and m.email is not null
       union select p.email from membres_instance m join personnes p on p.id = m.personne_id where m.instance_id = $1 and p.email is not null
       union select us.email from membres_instance m join personnes p on p.organisation_id = m.organisation_id join utilisateurs us on us.personne_id = p.id
         where m.instance_id = $1 and us.actif) x order by email`,
    [instanceId],
  );
  return rows.map((r) => r.email as string);
}

/** How many of these fiches belong to the contract. */
export async function nombreFichesDuContrat(db: Queryable, contratId: string, ficheIds: string[]): Promise<number> {
  const { rows } = await db.query('select count(*)::int n from fiches where id = any($1::uuid[]) and contrat_id = $2', [
    ficheIds,
    contratId,
  ]);
  return rows[0].n;
}

const COLONNES_POSTE = `p.id, p.intitule, p.personne, p.employeur_id as "employeurId", o.nom as "employeurNom", p.etp, p.cofinancements, p.debut, p.fin,
  p.notes_passation as "notesPassation", p.version`;

/** The contract's coordinator posts with their employer's name, by start date. */
export async function postesDuContrat(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select ${COLONNES_POSTE} from postes_coordination p left join organisations o on o.id = p.employeur_id where p.contrat_id = $1 order by p.debut nulls last`,
    [contratId],
  );
  return rows;
}

/** One post of the contract with its employer's name, or null. */
export async function posteDuContrat(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(
    `select ${COLONNES_POSTE} from postes_coordination p left join organisations o on o.id = p.employeur_id where p.id = $1 and p.contrat_id = $2`,
    [id, contratId],
  );
  return rows[0] ?? null;
}

/** Every funding line of the contract (its fiches' and its own) with the fiche and the funder's name, in order. */
export async function lignesFinancement(db: Queryable, contratId: string) {
  const { rows } = await db.query(
    `select l.id, l.fiche_id as "ficheId", f.numero as "ficheNumero", f.intitule as "ficheIntitule", f.axe_id as "axeId", l.objet,
       coalesce(o.nom, l.financeur_libelle, 'Financeur non précisé') as financeur, l.financeur_id as "financeurId", l.dispositif, l.annee,
       l.montant_centimes as "montantCentimes", l.nature, l.statut, l.valorisation_nature as "valorisationNature"
     from financements l left join fiches f on f.id = l.fiche_id left join organisations o on o.id = l.financeur_id
     where l.contrat_id = $1 order by l.annee, f.ordre nulls first, l.rang`,
    [contratId],
  );
  return rows;
}

/** The facts the alerts rules need, for several contracts at once: one query per kind of fact. */
export async function faitsAlertes(db: Queryable, contratIds: string[]) {
  const [contrats, copil, postes, sansPilote] = await Promise.all([
    db.query<{
      id: string;
      statut: StatutContrat;
      dateSignature: string | null;
      debutElaboration: string | null;
      doctrines: (Doctrine | null)[];
    }>(
      `select c.id, c.statut, c.date_signature as "dateSignature", c.debut_elaboration as "debutElaboration",
         array(select d.regles from unnest(c.regions) r left join doctrines d on d.region_code = r) as doctrines
       from contrats c where c.id = any($1::uuid[])`,
      [contratIds],
    ),
    db.query<{ contratId: string; jour: string }>(
      `select s.contrat_id as "contratId", to_char(s.debut at time zone 'Europe/Paris', 'YYYY-MM-DD') as jour from seances s join instances i on i.id = s.instance_id
       where s.contrat_id = any($1::uuid[]) and i.type = 'copil' and s.statut <> 'annulee'`,
      [contratIds],
    ),
    db.query<{ contratId: string; personne: string | null; debut: string | null; fin: string | null }>(
      'select contrat_id as "contratId", personne, debut, fin from postes_coordination where contrat_id = any($1::uuid[])',
      [contratIds],
    ),
    db.query<{ contratId: string; numero: number }>(
      `select f.contrat_id as "contratId", f.numero from fiches f where f.contrat_id = any($1::uuid[]) and f.statut not in ('realisee', 'abandonnee')
         and not exists (select 1 from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id is not null) order by f.numero`,
      [contratIds],
    ),
  ]);
  return { contrats: contrats.rows, copil: copil.rows, postes: postes.rows, sansPilote: sansPilote.rows };
}

/** The coordinators due a weekly digest (not opted out, none sent in the last six days), with their contracts. */
export async function destinatairesSynthese(db: Queryable, maintenant: string) {
  const { rows } = await db.query<{ id: string; email: string; prenom: string; contrats: string[] }>(
    `select u.id, u.email, p.prenom, array_agg(h.contrat_id) as contrats from utilisateurs u
     join personnes p on p.id = u.personne_id join habilitations h on h.utilisateur_id = u.id and h.role = 'coordonnateur'
     left join preferences_courriel pc on pc.utilisateur_id = u.id
     where u.actif and coalesce(pc.synthese_hebdomadaire, true)
       and (pc.derniere_synthese is null or pc.derniere_synthese < $1::timestamptz - interval '6 days')
     group by u.id, u.email, p.prenom`,
    [maintenant],
  );
  return rows;
}

/** The offer's organisation and the fiche's contract, or null when either is unknown. */
export async function offreEtFiche(db: Queryable, offreId: string, ficheId: string) {
  const { rows } = await db.query<{ organisationId: string; contratId: string }>(
    'select o.organisation_id as "organisationId", f.contrat_id as "contratId" from offres_service o, fiches f where o.id = $1 and f.id = $2',
    [offreId, ficheId],
  );
  return rows[0] ?? null;
}
