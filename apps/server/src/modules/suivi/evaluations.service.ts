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
import * as contrats from '../contrats/contrats.repository';
import { renouveler } from '../contrats/renouvellement.service';
import { rendreDocument, type Format } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { avancementContrat } from './avancement.service';

const COLONNES = `id, contrat_id as "contratId", type, intitule, evaluateur, date_rapport as "dateRapport", methode, synthese, questions,
  recommandations, participants, terminee, version, cree_le as "creeLe", modifie_le as "modifieLe"`;

async function charger(db: Queryable, id: string, verrouiller = false) {
  const { rows } = await db.query(`select ${COLONNES} from evaluations where id = $1 ${verrouiller ? 'for update' : ''}`, [id]);
  if (!rows[0]) throw introuvable('Cette évaluation n’existe pas.');
  return rows[0];
}

/**
 * Evidence must belong to the evaluated contract: a validated follow-up value (only validated values count), a
 * verbatim of its diagnostic, or one of its documents. Each unknown one is named by its place in the form.
 */
async function verifierPreuves(db: Queryable, contratId: string, s: EvaluationSaisie) {
  const ids = (type: string) => s.questions.flatMap((q) => q.preuves.filter((p) => p.type === type).map((p) => p.id));
  const [valeurs, verbatims, documents] = await Promise.all([
    db.query(`select v.id from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where i.contrat_id = $1 and v.etat = 'valide' and v.id = any($2)`, [contratId, ids('valeur')]),
    db.query('select id from verbatims where contrat_id = $1 and id = any($2)', [contratId, ids('verbatim')]),
    db.query('select id from documents where contrat_id = $1 and id = any($2)', [contratId, ids('document')]),
  ]);
  const connues = new Set([...valeurs.rows, ...verbatims.rows, ...documents.rows].map((r) => r.id));
  const erreurs = s.questions.flatMap((q, n) =>
    q.preuves.flatMap((p, m) =>
      connues.has(p.id)
        ? []
        : [{ champ: `questions.${n}.preuves.${m}`, message: p.type === 'valeur' ? 'Valeur de suivi inconnue ou non validée dans ce contrat' : p.type === 'verbatim' ? 'Verbatim inconnu dans ce contrat' : 'Document inconnu dans ce contrat' }],
    ),
  );
  if (erreurs.length) throw invalide('Certaines preuves ne se rattachent pas à ce contrat.', erreurs);
}

export async function listerEvaluations(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = await ctx.db.query(`select ${COLONNES} from evaluations where contrat_id = $1 order by cree_le desc`, [contratId]);
  return rows;
}

/** The evaluation with its evidence resolved to what a reader needs (value, verbatim, document name). */
export async function obtenirEvaluation(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const evaluation = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', evaluation.contratId);
  return { ...evaluation, preuves: await preuvesDe(ctx.db, evaluation) };
}

async function preuvesDe(db: Queryable, evaluation: { questions: EvaluationSaisie['questions'] }) {
  const ids = evaluation.questions.flatMap((q) => q.preuves.map((p) => p.id));
  const [valeurs, verbatims, documents] = await Promise.all([
    db.query(
      `select v.id, v.periode, v.valeur, v.numerateur, v.denominateur, i.libelle, i.unite, i.pourcentage, f.numero as "ficheNumero"
       from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id join fiches f on f.id = i.fiche_id where v.id = any($1)`,
      [ids],
    ),
    db.query('select id, texte, locuteur, date_recueil as "dateRecueil" from verbatims where id = any($1)', [ids]),
    db.query('select id, nom from documents where id = any($1)', [ids]),
  ]);
  const resume: Record<string, { type: string; texte: string }> = {};
  for (const v of valeurs.rows)
    resume[v.id] = {
      type: 'valeur',
      texte: `Fiche ${v.ficheNumero} — ${v.libelle}, ${libellePeriodeSuivi(v.periode)} : ${formaterNombre(v.valeur ?? 0, v.pourcentage ? 1 : 2)}${v.pourcentage ? ` % (${formaterNombre(v.numerateur)} / ${formaterNombre(v.denominateur)})` : v.unite ? ` ${v.unite}` : ''}`,
    };
  for (const v of verbatims.rows) resume[v.id] = { type: 'verbatim', texte: `« ${v.texte} » — ${v.locuteur}` };
  for (const d of documents.rows) resume[d.id] = { type: 'document', texte: `Document : ${d.nom}` };
  return resume;
}

export async function creerEvaluation(ctx: Contexte, utilisateur: Utilisateur, contratId: string, s: EvaluationSaisie) {
  // The final evaluation often ends after the contract: a closed contract still receives it (decision 0006).
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'evaluation');
  await verifierPreuves(ctx.db, contratId, s);
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query(
      `insert into evaluations (contrat_id, type, intitule, evaluateur, date_rapport, methode, synthese, questions, recommandations, participants, terminee)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [contratId, ...colonnes(s)],
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'evaluation', entiteId: rows[0].id, action: 'creation', apres: s as never, contexte: { contratId } });
    return { id: rows[0].id as string };
  });
}

const colonnes = (s: EvaluationSaisie) => [
  s.type,
  s.intitule,
  s.evaluateur ?? null,
  s.dateRapport ?? null,
  s.methode ?? null,
  s.synthese ?? null,
  JSON.stringify(s.questions),
  JSON.stringify(s.recommandations),
  JSON.stringify(s.participants),
  s.terminee,
];

export async function modifierEvaluation(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number, s: EvaluationSaisie) {
  const courante = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', courante.contratId);
  await verifierPreuves(ctx.db, courante.contratId, s);
  return enTransaction(ctx.db, async (tx) => {
    const avant = await charger(tx, id, true);
    if (avant.version !== version) throw conflit('Cette évaluation a été modifiée entre-temps par quelqu’un d’autre.', avant);
    await tx.query(
      `update evaluations set type = $2, intitule = $3, evaluateur = $4, date_rapport = $5, methode = $6, synthese = $7, questions = $8,
         recommandations = $9, participants = $10, terminee = $11, version = version + 1, modifie_le = now() where id = $1`,
      [id, ...colonnes(s)],
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'evaluation', entiteId: id, action: 'modification', avant, apres: s as never, contexte: { contratId: avant.contratId } });
    return { id, version: version + 1 };
  });
}

export async function supprimerEvaluation(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const courante = await charger(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', courante.contratId);
  await enTransaction(ctx.db, async (tx) => {
    await tx.query('delete from evaluations where id = $1', [id]);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'evaluation', entiteId: id, action: 'suppression', avant: courante, contexte: { contratId: courante.contratId } });
  });
}

/** The evaluation report: context and method, the questions by criterion with judgement and evidence, recommendations. */
export async function rapportEvaluation(ctx: Contexte, utilisateur: Utilisateur | null, id: string, format: Format) {
  const evaluation = await obtenirEvaluation(ctx, utilisateur, id);
  const contrat = (await contrats.obtenirContrat(ctx.db, evaluation.contratId))!;
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
    { type: 'paragraphe', texte: `Avancement global : ${avancement.avancement === null ? 'non mesuré' : `${formaterNombre(avancement.avancement)} %`} sur ${avancement.fiches} fiches-action (valeurs validées et statuts).` },
    { type: 'tableau', entetes: ['Axe', 'Avancement'], lignes: avancement.axes.map((a) => [`${a.numero}. ${a.intitule}`, a.avancement === null ? 'non mesuré' : `${formaterNombre(a.avancement)} %`]) },
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
    blocs.push({ type: 'titre', niveau: 1, texte: 'Recommandations' }, { type: 'liste', elements: recommandations.map((r, n) => `${n + 1}. ${r.texte}${r.priorite ? ` (priorité ${r.priorite === 'haute' ? 'élevée' : r.priorite === 'basse' ? 'faible' : 'moyenne'})` : ''}`) });
  const participants = evaluation.participants as EvaluationSaisie['participants'];
  if (participants.length)
    blocs.push({ type: 'titre', niveau: 1, texte: 'Participants' }, { type: 'tableau', entetes: ['Nom', 'Organisation', 'Rôle'], lignes: participants.map((p) => [p.nom, p.organisation ?? '', p.role ?? '']) });
  return rendreDocument({ titre: evaluation.intitule, blocs }, format, 'evaluation', contrat.intitule);
}

/**
 * "Préparer le renouvellement": generation N+1 as a draft, with the fiches chosen (by default those not done or
 * abandoned), and the evaluation's recommendations written into its context, in one transaction.
 */
export async function preparerRenouvellement(ctx: Contexte, utilisateur: Utilisateur, id: string, choix: { ficheIds?: string[] | null; intitule?: string | null }) {
  const evaluation = await charger(ctx.db, id);
  const ficheIds =
    choix.ficheIds ?? (await ctx.db.query(`select id from fiches where contrat_id = $1 and statut not in ('realisee', 'abandonnee') order by ordre`, [evaluation.contratId])).rows.map((r) => r.id as string);
  const recommandations = evaluation.recommandations as EvaluationSaisie['recommandations'];
  return renouveler(ctx, utilisateur, evaluation.contratId, { ficheIds, intitule: choix.intitule }, async (tx, nouveauId) => {
    const texte = recommandations.length
      ? `Recommandations de l’${TYPES_EVALUATION[evaluation.type as keyof typeof TYPES_EVALUATION].toLowerCase()} « ${evaluation.intitule} » :\n${recommandations.map((r, n) => `${n + 1}. ${r.texte}`).join('\n')}`
      : null;
    await tx.query(
      `update contrats set evaluation_origine_id = $2, contexte = case when $3::text is null then contexte else concat_ws(E'\\n\\n', contexte, $3::text) end where id = $1`,
      [nouveauId, id, texte],
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'evaluation', entiteId: id, action: 'renouvellement', apres: { contratId: nouveauId, recommandations: recommandations.length }, contexte: { contratId: evaluation.contratId } });
  });
}
