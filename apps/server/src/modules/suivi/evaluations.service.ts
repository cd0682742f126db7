import {
  APPRECIATIONS,
  CRITERES_EVALUATION,
  formaterDate,
  formaterNombre,
  libellePeriodeSuivi,
  TYPES_EVALUATION,
  type EvaluationSaisie,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { rattacherEvaluationOrigine, renouveler } from '../contrats/renouvellement.service';
import { rendreDocument, type Format } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { avancementContrat } from './avancement.service';
import * as queries from './evaluations.queries';
import * as repository from './evaluations.repository';

async function charger(db: Queryable, id: string, verrouiller = false) {
  const evaluation = await repository.lireEvaluation(db, id, verrouiller);
  if (!evaluation) throw introuvable('Cette évaluation n’existe pas.');
  return evaluation;
}

/**
 * Evidence must belong to the evaluated contract: a validated follow-up value (only validated values count), a
 * verbatim of its diagnostic, or one of its documents. Each unknown one is named by its place in the form.
 */
async function verifierPreuves(db: Queryable, contratId: string, s: EvaluationSaisie) {
  const ids = (type: string) => s.questions.flatMap((q) => q.preuves.filter((p) => p.type === type).map((p) => p.id));
  const connues = await queries.preuvesDuContrat(db, contratId, {
    valeur: ids('valeur'),
    verbatim: ids('verbatim'),
    document: ids('document'),
  });
  const erreurs = s.questions.flatMap((q, n) =>
    q.preuves.flatMap((p, m) =>
      connues.has(p.id)
        ? []
        : [
            {
              champ: `questions.${n}.preuves.${m}`,
              message:
                p.type === 'valeur'
                  ? 'Valeur de suivi inconnue ou non validée dans ce contrat'
                  : p.type === 'verbatim'
                    ? 'Verbatim inconnu dans ce contrat'
                    : 'Document inconnu dans ce contrat',
            },
          ],
    ),
  );
  if (erreurs.length) throw invalide('Certaines preuves ne se rattachent pas à ce contrat.', erreurs);
}

export async function listerEvaluations(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return repository.evaluationsDuContrat(ctx.db, contratId);
}

/** The evaluation with its evidence resolved to what a reader needs (value, verbatim, document name). */
export async function obtenirEvaluation(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const evaluation = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', evaluation.contratId);
  return { ...evaluation, preuves: await preuvesDe(ctx.db, evaluation) };
}

async function preuvesDe(db: Queryable, evaluation: { questions: EvaluationSaisie['questions'] }) {
  const ids = evaluation.questions.flatMap((q) => q.preuves.map((p) => p.id));
  const { valeurs, verbatims, documents } = await queries.contenuDesPreuves(db, ids);
  const resume: Record<string, { type: string; texte: string }> = {};
  for (const v of valeurs)
    resume[v.id] = {
      type: 'valeur',
      texte: `Fiche ${v.ficheNumero} — ${v.libelle}, ${libellePeriodeSuivi(v.periode)} : ${formaterNombre(v.valeur ?? 0, v.pourcentage ? 1 : 2)}${v.pourcentage ? ` % (${formaterNombre(v.numerateur)} / ${formaterNombre(v.denominateur)})` : v.unite ? ` ${v.unite}` : ''}`,
    };
  for (const v of verbatims) resume[v.id] = { type: 'verbatim', texte: `« ${v.texte} » — ${v.locuteur}` };
  for (const d of documents) resume[d.id] = { type: 'document', texte: `Document : ${d.nom}` };
  return resume;
}

export async function creerEvaluation(ctx: Contexte, utilisateur: Utilisateur, contratId: string, s: EvaluationSaisie) {
  // The final evaluation often ends after the contract: a closed contract still receives it (decision 0006).
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'evaluation');
  await verifierPreuves(ctx.db, contratId, s);
  return enTransaction(ctx.db, async (tx) => {
    const id = await repository.creerEvaluation(tx, contratId, s);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'evaluation',
      entiteId: id,
      action: 'creation',
      apres: s as never,
      contexte: { contratId },
    });
    return { id };
  });
}

export async function modifierEvaluation(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number, s: EvaluationSaisie) {
  const courante = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', courante.contratId);
  await verifierPreuves(ctx.db, courante.contratId, s);
  return enTransaction(ctx.db, async (tx) => {
    const avant = await charger(tx, id, true);
    if (avant.version !== version) throw conflit('Cette évaluation a été modifiée entre-temps par quelqu’un d’autre.', avant);
    await repository.modifierEvaluation(tx, id, s);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'evaluation',
      entiteId: id,
      action: 'modification',
      avant,
      apres: s as never,
      contexte: { contratId: avant.contratId },
    });
    return { id, version: version + 1 };
  });
}

export async function supprimerEvaluation(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const courante = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', courante.contratId);
  await enTransaction(ctx.db, async (tx) => {
    await repository.supprimerEvaluation(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'evaluation',
      entiteId: id,
      action: 'suppression',
      avant: courante,
      contexte: { contratId: courante.contratId },
    });
  });
}

/** The evaluation report: context and method, the questions by criterion with judgement and evidence, recommendations. */
export async function rapportEvaluation(ctx: Contexte, utilisateur: Utilisateur | null, id: string, format: Format) {
  const evaluation = await obtenirEvaluation(ctx, utilisateur, id);
  const contrat = (await lireContrat(ctx.db, evaluation.contratId))!;
  const avancement = await avancementContrat(ctx.db, evaluation.contratId);
  const blocs: Bloc[] = [
    {
      type: 'couverture',
      surtitre: TYPES_EVALUATION[evaluation.type as keyof typeof TYPES_EVALUATION],
      titre: evaluation.intitule,
      lignes: [
        contrat.intitule,
        ...(evaluation.evaluateur ? [`Évaluation conduite par ${evaluation.evaluateur}`] : []),
        ...(evaluation.dateRapport ? [`Rapport du ${formaterDate(evaluation.dateRapport)}`] : []),
        ...(evaluation.terminee ? [] : ['Document de travail : évaluation en cours']),
      ],
    },
  ];
  if (evaluation.synthese) blocs.push({ type: 'titre', niveau: 1, texte: 'Synthèse' }, { type: 'paragraphe', texte: evaluation.synthese });
  if (evaluation.methode) blocs.push({ type: 'titre', niveau: 1, texte: 'Méthode' }, { type: 'paragraphe', texte: evaluation.methode });
  blocs.push(
    { type: 'titre', niveau: 1, texte: 'Réalisation du plan d’action' },
    {
      type: 'paragraphe',
      texte: `Avancement global : ${avancement.avancement === null ? 'non mesuré' : `${formaterNombre(avancement.avancement)} %`} sur ${avancement.fiches} fiches-action (valeurs validées et statuts).`,
    },
    {
      type: 'tableau',
      entetes: ['Axe', 'Avancement'],
      lignes: avancement.axes.map((a) => [
        `${a.numero}. ${a.intitule}`,
        a.avancement === null ? 'non mesuré' : `${formaterNombre(a.avancement)} %`,
      ]),
    },
  );
  blocs.push({ type: 'titre', niveau: 1, texte: 'Questions évaluatives' });
  for (const [critere, libelle] of Object.entries(CRITERES_EVALUATION)) {
    const questions = (evaluation.questions as EvaluationSaisie['questions']).filter((q) => q.critere === critere);
    if (!questions.length) continue;
    blocs.push({ type: 'titre', niveau: 2, texte: libelle });
    for (const q of questions) {
      blocs.push({ type: 'titre', niveau: 3, texte: q.question });
      if (q.appreciation) blocs.push({ type: 'paragraphe', texte: `Appréciation : ${APPRECIATIONS[q.appreciation]}` });
      blocs.push({ type: 'paragraphe', texte: q.jugement || 'Jugement non encore formulé.', italique: !q.jugement });
      const preuves = q.preuves.map((p) => evaluation.preuves[p.id]?.texte).filter((t): t is string => !!t);
      if (preuves.length) blocs.push({ type: 'paragraphe', texte: 'Éléments de preuve :' }, { type: 'liste', elements: preuves });
    }
  }
  const recommandations = evaluation.recommandations as EvaluationSaisie['recommandations'];
  if (recommandations.length)
    blocs.push(
      { type: 'titre', niveau: 1, texte: 'Recommandations' },
      {
        type: 'liste',
        elements: recommandations.map(
          (r, n) =>
            `${n + 1}. ${r.texte}${r.priorite ? ` (priorité ${r.priorite === 'haute' ? 'élevée' : r.priorite === 'basse' ? 'faible' : 'moyenne'})` : ''}`,
        ),
      },
    );
  const participants = evaluation.participants as EvaluationSaisie['participants'];
  if (participants.length)
    blocs.push(
      { type: 'titre', niveau: 1, texte: 'Participants' },
      {
        type: 'tableau',
        entetes: ['Nom', 'Organisation', 'Rôle'],
        lignes: participants.map((p) => [p.nom, p.organisation ?? '', p.role ?? '']),
      },
    );
  return rendreDocument({ titre: evaluation.intitule, blocs }, format, 'evaluation', contrat.intitule);
}

/**
 * "Préparer le renouvellement": generation N+1 as a draft, with the fiches chosen (by default those not done or
 * abandoned), and the evaluation's recommendations written into its context, in one transaction.
 */
export async function preparerRenouvellement(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  choix: { ficheIds?: string[] | null; intitule?: string | null },
) {
  const evaluation = await charger(ctx.db, id);
  const ficheIds = choix.ficheIds ?? (await queries.fichesEnCours(ctx.db, evaluation.contratId));
  const recommandations = evaluation.recommandations as EvaluationSaisie['recommandations'];
  return renouveler(ctx, utilisateur, evaluation.contratId, { ficheIds, intitule: choix.intitule }, async (tx, nouveauId) => {
    const texte = recommandations.length
      ? `Recommandations de l’${TYPES_EVALUATION[evaluation.type as keyof typeof TYPES_EVALUATION].toLowerCase()} « ${evaluation.intitule} » :\n${recommandations.map((r, n) => `${n + 1}. ${r.texte}`).join('\n')}`
      : null;
    await rattacherEvaluationOrigine(tx, nouveauId, id, texte);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'evaluation',
      entiteId: id,
      action: 'renouvellement',
      apres: { contratId: nouveauId, recommandations: recommandations.length },
      contexte: { contratId: evaluation.contratId },
    });
  });
}
