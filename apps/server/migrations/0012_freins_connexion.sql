-- Throttles of login guesses and reset e-mails (issue 11), in PostgreSQL so that every server process shares them.
-- They replace the failed-login log, whose five failures locked an account for fifteen minutes even for its owner.
drop table echecs_connexion;

create table freins (
  -- connexion_compte, connexion_client: growing waits between guesses (an e-mail address; a client address);
  -- reinitialisation_compte, reinitialisation_client: reset requests counted over a window.
  genre text not null check (genre in ('connexion_compte', 'connexion_client', 'reinitialisation_compte', 'reinitialisation_client')),
  cle text not null,
  tentatives integer not null default 0,
  -- Start of the counting window (reset requests).
  depuis timestamptz not null default now(),
  dernier_le timestamptz not null default now(),
  -- No attempt is taken before this time (login throttles).
  prochain_essai timestamptz not null default now(),
  primary key (genre, cle)
);
create index freins_dernier_le on freins (dernier_le);
