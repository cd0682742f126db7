import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import type { Utilisateur } from '../../platform/contexte';
import { soumettreDemande } from './demandes.service';
import { designerReferent, noterPremierContact } from './demandes-suivi.service';
import { evaluer } from './evaluations.service';
import { ouvrirSituation } from './situations.service';

/**
 * Plan personnalisé, concertations, follow-up, closure, purge and access right (issue 18 items 4–6, 8) on the demo's
 * support team of Redon, through real HTTP, PostgreSQL and SMTP. Each case is made fresh by the core's services.
 */

let serveur: ServeurDeTest;
let coordination: ClientHttp, gestionnaire: ClientHttp, ars: ClientHttp, medecinClient: ClientHttp;
let equipeId: string;
let u: { coordination: Utilisateur; gestionnaire: Utilisateur; medecin: Utilisateur };

const q = async (sql: string, p: unknown[] = []) => (await serveur.ctx.db.query(sql, p)).rows;
const put = (c: ClientHttp, chemin: string, corps: unknown) => c.put(chemin, corps);

async function utilisateur(email: string): Promise<Utilisateur> {
  const [r] = await q(
    `select u.id, p.prenom || ' ' || p.nom libelle, p.organisation_id from utilisateurs u join personnes p on p.id = u.personne_id where u.email = $1`,
    [email],
  );
  return { userId: r.id, organisationId: r.organisation_id, habilitations: [], email, libelle: r.libelle };
}

/** A fresh case: the GP asks, the coordinator names the case manager référent, who calls, opens and evaluates. */
async function nouvelleSituation(nom = 'Tanguy') {
  const d = await soumettreDemande(serveur.ctx, u.medecin, {
    equipeId,
    origine: 'medecin_traitant',
    canal: 'formulaire',
    personne: { nom, prenoms: 'Odette', dateNaissance: '1940-02-01', sexe: 'F', communeCode: '35236', ins: null },
    motif: 'Chutes répétées et dénutrition',
    urgence: 'normale',
    medecinTraitant: { nom: 'Jean Hamon', courriel: 'medecin@demo.maillage.fr' },
  });
  await designerReferent(serveur.ctx, u.coordination, d.id, u.gestionnaire.userId, 1);
  await noterPremierContact(serveur.ctx, u.gestionnaire, d.id, undefined, 2);
  const s = await ouvrirSituation(serveur.ctx, u.gestionnaire, d.id, { version: 3 });
  await evaluer(serveur.ctx, u.gestionnaire, s.id, {
    medicale: 3,
    psychologique: 2,
    sociale: 3,
    environnementale: 1,
    fonctionnelle: 3,
    urgence: 'normale',
    commentaire: null,
  });
  return s.id as string;
}

const contenu = (actions: unknown[] = [{ libelle: 'Passage infirmier quotidien', porteur: 'IDEL du quartier', echeance: '2025-04-01' }]) => ({
  referent: 'Lucie Pichon, gestionnaire de cas',
  evaluationGlobale: 'Isolement et chutes à domicile',
  problemes: [{ probleme: 'Chutes', besoins: 'Aménager le logement' }],
  priorites: ['Sécuriser le domicile'],
  objectifs: [],
  actions,
  datesRevision: ['2099-06-01', '2099-01-15'],
  suivi: [],
  avisPersonne: 'D’accord pour le passage infirmier',
});

export function textePdf(contenu: Buffer) {
  const fichier = path.join(os.tmpdir(), `appui-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(fichier, contenu);
  try {
    return execFileSync('pdftotext', ['-layout', fichier, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(fichier);
  }
}

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, gestionnaire, ars, medecinClient] = [serveur.client(), serveur.client(), serveur.client(), serveur.client()];
  await coordination.connecter('appui@demo.maillage.fr');
  await gestionnaire.connecter('gestionnaire@demo.maillage.fr');
  await medecinClient.connecter('medecin@demo.maillage.fr');
  await ars.connecter(DEMO.ars);
  equipeId = (await q(`select organisation_id from appui_equipes`))[0].organisation_id;
  u = {
    coordination: await utilisateur('appui@demo.maillage.fr'),
    gestionnaire: await utilisateur('gestionnaire@demo.maillage.fr'),
    medecin: await utilisateur('medecin@demo.maillage.fr'),
  };
}, 180_000);
afterAll(() => serveur.fermer());

describe('plan personnalisé de coordination en santé', () => {
  it('chaque enregistrement est une version ; une version périmée reçoit 409 avec le plan courant', async () => {
    const id = await nouvelleSituation();
    expect((await gestionnaire.get(`/api/appui/situations/${id}/plan`)).body).toEqual({ plan: null, versions: [] });
    const v1 = await put(gestionnaire, `/api/appui/situations/${id}/plan`, { version: 0, contenu: contenu() });
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, origine: 'saisie', prochaineRevision: '2099-01-15', auteur: 'Lucie Pichon' });
    expect(v1.body.contenu.actions[0]).toMatchObject({ libelle: 'Passage infirmier quotidien', statut: 'a_faire' });
    expect(v1.body.contenu.actions[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const perime = await put(gestionnaire, `/api/appui/situations/${id}/plan`, { version: 0, contenu: contenu([]) });
    expect(perime.status).toBe(409);
    expect(perime.body.detail).toMatch(/rechargez-le/);
    expect(perime.body.courant.version).toBe(1);

    const actions = [{ ...v1.body.contenu.actions[0], statut: 'en_cours' }, { libelle: 'Portage de repas', porteur: 'CCAS' }];
    const v2 = await put(gestionnaire, `/api/appui/situations/${id}/plan`, { version: 1, contenu: contenu(actions) });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);
    const lu = (await gestionnaire.get(`/api/appui/situations/${id}/plan`)).body;
    expect(lu.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(lu.plan.contenu.actions.map((a: any) => a.statut)).toEqual(['en_cours', 'a_faire']);
    const ancienne = await gestionnaire.get(`/api/appui/situations/${id}/plan/versions/1`);
    expect(ancienne.body.contenu.actions).toHaveLength(1);
    expect((await gestionnaire.get(`/api/appui/situations/${id}/plan/versions/9`)).status).toBe(404);

    // Sealed at rest, and the audit log says a version was saved, nothing of its words.
    const lignes = await q('select contenu_chiffre::text t from appui_plans where situation_id = $1', [id]);
    expect(lignes).toHaveLength(2);
    for (const l of lignes) expect(Buffer.from(l.t.slice(2), 'hex').toString('latin1')).not.toMatch(/infirmier|Chutes/);
    const audit = await q(`select diff::text || contexte::text t from audit_evenements where entite_type = 'plan_appui' and entite_id = $1`, [id]);
    expect(audit).toHaveLength(2);
    for (const a of audit) expect(a.t).not.toMatch(/infirmier|Chutes|Tanguy|repas/);
  });

  it('refuse un lien vers un objectif absent du plan, en nommant le champ', async () => {
    const id = await nouvelleSituation();
    const r = await put(gestionnaire, `/api/appui/situations/${id}/plan`, {
      version: 0,
      contenu: contenu([{ libelle: 'x', porteur: 'y', objectifId: '00000000-0000-4000-8000-000000000000' }]),
    });
    expect(r.status).toBe(400);
    expect(r.body.erreurs[0].champ).toBe('contenu.actions.0.objectifId');
  });

  it('s’exporte en PDF pour l’équipe de soins ; la lecture entre au journal des accès', async () => {
    const id = await nouvelleSituation('Kerbrat');
    await put(gestionnaire, `/api/appui/situations/${id}/plan`, { version: 0, contenu: contenu() });
    const pdf = await gestionnaire.telecharger(`/api/appui/situations/${id}/plan.pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe('attachment; filename="plan-situation-' + (await q('select numero from appui_situations where id = $1', [id]))[0].numero + '.pdf"');
    const texte = textePdf(pdf.corps);
    for (const attendu of ['Plan personnalisé de coordination en santé', 'KERBRAT Odette', 'Passage infirmier', 'IDEL du quartier', 'Problèmes et besoins', 'Dates de révision'])
      expect(texte).toContain(attendu);
    const journal = (await gestionnaire.get(`/api/appui/situations/${id}/journal-acces`)).body.elements;
    expect(journal.some((j: any) => j.objet === 'plan personnalisé en PDF, version 1' && j.utilisateur === 'Lucie Pichon')).toBe(true);
  });

  it('reste fermé à qui n’est pas de l’équipe (ARS) comme au médecin qui a adressé la demande', async () => {
    const id = await nouvelleSituation();
    for (const c of [ars, medecinClient]) {
      expect((await c.get(`/api/appui/situations/${id}/plan`)).status).toBe(403);
      expect((await put(c, `/api/appui/situations/${id}/plan`, { version: 0, contenu: contenu() })).status).toBe(403);
    }
  });
});

describe('concertations', () => {
  it('une concertation rémunérable réunit au moins deux professionnels', async () => {
    const id = await nouvelleSituation();
    const r = await gestionnaire.post(`/api/appui/situations/${id}/concertations`, {
      date: '2025-03-10',
      participants: [{ categorie: 'professionnel', nom: 'Dr Hamon' }, { categorie: 'personne', nom: 'Mme Tanguy' }],
      decisions: 'Maintien à domicile',
      remunerable: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.erreurs[0].champ).toBe('remunerable');
  });

  it('ses décisions changent les actions du plan : une nouvelle version en naît', async () => {
    const id = await nouvelleSituation();
    const v1 = (await put(gestionnaire, `/api/appui/situations/${id}/plan`, { version: 0, contenu: contenu() })).body;
    const corps = {
      date: '2025-03-10',
      participants: [
        { categorie: 'professionnel', nom: 'Dr Hamon', qualite: 'médecin traitant' },
        { categorie: 'professionnel', nom: 'Mme Le Goff', qualite: 'infirmière' },
        { categorie: 'aidant', nom: 'Sa fille' },
      ],
      decisions: 'Passage infirmier réalisé ; ajouter une téléassistance',
      remunerable: true,
      actionsModifiees: [{ id: v1.contenu.actions[0].id, statut: 'realisee' }],
      actionsAjoutees: [{ libelle: 'Téléassistance', porteur: 'CCAS de Redon', echeance: '2025-04-15' }],
      versionPlan: 1,
    };
    const r = await gestionnaire.post(`/api/appui/situations/${id}/concertations`, corps);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.concertation).toMatchObject({ remunerable: true, planVersion: 2, decisions: corps.decisions });
    expect(r.body.plan).toMatchObject({ version: 2, origine: 'concertation', concertationId: r.body.concertation.id });
    expect(r.body.plan.contenu.actions.map((a: any) => [a.libelle, a.statut])).toEqual([
      ['Passage infirmier quotidien', 'realisee'],
      ['Téléassistance', 'a_faire'],
    ]);
    // A second one on the version read before the first: stale.
    expect((await gestionnaire.post(`/api/appui/situations/${id}/concertations`, corps)).status).toBe(409);
    const liste = (await gestionnaire.get(`/api/appui/situations/${id}/concertations`)).body.elements;
    expect(liste).toHaveLength(1);
    expect(liste[0].participants.map((p: any) => p.nom)).toEqual(['Dr Hamon', 'Mme Le Goff', 'Sa fille']);
    const [brut] = await q('select contenu_chiffre::text t, participants, professionnels from appui_concertations where situation_id = $1', [id]);
    expect(Buffer.from(brut.t.slice(2), 'hex').toString('latin1')).not.toMatch(/Hamon|téléassistance/i);
    expect([brut.participants, brut.professionnels]).toEqual([3, 2]);
  });
});
