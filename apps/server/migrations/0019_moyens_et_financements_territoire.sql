-- Issue 13, item 4 (decision 0016).

-- The means an organisation commits to a contract for a year (seed 002: what the CPAM brings to each CLS):
-- staff time (days or FTE), money, or something in kind, optionally tied to the organisation's own objectives
-- (free text) or to an indicator (of the catalogue, or a follow-up indicator of the contract).
create table engagements_moyens (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  annee smallint not null check (annee between 2000 and 2100),
  type text not null check (type in ('temps', 'financier', 'nature')),
  quantite numeric check (quantite > 0),
  unite text check (unite in ('jours', 'etp')),
  montant_centimes bigint check (montant_centimes >= 0),
  description text,
  objectifs text,
  indicateur_code text references indicateurs (code) on update cascade on delete set null,
  indicateur_suivi_id uuid references indicateurs_suivi (id) on delete set null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  -- Each kind carries its own measure, and only it: sums never mix days, FTE and euros.
  check (
    (type = 'temps' and quantite is not null and unite is not null and montant_centimes is null)
    or (type = 'financier' and montant_centimes is not null and quantite is null and unite is null)
    or (type = 'nature' and description is not null and quantite is null and unite is null and montant_centimes is null)
  )
);
create index engagements_moyens_contrat on engagements_moyens (contrat_id, annee);
create index engagements_moyens_organisation on engagements_moyens (organisation_id, annee);

-- Funding already available on the contract's territory, listed by its diagnostic (seed 003: « recenser et valoriser
-- l'ensemble des financements déjà mis à disposition sur un territoire »). Not the contract's own funding lines.
create table financements_territoire (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  financeur_id uuid references organisations (id),
  financeur_libelle text,
  dispositif text not null,
  -- Over the whole period; null when the amount is not known (the totals then say how many lack one).
  montant_centimes bigint check (montant_centimes >= 0),
  annee_debut smallint not null check (annee_debut between 1990 and 2100),
  annee_fin smallint check (annee_fin between 1990 and 2100 and annee_fin >= annee_debut),
  objet text not null,
  source text,
  cree_le timestamptz not null default now(),
  check (financeur_id is not null or financeur_libelle is not null)
);
create index financements_territoire_contrat on financements_territoire (contrat_id);
create index financements_territoire_financeur on financements_territoire (financeur_id) where financeur_id is not null;
