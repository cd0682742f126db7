-- An organisation named as ARS, porteur or signatory of a contract confirms that role (issue 11). One row per
-- (contract, organisation, role) while the organisation holds that role; removing or replacing the party removes it,
-- so naming it again asks again.
create table confirmations_parties (
  id uuid primary key default gen_random_uuid(),
  contrat_id uuid not null references contrats (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  role text not null check (role in ('ars', 'porteur', 'signataire')),
  statut text not null default 'a_confirmer' check (statut in ('a_confirmer', 'confirme', 'refuse')),
  demande_le timestamptz not null default now(),
  demande_par text not null,
  repondu_le timestamptz,
  repondu_par uuid references utilisateurs (id) on delete set null,
  repondu_par_libelle text,
  motif text,
  unique (contrat_id, organisation_id, role)
);
create index confirmations_parties_organisation on confirmations_parties (organisation_id, statut);

-- Parties named before the rule were entered by their contracts' editors, published and signed as such: they are
-- taken as confirmed, so that no published contract disappears from the open data on upgrade. The audit log keeps
-- who named them.
insert into confirmations_parties (contrat_id, organisation_id, role, statut, demande_par, repondu_le, repondu_par_libelle)
select contrat_id, organisation_id, qualite, 'confirme', 'Système', now(), 'Reprise des contrats existants' from contrat_organisations
union all
select contrat_id, organisation_id, 'signataire', 'confirme', 'Système', now(), 'Reprise des contrats existants' from signataires
on conflict do nothing;
