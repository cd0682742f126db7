import type { FicheSaisie, Priorite, StatutFiche } from '@maillage/domain';
import type { IndicateurFicheSaisie } from '@maillage/domain';
import { preparee, type Queryable } from '../../platform/database';
import { INDICATEURS_DE_FICHE } from './indicateurs-fiche';

/** Fields kept in columns (filtered, sorted, joined); the rest of the template lives in `contenu`. */
const EN_COLONNES = [
  'intitule',
  'axeId',
  'objectifId',
  'statut',
  'priorite',
  'debut',
  'fin',
  'thematiques',
  'publics',
  'pilotes',
  'financements',
] as const;

/** Fields kept elsewhere: the indicators are the fiche's follow-up indicators, in their own table (decision 0007). */
const HORS_CONTENU = [...EN_COLONNES, 'indicateurs'] as const;

/** The template's fields kept in the jsonb column. */
export type ContenuFiche = Omit<FicheSaisie, (typeof HORS_CONTENU)[number]>;

export function contenuDe(fiche: FicheSaisie): ContenuFiche {
  return Object.fromEntries(Object.entries(fiche).filter(([cle]) => !(HORS_CONTENU as readonly string[]).includes(cle))) as ContenuFiche;
}

/** An indicator as the fiche gives it: its id and version, and its definition. */
export type IndicateurDeFiche = IndicateurFicheSaisie & { id: string; version: number };

export interface PiloteLigne {
  organisationId: string | null;
  organisationNom: string | null;
  organisationSigle: string | null;
  service: string | null;
}

export interface FinancementLigne {
  id: string;
  financeurId: string | null;
  financeurNom: string | null;
  financeurLibelle: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: 'fonctionnement' | 'investissement';
  statut: string;
  valorisationNature: string | null;
}

export interface FicheLigne {
  id: string;
  contratId: string;
  numero: number;
  ordre: number;
  intitule: string;
  axeId: string | null;
  objectifId: string | null;
  statut: StatutFiche;
  priorite: Priorite | null;
  debut: string | null;
  fin: string | null;
  thematiques: string[];
  publics: string[];
  contenu: ContenuFiche;
  pilotes: PiloteLigne[];
  financements: FinancementLigne[];
  indicateurs: IndicateurDeFiche[];
  /** The contract's schemes (ASV, CLSM, CPTS…) the fiche is linked to (decision 0017). */
  dispositifsTerritoriaux: { id: string; type: string; nom: string }[];
  version: number;
  modifieLe: string;
}

/** A fiche's pilots and funding lines, as JSON arrays (the full fiche and the list). */
const PILOTES_DE_FICHE = `coalesce((select json_agg(json_build_object('organisationId', p.organisation_id, 'organisationNom', o.nom, 'organisationSigle', o.sigle,
      'service', p.service) order by p.rang) from fiche_pilotes p left join organisations o on o.id = p.organisation_id
      where p.fiche_id = f.id), '[]') as pilotes`;
const FINANCEMENTS_DE_FICHE = `coalesce((select json_agg(json_build_object('id', l.id, 'financeurId', l.financeur_id, 'financeurNom', o.nom,
      'financeurLibelle', l.financeur_libelle, 'dispositif', l.dispositif, 'annee', l.annee, 'montantCentimes', l.montant_centimes,
      'nature', l.nature, 'statut', l.statut, 'valorisationNature', l.valorisation_nature) order by l.rang)
      from financements l left join organisations o on o.id = l.financeur_id where l.fiche_id = f.id), '[]') as financements`;

export const SELECT_FICHE = `
  select f.id, f.contrat_id as "contratId", f.numero, f.ordre, f.intitule, f.axe_id as "axeId", f.objectif_id as "objectifId",
    f.statut, f.priorite, f.debut, f.fin, f.thematiques, f.publics, f.contenu, f.version, f.modifie_le as "modifieLe",
    ${PILOTES_DE_FICHE},
    ${FINANCEMENTS_DE_FICHE},
    ${INDICATEURS_DE_FICHE} as indicateurs,
    coalesce((select json_agg(json_build_object('id', d.id, 'type', d.type, 'nom', d.nom) order by d.type, d.nom, d.id)
      from fiche_dispositifs_territoriaux l join dispositifs_territoriaux d on d.id = l.dispositif_id where l.fiche_id = f.id), '[]') as "dispositifsTerritoriaux"
  from fiches f`;

/**
 * A fiche as the list screens show it (ficheListee): its columns, pilots and funding, and of its content only the
 * étapes' names and dates. Neither the rest of the template, nor the indicators, nor the schemes are read. The
 * étapes come from `etapes_calendrier`, computed from `contenu` when the fiche is written (migration 0031): reading
 * them from `contenu` decompressed the whole template of each fiche on every list.
 */
export type FicheListeeLigne = Omit<
  FicheLigne,
  'contenu' | 'indicateurs' | 'dispositifsTerritoriaux' | 'thematiques' | 'publics' | 'modifieLe'
> & {
  etapes: { libelle: string; debut: string | null; fin: string | null }[];
};

const SELECT_FICHE_LISTEE = `
  select f.id, f.contrat_id as "contratId", f.numero, f.ordre, f.intitule, f.axe_id as "axeId", f.objectif_id as "objectifId",
    f.statut, f.priorite, f.debut, f.fin, f.version,
    ${PILOTES_DE_FICHE},
    ${FINANCEMENTS_DE_FICHE},
    f.etapes_calendrier as etapes
  from fiches f`;

export async function obtenirFiche(db: Queryable, id: string, verrouiller = false): Promise<FicheLigne | null> {
  if (verrouiller) await db.query('select 1 from fiches where id = $1 for update', [id]);
  const { rows } = await db.query(`${SELECT_FICHE} where f.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface FiltreFiches {
  axeId: string | null;
  statut: string | null;
  piloteId: string | null;
  thematique: string | null;
  financeurId: string | null;
  public: string | null;
  q: string | null;
  tri: 'ordre' | 'numero' | 'intitule' | 'statut' | 'debut';
}

const TRIS: Record<FiltreFiches['tri'], string> = {
  ordre: 'f.ordre',
  numero: 'f.numero',
  intitule: 'f.intitule',
  statut: 'f.statut, f.ordre',
  debut: 'f.debut nulls last, f.ordre',
};

/** The list's filters ($2 to $8) and order, on `fiches f` of contract $1. */
const conditionsListe = (filtre: FiltreFiches) => `
     where f.contrat_id = $1
       and ($2::uuid is null or f.axe_id = $2) and ($3::text is null or f.statut = $3)
       and ($4::uuid is null or exists (select 1 from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id = $4))
       and ($5::text is null or $5 = any(f.thematiques))
       and ($6::uuid is null or exists (select 1 from financements l where l.fiche_id = f.id and l.financeur_id = $6))
       and ($7::text is null or $7 = any(f.publics))
       and ($8::text is null or f.recherche @@ websearch_to_tsquery('maillage_fr', maillage_singulier($8)) or f.intitule ilike '%' || $8 || '%'
            or f.numero::text = $8)
     order by ${TRIS[filtre.tri]}`;

const parametresListe = (contratId: string, filtre: FiltreFiches) => [
  contratId,
  filtre.axeId,
  filtre.statut,
  filtre.piloteId,
  filtre.thematique,
  filtre.financeurId,
  filtre.public,
  filtre.q,
];

/** Every field of the fiches (snapshots, documents, exports, plan imports). */
export async function listerFiches(db: Queryable, contratId: string, filtre: FiltreFiches): Promise<FicheLigne[]> {
  const { rows } = await db.query(`${SELECT_FICHE} ${conditionsListe(filtre)}`, parametresListe(contratId, filtre));
  return rows;
}

/** The list's statement for each order, prepared (decision 0034): the filters are parameters, so five texts in all. */
const LISTES_PREPAREES = Object.fromEntries(
  (Object.keys(TRIS) as FiltreFiches['tri'][]).map((tri) => [
    tri,
    preparee(`${SELECT_FICHE_LISTEE} ${conditionsListe({ tri } as FiltreFiches)}`),
  ]),
) as Record<FiltreFiches['tri'], ReturnType<typeof preparee>>;

/** What the list screens show (GET /api/contrats/{id}/fiches). */
export async function listerFichesListees(db: Queryable, contratId: string, filtre: FiltreFiches): Promise<FicheListeeLigne[]> {
  const { rows } = await db.query(LISTES_PREPAREES[filtre.tri](parametresListe(contratId, filtre)));
  return rows;
}

export async function numerosAttribues(db: Queryable, contratId: string): Promise<number[]> {
  const { rows } = await db.query('select numero from numeros_fiches where contrat_id = $1', [contratId]);
  return rows.map((r) => r.numero);
}

export async function creerFiche(db: Queryable, contratId: string, numero: number, ordre: number, f: FicheSaisie): Promise<string> {
  await db.query('update fiches set ordre = ordre + 1 where contrat_id = $1 and ordre >= $2', [contratId, ordre]);
  await db.query('insert into numeros_fiches (contrat_id, numero) values ($1, $2)', [contratId, numero]);
  const { rows } = await db.query(
    `insert into fiches (contrat_id, numero, ordre, intitule, axe_id, objectif_id, statut, priorite, debut, fin, thematiques, publics, contenu)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [
      contratId,
      numero,
      ordre,
      f.intitule,
      f.axeId ?? null,
      f.objectifId ?? null,
      f.statut,
      f.priorite ?? null,
      f.debut ?? null,
      f.fin ?? null,
      f.thematiques,
      f.publics,
      contenuDe(f),
    ],
  );
  return rows[0].id;
}

export async function modifierFiche(db: Queryable, id: string, version: number, f: FicheSaisie): Promise<boolean> {
  const { rowCount } = await db.query(
    `update fiches set intitule = $3, axe_id = $4, objectif_id = $5, statut = $6, priorite = $7, debut = $8, fin = $9,
       thematiques = $10, publics = $11, contenu = $12, version = version + 1, modifie_le = now()
     where id = $1 and version = $2`,
    [
      id,
      version,
      f.intitule,
      f.axeId ?? null,
      f.objectifId ?? null,
      f.statut,
      f.priorite ?? null,
      f.debut ?? null,
      f.fin ?? null,
      f.thematiques,
      f.publics,
      contenuDe(f),
    ],
  );
  return rowCount === 1;
}

export async function remplacerPilotes(db: Queryable, ficheId: string, pilotes: FicheSaisie['pilotes']): Promise<void> {
  await db.query('delete from fiche_pilotes where fiche_id = $1', [ficheId]);
  await db.query(
    `insert into fiche_pilotes (fiche_id, rang, organisation_id, service)
     select $1, n.rang, n.organisation_id, n.service from json_to_recordset($2::json) n(rang int, organisation_id uuid, service text)`,
    [ficheId, JSON.stringify(pilotes.map((p, rang) => ({ rang, organisation_id: p.organisationId, service: p.service ?? null })))],
  );
}

/** A funding line as the `financements` columns take it (json_to_recordset), for one fiche or a batch. */
export const ligneFinancementSql = (l: FicheSaisie['financements'][number], rang: number) => ({
  rang,
  financeur_id: l.financeurId ?? null,
  financeur_libelle: l.financeurLibelle ?? null,
  dispositif: l.dispositif,
  annee: l.annee,
  montant_centimes: l.montantCentimes,
  nature: l.nature,
  statut: l.statut,
  valorisation_nature: l.valorisationNature ?? null,
});

export async function remplacerFinancements(
  db: Queryable,
  contratId: string,
  ficheId: string,
  lignes: FicheSaisie['financements'],
): Promise<void> {
  await db.query('delete from financements where fiche_id = $1', [ficheId]);
  await db.query(
    `insert into financements (contrat_id, fiche_id, rang, financeur_id, financeur_libelle, dispositif, annee, montant_centimes, nature, statut, valorisation_nature)
     select $1, $2, n.rang, n.financeur_id, n.financeur_libelle, n.dispositif, n.annee, n.montant_centimes, n.nature, n.statut, n.valorisation_nature
     from json_to_recordset($3::json) n(rang int, financeur_id uuid, financeur_libelle text, dispositif text, annee int,
       montant_centimes bigint, nature text, statut text, valorisation_nature text)`,
    [contratId, ficheId, JSON.stringify(lignes.map(ligneFinancementSql))],
  );
}

export async function noterStatut(db: Queryable, ficheId: string, statut: string, par: string): Promise<void> {
  await db.query('insert into fiche_statuts (fiche_id, statut, par) values ($1, $2, $3)', [ficheId, statut, par]);
}

export async function historiqueStatuts(db: Queryable, ficheId: string) {
  const { rows } = await db.query('select statut, le, par from fiche_statuts where fiche_id = $1 order by le, id', [ficheId]);
  return rows as { statut: string; le: string; par: string }[];
}

export async function supprimerFiche(db: Queryable, id: string): Promise<void> {
  const { rows } = await db.query('delete from fiches where id = $1 returning contrat_id, ordre', [id]);
  if (rows[0])
    await db.query('update fiches set ordre = ordre - 1 where contrat_id = $1 and ordre > $2', [rows[0].contrat_id, rows[0].ordre]);
}

export async function ordonnerFiches(db: Queryable, contratId: string, ids: string[]): Promise<boolean> {
  const { rowCount } = await db.query(
    `update fiches f set ordre = n.ordre from unnest($2::uuid[]) with ordinality n(id, ordre) where f.id = n.id and f.contrat_id = $1`,
    [contratId, ids],
  );
  const { rows } = await db.query('select count(*)::int n from fiches where contrat_id = $1', [contratId]);
  return rowCount === ids.length && rows[0].n === ids.length;
}

export async function nombreFiches(db: Queryable, contratId: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int n from fiches where contrat_id = $1', [contratId]);
  return rows[0].n;
}
