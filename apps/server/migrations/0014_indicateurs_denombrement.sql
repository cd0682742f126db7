-- Issue 13 : un indicateur déclare si ses valeurs sont des dénombrements (médecins, personnes, communes), qui
-- n'acceptent que des nombres entiers (décision 0018).
alter table indicateurs add column denombrement boolean not null default false;

-- Les indicateurs déjà en base additionnés par commune (méthode « somme ») dont toutes les valeurs sont entières sont
-- des effectifs : ils sont déclarés comme tels. Un indicateur qui a déjà une valeur décimale reste non déclaré, pour
-- qu'une personne le corrige ou le déclare en connaissance de cause.
update indicateurs i set denombrement = true
where i.methode_agregation = 'somme'
  and not exists (
    select 1 from valeurs v
    where v.indicateur_code = i.code
      and (v.valeur <> trunc(v.valeur) or v.borne_inf <> trunc(v.borne_inf) or v.borne_sup <> trunc(v.borne_sup)));
