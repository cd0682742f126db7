/**
 * The library's read model (read-only): fiches of every contract a user may read, found by French full-text search,
 * and the contracts that may receive a copy; across the fiches, contrats and avenants tables.
 */
import { DEBUT_SURLIGNAGE, FIN_SURLIGNAGE, type StatutContrat, type StatutFiche } from '@maillage/domain';
import type { Queryable } from '../../platform/database';
import { ORGANISATIONS_ENGAGEES } from '../contrats/lecture.service';

/** The contracts a user may read, as SQL parameters (the service derives them from the habilitations). */
export interface Visibilite {
  tout: boolean;
  regions: string[];
  contrats: string[];
  organisations: string[];
}

export interface CritereRecherche {
  /** The words as typed, or null for every fiche. */
  q: string | null;
  /** The prefix query of the words still being typed (domain `requetePrefixe`). */
  prefixe: string | null;
  thematique: string | null;
  statut: string | null;
  region: string | null;
  public: string | null;
  limite: number;
  decalage: number;
}

export interface FicheTrouvee {
  id: string;
  numero: number;
  intitule: string;
  statut: StatutFiche;
  thematiques: string[];
  publics: string[];
  rang: number;
  total: number;
  /** Title and extract with the markers of `DEBUT_SURLIGNAGE` / `FIN_SURLIGNAGE` around the matches. */
  intituleSurligne: string;
  extrait: string | null;
  contrat: {
    id: string;
    intitule: string;
    statut: StatutContrat;
    generation: number;
    periode: { debut: string | null; fin: string | null };
    regions: string[];
    departements: string[];
    population: number;
    publie: boolean;
  };
  engagees: string[];
}

// ts_headline's options: the markers are private-use characters, cut into segments by the domain (never HTML).
const SURLIGNAGE = `StartSel=${DEBUT_SURLIGNAGE}, StopSel=${FIN_SURLIGNAGE}`;
const OPTIONS_EXTRAIT = `${SURLIGNAGE}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One page of fiches, best match first, with the total. Stemming and accents come from the `maillage_fr`
 * configuration (migration 0016); the prefix query adds the words still being typed and keeps the exclusions.
 */
export async function chercherFiches(db: Queryable, v: Visibilite, c: CritereRecherche): Promise<FicheTrouvee[]> {
  const { rows } = await db.query(
    `with cherche as (
       select case when $5::text is null then null
                   else websearch_to_tsquery('maillage_fr', maillage_singulier($5)) || coalesce(to_tsquery('maillage_fr', maillage_singulier($6)), ''::tsquery) end as tsq),
     -- Highlighting reads the text as written: the words as typed also mark the plurals.
     requete as (select tsq, case when tsq is null then null else tsq || websearch_to_tsquery('maillage_fr', $5) end as surligne from cherche),
     trouvees as (
       select f.id, f.contrat_id, f.numero, f.ordre, f.intitule, f.statut, f.thematiques, f.publics, f.contenu,
         case when r.tsq is null then 0 else ts_rank(f.recherche, r.tsq) end as rang, count(*) over () as total
       from fiches f join contrats c on c.id = f.contrat_id cross join requete r
       where ($1 or c.publie or c.regions && $2::text[] or c.id = any($3::uuid[])
              or (cardinality($4::uuid[]) > 0
                  and exists (select 1 from ${ORGANISATIONS_ENGAGEES} o(organisation_id) where o.organisation_id = any($4::uuid[]))))
         and (r.tsq is null or f.recherche @@ r.tsq)
         and ($7::text is null or $7 = any(f.thematiques)) and ($8::text is null or f.statut = $8)
         and ($9::text is null or $9 = any(c.regions)) and ($10::text is null or $10 = any(f.publics))
       order by rang desc, c.intitule, f.ordre
       limit $11 offset $12)
     -- Extracts are computed for the page only: ts_headline reads the whole text.
     select t.id, t.numero, t.intitule, t.statut, t.thematiques, t.publics, t.rang, t.total,
       case when r.tsq is null then t.intitule else ts_headline('maillage_fr', t.intitule, r.surligne, '${SURLIGNAGE}, HighlightAll=true') end as "intituleSurligne",
       ts_headline('maillage_fr', concat_ws(' — ', t.contenu ->> 'description',
           (select string_agg(x, ' ; ') from jsonb_array_elements_text(case when jsonb_typeof(t.contenu -> 'objectifsOperationnels') = 'array' then t.contenu -> 'objectifsOperationnels' else '[]' end) x),
           t.contenu ->> 'argumentation'),
         coalesce(r.surligne, ''::tsquery), '${OPTIONS_EXTRAIT}') as extrait,
       json_build_object('id', c.id, 'intitule', c.intitule, 'statut', c.statut, 'generation', c.generation,
         'periode', json_build_object('debut', c.periode_debut, 'fin', c.periode_fin), 'regions', c.regions, 'departements', c.departements,
         'population', c.population, 'publie', c.publie) as contrat,
       array(select distinct o.organisation_id::text from ${ORGANISATIONS_ENGAGEES} o(organisation_id)) as engagees
     from trouvees t join contrats c on c.id = t.contrat_id cross join requete r
     order by t.rang desc, c.intitule, t.ordre`,
    [v.tout, v.regions, v.contrats, v.organisations, c.q, c.prefixe, c.thematique, c.statut, c.region, c.public, c.limite, c.decalage],
  );
  return rows;
}

/** Every contract for an administrator, else the user's own contracts: where a copy may go, with whether an avenant is being drafted. */
export async function contratsOuverts(db: Queryable, v: Visibilite) {
  const { rows } = await db.query<{
    id: string;
    intitule: string;
    statut: StatutContrat;
    generation: number;
    regions: string[];
    publie: boolean;
    avenantOuvert: boolean;
  }>(
    `select c.id, c.intitule, c.statut, c.generation, c.regions, c.publie,
       exists (select 1 from avenants a where a.contrat_id = c.id and a.etat = 'brouillon') as "avenantOuvert"
     from contrats c where $1 or c.id = any($2::uuid[]) order by c.intitule, c.generation`,
    [v.tout, v.contrats],
  );
  return rows;
}
