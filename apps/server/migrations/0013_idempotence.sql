-- A creation sent twice (a double click, a retry after a lost answer) with the same Idempotency-Key is done once: the
-- first answer is kept here for 24 hours and replayed to the repeats. The primary key decides, across processes, which
-- request does the work; `statut` stays null while it runs.
create table requetes_idempotentes (
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  cle text not null,
  -- sha256 of the method, the path with its query and the JSON body as received
  empreinte text not null,
  statut integer,
  type_contenu text,
  corps bytea,
  cree_le timestamptz not null default now(),
  primary key (utilisateur_id, cle)
);
create index requetes_idempotentes_cree_le on requetes_idempotentes (cree_le);
