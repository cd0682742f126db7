import { LIBELLES_STATUT_CONTRAT, LIBELLES_STATUT_FICHE } from './contrats';
import { pluriel } from './texte';

/**
 * One mapping from what the server audits (entity type, action) to French sentences, shared by the contract's
 * history and the administrators' audit log: no code, table or field name reaches a reader.
 * A server test lists every `auditer(…)` of the server and fails when one lacks its entry here.
 */

import { ENTITES_JOURNAL, parId, texte, valeur, type EvenementJournal, type Noms } from './journal-entites';

export { ENTITES_JOURNAL, type EvenementJournal, type Noms } from './journal-entites';

/** Actions common to several entities; an entity's own `verbes` come first. */
export const ACTIONS_JOURNAL: Record<string, { libelle: string; phrase: string }> = {
  creation: { libelle: 'Création', phrase: 'a créé {}' },
  modification: { libelle: 'Modification', phrase: 'a modifié {}' },
  suppression: { libelle: 'Suppression', phrase: 'a supprimé {}' },
  statut: { libelle: 'Changement de statut', phrase: 'a changé le statut {}' },
  reordonnancement: { libelle: 'Nouvel ordre', phrase: 'a changé l’ordre {}' },
  ordre_fiches: { libelle: 'Nouvel ordre des fiches', phrase: 'a changé l’ordre des fiches-action' },
  import: { libelle: 'Import', phrase: 'a importé {}' },
  import_plan: { libelle: 'Import du plan d’action', phrase: 'a importé le plan d’action' },
  renouvellement: { libelle: 'Renouvellement', phrase: 'a créé ce contrat par renouvellement du précédent' },
  depublication: { libelle: 'Retrait de la publication', phrase: 'a retiré la publication du contrat' },
  signature: { libelle: 'Signature', phrase: 'a signé {}' },
  validation: { libelle: 'Validation', phrase: 'a validé {}' },
  reprise: { libelle: 'Reprise depuis la bibliothèque', phrase: 'a repris {}' },
  offre_rattachee: { libelle: 'Offre de service rattachée', phrase: 'a rattaché une offre de service à {}' },
  offre_detachee: { libelle: 'Offre de service détachée', phrase: 'a détaché une offre de service de {}' },
  demande: { libelle: 'Demande de confirmation', phrase: 'a demandé une confirmation de rôle' },
  annulation: { libelle: 'Annulation', phrase: 'a annulé {}' },
  acceptation: { libelle: 'Confirmation', phrase: 'a confirmé {}' },
  refus: { libelle: 'Refus', phrase: 'a refusé {}' },
  fusion: { libelle: 'Fusion de doublons', phrase: 'a fusionné {}' },
  connexion: { libelle: 'Connexion', phrase: 'a ouvert une session' },
  deconnexion: { libelle: 'Déconnexion', phrase: 'a fermé sa session' },
  revocation: { libelle: 'Révocation', phrase: 'a révoqué {}' },
  demande_reinitialisation: {
    libelle: 'Demande de réinitialisation du mot de passe',
    phrase: 'a demandé un lien pour réinitialiser son mot de passe',
  },
  reinitialisation_mot_de_passe: {
    libelle: 'Réinitialisation du mot de passe',
    phrase: 'a choisi un nouveau mot de passe avec le lien de réinitialisation',
  },
  changement_mot_de_passe: { libelle: 'Changement de mot de passe', phrase: 'a changé son mot de passe' },
  fin_mandat: { libelle: 'Fin de mandat', phrase: 'a mis fin au mandat {}' },
  invitation: { libelle: 'Invitations envoyées', phrase: 'a envoyé les invitations {}' },
  courriel_invitation: { libelle: 'Adresse d’invitation', phrase: 'a changé l’adresse d’invitation {}' },
  presences: { libelle: 'Présences notées', phrase: 'a noté les présences {}' },
  compte_rendu: { libelle: 'Compte rendu', phrase: 'a rédigé le compte rendu {}' },
  soumettre: { libelle: 'Soumission pour validation', phrase: 'a soumis pour validation {}' },
  renvoyer: { libelle: 'Renvoi pour correction', phrase: 'a renvoyé pour correction {}' },
  valider: { libelle: 'Validation', phrase: 'a validé {}' },
  rouvrir: { libelle: 'Réouverture d’une saisie validée', phrase: 'a rouvert {}' },
  ouverture: { libelle: 'Ouverture', phrase: 'a ouvert {}' },
  relance: { libelle: 'Relance', phrase: 'a relancé {}' },
  cloture: { libelle: 'Clôture', phrase: 'a clos {}' },
  envoi: { libelle: 'Envoi', phrase: 'a envoyé {}' },
  deplacement: { libelle: 'Déplacement', phrase: 'a déplacé {}' },
};

/** Unknown codes never show: the reader gets a plain word instead. */
export const libelleEntiteJournal = (code: string) => ENTITES_JOURNAL[code]?.libelle ?? 'Autre élément';
export const libelleActionJournal = (code: string) => ACTIONS_JOURNAL[code]?.libelle ?? 'Autre action';

/** Whether (entity, action) has its own words; the server test asks it for every `auditer(…)` call. */
export function phraseConnue(entiteType: string, action: string): boolean {
  const entite = ENTITES_JOURNAL[entiteType];
  return !!entite && (!!entite.verbes?.[action] || !!ACTIONS_JOURNAL[action]);
}

function groupeNominal(e: EvenementJournal, noms: Noms): string {
  const entite = ENTITES_JOURNAL[e.entiteType]!;
  // Axes and objectifs of the contract are known by id, with their number ("axe 2 « Prévention »").
  if ((e.entiteType === 'axe' || e.entiteType === 'objectif') && parId(e, noms)) return `l’${parId(e, noms)}`;
  const nom = entite.nom?.(e, noms);
  return nom ? `${entite.le} ${nom}` : entite.un;
}

/** Sentences that depend on the change itself, not only on (entity, action). */
function phraseParticuliere(e: EvenementJournal, noms: Noms): string | null {
  if (typeof e.contexte?.phrase === 'string') return e.contexte.phrase;
  if (e.entiteType === 'contrat') {
    if (e.action === 'creation') return 'a créé le contrat';
    if (e.action === 'suppression') return 'a supprimé le contrat';
    if (e.action === 'modification') return 'a modifié le contrat';
    if (e.action === 'statut') {
      const s = (v: unknown) => LIBELLES_STATUT_CONTRAT[v as keyof typeof LIBELLES_STATUT_CONTRAT] ?? 'inconnu';
      return `a fait passer le contrat de « ${s(e.diff.statut?.avant)} » à « ${s(e.diff.statut?.apres)} »`;
    }
    if (e.action === 'import_plan') {
      const n = (champ: string) => Number(e.diff[champ]?.apres ?? 0);
      const fichier = texte(e, 'fichier');
      return `a importé le plan d’action${fichier ? ` « ${fichier} »` : ''} : ${pluriel(n('crees'), 'fiche créée', 'fiches créées')}, ${pluriel(n('misAJour'), 'fiche mise à jour', 'fiches mises à jour')}${n('sousActions') ? `, ${pluriel(n('sousActions'), 'sous-action reprise comme étape', 'sous-actions reprises comme étapes')}` : ''}`;
    }
  }
  if (e.entiteType === 'fiche' && (e.action === 'modification' || e.action === 'validation')) {
    const champs = Object.keys(e.diff);
    const suite = typeof e.contexte?.seance === 'string' ? `, suite à la décision du ${e.contexte.seance}` : '';
    if (champs.length === 1 && champs[0] === 'statut') {
      const s = (v: unknown) => LIBELLES_STATUT_FICHE[v as keyof typeof LIBELLES_STATUT_FICHE] ?? 'inconnu';
      return `a changé le statut de ${groupeNominal(e, noms)} : ${s(e.diff.statut?.avant)} → ${s(e.diff.statut?.apres)}${suite}`;
    }
    if (suite) return `${e.action === 'validation' ? 'a validé' : 'a modifié'} ${groupeNominal(e, noms)}${suite}`;
  }
  if (e.action === 'reordonnancement') {
    if (e.entiteType === 'axe') return 'a changé l’ordre des axes';
    if (e.entiteType === 'objectif') return `a changé l’ordre des objectifs${parId(e, noms) ? ` de l’${parId(e, noms)}` : ''}`;
  }
  if (e.entiteType === 'synthese_hebdomadaire' && Array.isArray(valeur(e, 'envoyes'))) {
    return `a envoyé la synthèse hebdomadaire à ${pluriel((valeur(e, 'envoyes') as unknown[]).length, 'personne')}`;
  }
  if (e.entiteType === 'seance' && e.action === 'invitation' && Array.isArray(valeur(e, 'invites'))) {
    return `a envoyé les invitations à ${groupeNominal(e, noms)} (${pluriel((valeur(e, 'invites') as unknown[]).length, 'destinataire')})`;
  }
  if (e.entiteType === 'organisation' && e.action === 'fusion' && typeof e.contexte?.dansNom === 'string') {
    return `a fusionné le doublon ${groupeNominal(e, noms)} dans « ${e.contexte.dansNom} »`;
  }
  return null;
}

/**
 * "a changé le statut de la fiche 12 « Prévention » : À venir → En cours, suite à la décision du COPIL du 1er juillet 2021".
 * The actor's name comes before, written by the page.
 */
export function phraseJournal(e: EvenementJournal, noms: Noms = new Map()): string {
  const particuliere = phraseParticuliere(e, noms);
  if (particuliere) return particuliere;
  const entite = ENTITES_JOURNAL[e.entiteType];
  if (!entite) return 'a enregistré une modification';
  const modele = entite.verbes?.[e.action] ?? ACTIONS_JOURNAL[e.action]?.phrase ?? 'a modifié {}';
  if (!modele.includes('{}')) return modele;
  const groupe = groupeNominal(e, noms);
  // "à le", "de le", "d’un" → French contractions.
  return modele
    .replace('{}', groupe)
    .replace(/\bà le /, 'au ')
    .replace(/\bà les /, 'aux ')
    .replace(/\bde le /, 'du ')
    .replace(/\bde les /, 'des ')
    .replace(/d’le /, 'du ')
    .replace(/d’la /, 'de la ')
    .replace(/d’l’/, 'de l’')
    .replace(/d’les /, 'des ')
    .replace(/d’une /, 'd’une ')
    .replace(/d’un /, 'd’un ');
}
