/**
 * Our own plan format: one row per fiche, every field of the fiche in a column with a French header.
 * Taxonomies are written as labels joined with " ; ", structured lists (étapes, partenaires, indicateurs,
 * financements, Rifkin scale) as JSON with codes, so that nothing is lost on the way back.
 */
import {
  cleEntete,
  cleTexte,
  decouperNoms,
  DETERMINANTS,
  INTERVENTIONS,
  ISTS,
  LIBELLES_PRIORITE,
  LIBELLES_STATUT_FICHE,
  lireBooleen,
  lireDate,
  lireNumerotation,
  prioriteDepuisTexte,
  PUBLICS,
  statutFicheDepuisTexte,
  THEMATIQUES,
  citerNom,
  type Terme,
} from '@maillage/domain';
import { JsonTropImbrique, lireJson } from '../../platform/corps-json';
import type { VueFiche } from '../fiches/fiches.service';
import {
  A_DEFINIR,
  clesEntetes,
  codeDepuisLibelle,
  dateCellule,
  libellesUniques,
  lirePilote,
  pilotesDe,
  texteDe,
  type Champs,
  type FinancementLu,
  type FormatPlan,
  type LigneLue,
  type PartenaireLu,
} from './plan-format';
import type { ColonneEcrite, Valeur } from './tableur';

interface Colonne extends ColonneEcrite {
  cle: string;
  ecrire(f: VueFiche, noms: Map<string, string>): Valeur;
  /** Puts what the cell says into the row; returns an error message (without the column name). */
  // biome-ignore lint/suspicious/noConfusingVoidType: most readers are one-statement arrows that return nothing.
  lire(v: Valeur, l: LigneLue): string | void;
}

type Cle = keyof Champs;
const poser = (l: LigneLue, cle: Cle, valeur: unknown) => {
  (l.champs as Record<string, unknown>)[cle] = valeur;
};
const champ = (f: VueFiche, cle: string) => (f as unknown as Record<string, unknown>)[cle];

function texte(cle: Cle, entete: string, largeur = 40): Colonne {
  return { cle, entete, largeur, ecrire: (f) => (champ(f, cle) as string | null) ?? null, lire: (v, l) => poser(l, cle, texteDe(v)) };
}

function ouiNon(cle: Cle, entete: string): Colonne {
  return {
    cle,
    entete,
    largeur: 14,
    ecrire: (f) => (champ(f, cle) === true ? 'Oui' : champ(f, cle) === false ? 'Non' : null),
    lire: (v, l) => {
      const b = lireBooleen(v);
      if (b && 'erreur' in b) return b.erreur;
      poser(l, cle, b ? b.valeur : null);
    },
  };
}

function choix(cle: Cle, entete: string, libelles: Record<string, string>): Colonne {
  return {
    cle,
    entete,
    largeur: 16,
    ecrire: (f) => libelles[champ(f, cle) as string] ?? null,
    lire: (v, l) => {
      const t = texteDe(v);
      const code = t === null ? null : Object.keys(libelles).find((c) => c === t || cleTexte(libelles[c]) === cleTexte(t));
      if (code === undefined) return `« ${t} » inconnu (attendu : ${Object.values(libelles).join(', ')})`;
      poser(l, cle, code);
    },
  };
}

function liste(cle: Cle, entete: string, termes: readonly Terme[]): Colonne {
  const uniques = libellesUniques(termes);
  return {
    cle,
    entete,
    ecrire: (f) => (champ(f, cle) as string[]).map((c) => uniques.find((t) => t.code === c)?.libelle ?? c).join(' ; ') || null,
    lire: (v, l) => {
      const morceaux = (texteDe(v) ?? '')
        .split(/[;\n]/)
        .map((m) => m.trim())
        .filter(Boolean);
      const inconnus = morceaux.filter((m) => !codeDepuisLibelle(termes, m));
      if (inconnus.length) return `${inconnus.map((m) => `« ${m} »`).join(', ')} inconnu${inconnus.length > 1 ? 's' : ''}`;
      poser(
        l,
        cle,
        morceaux.map((m) => codeDepuisLibelle(termes, m)!),
      );
    },
  };
}

/** JSON cell; `versChamp` turns each parsed value into the row's field. */
function json(
  cle: Cle,
  entete: string,
  ecrire: (f: VueFiche, noms: Map<string, string>) => unknown,
  versChamp: (valeur: unknown) => unknown = (x) => x,
  vide: unknown = [],
): Colonne {
  return {
    cle,
    entete,
    largeur: 50,
    ecrire: (f, noms) => {
      const valeur = ecrire(f, noms);
      return (Array.isArray(valeur) ? valeur.length : Object.keys(valeur as object).length) ? JSON.stringify(valeur) : null;
    },
    lire: (v, l) => {
      const t = texteDe(v);
      if (t === null) return poser(l, cle, vide);
      let valeur: unknown;
      try {
        valeur = lireJson(t, 'JSON');
      } catch (e) {
        return e instanceof JsonTropImbrique ? e.message : 'JSON illisible (exportez le plan pour voir la forme attendue)';
      }
      if (Array.isArray(vide) !== Array.isArray(valeur) || typeof valeur !== 'object' || valeur === null)
        return Array.isArray(vide) ? 'liste JSON attendue' : 'objet JSON attendu';
      poser(l, cle, versChamp(valeur));
    },
  };
}

const sansVides = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));
const entier = (v: Valeur): number | null => {
  const n = typeof v === 'number' ? v : Number(texteDe(v)?.replace(/\s/g, ''));
  return Number.isInteger(n) && n >= 1 ? n : null;
};

const COLONNES: Colonne[] = [
  {
    cle: 'numero',
    entete: 'Numéro',
    largeur: 9,
    format: 'entier',
    ecrire: (f) => f.numero,
    lire: (v, l) => {
      if (v === null) return;
      const n = entier(v);
      if (n === null) return `« ${texteDe(v)} » n’est pas un numéro de fiche`;
      l.numero = n;
    },
  },
  {
    cle: 'ordre',
    entete: 'Ordre',
    largeur: 8,
    format: 'entier',
    ecrire: (f) => f.ordre,
    lire: (v, l) => {
      if (v === null) return;
      const n = entier(v);
      if (n === null) return `« ${texteDe(v)} » n’est pas un rang`;
      l.ordre = n;
    },
  },
  {
    cle: 'axe',
    entete: 'Axe',
    largeur: 36,
    ecrire: (f) => (f.axe ? `${f.axe.numero}. ${f.axe.intitule}` : null),
    lire: (v, l) => poser(l, 'axe', texteDe(v) ? lireNumerotation(texteDe(v)!) : null),
  },
  {
    cle: 'objectif',
    entete: 'Objectif',
    largeur: 36,
    ecrire: (f) => (f.objectif ? `${f.objectif.numero}. ${f.objectif.intitule}` : null),
    lire: (v, l) => poser(l, 'objectif', texteDe(v) ? lireNumerotation(texteDe(v)!) : null),
  },
  { ...texte('intitule', 'Intitulé', 50), lire: (v, l) => poser(l, 'intitule', texteDe(v) ?? '') },
  {
    cle: 'pilotes',
    entete: 'Pilotes',
    largeur: 36,
    ecrire: (f) =>
      pilotesDe(f)
        .map((p) => `${p.nom === null ? A_DEFINIR : citerNom(p.nom)}${p.service ? ` (${p.service})` : ''}`)
        .join(', '),
    lire: (v, l) => poser(l, 'pilotes', decouperNoms(texteDe(v) ?? '').map(lirePilote)),
  },
  texte('personnesReferentes', 'Personnes référentes'),
  choix('duree', 'Durée', { annuelle: 'Annuelle', pluriannuelle: 'Pluriannuelle' }),
  ...(['debut', 'fin'] as const).map(
    (cle): Colonne => ({
      cle,
      entete: cle === 'debut' ? 'Début' : 'Fin',
      largeur: 12,
      format: 'date',
      ecrire: (f) => dateCellule(f[cle]),
      lire: (v, l) => {
        const d = lireDate(v);
        if (d && 'erreur' in d) return d.erreur;
        poser(l, cle, d ? d.valeur : null);
      },
    }),
  ),
  texte('argumentation', 'Argumentation', 60),
  ouiNon('istsIdentifiees', 'ISTS identifiées'),
  liste('ists', 'ISTS', ISTS),
  texte('istsPrecision', 'Précision sur les ISTS'),
  ouiNon('territoireTout', 'Tout le territoire'),
  texte('territoiresConcernes', 'Territoires concernés'),
  liste('publics', 'Publics', PUBLICS),
  texte('publicPrecision', 'Précision sur le public'),
  ouiNon('publicCibleIsts', 'Public concerné par les ISTS'),
  ouiNon('dejaEnCours', 'Action déjà en cours'),
  choix('phase', 'Phase', { mise_en_oeuvre: 'Mise en œuvre', evaluation: 'Évaluation' }),
  texte('description', 'Description', 60),
  {
    cle: 'objectifsOperationnels',
    entete: 'Objectifs opérationnels',
    largeur: 50,
    // One per line; JSON only when an objective itself spans lines.
    ecrire: (f) =>
      f.objectifsOperationnels.some((o: string) => o.includes('\n'))
        ? JSON.stringify(f.objectifsOperationnels)
        : f.objectifsOperationnels.join('\n') || null,
    lire: (v, l) => {
      const t = texteDe(v) ?? '';
      if (t.startsWith('[')) {
        try {
          const liste = lireJson(t);
          if (Array.isArray(liste) && liste.every((x) => typeof x === 'string')) return poser(l, 'objectifsOperationnels', liste);
        } catch {
          // a line that starts with "[": plain text
        }
      }
      poser(
        l,
        'objectifsOperationnels',
        t
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      );
    },
  },
  ouiNon('objectifsCiblentIsts', 'Objectifs ciblant les ISTS'),
  json('etapes', 'Étapes', (f) => f.etapes.map((e: Record<string, unknown>) => sansVides(e))),
  liste('determinants', 'Déterminants de santé', DETERMINANTS),
  liste('interventions', 'Interventions', INTERVENTIONS),
  json(
    'partenaires',
    'Partenaires',
    (f, noms) =>
      f.partenaires.map((p: { secteur: string; acteur: string; organisationId?: string | null; participation: string[] }) =>
        sansVides({
          secteur: p.secteur,
          acteur: p.acteur,
          organisation: p.organisationId ? noms.get(p.organisationId) : null,
          participation: p.participation,
        }),
      ),
    (valeur) =>
      (valeur as Record<string, unknown>[]).map(
        (p): PartenaireLu => ({
          acteur: String(p.acteur ?? ''),
          organisation: typeof p.organisation === 'string' ? p.organisation : null,
          secteur: typeof p.secteur === 'string' ? p.secteur : 'autre',
          participation: Array.isArray(p.participation) ? p.participation.map(String) : [],
        }),
      ),
  ),
  ouiNon('participationCitoyenne', 'Participation citoyenne'),
  json(
    'rifkin',
    'Échelle de Rifkin',
    (f) => f.rifkin ?? {},
    (x) => x,
    {},
  ),
  texte('facteursFacilitants', 'Facteurs facilitants'),
  texte('difficultes', 'Difficultés'),
  // The definition of each follow-up indicator, without what is the fiche's own (id, version) nor the defaults.
  json('indicateurs', 'Indicateurs', (f) =>
    f.indicateurs.map(({ id, version, ...i }) =>
      sansVides({
        ...i,
        pourcentage: i.pourcentage || null,
        poids: i.poids === 1 ? null : i.poids,
        cibles: i.cibles?.length ? i.cibles : null,
      }),
    ),
  ),
  texte('methodeEvaluation', 'Méthode d’évaluation'),
  json(
    'financements',
    'Financements',
    (f) =>
      f.financements.map((l) =>
        sansVides({
          financeur: l.financeurId ? l.financeurNom : null,
          financeurLibelle: l.financeurLibelle,
          dispositif: l.dispositif,
          annee: l.annee,
          montantCentimes: l.montantCentimes,
          nature: l.nature,
          statut: l.statut,
          valorisationNature: l.valorisationNature,
        }),
      ),
    (valeur) =>
      (valeur as Record<string, unknown>[]).map(
        (l): FinancementLu => ({
          financeur: typeof l.financeur === 'string' ? l.financeur : null,
          financeurLibelle: typeof l.financeurLibelle === 'string' ? l.financeurLibelle : null,
          dispositif: String(l.dispositif ?? ''),
          annee: typeof l.annee === 'number' ? l.annee : null,
          montantCentimes: typeof l.montantCentimes === 'number' ? l.montantCentimes : Math.round(Number(l.montant ?? NaN) * 100),
          nature: String(l.nature ?? 'fonctionnement'),
          statut: String(l.statut ?? 'prevu'),
          valorisationNature: typeof l.valorisationNature === 'string' ? l.valorisationNature : null,
        }),
      ),
  ),
  // Derived: written for reading and sums in the spreadsheet, ignored when imported.
  {
    cle: 'total',
    entete: 'Total des financements (€)',
    largeur: 16,
    format: 'euros',
    ecrire: (f) => (f.financements.length ? f.totalFinancementCentimes / 100 : null),
    lire: () => {},
  },
  {
    ...choix('statut', 'Statut', LIBELLES_STATUT_FICHE),
    lire: (v, l) => {
      const t = texteDe(v);
      if (t === null) return; // no statut said: the fiche keeps its own (« À venir » when created)
      const code = statutFicheDepuisTexte(t);
      if (!code) return `« ${t} » inconnu (attendu : ${Object.values(LIBELLES_STATUT_FICHE).join(', ')})`;
      poser(l, 'statut', code);
    },
  },
  {
    ...choix('priorite', 'Priorité', LIBELLES_PRIORITE),
    lire: (v, l) => {
      const t = texteDe(v);
      const code = t === null ? null : prioriteDepuisTexte(t);
      if (code === undefined) return `« ${t} » inconnue (attendu : ${Object.values(LIBELLES_PRIORITE).join(', ')})`;
      poser(l, 'priorite', code);
    },
  },
  liste('thematiques', 'Thématiques', THEMATIQUES),
  texte('notes', 'Notes', 40),
];

const INDEX = new Map(COLONNES.map((c) => [cleEntete(c.entete), c]));
const colonneDe = (cle: string) => COLONNES.find((c) => c.cle === cle)?.entete ?? cle;

export const formatMaillage: FormatPlan = {
  nom: 'maillage',
  feuille: 'Fiches',
  colonnes: COLONNES.map(({ entete, largeur, format }) => ({ entete, largeur, format })),
  // "Numéro" or "Intitulé" and at least one other column of ours: a partial file (numbers and statuts) is welcome.
  reconnait: (entetes) => (entetes.includes('numero') || entetes.includes('intitule')) && entetes.filter((e) => INDEX.has(e)).length >= 2,
  lecteur(entetes) {
    const cles = clesEntetes(entetes);
    const colonnes = cles.map((c) => INDEX.get(c) ?? null);
    const vues = new Set<Colonne>();
    const inconnues: string[] = [];
    colonnes.forEach((c, i) => {
      if (!cles[i]) return;
      if (!c || vues.has(c)) inconnues.push(texteDe(entetes[i])!);
      else vues.add(c);
    });
    return {
      inconnues,
      lire(cellules) {
        const l: LigneLue = { champs: {}, erreurs: [] };
        const dejaLues = new Set<Colonne>();
        colonnes.forEach((c, i) => {
          if (!c || dejaLues.has(c)) return;
          dejaLues.add(c);
          const erreur = c.lire(cellules[i] ?? null, l);
          if (erreur) l.erreurs.push(`${c.entete} : ${erreur}`);
        });
        return l;
      },
    };
  },
  ecrire: (f, noms) => [COLONNES.map((c) => c.ecrire(f, noms))],
  colonne: colonneDe,
};
