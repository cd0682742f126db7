import {
  MISSIONS_RESSOURCE,
  NIVEAUX_RESSOURCE,
  normaliser,
  PUBLICS_RESSOURCE,
  SOLLICITEURS_RESSOURCE,
  STATUTS_RESSOURCE,
} from '@maillage/domain';
import { ErreurMetier, invalide } from '../../platform/errors';
import { lireFichier } from '../../platform/lecture-tableur';
import { LIMITES } from '../../platform/limites-fichiers';
import { trouverOrganisations } from '../comptes/organisations.service';
import { ecrireCsv, ecrireXlsx } from '../plans/tableur';
import { ecrireLigne, type Preparation } from './ligne-import';
import { nouveauMemo } from './ressources.service';
import * as queries from './ressources.queries';

/**
 * The CSV/XLSX template of the resource directory: one row per resource, lists separated by « | » (or « ; » in XLSX),
 * codes or labels of the vocabulary. The organisation is named by its SIRET, its FINESS or its identifier.
 */
export const COLONNES_MODELE = [
  ['nom', 'Nom de la ressource (obligatoire)'],
  ['type', 'Type (code ou libellé de la liste, ex. clic, ssiad)'],
  ['organisation_siret', 'SIRET de l’organisation'],
  ['organisation_finess', 'FINESS de l’organisation'],
  ['organisation_id', 'Identifiant Maillage de l’organisation'],
  ['publics', 'Publics (séparés par |)'],
  ['missions', 'Missions (séparées par |)'],
  ['niveau', 'Niveau (porte_entree, coordination_proximite, effecteur, cooperation_territoriale)'],
  ['sollicitable_par', 'Qui sollicite (séparés par |)'],
  ['zone_communes', 'Zone d’intervention : codes INSEE des communes (séparés par |)'],
  ['zone_epci', 'Zone d’intervention : SIREN des EPCI (séparés par |)'],
  ['adresse', 'Adresse'],
  ['commune', 'Code INSEE de la commune'],
  ['horaires', 'Horaires'],
  ['telephone', 'Téléphone'],
  ['courriel', 'Courriel'],
  ['site', 'Site internet'],
  ['criteres_inclusion', 'Critères d’inclusion'],
  ['capacite', 'Capacité'],
  ['delai_habituel', 'Délai habituel'],
  ['statut', 'Statut (active, suspendue, fermee)'],
  ['statut_depuis', 'Statut depuis (AAAA-MM-JJ)'],
  ['statut_jusqu_au', 'Statut jusqu’au (AAAA-MM-JJ)'],
  ['finess', 'FINESS de la ressource'],
  ['siret', 'SIRET de la ressource'],
  ['ror_id', 'Identifiant ROR'],
  ['publie', 'Publiée (oui/non)'],
] as const;
type Colonne = (typeof COLONNES_MODELE)[number][0];

/** The template, empty but for its header (and, in XLSX, a sheet of the accepted codes). */
export async function modeleImport(format: 'csv' | 'xlsx') {
  const entetes = COLONNES_MODELE.map(([c]) => c);
  if (format === 'csv') return { nom: 'modele-ressources.csv', type: 'text/csv; charset=utf-8', contenu: ecrireCsv(entetes, []) };
  const codes = [
    ...Object.entries(PUBLICS_RESSOURCE).map(([c, l]) => ['publics', c, l]),
    ...Object.entries(MISSIONS_RESSOURCE).map(([c, l]) => ['missions', c, l]),
    ...Object.entries(NIVEAUX_RESSOURCE).map(([c, l]) => ['niveau', c, l]),
    ...Object.entries(SOLLICITEURS_RESSOURCE).map(([c, l]) => ['sollicitable_par', c, l]),
    ...Object.entries(STATUTS_RESSOURCE).map(([c, l]) => ['statut', c, l]),
  ];
  const contenu = await ecrireXlsx([
    { nom: 'Ressources', colonnes: COLONNES_MODELE.map(([c]) => ({ entete: c, largeur: 22 })), lignes: [] },
    {
      nom: 'Colonnes',
      colonnes: [
        { entete: 'Colonne', largeur: 22 },
        { entete: 'Contenu', largeur: 80 },
      ],
      lignes: COLONNES_MODELE.map(([c, d]) => [c, d]),
    },
    {
      nom: 'Codes',
      colonnes: [
        { entete: 'Colonne', largeur: 22 },
        { entete: 'Code', largeur: 28 },
        { entete: 'Libellé', largeur: 70 },
      ],
      lignes: codes,
    },
  ]);
  return { nom: 'modele-ressources.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contenu };
}

/** A code of the vocabulary from its code or its label (« Personnes âgées » or personnes_agees); unknown text kept as is, for zod to name it. */
function code(vocabulaire: Record<string, string>, texte: string): string {
  const t = normaliser(texte);
  const trouve = Object.entries(vocabulaire).find(
    ([c, l]) => c === t.replace(/[\s-]+/g, '_') || normaliser(l) === t || normaliser(l).endsWith(`– ${t}`) || normaliser(l).endsWith(t),
  );
  return trouve?.[0] ?? texte.trim();
}
const liste = (texte: string | null) =>
  texte
    ? texte
        .split(/[|;,]/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
const oui = (texte: string | null) => (texte ? ['oui', 'o', 'vrai', 'true', '1', 'x'].includes(normaliser(texte)) : false);

export async function lireTableurRessources(fichier: { nom: string; contenu: Buffer }): Promise<Preparation> {
  let tableau: Awaited<ReturnType<typeof lireFichier>>;
  try {
    tableau = await lireFichier(fichier.nom, fichier.contenu, LIMITES.ressources);
  } catch (e) {
    if (e instanceof ErreurMetier) throw e;
    throw invalide(`Fichier illisible : ${(e as Error).message}`, [{ champ: 'fichier', message: 'Fichier illisible' }]);
  }
  const entetes = tableau.entetes.map((e) =>
    normaliser(String(e))
      .replace(/[\s-]+/g, '_')
      .replace(/[’']/g, '_'),
  );
  const index = Object.fromEntries(COLONNES_MODELE.map(([c]) => [c, entetes.indexOf(c)])) as Record<Colonne, number>;
  if (index.nom < 0)
    throw invalide('Colonne « nom » introuvable : partez du modèle (GET /api/ressources/import/modele.csv).', [
      { champ: 'fichier', message: 'Colonne « nom » manquante' },
    ]);
  const inconnues = tableau.entetes.filter((_, i) => !Object.values(index).includes(i) && String(tableau.entetes[i]).trim());

  return async (tx, utilisateur, _demande, lignes, nomFichier) => {
    const rangs: { ligne: number; valeur: (c: Colonne) => string | null }[] = [];
    for await (const { ligne, cellules } of tableau.lignes()) {
      const valeur = (c: Colonne) => (index[c] >= 0 ? String(cellules[index[c]] ?? '').trim() || null : null);
      if (COLONNES_MODELE.every(([c]) => !valeur(c))) continue;
      rangs.push({ ligne, valeur });
    }
    const organisations = await trouverOrganisations(tx, {
      ids: rangs.flatMap((r) => (r.valeur('organisation_id')?.match(/^[0-9a-f-]{36}$/i) ? [r.valeur('organisation_id')!] : [])),
      finess: rangs.flatMap((r) => (r.valeur('organisation_finess') ? [r.valeur('organisation_finess')!.replace(/\s/g, '')] : [])),
      siret: rangs.flatMap((r) => (r.valeur('organisation_siret') ? [r.valeur('organisation_siret')!.replace(/\s/g, '')] : [])),
    });
    const parRor = await queries.ressourcesParRorId(
      tx,
      rangs.flatMap((r) => (r.valeur('ror_id') ? [r.valeur('ror_id')!] : [])),
    );
    const organisationDe = (valeur: (c: Colonne) => string | null) => {
      const id = valeur('organisation_id');
      const finess = valeur('organisation_finess')?.replace(/\s/g, '');
      const siret = valeur('organisation_siret')?.replace(/\s/g, '');
      return organisations.find((o) => (id && o.id === id) || (finess && o.finess === finess) || (siret && o.siret === siret));
    };
    // Read once for the whole file, not once a row: a file of thousands of rows stays a few queries.
    const parNom = await queries.ressourcesParNoms(
      tx,
      rangs.flatMap(({ valeur }) => {
        const o = organisationDe(valeur);
        const nom = valeur('nom');
        return o && nom ? [{ organisationId: o.id, nom }] : [];
      }),
    );
    let types: Record<string, string> | null = null;
    const vocabulaireTypes = async () => {
      types ??= Object.fromEntries((await queries.typesRessource(tx)).map((t) => [t.code, t.libelle]));
      return types;
    };
    const memo = nouveauMemo();
    const vus = new Set<string>();
    for (const { ligne, valeur } of rangs) {
      const base = {
        ligne,
        nom: valeur('nom') ?? undefined,
        mappes: [] as string[],
        nonMappes: inconnues.length && ligne === rangs[0].ligne ? [`colonnes ignorées : ${inconnues.join(', ')}`] : [],
      };
      const organisation = organisationDe(valeur);
      if (!organisation) {
        lignes.push({
          ...base,
          statut: 'rejete',
          raison:
            valeur('organisation_id') || valeur('organisation_finess') || valeur('organisation_siret')
              ? 'Organisation inconnue de l’annuaire (identifiant, FINESS ou SIRET).'
              : 'Organisation manquante : renseignez organisation_siret, organisation_finess ou organisation_id.',
        });
        continue;
      }
      const cle = valeur('ror_id') ?? `${organisation.id}|${normaliser(valeur('nom') ?? '')}`;
      if (vus.has(cle)) {
        lignes.push({ ...base, statut: 'rejete', raison: 'Doublon d’une ligne précédente du fichier.' });
        continue;
      }
      vus.add(cle);
      const avant =
        (valeur('ror_id') && parRor.get(valeur('ror_id')!)) ||
        (valeur('nom') ? parNom.get(`${organisation.id}|${valeur('nom')}`) : null) ||
        null;
      const contacts = (['telephone', 'courriel', 'site'] as const).flatMap((t) =>
        liste(valeur(t)).map((v) => ({ type: t, valeur: v, libelle: null })),
      );
      const saisie = {
        organisationId: organisation.id,
        nom: valeur('nom') ?? '',
        typeCode: valeur('type') ? code(await vocabulaireTypes(), valeur('type')!) : 'autre',
        publics: liste(valeur('publics')).map((p) => code(PUBLICS_RESSOURCE, p)),
        missions: liste(valeur('missions')).map((m) => code(MISSIONS_RESSOURCE, m)),
        niveau: valeur('niveau') ? code(NIVEAUX_RESSOURCE, valeur('niveau')!) : undefined,
        sollicitablePar: liste(valeur('sollicitable_par')).map((s) => code(SOLLICITEURS_RESSOURCE, s)),
        zone: { epci: liste(valeur('zone_epci')), communes: liste(valeur('zone_communes')) },
        adresse: valeur('adresse'),
        communeCode: valeur('commune'),
        horaires: valeur('horaires'),
        contacts,
        criteresInclusion: valeur('criteres_inclusion'),
        capacite: valeur('capacite'),
        delaiHabituel: valeur('delai_habituel'),
        statut: valeur('statut') ? code(STATUTS_RESSOURCE, valeur('statut')!) : 'active',
        statutDepuis: valeur('statut_depuis'),
        statutJusquAu: valeur('statut_jusqu_au'),
        finess: valeur('finess'),
        siret: valeur('siret'),
        rorId: valeur('ror_id'),
        publie: oui(valeur('publie')),
      };
      base.mappes.push(`organisation ← « ${organisation.nom} »`);
      await ecrireLigne(tx, utilisateur, saisie, avant, base, lignes, { import: nomFichier, format: 'tableur' }, memo);
    }
  };
}
