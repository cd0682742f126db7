/**
 * The same writes as fiches.repository, for many fiches of one contract in a few statements (a plan import): the
 * rows travel as one JSON array per statement, so a 5 000-fiche plan costs a handful of round trips, not 50 000.
 */
import type { FicheSaisie } from '@maillage/domain';
import type { Queryable } from '../../platform/database';
import { contenuDe, ligneFinancementSql, SELECT_FICHE, type FicheLigne } from './fiches.repository';

// Statements stay a few MB at most, whatever the number of fiches.
const TAILLE_PAQUET = 1000;

async function parPaquets<T>(lignes: T[], ecrire: (paquet: T[]) => Promise<unknown>) {
  for (let i = 0; i < lignes.length; i += TAILLE_PAQUET) await ecrire(lignes.slice(i, i + TAILLE_PAQUET));
}

const json = (valeur: unknown) => JSON.stringify(valeur);

export interface FicheACreer {
  id: string;
  numero: number;
  ordre: number;
  saisie: FicheSaisie;
}

const colonnesFiche = (f: FicheSaisie) => ({
  intitule: f.intitule,
  axe_id: f.axeId ?? null,
  objectif_id: f.objectifId ?? null,
  statut: f.statut,
  priorite: f.priorite ?? null,
  debut: f.debut ?? null,
  fin: f.fin ?? null,
  thematiques: f.thematiques,
  publics: f.publics,
  contenu: contenuDe(f),
});

// JSON arrays become text[] columns (PostgreSQL 10 and later convert them recursively).
const RECORDSET_FICHE = `n(id uuid, numero int, ordre int, version int, intitule text, axe_id uuid, objectif_id uuid, statut text, priorite text,
  debut date, fin date, thematiques text[], publics text[], contenu jsonb)`;

export async function creerFiches(db: Queryable, contratId: string, fiches: FicheACreer[]): Promise<void> {
  await parPaquets(fiches, async (paquet) => {
    await db.query('insert into numeros_fiches (contrat_id, numero) select $1, unnest($2::int[])', [
      contratId,
      paquet.map((f) => f.numero),
    ]);
    await db.query(
      `insert into fiches (id, contrat_id, numero, ordre, intitule, axe_id, objectif_id, statut, priorite, debut, fin, thematiques, publics, contenu)
       select n.id, $1, n.numero, n.ordre, n.intitule, n.axe_id, n.objectif_id, n.statut, n.priorite, n.debut, n.fin, n.thematiques, n.publics, n.contenu
       from json_to_recordset($2::json) ${RECORDSET_FICHE}`,
      [contratId, json(paquet.map((f) => ({ id: f.id, numero: f.numero, ordre: f.ordre, ...colonnesFiche(f.saisie) })))],
    );
  });
}

/** Locks the fiches about to change and gives their versions (ids in a fixed order, so two writers cannot deadlock). */
export async function verrouillerVersions(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  await parPaquets([...ids].sort(), async (paquet) => {
    const { rows } = await db.query('select id, version from fiches where id = any($1::uuid[]) order by id for update', [paquet]);
    for (const r of rows) versions.set(r.id, r.version);
  });
  return versions;
}

export async function modifierFiches(db: Queryable, fiches: { id: string; version: number; saisie: FicheSaisie }[]): Promise<void> {
  await parPaquets(fiches, (paquet) =>
    db.query(
      `update fiches f set intitule = n.intitule, axe_id = n.axe_id, objectif_id = n.objectif_id, statut = n.statut, priorite = n.priorite,
         debut = n.debut, fin = n.fin, thematiques = n.thematiques, publics = n.publics, contenu = n.contenu, version = f.version + 1, modifie_le = now()
       from json_to_recordset($1::json) ${RECORDSET_FICHE}
       where f.id = n.id and f.version = n.version`,
      [json(paquet.map((f) => ({ id: f.id, version: f.version, ...colonnesFiche(f.saisie) })))],
    ),
  );
}

/** Pilotes and financing lines of each fiche, replaced (the fiches' old ones removed first). */
export async function remplacerLiens(
  db: Queryable,
  contratId: string,
  fiches: { id: string; saisie: FicheSaisie }[],
  anciennes: string[],
): Promise<void> {
  await parPaquets(anciennes, async (ids) => {
    await db.query('delete from fiche_pilotes where fiche_id = any($1::uuid[])', [ids]);
    await db.query('delete from financements where fiche_id = any($1::uuid[])', [ids]);
  });
  await parPaquets(fiches, async (paquet) => {
    const pilotes = paquet.flatMap((f) =>
      f.saisie.pilotes.map((p, rang) => ({ fiche_id: f.id, rang, organisation_id: p.organisationId, service: p.service ?? null })),
    );
    if (pilotes.length)
      await db.query(
        `insert into fiche_pilotes (fiche_id, rang, organisation_id, service)
         select n.fiche_id, n.rang, n.organisation_id, n.service from json_to_recordset($1::json) n(fiche_id uuid, rang int, organisation_id uuid, service text)`,
        [json(pilotes)],
      );
    const lignes = paquet.flatMap((f) => f.saisie.financements.map((l, rang) => ({ fiche_id: f.id, ...ligneFinancementSql(l, rang) })));
    if (lignes.length)
      await db.query(
        `insert into financements (contrat_id, fiche_id, rang, financeur_id, financeur_libelle, dispositif, annee, montant_centimes, nature, statut, valorisation_nature)
         select $1, n.fiche_id, n.rang, n.financeur_id, n.financeur_libelle, n.dispositif, n.annee, n.montant_centimes, n.nature, n.statut, n.valorisation_nature
         from json_to_recordset($2::json) n(fiche_id uuid, rang int, financeur_id uuid, financeur_libelle text, dispositif text, annee int,
           montant_centimes bigint, nature text, statut text, valorisation_nature text)`,
        [contratId, json(lignes)],
      );
  });
}

export async function noterStatuts(db: Queryable, statuts: { ficheId: string; statut: string }[], par: string): Promise<void> {
  await parPaquets(statuts, (paquet) =>
    db.query('insert into fiche_statuts (fiche_id, statut, par) select unnest($1::uuid[]), unnest($2::text[]), $3', [
      paquet.map((s) => s.ficheId),
      paquet.map((s) => s.statut),
      par,
    ]),
  );
}

/** New ranks for fiches that moved (creations before them shift them down, as one creation at a time would). */
export async function reordonner(db: Queryable, ordres: { id: string; ordre: number }[]): Promise<void> {
  await parPaquets(ordres, (paquet) =>
    db.query('update fiches f set ordre = n.ordre from unnest($1::uuid[], $2::int[]) n(id, ordre) where f.id = n.id', [
      paquet.map((o) => o.id),
      paquet.map((o) => o.ordre),
    ]),
  );
}

export async function obtenirFiches(db: Queryable, ids: string[]): Promise<FicheLigne[]> {
  const lues: FicheLigne[] = [];
  await parPaquets(ids, async (paquet) => lues.push(...(await db.query(`${SELECT_FICHE} where f.id = any($1::uuid[])`, [paquet])).rows));
  return lues;
}
