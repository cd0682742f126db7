/**
 * Logging in with an OpenID Connect provider (issue 19, decision 0036): the providers Maillage knows, and what the
 * person reads when the provider's answer does not open a session (the server names the reason, the page says it).
 */

export const FOURNISSEURS_OIDC = ['proconnect', 'prosanteconnect'] as const;
export type FournisseurOidc = (typeof FOURNISSEURS_OIDC)[number];

export const LIBELLES_FOURNISSEUR_OIDC: Record<FournisseurOidc, string> = {
  proconnect: 'ProConnect',
  prosanteconnect: 'Pro Santé Connect',
};

export const estFournisseurOidc = (v: string): v is FournisseurOidc => (FOURNISSEURS_OIDC as readonly string[]).includes(v);

export const MOTIFS_REFUS_OIDC = [
  'demande-invalide',
  'refus-fournisseur',
  'reponse-invalide',
  'compte-inconnu',
  'email-non-verifie',
  'compte-desactive',
  'compte-deja-relie',
  'fournisseur-indisponible',
] as const;
export type MotifRefusOidc = (typeof MOTIFS_REFUS_OIDC)[number];

const A_QUI_DEMANDER =
  'Demandez à la coordinatrice ou au coordinateur de votre contrat local de santé de vous inviter, ou à l’administrateur ' +
  'Maillage de votre organisation (à l’ARS pour ses agents) de créer votre compte avec l’adresse e-mail que connaît {f}. ' +
  'Vous recevrez un courriel : reconnectez-vous ensuite avec {f}.';

/** Title and explanation of each refusal, {f} standing for the provider's name. */
export const TEXTES_REFUS_OIDC: Record<MotifRefusOidc, { titre: string; texte: string }> = {
  'demande-invalide': {
    titre: 'La demande de connexion n’est plus valable',
    texte:
      'Cette page de retour ne correspond à aucune connexion en cours dans ce navigateur : elle a expiré (dix minutes), a déjà servi, ' +
      'ou a été modifiée. Recommencez la connexion depuis la page de connexion de Maillage.',
  },
  'refus-fournisseur': {
    titre: '{f} n’a pas confirmé votre identité',
    texte:
      'La connexion a été annulée ou refusée chez {f}. Vous pouvez recommencer, ou vous connecter avec votre adresse e-mail et votre mot de passe.',
  },
  'reponse-invalide': {
    titre: 'La réponse de {f} n’a pas pu être vérifiée',
    texte:
      'Maillage n’a pas accepté l’identité transmise (jeton expiré, signature ou code déjà utilisé) : par prudence, aucune session n’a été ouverte. ' +
      'Recommencez la connexion ; si cela se reproduit, signalez-le à l’administrateur de la plateforme.',
  },
  'compte-inconnu': {
    titre: 'Aucun compte Maillage n’est relié à votre identité {f}',
    texte: `Votre identité {f} a bien été vérifiée, mais aucun compte Maillage n’a été créé pour votre adresse e-mail. ${A_QUI_DEMANDER}`,
  },
  'email-non-verifie': {
    titre: '{f} n’a pas confirmé votre adresse e-mail',
    texte:
      'Maillage ne relie un compte à une identité {f} que si {f} garantit l’adresse e-mail. Faites confirmer votre adresse chez {f}, ' +
      'ou connectez-vous avec votre mot de passe Maillage. Si vous n’avez pas de compte : ' +
      A_QUI_DEMANDER.charAt(0).toLowerCase() +
      A_QUI_DEMANDER.slice(1),
  },
  'compte-desactive': {
    titre: 'Votre compte Maillage est désactivé',
    texte:
      'Votre identité {f} est reliée à un compte désactivé. Demandez à l’administrateur Maillage de votre organisation de le réactiver.',
  },
  'compte-deja-relie': {
    titre: 'Ce compte est déjà relié à une autre identité {f}',
    texte:
      'Le compte Maillage de votre adresse e-mail est déjà relié à une autre identité {f}. Par sécurité, il n’est pas relié une seconde fois : ' +
      'demandez à l’administrateur Maillage de votre organisation de vérifier votre compte.',
  },
  'fournisseur-indisponible': {
    titre: '{f} ne répond pas pour le moment',
    texte:
      'Maillage n’a pas pu joindre {f}. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse e-mail et votre mot de passe.',
  },
};

/** The refusal's text for a provider (or a neutral name when the page does not know it). */
export function texteRefusOidc(motif: MotifRefusOidc, fournisseur: string | null): { titre: string; texte: string } {
  const nom = fournisseur && estFournisseurOidc(fournisseur) ? LIBELLES_FOURNISSEUR_OIDC[fournisseur] : 'votre fournisseur d’identité';
  const t = TEXTES_REFUS_OIDC[motif];
  return { titre: t.titre.replaceAll('{f}', nom), texte: t.texte.replaceAll('{f}', nom) };
}
