import {
  avecArticle,
  DETERMINANTS,
  DIMENSIONS_RIFKIN,
  enumerer,
  formaterDate,
  formaterMontant,
  formaterNombre,
  formaterPeriode,
  INTERVENTIONS,
  ISTS,
  LIBELLES_STATUT_FICHE,
  LIBELLES_STATUT_FINANCEMENT,
  LIBELLES_TYPE_INDICATEUR,
  libelleTerme,
  NATURES_FINANCEMENT,
  type NatureFinancement,
  ordinal,
  pluriel,
  PUBLICS,
  SECTEURS,
  THEMATIQUES,
  TYPES_ORGANISATION,
  TYPES_PARTICIPATION,
  type StatutFiche,
  type StatutFinancement,
  type TypeOrganisation,
  valeurDeMesure,
  TYPES_DISPOSITIF_TERRITORIAL,
  type TypeDispositifTerritorial,
} from '@maillage/domain';
import type { EtatComplet } from '../contrats/versions.service';

/**
 * The contract document as a list of neutral blocks; the DOCX and PDF renderers draw the same blocks, so both
 * documents always say the same thing.
 */
export type Bloc =
  | { type: 'couverture'; surtitre: string; titre: string; lignes: string[] }
  | { type: 'titre'; niveau: 1 | 2 | 3; texte: string; nouvellePage?: boolean }
  | { type: 'paragraphe'; texte: string; italique?: boolean }
  | { type: 'liste'; elements: string[] }
  | { type: 'tableau'; entetes: string[]; lignes: string[][]; largeurs?: number[] }
  /** A fiche starts a page, except the first one right under the annex heading (`nouvellePage: false`). */
  | {
      type: 'fiche';
      titre: string;
      nouvellePage?: boolean;
      sections: { libelle: string; valeur: string }[];
      tableaux: { titre: string; entetes: string[]; lignes: string[][] }[];
    }
  | { type: 'signatures'; blocs: { organisation: string; representant: string; date: string }[] }
  /** A chart drawn as SVG (server-side ECharts), always followed in the document by its table. */
  | { type: 'graphique'; titre: string; svg: string; largeur: number; hauteur: number }
  | { type: 'citation'; texte: string; auteur: string };

export interface DocumentContrat {
  titre: string;
  blocs: Bloc[];
}

type Fiche = EtatComplet['fiches'][number];

const ouiNon = (v: unknown) => (v === true ? 'Oui' : v === false ? 'Non' : 'Non renseigné');
const liste = (termes: Parameters<typeof libelleTerme>[0], codes: unknown) =>
  Array.isArray(codes) && codes.length ? codes.map((c) => libelleTerme(termes, String(c))).join(' ; ') : 'Non renseigné';
const texte = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : 'Non renseigné');

/** A pilote in full, with its acronym and service: « Centre hospitalier de Redon (CHR), pôle prévention ». */
function nomPilote(p: {
  libelle: string;
  organisationId?: string | null;
  organisationNom?: string | null;
  organisationSigle?: string | null;
  service?: string | null;
}) {
  if (!p.organisationId || !p.organisationNom) return p.libelle;
  const sigle = p.organisationSigle && cleSigle(p.organisationSigle) !== cleSigle(p.organisationNom) ? ` (${p.organisationSigle})` : '';
  return `${p.organisationNom}${sigle}${p.service ? `, ${p.service}` : ''}`;
}
const cleSigle = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

/** The stated target of an indicator, or its targets by period (older snapshots have only the stated one). */
function cibleIndicateur(i: {
  cible?: string | null;
  pourcentage?: boolean;
  unite?: string | null;
  cibles?: { periode: string; valeur?: number | null; numerateur?: number | null; denominateur?: number | null }[];
}) {
  if (i.cible) return i.cible;
  return (i.cibles ?? [])
    .map((c) => {
      const v = valeurDeMesure(c, !!i.pourcentage);
      return v === null ? null : `${c.periode} : ${formaterNombre(v)}${i.pourcentage ? ' %' : i.unite ? ` ${i.unite}` : ''}`;
    })
    .filter(Boolean)
    .join(' ; ');
}

/** One fiche laid out in the order of ARS Bretagne's template (seed 002, annexe 5). */
function blocFiche(f: Fiche): Bloc {
  const g = f as Fiche & Record<string, any>;
  const etapes = g.etapes ?? [];
  const partenaires = g.partenaires ?? [];
  const indicateurs = g.indicateurs ?? [];
  const rifkin: Partial<Record<string, number>> = g.rifkin ?? {};
  // Snapshots taken before decision 0017 have the yes/no box instead of the named schemes.
  const dispositifsDe = (f: typeof g): string => {
    const liste: { type: string; nom: string }[] | undefined = f.dispositifsTerritoriaux;
    if (!liste) return f.lienContratVille === true ? 'Lien avec le volet santé du contrat de ville' : 'Aucun dispositif rattaché';
    return (
      liste.map((d) => `${TYPES_DISPOSITIF_TERRITORIAL[d.type as TypeDispositifTerritorial] ?? d.type} : ${d.nom}`).join(' ; ') ||
      'Aucun dispositif rattaché'
    );
  };
  const sections = [
    { libelle: 'Axe stratégique', valeur: g.axe ? `${g.axe.numero}. ${g.axe.intitule}` : 'Non rattachée à un axe' },
    { libelle: 'Objectif stratégique', valeur: g.objectif ? `${g.objectif.numero}. ${g.objectif.intitule}` : 'Non renseigné' },
    {
      libelle: g.pilotes.length > 1 ? 'Porteurs / pilotes' : 'Porteur / pilote',
      valeur: g.pilotes.map(nomPilote).join(' ; ') || 'À définir',
    },
    { libelle: 'Personnes référentes', valeur: texte(g.personnesReferentes) },
    {
      libelle: 'Durée',
      valeur: `${g.duree === 'annuelle' ? 'Annuelle' : g.duree === 'pluriannuelle' ? 'Pluriannuelle' : 'Non renseignée'} — ${formaterPeriode(g.debut, g.fin)}`,
    },
    { libelle: 'Argumentation', valeur: texte(g.argumentation) },
    {
      libelle: 'Inégalités sociales et territoriales de santé identifiées',
      valeur: `${ouiNon(g.istsIdentifiees)}${g.ists?.length ? ` : ${liste(ISTS, g.ists)}` : ''}${g.istsPrecision ? ` (${g.istsPrecision})` : ''}`,
    },
    {
      libelle: 'Territoires concernés',
      valeur: g.territoireTout === false ? texte(g.territoiresConcernes) : 'L’ensemble du territoire du contrat',
    },
    { libelle: 'Public visé', valeur: `${liste(PUBLICS, g.publics)}${g.publicPrecision ? ` — ${g.publicPrecision}` : ''}` },
    { libelle: 'L’action cible-t-elle le public concerné par les ISTS ?', valeur: ouiNon(g.publicCibleIsts) },
    {
      libelle: 'État d’avancement',
      valeur: g.dejaEnCours
        ? `Action déjà engagée (${g.phase === 'evaluation' ? 'évaluation' : 'mise en œuvre'})`
        : g.dejaEnCours === false
          ? 'Action nouvelle'
          : 'Non renseigné',
    },
    { libelle: 'Description', valeur: texte(g.description) },
    {
      libelle: 'Objectifs opérationnels',
      valeur: g.objectifsOperationnels?.length ? g.objectifsOperationnels.map((o: string) => `• ${o}`).join('\n') : 'Non renseigné',
    },
    { libelle: 'Les objectifs ciblent-ils les ISTS ?', valeur: ouiNon(g.objectifsCiblentIsts) },
    { libelle: 'Déterminants de santé visés', valeur: liste(DETERMINANTS, g.determinants) },
    { libelle: 'Typologie des interventions', valeur: liste(INTERVENTIONS, g.interventions) },
    { libelle: 'Articulation avec les dispositifs du territoire', valeur: dispositifsDe(g) },
    {
      libelle: 'Participation citoyenne',
      valeur: `${ouiNon(g.participationCitoyenne)}${
        Object.keys(rifkin).length
          ? ` — échelle de Rifkin : ${DIMENSIONS_RIFKIN.filter((d) => rifkin[d.code])
              .map((d) => `${d.libelle} ${rifkin[d.code]}/5`)
              .join(', ')}`
          : ''
      }`,
    },
    { libelle: 'Facteurs facilitants', valeur: texte(g.facteursFacilitants) },
    { libelle: 'Difficultés rencontrées', valeur: texte(g.difficultes) },
    { libelle: 'Méthode d’évaluation', valeur: texte(g.methodeEvaluation) },
    { libelle: 'Thématiques', valeur: liste(THEMATIQUES, g.thematiques) },
    {
      libelle: 'Statut et priorité',
      valeur: `${LIBELLES_STATUT_FICHE[g.statut as StatutFiche] ?? g.statut}${g.priorite ? ` — priorité ${g.priorite === 'haute' ? 'élevée' : g.priorite === 'basse' ? 'faible' : 'moyenne'}` : ''}`,
    },
  ];
  const tableaux = [];
  if (etapes.length)
    tableaux.push({
      titre: 'Déroulé',
      entetes: ['Étape', 'Période'],
      lignes: etapes.map((e: any) => [e.libelle, formaterPeriode(e.debut, e.fin)]),
    });
  if (partenaires.length)
    tableaux.push({
      titre: 'Partenaires',
      entetes: ['Secteur', 'Acteur', 'Type de participation'],
      lignes: partenaires.map((p: any) => [
        libelleTerme(SECTEURS, p.secteur),
        p.acteur,
        p.participation.map((c: string) => libelleTerme(TYPES_PARTICIPATION, c)).join(', '),
      ]),
    });
  if (indicateurs.length)
    tableaux.push({
      titre: 'Suivi, évaluation, réajustement : indicateurs',
      entetes: ['Indicateur', 'Type', 'Méthode', 'Cible'],
      lignes: indicateurs.map((i: any) => [
        i.libelle,
        LIBELLES_TYPE_INDICATEUR[i.type as keyof typeof LIBELLES_TYPE_INDICATEUR] ?? i.type,
        i.methode ?? '',
        cibleIndicateur(i),
      ]),
    });
  if (g.financements.length)
    tableaux.push({
      titre: 'Financement',
      entetes: ['Financeur', 'Dispositif', 'Année', 'Montant', 'Nature', 'Statut'],
      lignes: g.financements.map((l: any) => [
        l.financeurNom ?? l.financeurLibelle ?? '',
        l.dispositif,
        String(l.annee),
        formaterMontant(l.montantCentimes),
        NATURES_FINANCEMENT[l.nature as NatureFinancement] ?? l.nature,
        LIBELLES_STATUT_FINANCEMENT[l.statut as StatutFinancement] ?? l.statut,
      ]),
    });
  return { type: 'fiche', titre: `Fiche-action n° ${f.numero} — ${f.intitule}`, sections, tableaux };
}

export function construireDocument(
  etat: EtatComplet,
  options: { mention: string; territoire: { departements: string[]; epci: string[] }; copilParAn: number | null },
): DocumentContrat {
  const blocs: Bloc[] = [];
  const population = formaterNombre(etat.population);
  blocs.push({
    type: 'couverture',
    surtitre: 'Contrat local de santé',
    titre: etat.intitule,
    lignes: [
      `${ordinal(etat.generation)} génération`,
      `Territoire : ${options.territoire.epci.join(', ') || pluriel(etat.nombreCommunes, 'commune')} — ${pluriel(etat.nombreCommunes, 'commune')}, ${population} habitant${etat.population > 1 ? 's' : ''}`,
      `${options.territoire.departements.length > 1 ? 'Départements' : 'Département'} : ${enumerer(options.territoire.departements)}`,
      `Période : ${formaterPeriode(etat.periode.debut, etat.periode.fin)}`,
      options.mention,
    ],
  });

  blocs.push({ type: 'titre', niveau: 1, texte: 'Les parties au contrat', nouvellePage: true });
  blocs.push({
    type: 'paragraphe',
    texte:
      `Vu le code de la santé publique, notamment ses articles L1434-2 et L1434-10, le présent contrat local de santé est conclu entre ` +
      `${enumerer([...[...etat.ars, ...etat.porteurs].map((o) => avecArticle(o.nom)), ...(etat.signataires.length ? ['les signataires ci-dessous'] : [])])}.`,
  });
  if (etat.signataires.length)
    blocs.push({
      type: 'tableau',
      entetes: ['Signataire', 'Type', 'Représenté par'],
      lignes: etat.signataires.map((s) => [
        s.organisation,
        TYPES_ORGANISATION[s.organisationType as TypeOrganisation] ?? s.organisationType,
        [s.representant, s.qualite].filter(Boolean).join(', '),
      ]),
    });
  if (etat.partenaires.length) {
    blocs.push({ type: 'titre', niveau: 2, texte: 'Partenaires' });
    blocs.push({ type: 'liste', elements: etat.partenaires.map((p) => `${p.organisation}${p.role ? ` — ${p.role}` : ''}`) });
  }

  blocs.push({ type: 'titre', niveau: 1, texte: 'Contexte' });
  blocs.push({
    type: 'paragraphe',
    texte: `Le contrat couvre ${pluriel(etat.nombreCommunes, 'commune')} et ${population} habitant${etat.population > 1 ? 's' : ''}, ${options.territoire.departements.length > 1 ? 'dans les départements suivants' : 'dans le département suivant'} : ${enumerer(options.territoire.departements)}.`,
  });
  if (etat.contexte) blocs.push({ type: 'paragraphe', texte: etat.contexte });

  blocs.push({ type: 'titre', niveau: 1, texte: 'Axes stratégiques et objectifs' });
  if (!etat.axes.length) blocs.push({ type: 'paragraphe', texte: 'Aucun axe stratégique n’est encore défini.', italique: true });
  etat.axes.forEach((axe, i) => {
    blocs.push({ type: 'titre', niveau: 2, texte: `Axe ${i + 1}. ${axe.intitule}` });
    if (axe.axePrs) blocs.push({ type: 'paragraphe', texte: `Axe du projet régional de santé : ${axe.axePrs}`, italique: true });
    if (axe.description) blocs.push({ type: 'paragraphe', texte: axe.description });
    axe.objectifs.forEach((o, j) => {
      blocs.push({ type: 'titre', niveau: 3, texte: `Objectif ${i + 1}.${j + 1}. ${o.intitule}` });
      if (o.objectifsOperationnels.length) blocs.push({ type: 'liste', elements: o.objectifsOperationnels });
    });
    const fiches = etat.fiches.filter((f) => f.axeId === axe.id);
    if (fiches.length) blocs.push({ type: 'liste', elements: fiches.map((f) => `Fiche-action n° ${f.numero} : ${f.intitule}`) });
  });
  const sansAxe = etat.fiches.filter((f) => !f.axeId);
  if (sansAxe.length) {
    blocs.push({ type: 'titre', niveau: 2, texte: 'Fiches-action non rattachées à un axe' });
    blocs.push({ type: 'liste', elements: sansAxe.map((f) => `Fiche-action n° ${f.numero} : ${f.intitule}`) });
  }

  blocs.push({ type: 'titre', niveau: 1, texte: 'Gouvernance' });
  blocs.push({
    type: 'paragraphe',
    texte:
      `Le contrat est piloté par un comité de pilotage (COPIL) réunissant les signataires, co-présidé par ${enumerer([...etat.ars.map((o) => avecArticle(o.nom)), ...(etat.porteurs.length ? etat.porteurs.map((o) => avecArticle(o.nom)) : ['la collectivité porteuse'])])}` +
      `${options.copilParAn ? `, qui se réunit au moins ${options.copilParAn === 2 ? 'deux' : options.copilParAn} fois par an` : ''}. ` +
      `Il décide des orientations, valide les fiches-action et en suit la mise en œuvre. Un comité technique prépare ses travaux ; ` +
      `la coordination du contrat est assurée par le coordonnateur ou la coordonnatrice du contrat local de santé, en lien avec l’ARS.`,
  });

  blocs.push({ type: 'titre', niveau: 1, texte: 'Signatures', nouvellePage: true });
  blocs.push({
    type: 'signatures',
    blocs: (etat.signataires.length
      ? etat.signataires
      : [...etat.ars, ...etat.porteurs].map((o) => ({ organisation: o.nom, representant: null, qualite: null, dateSignature: null }))
    ).map((s) => ({
      // Read after « Pour » : « Pour l’ARS Bretagne », « Pour le Conseil départemental du Morbihan ».
      organisation: avecArticle(s.organisation),
      representant: [s.representant, s.qualite].filter(Boolean).join(', '),
      date: s.dateSignature ? `Signé le ${formaterDate(s.dateSignature)}` : 'Date : ____________________',
    })),
  });

  blocs.push({ type: 'titre', niveau: 1, texte: 'Annexe : fiches-action', nouvellePage: true });
  if (!etat.fiches.length) blocs.push({ type: 'paragraphe', texte: 'Aucune fiche-action.', italique: true });
  // The first fiche follows the annex heading on its page: a page holding only the heading says nothing.
  etat.fiches.forEach((fiche, i) => blocs.push({ ...blocFiche(fiche), ...(i === 0 ? { nouvellePage: false } : {}) }));
  return { titre: etat.intitule, blocs };
}
