import { type Entite, guillemets, texte } from '../journal-outils';

/** The audit log's words for the parcours module (spread into ENTITES_JOURNAL, journal-entites.ts). */
export const ENTITES_JOURNAL_PARCOURS: Record<string, Entite> = {
  parcours: {
    libelle: 'Parcours de santé',
    le: 'le parcours',
    un: 'un parcours de santé',
    nom: (e) => guillemets(texte(e, 'titre')),
    verbes: { creation: 'a décrit {}' },
  },
  etape_parcours: {
    libelle: 'Étape de parcours',
    le: 'l’étape',
    un: 'une étape de parcours',
    nom: (e) => {
      const etape = guillemets(texte(e, 'libelle'));
      const parcours = guillemets(texte(e, 'parcours'));
      return etape && parcours ? `${etape} du parcours ${parcours}` : etape;
    },
    verbes: { creation: 'a ajouté {}', suppression: 'a retiré {}' },
  },
  rupture_parcours: {
    libelle: 'Rupture de parcours',
    le: 'la rupture',
    un: 'une rupture de parcours',
    nom: (e) => {
      const parcours = guillemets(texte(e, 'parcours'));
      return parcours ? `du parcours ${parcours}` : null;
    },
    verbes: { creation: 'a signalé {}', statut: 'a changé le statut de {}' },
  },
  cellule_grille: {
    libelle: 'Grille de coopération locale',
    le: 'la grille de coopération',
    un: 'une grille de coopération locale',
    nom: (e) => {
      const parcours = guillemets(texte(e, 'parcours'));
      return parcours ? `du parcours ${parcours}` : null;
    },
  },
  // The appui module (issue 18): a request or a case is named by its number, never by its person (decision 0031).
};
