-- Diagnostic local de santé : catalogue d'indicateurs, valeurs, imports, matériau qualitatif, chaîne constats → priorités.

create table indicateurs (
  code text primary key,
  libelle text not null,
  famille text not null,
  unite text not null,
  facteur numeric not null default 1,
  numerateur text,
  denominateur text,
  standardisation text,
  polarite text not null default 'neutre' check (polarite in ('defavorable', 'favorable', 'neutre')),
  methode_agregation text not null check (methode_agregation in ('somme', 'ratio', 'moyenne_ponderee', 'non_agregeable')),
  source text,
  millesime text,
  regle_secret text,
  version integer not null default 1,
  modifie_le timestamptz not null default now()
);

create table imports_valeurs (
  id uuid primary key default gen_random_uuid(),
  nom_fichier text not null,
  format text not null,
  options jsonb not null default '{}',
  etat text not null default 'en_cours' check (etat in ('en_cours', 'termine', 'echoue')),
  lignes_total integer not null default 0,
  lignes_traitees integer not null default 0,
  rapport jsonb,
  cree_par text,
  cree_le timestamptz not null default now(),
  termine_le timestamptz
);

-- One published value. Exact values keep `valeur`; interval classes keep their bounds as published.
create table valeurs (
  id bigserial primary key,
  indicateur_code text not null references indicateurs (code) on update cascade,
  territoire_type text not null check (territoire_type in ('commune', 'epci', 'departement', 'region', 'france_metro', 'france')),
  territoire_code text not null,
  periode text not null,
  periode_debut smallint not null,
  periode_fin smallint not null,
  nature text not null check (nature in ('exacte', 'intervalle', 'masquee', 'manquante')),
  valeur double precision,
  borne_inf double precision,
  borne_sup double precision,
  inf_incluse boolean,
  sup_incluse boolean,
  numerateur double precision,
  denominateur double precision,
  texte_publie text,
  source text not null default '',
  tiret text check (tiret in ('zero', 'secret', 'manquant')),
  import_id uuid references imports_valeurs (id) on delete set null,
  unique (indicateur_code, territoire_type, territoire_code, periode, source)
);
create index valeurs_territoire on valeurs (territoire_type, territoire_code, indicateur_code);

create table contours (
  territoire_type text not null,
  territoire_code text not null,
  geometrie jsonb not null,
  source text,
  primary key (territoire_type, territoire_code)
);

create table verbatims (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  texte text not null,
  locuteur text not null,
  commune_code text,
  source text,
  date_recueil date,
  cree_le timestamptz not null default now()
);
create index verbatims_contrat on verbatims (contrat_id);

-- Interviews, public meetings and consultations of the diagnostic.
create table rencontres (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('entretien', 'reunion_publique', 'consultation', 'atelier')),
  titre text not null,
  date_rencontre date,
  participants text,
  synthese text,
  cree_le timestamptz not null default now()
);
create index rencontres_contrat on rencontres (contrat_id);

create table constats (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  intitule text not null,
  description text,
  ordre integer not null default 0
);
create table constat_indicateurs (
  constat_id uuid not null references constats (id) on delete cascade,
  indicateur_code text not null references indicateurs (code) on update cascade,
  primary key (constat_id, indicateur_code)
);
create table constat_verbatims (
  constat_id uuid not null references constats (id) on delete cascade,
  verbatim_id uuid not null references verbatims (id) on delete cascade,
  primary key (constat_id, verbatim_id)
);

create table besoins (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  intitule text not null,
  description text
);
create table besoin_constats (
  besoin_id uuid not null references besoins (id) on delete cascade,
  constat_id uuid not null references constats (id) on delete cascade,
  primary key (besoin_id, constat_id)
);

create table priorites (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  intitule text not null,
  description text
);
create table priorite_besoins (
  priorite_id uuid not null references priorites (id) on delete cascade,
  besoin_id uuid not null references besoins (id) on delete cascade,
  primary key (priorite_id, besoin_id)
);
create table priorite_axes (
  priorite_id uuid not null references priorites (id) on delete cascade,
  axe_id uuid not null references axes (id) on delete cascade,
  primary key (priorite_id, axe_id)
);
