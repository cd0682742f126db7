-- Background work runs as jobs in PostgreSQL (pg-boss, in its own schema « pgboss », decision 0013).
-- Which server process runs which job: when that process stops beating (processus_serveur), its job is closed.
create table taches_processus (
  tache_id uuid primary key,
  file text not null,
  donnees jsonb not null default '{}',
  processus_id uuid not null,
  debut timestamptz not null default now()
);

-- A large import's file waits in the database until a process takes its job (any process may), then is cleared.
alter table imports_valeurs add column fichier bytea;

-- Imports left running by a version that kept them in memory cannot be taken up again.
update imports_valeurs set etat = 'echoue', termine_le = now(),
  rapport = jsonb_build_object('erreur', 'Import interrompu par la mise à jour du serveur. Rien n’a été enregistré ; relancez l’import.')
where etat = 'en_cours';
