-- Issue 19, item 1: logging in with an OpenID Connect provider (ProConnect, Pro Santé Connect); decision 0036.

-- Who a provider's `sub` is in Maillage. The link is made once (at a first login, with a verified e-mail matching
-- an account), then every login goes through it, whatever e-mail the provider sends afterwards.
create table identites_oidc (
  id uuid primary key default gen_random_uuid(),
  fournisseur text not null check (fournisseur in ('proconnect', 'prosanteconnect')),
  sub text not null check (length(sub) between 1 and 255),
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  -- The e-mail the provider vouched for when the link was made (for the administrators; never used to log in).
  email_au_lien text not null,
  cree_le timestamptz not null default now(),
  derniere_connexion timestamptz,
  unique (fournisseur, sub),
  -- One identity per provider and account: a second `sub` for the same account is a question for a human.
  unique (fournisseur, utilisateur_id)
);

-- A login started and not yet finished: what the return from the provider must match. Keyed by the hash of the
-- `state` (also held by the browser, in a short-lived httpOnly cookie); deleted when used, so a state serves once.
create table demandes_oidc (
  etat_hash bytea primary key,
  fournisseur text not null,
  nonce text not null,
  verificateur_pkce text not null,
  retour text not null default '/',
  expire_le timestamptz not null
);
create index demandes_oidc_expiration on demandes_oidc (expire_le);

-- A session opened by a provider: its ID token, for the logout at the provider (id_token_hint).
create table sessions_oidc (
  session_id uuid primary key references sessions (id) on delete cascade,
  fournisseur text not null,
  id_token text not null
);
