-- Commune codes are INSEE codes everywhere (issue 13): the database refuses anything else, as the domain's
-- MOTIF_CODE_COMMUNE_INSEE does (packages/domain/src/territoires.ts). A verbatim that stored a commune's name
-- ("Langon", from a demo) gets the code of the commune of that name in its contract's perimeter; one that matches no
-- commune of the perimeter keeps what it had (the constraint is NOT VALID: it binds every new or edited row).

with candidats as (
  select v.id, t.code, count(*) over (partition by v.id) as homonymes
  from verbatims v
  join contrat_communes cc on cc.contrat_id = v.contrat_id
  join territoires t on t.type = 'commune' and t.code = cc.commune_code
  where v.commune_code is not null
    and v.commune_code !~ '^[0-9]{5}$|^2[AB][0-9]{3}$'
    and t.nom_normalise = translate(lower(trim(v.commune_code)), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy')
)
update verbatims v set commune_code = c.code from candidats c where c.id = v.id and c.homonymes = 1;

alter table verbatims add constraint verbatims_commune_code_insee check (
  commune_code is null
  or (commune_code ~ '^((0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])[0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2})$'
      and commune_code !~ '^([0-9]{2}|2[AB])000$|^9[78][0-9]00$')
) not valid;

alter table contrat_communes add constraint contrat_communes_commune_code_insee check (
  commune_code ~ '^((0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])[0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2})$'
  and commune_code !~ '^([0-9]{2}|2[AB])000$|^9[78][0-9]00$'
) not valid;
