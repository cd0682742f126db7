/**
 * The audit log's words for the plan, concertations, follow-up settings, closure, purge and access-right export of
 * the appui module (decision 0032). A case is named by its number only: never a name, never a health detail.
 * Spread into ENTITES_JOURNAL (journal-entites.ts), which checks their shape.
 */

interface Evenement {
  diff: Record<string, { avant: unknown; apres: unknown }>;
  contexte?: Record<string, unknown> | null;
}

const champ = (e: Evenement, nom: string): unknown => e.diff[nom]?.apres ?? e.diff[nom]?.avant ?? e.contexte?.[nom] ?? undefined;
const numero = (e: Evenement) => {
  const n = champ(e, 'numero');
  return typeof n === 'number' || (typeof n === 'string' && n) ? String(n) : null;
};
const deLaSituation = (e: Evenement) => (numero(e) ? `de la situation n° ${numero(e)}` : null);

export const ENTITES_JOURNAL_APPUI_PLAN = {
  plan_appui: {
    libelle: 'Plan personnalisé de coordination',
    le: 'le plan personnalisé',
    un: 'un plan personnalisé de coordination',
    nom: deLaSituation,
    verbes: { creation: 'a écrit {}', modification: 'a enregistré une nouvelle version {}', export: 'a exporté {} en PDF' },
  },
  concertation_appui: {
    libelle: 'Concertation',
    le: 'une concertation',
    un: 'une concertation',
    nom: deLaSituation,
    verbes: { creation: 'a tracé {}' },
  },
  cloture_appui: {
    libelle: 'Clôture de situation',
    le: 'la situation',
    un: 'une situation d’appui',
    nom: (e: Evenement) => (numero(e) ? `n° ${numero(e)}` : null),
    verbes: {
      creation: 'a clos {} et écrit au médecin traitant',
      export: 'a téléchargé le courrier de clôture de {}',
      purge: 'a effacé {}, close depuis plus que la durée de conservation',
    },
  },
  reglages_appui: {
    libelle: 'Réglages d’une équipe d’appui',
    le: 'les réglages',
    un: 'les réglages d’une équipe d’appui',
    verbes: { modification: 'a changé le seuil de charge ou la durée de conservation d’une équipe d’appui' },
  },
  droit_acces_appui: {
    libelle: 'Droit d’accès d’une personne',
    le: 'les données',
    un: 'les données d’une personne suivie',
    verbes: { export: 'a exporté les données détenues sur une personne suivie (droit d’accès)' },
  },
};
