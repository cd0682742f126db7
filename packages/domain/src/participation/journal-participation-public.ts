/**
 * The audit log's words for temps publics and avis des habitants (issue 20, points 2 and 3). An opinion is named by
 * its first words; its contact never reaches the journal. Spread into ENTITES_JOURNAL (journal-entites.ts).
 */

interface Evenement {
  diff: Record<string, { avant: unknown; apres: unknown }>;
  contexte?: Record<string, unknown> | null;
}

const champ = (e: Evenement, nom: string): unknown => e.diff[nom]?.apres ?? e.diff[nom]?.avant ?? e.contexte?.[nom] ?? undefined;
const texte = (e: Evenement, nom: string) => {
  const v = champ(e, nom);
  return typeof v === 'string' && v.trim() ? v : null;
};
const guillemets = (t: string | null) => (t ? `« ${t.length > 80 ? `${t.slice(0, 77)}…` : t} »` : null);

export const ENTITES_JOURNAL_PARTICIPATION_PUBLIC = {
  temps_public: {
    libelle: 'Temps public',
    le: 'le temps public',
    un: 'un temps public',
    nom: (e: Evenement) => guillemets(texte(e, 'intitule')),
    verbes: { creation: 'a enregistré {}', verbatims: 'a versé au diagnostic des extraits de {}' },
  },
  avis: {
    libelle: 'Avis d’habitant',
    le: 'l’avis',
    un: 'un avis d’habitant',
    nom: (e: Evenement) => guillemets(texte(e, 'texte')),
    verbes: {
      depot: 'a déposé {} sur la page publique',
      publication: 'a publié {} sur la page publique',
      rejet: 'a rejeté {}',
      reponse: 'a changé la réponse publique à {}',
    },
  },
};
