-- Issue 18 items 4–6 and 8 (decision 0032): the plan personnalisé de coordination en santé and its versions, the
-- concertations, the closure's letter to the médecin traitant, and the retention of closed cases. Same rule as 0028:
-- a « _chiffre » column is AES-256-GCM written by the application; what stays in clear carries no name and no health
-- detail (dates, counts, a flag), for the follow-up and the aggregates.

-- Every save of a plan is a new row: versions are kept and listed, none is ever rewritten.
create table appui_plans (
  -- Its own id: the key of the ciphertext's context and of the key rotation (appui/chiffrement-appui.ts).
  id uuid primary key,
  situation_id uuid not null references appui_situations (id) on delete cascade,
  version integer not null check (version >= 1),
  -- { referent, evaluationGlobale, problemes, priorites, objectifs, actions, datesRevision, suivi, avisPersonne }
  contenu_chiffre bytea not null,
  prochaine_revision date,
  origine text not null check (origine in ('saisie', 'concertation')),
  concertation_id uuid,
  enregistre_par uuid references utilisateurs (id) on delete set null,
  enregistre_par_libelle text not null,
  enregistre_le timestamptz not null default now(),
  unique (situation_id, version)
);

create table appui_concertations (
  id uuid primary key,
  situation_id uuid not null references appui_situations (id) on delete cascade,
  date date not null,
  remunerable boolean not null default false,
  -- { participants: [{ categorie, nom, qualite }], decisions }
  contenu_chiffre bytea not null,
  -- Counts without names, for the activity of the team.
  participants integer not null,
  professionnels integer not null,
  -- The plan version its decisions produced, if any.
  plan_version integer,
  saisie_par uuid references utilisateurs (id) on delete set null,
  saisie_par_libelle text not null,
  cree_le timestamptz not null default now()
);
create index appui_concertations_situation on appui_concertations (situation_id, date desc);

alter table appui_plans
  add constraint appui_plans_concertation foreign key (concertation_id) references appui_concertations (id) on delete set null;

-- What the closure adds to the case (its reason and date are on appui_situations): the precision, who closed it,
-- and when the médecin traitant was told.
create table appui_clotures (
  situation_id uuid primary key references appui_situations (id) on delete cascade,
  precision_chiffree bytea,
  close_par uuid references utilisateurs (id) on delete set null,
  close_par_libelle text not null,
  medecin_informe_le timestamptz
);

-- Months a closed case is kept before the purge; null: the deployment's MAILLAGE_APPUI_CONSERVATION_MOIS.
alter table appui_equipes add column conservation_mois integer check (conservation_mois between 1 and 600);

create index appui_situations_closes on appui_situations (close_le) where statut = 'close';
