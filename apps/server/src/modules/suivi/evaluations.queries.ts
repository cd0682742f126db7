/**
 * Read model of an evaluation's evidence (read-only, decision 0022): a piece of evidence is a validated follow-up
 * value, a verbatim of the diagnostic or a document of the contract, so it reads the diagnostics and documents
 * modules' tables. Nothing here writes.
 */
import type { Queryable } from '../../platform/database';

/** Of these ids, those that are evidence of this contract: its validated values, its verbatims, its documents. */
export async function preuvesDuContrat(
  db: Queryable,
  contratId: string,
  ids: { valeur: string[]; verbatim: string[]; document: string[] },
): Promise<Set<string>> {
  const [valeurs, verbatims, documents] = await Promise.all([
    db.query(
      `select v.id from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where i.contrat_id = $1 and v.etat = 'valide' and v.id = any($2)`,
      [contratId, ids.valeur],
    ),
    db.query('select id from verbatims where contrat_id = $1 and id = any($2)', [contratId, ids.verbatim]),
    db.query('select id from documents where contrat_id = $1 and id = any($2)', [contratId, ids.document]),
  ]);
  return new Set([...valeurs.rows, ...verbatims.rows, ...documents.rows].map((r) => r.id as string));
}

/** What a reader needs of each piece of evidence: the value with its indicator and fiche, the verbatim, the document's name. */
export async function contenuDesPreuves(db: Queryable, ids: string[]) {
  const [valeurs, verbatims, documents] = await Promise.all([
    db.query(
      `select v.id, v.periode, v.valeur, v.numerateur, v.denominateur, i.libelle, i.unite, i.pourcentage, f.numero as "ficheNumero"
       from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id join fiches f on f.id = i.fiche_id where v.id = any($1)`,
      [ids],
    ),
    db.query('select id, texte, locuteur, date_recueil as "dateRecueil" from verbatims where id = any($1)', [ids]),
    db.query('select id, nom from documents where id = any($1)', [ids]),
  ]);
  return { valeurs: valeurs.rows, verbatims: verbatims.rows, documents: documents.rows };
}

/** The contract's fiches still to carry into a renewal by default: neither done nor abandoned, in order. */
export async function fichesEnCours(db: Queryable, contratId: string): Promise<string[]> {
  const { rows } = await db.query(
    `select id from fiches where contrat_id = $1 and statut not in ('realisee', 'abandonnee') order by ordre`,
    [contratId],
  );
  return rows.map((r) => r.id as string);
}
