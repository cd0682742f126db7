-- Files of a séance (agenda annexes, presentations, signed minutes) are contract files tied to their séance.
alter table documents add column seance_id uuid references seances (id) on delete cascade;
create index documents_seance on documents (seance_id);

-- The SIREN of an organisation (a legal unit), beside the SIRET of the establishment.
alter table organisations add column siren text;
