/**
 * Territoires en Transitions' import format (sheet "Fichier dimport": a row of column groups, the header row, then
 * one row per fiche). Columns are found by their normalised header, never by position. What TeT cannot say of a
 * fiche (étape dates, Rifkin detail, financing lines beyond three financeurs…) is left to the fiche on re-import.
 *
 * Choices: the fiche number travels in the title ("Fiche action 12. Titre"), which TeT keeps as is; a sous-sous-axe
 * becomes the fiche's first objectif opérationnel; free-text columns without a field of ours (instances de
 * gouvernance, moyens, élu·e référent·e, financements, calendrier) are kept in the notes, labelled.
 * A row with a "Titre de la sous-action" is a sub-action of the action it names: one étape of that fiche (decision
 * 0012), its other cells describing the étape; the fiche's étapes are written back so, one row each.
 */
import {
  citerNom,
  cleEntete,
  cleTexte,
  decouperNoms,
  estConsigneDuModele,
  estExempleDuModele,
  lireDate,
  lireMontantCentimes,
  lireNumeroFiche,
  lireNumerotation,
  participationDepuisTet,
  participationVersTet,
  PRIORITE_TET,
  prioriteDepuisTexte,
  STATUT_TET,
  statutFicheDepuisTexte,
  type Priorite,
  type StatutFiche,
} from '@maillage/domain';
import type { VueFiche } from '../fiches/fiches.service';
import {
  A_DEFINIR,
  clesEntetes,
  dateCellule,
  estADefinir,
  pilotesDe,
  texteDe,
  type EtapeLue,
  type FinancementLu,
  type FormatPlan,
  type LigneLue,
  type PiloteLu,
} from './plan-format';
import type { ColonneEcrite, Valeur } from './tableur';

type CleTet =
  | 'axe'
  | 'sousAxe'
  | 'sousSousAxe'
  | 'titre'
  | 'sousAction'
  | 'descriptif'
  | 'objectifs'
  | 'structure'
  | 'partenaires'
  | 'service'
  | 'personne'
  | 'participation'
  | 'montant'
  | 'budget'
  | 'statut'
  | 'priorite'
  | 'debut'
  | 'fin'
  | 'notes'
  | 'etapes'
  | 'extra';

const ALIAS: Record<string, CleTet> = {
  'axe (x)': 'axe',
  'sous-axe (x.x)': 'sousAxe',
  'sous axe (x.x)': 'sousAxe',
  'sous-sous axe (x.x.x)': 'sousSousAxe',
  'sous-sous-axe (x.x.x)': 'sousSousAxe',
  "titre de l'action": 'titre',
  'titre de la fiche action': 'titre',
  'titre de la fiche-action': 'titre',
  'titre de la sous-action': 'sousAction',
  descriptif: 'descriptif',
  objectifs: 'objectifs',
  'structure pilote': 'structure',
  partenaires: 'partenaires',
  'direction ou service pilote': 'service',
  'service-departement-pole pilote': 'service',
  'service pilote': 'service',
  'personne pilote': 'personne',
  'participation citoyenne': 'participation',
  montant: 'montant',
  'budget previsionnel total': 'budget',
  statut: 'statut',
  'niveau de priorite': 'priorite',
  'date de debut': 'debut',
  'date de fin': 'fin',
  notes: 'notes',
  'notes complementaires': 'notes',
  'notes de suivi': 'notes',
  "etapes de l'action": 'etapes',
  'etapes de la fiche action': 'etapes',
  'instances de gouvernance': 'extra',
  'moyens humains et techniques': 'extra',
  'elue referente': 'extra',
  financements: 'extra',
  calendrier: 'extra',
};

const STATUTS_ATTENDUS = Object.values(STATUT_TET).join(', ');
const euros = (centimes: number) => centimes / 100;
const eurosFr = (centimes: number) => euros(centimes).toLocaleString('fr-FR', { maximumFractionDigits: 2 });

/** Financing lines grouped by financeur (refused ones left out), at most three as TeT has; the rest summed in the third. */
function financeursDe(f: VueFiche): [string, number][] {
  const groupes = new Map<string, number>();
  for (const l of f.financements) {
    if (l.statut === 'refuse') continue;
    const nom = (l.financeurId ? l.financeurNom : l.financeurLibelle) ?? 'Financeur non précisé';
    groupes.set(nom, (groupes.get(nom) ?? 0) + l.montantCentimes);
  }
  const liste = [...groupes];
  if (liste.length <= 3) return liste;
  const reste = liste.slice(2);
  return [...liste.slice(0, 2), [`Autres financeurs (${reste.map(([n]) => n).join(', ')})`, reste.reduce((t, [, m]) => t + m, 0)]];
}

interface ColonneTet extends ColonneEcrite {
  ecrire?(f: VueFiche, noms: Map<string, string>): Valeur;
}

const financeur = (rang: number): ColonneTet[] => [
  { entete: `Financeur ${rang}`, ecrire: (f) => financeursDe(f)[rang - 1]?.[0] ?? null },
  {
    entete: 'Montant € HT',
    largeur: 14,
    format: 'euros',
    ecrire: (f) => (financeursDe(f)[rang - 1] ? euros(financeursDe(f)[rang - 1][1]) : null),
  },
];

/** The columns of TeT's valid sample plan (nouveau-plan-valide.xlsx), in its order. */
const COLONNES: ColonneTet[] = [
  { entete: 'Axe (x)', largeur: 36, ecrire: (f) => (f.axe ? `${f.axe.numero}. ${f.axe.intitule}` : null) },
  { entete: 'Sous-axe (x.x)', largeur: 36, ecrire: (f) => (f.objectif ? `${f.objectif.numero}. ${f.objectif.intitule}` : null) },
  { entete: 'Sous-sous axe (x.x.x)' },
  { entete: "Titre de l'action", largeur: 50, ecrire: (f) => `Fiche action ${f.numero}. ${f.intitule}` },
  { entete: 'Titre de la sous-action', largeur: 40 },
  { entete: 'Descriptif', largeur: 50, ecrire: (f) => f.description ?? null },
  { entete: 'Instances de gouvernance' },
  { entete: 'Objectifs', largeur: 50, ecrire: (f) => f.objectifsOperationnels.join('\n') || null },
  { entete: 'Indicateurs liés' },
  {
    entete: 'Structure pilote',
    largeur: 36,
    ecrire: (f) =>
      pilotesDe(f)
        .map((p) => (p.nom === null ? A_DEFINIR : citerNom(p.nom)))
        .join(', '),
  },
  { entete: 'Moyens humains et techniques' },
  {
    entete: 'Partenaires',
    largeur: 36,
    ecrire: (f, noms) =>
      f.partenaires
        .map((p: { acteur: string; organisationId?: string | null }) =>
          citerNom((p.organisationId && noms.get(p.organisationId)) || p.acteur),
        )
        .join(', ') || null,
  },
  {
    entete: 'Direction ou service pilote',
    // One place per pilote (empty for none) so that each service goes back to its organisation.
    ecrire: (f) =>
      f.pilotes.some((p) => p.service)
        ? pilotesDe(f)
            .map((p) => (p.service ? citerNom(p.service) : ''))
            .join(', ')
        : null,
  },
  { entete: 'Personne pilote', ecrire: (f) => f.personnesReferentes ?? null },
  { entete: 'Élu·e référent·e' },
  { entete: 'Participation Citoyenne', ecrire: (f) => participationVersTet(f.participationCitoyenne, f.rifkin ?? {}) },
  { entete: 'Financements' },
  ...financeur(1),
  ...financeur(2),
  ...financeur(3),
  {
    entete: 'Budget prévisionnel total € HT',
    largeur: 16,
    format: 'euros',
    ecrire: (f) => (f.financements.some((l) => l.statut !== 'refuse') ? euros(financeursDe(f).reduce((t, [, m]) => t + m, 0)) : null),
  },
  { entete: 'Statut', largeur: 14, ecrire: (f) => STATUT_TET[f.statut as StatutFiche] },
  { entete: 'Niveau de priorité', largeur: 14, ecrire: (f) => (f.priorite ? PRIORITE_TET[f.priorite as Priorite] : null) },
  { entete: 'Date de début', largeur: 12, format: 'date', ecrire: (f) => dateCellule(f.debut) },
  { entete: 'Date de fin', largeur: 12, format: 'date', ecrire: (f) => dateCellule(f.fin) },
  { entete: 'Action en amélioration continue' },
  { entete: 'Calendrier' },
  { entete: 'Mesures liées' },
  { entete: 'Actions des plans liées' },
  { entete: 'Notes', largeur: 40, ecrire: (f) => f.notes ?? null },
  // The étapes go out as sub-action rows (lignesEtapes), with their dates, pilote and status.
  { entete: "Etapes de l'action", largeur: 40 },
  { entete: 'Documents et liens' },
];

const CHAMP_VERS_COLONNE: Record<string, string> = {
  intitule: "Titre de l'action",
  axeId: 'Axe (x)',
  objectifId: 'Sous-axe (x.x)',
  description: 'Descriptif',
  objectifsOperationnels: 'Objectifs',
  pilotes: 'Structure pilote',
  partenaires: 'Partenaires',
  personnesReferentes: 'Personne pilote',
  participationCitoyenne: 'Participation Citoyenne',
  rifkin: 'Participation Citoyenne',
  financements: 'Financeur',
  statut: 'Statut',
  priorite: 'Niveau de priorité',
  debut: 'Date de début',
  fin: 'Date de fin',
  notes: 'Notes',
  etapes: "Etapes de l'action",
};

type Etape = VueFiche['etapes'][number];

/** A fiche's étapes as TeT sub-action rows: the action's title and axes repeated, then what the étape says. */
function lignesEtapes(f: VueFiche): Valeur[][] {
  const rang = new Map(COLONNES.map((c, i) => [c.entete, i]));
  return f.etapes.map((e: Etape) => {
    const ligne: Valeur[] = COLONNES.map(() => null);
    const poser = (entete: string, v: Valeur) => {
      ligne[rang.get(entete)!] = v;
    };
    for (const entete of ['Axe (x)', 'Sous-axe (x.x)', "Titre de l'action"])
      poser(entete, COLONNES[rang.get(entete)!].ecrire!(f, new Map()));
    poser('Titre de la sous-action', e.libelle);
    poser('Descriptif', e.description ?? null);
    poser('Structure pilote', e.pilote ?? null);
    poser('Statut', e.statut ? STATUT_TET[e.statut as StatutFiche] : null);
    poser('Date de début', dateCellule(e.debut));
    poser('Date de fin', dateCellule(e.fin));
    return ligne;
  });
}

const lignesDe = (t: string | null) =>
  (t ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export const formatTet: FormatPlan = {
  nom: 'tet',
  feuille: 'Fichier dimport',
  colonnes: COLONNES.map(({ entete, largeur, format }) => ({ entete, largeur, format })),
  groupes: [
    [1, 7, 'Présentation de l’action'],
    [8, 9, 'Objectifs et indicateurs'],
    [10, 16, 'Acteurs'],
    [17, 30, 'Modalités de mise en oeuvre'],
    [31, 35, 'Actions liées'],
  ],
  reconnait: (entetes) => entetes.includes('axe (x)') && entetes.some((e) => e.startsWith('titre de l')),

  lecteur(entetes) {
    const cles = clesEntetes(entetes);
    const noms = entetes.map((e) => texteDe(e) ?? '');
    const index: Partial<Record<CleTet, number>> = {};
    const notes: number[] = [];
    const extras: number[] = [];
    const financeurs: { rang: number; i: number; montant?: number }[] = [];
    const inconnues: string[] = [];
    cles.forEach((c, i) => {
      if (!c) return;
      const rang = c.match(/^financeur (\d+)$/)?.[1];
      if (rang) return void financeurs.push({ rang: Number(rang), i });
      const cle = ALIAS[c];
      if (cle === 'notes') notes.push(i);
      else if (cle === 'extra') extras.push(i);
      else if (cle === 'montant') {
        // Each "Montant" belongs to the nearest "Financeur n" on its left.
        const paire = financeurs.filter((f) => f.i < i && f.montant === undefined).at(-1);
        if (paire) paire.montant = i;
        else inconnues.push(noms[i]);
      } else if (cle && index[cle] === undefined) index[cle] = i;
      else inconnues.push(noms[i]);
    });

    /** A cell’s value, without the template’s instructions or header-like texts left in data rows ("Calendrier"). */
    const cellule = (cellules: Valeur[], i: number | undefined): Valeur => {
      if (i === undefined) return null;
      const v = cellules[i] ?? null;
      if (typeof v !== 'string') return v;
      if (!v.trim() || estConsigneDuModele(v) || cleEntete(v) === cles[i]) return null;
      return v;
    };
    const texte = (cellules: Valeur[], i: number | undefined) => texteDe(cellule(cellules, i));
    const dit = (cle: CleTet) => index[cle] !== undefined;
    // Cells of a sub-action row that make its étape; the others are kept, labelled, in its description.
    const PROPRES_SOUS_ACTION: CleTet[] = [
      'axe',
      'sousAxe',
      'sousSousAxe',
      'titre',
      'sousAction',
      'descriptif',
      'structure',
      'service',
      'personne',
      'statut',
      'debut',
      'fin',
    ];

    /** A sub-action row: the action it belongs to (title, axes) and the étape it makes, nothing else of the fiche. */
    const lireSousAction = (cellules: Valeur[], l: LigneLue, libelle: string): LigneLue => {
      const erreur = (i: number | undefined, message: string) =>
        l.erreurs.push(`${i === undefined ? '' : noms[i].trim()} : ${message} (sous-action « ${libelle} »)`);
      const { intitule, axe, objectif } = l.champs;
      l.champs = { intitule, ...(axe !== undefined ? { axe } : {}), ...(objectif !== undefined ? { objectif } : {}) };
      const structure = texte(cellules, index.structure);
      const service = texte(cellules, index.service);
      const base = structure && service ? `${structure} (${service})` : (structure ?? service);
      const pilote = [base, texte(cellules, index.personne)].filter(Boolean).join(' — ') || null;
      const t = texte(cellules, index.statut);
      const statut = t ? statutFicheDepuisTexte(t) : null;
      if (t && !statut) erreur(index.statut, `« ${t} » inconnu (attendu : ${STATUTS_ATTENDUS})`);
      const dates = (['debut', 'fin'] as const).map((cle) => {
        const d = lireDate(cellule(cellules, index[cle]));
        if (d && 'erreur' in d) erreur(index[cle], d.erreur);
        return d && 'valeur' in d ? d.valeur : null;
      });
      const propres = new Set(PROPRES_SOUS_ACTION.map((cle) => index[cle]));
      const autres = cles.flatMap((cle, i) =>
        cle && !propres.has(i) && texte(cellules, i) ? [`${noms[i].trim()} : ${texte(cellules, i)}`] : [],
      );
      const description = [texte(cellules, index.descriptif), ...autres].filter(Boolean).join('\n\n') || null;
      const etape: EtapeLue = {
        libelle: libelle.replace(/\s+/g, ' '),
        description,
        pilote,
        statut: statut ?? null,
        debut: dates[0],
        fin: dates[1],
      };
      return { ...l, sousAction: etape };
    };

    return {
      inconnues,
      lire(cellules): LigneLue | null {
        const titreBrut = texte(cellules, index.titre);
        if (titreBrut && estExempleDuModele(titreBrut)) return null;
        const l: LigneLue = { champs: {}, erreurs: [] };
        const erreur = (i: number | undefined, message: string) => l.erreurs.push(`${i === undefined ? '' : noms[i].trim()} : ${message}`);
        const c = l.champs;

        if (dit('axe')) c.axe = texte(cellules, index.axe) ? lireNumerotation(texte(cellules, index.axe)!) : null;
        if (dit('sousAxe')) c.objectif = texte(cellules, index.sousAxe) ? lireNumerotation(texte(cellules, index.sousAxe)!) : null;
        if (c.objectif && !c.axe) erreur(index.sousAxe, `« ${texte(cellules, index.sousAxe)} » sans axe (colonne « Axe (x) » vide)`);
        const sousSousAxe = texte(cellules, index.sousSousAxe);

        if (!titreBrut && texte(cellules, index.sousAction)) {
          erreur(index.titre, `titre de l’action manquant pour la sous-action « ${texte(cellules, index.sousAction)} »`);
          return l;
        }
        if (!titreBrut) {
          const rattachement = new Set([index.axe, index.sousAxe, index.sousSousAxe]);
          const autre = cellules.some((_, i) => !rattachement.has(i) && cles[i] && cellule(cellules, i) !== null);
          if (!autre) return c.axe ? { ...l, structure: true } : null;
          erreur(index.titre, 'titre manquant');
          return l;
        }
        const { numero, titre, numeroSeul } = lireNumeroFiche(titreBrut);
        if (numero !== null) l.numero = numero;
        if (numeroSeul) l.numeroSeul = true;
        c.intitule = titre.replace(/\s+/g, ' ');
        const sousAction = texte(cellules, index.sousAction);
        if (sousAction) return lireSousAction(cellules, l, sousAction);

        if (dit('descriptif')) c.description = texte(cellules, index.descriptif);
        if (dit('objectifs') || sousSousAxe) {
          const objectifs = lignesDe(texte(cellules, index.objectifs));
          const sous = sousSousAxe ? lireNumerotation(sousSousAxe).titre : null;
          c.objectifsOperationnels = sous && !objectifs.some((o) => cleTexte(o) === cleTexte(sous)) ? [sous, ...objectifs] : objectifs;
        }
        if (dit('structure') || dit('service')) {
          const pilotes: PiloteLu[] = decouperNoms(texte(cellules, index.structure) ?? '').map((n) => ({
            nom: estADefinir(n) ? null : n,
            service: null,
          }));
          const services = decouperNoms(texte(cellules, index.service) ?? '', true);
          if (pilotes.length && services.length === pilotes.length) services.forEach((s, i) => (pilotes[i].service = s || null));
          else {
            const tous = services.filter(Boolean).join(', ') || null;
            if (tous && pilotes.length) pilotes[0].service = tous;
            else if (tous) pilotes.push({ nom: null, service: tous });
          }
          c.pilotes = pilotes;
        }
        if (dit('partenaires'))
          c.partenaires = decouperNoms(texte(cellules, index.partenaires) ?? '').map((n) => ({
            acteur: n,
            organisation: n,
            secteur: null,
            participation: [],
          }));
        if (dit('personne')) c.personnesReferentes = texte(cellules, index.personne);
        if (dit('participation')) {
          const t = texte(cellules, index.participation);
          const lu = t ? participationDepuisTet(t) : { participationCitoyenne: null, rifkin: {} };
          if (!lu)
            erreur(
              index.participation,
              `« ${t} » inconnue (attendu : Pas de participation citoyenne, Information, Consultation, Concertation, Co-construction)`,
            );
          else Object.assign(c, lu);
        }

        let total = 0;
        if (financeurs.length) {
          const lignes: FinancementLu[] = [];
          for (const f of financeurs) {
            const nom = texte(cellules, f.i);
            const montant = lireMontantCentimes(cellule(cellules, f.montant));
            if (montant && 'erreur' in montant) erreur(f.montant, `${montant.erreur} (Financeur ${f.rang})`);
            const centimes = montant && 'valeur' in montant ? montant.valeur : 0;
            if (!nom && centimes) erreur(f.montant, `${eurosFr(centimes)} € sans financeur (colonne « Financeur ${f.rang} » vide)`);
            if (!nom) continue;
            total += centimes;
            lignes.push({
              financeur: nom,
              financeurLibelle: null,
              souple: true,
              dispositif: 'Autre',
              annee: null,
              montantCentimes: centimes,
              nature: 'fonctionnement',
              statut: 'prevu',
              valorisationNature: null,
            });
          }
          c.financements = lignes;
        }
        const budget = lireMontantCentimes(cellule(cellules, index.budget));
        if (budget && 'erreur' in budget) erreur(index.budget, budget.erreur);

        if (dit('statut')) {
          const t = texte(cellules, index.statut);
          const statut = t ? statutFicheDepuisTexte(t) : undefined;
          if (t && !statut) erreur(index.statut, `« ${t} » inconnu (attendu : ${STATUTS_ATTENDUS})`);
          if (statut) c.statut = statut; // an empty statut leaves the fiche's own
        }
        if (dit('priorite')) {
          const t = texte(cellules, index.priorite);
          const priorite = t ? prioriteDepuisTexte(t) : null;
          if (priorite === undefined) erreur(index.priorite, `« ${t} » inconnu (attendu : Élevé, Moyen, Bas)`);
          else c.priorite = priorite;
        }
        for (const cle of ['debut', 'fin'] as const)
          if (dit(cle)) {
            const d = lireDate(cellule(cellules, index[cle]));
            if (d && 'erreur' in d) erreur(index[cle], d.erreur);
            else c[cle] = d ? d.valeur : null;
          }
        // With a sub-action column, the fiche's étapes are its sub-action rows (added when the rows are grouped).
        if (dit('etapes') || dit('sousAction')) c.etapes = lignesDe(texte(cellules, index.etapes)).map((libelle) => ({ libelle }));

        if (notes.length || extras.length || dit('budget')) {
          const morceaux = [
            ...notes.map((i) => texte(cellules, i)),
            ...extras.map((i) => (texte(cellules, i) ? `${noms[i].trim()} : ${texte(cellules, i)}` : null)),
            // The budget is the sum of the financing lines; a different figure is kept where it can be read.
            budget && 'valeur' in budget && budget.valeur !== total
              ? `Budget prévisionnel total (Territoires en Transitions) : ${eurosFr(budget.valeur)} €`
              : null,
          ].filter(Boolean);
          c.notes = morceaux.join('\n\n') || null;
        }
        return l;
      },
    };
  },

  ecrire: (f, noms) => [COLONNES.map((c) => c.ecrire?.(f, noms) ?? null), ...lignesEtapes(f)],
  colonne: (champ) => CHAMP_VERS_COLONNE[champ] ?? champ,
};
