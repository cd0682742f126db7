-- Issue 13, « Des règles qui tiennent ».

-- 1. A renewal takes the predecessor to « Renouvelé » (decision in renouvellement.service.ts / succession.ts). Contracts
-- renewed before stayed « En évaluation » (or signé, échu) beside their next generation: they reach their final
-- status now, each with its trace in the audit journal.
with a_corriger as (
  select p.id, p.statut, p.regions,
    (select s.id from contrats s where s.predecesseur_id = p.id order by s.cree_le limit 1) as successeur
  from contrats p
  where p.statut in ('signe', 'evaluation', 'echu') and exists (select 1 from contrats s where s.predecesseur_id = p.id)
),
corriges as (
  update contrats c set statut = 'renouvele', version = c.version + 1, modifie_le = now()
  from a_corriger a where c.id = a.id
  returning c.id
)
insert into audit_evenements (acteur_id, acteur_libelle, entite_type, entite_id, action, diff, contexte)
select null, 'Système', 'contrat', a.id::text, 'statut',
  jsonb_build_object('statut', jsonb_build_object('avant', a.statut, 'apres', 'renouvele')),
  jsonb_build_object('regions', to_jsonb(a.regions), 'successeurId', a.successeur, 'migration', '0016')
from a_corriger a join corriges using (id);

-- 2. The library's search ignores accents on both sides (« colon » finds « côlon »): a text search configuration
-- `maillage_fr`, French with unaccent first. unaccent is a trusted extension (PostgreSQL 13+): the database owner may
-- create it.
create extension if not exists unaccent;
create text search configuration maillage_fr (copy = french);
alter text search configuration maillage_fr alter mapping for hword, hword_part, word with unaccent, french_stem;

-- And plurals: the French Snowball stemmer gives « cancer » → canc but « cancers » → cancer, so « cancers -côlon »
-- missed the singular. Words lose a final s or x (after three letters at least) before stemming, in the indexed text
-- and in every query alike (the services call this same function), so both sides always agree. Explicit letter
-- ranges, not [[:alpha:]], so the result does not depend on the server's locale (the function feeds a generated column).
create function maillage_singulier(t text) returns text
  language sql immutable parallel safe
  as $$ select regexp_replace(t, '([A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]{3,})[sSxX](?![A-Za-zÀ-ÖØ-öø-ÿŒœÆæ0-9])', '\1', 'g') $$;

-- JSON values are singularised as JSON text (an s or x is never part of a JSON escape) and read back as JSON, so
-- only their strings are indexed. A generated column cannot change its expression before PostgreSQL 17: dropped (with its index) and added again.
alter table fiches drop column recherche;
alter table fiches add column recherche tsvector generated always as (
  setweight(to_tsvector('maillage_fr', maillage_singulier(intitule)), 'A')
  || setweight(to_tsvector('maillage_fr', maillage_singulier(coalesce(contenu ->> 'description', ''))), 'B')
  || setweight(to_tsvector('maillage_fr', maillage_singulier(coalesce(contenu -> 'objectifsOperationnels', '[]'::jsonb)::text)::jsonb), 'B')
  || setweight(to_tsvector('maillage_fr', maillage_codes_en_texte(thematiques)), 'B')
  || setweight(to_tsvector('maillage_fr', maillage_singulier(coalesce(contenu ->> 'argumentation', ''))), 'C')
  || setweight(to_tsvector('maillage_fr', maillage_singulier(coalesce(contenu ->> 'publicPrecision', ''))), 'C')
  || setweight(to_tsvector('maillage_fr', maillage_codes_en_texte(publics)), 'C')
  || setweight(to_tsvector('maillage_fr', maillage_singulier(jsonb_path_query_array(contenu, '$.etapes[*].libelle')::text)::jsonb), 'C')
) stored;
create index fiches_recherche on fiches using gin (recherche);
