-- Fondations : référentiel territorial, comptes, sessions, audit.

-- Référentiel territorial (from @etalab/decoupage-administratif)
create table referentiel_chargements (
  source text primary key,
  version text not null,
  charge_le timestamptz not null default now()
);

create table territoires (
  type text not null check (type in ('commune', 'epci', 'departement', 'region')),
  code text not null,
  nom text not null,
  nom_normalise text not null,
  population integer not null default 0,
  departement_code text,
  region_code text,
  nature text, -- EPCI: CA, CC, CU, METRO
  recherche tsvector generated always as (to_tsvector('simple', nom_normalise)) stored,
  primary key (type, code)
);
create index territoires_recherche on territoires using gin (recherche);
create index territoires_region on territoires (type, region_code);
create index territoires_departement on territoires (type, departement_code);

create table epci_membres (
  epci_code text not null,
  commune_code text not null,
  primary key (epci_code, commune_code)
);
create index epci_membres_commune on epci_membres (commune_code);

-- Comptes
create table organisations (
  id uuid primary key default gen_random_uuid(),
  nom text not null,
  sigle text,
  type text not null,
  siret text,
  finess text,
  region_code text,
  departement_code text,
  territoire_code text,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create unique index organisations_siret on organisations (siret) where siret is not null;
create unique index organisations_nom on organisations (lower(nom));

create table personnes (
  id uuid primary key default gen_random_uuid(),
  prenom text not null,
  nom text not null,
  email text,
  telephone text,
  fonction text,
  organisation_id uuid references organisations (id) on delete set null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);

create table utilisateurs (
  id uuid primary key default gen_random_uuid(),
  personne_id uuid not null unique references personnes (id),
  email text not null unique check (email = lower(email)),
  password_hash text,
  actif boolean not null default true,
  version integer not null default 1,
  derniere_connexion timestamptz,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);

-- A role granted to a user, with its scope (region, organisation or contract).
create table habilitations (
  id uuid primary key default gen_random_uuid(),
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  role text not null,
  region_code text,
  organisation_id uuid references organisations (id) on delete cascade,
  contrat_id uuid,
  check (
    (role = 'admin' and region_code is null and organisation_id is null and contrat_id is null)
    or (role = 'ars_regional' and region_code is not null and contrat_id is null)
    or (role = 'referent_organisation' and organisation_id is not null and contrat_id is null)
    or (role in ('coordonnateur', 'referent_ars', 'pilote', 'membre', 'lecteur') and contrat_id is not null)
  )
);
create index habilitations_utilisateur on habilitations (utilisateur_id);
create unique index habilitations_unique on habilitations (
  utilisateur_id, role, coalesce(region_code, ''), coalesce(organisation_id::text, ''), coalesce(contrat_id::text, ''));

-- Sessions: only a hash of the cookie's token is stored.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  token_hash bytea not null unique,
  csrf_token text not null,
  cree_le timestamptz not null default now(),
  expire_le timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_utilisateur on sessions (utilisateur_id);

create table jetons_api (
  id uuid primary key default gen_random_uuid(),
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  libelle text not null,
  prefixe text not null,
  token_hash bytea not null unique,
  cree_le timestamptz not null default now(),
  dernier_usage timestamptz,
  revoque_le timestamptz
);
create index jetons_api_utilisateur on jetons_api (utilisateur_id);

create table reinitialisations_mot_de_passe (
  id uuid primary key default gen_random_uuid(),
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  token_hash bytea not null unique,
  expire_le timestamptz not null,
  utilise_le timestamptz
);

-- Failed logins, counted per e-mail and per address to slow down password guessing.
create table echecs_connexion (
  id bigserial primary key,
  email text not null,
  ip text not null,
  le timestamptz not null default now()
);
create index echecs_connexion_email on echecs_connexion (email, le);
create index echecs_connexion_ip on echecs_connexion (ip, le);

-- Audit: append-only.
create table audit_evenements (
  id bigserial primary key,
  le timestamptz not null default now(),
  acteur_id uuid,
  acteur_libelle text not null,
  entite_type text not null,
  entite_id text,
  action text not null,
  diff jsonb not null default '{}',
  contexte jsonb not null default '{}'
);
create index audit_evenements_entite on audit_evenements (entite_type, entite_id, le desc);
create index audit_evenements_acteur on audit_evenements (acteur_id, le desc);
create index audit_evenements_le on audit_evenements (le desc);

create function audit_refuser_modification() returns trigger language plpgsql as $$
begin
  raise exception 'Le journal d''audit est en ajout seul : % refusé', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_ajout_seul before update or delete on audit_evenements
  for each row execute function audit_refuser_modification();
create trigger audit_pas_de_vidage before truncate on audit_evenements
  for each statement execute function audit_refuser_modification();
