import { EXPLICATIONS_ROLE_CONTRAT, LIBELLES_ROLE, type RoleContrat } from '@maillage/domain';
import { auditer, type Acteur } from '../../platform/audit';
import type { Contexte } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { invalide } from '../../platform/errors';
import { empreinte, nouveauJeton } from '../../platform/secrets';
import * as repository from './comptes.repository';

/**
 * Accounts as seen from a contract's « Personnes et accès » tab (issue 12): finding a person by e-mail, attaching an
 * organisation to an account that has none, and the invitation e-mail whose link lets a new account choose its
 * password (the same one-time token as a password reset, valid three days).
 */

export const compteParEmail = (db: Queryable, email: string) => repository.utilisateurParEmail(db, email);
export const compte = (db: Queryable, id: string) => repository.obtenirUtilisateur(db, id);

/** Only for an account without organisation: nobody moves a person out of the organisation it belongs to. */
export async function rattacherOrganisation(tx: Queryable, acteur: Acteur, utilisateurId: string, organisationId: string) {
  if (!(await repository.obtenirOrganisation(tx, organisationId)))
    throw invalide('Organisation inconnue.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
  const avant = (await repository.obtenirUtilisateur(tx, utilisateurId))!;
  await tx.query(
    `update personnes set organisation_id = $2, version = version + 1, modifie_le = now()
     where id = (select personne_id from utilisateurs where id = $1) and organisation_id is null`,
    [utilisateurId, organisationId],
  );
  const apres = (await repository.obtenirUtilisateur(tx, utilisateurId))!;
  await auditer(tx, {
    acteur,
    entiteType: 'utilisateur',
    entiteId: utilisateurId,
    action: 'modification',
    avant: { organisationNom: avant.organisationNom },
    apres: { organisationNom: apres.organisationNom },
  });
}

/** A one-time link to choose a password, for an account created by an invitation. */
export async function jetonInvitation(tx: Queryable, utilisateurId: string): Promise<string> {
  const jeton = nouveauJeton();
  await repository.creerReinitialisation(tx, utilisateurId, empreinte(jeton), 72);
  return jeton;
}

/** The e-mail of a role given on a contract; with a token, the person has no password yet and chooses one. */
export async function ecrireAcces(
  ctx: Contexte,
  c: { a: string; prenom: string; par: string; contrat: { id: string; intitule: string }; role: RoleContrat; jeton: string | null },
) {
  const quoi = `${c.par} vous a donné le rôle « ${LIBELLES_ROLE[c.role]} » sur le contrat local de santé « ${c.contrat.intitule} » : ce rôle ${EXPLICATIONS_ROLE_CONTRAT[c.role]}.`;
  const contrat = `${ctx.config.publicUrl}/contrats/${c.contrat.id}`;
  if (c.jeton) {
    const lien = `${ctx.config.publicUrl}/reinitialiser-mot-de-passe?jeton=${encodeURIComponent(c.jeton)}`;
    await ctx.messagerie.envoyer({
      a: c.a,
      sujet: `Maillage — ${c.par} vous invite sur le contrat « ${c.contrat.intitule} »`,
      texte:
        `Bonjour ${c.prenom},\n\n${quoi}\n\n` +
        `Un compte Maillage, la plateforme des contrats locaux de santé, a été créé pour vous avec l’adresse ${c.a}.\n` +
        `Choisissez votre mot de passe dans les trois jours avec ce lien :\n${lien}\n\n` +
        `Passé ce délai, demandez un nouveau lien avec « Mot de passe oublié ? » sur la page de connexion.\n` +
        `Le contrat, une fois connecté·e : ${contrat}\n\nL’équipe Maillage`,
    });
    return;
  }
  await ctx.messagerie.envoyer({
    a: c.a,
    sujet: `Maillage — votre rôle sur le contrat « ${c.contrat.intitule} »`,
    texte: `Bonjour ${c.prenom},\n\n${quoi}\n\nRetrouvez le contrat dans Maillage :\n${contrat}\n\nL’équipe Maillage`,
  });
}
