-- Portefeuille régional, bibliothèque d'actions, pages publiques.

-- The text of a text[] of codes ("sante_mentale" → "sante mentale"), for full-text search. array_to_string is
-- only stable in general (element output functions may depend on settings); for text[] it cannot change, so this
-- wrapper may be immutable and feed a generated column.
create function maillage_codes_en_texte(codes text[]) returns text
  language sql immutable parallel safe
  as $$ select translate(array_to_string(codes, ' '), '_', ' ') $$;

-- The library searches more of a fiche than its title and description: its objectifs opérationnels, themes,
-- argumentation, public and steps. A generated column cannot change its expression before PostgreSQL 17: it is
-- dropped (with its index) and added again.
alter table fiches drop column recherche;
alter table fiches add column recherche tsvector generated always as (
  setweight(to_tsvector('french', intitule), 'A')
  || setweight(to_tsvector('french', coalesce(contenu ->> 'description', '')), 'B')
  || setweight(to_tsvector('french', coalesce(contenu -> 'objectifsOperationnels', '[]'::jsonb)), 'B')
  || setweight(to_tsvector('french', maillage_codes_en_texte(thematiques)), 'B')
  || setweight(to_tsvector('french', coalesce(contenu ->> 'argumentation', '')), 'C')
  || setweight(to_tsvector('french', coalesce(contenu ->> 'publicPrecision', '')), 'C')
  || setweight(to_tsvector('french', maillage_codes_en_texte(publics)), 'C')
  || setweight(to_tsvector('french', jsonb_path_query_array(contenu, '$.etapes[*].libelle')), 'C')
) stored;
create index fiches_recherche on fiches using gin (recherche);

-- The public list reads only published contracts.
create index contrats_publies on contrats (id) where publie;
