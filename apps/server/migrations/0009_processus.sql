-- Each running server process registers itself and beats every few seconds. Work a process had in hand
-- (a background import) is marked failed once its process stops beating: killed, crashed or stopped.
create table processus_serveur (
  id uuid primary key,
  hote text not null,
  pid integer not null,
  demarre_le timestamptz not null default now(),
  battement timestamptz not null default now()
);

alter table imports_valeurs add column processus_id uuid;
create index imports_valeurs_en_cours on imports_valeurs (etat) where etat = 'en_cours';
