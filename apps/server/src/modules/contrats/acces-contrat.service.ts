import {
  LIBELLES_ROLE,
  peutVoirAcces,
  refusChangementAcces,
  rolesAttribuables,
  type AccesSaisie,
  type RefContrat,
  type RefusAcces,
  type RoleContrat,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, ErreurMetier, interdit, introuvable, invalide } from '../../platform/errors';
import { compte, compteParEmail, ecrireAcces, jetonInvitation, rattacherOrganisation } from '../comptes/invitations.service';
import { inscrire } from '../comptes/utilisateurs.service';
import { exigerSurContrat } from './acces';
import * as repository from './acces-contrat.repository';

/**
 * The « Personnes et accès » tab of a contract (issue 12): who holds which role, invitations by e-mail, changes and
 * removals. The rules (who manages which role, the last coordinator, a pilote's organisation) are the domain's.
 */

const role = (r: RoleContrat) => `« ${LIBELLES_ROLE[r]} »`;
const personne = (p: { prenom: string; nom: string; organisationNom?: string | null }) =>
  `${p.prenom} ${p.nom}${p.organisationNom ? ` (${p.organisationNom})` : ''}`;

async function exigerGestion(ctx: Contexte, utilisateur: Utilisateur, contratId: string) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  if (rolesAttribuables(utilisateur, ref).length === 0)
    throw interdit('Seuls la coordination du contrat, son référent ARS et l’ARS de sa région gèrent ses personnes.');
  return ref;
}

function refuser(refus: RefusAcces): never {
  if (refus.motif === 'interdit') throw interdit(refus.message);
  if (refus.motif === 'dernier_coordonnateur') throw conflit(refus.message);
  throw new ErreurMetier(422, 'Organisation requise', refus.message, { erreurs: [{ champ: 'organisationId', message: refus.message }] });
}

async function intituleDe(tx: Queryable, contratId: string): Promise<string> {
  // The contract's row, locked: two changes of its people are serialised (nobody removes the last coordinator twice).
  const { rows } = await tx.query('select intitule from contrats where id = $1 for update', [contratId]);
  return rows[0].intitule;
}

export async function listerAcces(ctx: Contexte, utilisateur: Utilisateur, contratId: string) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  if (!peutVoirAcces(utilisateur, ref))
    throw interdit('La liste des personnes du contrat est réservée à celles qui y ont un rôle et à son ARS.');
  const permis = rolesAttribuables(utilisateur, ref);
  const personnes = await repository.personnesDuContrat(ctx.db, contratId);
  const coordonnateurs = new Set(personnes.filter((p) => p.role === 'coordonnateur').map((p) => p.utilisateurId)).size;
  return {
    personnes: personnes.map((p) => ({
      ...p,
      // Addresses are for those who manage the contract's people.
      email: permis.length ? p.email : null,
      roleLibelle: LIBELLES_ROLE[p.role],
      modifiable: permis.includes(p.role) && !(p.role === 'coordonnateur' && coordonnateurs <= 1),
    })),
    rolesAttribuables: permis.map((r) => ({ role: r, libelle: LIBELLES_ROLE[r] })),
  };
}

/**
 * Gives a role to the person with this address: an existing account gets it at once (and an e-mail); an unknown
 * address gets an account without password and an invitation e-mail whose link lets it choose one. Inviting again a
 * person who has not yet chosen a password sends a fresh link.
 */
export async function donnerAcces(ctx: Contexte, utilisateur: Utilisateur, contratId: string, saisie: AccesSaisie) {
  const ref = await exigerGestion(ctx, utilisateur, contratId);
  const acteur = acteurDe(utilisateur);
  const { resultat, courriel } = await enTransaction(ctx.db, async (tx) => {
    const intitule = await intituleDe(tx, contratId);
    let cible = await compteParEmail(tx, saisie.email);
    const actuels = cible ? await repository.rolesDe(tx, contratId, cible.id) : [];
    const enAttente = !!cible && !cible.passwordHash && !cible.derniereConnexion;
    if (cible && actuels.length) {
      if (!(actuels.length === 1 && actuels[0] === saisie.role && enAttente))
        throw conflit(
          `${personne(cible)} a déjà le rôle ${role(actuels[0])} sur ce contrat : changez son rôle dans la liste des personnes.`,
        );
      verifier(utilisateur, ref, { roleActuel: saisie.role, nouveauRole: saisie.role, coordonnateurs: 0, aUneOrganisation: true });
    } else {
      const aUneOrganisation = Boolean(cible?.organisationId ?? saisie.organisationId);
      const refus = refusChangementAcces(utilisateur, ref, {
        roleActuel: null,
        nouveauRole: saisie.role,
        coordonnateurs: await repository.nombreCoordonnateurs(tx, contratId),
        aUneOrganisation,
      });
      // Permission first; then every missing field of the form at once.
      if (refus?.motif === 'interdit') refuser(refus);
      const manquants = cible ? [] : (['prenom', 'nom'] as const).filter((c) => !saisie[c]);
      if (manquants.length) {
        const message = 'Cette adresse n’a pas encore de compte : indiquez le prénom et le nom de la personne pour l’inviter.';
        throw invalide(message, [
          ...manquants.map((champ) => ({
            champ,
            message: `${champ === 'prenom' ? 'Le prénom' : 'Le nom'} est obligatoire pour inviter une personne sans compte`,
          })),
          ...(refus ? [{ champ: 'organisationId', message: refus.message }] : []),
        ]);
      }
      if (refus) refuser(refus);
    }
    let cree = false;
    if (!cible) {
      await inscrire(tx, acteur, {
        email: saisie.email,
        prenom: saisie.prenom!,
        nom: saisie.nom!,
        organisationId: saisie.organisationId ?? null,
        habilitations: [],
      });
      cible = (await compteParEmail(tx, saisie.email))!;
      cree = true;
    } else if (!cible.actif) {
      throw conflit(`Le compte de ${personne(cible)} est désactivé : un administrateur de la plateforme doit d’abord le réactiver.`);
    } else if (!cible.organisationId && saisie.organisationId) {
      await rattacherOrganisation(tx, acteur, cible.id, saisie.organisationId);
      cible = (await compteParEmail(tx, saisie.email))!;
    }
    const renvoi = actuels.length > 0;
    if (!renvoi) await repository.definirRole(tx, contratId, cible.id, saisie.role);
    const jeton = cree || enAttente ? await jetonInvitation(tx, cible.id) : null;
    const phrase = renvoi
      ? `a renvoyé à ${personne(cible)} l’invitation au rôle ${role(saisie.role)} du contrat « ${intitule} »`
      : jeton
        ? `a invité ${personne(cible)} par courriel, avec le rôle ${role(saisie.role)} sur le contrat « ${intitule} »`
        : `a donné à ${personne(cible)} le rôle ${role(saisie.role)} sur le contrat « ${intitule} »`;
    await auditer(tx, {
      acteur,
      entiteType: 'acces',
      entiteId: cible.id,
      action: renvoi ? 'relance_invitation' : jeton ? 'invitation' : 'attribution',
      avant: renvoi ? { role: saisie.role } : null,
      apres: { role: saisie.role },
      contexte: { contratId, phrase },
    });
    return {
      resultat: {
        utilisateurId: cible.id,
        role: saisie.role,
        invitation: jeton !== null,
        compteCree: cree,
        message: `Vous avez${phrase.slice(1)}.`,
      },
      courriel: {
        a: cible.email,
        prenom: cible.prenom,
        par: acteur.libelle,
        contrat: { id: contratId, intitule },
        role: saisie.role,
        jeton,
      },
    };
  });
  // After the commit: no e-mail for a grant that did not happen.
  await ecrireAcces(ctx, courriel);
  return resultat;
}

function verifier(utilisateur: Utilisateur, ref: RefContrat, changement: Parameters<typeof refusChangementAcces>[2]) {
  const refus = refusChangementAcces(utilisateur, ref, changement);
  if (refus) refuser(refus);
}

/** Changes the role of a person of the contract (null removes it). */
export async function changerAcces(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  utilisateurId: string,
  nouveauRole: RoleContrat | null,
) {
  const ref = await exigerGestion(ctx, utilisateur, contratId);
  await enTransaction(ctx.db, async (tx) => {
    const intitule = await intituleDe(tx, contratId);
    const actuels = await repository.rolesDe(tx, contratId, utilisateurId);
    const cible = actuels.length ? await compte(tx, utilisateurId) : null;
    if (!cible) throw introuvable('Cette personne n’a pas de rôle sur ce contrat.');
    if (actuels.length === 1 && actuels[0] === nouveauRole) return;
    const coordonnateurs = await repository.nombreCoordonnateurs(tx, contratId);
    for (const roleActuel of actuels)
      verifier(utilisateur, ref, { roleActuel, nouveauRole, coordonnateurs, aUneOrganisation: cible.organisationId !== null });
    await repository.definirRole(tx, contratId, utilisateurId, nouveauRole);
    const avant = actuels.map(role).join(' et ');
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'acces',
      entiteId: utilisateurId,
      action: nouveauRole ? 'modification' : 'retrait',
      avant: { role: actuels.join(', ') },
      apres: { role: nouveauRole },
      contexte: {
        contratId,
        phrase: nouveauRole
          ? `a changé le rôle de ${personne(cible)} sur le contrat « ${intitule} » : ${avant} devient ${role(nouveauRole)}`
          : `a retiré à ${personne(cible)} son rôle ${avant} sur le contrat « ${intitule} »`,
      },
    });
  });
}
