-- Typologies of a region's EPCIs (the ORS Centre-Val de Loire's 4 classes of 2015): the classes as published, with
-- the counts the source gives, and which EPCI is in which class when that list is known (the source publishes only
-- the counts and a map; the list is entered or imported by the ARS).
create table typologies (
  code text primary key,
  region_code text not null,
  intitule text not null,
  source text not null,
  note text
);

create table typologie_classes (
  typologie_code text not null references typologies (code) on delete cascade,
  code text not null,
  description text not null,
  ordre integer not null,
  -- As published by the source (not counted from typologie_epci): 18 EPCI, 1 350 577 habitants, 52,8 %.
  nombre_epci integer,
  habitants integer,
  part_population numeric,
  primary key (typologie_code, code)
);

create table typologie_epci (
  typologie_code text not null,
  epci_code text not null,
  classe_code text not null,
  primary key (typologie_code, epci_code),
  foreign key (typologie_code, classe_code) references typologie_classes (typologie_code, code) on delete cascade
);
