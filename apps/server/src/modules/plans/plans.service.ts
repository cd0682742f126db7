import { can } from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { ErreurMetier, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/lecture.service';
import * as fiches from '../fiches/fiches.service';
import { formatMaillage } from './format-maillage';
import { formatTet } from './format-tet';
import { appliquerImport, type Rapport, type Tableau } from './import-plan';
import { clesEntetes } from './plan-format';
import { ecrireCsv, ecrireXlsx, lireFichier, nomDeFichier, type Feuille, type FeuilleEcrite } from './tableur';

export const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TYPE_CSV = 'text/csv; charset=utf-8';

/** The strategy as a second sheet of our export: one row per objectif (or per axe without objectif). */
function feuilleAxes(axes: contrats.AxeLigne[]): FeuilleEcrite {
  return {
    nom: 'Axes',
    colonnes: [
      { entete: 'Axe', largeur: 40 },
      { entete: 'Axe du PRS', largeur: 30 },
      { entete: 'Description de l’axe', largeur: 40 },
      { entete: 'Objectif', largeur: 40 },
      { entete: 'Objectifs opérationnels', largeur: 50 },
    ],
    lignes: axes.flatMap((a, i) => {
      const axe = [`${i + 1}. ${a.intitule}`, a.axePrs, a.description];
      if (!a.objectifs.length) return [[...axe, null, null]];
      return a.objectifs.map((o, j) => [...axe, `${i + 1}.${j + 1}. ${o.intitule}`, o.objectifsOperationnels.join('\n') || null]);
    }),
  };
}

/** Our plan (XLSX or CSV) or TeT's import format (XLSX), for whoever may read the contract. */
export async function exporterPlan(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string, format: 'maillage' | 'tet', type: 'xlsx' | 'csv') {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const contrat = await contrats.lireContrat(ctx.db, contratId);
  if (!contrat) throw introuvable('Ce contrat n’existe pas.');
  const liste = await fiches.fichesCompletes(ctx.db, contratId);
  const ids = liste.flatMap((f) => f.partenaires.flatMap((p: { organisationId?: string | null }) => (p.organisationId ? [p.organisationId] : [])));
  const noms = new Map((await contrats.organisationsParIds(ctx.db, [...new Set(ids)])).map((o) => [o.id, o.nom]));
  const plan = format === 'tet' ? formatTet : formatMaillage;
  const lignes = liste.flatMap((f) => plan.ecrire(f, noms));
  if (type === 'csv') return { contenu: ecrireCsv(plan.colonnes.map((c) => c.entete), lignes), nom: nomDeFichier(contrat.intitule, 'csv'), type: TYPE_CSV };
  const feuilles: FeuilleEcrite[] = [{ nom: plan.feuille, groupes: plan.groupes, colonnes: plan.colonnes, lignes }];
  if (format === 'maillage') feuilles.push(feuilleAxes(await contrats.axesDuContrat(ctx.db, contratId)));
  return { contenu: await ecrireXlsx(feuilles), nom: nomDeFichier(contrat.intitule, 'xlsx', format === 'tet' ? '-territoires-en-transitions' : ''), type: TYPE_XLSX };
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

const ANNULATION = Symbol('annulation');

/**
 * Imports a plan into a contract, all or nothing, in one transaction: rolled back for a dry run or when any row
 * is rejected (422 with the report), so a dry run reports exactly what a real run would do.
 */
export async function importerPlan(ctx: Contexte, utilisateur: Utilisateur, contratId: string, fichier: { nom: string; contenu: Buffer }, dryRun: boolean): Promise<Rapport> {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  if (!can(utilisateur, 'creer', { type: 'fiche', contrat: ref, piloteOrganisationIds: [], partenaireOrganisationIds: [] })) throw interdit();
  const tableau = reconnaitre(await lireFichier(fichier.contenu, fichier.nom));
  let rapport!: Rapport;
  await enTransaction(ctx.db, async (tx) => {
    rapport = await appliquerImport(ctx, utilisateur, contratId, tx, tableau, { dryRun, fichier: fichier.nom });
    if (!rapport.applique) throw ANNULATION;
  }).catch((e) => {
    if (e !== ANNULATION) throw e;
  });
  const rejets = rapport.lignes.filter((l) => l.statut === 'rejete');
  if (rejets.length)
    throw new ErreurMetier(
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
  return rapport;
}
