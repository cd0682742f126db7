-- DHIS2 as ARS teams run it (issue 19, decision 0037): each region's saved mapping from DHIS2 identifiers to the
-- catalogue's indicators and the référentiel's territories, reused at every import and by the follow-up export.

create table correspondances_dhis2 (
  region_code text primary key,
  version integer not null default 1,
  modifie_le timestamptz not null default now(),
  modifie_par text
);

-- dataElement (+ categoryOptionCombo, '' for DHIS2's default) <-> indicator: one each way.
create table dhis2_elements (
  region_code text not null references correspondances_dhis2 (region_code) on delete cascade,
  rang integer not null,
  data_element text not null,
  categorie_option_combo text not null default '',
  indicateur_code text not null references indicateurs (code) on delete cascade,
  primary key (region_code, data_element, categorie_option_combo),
  unique (region_code, indicateur_code)
);

-- orgUnit <-> territory (checked against the référentiel when saved: no foreign key, the référentiel is reloaded).
create table dhis2_unites (
  region_code text not null references correspondances_dhis2 (region_code) on delete cascade,
  rang integer not null,
  org_unit text not null,
  territoire_type text not null check (territoire_type in ('commune', 'epci', 'departement', 'region')),
  territoire_code text not null,
  primary key (region_code, org_unit),
  unique (region_code, territoire_type, territoire_code)
);
