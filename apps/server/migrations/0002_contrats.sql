-- Contrats, doctrine régionale, stratégie, fiches-action, financements, avenants, documents.

create table doctrines (
  region_code text primary key,
  regles jsonb not null,
  version integer not null default 1,
  modifie_le timestamptz not null default now()
);

create table contrats (
  id uuid primary key default gen_random_uuid(),
  intitule text not null,
  perimetre jsonb not null default '{"epci": [], "communes": []}',
  generation integer not null default 1 check (generation >= 1),
  predecesseur_id uuid references contrats (id) on delete set null,
  origine text,
  periode_debut date,
  periode_fin date,
  debut_elaboration date,
  date_signature date,
  statut text not null default 'preparation',
  insulaire boolean not null default false,
  contexte text,
  publie boolean not null default false,
  -- Derived from the perimeter when it is saved: permissions and regional views read them without the référentiel.
  regions text[] not null default '{}',
  departements text[] not null default '{}',
  population integer not null default 0,
  nombre_communes integer not null default 0,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index contrats_regions on contrats using gin (regions);
create index contrats_predecesseur on contrats (predecesseur_id);

create table contrat_communes (
  contrat_id uuid not null references contrats (id) on delete cascade,
  commune_code text not null,
  primary key (contrat_id, commune_code)
);
create index contrat_communes_commune on contrat_communes (commune_code);

-- The contract's ARS (one or more) and carrying collectivités.
create table contrat_organisations (
  contrat_id uuid not null references contrats (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  qualite text not null check (qualite in ('ars', 'porteur')),
  primary key (contrat_id, organisation_id, qualite)
);
create index contrat_organisations_organisation on contrat_organisations (organisation_id);

create table signataires (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  representant text,
  qualite text,
  date_signature date,
  ordre integer not null default 0,
  unique (contrat_id, organisation_id)
);

create table partenaires (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  role text,
  unique (contrat_id, organisation_id)
);
create index partenaires_organisation on partenaires (organisation_id);

alter table habilitations add constraint habilitations_contrat foreign key (contrat_id) references contrats (id) on delete cascade;

create table axes (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  ordre integer not null,
  intitule text not null,
  axe_prs text,
  description text
);
create index axes_contrat on axes (contrat_id, ordre);

create table objectifs (
  id uuid primary key default gen_random_uuid(),
  axe_id uuid not null references axes (id) on delete cascade,
  ordre integer not null,
  intitule text not null,
  objectifs_operationnels text[] not null default '{}'
);
create index objectifs_axe on objectifs (axe_id, ordre);

create table fiches (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  numero integer not null,
  ordre integer not null,
  axe_id uuid references axes (id) on delete set null,
  objectif_id uuid references objectifs (id) on delete set null,
  intitule text not null,
  statut text not null default 'a_venir',
  priorite text,
  debut date,
  fin date,
  thematiques text[] not null default '{}',
  publics text[] not null default '{}',
  -- Every other field of the ARS template, validated by the shared zod schema.
  contenu jsonb not null default '{}',
  recherche tsvector generated always as (
    setweight(to_tsvector('french', intitule), 'A') || setweight(to_tsvector('french', coalesce(contenu ->> 'description', '')), 'B')
  ) stored,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  unique (contrat_id, numero)
);
create index fiches_contrat on fiches (contrat_id, ordre);
create index fiches_recherche on fiches using gin (recherche);

-- Numbers ever given in a contract, so that a removed fiche's number is never given again.
create table numeros_fiches (
  contrat_id uuid not null references contrats (id) on delete cascade,
  numero integer not null,
  primary key (contrat_id, numero)
);

create table fiche_pilotes (
  fiche_id uuid not null references fiches (id) on delete cascade,
  rang integer not null,
  organisation_id uuid references organisations (id),
  service text,
  primary key (fiche_id, rang)
);
create index fiche_pilotes_organisation on fiche_pilotes (organisation_id);

create table financements (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  fiche_id uuid references fiches (id) on delete cascade,
  rang integer not null default 0,
  financeur_id uuid references organisations (id),
  financeur_libelle text,
  dispositif text not null,
  annee integer not null,
  montant_centimes bigint not null check (montant_centimes >= 0),
  nature text not null,
  statut text not null,
  valorisation_nature text
);
create index financements_contrat on financements (contrat_id);
create index financements_fiche on financements (fiche_id);

create table fiche_statuts (
  id bigserial primary key,
  fiche_id uuid not null references fiches (id) on delete cascade,
  statut text not null,
  le timestamptz not null default now(),
  par text
);
create index fiche_statuts_fiche on fiche_statuts (fiche_id, le);

-- After signature a contract changes only through avenants. Each signed state is kept as a snapshot:
-- "as signed" is the signature's, "consolidated at a date" the last one dated on or before it.
create table avenants (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  numero integer not null,
  objet text not null,
  date_avenant date,
  etat text not null default 'brouillon' check (etat in ('brouillon', 'signe')),
  changements jsonb not null default '[]',
  cree_le timestamptz not null default now(),
  unique (contrat_id, numero)
);

create table contrat_versions (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  avenant_id uuid references avenants (id) on delete cascade,
  date_effet date not null,
  etat jsonb not null,
  cree_le timestamptz not null default now()
);
create index contrat_versions_contrat on contrat_versions (contrat_id, date_effet);

create table documents (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  nom text not null,
  type_mime text not null,
  taille integer not null,
  contenu bytea not null,
  categorie text,
  cree_le timestamptz not null default now(),
  cree_par text
);
create index documents_contrat on documents (contrat_id);
