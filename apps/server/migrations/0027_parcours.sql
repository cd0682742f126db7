-- Issue 17 items 4–6: parcours de santé of a contract, owned by the module « parcours » (decision 0028).
-- A parcours is an ordered list of steps; each step names the resources of the directory acting there and the
-- contract's fiches-action serving it; ruptures are recorded on a step or between two; the grille de coopération
-- locale says, per actor (organisation or resource) and step, what the actor does there.

create table parcours (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  titre text not null,
  description text,
  publics text[] not null default '{}',
  perimetre jsonb,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index parcours_contrat on parcours (contrat_id);

create table parcours_etapes (
  id uuid primary key default gen_random_uuid(),
  parcours_id uuid not null references parcours (id) on delete cascade,
  position integer not null check (position >= 1),
  code text check (code in ('reperage', 'information', 'acces_droits', 'depistage', 'diagnostic', 'soins', 'accompagnement', 'retour_domicile')),
  libelle text not null,
  description text,
  version integer not null default 1,
  -- Reordering rewrites every position in one statement: checked at commit.
  constraint parcours_etapes_ordre unique (parcours_id, position) deferrable initially deferred
);

create table parcours_etape_ressources (
  etape_id uuid not null references parcours_etapes (id) on delete cascade,
  ressource_id uuid not null references ressources (id) on delete cascade,
  primary key (etape_id, ressource_id)
);
create index parcours_etape_ressources_ressource on parcours_etape_ressources (ressource_id);

create table parcours_etape_fiches (
  etape_id uuid not null references parcours_etapes (id) on delete cascade,
  fiche_id uuid not null references fiches (id) on delete cascade,
  primary key (etape_id, fiche_id)
);
create index parcours_etape_fiches_fiche on parcours_etape_fiches (fiche_id);

create table parcours_ruptures (
  id uuid primary key default gen_random_uuid(),
  parcours_id uuid not null references parcours (id) on delete cascade,
  -- A step carrying ruptures cannot be removed (the service says so); the whole parcours can.
  etape_id uuid not null references parcours_etapes (id),
  vers_etape_id uuid references parcours_etapes (id),
  description text not null,
  preuves jsonb not null default '[]',
  publics text[] not null default '{}',
  gravite text not null check (gravite in ('faible', 'moyenne', 'elevee', 'critique')),
  statut text not null default 'signalee' check (statut in ('signalee', 'analysee', 'traitee', 'close')),
  fiche_id uuid references fiches (id) on delete set null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  check (vers_etape_id is null or vers_etape_id <> etape_id)
);
create index parcours_ruptures_parcours on parcours_ruptures (parcours_id);
create index parcours_ruptures_fiche on parcours_ruptures (fiche_id);

-- The grid's non-empty cells. The actor is an organisation or a resource (no foreign key: two tables); the service
-- checks it exists when the cell is written.
create table parcours_cellules (
  etape_id uuid not null references parcours_etapes (id) on delete cascade,
  acteur_type text not null check (acteur_type in ('organisation', 'ressource')),
  acteur_id uuid not null,
  roles text[] not null default '{}',
  version integer not null default 1,
  primary key (etape_id, acteur_type, acteur_id)
);
