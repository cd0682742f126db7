/**
 * The audit log's words for the consultations of the participation module (issue 20 item 1, decision 0041).
 * A consultation is named by its title. The public's answers are not audited: an event would date each answer to
 * the second and defeat their anonymity (the answer keeps only its day).
 * Spread into ENTITES_JOURNAL (journal-entites.ts), which checks their shape.
 */

interface Evenement {
  diff: Record<string, { avant: unknown; apres: unknown }>;
  contexte?: Record<string, unknown> | null;
}

const champ = (e: Evenement, nom: string): unknown => e.diff[nom]?.apres ?? e.diff[nom]?.avant ?? e.contexte?.[nom] ?? undefined;
const titre = (e: Evenement) => {
  const t = champ(e, 'titre');
  if (typeof t !== 'string' || !t.trim()) return null;
  return `« ${t.length > 120 ? `${t.slice(0, 117)}…` : t} »`;
};

export const ENTITES_JOURNAL_CONSULTATIONS = {
  consultation: {
    libelle: 'Consultation des habitants',
    le: 'la consultation',
    un: 'une consultation des habitants',
    nom: titre,
    verbes: {
      creation: 'a préparé {}',
      modification: 'a modifié {}',
      questionnaire: 'a modifié le questionnaire de {}',
      ouverture: 'a ouvert au public {}',
      cloture: 'a clos {}',
      suppression: 'a supprimé le brouillon de {}',
      codes: 'a généré des codes à usage unique pour {}',
      verbatims: 'a transformé en verbatims du diagnostic des réponses de {}',
      export: 'a exporté les résultats de {}',
    },
  },
};
