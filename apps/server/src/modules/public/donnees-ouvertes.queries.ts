/**
 * The open data's other datasets (read-only): fiches, axes, objectifs and pilot organisations (fiches, contrats,
 * comptes), validated follow-up values (suivi), published directory resources (ressources). Callers pass the ids of
 * the published contracts (public.queries.ts decides what is published). No person, no internal note, no funding
 * line, no narrative of a value (récit), nothing not validated.
 */
import type { Queryable } from '../../platform/database';

export interface FicheOuverteLigne {
  id: string;
  contratId: string;
  numero: number;
  intitule: string;
  statut: string;
  axe: string | null;
  objectif: string | null;
  debut: string | null;
  fin: string | null;
  description: string | null;
  thematiques: string[];
  publics: string[];
  pilotes: string[];
  modifieLe: string;
}

/** The fiches of these contracts, in the contract's order. Pilots are organisations (and their service), never persons. */
export async function fichesDesContrats(db: Queryable, contratIds: string[]): Promise<FicheOuverteLigne[]> {
  const { rows } = await db.query(
    `select f.id, f.contrat_id as "contratId", f.numero, f.intitule, f.statut, a.intitule as axe, o.intitule as objectif,
       f.debut, f.fin, nullif(f.contenu ->> 'description', '') as description, f.thematiques, f.publics,
       array(select coalesce(og.sigle, og.nom) || coalesce(' (' || p.service || ')', '')
             from fiche_pilotes p join organisations og on og.id = p.organisation_id where p.fiche_id = f.id order by p.rang) as pilotes,
       f.modifie_le as "modifieLe"
     from fiches f left join axes a on a.id = f.axe_id left join objectifs o on o.id = f.objectif_id
     where f.contrat_id = any($1::uuid[]) order by f.contrat_id, f.ordre, f.numero`,
    [contratIds],
  );
  return rows;
}

export interface ValeurOuverteLigne {
  indicateurId: string;
  periode: string;
  contratId: string;
  ficheId: string;
  ficheNumero: number;
  libelle: string;
  type: 'processus' | 'activite' | 'resultat';
  unite: string | null;
  source: string | null;
  pourcentage: boolean;
  valeur: number | null;
  numerateur: number | null;
  denominateur: number | null;
  modifieLe: string;
}

/** The validated follow-up values of these contracts' indicators: only « valide », never a draft or a sent-back one. */
export async function valeursValidees(db: Queryable, contratIds: string[]): Promise<ValeurOuverteLigne[]> {
  const { rows } = await db.query(
    `select i.id as "indicateurId", v.periode, i.contrat_id as "contratId", f.id as "ficheId", f.numero as "ficheNumero",
       i.libelle, i.type, nullif(i.unite, '') as unite, nullif(i.source, '') as source, i.pourcentage, v.valeur, v.numerateur,
       v.denominateur, v.modifie_le as "modifieLe"
     from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id join fiches f on f.id = i.fiche_id
     where v.etat = 'valide' and i.contrat_id = any($1::uuid[])
     order by i.contrat_id, f.ordre, f.numero, i.rang, i.id, v.periode`,
    [contratIds],
  );
  return rows;
}

export interface RessourceOuverteLigne {
  id: string;
  nom: string;
  typeCode: string;
  typeLibelle: string;
  organisation: string;
  publics: string[];
  missions: string[];
  niveau: string;
  sollicitablePar: string[];
  adresse: string | null;
  communeCode: string | null;
  communeNom: string | null;
  horaires: string | null;
  contacts: { type: string; valeur: string }[];
  criteresInclusion: string | null;
  modifieLe: string;
}

/**
 * Every published and active resource of the directory (decision 0030: a suspended or closed one is not public),
 * with no limit: the public directory's search stops at 500, the dataset does not.
 */
export async function ressourcesPubliees(db: Queryable): Promise<RessourceOuverteLigne[]> {
  const { rows } = await db.query(
    `select r.id, r.nom, r.type_code as "typeCode", t.libelle as "typeLibelle", coalesce(o.sigle, o.nom) as organisation, r.publics, r.missions,
       r.niveau, r.sollicitable_par as "sollicitablePar", r.adresse, r.commune_code as "communeCode", c.nom as "communeNom",
       r.horaires, r.contacts, r.criteres_inclusion as "criteresInclusion", r.modifie_le as "modifieLe"
     from ressources r join types_ressource t on t.code = r.type_code join organisations o on o.id = r.organisation_id
       left join territoires c on c.type = 'commune' and c.code = r.commune_code
     where r.publie and r.statut = 'active' order by r.nom, r.id`,
  );
  return rows;
}

/**
 * Each dataset's latest change (the greatest modifieLe among its records, null when it has none), in one query: what
 * the DCAT catalogue dates each dataset with, without reading the datasets. Same rows as the queries above and the
 * published contracts' own list.
 */
export async function dernieresModifications(
  db: Queryable,
  contratIds: string[],
): Promise<{ contrats: string | null; fiches: string | null; indicateurs: string | null; ressources: string | null }> {
  const { rows } = await db.query(
    `select (select max(c.modifie_le) from contrats c where c.id = any($1::uuid[])) as contrats,
       (select max(f.modifie_le) from fiches f where f.contrat_id = any($1::uuid[])) as fiches,
       (select max(v.modifie_le) from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id join fiches f on f.id = i.fiche_id
        where v.etat = 'valide' and i.contrat_id = any($1::uuid[])) as indicateurs,
       (select max(r.modifie_le) from ressources r join types_ressource t on t.code = r.type_code join organisations o on o.id = r.organisation_id
        where r.publie and r.statut = 'active') as ressources`,
    [contratIds],
  );
  return rows[0];
}
