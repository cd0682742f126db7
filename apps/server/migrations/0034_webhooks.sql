-- Issue 19, item 4: webhooks (decision 0039).

-- The platform's outbox of domain events: written by the module that owns the fact, in the transaction of the change
-- (a rolled-back change leaves no event), read by the webhooks module, which marks each event distributed.
-- No foreign key to the contract: an event is history, it outlives what it names.
create table evenements_domaine (
  id uuid primary key default gen_random_uuid(),
  type text not null,
  contrat_id uuid,
  donnees jsonb not null default '{}',
  survenu_le timestamptz not null default now(),
  distribue_le timestamptz
);
create index evenements_domaine_a_distribuer on evenements_domaine (survenu_le) where distribue_le is null;

-- An organisation's subscriptions: a URL, the events it wants, the secret that signs its deliveries.
create table webhooks_abonnements (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  url text not null,
  evenements text[] not null,
  description text,
  -- Needed in clear to sign each delivery (HMAC), as every webhook sender keeps it; never sent back after creation.
  secret text not null,
  statut text not null default 'actif' check (statut in ('actif', 'en_pause')),
  motif_pause text,
  echecs_consecutifs int not null default 0,
  cree_par uuid references utilisateurs (id) on delete set null,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  version int not null default 1
);
create index webhooks_abonnements_organisation on webhooks_abonnements (organisation_id);

-- One event for one subscription: the exact body sent (replays send the same bytes), its state and next attempt.
create table webhooks_livraisons (
  id uuid primary key default gen_random_uuid(),
  abonnement_id uuid not null references webhooks_abonnements (id) on delete cascade,
  evenement_id uuid not null,
  type text not null,
  corps text not null,
  statut text not null default 'en_attente' check (statut in ('en_attente', 'reussie', 'echouee', 'abandonnee')),
  tentatives int not null default 0,
  prochaine_tentative timestamptz,
  rejeu_de uuid references webhooks_livraisons (id) on delete set null,
  cree_le timestamptz not null default now()
);
-- An event is distributed once to a subscription (a replay is a new delivery of it).
create unique index webhooks_livraisons_une_par_evenement on webhooks_livraisons (abonnement_id, evenement_id) where rejeu_de is null;
create index webhooks_livraisons_abonnement on webhooks_livraisons (abonnement_id, cree_le desc);

-- Every attempt: when, how long, what came back (a short excerpt), or why nothing did.
create table webhooks_tentatives (
  id bigint generated always as identity primary key,
  livraison_id uuid not null references webhooks_livraisons (id) on delete cascade,
  numero int not null,
  debut timestamptz not null,
  duree_ms int not null,
  resultat text not null check (resultat in ('reussie', 'echec_http', 'delai_depasse', 'erreur_reseau', 'cible_refusee')),
  code_http int,
  extrait text
);
create index webhooks_tentatives_livraison on webhooks_tentatives (livraison_id, numero);
