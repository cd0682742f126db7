-- Suivi et évaluation: follow-up indicators with their workflow, fiche reports, yearly campaigns, evaluations.

-- A fiche's weight in the progress roll-up (1 by default: every fiche counts the same).
alter table fiches add column poids numeric not null default 1 check (poids > 0);

create table indicateurs_suivi (
  id uuid primary key default gen_random_uuid(),
  fiche_id uuid not null references fiches (id) on delete cascade,
  contrat_id uuid not null references contrats (id) on delete cascade,
  rang integer not null default 0,
  libelle text not null,
  type text not null check (type in ('processus', 'activite', 'resultat')),
  unite text,
  methode text,
  source text,
  -- A percentage keeps its numerator and denominator everywhere (baseline, targets, values).
  pourcentage boolean not null default false,
  poids numeric not null default 1 check (poids > 0),
  reference_valeur numeric,
  reference_numerateur numeric,
  reference_denominateur numeric,
  reference_date date,
  cibles jsonb not null default '[]',
  indicateur_diagnostic text references indicateurs (code) on delete set null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index indicateurs_suivi_fiche on indicateurs_suivi (fiche_id, rang);
create index indicateurs_suivi_contrat on indicateurs_suivi (contrat_id);

create table valeurs_suivi (
  id uuid primary key default gen_random_uuid(),
  indicateur_id uuid not null references indicateurs_suivi (id) on delete cascade,
  periode text not null,
  valeur numeric,
  numerateur numeric,
  denominateur numeric,
  recit text,
  etat text not null default 'brouillon' check (etat in ('brouillon', 'soumis', 'a_corriger', 'valide')),
  version integer not null default 1,
  modifie_le timestamptz not null default now(),
  unique (indicateur_id, periode)
);

-- The pilote's report on a fiche for a period: what was done, difficulties, next steps, statut proposed.
create table bilans_fiche (
  id uuid primary key default gen_random_uuid(),
  fiche_id uuid not null references fiches (id) on delete cascade,
  periode text not null,
  recit text,
  difficultes text,
  perspectives text,
  statut_propose text,
  etat text not null default 'brouillon' check (etat in ('brouillon', 'soumis', 'a_corriger', 'valide')),
  version integer not null default 1,
  modifie_le timestamptz not null default now(),
  unique (fiche_id, periode)
);

-- Each step of the workflow: who did it, when, and why for a send-back.
create table etapes_suivi (
  id bigserial primary key,
  valeur_id uuid references valeurs_suivi (id) on delete cascade,
  bilan_id uuid references bilans_fiche (id) on delete cascade,
  action text not null,
  etat text not null,
  acteur_id uuid,
  acteur_libelle text not null,
  commentaire text,
  le timestamptz not null default now(),
  check ((valeur_id is null) <> (bilan_id is null))
);
create index etapes_suivi_valeur on etapes_suivi (valeur_id, le);
create index etapes_suivi_bilan on etapes_suivi (bilan_id, le);

create table campagnes_suivi (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  periode text not null,
  echeance date not null,
  message text,
  etat text not null default 'ouverte' check (etat in ('ouverte', 'close')),
  ouverte_par text not null,
  ouverte_le timestamptz not null default now(),
  close_le timestamptz,
  unique (contrat_id, periode)
);

-- Every mail a campaign sent: the reminders before the due date go out once per pilote.
create table courriels_campagne (
  id bigserial primary key,
  campagne_id uuid not null references campagnes_suivi (id) on delete cascade,
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  motif text not null check (motif in ('ouverture', 'relance_j7', 'relance_j1', 'relance')),
  envoye_le timestamptz not null default now()
);
create unique index courriels_campagne_une_fois on courriels_campagne (campagne_id, utilisateur_id, motif) where motif <> 'relance';

create table evaluations (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('intermediaire', 'finale')),
  intitule text not null,
  evaluateur text,
  date_rapport date,
  methode text,
  synthese text,
  -- Questions by criterion with their evidence, recommendations, participants: edited together as one report.
  questions jsonb not null default '[]',
  recommandations jsonb not null default '[]',
  participants jsonb not null default '[]',
  terminee boolean not null default false,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index evaluations_contrat on evaluations (contrat_id);

-- The next generation remembers the evaluation it was prepared from.
alter table contrats add column evaluation_origine_id uuid references evaluations (id) on delete set null;
