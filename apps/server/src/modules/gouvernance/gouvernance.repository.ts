/**
 * The rest of governance in SQL: coordinator posts, the contract's own funding lines (those of a fiche are written by
 * the fiches module), offers of service and their fiches, mail preferences. SQL only: the rules are in the services.
 */
import type { posteCoordinationSchema } from '@maillage/domain';
import type { z } from 'zod';
import type { Queryable } from '../../platform/database';

type Poste = z.infer<typeof posteCoordinationSchema>;

const valeursPoste = (p: Poste) => [
  p.intitule,
  p.personne ?? null,
  p.employeurId ?? null,
  p.etp ?? null,
  JSON.stringify(p.cofinancements),
  p.debut ?? null,
  p.fin ?? null,
  p.notesPassation ?? null,
];

export async function creerPoste(db: Queryable, contratId: string, p: Poste): Promise<string> {
  const { rows } = await db.query(
    `insert into postes_coordination (contrat_id, intitule, personne, employeur_id, etp, cofinancements, debut, fin, notes_passation) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [contratId, ...valeursPoste(p)],
  );
  return rows[0].id;
}

/** False when the version has moved. */
export async function modifierPoste(db: Queryable, id: string, version: number, p: Poste): Promise<boolean> {
  const { rowCount } = await db.query(
    `update postes_coordination set intitule = $3, personne = $4, employeur_id = $5, etp = $6, cofinancements = $7, debut = $8, fin = $9, notes_passation = $10, version = version + 1
     where id = $1 and version = $2`,
    [id, version, ...valeursPoste(p)],
  );
  return !!rowCount;
}

export interface LigneContratSaisie {
  objet: string;
  financeurId?: string | null;
  financeurLibelle?: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: string;
  statut: string;
  valorisationNature?: string | null;
}

/** A funding line of the contract itself (no fiche). */
export async function ajouterLigneContrat(db: Queryable, contratId: string, l: LigneContratSaisie): Promise<string> {
  const { rows } = await db.query(
    `insert into financements (contrat_id, objet, financeur_id, financeur_libelle, dispositif, annee, montant_centimes, nature, statut, valorisation_nature)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      contratId,
      l.objet,
      l.financeurId ?? null,
      l.financeurLibelle ?? null,
      l.dispositif,
      l.annee,
      l.montantCentimes,
      l.nature,
      l.statut,
      l.valorisationNature ?? null,
    ],
  );
  return rows[0].id;
}

/** Deletes a line of the contract itself (never a fiche's); returns what it was, or null. */
export async function supprimerLigneContrat(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(
    'delete from financements where id = $1 and contrat_id = $2 and fiche_id is null returning dispositif, annee, montant_centimes',
    [id, contratId],
  );
  return rows[0] ?? null;
}

/** The organisation's offers of service with the number of fiches each is attached to. */
export async function offresDeLOrganisation(db: Queryable, organisationId: string) {
  const { rows } = await db.query(
    `select o.id, o.intitule, o.description, (select count(*)::int from fiche_offres fo where fo.offre_id = o.id) as "nombreFiches"
     from offres_service o where o.organisation_id = $1 order by o.intitule`,
    [organisationId],
  );
  return rows;
}

/** Adds an offer; a unique violation (23505) means the catalogue already has it. */
export async function ajouterOffre(
  db: Queryable,
  organisationId: string,
  offre: { intitule: string; description?: string | null },
): Promise<string> {
  const { rows } = await db.query('insert into offres_service (organisation_id, intitule, description) values ($1, $2, $3) returning id', [
    organisationId,
    offre.intitule,
    offre.description ?? null,
  ]);
  return rows[0].id;
}

export async function rattacherOffre(db: Queryable, ficheId: string, offreId: string) {
  await db.query('insert into fiche_offres (fiche_id, offre_id) values ($1, $2) on conflict do nothing', [ficheId, offreId]);
}

export async function detacherOffre(db: Queryable, ficheId: string, offreId: string) {
  await db.query('delete from fiche_offres where fiche_id = $1 and offre_id = $2', [ficheId, offreId]);
}

/** Whether the user receives the weekly digest (by default yes). */
export async function recoitSynthese(db: Queryable, utilisateurId: string): Promise<boolean> {
  const { rows } = await db.query(
    'select synthese_hebdomadaire as "syntheseHebdomadaire" from preferences_courriel where utilisateur_id = $1',
    [utilisateurId],
  );
  return rows[0]?.syntheseHebdomadaire ?? true;
}

export async function changerSynthese(db: Queryable, utilisateurId: string, syntheseHebdomadaire: boolean) {
  await db.query(
    `insert into preferences_courriel (utilisateur_id, synthese_hebdomadaire) values ($1, $2) on conflict (utilisateur_id) do update set synthese_hebdomadaire = excluded.synthese_hebdomadaire`,
    [utilisateurId, syntheseHebdomadaire],
  );
}

export async function noterSyntheseEnvoyee(db: Queryable, utilisateurId: string, le: string) {
  await db.query(
    `insert into preferences_courriel (utilisateur_id, derniere_synthese) values ($1, $2) on conflict (utilisateur_id) do update set derniere_synthese = excluded.derniere_synthese`,
    [utilisateurId, le],
  );
}
