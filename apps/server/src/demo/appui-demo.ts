import { auditer, SYSTEME } from '../platform/audit';
import type { Contexte, Utilisateur } from '../platform/contexte';
import { enTransaction } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';
import { inscrire } from '../modules/comptes/utilisateurs.service';
import { soumettreDemande } from '../modules/appui/demandes.service';
import { designerReferent, noterPremierContact } from '../modules/appui/demandes-suivi.service';
import { changerIssueOrientation, evaluer, orienter } from '../modules/appui/evaluations.service';
import { ouvrirSituation } from '../modules/appui/situations.service';

/**
 * A support team (DAC) for the pays de Redon, its two staff accounts and a GP, and a few requests and cases — every
 * person here is invented. Made through the module's services (encryption, numbering, audit), with the e-mails kept
 * quiet: a demo start writes no message.
 */

const EQUIPE = 'Dispositif d’appui à la coordination du pays de Redon';
const DOMAINE = 'demo.maillage.fr';
export const COMPTES_APPUI = [
  { email: `appui@${DOMAINE}`, prenom: 'Anne', nom: 'Le Roux', role: 'coordinatrice d’appui (DAC du pays de Redon)' },
  { email: `gestionnaire@${DOMAINE}`, prenom: 'Lucie', nom: 'Pichon', role: 'gestionnaire de cas (DAC du pays de Redon)' },
  { email: `medecin@${DOMAINE}`, prenom: 'Jean', nom: 'Hamon', role: 'médecin traitant (adresse des demandes au DAC)' },
];

async function utilisateur(ctx: Contexte, email: string): Promise<Utilisateur> {
  const { rows } = await ctx.db.query(
    `select u.id, p.prenom || ' ' || p.nom as libelle, p.organisation_id from utilisateurs u join personnes p on p.id = u.personne_id where u.email = $1`,
    [email],
  );
  return { userId: rows[0].id, organisationId: rows[0].organisation_id, habilitations: [], email, libelle: rows[0].libelle };
}

export async function creerAppuiDemo(ctx: Contexte, motDePasse: string): Promise<boolean> {
  const redon = await ctx.db.query(`select 1 from organisations where nom = 'Redon Agglomération'`);
  if (!redon.rowCount) return false;
  const equipeId = await enTransaction(ctx.db, async (tx) => {
    const org = await comptes.creerOrganisation(tx, {
      nom: EQUIPE,
      sigle: 'DAC Redon',
      type: 'dac',
      regionCode: '53',
      departementCode: '35',
    });
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'organisation',
      entiteId: org.id,
      action: 'creation',
      apres: { nom: EQUIPE },
      contexte: { demo: true },
    });
    for (const c of COMPTES_APPUI)
      await inscrire(tx, SYSTEME, {
        email: c.email,
        prenom: c.prenom,
        nom: c.nom,
        organisationId: c.email.startsWith('medecin') ? null : org.id,
        password: motDePasse,
        habilitations: [],
      });
    await tx.query(`insert into appui_equipes (organisation_id, horaires) values ($1, 'Du lundi au vendredi, de 8 h 30 à 19 h')`, [org.id]);
    await tx.query(
      `insert into appui_membres (organisation_id, utilisateur_id, role)
       select $1, u.id, case when u.email like 'appui@%' then 'coordinateur_appui' else 'gestionnaire_cas' end
         from utilisateurs u where u.email = any($2)`,
      [org.id, [`appui@${DOMAINE}`, `gestionnaire@${DOMAINE}`]],
    );
    return org.id as string;
  });
  const muet: Contexte = { ...ctx, messagerie: { description: 'démonstration', envoyer: async () => {} } };
  const [coordination, gestionnaire, medecin] = await Promise.all(COMPTES_APPUI.map((c) => utilisateur(ctx, c.email)));
  const ressource = async (nom: string) =>
    (await ctx.db.query('select id from ressources where nom = $1 limit 1', [nom])).rows[0]?.id ?? null;

  // 1. The GP asks for a patient living alone after falls: a case managed by the case manager, oriented to the CLIC and the MAIA.
  const d1 = await soumettreDemande(muet, medecin, {
    equipeId,
    origine: 'medecin_traitant',
    canal: 'formulaire',
    personne: { nom: 'Lebrun', prenoms: 'Yvonne', dateNaissance: '1941-03-12', sexe: 'F', communeCode: '35236', ins: null },
    motif: 'Patiente de 84 ans vivant seule, trois chutes depuis janvier, refuse l’aide à domicile ; sa fille, aidante, s’épuise.',
    urgence: 'rapide',
  });
  await designerReferent(muet, coordination, d1.id, gestionnaire.userId, 1);
  await noterPremierContact(muet, gestionnaire, d1.id, undefined, 2);
  const s1 = await ouvrirSituation(muet, gestionnaire, d1.id, { version: 3 });
  await evaluer(muet, gestionnaire, s1.id, {
    medicale: 3,
    psychologique: 2,
    sociale: 3,
    environnementale: 2,
    fonctionnelle: 3,
    urgence: 'rapide',
    commentaire: 'Chutes, isolement, logement à l’étage sans aménagement.',
  });
  const clic = await ressource('CLIC de Redon Agglomération');
  const maia = await ressource('MAIA du pays de Redon');
  if (clic) {
    const o = await orienter(muet, gestionnaire, s1.id, { ressourceId: clic, commentaire: 'Évaluation de l’aide à domicile' });
    await changerIssueOrientation(muet, gestionnaire, s1.id, o.id, { issue: 'acceptee', version: 1 });
  }
  if (maia) await orienter(muet, gestionnaire, s1.id, { ressourceId: maia, commentaire: null });

  // 2. A GP's request answered by a one-off support, followed by the coordinator.
  const d2 = await soumettreDemande(muet, medecin, {
    equipeId,
    origine: 'medecin_traitant',
    canal: 'formulaire',
    personne: { nom: 'Guérin', prenoms: 'Paul', dateNaissance: '1958-11-02', sexe: 'M', communeCode: '35236', ins: null },
    motif: 'Sortie d’hospitalisation prévue, besoin d’organiser les soins infirmiers et le portage de repas.',
    urgence: 'normale',
  });
  const s2 = await ouvrirSituation(muet, coordination, d2.id, { version: 1 });
  await evaluer(muet, coordination, s2.id, {
    medicale: 2,
    psychologique: 0,
    sociale: 1,
    environnementale: 1,
    fonctionnelle: 1,
    urgence: 'normale',
    commentaire: null,
  });

  // 3. A carer's call taken by the team, waiting for its référent in the inbox.
  await soumettreDemande(muet, coordination, {
    equipeId,
    origine: 'aidant',
    canal: 'telephone',
    demandeur: { nom: 'Fils de la personne', qualite: 'aidant', telephone: null, courriel: null },
    personne: { nom: 'Morel', prenoms: 'Henri', dateNaissance: '1949-06-20', sexe: 'M', communeCode: '35236', ins: null },
    motif: 'Troubles de la mémoire qui s’aggravent, le fils habite loin et ne sait pas à qui s’adresser.',
    urgence: 'normale',
  });
  return true;
}
