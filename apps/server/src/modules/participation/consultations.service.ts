import {
  can,
  problemesQuestionnaire,
  raisonOuvertureImpossible,
  STATUTS_CONSULTATION,
  TRANCHES_AGE,
  TRANSITIONS_CONSULTATION,
} from '@maillage/domain';
import type {
  ConsultationCorps,
  ConsultationModification,
  ConsultationPublique,
  ConsultationVue,
  QuestionnaireCorps,
} from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat, type RefContratEtat } from '../contrats/acces';
import * as repository from './consultations.repository';
import * as queries from './participation.queries';

/**
 * Consultations of a contract (issue 20 item 1, decision 0041): who reads the contract reads them; who may edit its
 * diagnostic builds, opens and closes them. The questionnaire changes only in « brouillon ».
 */

type Sujet = Utilisateur | null;

export const VERSION_PERIMEE = 'Cette consultation a été modifiée entre-temps : rechargez-la avant d’enregistrer.';
export const lienPublic = (id: string) => `/public/consultations/${id}`;

/** Loads the consultation and checks the action on its contract (404 for a contract the user cannot read). */
export async function exigerSurConsultation(
  db: Queryable,
  utilisateur: Sujet,
  action: 'lire' | 'modifier',
  id: string,
  options: { verrouiller?: boolean; recevable?: boolean } = {},
): Promise<{ consultation: repository.ConsultationLue; contrat: RefContratEtat }> {
  const consultation = await repository.lireConsultation(db, id, options.verrouiller);
  if (!consultation) throw introuvable('Cette consultation n’existe pas.');
  const contrat = await exigerSurContrat(db, utilisateur, action, consultation.contratId);
  if (action === 'modifier' && options.recevable !== false) exigerRecevable(contrat, 'diagnostic');
  return { consultation, contrat };
}

async function vue(db: Queryable, c: repository.ConsultationLue): Promise<ConsultationVue> {
  const [sections, codes] = await Promise.all([repository.lireQuestionnaire(db, c.id), repository.compterCodes(db, c.id)]);
  return {
    ...c,
    sections,
    codes,
    lienPublic: lienPublic(c.id),
    transitions: TRANSITIONS_CONSULTATION[c.statut],
    modifiable: c.statut === 'brouillon',
  };
}

/** The consultation as the public sees it; `apercu` for the coordinator's preview of any state. */
export async function vuePublique(db: Queryable, c: repository.ConsultationLue, apercu: boolean): Promise<ConsultationPublique> {
  const [sections, contrat] = await Promise.all([repository.lireQuestionnaire(db, c.id), queries.contratEtCommunes(db, c.contratId)]);
  return {
    id: c.id,
    titre: c.titre,
    introduction: c.introduction,
    contrat: { id: c.contratId, nom: contrat?.nom ?? '' },
    statut: c.statut,
    debut: c.debut,
    fin: c.fin,
    codesRequis: c.codesRequis,
    sections,
    communes: (contrat?.communes ?? []).map((x) => ({ code: x.code, libelle: x.libelle })),
    tranchesAge: Object.entries(TRANCHES_AGE).map(([code, libelle]) => ({ code, libelle })),
    apercu,
  };
}

async function relire(db: Queryable, id: string) {
  const c = await repository.lireConsultation(db, id);
  if (!c) throw introuvable('Cette consultation n’existe pas.');
  return vue(db, c);
}

/** A change under the version read, audited in the same transaction; 409 with the current state when stale. */
async function changer(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  action: string,
  travail: (tx: Queryable, c: repository.ConsultationLue) => Promise<{ version: number | null; avant?: object; apres: object }>,
  options: { recevable?: boolean } = {},
): Promise<ConsultationVue> {
  return enTransaction(ctx.db, async (tx) => {
    const { consultation: c } = await exigerSurConsultation(tx, utilisateur, 'modifier', id, { ...options, verrouiller: true });
    const r = await travail(tx, c);
    if (r.version === null) throw conflit(VERSION_PERIMEE, await vue(tx, c));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action,
      avant: { titre: c.titre, ...r.avant },
      apres: { titre: c.titre, ...r.apres },
      contexte: { contratId: c.contratId },
    });
    return relire(tx, id);
  });
}

export async function listerConsultations(ctx: Contexte, utilisateur: Sujet, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return repository.consultationsDuContrat(ctx.db, contratId);
}

export async function obtenirConsultation(ctx: Contexte, utilisateur: Sujet, id: string): Promise<ConsultationVue> {
  const { consultation } = await exigerSurConsultation(ctx.db, utilisateur, 'lire', id);
  return vue(ctx.db, consultation);
}

/** The public view of the consultation in any state, for its coordination (preview of a draft). */
export async function apercuConsultation(ctx: Contexte, utilisateur: Sujet, id: string): Promise<ConsultationPublique> {
  const { consultation, contrat } = await exigerSurConsultation(ctx.db, utilisateur, 'lire', id);
  if (!can(utilisateur, 'modifier', { type: 'contrat', contrat })) throw introuvable('Cette consultation n’existe pas.');
  return vuePublique(ctx.db, consultation, true);
}

export async function creerConsultation(ctx: Contexte, utilisateur: Utilisateur, contratId: string, corps: ConsultationCorps) {
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'diagnostic');
  return enTransaction(ctx.db, async (tx) => {
    const id = await repository.creerConsultation(tx, contratId, {
      titre: corps.titre,
      introduction: corps.introduction || null,
      codesRequis: corps.codesRequis,
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action: 'creation',
      apres: { titre: corps.titre, codesRequis: corps.codesRequis },
      contexte: { contratId },
    });
    return relire(tx, id);
  });
}

export const modifierConsultation = (ctx: Contexte, utilisateur: Utilisateur, id: string, corps: ConsultationModification) =>
  changer(ctx, utilisateur, id, 'modification', async (tx, c) => {
    if (c.statut === 'close') throw conflit('Cette consultation est close : elle ne peut plus être modifiée.');
    if (corps.codesRequis !== undefined && corps.codesRequis !== c.codesRequis && c.statut !== 'brouillon')
      throw conflit('Les codes à usage unique se décident en brouillon : la consultation est déjà ouverte.');
    const debut = corps.debut ?? c.debut;
    const fin = corps.fin ?? c.fin;
    if (debut && fin && fin < debut)
      throw invalide('La fin de la période précède son début.', [{ champ: 'fin', message: 'La fin précède le début' }]);
    const champs = {
      ...(corps.titre !== undefined && { titre: corps.titre }),
      ...(corps.introduction !== undefined && { introduction: corps.introduction || null }),
      ...(corps.codesRequis !== undefined && { codes_requis: corps.codesRequis }),
      ...(corps.debut !== undefined && { debut: corps.debut }),
      ...(corps.fin !== undefined && { fin: corps.fin }),
    };
    const avant = { titre: c.titre, introduction: c.introduction, codesRequis: c.codesRequis, debut: c.debut, fin: c.fin };
    const apres = { ...avant, ...corps, version: undefined };
    return { version: await repository.modifierConsultation(tx, id, corps.version, champs), avant, apres };
  });

export const enregistrerQuestionnaire = (ctx: Contexte, utilisateur: Utilisateur, id: string, corps: QuestionnaireCorps) =>
  changer(ctx, utilisateur, id, 'questionnaire', async (tx, c) => {
    if (c.statut !== 'brouillon')
      throw conflit(
        `Cette consultation est ${STATUTS_CONSULTATION[c.statut].toLowerCase()} : son questionnaire ne peut plus changer (les réponses reçues y correspondent).`,
      );
    const problemes = problemesQuestionnaire(corps.sections);
    if (problemes.length) throw invalide(problemes.map((p) => p.message).join(' ; '), problemes);
    const version = await repository.modifierConsultation(tx, id, corps.version, {});
    if (version === null) return { version, apres: {} };
    await repository.remplacerQuestionnaire(tx, id, corps.sections);
    const nombre = corps.sections.reduce((n, s) => n + s.questions.length, 0);
    return { version, avant: { questions: c.nombreQuestions }, apres: { questions: nombre, sections: corps.sections.length } };
  });

export const ouvrirConsultation = (
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  corps: { debut: string; fin: string; version: number },
) =>
  changer(ctx, utilisateur, id, 'ouverture', async (tx, c) => {
    if (c.statut !== 'brouillon') throw conflit(`Cette consultation est déjà ${STATUTS_CONSULTATION[c.statut].toLowerCase()}.`);
    const raison = raisonOuvertureImpossible(c.nombreQuestions, corps.debut, corps.fin, await repository.aujourdhui(tx));
    if (raison) throw c.nombreQuestions ? invalide(raison, [{ champ: 'fin', message: raison }]) : conflit(raison);
    const version = await repository.modifierConsultation(tx, id, corps.version, { statut: 'ouverte', debut: corps.debut, fin: corps.fin });
    return { version, avant: { statut: c.statut }, apres: { statut: 'ouverte', debut: corps.debut, fin: corps.fin } };
  });

/** Closing stays possible on a closed contract: it receives no new element, but what was open must end. */
export const cloreConsultation = (ctx: Contexte, utilisateur: Utilisateur, id: string, corps: { version: number }) =>
  changer(
    ctx,
    utilisateur,
    id,
    'cloture',
    async (tx, c) => {
      if (c.statut !== 'ouverte')
        throw conflit(
          c.statut === 'close' ? 'Cette consultation est déjà close.' : 'Cette consultation n’a pas été ouverte : il n’y a rien à clore.',
        );
      const version = await repository.modifierConsultation(tx, id, corps.version, { statut: 'close' });
      return { version, avant: { statut: c.statut }, apres: { statut: 'close' } };
    },
    { recevable: false },
  );

export async function supprimerConsultation(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number) {
  await enTransaction(ctx.db, async (tx) => {
    const { consultation: c } = await exigerSurConsultation(tx, utilisateur, 'modifier', id, { verrouiller: true });
    if (c.statut !== 'brouillon') throw conflit('Seul un brouillon se supprime : cette consultation a été ouverte au public.');
    if (!(await repository.supprimerConsultation(tx, id, version))) throw conflit(VERSION_PERIMEE, await vue(tx, c));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action: 'suppression',
      avant: { titre: c.titre },
      contexte: { contratId: c.contratId },
    });
  });
}
