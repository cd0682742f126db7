-- Organisations created from any picker (issue 12, decision 0021): pre-filled from the référentiel, checked for duplicates.

-- The référentiel keeps the SIREN of communes and EPCI (an EPCI's code is its SIREN) and INSEE's type de liaison
-- (« de », « du », « de la »…) to name a collectivité; the next start reloads it to fill them.
alter table territoires add column siren text, add column type_liaison smallint;
delete from referentiel_chargements where source = '@etalab/decoupage-administratif';

-- Close names: trigram similarity on names without accents, case or punctuation.
create extension if not exists pg_trgm;
create function nom_compare(nom text) returns text
  language sql immutable parallel safe
  return btrim(regexp_replace(
    translate(replace(replace(lower(nom), 'œ', 'oe'), 'æ', 'ae'), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'),
    '[^a-z0-9]+', ' ', 'g'));
create index organisations_nom_trgm on organisations using gin (nom_compare(nom) gin_trgm_ops);
create index organisations_siren on organisations (siren) where siren is not null;
create index organisations_finess on organisations (finess) where finess is not null;
