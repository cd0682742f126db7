-- Issue 20, points 2 to 4: temps publics, avis des habitants sur les actions publiées, représentants des usagers.

-- Public meetings, forums and health days of a contract (decision 0042).
create table temps_publics (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('reunion_publique', 'forum', 'journee_sante', 'autre')),
  intitule text not null,
  date_tenue date not null,
  lieu text,
  commune_code text,
  nombre_participants integer check (nombre_participants >= 0),
  -- Codes of the publics reached (packages/domain/src/participation/temps-publics.ts).
  publics text[] not null default '{}',
  -- Speakers, one line each: "Dr Martin, médecin généraliste".
  intervenants text[] not null default '{}',
  synthese text,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index temps_publics_contrat on temps_publics (contrat_id, date_tenue);

-- The verbatims (diagnostics module) drawn from a temps public: the link is this module's, the verbatim the
-- diagnostic's. Deleting the temps public keeps its verbatims (they keep their source text).
create table temps_public_verbatims (
  temps_public_id uuid not null references temps_publics (id) on delete cascade,
  verbatim_id uuid not null references verbatims (id) on delete cascade,
  primary key (temps_public_id, verbatim_id)
);
create index temps_public_verbatims_verbatim on temps_public_verbatims (verbatim_id);

-- An inhabitant's opinion or suggestion on a published contract or one of its fiches. No address of the sender is
-- ever stored here; the contact is for the coordination only and never public.
create table avis (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  fiche_id uuid references fiches (id) on delete cascade,
  nature text not null check (nature in ('avis', 'suggestion')),
  texte text not null,
  contact text,
  statut text not null default 'en_attente' check (statut in ('en_attente', 'publie', 'rejete')),
  motif_rejet text,
  reponse text,
  reponse_le timestamptz,
  modere_le timestamptz,
  version integer not null default 1,
  depose_le timestamptz not null default now(),
  check (statut <> 'rejete' or motif_rejet is not null)
);
create index avis_contrat on avis (contrat_id, statut, depose_le);

-- Rate limit of public submissions, per client address, kept apart from what was submitted: the address is stored
-- hashed, and only as a counter over a window.
create table freins_participation (
  genre text not null,
  cle text not null,
  depots integer not null default 0,
  depuis timestamptz not null default now(),
  primary key (genre, cle)
);

-- What a member of a governance body is: a représentant des usagers is counted in attendance.
alter table membres_instance add column qualite text
  check (qualite in ('institution', 'elu', 'representant_usagers', 'personne_qualifiee', 'autre'));
