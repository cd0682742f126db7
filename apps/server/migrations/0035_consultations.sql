-- Issue 20 item 1: consultations of the inhabitants, owned by the module « participation » (decision 0041).
-- A consultation is a questionnaire (sections, ordered questions) that a coordinator builds in « brouillon », opens for a
-- period with a public link, then closes. Answers are anonymous: no account, no address, no time finer than the day.

create table consultations (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  titre text not null,
  introduction text,
  statut text not null default 'brouillon' check (statut in ('brouillon', 'ouverte', 'close')),
  -- The period, in days (Europe/Paris), both included; set when it opens.
  debut date,
  fin date,
  codes_requis boolean not null default false,
  -- The questionnaire's version too: any change of its sections or questions bumps it.
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  check (statut = 'brouillon' or (debut is not null and fin is not null)),
  check (fin is null or debut is null or fin >= debut)
);
create index consultations_contrat on consultations (contrat_id);

create table consultation_sections (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id) on delete cascade,
  position integer not null check (position >= 1),
  titre text,
  description text,
  unique (consultation_id, position)
);

create table consultation_questions (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id) on delete cascade,
  section_id uuid not null references consultation_sections (id) on delete cascade,
  -- Position in the whole questionnaire (1 for the first question of the first section).
  position integer not null check (position >= 1),
  type text not null check (type in ('choix_unique', 'choix_multiple', 'echelle', 'texte_court', 'texte_long', 'commune', 'tranche_age')),
  libelle text not null,
  aide text,
  obligatoire boolean not null default false,
  -- choix: the options' labels; echelle: min, max and the labels of both ends.
  parametres jsonb not null default '{}',
  unique (consultation_id, position)
);

-- One row per answer given by one person. Only the day it was received: nothing that identifies.
create table consultation_reponses (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id) on delete cascade,
  recue_le date not null default (now() at time zone 'Europe/Paris')::date
);
create index consultation_reponses_consultation on consultation_reponses (consultation_id);

-- The values of an answer: one row per option ticked, per scale value, per text, commune code or age band.
create table consultation_valeurs (
  id uuid primary key default gen_random_uuid(),
  reponse_id uuid not null references consultation_reponses (id) on delete cascade,
  question_id uuid not null references consultation_questions (id) on delete cascade,
  valeur text not null
);
create index consultation_valeurs_reponse on consultation_valeurs (reponse_id);
create index consultation_valeurs_question on consultation_valeurs (question_id, valeur);

-- A free-text answer turned into a verbatim of the diagnostic (the verbatim belongs to the diagnostics module).
create table consultation_verbatims (
  valeur_id uuid primary key references consultation_valeurs (id) on delete cascade,
  verbatim_id uuid not null references verbatims (id) on delete cascade
);
create index consultation_verbatims_verbatim on consultation_verbatims (verbatim_id);

-- One-time codes distributed on paper: only their SHA-256 is kept, and not which answer used one.
create table consultation_codes (
  consultation_id uuid not null references consultations (id) on delete cascade,
  empreinte text not null,
  utilise boolean not null default false,
  primary key (consultation_id, empreinte)
);
