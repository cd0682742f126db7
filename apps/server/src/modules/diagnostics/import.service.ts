import type { SensDuTiret } from '@maillage/domain';
import type { ModeImport, NonCorrespondantDhis2 } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier, erreursDeZod, introuvable, invalide } from '../../platform/errors';
import { pluriel, suggererIndicateurs } from '@maillage/domain';
import { listerIndicateurs } from './indicateurs.repository';
import {
  avertissementsEchelle,
  lireLigne,
  optionsImportSchema,
  type Correspondance,
  type EchelleLue,
  proposerCorrespondance,
  type OptionsImport,
  type Referentiels,
  type Rejet,
  type ValeurImportee,
} from './import-valeurs';
import { lireFichier, type Tableau } from '../../platform/lecture-tableur';
import { correspondanceProfil, lireLigneSelonProfil, proposerProfil } from './import-profils';
import { appliquerValeurs, copierSiNouvelles } from './valeurs.repository';
import { nonCorrespondantsDe, preparerDhis2 } from './dhis2-import';

/** Beyond this many rows an import runs in the background and reports its progress. */
export const SEUIL_ARRIERE_PLAN = 50_000;
const REJETS_DETAILLES_MAX = 10_000;

export interface RapportImport {
  importId: string | null;
  nomFichier: string;
  format: string;
  encodage: string | null;
  separateur: string | null;
  mode: ModeImport;
  tiret: SensDuTiret;
  dryRun: boolean;
  applique: boolean;
  lignesLues: number;
  valeursValides: number;
  rejetees: number;
  rejets: Rejet[];
  colonnesIgnorees: string[];
  /** Scale mismatches between the file and the catalogue, in French: not a rejection, but said before importing. */
  avertissements: string[];
  nonCorrespondants?: NonCorrespondantDhis2[];
  indicateurs: string[];
  creees: number;
  modifiees: number;
  inchangees: number;
  /** Values kept under statistical secrecy, and values the file says are not available: never 0. */
  secrets: number;
  manquantes: number;
}

async function referentiels(db: Queryable): Promise<Referentiels> {
  const { rows } = await db.query(`select type || ':' || code as cle from territoires`);
  const catalogue = await listerIndicateurs(db, false);
  return {
    indicateurs: new Set(catalogue.map((i) => i.code)),
    catalogue: new Map(
      catalogue.map((i) => [
        i.code,
        { code: i.code, libelle: i.libelle, unite: i.unite, facteur: i.facteur, denombrement: i.denombrement },
      ]),
    ),
    territoires: new Set(rows.map((r) => r.cle)),
  };
}

/** Bad options are the sender's error (400, each field named), not the server's. */
function lireOptions(brutes: unknown): OptionsImport {
  const lues = optionsImportSchema.safeParse(brutes ?? {});
  if (!lues.success) {
    const erreurs = erreursDeZod(lues.error).map((e) => ({ ...e, champ: `options.${e.champ}` }));
    throw invalide(`Options d’import invalides : ${erreurs[0].champ} : ${erreurs[0].message}.`, erreurs);
  }
  return lues.data;
}

async function ouvrir(nom: string, contenu: Buffer): Promise<Tableau> {
  try {
    return await lireFichier(nom, contenu);
  } catch (e) {
    if (e instanceof ErreurMetier) throw e;
    throw invalide(`Fichier illisible : ${(e as Error).message}`, [{ champ: 'fichier', message: 'Fichier illisible' }]);
  }
}

/** The preview: what was detected, the proposed column mapping and the first rows, before anything is written. */
export async function apercu(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  fichier: { nom: string; contenu: Buffer },
  optionsBrutes: unknown,
) {
  exiger(utilisateur, 'creer', { type: 'catalogue' });
  const options = lireOptions(optionsBrutes);
  const tableau = await preparerDhis2(ctx.db, utilisateur, await ouvrir(fichier.nom, fichier.contenu), options);
  const ref = await referentiels(ctx.db);
  const correspondance = correspondanceProfil(tableau, options, ref) ?? proposerCorrespondance(tableau, options, ref.indicateurs);
  const exemples: { ligne: number; cellules: (string | number | null)[] }[] = [];
  const lectures: { ligne: number; valeurs: number; rejets: string[] }[] = [];
  const suggestions = suggestionsDe(tableau.entetes, correspondance, options, ref);
  // The scales are checked against the suggested indicators too, so the warning comes before the user confirms them.
  const avecSuggestions: Correspondance = {
    ...correspondance,
    indicateursParColonne: new Map([
      ...correspondance.indicateursParColonne,
      ...suggestions.map((s) => [tableau.entetes.indexOf(s.entete), s.code] as [number, string]),
    ]),
  };
  const echelles: EchelleLue[] = [];
  for await (const ligne of tableau.lignes()) {
    if (exemples.length >= 10) break;
    exemples.push(ligne);
    const lu = lireLigneSelonProfil(ligne, correspondance, options, ref, tableau.entetes);
    echelles.push(...(lireLigne(ligne, avecSuggestions, options, ref, tableau.entetes).echelles ?? []));
    lectures.push({ ligne: ligne.ligne, valeurs: lu.valeurs.length, rejets: lu.rejets.map((r) => r.raison) });
  }
  const profil = proposerProfil(tableau, exemples, ref);
  return {
    format: tableau.format,
    encodage: tableau.encodage,
    separateur: tableau.separateur,
    entetes: tableau.entetes,
    // A long table keeps its mode (its indicator column already names catalogue codes); the profile stays offered.
    mode: correspondance.profil || !profil || correspondance.mode === 'long' ? correspondance.mode : profil.type,
    colonnes: Object.fromEntries(Object.entries(correspondance.colonnes).map(([k, i]) => [k, tableau.entetes[i as number]])),
    indicateursParColonne: Object.fromEntries([...correspondance.indicateursParColonne].map(([i, code]) => [tableau.entetes[i], code])),
    colonnesIgnorees: correspondance.colonnesIgnorees,
    suggestions,
    avertissements: avertissementsEchelle(avecSuggestions, tableau.entetes, ref, echelles),
    profil,
    exemples,
    lectures,
    ...(await nonCorrespondantsDe(tableau)),
  };
}

/** Wide files: the catalogue indicator each unmapped value column's header most likely is, for the user to confirm. */
function suggestionsDe(entetes: string[], correspondance: Correspondance, options: OptionsImport, ref: Referentiels) {
  if (correspondance.mode !== 'large') return [];
  const prises = new Set<number>([...correspondance.indicateursParColonne.keys(), ...(Object.values(correspondance.colonnes) as number[])]);
  const libres = entetes.filter((e, i) => !prises.has(i) && !(e in (options.large?.indicateurs ?? {})));
  return suggererIndicateurs(libres, [...ref.catalogue.values()]);
}

function correspondanceVerifiee(tableau: Tableau, options: OptionsImport, ref: Referentiels) {
  const profil = correspondanceProfil(tableau, options, ref);
  if (profil) return profil;
  const correspondance = proposerCorrespondance(tableau, options, ref.indicateurs);
  if (correspondance.mode === 'large' && correspondance.indicateursParColonne.size === 0)
    throw invalide(
      'Aucune colonne reconnue : il faut une colonne « indicateur » et une colonne « valeur », ou des colonnes portant des codes d’indicateurs du catalogue.',
    );
  if (correspondance.colonnes.territoireCode === undefined && correspondance.mode !== 'dhis2')
    throw invalide(
      'Colonne du code de territoire introuvable (code_insee, codgeo, territoire_code…) : indiquez-la dans la correspondance des colonnes.',
    );
  return correspondance;
}

interface Bilan {
  lignes: number;
  valeurs: number;
  rejets: Rejet[];
  indicateurs: Set<string>;
  echelles: EchelleLue[];
  secrets?: number;
  manquantes?: number;
}

/**
 * Reads and checks the rows one by one and yields each valid value, counting rows, values and rejections in `bilan`.
 * Duplicates are not looked for: the direct path leaves them to the unique index (which then sends the import to
 * `analyser`, which reports them).
 */
async function* valeursLues(
  tableau: Tableau,
  correspondance: ReturnType<typeof correspondanceVerifiee>,
  options: OptionsImport,
  ref: Referentiels,
  bilan: Bilan,
  progression?: Progression,
) {
  for await (const ligne of tableau.lignes()) {
    bilan.lignes++;
    if (bilan.lignes % 5_000 === 0) {
      await progression?.(bilan.lignes);
      // Parsing is CPU work: let the server answer other requests between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lu = lireLigneSelonProfil(ligne, correspondance, options, ref, tableau.entetes);
    if (lu.rejets.length) bilan.rejets.push(...lu.rejets);
    if (lu.echelles?.length) bilan.echelles.push(...lu.echelles);
    for (const v of lu.valeurs) {
      bilan.valeurs++;
      bilan.indicateurs.add(v.indicateur);
      if (v.valeur.nature === 'masquee') bilan.secrets = (bilan.secrets ?? 0) + 1;
      if (v.valeur.nature === 'manquante') bilan.manquantes = (bilan.manquantes ?? 0) + 1;
      yield v;
    }
  }
}

/** Reads and checks every row; keeps valid values in memory and every rejection with its reason. */
async function analyser(tableau: Tableau, options: OptionsImport, ref: Referentiels, progression?: Progression) {
  const correspondance = correspondanceVerifiee(tableau, options, ref);
  const valeurs: ValeurImportee[] = [];
  const rejets: Rejet[] = [];
  const vues = new Map<string, number>();
  const echelles: EchelleLue[] = [];
  let lignes = 0;
  for await (const ligne of tableau.lignes()) {
    lignes++;
    if (lignes % 5_000 === 0) {
      await progression?.(lignes);
      // Parsing is CPU work: let the server answer other requests between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lu = lireLigneSelonProfil(ligne, correspondance, options, ref, tableau.entetes);
    rejets.push(...lu.rejets);
    if (lu.echelles?.length) echelles.push(...lu.echelles);
    for (const v of lu.valeurs) {
      const cle = `${v.indicateur}|${v.territoireType}|${v.territoireCode}|${v.periode}|${v.source}`;
      const deja = vues.get(cle);
      if (deja !== undefined)
        rejets.push({ ligne: v.ligne, raison: `Doublon de la ligne ${deja} (même indicateur, territoire, période et source).` });
      else {
        vues.set(cle, v.ligne);
        valeurs.push(v);
      }
    }
  }
  return { correspondance, valeurs, rejets, lignes, echelles };
}

type Progression = (lignesLues: number) => Promise<void>;

/**
 * A background import's progress, in its row (outside its transaction, so that any server process reads it), at
 * most once a second. Awaited by the reader: no write is still on its way when the import's transaction ends.
 */
function progressionEnBase(db: Queryable, importId: string): Progression {
  let derniere = 0;
  return async (n) => {
    if (Date.now() - derniere < 1000) return;
    derniere = Date.now();
    await db.query('update imports_valeurs set lignes_traitees = $2 where id = $1 and etat = $3', [importId, n, 'en_cours']);
  };
}

async function executer(
  ctx: Contexte,
  utilisateur: Utilisateur,
  importId: string,
  tableau: Tableau,
  options: OptionsImport,
  nomFichier: string,
  dryRun: boolean,
  ligneExistante = false,
): Promise<RapportImport> {
  const ref = await referentiels(ctx.db);
  const correspondance = correspondanceVerifiee(tableau, options, ref);
  const progression = ligneExistante ? progressionEnBase(ctx.db, importId) : undefined;
  const rapport: RapportImport = {
    importId: dryRun ? null : importId,
    nomFichier,
    format: tableau.format,
    encodage: tableau.encodage,
    separateur: tableau.separateur,
    mode: correspondance.mode,
    tiret: options.tiret,
    dryRun,
    applique: false,
    lignesLues: 0,
    valeursValides: 0,
    rejetees: 0,
    rejets: [],
    colonnesIgnorees: correspondance.colonnesIgnorees,
    avertissements: [],
    indicateurs: [],
    creees: 0,
    modifiees: 0,
    inchangees: 0,
    secrets: 0,
    manquantes: 0,
  };
  const completer = (b: Bilan, creees: number, modifiees: number) =>
    Object.assign(rapport, {
      lignesLues: b.lignes,
      valeursValides: b.valeurs,
      rejetees: b.rejets.length,
      rejets: b.rejets.slice(0, REJETS_DETAILLES_MAX),
      indicateurs: [...b.indicateurs].sort(),
      creees,
      modifiees,
      inchangees: b.valeurs - creees - modifiees,
      secrets: b.secrets ?? 0,
      manquantes: b.manquantes ?? 0,
      avertissements: avertissementsEchelle(correspondance, tableau.entetes, ref, b.echelles),
    });
  // All or nothing, and a dry run is the same run rolled back: its figures are those of the real import.
  await enTransaction(ctx.db, async (tx) => {
    if (!ligneExistante)
      await tx.query(`insert into imports_valeurs (id, nom_fichier, format, options, cree_par) values ($1, $2, $3, $4, $5)`, [
        importId,
        nomFichier,
        tableau.format,
        options,
        utilisateur.libelle,
      ]);
    // Direct path: when every value is new, they go into `valeurs` as the file is read. Otherwise (or with a duplicate),
    // the checked path reads the file again and merges.
    const direct: Bilan = { lignes: 0, valeurs: 0, rejets: [], indicateurs: new Set(), echelles: [] };
    const copiees = await copierSiNouvelles(
      tx,
      valeursLues(tableau, correspondance, options, ref, direct, progression),
      importId,
      options.tiret,
    );
    if (copiees !== null) completer(direct, copiees, 0);
    else {
      const { valeurs, rejets, lignes, echelles } = await analyser(tableau, options, ref, progression);
      const { creees, modifiees } = await appliquerValeurs(tx, valeurs, importId, options.tiret);
      completer(
        {
          lignes,
          valeurs: valeurs.length,
          rejets,
          indicateurs: new Set(valeurs.map((v) => v.indicateur)),
          echelles,
          secrets: valeurs.filter((v) => v.valeur.nature === 'masquee').length,
          manquantes: valeurs.filter((v) => v.valeur.nature === 'manquante').length,
        },
        creees,
        modifiees,
      );
    }
    if (rapport.rejetees || dryRun) throw new AnnulerImport();
    rapport.applique = true;
    await tx.query(
      `update imports_valeurs set etat = 'termine', lignes_total = $2, lignes_traitees = $2, rapport = $3, termine_le = now() where id = $1`,
      [importId, rapport.lignesLues, rapport],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'import_valeurs',
      entiteId: importId,
      action: 'import',
      apres: {
        nomFichier,
        valeurs: rapport.valeursValides,
        creees: rapport.creees,
        modifiees: rapport.modifiees,
        indicateurs: rapport.indicateurs,
      },
    });
  }).catch((e) => {
    if (!(e instanceof AnnulerImport)) throw e;
  });
  if (rapport.rejetees) Object.assign(rapport, await nonCorrespondantsDe(tableau));
  return rapport;
}

class AnnulerImport extends Error {}

/**
 * Imports a file of values. Small files answer with the report; large ones start in the background (202) and are
 * followed with `etatImport`. With any rejected row nothing is written.
 */
export async function importerValeurs(
  ctx: Contexte,
  utilisateur: Utilisateur,
  fichier: { nom: string; contenu: Buffer },
  optionsBrutes: unknown,
  dryRun: boolean,
) {
  exiger(utilisateur, 'creer', { type: 'catalogue' });
  const options = lireOptions(optionsBrutes);
  const tableau = await preparerDhis2(ctx.db, utilisateur, await ouvrir(fichier.nom, fichier.contenu), options);
  const importId = crypto.randomUUID();
  const estime = fichier.contenu.length / 40; // rows, roughly: a value line is about 40 bytes
  if (estime > SEUIL_ARRIERE_PLAN) {
    // The file waits in the import's row; the job is sent in the same transaction: both exist, or neither.
    // Any server process may take the job (src/taches.ts); a large dry run runs there too.
    await enTransaction(ctx.db, async (tx) => {
      await tx.query(
        `insert into imports_valeurs (id, nom_fichier, format, options, cree_par, lignes_total, fichier) values ($1, $2, $3, $4, $5, $6, $7)`,
        [importId, fichier.nom, tableau.format, options, utilisateur.libelle, Math.round(estime), fichier.contenu],
      );
      await ctx.taches.envoyer(TACHE_IMPORT_VALEURS, { importId, utilisateur, dryRun } satisfies DonneesImportEnFond, tx);
    });
    return { arrierePlan: true as const, importId };
  }
  return { arrierePlan: false as const, rapport: await executer(ctx, utilisateur, importId, tableau, options, fichier.nom, dryRun) };
}

export async function etatImport(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  exiger(utilisateur, 'creer', { type: 'catalogue' });
  const { rows } = await ctx.db.query(
    `select id, nom_fichier as "nomFichier", format, etat, lignes_total as "lignesTotal", lignes_traitees as "lignesTraitees", rapport,
       cree_par as "creePar", cree_le as "creeLe", termine_le as "termineLe" from imports_valeurs where id = $1`,
    [id],
  );
  if (!rows[0]) throw introuvable('Cet import n’existe pas.');
  return rows[0];
}

export const TACHE_IMPORT_VALEURS = 'import-valeurs';
export interface DonneesImportEnFond {
  importId: string;
  /** Who sent the file: permissions were checked then; the audit names them. */
  utilisateur: Utilisateur;
  dryRun: boolean;
}

/** The job of a large import, in whichever server process took it: reads the file from its row, imports, reports. */
export async function executerImportEnFond(ctx: Contexte, { importId, utilisateur, dryRun }: DonneesImportEnFond) {
  const { rows } = await ctx.db.query(
    `select nom_fichier as "nomFichier", options, fichier from imports_valeurs where id = $1 and etat = 'en_cours'`,
    [importId],
  );
  if (!rows[0]?.fichier) return; // already closed (an interrupted job's row is failed before the job)
  const { nomFichier, options, fichier } = rows[0];
  try {
    const rapport = await executer(
      ctx,
      utilisateur,
      importId,
      await preparerDhis2(ctx.db, utilisateur, await ouvrir(nomFichier, fichier), optionsImportSchema.parse(options)),
      optionsImportSchema.parse(options),
      nomFichier,
      dryRun,
      true,
    );
    await ctx.db.query(
      `update imports_valeurs set etat = $2, rapport = $3, lignes_traitees = $4, termine_le = now(), fichier = null where id = $1`,
      [importId, rapport.applique || (dryRun && rapport.rejetees === 0) ? 'termine' : 'echoue', rapport, rapport.lignesLues],
    );
  } catch (e) {
    await ctx.db.query(`update imports_valeurs set etat = 'echoue', rapport = $2, termine_le = now(), fichier = null where id = $1`, [
      importId,
      { erreur: e instanceof ErreurMetier ? e.message : 'Erreur interne' },
    ]);
    if (!(e instanceof ErreurMetier)) throw e;
  }
}

/** The server that ran the job stopped before the end: its transaction was rolled back, nothing was written. */
export async function importInterrompu(ctx: Contexte, { importId }: DonneesImportEnFond) {
  await ctx.db.query(
    `update imports_valeurs set etat = 'echoue', termine_le = now(), fichier = null,
       rapport = jsonb_build_object('erreur', 'Import interrompu : le serveur qui le traitait s’est arrêté. Rien n’a été enregistré ; relancez l’import.')
     where id = $1 and etat = 'en_cours'`,
    [importId],
  );
}

/** The demo and the bench load files through the same reading and merging as users, without a user. */
export async function importerSansUtilisateur(tx: Queryable, fichier: { nom: string; contenu: Buffer }, optionsBrutes: unknown) {
  const options = optionsImportSchema.parse(optionsBrutes ?? {});
  const tableau = await preparerDhis2(tx, null, await lireFichier(fichier.nom, fichier.contenu), options);
  const { valeurs, rejets } = await analyser(tableau, options, await referentiels(tx));
  if (rejets.length)
    throw new Error(
      `${fichier.nom} : ${pluriel(rejets.length, 'ligne rejetée', 'lignes rejetées')}, dont ligne ${rejets[0].ligne} : ${rejets[0].raison}`,
    );
  const importId = crypto.randomUUID();
  await tx.query(
    `insert into imports_valeurs (id, nom_fichier, format, options, cree_par, etat, termine_le) values ($1, $2, $3, $4, 'Système', 'termine', now())`,
    [importId, fichier.nom, tableau.format, options],
  );
  return appliquerValeurs(tx, valeurs, importId, options.tiret);
}
