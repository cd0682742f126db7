import { ENTITES_JOURNAL_APPUI_PLAN } from './appui/journal-plan';
import { ENTITES_JOURNAL_CONSULTATIONS } from './participation/journal-consultations';
import { ENTITES_JOURNAL_PARTICIPATION_PUBLIC } from './participation/journal-participation-public';
import { formaterMontant } from './format';
import { ENTITES_JOURNAL_APPUI } from './appui/journal-appui';
import { ENTITES_JOURNAL_PARCOURS } from './parcours/journal-parcours';
import {
  court,
  dateDe,
  duSuivi,
  type Entite,
  type EvenementJournal,
  guillemets,
  type Noms,
  organisation,
  parId,
  periode,
  texte,
  valeur,
} from './journal-outils';

export { type Entite, type EvenementJournal, type Noms, parId, texte, valeur };

export const ENTITES_JOURNAL: Record<string, Entite> = {
  contrat: {
    libelle: 'Contrat',
    le: 'le contrat',
    un: 'un contrat',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { publication: 'a publié le contrat' },
  },
  fiche: {
    libelle: 'Fiche-action',
    le: 'la fiche',
    un: 'une fiche-action',
    nom: (e, noms) => {
      if (e.entiteId && noms.has(e.entiteId)) return noms.get(e.entiteId)!.replace(/^fiche /, '');
      const n = e.contexte?.numero ?? valeur(e, 'numero');
      if (n === undefined || n === null) return (e.entiteId && noms.get(e.entiteId)?.replace(/^fiche /, '')) || null;
      const intitule = texte(e, 'intitule');
      return `${n}${intitule ? ` « ${court(intitule)} »` : ''}`;
    },
    verbes: {
      validation: 'a validé {}',
      reprise: 'a créé {} en reprenant une fiche de la bibliothèque',
      offre_rattachee: 'a rattaché une offre de service à {}',
      offre_detachee: 'a détaché une offre de service de {}',
      dispositifs_territoriaux: 'a changé les dispositifs du territoire auxquels se rattache {}',
    },
  },
  signataire: {
    libelle: 'Signataire',
    le: 'le signataire',
    un: 'un signataire',
    nom: organisation,
    verbes: { creation: 'a ajouté {}', suppression: 'a retiré {}' },
  },
  partenaire: {
    libelle: 'Partenaire',
    le: 'le partenaire',
    un: 'un partenaire',
    nom: organisation,
    verbes: { creation: 'a ajouté {}', suppression: 'a retiré {}' },
  },
  axe: {
    libelle: 'Axe stratégique',
    le: 'l’axe',
    un: 'un axe',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a ajouté {}' },
  },
  objectif: {
    libelle: 'Objectif',
    le: 'l’objectif',
    un: 'un objectif',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a ajouté {}' },
  },
  evaluation_prevue: {
    libelle: 'Évaluation prévue',
    le: 'l’évaluation',
    un: 'une évaluation',
    nom: (e) => (({ intermediaire: 'intermédiaire', finale: 'finale' }) as Record<string, string>)[texte(e, 'type') ?? ''] ?? null,
    verbes: {
      creation: 'a prévu {}',
      modification: 'a modifié dans le plan d’évaluation {}',
      suppression: 'a retiré du plan d’évaluation {}',
    },
  },
  dispositif_territorial: {
    libelle: 'Dispositif du territoire',
    le: 'le dispositif',
    un: 'un dispositif du territoire',
    nom: (e) => guillemets(texte(e, 'nom')),
    verbes: { creation: 'a articulé le contrat avec {}', suppression: 'a retiré l’articulation avec {}' },
  },
  document: {
    libelle: 'Fichier déposé',
    le: 'le fichier',
    un: 'un fichier',
    nom: (e) => guillemets(texte(e, 'nom')),
    verbes: { creation: 'a déposé {}' },
  },
  avenant: {
    libelle: 'Avenant',
    le: 'l’avenant',
    un: 'un avenant',
    nom: (e) => (texte(e, 'numero') ? `n° ${texte(e, 'numero')}${texte(e, 'objet') ? ` (${court(texte(e, 'objet')!)})` : ''}` : null),
    verbes: { creation: 'a ouvert {}', signature: 'a signé {}' },
  },
  // The server writes the whole sentence in `contexte.phrase` (who got, lost or changed which role); these are the
  // words of the audit log's columns and the fallback.
  acces: {
    libelle: 'Rôle sur un contrat',
    le: 'le rôle de',
    un: 'un rôle sur le contrat',
    nom: (e) => texte(e, 'personne') ?? texte(e, 'nom'),
    verbes: {
      attribution: 'a donné {}',
      invitation: 'a invité une personne sur le contrat',
      relance_invitation: 'a envoyé de nouveau une invitation sur le contrat',
      retrait: 'a retiré {}',
    },
  },
  confirmation: {
    libelle: 'Confirmation de rôle',
    le: 'la demande de confirmation adressée à',
    un: 'une demande de confirmation de rôle',
    nom: organisation,
    verbes: { demande: 'a envoyé {}', annulation: 'a effacé {}', acceptation: 'a accepté {}', refus: 'a refusé {}' },
  },
  organisation: {
    libelle: 'Organisation',
    le: 'l’organisation',
    un: 'une organisation',
    nom: (e) => guillemets(texte(e, 'nom')),
    verbes: { fusion: 'a fusionné le doublon {}' },
  },
  service: { libelle: 'Service d’une organisation', le: 'le service', un: 'un service', nom: (e) => guillemets(texte(e, 'nom')) },
  personne: {
    libelle: 'Personne de l’annuaire',
    le: 'la fiche de contact de',
    un: 'une fiche de contact',
    nom: (e) => [texte(e, 'prenom'), texte(e, 'nom')].filter(Boolean).join(' ') || null,
    verbes: { creation: 'a ajouté à l’annuaire {}' },
  },
  utilisateur: {
    libelle: 'Compte utilisateur',
    le: 'le compte de',
    un: 'un compte utilisateur',
    nom: (e) => [texte(e, 'prenom'), texte(e, 'nom')].filter(Boolean).join(' ') || texte(e, 'email'),
    verbes: {
      demande_reinitialisation: 'a demandé un lien pour réinitialiser son mot de passe',
      reinitialisation_mot_de_passe: 'a choisi un nouveau mot de passe avec le lien de réinitialisation',
      changement_mot_de_passe: 'a changé son mot de passe',
    },
  },
  session: {
    libelle: 'Session',
    le: 'une session',
    un: 'une session',
    verbes: {
      connexion: 'a ouvert une session',
      connexion_oidc: 'a ouvert une session avec ProConnect ou Pro Santé Connect',
      deconnexion: 'a fermé sa session',
    },
  },
  identite_oidc: {
    libelle: 'Identité ProConnect ou Pro Santé Connect',
    le: 'son compte à son identité',
    un: 'son compte à une identité ProConnect ou Pro Santé Connect',
    nom: (e) => texte(e, 'fournisseur'),
    verbes: { creation: 'a relié {}' },
  },
  jeton_api: { libelle: 'Jeton d’API', le: 'le jeton d’API', un: 'un jeton d’API', nom: (e) => guillemets(texte(e, 'libelle')) },
  doctrine: {
    libelle: 'Doctrine régionale',
    le: 'la doctrine régionale',
    un: 'la doctrine régionale',
    verbes: { creation: 'a établi {}' },
  },
  instance: { libelle: 'Instance de gouvernance', le: 'l’instance', un: 'une instance', nom: (e) => guillemets(texte(e, 'nom')) },
  membre_instance: {
    libelle: 'Membre d’une instance',
    le: 'le membre',
    un: 'un membre d’instance',
    nom: (e, noms) => texte(e, 'personne') ?? organisation(e, noms),
    verbes: {
      creation: 'a ajouté {}',
      suppression: 'a retiré {}',
      fin_mandat: 'a mis fin au mandat d’{}',
      courriel_invitation: 'a changé l’adresse où {} reçoit les invitations',
      qualite: 'a précisé ce qu’est {} (institution, élu, représentant des usagers…)',
    },
  },
  seance: {
    libelle: 'Séance',
    le: 'la séance',
    un: 'une séance',
    nom: (e) => dateDe(e, 'debut'),
    verbes: { creation: 'a planifié {}', invitation: 'a envoyé les invitations à {}' },
  },
  presences: {
    libelle: 'Présences',
    le: 'la séance',
    un: 'une séance',
    nom: (e) => dateDe(e, 'debut'),
    verbes: { presences: 'a noté les présences à {}' },
  },
  compte_rendu: {
    libelle: 'Compte rendu',
    le: 'la séance',
    un: 'une séance',
    nom: (e) => dateDe(e, 'debut'),
    verbes: { compte_rendu: 'a rédigé le compte rendu d’{}' },
  },
  decision: {
    libelle: 'Décision',
    le: 'une décision',
    un: 'une décision',
    nom: (e) => (typeof e.contexte?.seance === 'string' ? `du ${e.contexte.seance}` : null),
    verbes: { creation: 'a enregistré {}' },
  },
  financement: {
    libelle: 'Financement',
    le: 'la ligne de financement',
    un: 'une ligne de financement',
    nom: (e) => {
      const m = valeur(e, 'montantCentimes');
      return typeof m === 'number' ? `de ${formaterMontant(m)}${texte(e, 'annee') ? ` pour ${texte(e, 'annee')}` : ''}` : null;
    },
    verbes: { creation: 'a ajouté {}' },
  },
  poste_coordination: {
    libelle: 'Poste de coordination',
    le: 'le poste',
    un: 'un poste de coordination',
    nom: (e) => guillemets(texte(e, 'intitule')),
  },
  verbatim: {
    libelle: 'Verbatim',
    le: 'le verbatim',
    un: 'un verbatim',
    nom: (e) => guillemets(texte(e, 'texte')),
    verbes: { creation: 'a ajouté {}' },
  },
  rencontre: {
    libelle: 'Rencontre',
    le: 'la rencontre',
    un: 'une rencontre',
    nom: (e) => guillemets(texte(e, 'titre')),
    verbes: { creation: 'a ajouté {}' },
  },
  constat: {
    libelle: 'Constat',
    le: 'le constat',
    un: 'un constat',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a formulé {}' },
  },
  besoin: {
    libelle: 'Besoin',
    le: 'le besoin',
    un: 'un besoin',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a formulé {}' },
  },
  priorite: {
    libelle: 'Priorité',
    le: 'la priorité',
    un: 'une priorité',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a retenu {}' },
  },
  indicateur: {
    libelle: 'Indicateur du catalogue',
    le: 'l’indicateur',
    un: 'un indicateur',
    nom: (e) => guillemets(texte(e, 'libelle')),
    verbes: { creation: 'a ajouté au catalogue {}' },
  },
  import_valeurs: {
    libelle: 'Import de valeurs',
    le: 'le fichier',
    un: 'un fichier de valeurs',
    nom: (e) => guillemets(texte(e, 'nomFichier')),
    verbes: { import: 'a importé les valeurs d’indicateurs d’{}' },
  },
  correspondance_dhis2: {
    libelle: 'Correspondance DHIS2',
    le: 'la correspondance DHIS2',
    un: 'une correspondance DHIS2',
    nom: (e) => (texte(e, 'regionCode') ? `de la région ${texte(e, 'regionCode')}` : ''),
    verbes: { modification: 'a mis à jour {}' },
  },
  typologie: {
    libelle: 'Typologie d’EPCI',
    le: 'la typologie',
    un: 'une typologie d’EPCI',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a chargé {}', affectations: 'a mis à jour la classe de chaque EPCI dans {}' },
  },
  contours: {
    libelle: 'Contours géographiques',
    le: 'les contours',
    un: 'des contours géographiques',
    nom: (e) => guillemets(texte(e, 'fichier')),
    verbes: { import: 'a importé {}' },
  },
  indicateur_suivi: {
    libelle: 'Indicateur de suivi',
    le: 'l’indicateur de suivi',
    un: 'un indicateur de suivi',
    nom: (e) => guillemets(texte(e, 'libelle')),
    verbes: { creation: 'a ajouté {}' },
  },
  valeur_suivi: {
    libelle: 'Valeur de suivi',
    le: 'la valeur',
    un: 'une valeur de suivi',
    nom: duSuivi,
    verbes: {
      creation: 'a saisi {}',
      modification: 'a corrigé {}',
      soumettre: 'a soumis pour validation {}',
      renvoyer: 'a renvoyé pour correction {}',
      valider: 'a validé {}',
      rouvrir: 'a rouvert pour correction {}, déjà validée',
    },
  },
  bilan_fiche: {
    libelle: 'Bilan d’une fiche',
    le: 'le bilan',
    un: 'un bilan de fiche',
    nom: duSuivi,
    verbes: { creation: 'a rédigé {}', modification: 'a modifié {}' },
  },
  suivi_fiche: {
    libelle: 'Suivi d’une fiche',
    le: 'le suivi',
    un: 'le suivi d’une fiche',
    nom: duSuivi,
    verbes: {
      soumettre: 'a soumis pour validation {}',
      renvoyer: 'a renvoyé pour correction {}',
      valider: 'a validé {}',
      rouvrir: 'a rouvert pour correction {}, déjà validé',
    },
  },
  campagne_suivi: {
    libelle: 'Campagne de suivi',
    le: 'la campagne de suivi',
    un: 'une campagne de suivi',
    nom: (e) => (periode(e) ? `de la période ${periode(e)}` : null),
    verbes: { ouverture: 'a ouvert {}', relance: 'a relancé les pilotes pour {}', cloture: 'a clos {}' },
  },
  evaluation: {
    libelle: 'Évaluation',
    le: 'l’évaluation',
    un: 'une évaluation',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { renouvellement: 'a préparé le renouvellement du contrat à partir d’{}' },
  },
  engagement_moyens: {
    libelle: 'Moyens engagés',
    le: 'l’engagement de moyens',
    un: 'un engagement de moyens',
    nom: (e, noms) => {
      const o = organisation(e, noms);
      const a = texte(e, 'annee');
      return [o && `de ${guillemets(o)}`, a && `pour ${a}`].filter(Boolean).join(' ') || null;
    },
    verbes: { creation: 'a enregistré {}' },
  },
  financement_territoire: {
    libelle: 'Financement existant du territoire',
    le: 'le financement existant',
    un: 'un financement existant du territoire',
    nom: (e) => guillemets(texte(e, 'dispositif')),
    verbes: { creation: 'a recensé dans le diagnostic {}' },
  },
  offre_service: {
    libelle: 'Offre de service',
    le: 'l’offre de service',
    un: 'une offre de service',
    nom: (e) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a ajouté au catalogue {}' },
  },
  ressource: {
    libelle: 'Ressource du territoire',
    le: 'la ressource',
    un: 'une ressource du territoire',
    nom: (e) => guillemets(texte(e, 'nom')),
    verbes: { creation: 'a ajouté au répertoire des ressources {}', modification: 'a modifié dans le répertoire des ressources {}' },
  },
  type_ressource: {
    libelle: 'Type de ressource',
    le: 'le type de ressource',
    un: 'un type de ressource',
    nom: (e) => guillemets(texte(e, 'libelle')),
    verbes: { creation: 'a ajouté à la liste des types de ressource {}' },
  },
  synthese_hebdomadaire: {
    libelle: 'Synthèse hebdomadaire',
    le: 'la synthèse hebdomadaire',
    un: 'la synthèse hebdomadaire',
    verbes: { envoi: 'a envoyé {}' },
  },
  preferences_courriel: { libelle: 'Préférences de courriel', le: 'ses préférences de courriel', un: 'ses préférences de courriel' },
  abonnement_webhook: {
    libelle: 'Abonnement webhook',
    le: 'l’abonnement webhook',
    un: 'un abonnement webhook',
    nom: (e) => guillemets(texte(e, 'url')),
    verbes: {
      mise_en_pause: 'a mis en pause {}',
      remise_en_service: 'a repris {}',
      suspension: 'a mis en pause {} après des échecs de livraison répétés',
      rejeu: 'a relancé une livraison de {}',
    },
  },
  ...ENTITES_JOURNAL_PARCOURS,
  ...ENTITES_JOURNAL_APPUI,
  ...ENTITES_JOURNAL_APPUI_PLAN,
  ...ENTITES_JOURNAL_CONSULTATIONS,
  ...ENTITES_JOURNAL_PARTICIPATION_PUBLIC,
};
