-- Issue 17: the resource directory (dispositifs and services of the territory), owned by the module « ressources ».
-- A resource belongs to an organisation of the directory; its intervention zone is kept as the perimeter the user
-- picked (EPCI and communes) and, resolved, as one row per commune it reaches, for the views and the zones blanches.

-- The kinds of resource: a reference list an administrator extends (decision 0027).
create table types_ressource (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  libelle text not null unique,
  ordre integer not null default 100,
  cree_le timestamptz not null default now()
);
insert into types_ressource (code, libelle, ordre) values
  ('clic', 'CLIC (centre local d’information et de coordination)', 10),
  ('maia', 'MAIA / gestion de cas', 20),
  ('reseau_sante', 'Réseau de santé', 30),
  ('ssiad', 'SSIAD (service de soins infirmiers à domicile)', 40),
  ('had', 'HAD (hospitalisation à domicile)', 50),
  ('cmp', 'CMP (centre médico-psychologique)', 60),
  ('equipe_mobile', 'Équipe mobile', 70),
  ('maison_adolescents', 'Maison des adolescents', 80),
  ('mdph', 'MDPH / maison départementale de l’autonomie', 90),
  ('ccas', 'CCAS (centre communal d’action sociale)', 100),
  ('centre_sante', 'Centre de santé', 110),
  ('msp', 'Maison de santé pluriprofessionnelle (MSP)', 120),
  ('cpts', 'CPTS (communauté professionnelle territoriale de santé)', 130),
  ('pta_dac', 'PTA / DAC (dispositif d’appui à la coordination)', 140),
  ('samsah', 'SAMSAH', 150),
  ('etablissement_sante', 'Établissement ou service de santé', 160),
  ('autre', 'Autre dispositif ou service', 999);

create table ressources (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  nom text not null,
  type_code text not null references types_ressource (code),
  publics text[] not null default '{}',
  missions text[] not null default '{}',
  niveau text not null check (niveau in ('porte_entree', 'coordination_proximite', 'effecteur', 'cooperation_territoriale')),
  sollicitable_par text[] not null default '{}',
  zone jsonb not null default '{"epci": [], "communes": []}',
  adresse text,
  commune_code text,
  horaires text,
  contacts jsonb not null default '[]',
  criteres_inclusion text,
  capacite text,
  delai_habituel text,
  statut text not null default 'active' check (statut in ('active', 'suspendue', 'fermee')),
  statut_depuis date,
  statut_jusqu_au date,
  finess text,
  siret text,
  ror_id text,
  publie boolean not null default false,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index ressources_organisation on ressources (organisation_id);
create index ressources_commune on ressources (commune_code);
create index ressources_publics on ressources using gin (publics);
create index ressources_missions on ressources using gin (missions);
-- A second ROR import finds the resource it made by this identifier.
create unique index ressources_ror_id on ressources (ror_id) where ror_id is not null;

-- The communes a resource reaches (its zone resolved; its own commune when no zone is given).
create table ressource_communes (
  ressource_id uuid not null references ressources (id) on delete cascade,
  commune_code text not null,
  primary key (ressource_id, commune_code)
);
create index ressource_communes_commune on ressource_communes (commune_code);
