import { formaterDate, NIVEAUX_REPONSE, STATUTS_ACTION_PLAN, type NiveauReponse } from '@maillage/domain';
import type { ContenuPlan, PlanVersionVue } from '@maillage/domain/api';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { introuvable } from '../../platform/errors';
import { rendreDocument } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import * as depot from './plan.repository';
import { TABLE_PLANS } from './plan.service';
import { trousseau } from './chiffrement-appui';
import { vueIdentite } from './personnes';
import { exigerSituation, noterLecture, ouvrirDe, type SituationDuPlan } from './plan-socle';

/**
 * The plan personnalisé as a PDF for the care team (issue 18 item 4), drawn by the documents module's renderer like
 * every document of the platform. It names the person (the care team needs to know whom it is about); the file name
 * does not, and the download is logged in the case's read log.
 */

type IdentitePersonne = Awaited<ReturnType<typeof vueIdentite>>;

export async function identiteDe(ctx: Contexte, personneId: string): Promise<IdentitePersonne> {
  return vueIdentite(ctx.db, await trousseau(ctx.config), personneId);
}

export const nomComplet = (i: IdentitePersonne) =>
  `${i.nom.toUpperCase()}${i.nomUsage ? ` (nom d’usage ${i.nomUsage.toUpperCase()})` : ''} ${i.prenoms}`;
export const lignePersonne = (i: IdentitePersonne) =>
  `${nomComplet(i)}${i.dateNaissance ? `, né·e le ${formaterDate(i.dateNaissance)}` : ''}${i.communeNom ? `, ${i.communeNom}` : ''}`;
const ouAucun = (liste: string[], vide: string): Bloc =>
  liste.length ? { type: 'liste', elements: liste } : { type: 'paragraphe', texte: vide, italique: true };

/** The plan's sections in the order of the HAS 2019 template. */
export function blocsPlan(contenu: ContenuPlan, titre: 1 | 2 = 2): Bloc[] {
  const objectif = (id: string | null) => contenu.objectifs.find((o) => o.id === id)?.libelle ?? '';
  return [
    { type: 'titre', niveau: titre, texte: 'Évaluation globale de la situation' },
    { type: 'paragraphe', texte: contenu.evaluationGlobale || 'Non renseignée.', italique: !contenu.evaluationGlobale },
    { type: 'titre', niveau: titre, texte: 'Problèmes et besoins' },
    contenu.problemes.length
      ? { type: 'tableau', entetes: ['Problème', 'Besoins'], lignes: contenu.problemes.map((p) => [p.probleme, p.besoins]) }
      : { type: 'paragraphe', texte: 'Aucun problème noté.', italique: true },
    { type: 'titre', niveau: titre, texte: 'Priorités' },
    ouAucun(
      contenu.priorites.map((p, i) => `${i + 1}. ${p}`),
      'Aucune priorité notée.',
    ),
    { type: 'titre', niveau: titre, texte: 'Objectifs' },
    ouAucun(
      contenu.objectifs.map((o) => o.libelle),
      'Aucun objectif noté.',
    ),
    { type: 'titre', niveau: titre, texte: 'Actions' },
    contenu.actions.length
      ? {
          type: 'tableau',
          entetes: ['Action', 'Qui la porte', 'Échéance', 'Statut', 'Objectif'],
          lignes: contenu.actions.map((a) => [
            a.libelle,
            a.porteur,
            a.echeance ? formaterDate(a.echeance) : '',
            STATUTS_ACTION_PLAN[a.statut],
            objectif(a.objectifId),
          ]),
        }
      : { type: 'paragraphe', texte: 'Aucune action prévue.', italique: true },
    { type: 'titre', niveau: titre, texte: 'Dates de révision' },
    ouAucun(contenu.datesRevision.map(formaterDate), 'Aucune date de révision prévue.'),
    { type: 'titre', niveau: titre, texte: 'Suivi' },
    contenu.suivi.length
      ? { type: 'tableau', entetes: ['Date', 'Note'], lignes: contenu.suivi.map((x) => [formaterDate(x.date), x.note]) }
      : { type: 'paragraphe', texte: 'Aucune note de suivi.', italique: true },
    { type: 'titre', niveau: titre, texte: 'Avis de la personne' },
    { type: 'paragraphe', texte: contenu.avisPersonne || 'Non recueilli.', italique: !contenu.avisPersonne },
  ];
}

export function documentPlan(s: SituationDuPlan, identite: IdentitePersonne, plan: PlanVersionVue) {
  const entete: Bloc[] = [
    { type: 'titre', niveau: 1, texte: 'Plan personnalisé de coordination en santé' },
    { type: 'paragraphe', texte: `Personne : ${lignePersonne(identite)}` },
    { type: 'paragraphe', texte: `Référent du plan : ${plan.contenu.referent}` },
    ...(s.medecinNom ? [{ type: 'paragraphe' as const, texte: `Médecin traitant : ${s.medecinNom}` }] : []),
    {
      type: 'paragraphe',
      texte: `Situation n° ${s.numero}${s.niveau ? ` — ${NIVEAUX_REPONSE[s.niveau as NiveauReponse]}` : ''} — version ${plan.version} du ${formaterDate(plan.enregistreLe.slice(0, 10))}, enregistrée par ${plan.auteur}.`,
    },
  ];
  return { titre: `Plan personnalisé — situation ${s.numero}`, blocs: [...entete, ...blocsPlan(plan.contenu)] };
}

/** The last version, or the one asked for, as a PDF; the download goes to the read log. */
export async function exporterPlanPdf(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string, version?: number) {
  const s = await exigerSituation(ctx.db, utilisateur, 'lire', situationId);
  const ligne = await depot.lireVersion(ctx.db, situationId, version);
  if (!ligne) throw introuvable(version ? `Le plan de cette situation n’a pas de version ${version}.` : 'Cette situation n’a pas encore de plan.');
  const { contenu, id, ...reste } = ligne;
  const plan = { ...reste, contenu: await ouvrirDe<ContenuPlan>(ctx, TABLE_PLANS, 'contenu_chiffre', id, contenu) };
  const fichier = await rendreDocument(documentPlan(s, await identiteDe(ctx, s.personneId), plan), 'pdf', 'plan', `situation-${s.numero}`);
  await noterLecture(ctx.db, utilisateur!, s, `plan personnalisé en PDF, version ${plan.version}`);
  return fichier;
}
