import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, textePdf, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import type { Utilisateur } from '../../platform/contexte';
import { soumettreDemande } from './demandes.service';
import { designerReferent, noterPremierContact } from './demandes-suivi.service';
import { ouvrirSituation } from './situations.service';
import { purgerSituationsCloses, TACHE_PURGE_APPUI } from './purge.service';

/** Follow-up, closure with its letter, purge and access right (issue 18 items 6 and 8), real HTTP, PostgreSQL, SMTP. */

let serveur: ServeurDeTest;
let coordination: ClientHttp, gestionnaire: ClientHttp;
let equipeId: string;
let u: Record<'coordination' | 'gestionnaire' | 'medecin', Utilisateur>;
const q = async (sql: string, p: unknown[] = []) => (await serveur.ctx.db.query(sql, p)).rows;

async function utilisateur(email: string): Promise<Utilisateur> {
  const [r] = await q(
    `select u.id, p.prenom || ' ' || p.nom libelle from utilisateurs u join personnes p on p.id = u.personne_id where u.email = $1`,
    [email],
  );
  return { userId: r.id, organisationId: null, habilitations: [], email, libelle: r.libelle } as Utilisateur;
}

async function nouvelleSituation(nom: string) {
  const d = await soumettreDemande(serveur.ctx, u.medecin, {
    equipeId,
    origine: 'medecin_traitant',
    canal: 'formulaire',
    personne: { nom, prenoms: 'Marcel', dateNaissance: '1938-05-04', sexe: 'M', communeCode: '35236', ins: null },
    motif: 'Insuffisance cardiaque, hospitalisations répétées',
    urgence: 'rapide',
    medecinTraitant: { nom: 'Jean Hamon', courriel: 'medecin@demo.maillage.fr' },
  });
  await designerReferent(serveur.ctx, u.coordination, d.id, u.gestionnaire.userId, 1);
  await noterPremierContact(serveur.ctx, u.gestionnaire, d.id, undefined, 2);
  const s = await ouvrirSituation(serveur.ctx, u.gestionnaire, d.id, { version: 3 });
  return { id: s.id as string, demandeId: d.id as string };
}

const version = async (id: string) => (await q('select version from appui_situations where id = $1', [id]))[0].version;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, gestionnaire] = [serveur.client(), serveur.client()];
  await coordination.connecter('appui@demo.maillage.fr');
  await gestionnaire.connecter('gestionnaire@demo.maillage.fr');
  equipeId = (await q('select organisation_id from appui_equipes'))[0].organisation_id;
  u = {
    coordination: await utilisateur('appui@demo.maillage.fr'),
    gestionnaire: await utilisateur('gestionnaire@demo.maillage.fr'),
    medecin: await utilisateur('medecin@demo.maillage.fr'),
  };
}, 180_000);
afterAll(() => serveur.fermer());

describe('charge des gestionnaires et délais', () => {
  it('signale le gestionnaire au-delà du seuil de l’équipe, que seul un coordinateur change', async () => {
    await nouvelleSituation('Charge');
    const [{ n }] = await q(`select count(*)::int n from appui_situations where referent_id = $1 and statut = 'ouverte'`, [
      u.gestionnaire.userId,
    ]);
    const defaut = (await gestionnaire.get(`/api/appui/equipes/${equipeId}/charge`)).body;
    expect(defaut.seuil).toBe(30);
    expect(defaut.gestionnaires.find((g: any) => g.utilisateurId === u.gestionnaire.userId)).toMatchObject({
      situationsOuvertes: n,
      alerte: false,
    });
    expect((await gestionnaire.put(`/api/appui/equipes/${equipeId}/reglages`, { seuilCharge: 1, conservationMois: null })).status).toBe(
      403,
    );
    const r = await coordination.put(`/api/appui/equipes/${equipeId}/reglages`, { seuilCharge: n - 1, conservationMois: null });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.conservationMois).toEqual({ valeur: 24, source: 'configuration' });
    const charge = (await gestionnaire.get(`/api/appui/equipes/${equipeId}/charge`)).body;
    expect(charge.alertes).toBe(1);
    expect(charge.gestionnaires.find((g: any) => g.utilisateurId === u.gestionnaire.userId)).toMatchObject({
      alerte: true,
      message: `${n} situations ouvertes pour un seuil de ${n - 1} : au-delà de la charge prévue par gestionnaire.`,
    });
    await coordination.put(`/api/appui/equipes/${equipeId}/reglages`, { seuilCharge: 30, conservationMois: null });
  });

  it('mesure demande → premier contact → évaluation → plan, pour la situation et pour l’équipe', async () => {
    const { id } = await nouvelleSituation('Delai');
    const d = (await gestionnaire.get(`/api/appui/situations/${id}/delais`)).body;
    expect(d.jalons.premierContactLe).not.toBeNull();
    expect(d.delais.premier_contact).toBeGreaterThanOrEqual(0);
    expect(d.delais.plan).toBeNull();
    const equipe = (await coordination.get(`/api/appui/equipes/${equipeId}/delais`)).body;
    const [{ n }] = await q('select count(*)::int n from appui_demandes where organisation_id = $1', [equipeId]);
    expect(equipe.situations).toBe(n);
    expect(equipe.etapes.map((e: any) => e.etape)).toEqual(['premier_contact', 'evaluation', 'plan', 'total']);
    expect(equipe.etapes[2].enAttente).toBeGreaterThanOrEqual(1);
  });
});

describe('clôture', () => {
  it('clôt avec un motif, écrit au médecin sans détail de santé, et donne le courrier en PDF', async () => {
    const { id } = await nouvelleSituation('Cloarec');
    const v = await version(id);
    expect((await gestionnaire.post(`/api/appui/situations/${id}/cloture`, { motif: 'autre', version: v })).body.erreurs[0].champ).toBe(
      'precision',
    );
    expect((await gestionnaire.post(`/api/appui/situations/${id}/cloture`, { motif: 'relais_pris', version: v - 1 })).status).toBe(409);
    const avant = serveur.courriels.length;
    const r = await gestionnaire.post(`/api/appui/situations/${id}/cloture`, {
      motif: 'relais_pris',
      precision: 'SSIAD en place',
      version: v,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ motif: 'relais_pris', precision: 'SSIAD en place', medecinInforme: true, auteur: 'Lucie Pichon' });
    const mail = serveur.courriels.slice(avant).find((m) => m.a === 'medecin@demo.maillage.fr');
    expect(mail?.sujet).toMatch(/close/);
    expect(mail?.texte).toContain('http://maillage.test/');
    expect(mail?.texte).not.toMatch(/Cloarec|SSIAD|cardiaque|relais/i);
    expect(mail?.piecesJointes).toEqual([]);
    const pdf = await gestionnaire.telecharger(`/api/appui/situations/${id}/courrier-cloture.pdf`);
    expect(pdf.type).toBe('application/pdf');
    const texte = textePdf(pdf.corps);
    for (const attendu of [
      'Courrier de fin d’accompagnement',
      'CLOAREC Marcel',
      'Dr Jean Hamon',
      'relais pris par un autre acteur',
      'SSIAD en place',
    ])
      expect(texte).toContain(attendu);
    expect((await gestionnaire.put(`/api/appui/situations/${id}/plan`, { version: 0, contenu: { referent: 'Moi-même' } })).status).toBe(
      409,
    );
    const journal = (await gestionnaire.get(`/api/appui/situations/${id}/journal-acces`)).body.elements;
    expect(journal.some((j: any) => j.objet === 'courrier de clôture en PDF')).toBe(true);
  });

  it('donne le courrier de retour au médecin traitant, depuis « Mes demandes », et à lui seul hors de l’équipe', async () => {
    const { id } = await nouvelleSituation('Le Goff');
    const [medecin, autre] = [serveur.client(), serveur.client()];
    await medecin.connecter('medecin@demo.maillage.fr');
    await autre.connecter('cpam@demo.maillage.fr');
    const adresse = `/api/appui/situations/${id}/courrier-cloture.pdf`;
    // Open: the letter does not exist yet, and the médecin reads nothing of the case.
    expect((await medecin.get(adresse)).status).toBe(403);
    const ouverte = (await medecin.get('/api/appui/mes-demandes')).body.elements.find((d: any) => d.situation?.statut === 'ouverte');
    expect(ouverte.situation.courrierCloture).toBeNull();
    const r = await gestionnaire.post(`/api/appui/situations/${id}/cloture`, { motif: 'relais_pris', version: await version(id) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const mienne = (await medecin.get('/api/appui/mes-demandes')).body.elements.find((d: any) => d.situation?.courrierCloture === adresse);
    expect(mienne.situation.statut).toBe('close');
    const pdf = await medecin.telecharger(adresse);
    expect(pdf.type).toBe('application/pdf');
    expect(textePdf(pdf.corps)).toContain('LE GOFF Marcel');
    expect((await medecin.get(`/api/appui/situations/${id}`)).status).toBe(403);
    expect((await autre.get(adresse)).status).toBe(403);
    const journal = (await gestionnaire.get(`/api/appui/situations/${id}/journal-acces`)).body.elements;
    expect(journal.filter((j: any) => j.objet === 'courrier de clôture en PDF').map((j: any) => j.utilisateur)).toContain('Jean Hamon');
  });
});

describe('purge des situations closes', () => {
  it('efface au terme de la durée de conservation, par la tâche planifiée, en laissant une entrée d’audit sans nom', async () => {
    const vieille = await nouvelleSituation('Purgeon');
    const recente = await nouvelleSituation('Gardien');
    for (const s of [vieille, recente]) {
      await gestionnaire.put(`/api/appui/situations/${s.id}/plan`, { version: 0, contenu: { referent: 'Lucie Pichon' } });
      await gestionnaire.post(`/api/appui/situations/${s.id}/cloture`, { motif: 'objectifs_atteints', version: await version(s.id) });
    }
    await q(`update appui_situations set close_le = now() - interval '25 months' where id = $1`, [vieille.id]);
    await q(`update appui_situations set close_le = now() - interval '23 months' where id = $1`, [recente.id]);
    await serveur.ctx.taches.envoyerMaintenant(TACHE_PURGE_APPUI);
    for (let i = 0; i < 100 && (await q('select 1 from appui_situations where id = $1', [vieille.id])).length; i++)
      await new Promise((r) => setTimeout(r, 200));
    for (const table of [
      'appui_situations where id',
      'appui_plans where situation_id',
      'appui_clotures where situation_id',
      'appui_journal_acces where situation_id',
    ])
      expect(await q(`select 1 from ${table} = $1`, [vieille.id]), table).toEqual([]);
    expect(await q('select 1 from appui_demandes where id = $1', [vieille.demandeId])).toEqual([]);
    expect(await q('select 1 from appui_situations where id = $1', [recente.id])).toHaveLength(1);
    const audit = await q(
      `select acteur_libelle, diff::text || contexte::text t from audit_evenements where entite_type = 'cloture_appui' and action = 'purge' and entite_id = $1`,
      [vieille.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].acteur_libelle).toBe('Système');
    expect(audit[0].t).not.toMatch(/Purgeon|Marcel|cardiaque/);
    // Rerun: nothing more to do; a team's shorter retention takes the other one.
    expect(await purgerSituationsCloses(serveur.ctx)).toBe(0);
    await coordination.put(`/api/appui/equipes/${equipeId}/reglages`, { seuilCharge: null, conservationMois: 12 });
    expect(await purgerSituationsCloses(serveur.ctx)).toBeGreaterThanOrEqual(1);
    expect(await q('select 1 from appui_situations where id = $1', [recente.id])).toEqual([]);
  });
});

describe('droit d’accès de la personne', () => {
  it('exporte tout ce qui est détenu, en JSON et en PDF, pour les coordinateurs seulement, et le journalise', async () => {
    const { id } = await nouvelleSituation('Accesbert');
    await gestionnaire.put(`/api/appui/situations/${id}/plan`, {
      version: 0,
      contenu: { referent: 'Lucie Pichon', priorites: ['Rester à domicile'] },
    });
    const [{ personne_id: personneId }] = await q('select personne_id from appui_situations where id = $1', [id]);
    expect((await gestionnaire.get(`/api/appui/personnes/${personneId}/donnees.json`)).status).toBe(403);
    const r = await coordination.get(`/api/appui/personnes/${personneId}/donnees.json`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.personne).toMatchObject({ nom: 'Accesbert', prenoms: 'Marcel' });
    expect(r.body.demandes[0].motif).toBe('Insuffisance cardiaque, hospitalisations répétées');
    expect(r.body.situations[0].plans[0].contenu.priorites).toEqual(['Rester à domicile']);
    const pdf = await coordination.telecharger(`/api/appui/personnes/${personneId}/donnees.pdf`);
    const texte = textePdf(pdf.corps);
    for (const attendu of [
      'Données détenues sur vous',
      'Accesbert',
      'Insuffisance cardiaque',
      'Rester à domicile',
      'Qui a consulté cette situation',
    ])
      expect(texte).toContain(attendu);
    const lectures = await q(`select objet from appui_journal_acces where situation_id = $1 and objet like 'export du droit%'`, [id]);
    expect(lectures.map((l) => l.objet).sort()).toEqual(['export du droit d’accès (JSON)', 'export du droit d’accès (PDF)']);
    const audit = await q(
      `select diff::text || contexte::text t from audit_evenements where entite_type = 'droit_acces_appui' and entite_id = $1`,
      [personneId],
    );
    expect(audit).toHaveLength(2);
    for (const a of audit) expect(a.t).not.toMatch(/Accesbert|cardiaque/);
  });
});
