-- Gouvernance : instances, séances, présences, décisions, coordination ; annuaire ; offres de service.

alter table organisations add column fusionnee_dans uuid references organisations (id);

create table services (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  nom text not null,
  unique (organisation_id, nom)
);

create table offres_service (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  intitule text not null,
  description text,
  unique (organisation_id, intitule)
);
create table fiche_offres (
  fiche_id uuid not null references fiches (id) on delete cascade,
  offre_id uuid not null references offres_service (id) on delete cascade,
  primary key (fiche_id, offre_id)
);

create table instances (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('copil', 'cotech', 'coordination', 'groupe_travail', 'comite_elus', 'assemblee_pleniere', 'autre')),
  nom text not null,
  frequence_par_an integer,
  presidence text,
  jeton_calendrier text not null unique default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  cree_le timestamptz not null default now()
);
create index instances_contrat on instances (contrat_id);

create table membres_instance (
  id uuid primary key default gen_random_uuid(),
  instance_id uuid not null references instances (id) on delete cascade,
  organisation_id uuid references organisations (id),
  personne_id uuid references personnes (id),
  role text,
  copresidence boolean not null default false,
  debut date,
  fin date,
  check (organisation_id is not null or personne_id is not null)
);
create index membres_instance_instance on membres_instance (instance_id);

create table seances (
  id uuid primary key default gen_random_uuid(),
  instance_id uuid not null references instances (id) on delete cascade,
  contrat_id uuid not null references contrats (id) on delete cascade,
  debut timestamptz not null,
  fin timestamptz,
  lieu text,
  visio text,
  compte_rendu text,
  statut text not null default 'prevue' check (statut in ('prevue', 'tenue', 'annulee')),
  sequence integer not null default 0,
  version integer not null default 1,
  cree_le timestamptz not null default now()
);
create index seances_contrat on seances (contrat_id, debut);

create table points_ordre_du_jour (
  id uuid primary key default gen_random_uuid(),
  seance_id uuid not null references seances (id) on delete cascade,
  rang integer not null,
  intitule text not null,
  duree_minutes integer,
  fiche_ids uuid[] not null default '{}'
);

create table presences (
  seance_id uuid not null references seances (id) on delete cascade,
  membre_id uuid not null references membres_instance (id) on delete cascade,
  etat text not null check (etat in ('present', 'excuse', 'absent', 'represente')),
  represente_par text,
  primary key (seance_id, membre_id)
);

create table invitations (
  id bigserial primary key,
  seance_id uuid not null references seances (id) on delete cascade,
  destinataire text not null,
  envoyee_le timestamptz not null default now()
);

-- A decision of a séance, and what it did to a fiche: the change is applied and traced back to it.
create table decisions (
  id uuid primary key default gen_random_uuid(),
  seance_id uuid not null references seances (id) on delete cascade,
  rang integer not null,
  texte text not null,
  action text check (action in ('valider_fiche', 'statut_fiche', 'financement_fiche')),
  fiche_id uuid references fiches (id) on delete set null,
  parametres jsonb not null default '{}',
  appliquee_le timestamptz,
  effet jsonb
);

create table postes_coordination (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  intitule text not null default 'Coordination du CLS',
  personne text,
  employeur_id uuid references organisations (id),
  etp numeric,
  cofinancements jsonb not null default '[]',
  debut date,
  fin date,
  notes_passation text,
  version integer not null default 1
);
create index postes_coordination_contrat on postes_coordination (contrat_id);

-- Weekly digest: coordinators receive it unless they opt out.
create table preferences_courriel (
  utilisateur_id uuid primary key references utilisateurs (id) on delete cascade,
  synthese_hebdomadaire boolean not null default true,
  derniere_synthese timestamptz
);

-- A fiche validated by a COPIL decision keeps the date and the decision.
alter table fiches add column validee_le date, add column validee_par uuid references decisions (id) on delete set null;

-- Lines for the contract itself (coordination post, diagnostic, evaluation) have no fiche and say what they fund.
alter table financements add column objet text check (objet in ('coordination', 'diagnostic', 'evaluation', 'animation', 'autre'));
