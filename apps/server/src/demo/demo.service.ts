import type { Habilitation, OrganisationSaisie } from '@maillage/domain';
import { SYSTEME } from '../platform/audit';
import type { Contexte } from '../platform/contexte';
import { enTransaction } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';
import { inscrire } from '../modules/comptes/utilisateurs.service';
import { auditer } from '../platform/audit';
import { creerContratsDemo } from './contrats-demo';
import { creerDiagnosticsDemo } from './diagnostics-demo';
import { creerGouvernanceDemo } from './gouvernance-demo';
import { creerAppuiDemo, COMPTES_APPUI } from './appui-demo';
import { creerArticulationDemo } from './articulation-demo';
import { creerMoyensDemo } from './moyens-demo';
import { creerParcoursDemo } from './parcours-demo';
import { creerParticipationDemo } from './participation-demo';
import { creerTempsPublicsEtAvisDemo } from './temps-publics-avis-demo';
import { creerRessourcesDemo } from './ressources-demo';
import { creerSuiviDemo } from './suivi-demo';

export const MOT_DE_PASSE_DEMO = 'maillage-demo-2026';
export const DOMAINE_DEMO = 'demo.maillage.fr';

/** Real organisations of the sources (../shared/fixtures/contrats.json): Redon, Belle-Île, their ARS and partners. */
const ORGANISATIONS: OrganisationSaisie[] = [
  { nom: 'ARS Bretagne', sigle: 'ARS', type: 'ars', regionCode: '53' },
  {
    nom: 'ARS Bretagne – Délégation départementale d’Ille-et-Vilaine',
    sigle: 'DD 35',
    type: 'ars_delegation',
    regionCode: '53',
    departementCode: '35',
  },
  { nom: 'ARS Pays de la Loire', sigle: 'ARS PDL', type: 'ars', regionCode: '52' },
  { nom: 'Redon Agglomération', type: 'epci', siren: '243500741', regionCode: '53', departementCode: '35', territoireCode: '243500741' },
  {
    nom: 'Communauté de communes de Belle-Île-en-Mer',
    type: 'epci',
    siren: '245600465',
    regionCode: '53',
    departementCode: '56',
    territoireCode: '245600465',
  },
  { nom: 'Préfecture d’Ille-et-Vilaine', type: 'prefecture', regionCode: '53', departementCode: '35' },
  { nom: 'Conseil régional de Bretagne', type: 'region', regionCode: '53' },
  { nom: 'Conseil départemental du Morbihan', type: 'departement', regionCode: '53', departementCode: '56' },
  { nom: 'CPAM d’Ille-et-Vilaine', sigle: 'CPAM 35', type: 'cpam', regionCode: '53', departementCode: '35' },
  { nom: 'CPAM de Loire-Atlantique', sigle: 'CPAM 44', type: 'cpam', regionCode: '52', departementCode: '44' },
  { nom: 'CPAM du Morbihan', sigle: 'CPAM 56', type: 'cpam', regionCode: '53', departementCode: '56' },
  { nom: 'MSA Portes de Bretagne', type: 'msa', regionCode: '53' },
  { nom: 'MSA Loire-Atlantique–Vendée', type: 'msa', regionCode: '52' },
  { nom: 'Centre hospitalier de Redon', sigle: 'CH Redon', type: 'hopital', regionCode: '53', departementCode: '35' },
  { nom: 'IREPS Bretagne', sigle: 'IREPS', type: 'ireps', regionCode: '53' },
  { nom: 'Acsantis', type: 'bureau_etudes' },
];

interface CompteDemo {
  email: string;
  prenom: string;
  nom: string;
  organisation: string | null;
  role: string;
  habilitations: (ids: Map<string, string>) => Habilitation[];
}

const COMPTES: CompteDemo[] = [
  {
    email: `admin@${DOMAINE_DEMO}`,
    prenom: 'Camille',
    nom: 'Administratrice',
    organisation: null,
    role: 'administrateur de la plateforme',
    habilitations: () => [{ role: 'admin' }],
  },
  {
    email: `ars.bretagne@${DOMAINE_DEMO}`,
    prenom: 'Yann',
    nom: 'Le Goff',
    organisation: 'ARS Bretagne',
    role: 'ARS régionale (Bretagne)',
    habilitations: () => [{ role: 'ars_regional', regionCode: '53' }],
  },
  // Redon Agglomération spans Bretagne and Pays de la Loire (Loire-Atlantique), and Craon-Renazé is in Mayenne.
  {
    email: `ars.pays-de-la-loire@${DOMAINE_DEMO}`,
    prenom: 'Claire',
    nom: 'Bouvier',
    organisation: 'ARS Pays de la Loire',
    role: 'ARS régionale (Pays de la Loire)',
    habilitations: () => [{ role: 'ars_regional', regionCode: '52' }],
  },
  {
    email: `coordination@${DOMAINE_DEMO}`,
    prenom: 'Marie',
    nom: 'Dupont',
    organisation: 'Redon Agglomération',
    role: 'coordonnatrice CLS',
    habilitations: () => [],
  },
  {
    email: `referent.ars@${DOMAINE_DEMO}`,
    prenom: 'Gaël',
    nom: 'Morvan',
    organisation: 'ARS Bretagne – Délégation départementale d’Ille-et-Vilaine',
    role: 'référent ARS (délégation 35)',
    habilitations: () => [],
  },
  {
    email: `pilote@${DOMAINE_DEMO}`,
    prenom: 'Sophie',
    nom: 'Martin',
    organisation: 'Centre hospitalier de Redon',
    role: 'pilote de fiches-action',
    habilitations: () => [],
  },
  {
    email: `cpam@${DOMAINE_DEMO}`,
    prenom: 'Hélène',
    nom: 'Guillou',
    organisation: 'CPAM d’Ille-et-Vilaine',
    role: 'référente d’organisation (CPAM 35)',
    habilitations: (ids) => [{ role: 'referent_organisation', organisationId: ids.get('CPAM d’Ille-et-Vilaine')! }],
  },
  {
    email: `membre@${DOMAINE_DEMO}`,
    prenom: 'Erwan',
    nom: 'Le Bihan',
    organisation: 'IREPS Bretagne',
    role: 'membre',
    habilitations: () => [],
  },
  {
    email: `lecteur@${DOMAINE_DEMO}`,
    prenom: 'Nathalie',
    nom: 'Rouxel',
    organisation: 'Conseil régional de Bretagne',
    role: 'lecteur',
    habilitations: () => [],
  },
];

/**
 * A demo database made before an account joined the list (the ARS Pays de la Loire agent) gets it at the next start,
 * when its organisation is there: the accounts printed at start are then all usable.
 */
async function ajouterComptesManquants(ctx: Contexte, journal: (m: string) => void): Promise<void> {
  const { rows } = await ctx.db.query('select email from utilisateurs where email like $1', [`%@${DOMAINE_DEMO}`]);
  if (!rows.length) return;
  const presents = new Set(rows.map((r) => r.email));
  const manquants = COMPTES.filter((c) => !presents.has(c.email));
  if (!manquants.length) return;
  await enTransaction(ctx.db, async (tx) => {
    const { rows: organisations } = await tx.query('select id, nom from organisations where nom = any($1)', [
      manquants.map((c) => c.organisation).filter(Boolean),
    ]);
    const ids = new Map<string, string>(organisations.map((o) => [o.nom, o.id]));
    for (const compte of manquants) {
      if (compte.organisation && !ids.has(compte.organisation)) continue;
      await inscrire(tx, SYSTEME, {
        email: compte.email,
        prenom: compte.prenom,
        nom: compte.nom,
        organisationId: compte.organisation ? ids.get(compte.organisation)! : null,
        password: MOT_DE_PASSE_DEMO,
        habilitations: compte.habilitations(ids),
      });
      journal(`Compte de démonstration ajouté : ${compte.email} (${compte.role}).`);
    }
  });
}

/**
 * Demo data on an empty database (no organisation yet). Contract roles (coordonnateur, pilote…) are granted when
 * the demo contracts exist; until then these accounts see the empty states of their homes.
 */
export async function creerDonneesDemo(ctx: Contexte, journal: (m: string) => void): Promise<void> {
  const { rows } = await ctx.db.query('select count(*)::int as organisations from organisations');
  if (rows[0].organisations === 0) {
    await enTransaction(ctx.db, async (tx) => {
      const ids = new Map<string, string>();
      for (const saisie of ORGANISATIONS) {
        const organisation = await comptes.creerOrganisation(tx, saisie);
        ids.set(organisation.nom, organisation.id);
        await auditer(tx, {
          acteur: SYSTEME,
          entiteType: 'organisation',
          entiteId: organisation.id,
          action: 'creation',
          apres: organisation as never,
          contexte: { demo: true },
        });
      }
      for (const compte of COMPTES) {
        await inscrire(tx, SYSTEME, {
          email: compte.email,
          prenom: compte.prenom,
          nom: compte.nom,
          organisationId: compte.organisation ? ids.get(compte.organisation)! : null,
          password: MOT_DE_PASSE_DEMO,
          habilitations: compte.habilitations(ids),
        });
      }
    });
    journal('Données de démonstration créées (MAILLAGE_DEMO=0 pour s’en passer).');
  }
  await ajouterComptesManquants(ctx, journal);
  const contrats = await ctx.db.query('select count(*)::int n from contrats');
  if (contrats.rows[0].n === 0) {
    await enTransaction(ctx.db, async (tx) => {
      const { rows: comptes } = await tx.query(`select split_part(email, '@', 1) as prefixe, id from utilisateurs where email like $1`, [
        `%@${DOMAINE_DEMO}`,
      ]);
      await creerContratsDemo(tx, new Map(comptes.map((c) => [c.prefixe, c.id])));
    });
    journal('Contrats de démonstration créés : Redon (CLS 1 et 2), Belle-Île-en-Mer, Craon-Renazé.');
  }
  const instances = await ctx.db.query('select count(*)::int n from instances');
  if (instances.rows[0].n === 0) {
    await enTransaction(ctx.db, (tx) => creerGouvernanceDemo(tx));
    journal('Gouvernance de démonstration créée : COPIL et groupe de travail Assurance maladie de Redon (2021).');
  }
  const evaluations = await ctx.db.query('select count(*)::int n from evaluations');
  if (evaluations.rows[0].n === 0) {
    await enTransaction(ctx.db, (tx) => creerSuiviDemo(tx));
    journal('Évaluation de démonstration créée : évaluation finale du CLS 1 de Redon par le cabinet Acsantis.');
  }
  const articulation = await ctx.db.query(
    'select (select count(*) from evaluations_prevues) + (select count(*) from dispositifs_territoriaux) as n',
  );
  if (Number(articulation.rows[0].n) === 0) {
    await enTransaction(ctx.db, (tx) => creerArticulationDemo(tx));
    journal(
      'Plan d’évaluation et articulation de démonstration : évaluation finale du CLS 1 de Redon par Acsantis, CPTS de l’agglomération de Redon.',
    );
  }
  const indicateurs = await ctx.db.query('select count(*)::int n from indicateurs');
  if (indicateurs.rows[0].n === 0) {
    await enTransaction(ctx.db, (tx) => creerDiagnosticsDemo(tx));
    journal(
      'Diagnostics de démonstration importés : Redon 2021 (indicateurs, professionnels par commune, verbatims), Centre-Val de Loire.',
    );
  }
  // After the catalogue: an engagement may point to one of its indicators.
  const moyens = await ctx.db.query(
    'select (select count(*) from engagements_moyens) + (select count(*) from financements_territoire) as n',
  );
  if (Number(moyens.rows[0].n) === 0 && (await enTransaction(ctx.db, (tx) => creerMoyensDemo(tx))))
    journal('Moyens de démonstration créés : engagements de la CPAM 35 et financements existants du territoire pour le CLS 2 de Redon.');
  const repertoire = await ctx.db.query('select count(*)::int n from ressources');
  if (repertoire.rows[0].n === 0 && (await enTransaction(ctx.db, (tx) => creerRessourcesDemo(tx))))
    journal(
      'Ressources de démonstration créées : CLIC, MAIA, CPTS et centre de santé de Langon (Redon), maisons de santé du Sud-Ouest Mayennais, réseaux RESPIRE et RSND 41 (Centre-Val de Loire).',
    );
  const parcours = await ctx.db.query('select count(*)::int n from parcours');
  if (parcours.rows[0].n === 0 && (await enTransaction(ctx.db, (tx) => creerParcoursDemo(tx))))
    journal('Parcours de démonstration créé : personnes âgées, de l’information au retour à domicile (CLS 2 de Redon).');
  const consultation = await ctx.db.query('select count(*)::int n from consultations');
  if (consultation.rows[0].n === 0 && (await enTransaction(ctx.db, (tx) => creerParticipationDemo(tx))))
    journal(
      'Consultation de démonstration ouverte : l’accès aux soins sur le territoire de Redon Agglomération (CLS 2, six réponses d’exemple).',
    );
  const participation = await ctx.db.query('select (select count(*) from temps_publics) + (select count(*) from avis) as n');
  if (Number(participation.rows[0].n) === 0 && (await enTransaction(ctx.db, (tx) => creerTempsPublicsEtAvisDemo(tx))))
    journal(
      'Participation de démonstration : un forum santé des jeunes (CLS 2 de Redon), un avis publié avec sa réponse et un avis à modérer (CLS 1).',
    );
  const appui = await ctx.db.query('select count(*)::int n from appui_equipes');
  if (appui.rows[0].n === 0 && (await creerAppuiDemo(ctx, MOT_DE_PASSE_DEMO)))
    journal('Appui à la coordination de démonstration : DAC du pays de Redon, deux situations suivies et une demande en attente.');
  const demo = await ctx.db.query('select email from utilisateurs where email like $1', [`%@${DOMAINE_DEMO}`]);
  if (demo.rowCount) {
    journal(`Comptes de démonstration (mot de passe : ${MOT_DE_PASSE_DEMO}) :`);
    for (const compte of [...COMPTES, ...COMPTES_APPUI].filter((c) => demo.rows.some((r) => r.email === c.email)))
      journal(`  ${compte.email.padEnd(40)} ${compte.role}`);
  }
}
