import { formaterDateHeure } from '../../components/format';

const ENTITES: Record<string, string> = {
  organisation: 'Organisation',
  utilisateur: 'Compte utilisateur',
  session: 'Session',
  jeton_api: 'Jeton d’API',
  contrat: 'Contrat',
  fiche: 'Fiche-action',
  acces: 'Rôle sur un contrat',
};

const ACTIONS: Record<string, string> = {
  creation: 'Création',
  modification: 'Modification',
  suppression: 'Suppression',
  connexion: 'Connexion',
  deconnexion: 'Déconnexion',
  revocation: 'Révocation',
  demande_reinitialisation: 'Demande de réinitialisation du mot de passe',
  reinitialisation_mot_de_passe: 'Réinitialisation du mot de passe',
  changement_mot_de_passe: 'Changement de mot de passe',
  attribution: 'Attribution d’un rôle',
  invitation: 'Invitation',
  relance_invitation: 'Nouvel envoi d’une invitation',
  retrait: 'Retrait',
  publication: 'Publication',
  depublication: 'Retrait de la publication',
};

const CHAMPS: Record<string, string> = {
  nom: 'nom',
  prenom: 'prénom',
  sigle: 'sigle',
  type: 'type',
  siret: 'SIRET',
  finess: 'FINESS',
  regionCode: 'région',
  departementCode: 'département',
  territoireCode: 'commune ou EPCI',
  email: 'adresse e-mail',
  actif: 'compte actif',
  habilitations: 'rôles',
  organisationId: 'organisation (identifiant)',
  organisationNom: 'organisation',
  organisationType: 'type d’organisation',
  libelle: 'libellé',
  prefixe: 'début du jeton',
  modifieLe: 'modifiée le',
  derniereConnexion: 'dernière connexion',
};

/** Unknown codes are shown as they are, made readable ("jeton_api" → "Jeton api"). */
const lisible = (code: string) => (code.charAt(0).toUpperCase() + code.slice(1)).replaceAll('_', ' ');

export const libelleEntite = (code: string) => ENTITES[code] ?? lisible(code);
export const libelleAction = (code: string) => ACTIONS[code] ?? lisible(code);
export const libelleChamp = (code: string) => CHAMPS[code] ?? code;

/** A value of the diff as a French reader expects it. */
export function valeurLisible(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(vide)';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return new Intl.NumberFormat('fr-FR').format(v);
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formaterDateHeure(v) : v;
  if (Array.isArray(v)) {
    if (v.length === 0) return '(aucun)';
    return v.map((x) => (x && typeof x === 'object' && 'role' in x ? Object.values(x).join(' ') : valeurLisible(x))).join(' ; ');
  }
  return JSON.stringify(v);
}
