import { can } from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { formatMaillage } from './format-maillage';
import { formatTet } from './format-tet';
import { appliquerImport, type Rapport, type Tableau } from './import-plan';
import { creerImportPlan, importEnAttente, lireImportPlan, noterAvancement, terminerImportPlan } from './imports-plans.repository';
import { clesEntetes } from './plan-format';
import { lireFichier, type Feuille } from './tableur';

/**
 * Plan imports (decision 0010, 0013). A file of up to SEUIL_TACHE rows is imported in the request and answered with
 * its report, as before; a larger one is stored with a job (pg-boss) in one transaction and answered 202: any server
 * process takes the job, writes its progress and report in `imports_plans`, and any process answers the progress
 * route. Either way the import itself is one transaction: all or nothing.
 */

/** Beyond this many rows (a few seconds of work) the import runs as a job. A CLS plan has a few dozen fiches. */
export const SEUIL_TACHE = 500;
export const TACHE_IMPORT_PLAN = 'import-plan';

export interface DonneesImportPlan {
  importId: string;
  /** Who sent the file: permissions were checked then, the services check them again, the audit names them. */
  utilisateur: Utilisateur;
}

async function exigerImporteur(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  if (!utilisateur || !can(utilisateur, 'creer', { type: 'fiche', contrat: ref, piloteOrganisationIds: [], partenaireOrganisationIds: [] }))
    throw interdit();
}

/** The header row, wherever it is: the first row, in the first sheet that has one, that a format recognises. */
function reconnaitre(feuilles: Feuille[]): Tableau {
  for (const feuille of feuilles)
    for (const [i, ligne] of feuille.lignes.slice(0, 30).entries()) {
      const cles = clesEntetes(ligne.cellules);
      const format = [formatTet, formatMaillage].find((f) => f.reconnait(cles));
      if (format) return { format, entetes: ligne.cellules, lignes: feuille.lignes.slice(i + 1) };
    }
  throw invalide(
    'Aucune ligne d’en-têtes reconnue : envoyez un plan exporté de Maillage (colonnes « Numéro », « Intitulé »…) ' +
      'ou un plan au format d’import de Territoires en Transitions (colonnes « Axe (x) », « Titre de l’action »…).',
  );
}

/** The refusal of a file with rejected rows (422, the report with it), or null. */
function refusDe(rapport: Rapport): ErreurMetier | null {
  const rejets = rapport.lignes.filter((l) => l.statut === 'rejete');
  if (!rejets.length) return null;
  return new ErreurMetier(
    422,
    'Import refusé',
    `${rejets.length} ligne${rejets.length > 1 ? 's' : ''} rejetée${rejets.length > 1 ? 's' : ''} : rien n’a été enregistré. ` +
      rejets
        .slice(0, 5)
        .map((l) => `Ligne ${l.ligne} — ${l.raison}`)
        .join(' ; ') +
      (rejets.length > 5 ? ' ; …' : ''),
    { rapport, erreurs: rejets.map((l) => ({ champ: `ligne ${l.ligne}`, message: l.raison ?? 'rejetée' })) },
  );
}

const ANNULATION = Symbol('annulation');

/**
 * One transaction, rolled back for a dry run or when any row is rejected, so that a dry run reports exactly what a
 * real run would do. `applique` runs inside it, after the import: what it writes exists if and only if the import does.
 */
async function importerTout(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  tableau: Tableau,
  options: {
    fichier: string;
    dryRun: boolean;
    progression?: (n: number) => Promise<void>;
    applique?: (tx: Queryable, rapport: Rapport) => Promise<void>;
  },
): Promise<Rapport> {
  let rapport!: Rapport;
  await enTransaction(ctx.db, async (tx) => {
    rapport = await appliquerImport(ctx, utilisateur, contratId, tx, tableau, options);
    if (!rapport.applique) throw ANNULATION;
    await options.applique?.(tx, rapport);
  }).catch((e) => {
    if (e !== ANNULATION) throw e;
  });
  return rapport;
}

export type ResultatImportPlan = { arrierePlan: false; rapport: Rapport } | { arrierePlan: true; importId: string };

/**
 * Imports a plan into a contract, all or nothing. The file is read and its header recognised here, so that an
 * unreadable or oversized file is refused at once (400, 413) whatever its size; a rejected row answers 422 with the
 * report (a small file) or fails the job with it (a large one).
 */
export async function importerPlan(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  fichier: { nom: string; contenu: Buffer },
  dryRun: boolean,
): Promise<ResultatImportPlan> {
  await exigerImporteur(ctx, utilisateur, contratId);
  const tableau = reconnaitre(await lireFichier(fichier.contenu, fichier.nom));
  if (tableau.lignes.length > SEUIL_TACHE) {
    const importId = crypto.randomUUID();
    // The row (with its file) and the job in one transaction: both exist, or neither.
    await enTransaction(ctx.db, async (tx) => {
      await creerImportPlan(tx, {
        id: importId,
        contratId,
        nomFichier: fichier.nom,
        dryRun,
        lignesTotal: tableau.lignes.length,
        fichier: fichier.contenu,
        creePar: utilisateur.libelle,
      });
      await ctx.taches.envoyer(TACHE_IMPORT_PLAN, { importId, utilisateur } satisfies DonneesImportPlan, tx);
    });
    // This process takes it now if it is free (any other may take it first): no wait for the next poll.
    ctx.taches.reveiller(TACHE_IMPORT_PLAN);
    return { arrierePlan: true, importId };
  }
  const rapport = await importerTout(ctx, utilisateur, contratId, tableau, { fichier: fichier.nom, dryRun });
  const refus = refusDe(rapport);
  if (refus) throw refus;
  return { arrierePlan: false, rapport };
}

/** Progress at most once a second, awaited: no write is still on its way when the import ends. */
function progressionEnBase(db: Queryable, importId: string) {
  let derniere = 0;
  return async (n: number) => {
    if (Date.now() - derniere < 1000) return;
    derniere = Date.now();
    await noterAvancement(db, importId, n);
  };
}

/** The job of a large import, in whichever server process took it: reads the file from its row, imports, reports. */
export async function executerImportPlanEnFond(ctx: Contexte, { importId, utilisateur }: DonneesImportPlan) {
  const attente = await importEnAttente(ctx.db, importId);
  if (!attente) return; // already closed (an interrupted job's row is failed before its job)
  try {
    const tableau = reconnaitre(await lireFichier(attente.fichier, attente.nomFichier));
    const rapport = await importerTout(ctx, utilisateur, attente.contratId, tableau, {
      fichier: attente.nomFichier,
      dryRun: attente.dryRun,
      progression: progressionEnBase(ctx.db, importId),
      // Written with the fiches: a crash after the commit cannot leave the import « en cours » then failed.
      applique: (tx, r) => terminerImportPlan(tx, importId, { rapport: r, erreur: null }),
    });
    // A dry run or a refused file (rolled back): said now (a no-op after a real import, already closed).
    await terminerImportPlan(ctx.db, importId, { rapport, erreur: refusDe(rapport)?.message ?? null });
  } catch (e) {
    const erreur = e instanceof ErreurMetier ? e.message : 'Erreur interne pendant l’import : rien n’a été enregistré ; relancez l’import.';
    await terminerImportPlan(ctx.db, importId, { rapport: null, erreur });
    if (!(e instanceof ErreurMetier)) throw e;
  }
}

/** The server that ran the job stopped before the end: its transaction was rolled back, nothing was written. */
export async function importPlanInterrompu(ctx: Contexte, { importId }: DonneesImportPlan) {
  await terminerImportPlan(ctx.db, importId, {
    rapport: null,
    erreur: 'Import interrompu : le serveur qui le traitait s’est arrêté. Rien n’a été enregistré ; relancez l’import.',
  });
}

/** Progress, then the report, of a large import: read from the database, so any server process answers it. */
export async function etatImportPlan(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string, importId: string) {
  await exigerImporteur(ctx, utilisateur, contratId);
  const etat = await lireImportPlan(ctx.db, contratId, importId);
  if (!etat) throw introuvable('Cet import de plan n’existe pas.');
  return etat;
}
