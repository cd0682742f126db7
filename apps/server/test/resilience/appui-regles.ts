import { accesDemande, accesSituation, can, peutLireJournalAcces, type NiveauAcces } from '@maillage/domain';
import { lireLigneSituation, motifValide } from '../../src/modules/appui/acces-appui';
import { lireLigneDemande } from '../../src/modules/appui/demandes.service';
import { membresDe } from '../../src/modules/appui/equipes.service';
import type { ClientHttp } from '../harness';
import type { Monde } from './monde';
import type { Evaluation, Outils } from './regles';

/**
 * What the appui routes expect of each subject (issue 18, decision 0031), computed at call time from the live rows
 * and the domain's own rules: the matrix holds the demo team's référent (case manager), its coordinator (who sees that
 * a case exists until she declares a reason) and the coordinator of another team, next to the platform roles, who
 * are all refused. A route that changes state for good (closing a case, opening one, classing a request) works on a
 * fresh victim, remembered here for the expected decision and the body.
 */

const db = (e: { serveur: Evaluation['serveur'] }) => e.serveur.ctx.db;

export async function roleDans(e: Evaluation, equipeId: string) {
  if (!e.sujet) return null;
  return (await membresDe(db(e), e.sujet.userId)).find((m) => m.organisationId === equipeId)?.role ?? null;
}

export async function niveauSituation(e: Evaluation, situationId: string): Promise<NiveauAcces> {
  if (!e.sujet) return 'aucun';
  const s = await lireLigneSituation(db(e), situationId);
  if (!s) throw new Error(`Situation ${situationId} introuvable`);
  const membres = await membresDe(db(e), e.sujet.userId);
  return accesSituation(e.sujet.userId, membres, s, await motifValide(db(e), e.sujet.userId, situationId));
}

export async function niveauDemande(e: Evaluation, demandeId: string): Promise<NiveauAcces> {
  if (!e.sujet) return 'aucun';
  const d = await lireLigneDemande(db(e), demandeId);
  if (!d) throw new Error(`Demande ${demandeId} introuvable`);
  return accesDemande(e.sujet.userId, await membresDe(db(e), e.sujet.userId), d);
}

type Id = (m: Monde) => string;
/** The demo's first case and request, or the last victim made. */
export const situationDemo: Id = (m) => m.appui.situation;
export const demandeDemo: Id = (m) => m.appui.demande;
export const victimeCourante: Id = () => {
  if (!derniere) throw new Error('Aucune victime appui');
  return derniere;
};

export const membre = (equipe: Id) => async (e: Evaluation) => (await roleDans(e, equipe(e.monde))) !== null;
export const coordinateur = (equipe: Id) => async (e: Evaluation) => (await roleDans(e, equipe(e.monde))) === 'coordinateur_appui';
export const adminOu = (f: (e: Evaluation) => Promise<boolean>) => async (e: Evaluation) =>
  can(e.sujet, 'administrer', { type: 'plateforme' }) || (await f(e));
export const voitSituation = (id: Id) => async (e: Evaluation) => (await niveauSituation(e, id(e.monde))) !== 'aucun';
export const situationComplete = (id: Id) => async (e: Evaluation) => (await niveauSituation(e, id(e.monde))) === 'complet';
export const demandeComplete = (id: Id) => async (e: Evaluation) => (await niveauDemande(e, id(e.monde))) === 'complet';
/** The référent, or a coordinator of the team: who assigns staff and reads the read log. */
export const referentOuCoordinateur = (id: Id) => async (e: Evaluation) => {
  if (!e.sujet) return false;
  const s = await lireLigneSituation(db(e), id(e.monde));
  return s !== null && peutLireJournalAcces(e.sujet.userId, await membresDe(db(e), e.sujet.userId), s);
};
/** The coordinator of the person's team (the access right's export). */
export const coordinateurDeLaPersonne = coordinateur((m) => m.appui.equipe);

/** Current versions, read when the body is built: each call must be able to succeed. */
export async function versionSituation(o: Outils, id: string) {
  return Number((await o.serveur.ctx.db.query('select version from appui_situations where id = $1', [id])).rows[0].version);
}
export async function versionDemande(o: Outils, id: string) {
  return Number((await o.serveur.ctx.db.query('select version from appui_demandes where id = $1', [id])).rows[0].version);
}

let derniere: string | null = null;
let coordinatrice: ClientHttp | null = null;

async function exiger(r: Promise<{ status: number; body: any }>, attendu: number, quoi: string) {
  const x = await r;
  if (x.status !== attendu) throw new Error(`Victime appui : ${quoi} → ${x.status} ${JSON.stringify(x.body).slice(0, 300)}`);
  return x.body;
}

/** A fresh request sent by the administrator through the form (version 1, status « reçue », no référent). */
export async function demandeVictime(o: Outils): Promise<string> {
  const d = await exiger(
    o.admin.post('/api/appui/demandes', {
      equipeId: o.monde.appui.equipe,
      origine: 'professionnel_sante',
      personne: { nom: `Victime${o.unique()}`, prenoms: 'Test' },
      motif: 'Victime de la matrice',
      urgence: 'normale',
    }),
    201,
    'demande',
  );
  derniere = d.id;
  return d.id;
}

/** A fresh case whose référent is the demo's case manager: the coordinator names her, then opens it. */
export async function situationVictime(o: Outils): Promise<string> {
  const demande = await demandeVictime(o);
  if (!coordinatrice) {
    coordinatrice = o.serveur.client();
    await coordinatrice.connecter(EMAIL_COORDINATION_APPUI);
  }
  const d = `/api/appui/demandes/${demande}`;
  await exiger(coordinatrice.post(`${d}/referent`, { referentId: o.monde.appui.gestionnaire, version: 1 }), 200, 'référent');
  const s = await exiger(coordinatrice.post(`${d}/situation`, { version: 2 }), 201, 'situation');
  derniere = s.id;
  return s.id;
}

export const EMAIL_COORDINATION_APPUI = 'appui@demo.maillage.fr';
export const EMAIL_GESTIONNAIRE_APPUI = 'gestionnaire@demo.maillage.fr';
export const EMAIL_AUTRE_EQUIPE = 'autre-equipe@exemple.fr';
