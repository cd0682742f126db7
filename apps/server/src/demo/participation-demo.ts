import type { SectionSaisie, ValeurReponse } from '@maillage/domain';
import * as consultations from '../modules/participation/consultations.repository';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';

/**
 * One open consultation on Redon Agglomération's CLS 2 (issue 20 item 1), so that `npm start` shows the public page,
 * the results and the free texts to turn into verbatims. Its answers are examples, and the introduction says so.
 */
const QUESTIONNAIRE: SectionSaisie[] = [
  {
    titre: 'Votre accès aux soins',
    description: null,
    questions: [
      { type: 'choix_unique', libelle: 'Avez-vous un médecin traitant ?', obligatoire: true, choix: ['Oui', 'Non', 'Je ne sais pas'] },
      {
        type: 'choix_multiple',
        libelle: 'Qu’est-ce qui vous freine pour vous soigner ?',
        obligatoire: false,
        choix: ['La distance', 'Les délais pour un rendez-vous', 'Le coût', 'Les démarches administratives'],
      },
      {
        type: 'echelle',
        libelle: 'Comment jugez-vous l’offre de soins près de chez vous ?',
        obligatoire: false,
        echelle: { min: 1, max: 5, libelleMin: 'Très insuffisante', libelleMax: 'Très satisfaisante' },
      },
    ],
  },
  {
    titre: 'Vous',
    description: 'Ces questions permettent de savoir qui a répondu ; elles sont facultatives.',
    questions: [
      { type: 'commune', libelle: 'Votre commune de résidence', obligatoire: false },
      { type: 'tranche_age', libelle: 'Votre âge', obligatoire: false },
      { type: 'texte_long', libelle: 'Que faudrait-il améliorer en priorité pour votre santé ?', obligatoire: false },
    ],
  },
];

export async function creerParticipationDemo(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query(
    `select c.id, array(select commune_code from contrat_communes where contrat_id = c.id order by commune_code limit 3) communes
     from contrats c where c.intitule = 'Contrat local de santé de Redon Agglomération (2e génération)' limit 1`,
  );
  if (!rows[0]) return false;
  const contratId: string = rows[0].id;
  const communes: string[] = rows[0].communes;
  const titre = 'Votre accès aux soins sur le territoire de Redon Agglomération';
  const id = await consultations.creerConsultation(tx, contratId, {
    titre,
    introduction:
      'La coordination du contrat local de santé prépare son diagnostic. Dites-nous comment vous accédez aux soins : cela prend cinq minutes.\n\nConsultation de démonstration : les réponses déjà enregistrées sont des exemples.',
    codesRequis: false,
  });
  await consultations.remplacerQuestionnaire(tx, id, QUESTIONNAIRE);
  const { rows: periode } = await tx.query(
    `select to_char(current_date - 14, 'YYYY-MM-DD') debut, to_char(current_date + 60, 'YYYY-MM-DD') fin`,
  );
  await consultations.modifierConsultation(tx, id, 1, { statut: 'ouverte', debut: periode[0].debut, fin: periode[0].fin });
  const [section1, section2] = await consultations.lireQuestionnaire(tx, id);
  const [medecin, freins, offre] = section1.questions.map((q) => q.id);
  const [commune, age, texte] = section2.questions.map((q) => q.id);
  const redon = communes.includes('35236') ? '35236' : communes[0];
  const exemples: [string, string[], number, string | undefined, string, string | null][] = [
    ['Oui', ['Les délais pour un rendez-vous'], 3, redon, '40_54', 'Il faut trois mois pour voir un ophtalmologiste.'],
    [
      'Non',
      ['La distance', 'Les délais pour un rendez-vous'],
      2,
      communes[1],
      '25_39',
      'Mon médecin est parti à la retraite et personne ne prend de nouveaux patients.',
    ],
    ['Oui', ['La distance'], 2, communes[2], '75_plus', 'Sans voiture, aller à Redon pour un rendez-vous prend la journée.'],
    ['Oui', [], 4, redon, '55_64', null],
    [
      'Je ne sais pas',
      ['Les démarches administratives', 'Le coût'],
      3,
      redon,
      '18_24',
      'Je ne sais pas à qui m’adresser pour ma complémentaire santé.',
    ],
    ['Non', ['Les délais pour un rendez-vous'], 1, communes[1], '65_74', 'Plus de médecin dans la commune depuis deux ans.'],
  ];
  for (const [m, f, o, c, a, t] of exemples) {
    const valeurs: ValeurReponse[] = [
      { questionId: medecin, valeur: m },
      ...f.map((x) => ({ questionId: freins, valeur: x })),
      { questionId: offre, valeur: String(o) },
      ...(c ? [{ questionId: commune, valeur: c }] : []),
      { questionId: age, valeur: a },
      ...(t ? [{ questionId: texte, valeur: t }] : []),
    ];
    await consultations.enregistrerReponse(tx, id, valeurs);
  }
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'consultation',
    entiteId: id,
    action: 'ouverture',
    apres: { titre, statut: 'ouverte' },
    contexte: { contratId, titre, demo: true },
  });
  return true;
}
