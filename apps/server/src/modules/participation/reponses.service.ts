import { createHash } from 'node:crypto';
import { dureeLisible, estPiege, formaterDate, validerReponses } from '@maillage/domain';
import type { ConsultationPublique, ReponseConsultationCorps } from '@maillage/domain/api';
import type { Contexte } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, ErreurMetier, introuvable, invalide } from '../../platform/errors';
import * as repository from './consultations.repository';
import { vuePublique } from './consultations.service';
import { attenteAvantReponse, compterReponse } from './limite-reponses';
import * as queries from './participation.queries';

/**
 * The public side of a consultation (issue 20 item 1, decision 0041): reading an open one and answering it, with no
 * account. Nothing that identifies a person is kept with an answer: no account, no address, no time but the day.
 */

export const MERCI = 'Merci, votre réponse est enregistrée. Elle est anonyme : ni votre nom ni votre adresse IP ne sont gardés.';

const nonOuverte = () => introuvable('Cette consultation n’existe pas ou n’est pas ouverte au public.');
const close = () =>
  new ErreurMetier(410, 'Consultation close', 'Cette consultation est close : elle ne reçoit plus de réponse. Merci de votre intérêt.');

/** The consultation if the public may answer it today; 404 (draft, unknown, not begun) or 410 (closed, period over). */
export async function exigerOuverte(db: Queryable, id: string, verrouiller = false): Promise<repository.ConsultationLue> {
  const c = await repository.lireConsultation(db, id, verrouiller);
  if (!c || c.statut === 'brouillon') throw nonOuverte();
  if (c.statut === 'close' || (!c.enCours && !c.aVenir)) throw close();
  if (c.aVenir) throw introuvable(`Cette consultation n’est pas encore ouverte : elle le sera le ${formaterDate(c.debut!)}.`);
  return c;
}

export async function consultationOuverte(ctx: Contexte, id: string): Promise<ConsultationPublique> {
  return vuePublique(ctx.db, await exigerOuverte(ctx.db, id), false);
}

/** A one-time code as printed (« K7QM-2XHP »), read without its dashes, spaces or case. */
export const normaliserCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** Only this is stored: the code cannot be read back from the database. */
export const empreinteCode = (consultationId: string, code: string) =>
  createHash('sha256')
    .update(`${consultationId}:${normaliserCode(code)}`)
    .digest('hex');

/**
 * Records one person's answer. `adresse` only feeds the in-memory rate limit. A filled honeypot gets the same
 * thanks and is dropped (a robot learns nothing); a code, when asked, is spent in the same transaction as the answer.
 */
export async function repondre(ctx: Contexte, id: string, corps: ReponseConsultationCorps, adresse: string): Promise<{ message: string }> {
  const attente = attenteAvantReponse(adresse);
  if (attente)
    throw new ErreurMetier(
      429,
      'Trop de réponses',
      `Trop de réponses envoyées depuis cette connexion : réessayez dans ${dureeLisible(attente)}.`,
      {},
      { 'retry-after': String(attente) },
    );
  const c = await exigerOuverte(ctx.db, id);
  if (estPiege(corps)) {
    compterReponse(adresse);
    return { message: MERCI };
  }
  const [sections, contrat] = await Promise.all([repository.lireQuestionnaire(ctx.db, id), queries.contratEtCommunes(ctx.db, c.contratId)]);
  const resultat = validerReponses(
    repository.questionsDefinies(sections),
    corps.reponses,
    new Set((contrat?.communes ?? []).map((x) => x.code)),
  );
  if (!resultat.ok) throw invalide(resultat.erreurs.map((e) => e.message).join(' ; '), resultat.erreurs);
  if (!resultat.valeurs.length)
    throw invalide('Votre réponse est vide : répondez à au moins une question.', [{ champ: 'reponses', message: 'Aucune réponse' }]);
  const code = corps.code ? normaliserCode(corps.code) : '';
  if (c.codesRequis && !code)
    throw invalide('Cette consultation demande le code à usage unique reçu sur papier.', [
      { champ: 'code', message: 'Saisissez votre code' },
    ]);
  await enTransaction(ctx.db, async (tx) => {
    // Read again under lock: closed in the meantime, the answer is refused.
    await exigerOuverte(tx, id, true);
    if (c.codesRequis && !(await repository.utiliserCode(tx, id, empreinteCode(id, code)))) {
      if (await repository.codeExiste(tx, id, empreinteCode(id, code)))
        throw conflit('Ce code a déjà servi : chaque code ne permet de répondre qu’une fois.');
      throw invalide('Ce code n’est pas valable pour cette consultation : vérifiez-le.', [{ champ: 'code', message: 'Code inconnu' }]);
    }
    await repository.enregistrerReponse(tx, id, resultat.valeurs);
  });
  compterReponse(adresse);
  return { message: MERCI };
}
