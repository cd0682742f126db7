-- Issue 18 items 1–3 and 8: the module « appui » (fonctions d'appui à la coordination des parcours complexes, DAC),
-- decision 0031. It holds personal health data: every column marked « _chiffre » is a bytea written by the
-- application with AES-256-GCM (platform/chiffrement-sante.ts: version, key id, nonce, tag, ciphertext), the key kept
-- outside the database. What stays in clear is what the aggregates need (origin, urgency, level, dates, statuses,
-- commune) and carries no name.

-- A support team is an organisation of the directory; its staff are users with a team role (not a habilitation: the
-- generic roles never open nominative health data, and the module decides alone who reads a case).
create table appui_equipes (
  organisation_id uuid primary key references organisations (id) on delete cascade,
  -- Warning threshold of cases per case manager (issue 18 item 6).
  seuil_charge integer not null default 30 check (seuil_charge between 1 and 500),
  telephone text,
  horaires text,
  cree_le timestamptz not null default now()
);

create table appui_membres (
  organisation_id uuid not null references appui_equipes (organisation_id) on delete cascade,
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  role text not null check (role in ('coordinateur_appui', 'gestionnaire_cas')),
  cree_le timestamptz not null default now(),
  primary key (organisation_id, utilisateur_id)
);
create index appui_membres_utilisateur on appui_membres (utilisateur_id);

-- The person a request or a case is about. Only what the aggregates need is in clear.
create table appui_personnes (
  id uuid primary key,
  organisation_id uuid not null references appui_equipes (organisation_id),
  -- { nom, nomUsage, prenoms, dateNaissance, sexe, ins, communeNom } (the INS as entered, never qualified here).
  identite_chiffree bytea not null,
  commune_code text,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index appui_personnes_equipe on appui_personnes (organisation_id);

create sequence appui_numeros_demande;
create sequence appui_numeros_situation;

-- A request to the guichet unique.
create table appui_demandes (
  id uuid primary key,
  numero bigint not null unique default nextval('appui_numeros_demande'),
  organisation_id uuid not null references appui_equipes (organisation_id),
  personne_id uuid not null references appui_personnes (id),
  origine text not null check (origine in (
    'medecin_traitant', 'professionnel_sante', 'professionnel_social', 'etablissement', 'personne', 'aidant', 'autre')),
  canal text not null check (canal in ('formulaire', 'telephone')),
  -- The logged professional who submitted it, or the staff member who took the call.
  saisie_par uuid references utilisateurs (id) on delete set null,
  -- Who asks when not the logged user (a call): { nom, qualite, telephone, courriel }.
  demandeur_chiffre bytea,
  urgence text not null check (urgence in ('normale', 'rapide', 'immediate')),
  motif_chiffre bytea not null,
  recue_le timestamptz not null default now(),
  accusee_le timestamptz,
  referent_id uuid references utilisateurs (id) on delete set null,
  referent_le timestamptz,
  premier_contact_le timestamptz,
  statut text not null default 'recue' check (statut in ('recue', 'situation_ouverte', 'sans_suite')),
  -- The médecin traitant named in the request (copied to the case when it opens).
  medecin_ressource_id uuid references ressources (id) on delete set null,
  medecin_nom text,
  medecin_rpps text check (medecin_rpps is null or medecin_rpps ~ '^[0-9]{11}$'),
  medecin_courriel text,
  version integer not null default 1
);
create index appui_demandes_equipe on appui_demandes (organisation_id, recue_le desc);

-- A case (situation) opened from a request.
create table appui_situations (
  id uuid primary key,
  numero bigint not null unique default nextval('appui_numeros_situation'),
  organisation_id uuid not null references appui_equipes (organisation_id),
  demande_id uuid not null unique references appui_demandes (id),
  personne_id uuid not null references appui_personnes (id),
  referent_id uuid references utilisateurs (id) on delete set null,
  statut text not null default 'ouverte' check (statut in ('ouverte', 'close')),
  niveau text check (niveau in ('information_orientation', 'appui_ponctuel', 'coordination', 'gestion_de_cas')),
  ouverte_le timestamptz not null default now(),
  close_le timestamptz,
  motif_cloture text check (motif_cloture in (
    'objectifs_atteints', 'relais_pris', 'refus_personne', 'demenagement', 'entree_etablissement', 'deces', 'autre')),
  -- The person's information and opposition (issue 18 item 2), with their dates.
  informee_le date,
  opposition_le date,
  opposition_motif_chiffre bytea,
  medecin_ressource_id uuid references ressources (id) on delete set null,
  medecin_nom text,
  medecin_rpps text check (medecin_rpps is null or medecin_rpps ~ '^[0-9]{11}$'),
  medecin_courriel text,
  version integer not null default 1,
  check ((statut = 'close') = (close_le is not null))
);
create index appui_situations_equipe on appui_situations (organisation_id, statut);
create index appui_situations_referent on appui_situations (referent_id) where statut = 'ouverte';

-- Staff assigned to a case besides its référent.
create table appui_intervenants (
  situation_id uuid not null references appui_situations (id) on delete cascade,
  utilisateur_id uuid not null references utilisateurs (id) on delete cascade,
  depuis_le timestamptz not null default now(),
  primary key (situation_id, utilisateur_id)
);
create index appui_intervenants_utilisateur on appui_intervenants (utilisateur_id);

-- The multidimensional evaluation of complexity; the level is computed by the domain rule and kept in clear.
create table appui_evaluations (
  id uuid primary key,
  situation_id uuid not null references appui_situations (id) on delete cascade,
  -- { medicale, psychologique, sociale, environnementale, fonctionnelle, urgence, commentaire }
  grille_chiffree bytea not null,
  niveau text not null check (niveau in ('information_orientation', 'appui_ponctuel', 'coordination', 'gestion_de_cas')),
  evaluee_le timestamptz not null default now(),
  evaluee_par uuid references utilisateurs (id) on delete set null
);
create index appui_evaluations_situation on appui_evaluations (situation_id, evaluee_le);

-- Orientation to a resource of the directory, with its outcome.
create table appui_orientations (
  id uuid primary key,
  situation_id uuid not null references appui_situations (id) on delete cascade,
  ressource_id uuid not null references ressources (id),
  issue text not null default 'en_attente' check (issue in ('en_attente', 'acceptee', 'refusee')),
  commentaire_chiffre bytea,
  orientee_le timestamptz not null default now(),
  issue_le timestamptz,
  orientee_par uuid references utilisateurs (id) on delete set null,
  version integer not null default 1
);
create index appui_orientations_situation on appui_orientations (situation_id);
create index appui_orientations_ressource on appui_orientations (ressource_id);

-- Every read of a request or a case (who, when, what), and every declared reason that opens a case to a team member
-- who is neither its référent nor assigned. Append-only, like the audit log.
create table appui_journal_acces (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references appui_equipes (organisation_id),
  situation_id uuid references appui_situations (id) on delete cascade,
  demande_id uuid references appui_demandes (id) on delete cascade,
  utilisateur_id uuid references utilisateurs (id) on delete set null,
  utilisateur_libelle text not null,
  nature text not null check (nature in ('lecture', 'motif_declare')),
  objet text not null,
  motif_chiffre bytea,
  le timestamptz not null default now(),
  check (situation_id is not null or demande_id is not null)
);
create index appui_journal_situation on appui_journal_acces (situation_id, le desc);
create index appui_journal_demande on appui_journal_acces (demande_id, le desc);
create index appui_journal_motifs on appui_journal_acces (utilisateur_id, situation_id, le desc) where nature = 'motif_declare';

create function appui_journal_acces_immuable() returns trigger language plpgsql as $$
begin
  -- Rows go only with their case or request (the purge deletes the case, the cascade deletes its log).
  if tg_op = 'DELETE' then
    if (old.situation_id is not null and not exists (select 1 from appui_situations where id = old.situation_id))
       or (old.demande_id is not null and not exists (select 1 from appui_demandes where id = old.demande_id)) then
      return old;
    end if;
  -- The key rotation re-encrypts the reason; a deleted account leaves its name (utilisateur_libelle).
  elsif (to_jsonb(new) - 'motif_chiffre' - 'utilisateur_id') = (to_jsonb(old) - 'motif_chiffre' - 'utilisateur_id') then
    return new;
  end if;
  raise exception 'Le journal des accès est en ajout seul.';
end;
$$;
create trigger appui_journal_acces_immuable before update or delete on appui_journal_acces
  for each row execute function appui_journal_acces_immuable();
