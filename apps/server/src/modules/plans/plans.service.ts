import type { Contexte, Utilisateur } from '../../platform/contexte';
import { introuvable } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/lecture.service';
import * as fiches from '../fiches/fiches.service';
import { formatMaillage } from './format-maillage';
import { formatTet } from './format-tet';
import { ecrireCsv, ecrireXlsx, nomDeFichier, type FeuilleEcrite } from './tableur';

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
export async function exporterPlan(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
  format: 'maillage' | 'tet',
  type: 'xlsx' | 'csv',
) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const contrat = await contrats.lireContrat(ctx.db, contratId);
  if (!contrat) throw introuvable('Ce contrat n’existe pas.');
  const liste = await fiches.fichesCompletes(ctx.db, contratId);
  const ids = liste.flatMap((f) =>
    f.partenaires.flatMap((p: { organisationId?: string | null }) => (p.organisationId ? [p.organisationId] : [])),
  );
  const noms = new Map((await contrats.organisationsParIds(ctx.db, [...new Set(ids)])).map((o) => [o.id, o.nom]));
  const plan = format === 'tet' ? formatTet : formatMaillage;
  const lignes = liste.flatMap((f) => plan.ecrire(f, noms));
  if (type === 'csv')
    return {
      contenu: ecrireCsv(
        plan.colonnes.map((c) => c.entete),
        lignes,
      ),
      nom: nomDeFichier(contrat.intitule, 'csv'),
      type: TYPE_CSV,
    };
  const feuilles: FeuilleEcrite[] = [{ nom: plan.feuille, groupes: plan.groupes, colonnes: plan.colonnes, lignes }];
  if (format === 'maillage') feuilles.push(feuilleAxes(await contrats.axesDuContrat(ctx.db, contratId)));
  return {
    contenu: await ecrireXlsx(feuilles),
    nom: nomDeFichier(contrat.intitule, 'xlsx', format === 'tet' ? '-territoires-en-transitions' : ''),
    type: TYPE_XLSX,
  };
}
