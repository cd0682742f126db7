import { type Entite, guillemets, texte } from '../journal-outils';

/** The audit log's words for the appui module's teams, requests and cases (spread into ENTITES_JOURNAL, journal-entites.ts). */
export const ENTITES_JOURNAL_APPUI: Record<string, Entite> = {
  equipe_appui: {
    libelle: 'Équipe d’appui',
    le: 'l’équipe d’appui',
    un: 'une équipe d’appui',
    nom: (e) => guillemets(texte(e, 'nom')),
    verbes: { creation: 'a déclaré comme équipe d’appui {}' },
  },
  membre_appui: {
    libelle: 'Membre d’une équipe d’appui',
    le: 'le membre',
    un: 'un membre d’une équipe d’appui',
    nom: (e) => {
      const membre = texte(e, 'membre');
      const equipe = guillemets(texte(e, 'equipe'));
      return membre && equipe ? `${membre} de l’équipe ${equipe}` : membre;
    },
    verbes: { creation: 'a ajouté {}', modification: 'a changé le rôle de {}', suppression: 'a retiré {}' },
  },
  demande_appui: {
    libelle: 'Demande d’appui',
    le: 'la demande',
    un: 'une demande d’appui',
    nom: (e) => (texte(e, 'numero') ? `n° ${texte(e, 'numero')}` : null),
    verbes: {
      creation: 'a adressé au guichet unique {}',
      referent: 'a désigné le référent de {}',
      premier_contact: 'a noté le premier contact de {}',
      statut: 'a classé sans suite {}',
    },
  },
  situation_appui: {
    libelle: 'Situation suivie en appui',
    le: 'la situation',
    un: 'une situation suivie en appui',
    nom: (e) => (texte(e, 'numero') ? `n° ${texte(e, 'numero')}` : null),
    verbes: {
      ouverture: 'a ouvert {}',
      evaluation: 'a évalué {}',
      orientation: 'a orienté vers une ressource {}',
      issue_orientation: 'a noté l’issue d’une orientation de {}',
      identite: 'a corrigé l’identité de la personne de {}',
      information: 'a noté l’information de la personne de {}',
      medecin_traitant: 'a lié le médecin traitant de {}',
      affectation: 'a affecté les intervenants de {}',
    },
  },
};
