import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';

const MEMOIRE =
  'Mémoire « Implication de l’assurance maladie dans les politiques territoriales de santé via l’exemple du CLS de Redon agglomération » (J. Orue Gonzalez, 2021)';

/**
 * What the CPAM d'Ille-et-Vilaine commits to Redon's CLS 2 (seed 002), and the funding already on Redon's territory
 * (seeds 002 and 003). The source gives no amount and no staff time: things in kind are described with its words,
 * amounts stay unknown, and the one figure of time is labelled as the demonstration's assumption.
 */
export async function creerMoyensDemo(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query(
    `select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)'`,
  );
  const contratId: string | undefined = rows[0]?.id;
  const cpam = await comptes.organisationParNom(tx, 'CPAM d’Ille-et-Vilaine');
  const ars = await comptes.organisationParNom(tx, 'ARS Bretagne');
  if (!contratId || !cpam || !ars) return false;
  const { rowCount: css } = await tx.query(`select 1 from indicateurs where code = 'part_css'`);
  // The CPAM 35 is a partner of the CLS 2 in the making (seed 002, partie 2, § 1.2): its referent then reads it.
  const { rows: partenaire } = await tx.query(
    `insert into partenaires (contrat_id, organisation_id, role) values ($1, $2, $3) on conflict (contrat_id, organisation_id) do nothing returning id`,
    [contratId, cpam.id, 'Assurance maladie : référente CLS, pilotage du groupe de travail Assurance maladie'],
  );
  if (partenaire[0])
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'partenaire',
      entiteId: partenaire[0].id,
      action: 'creation',
      apres: { organisationId: cpam.id, role: 'Assurance maladie' },
      contexte: { contratId, demo: true },
    });

  const moyens = [
    {
      annee: 2021,
      type: 'temps',
      quantite: 3,
      unite: 'jours',
      description:
        'Les trois réunions du groupe de travail Assurance maladie (CPAM 35, 44 et 56, MSA Portes de Bretagne), préparées et animées par la référente CLS de la CPAM 35 : « le rôle de pilotage et d’animation des réunions a été attribué plus ou moins naturellement à la CPAM 35, lié en partie à l’existence d’un référent CLS ». Une journée par réunion est une hypothèse de la démonstration : la source ne chiffre pas ce temps.',
      objectifs:
        'Le CLS ne fait pas partie des objectifs CPG de la CPAM 35, mais « c’est un levier pour atteindre nos autres objectifs » (directrice de la CPAM 35).',
    },
    {
      annee: 2021,
      type: 'nature',
      description:
        'Diagnostic interne du territoire, versé au diagnostic partagé : « La CPAM 35 a réalisé en interne un premier diagnostic du territoire », à partir des données de l’Assurance maladie et des conseillers territoriaux en santé.',
      objectifs: null,
    },
    {
      annee: 2022,
      type: 'nature',
      description:
        'Information sur les dispositifs santé précarité de l’Assurance maladie : orientation proposée pour le CLS 2 (tableau 3), que « doivent ensuite [valider] la direction des organismes concernés ».',
      objectifs: 'Indicateur CPG 2021 de la CPAM 35 : « le nombre de bénéficiaires de la complémentaire santé solidaire ».',
      indicateurCode: css ? 'part_css' : null,
    },
    {
      annee: 2022,
      type: 'nature',
      description: 'Prévention bucco-dentaire en classe de CP : orientation proposée pour le CLS 2 (tableau 3), portée par la CPAM 35.',
      objectifs:
        'Indicateur CPG 2021 : « le taux de recours global aux chirurgiens-dentistes pour la classe d’âge concernée par l’examen buccodentaire ».',
    },
  ];
  for (const m of moyens) {
    const { rows: cree } = await tx.query(
      `insert into engagements_moyens (contrat_id, organisation_id, annee, type, quantite, unite, description, objectifs, indicateur_code)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [contratId, cpam.id, m.annee, m.type, m.quantite ?? null, m.unite ?? null, m.description, m.objectifs, m.indicateurCode ?? null],
    );
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'engagement_moyens',
      entiteId: cree[0].id,
      action: 'creation',
      apres: { ...m, organisationId: cpam.id },
      contexte: { contratId, organisationId: cpam.id, organisationNom: cpam.nom, demo: true },
    });
  }

  const existants = [
    {
      financeurId: ars.id,
      dispositif: 'Zonage des médecins généralistes : aides à l’installation et au maintien',
      anneeDebut: 2021,
      objet:
        '« Un programme d’accompagnement et de financement à l’installation et au maintien des médecins généralistes sur des territoires sous-dotés » : 23 des 31 communes en zone d’intervention prioritaire (ARS Bretagne, janvier 2021).',
      source: `${MEMOIRE}, annexes 10 et 11`,
    },
    {
      financeurId: cpam.id,
      dispositif: 'Accord conventionnel interprofessionnel (ACI) de la CPTS de Redon Agglomération',
      anneeDebut: 2021,
      objet:
        'La CPTS signée en juillet 2021 : « le financement de ces structures est conditionné par la réalisation de trois missions fondamentales : l’accès aux soins, l’organisation des parcours et la prévention ».',
      source: `${MEMOIRE}, partie 2, § 2.4`,
    },
  ];
  for (const f of existants) {
    const { rows: cree } = await tx.query(
      `insert into financements_territoire (contrat_id, financeur_id, dispositif, montant_centimes, annee_debut, objet, source) values ($1, $2, $3, null, $4, $5, $6) returning id`,
      [contratId, f.financeurId, f.dispositif, f.anneeDebut, f.objet, f.source],
    );
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'financement_territoire',
      entiteId: cree[0].id,
      action: 'creation',
      apres: { ...f, montantCentimes: null },
      contexte: { contratId, demo: true },
    });
  }
  return true;
}
