-- Seed 003: the evaluation planned before the signature, and the contract's articulation with the territory's
-- other schemes (ASV, CLSM, contrat de ville, CPTS, PTSM…), which replaces the fiche's yes/no box « lien avec
-- le volet santé du contrat de ville » (decision 0017).

create table evaluations_prevues (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('intermediaire', 'finale')),
  echeance date,
  moment text,
  evaluateur_type text not null check (evaluateur_type in ('interne', 'externe')),
  evaluateur_nom text,
  questions text[] not null default '{}',
  cree_le timestamptz not null default now(),
  check (echeance is not null or moment is not null)
);
create index evaluations_prevues_contrat on evaluations_prevues (contrat_id);

create table dispositifs_territoriaux (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  type text not null check (type in ('asv', 'clsm', 'contrat_ville', 'cpts', 'ptsm', 'autre')),
  nom text not null,
  territoire text,
  debut date,
  fin date,
  lien text,
  cree_le timestamptz not null default now()
);
create index dispositifs_territoriaux_contrat on dispositifs_territoriaux (contrat_id);

create table fiche_dispositifs_territoriaux (
  fiche_id uuid not null references fiches (id) on delete cascade,
  dispositif_id uuid not null references dispositifs_territoriaux (id) on delete cascade,
  primary key (fiche_id, dispositif_id)
);
create index fiche_dispositifs_territoriaux_dispositif on fiche_dispositifs_territoriaux (dispositif_id);

-- A « oui » said the fiche is linked to the health part of a contrat de ville, without naming it: each contract
-- with such fiches gets one contrat de ville to name, and those fiches are linked to it. « Non » and unanswered
-- boxes said nothing that a link could keep.
with contrats_lies as (
  select distinct contrat_id from fiches where contenu ->> 'lienContratVille' = 'true'
), crees as (
  insert into dispositifs_territoriaux (contrat_id, type, nom)
  select contrat_id, 'contrat_ville', 'Volet santé du contrat de ville (à préciser)' from contrats_lies
  returning id, contrat_id
)
insert into fiche_dispositifs_territoriaux (fiche_id, dispositif_id)
select f.id, c.id from fiches f join crees c on c.contrat_id = f.contrat_id where f.contenu ->> 'lienContratVille' = 'true';

update fiches set contenu = contenu - 'lienContratVille' where contenu ? 'lienContratVille';
