import { can, type Action, type Ressource, type Sujet } from '@maillage/domain';
import type { Config } from '../config';
import type { Db } from './database';
import { interdit, nonAuthentifie } from './errors';
import type { Messagerie } from './mail';
import type { Taches } from './taches';

/** What every service needs from the running platform. */
export interface Contexte {
  db: Db;
  config: Config;
  messagerie: Messagerie;
  /** Background jobs in PostgreSQL (platform/taches.ts). */
  taches: Taches;
  modeBase: 'embedded' | 'external';
}

/** The authenticated user as services see it: the permission subject plus a name for the audit log. */
export interface Utilisateur extends Sujet {
  email: string;
  libelle: string;
}

/** Throws 401 for an anonymous caller and 403 for a known one when the rules refuse. */
export function exiger(utilisateur: Utilisateur | null, action: Action, ressource: Ressource): void {
  if (can(utilisateur, action, ressource)) return;
  throw utilisateur ? interdit() : nonAuthentifie();
}

export function acteurDe(utilisateur: Utilisateur) {
  return { id: utilisateur.userId, libelle: utilisateur.libelle };
}
