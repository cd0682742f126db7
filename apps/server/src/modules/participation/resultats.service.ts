import { pourcentage, TRANCHES_AGE, TYPES_QUESTION, TYPES_TEXTE, type TypeQuestion } from '@maillage/domain';
import type { QuestionVue, ResultatQuestion, ResultatsConsultation } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { acteurDe } from '../../platform/contexte';
import { nomDeFichier } from '../../platform/nom-fichier';
import { ecrireCsv, ecrireXlsx } from '../plans/tableur';
import * as repository from './consultations.repository';
import { exigerSurConsultation } from './consultations.service';
import * as queries from './participation.queries';
import * as depot from './resultats.repository';

/**
 * Results of a consultation (issue 20 item 1): per question, how many people gave each answer and their share of the
 * people who answered that question; mean and median of a scale; the free texts. Internal to the contract's readers:
 * small counts are shown, but nothing dates an answer finer than its day.
 */

type Sujet = Utilisateur | null;

/** The possible values of a question in their order, with their label (zero counts included, except communes). */
function valeursPossibles(q: QuestionVue, communes: Map<string, string>, vues: Map<string, number> | undefined): [string, string][] {
  switch (q.type as TypeQuestion) {
    case 'choix_unique':
    case 'choix_multiple':
      return (q.choix ?? []).map((c) => [c, c]);
    case 'echelle': {
      const { min, max, libelleMin, libelleMax } = q.echelle ?? { min: 1, max: 5 };
      return Array.from({ length: max - min + 1 }, (_, i) => {
        const v = String(min + i);
        const bout = i === 0 ? libelleMin : min + i === max ? libelleMax : null;
        return [v, bout ? `${v} (${bout})` : v];
      });
    }
    case 'tranche_age':
      return Object.entries(TRANCHES_AGE);
    case 'commune':
      // Only the communes someone named, most named first: a territory has dozens.
      return [...(vues ?? new Map())]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code]) => [code, communes.get(code) ?? code]);
    default:
      return [];
  }
}

async function calculer(ctx: Contexte, consultation: repository.ConsultationLue) {
  const id = consultation.id;
  const [sections, comptes, textes, jours, contrat] = await Promise.all([
    repository.lireQuestionnaire(ctx.db, id),
    depot.compter(ctx.db, id),
    depot.textes(ctx.db, id),
    depot.parJour(ctx.db, id),
    queries.contratEtCommunes(ctx.db, consultation.contratId),
  ]);
  const communes = new Map((contrat?.communes ?? []).map((c) => [c.code, c.libelle]));
  const questions: ResultatQuestion[] = sections.flatMap((s) =>
    s.questions.map((q) => {
      const repondants = comptes.repondants.get(q.id) ?? 0;
      const vues = comptes.parValeur.get(q.id);
      const echelle = comptes.echelles.get(q.id);
      return {
        question: q,
        section: s.titre,
        repondants,
        repartition: valeursPossibles(q, communes, vues).map(([valeur, libelle]) => {
          const nombre = vues?.get(valeur) ?? 0;
          return { valeur, libelle, nombre, pourcentage: pourcentage(nombre, repondants) };
        }),
        moyenne: echelle?.moyenne ?? null,
        mediane: echelle?.mediane ?? null,
        textes: TYPES_TEXTE.includes(q.type as TypeQuestion)
          ? textes.filter((t) => t.questionId === q.id).map(({ questionId: _q, ...t }) => t)
          : [],
      };
    }),
  );
  return { consultation, nombreReponses: consultation.nombreReponses, parJour: jours, questions, communes };
}

export async function resultatsConsultation(ctx: Contexte, utilisateur: Sujet, id: string): Promise<ResultatsConsultation> {
  const { consultation: lue } = await exigerSurConsultation(ctx.db, utilisateur, 'lire', id);
  const { communes: _c, ...r } = await calculer(ctx, lue);
  const { enCours: _e, aVenir: _a, introduction: _i, ...consultation } = r.consultation;
  return { ...r, consultation };
}

/** XLSX: a summary sheet and one row per answer; CSV: the answers only (one row each), as French Excel reads it. */
export async function exporterResultats(ctx: Contexte, utilisateur: Sujet, id: string, format: 'xlsx' | 'csv') {
  const { consultation } = await exigerSurConsultation(ctx.db, utilisateur, 'lire', id);
  const [r, lignes] = await Promise.all([calculer(ctx, consultation), depot.reponsesCompletes(ctx.db, id)]);
  const questions = r.questions.map((x) => x.question);
  const libelleDe = (q: QuestionVue, v: string) =>
    q.type === 'commune' ? (r.communes.get(v) ?? v) : q.type === 'tranche_age' ? (TRANCHES_AGE[v as keyof typeof TRANCHES_AGE] ?? v) : v;
  const entetes = ['Réponse', 'Jour', ...questions.map((q) => q.libelle)];
  const reponses = lignes.map((l, i) => [
    i + 1,
    new Date(`${l.jour}T00:00:00Z`),
    ...questions.map((q) => {
      const valeurs = l.valeurs.filter((v) => v.q === q.id).map((v) => v.v);
      if (q.type === 'echelle') return valeurs.length ? Number(valeurs[0]) : null;
      // Ticked options in the questionnaire's order.
      const rang = (v: string) => q.choix?.indexOf(v) ?? 0;
      return valeurs
        .sort((a, b) => rang(a) - rang(b))
        .map((v) => libelleDe(q, v))
        .join(' ; ');
    }),
  ]);
  const nom = nomDeFichier('resultats', r.consultation.titre, format);
  if (utilisateur)
    await auditer(ctx.db, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action: 'export',
      apres: { titre: r.consultation.titre, format },
      contexte: { contratId: r.consultation.contratId },
    });
  if (format === 'csv') return { nom, typeMime: 'text/csv; charset=utf-8', contenu: ecrireCsv(entetes, reponses) };
  const synthese = r.questions.flatMap((x) => [
    ...x.repartition.map((l) => [x.section ?? '', x.question.libelle, TYPES_QUESTION[x.question.type], l.libelle, l.nombre, l.pourcentage]),
    ...(x.moyenne !== null
      ? [
          [x.section ?? '', x.question.libelle, TYPES_QUESTION[x.question.type], 'Moyenne', x.moyenne, null],
          [x.section ?? '', x.question.libelle, TYPES_QUESTION[x.question.type], 'Médiane', x.mediane, null],
        ]
      : []),
    ...(x.textes.length
      ? [[x.section ?? '', x.question.libelle, TYPES_QUESTION[x.question.type], 'Réponses libres', x.textes.length, null]]
      : []),
  ]);
  const contenu = await ecrireXlsx([
    {
      nom: 'Synthèse',
      colonnes: [
        { entete: 'Section', largeur: 20 },
        { entete: 'Question', largeur: 40 },
        { entete: 'Type', largeur: 16 },
        { entete: 'Réponse', largeur: 30 },
        { entete: 'Nombre', largeur: 10 },
        { entete: 'Part des répondants à la question (%)', largeur: 16 },
      ],
      lignes: synthese,
    },
    {
      nom: 'Réponses',
      colonnes: entetes.map((entete, i) => ({
        entete,
        largeur: i === 0 ? 10 : i === 1 ? 12 : 30,
        ...(i === 1 && { format: 'date' as const }),
      })),
      lignes: reponses,
    },
  ]);
  return { nom, typeMime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contenu };
}
