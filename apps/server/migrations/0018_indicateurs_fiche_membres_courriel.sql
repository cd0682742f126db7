-- One indicator model: the fiche's planned indicators are its follow-up indicators (decision 0007).
-- The target as the fiche states it in words ("6 par an"), beside the measured targets by period.
alter table indicateurs_suivi add column cible text;

-- The planned lists as they were, kept whole: nothing typed before this migration is lost.
create table indicateurs_prevus_archives (
  fiche_id uuid primary key references fiches (id) on delete cascade,
  indicateurs jsonb not null,
  archive_le timestamptz not null default now()
);
insert into indicateurs_prevus_archives (fiche_id, indicateurs)
select id, contenu -> 'indicateurs' from fiches
where jsonb_typeof(contenu -> 'indicateurs') = 'array' and jsonb_array_length(contenu -> 'indicateurs') > 0;

-- A planned indicator whose label a follow-up indicator of the fiche already has completes it (method, target)...
update indicateurs_suivi s
set methode = coalesce(s.methode, nullif(trim(p.i ->> 'methode'), '')),
    cible = coalesce(s.cible, nullif(trim(p.i ->> 'cible'), '')),
    modifie_le = now()
from fiches f cross join lateral jsonb_array_elements(case when jsonb_typeof(f.contenu -> 'indicateurs') = 'array' then f.contenu -> 'indicateurs' else '[]' end) p(i)
where s.fiche_id = f.id and lower(trim(s.libelle)) = lower(trim(p.i ->> 'libelle'));

-- ...any other becomes a follow-up indicator, after the fiche's own, in the planned order.
insert into indicateurs_suivi (fiche_id, contrat_id, rang, libelle, type, methode, cible)
select f.id, f.contrat_id,
  coalesce((select max(rang) + 1 from indicateurs_suivi x where x.fiche_id = f.id), 0) + p.n::int - 1,
  trim(p.i ->> 'libelle'),
  case when p.i ->> 'type' in ('processus', 'activite', 'resultat') then p.i ->> 'type' else 'resultat' end,
  nullif(trim(p.i ->> 'methode'), ''),
  nullif(trim(p.i ->> 'cible'), '')
from fiches f cross join lateral jsonb_array_elements(case when jsonb_typeof(f.contenu -> 'indicateurs') = 'array' then f.contenu -> 'indicateurs' else '[]' end) with ordinality p(i, n)
where coalesce(trim(p.i ->> 'libelle'), '') <> ''
  and not exists (select 1 from indicateurs_suivi s where s.fiche_id = f.id and lower(trim(s.libelle)) = lower(trim(p.i ->> 'libelle')));

-- The fiche's content no longer holds a list of its own.
update fiches set contenu = contenu - 'indicateurs' where contenu ? 'indicateurs';

-- An instance member without an account can still be invited: the address the coordination gives for them.
alter table membres_instance add column email text;
