import { libelleActionJournal, libelleEntiteJournal } from '@maillage/domain';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { libelleChampHistorique } from '../../components/libelles-historique';

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

export const libelleEntite = libelleEntiteJournal;
export const libelleAction = libelleActionJournal;
// A field neither list names is still written in words ("ordre_du_jour" → "ordre du jour"), never as code.
const enMots = (code: string) =>
  code
    .replaceAll('_', ' ')
    .replace(/([a-zà-ÿ])([A-Z])/g, '$1 $2')
    .toLowerCase();
export const libelleChamp = (code: string) =>
  CHAMPS[code] ?? (libelleChampHistorique(code) !== code ? libelleChampHistorique(code) : enMots(code));

/** Context worth showing, in words; identifiers and technical flags stay out of sight. */
const CONTEXTE: Record<string, string> = {
  ip: 'adresse IP',
  motif: 'motif',
  seance: 'séance',
  import: 'import du fichier',
  sessionsFermees: 'sessions fermées',
  jetonsRevoques: 'jetons révoqués',
  deplaces: 'éléments déplacés',
  dansNom: 'fusionnée dans',
};
export const contexteLisible = (contexte: Record<string, unknown> | null | undefined) =>
  Object.entries(contexte ?? {})
    .filter(([k, v]) => CONTEXTE[k] && v !== true && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${CONTEXTE[k]} : ${valeurLisible(v)}`);

/** A value of the diff as a French reader expects it. */
export function valeurLisible(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(vide)';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return new Intl.NumberFormat('fr-FR').format(v);
  if (typeof v === 'string')
    return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formaterDateHeure(v) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formaterDate(v) : v;
  if (Array.isArray(v)) {
    if (v.length === 0) return '(aucun)';
    return v.map((x) => (x && typeof x === 'object' && 'role' in x ? Object.values(x).join(' ') : valeurLisible(x))).join(' ; ');
  }
  return JSON.stringify(v);
}
