import type { Contexte } from '../../platform/contexte';
import type { Courriel } from '../../platform/mail';

/**
 * The module's e-mails (issue 18 items 1, 2 and 6). An e-mail is not a secure channel: no body names the person or
 * says anything of their health — only a number, the team and a link to log in (decision 0031).
 */

const SIGNATURE = '\n\nCe message ne contient volontairement aucune information sur la personne ni sur sa santé.\nMaillage';

/** Sends after the change committed; a mail server down loses the mail, not the change (the case page says what to do). */
async function envoyer(ctx: Contexte, courriel: Courriel): Promise<boolean> {
  try {
    await ctx.messagerie.envoyer(courriel);
    return true;
  } catch {
    return false;
  }
}

export function courrielAccuseReception(
  ctx: Contexte,
  a: string,
  d: { numero: number; equipe: string; telephone: string | null; recueLe: string },
) {
  const quand = new Date(d.recueLe).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
  return envoyer(ctx, {
    a,
    sujet: `Demande n° ${d.numero} reçue par ${d.equipe}`,
    texte:
      `Bonjour,\n\n${d.equipe} a bien reçu votre demande n° ${d.numero}, le ${quand}. Un référent vous recontactera.` +
      (d.telephone ? `\nPour joindre l’équipe : ${d.telephone}.` : '') +
      `\n\nSuivez votre demande en vous connectant : ${ctx.config.publicUrl}/appui/mes-demandes${SIGNATURE}`,
  });
}

export function courrielNouvelleDemande(ctx: Contexte, a: string, d: { id: string; numero: number; equipe: string; urgence: string }) {
  return envoyer(ctx, {
    a,
    sujet: `${d.urgence === 'immediate' ? 'URGENT — ' : ''}Nouvelle demande n° ${d.numero} pour ${d.equipe}`,
    texte: `Bonjour,\n\nUne nouvelle demande n° ${d.numero} est arrivée au guichet de ${d.equipe}.\n\nConnectez-vous pour la lire : ${ctx.config.publicUrl}/appui/demandes/${d.id}${SIGNATURE}`,
  });
}

export interface SituationAAnnoncer {
  id: string;
  numero: number;
  equipe: string;
  telephone: string | null;
  medecinNom: string | null;
  medecinCourriel: string | null;
}

/**
 * Tells the médecin traitant that a case opens or closes: the number, the team, a link to log in. Returns false when
 * there is no address to write to or the mail could not leave. Called at opening here, at closing by the plan part.
 */
export async function annoncerAuMedecin(ctx: Contexte, s: SituationAAnnoncer, moment: 'ouverture' | 'cloture'): Promise<boolean> {
  if (!s.medecinCourriel) return false;
  const salutation = s.medecinNom ? `Bonjour Docteur ${s.medecinNom},` : 'Bonjour Docteur,';
  const quoi =
    moment === 'ouverture'
      ? `${s.equipe} a ouvert la situation n° ${s.numero} pour l’un ou l’une de vos patients, dont vous êtes le médecin traitant.`
      : `${s.equipe} a clos la situation n° ${s.numero}, qui concerne l’un ou l’une de vos patients. Le courrier de retour est disponible après connexion.`;
  return envoyer(ctx, {
    a: s.medecinCourriel,
    sujet: moment === 'ouverture' ? `Situation n° ${s.numero} ouverte par ${s.equipe}` : `Situation n° ${s.numero} close par ${s.equipe}`,
    texte:
      `${salutation}\n\n${quoi}\n\nPour en savoir plus, connectez-vous : ${ctx.config.publicUrl}/appui/mes-demandes` +
      (s.telephone ? `\nOu appelez l’équipe : ${s.telephone}.` : '') +
      SIGNATURE,
  });
}
