-- Issue 16: the fiche list shows of each fiche's étapes only their names and dates (the calendar). Read from
-- `contenu` they cost, on every list, decompressing the whole template of each fiche (~3.4 KB of JSON, stored
-- compressed): half of the list's query. They are computed once, when the fiche is written (decision 0034).
-- The same shape the list's query built: an array of {libelle, debut, fin} in the order of the étapes, libelle ''
-- when absent, dates as stored (ISO text) or null; an empty array when `contenu` has no array of étapes.
create function maillage_etapes_calendrier(contenu jsonb) returns jsonb
  language sql immutable parallel safe
  as $$ select coalesce(jsonb_agg(jsonb_build_object('libelle', coalesce(e.v ->> 'libelle', ''), 'debut', e.v ->> 'debut', 'fin', e.v ->> 'fin')
                                  order by e.n), '[]'::jsonb)
        from jsonb_array_elements(case when jsonb_typeof(contenu -> 'etapes') = 'array' then contenu -> 'etapes' end) with ordinality e (v, n) $$;

alter table fiches add column etapes_calendrier jsonb not null generated always as (maillage_etapes_calendrier(contenu)) stored;
