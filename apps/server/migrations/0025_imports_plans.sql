-- A large plan import runs as a job (pg-boss, decision 0013): its file waits here until a server process takes the
-- job, its progress and its report are written here, so that any process answers the progress route.
create table imports_plans (
  id uuid primary key,
  contrat_id uuid not null references contrats (id) on delete cascade,
  nom_fichier text not null,
  dry_run boolean not null,
  etat text not null default 'en_cours' check (etat in ('en_cours', 'termine', 'echoue')),
  lignes_total integer not null,
  lignes_traitees integer not null default 0,
  rapport jsonb,
  -- Why it failed, in French: the rejected rows, a refusal (signed contract), or the server stopping under it.
  erreur text,
  -- Cleared once the job ends.
  fichier bytea,
  cree_par text not null,
  cree_le timestamptz not null default now(),
  termine_le timestamptz
);
create index imports_plans_contrat on imports_plans (contrat_id);
