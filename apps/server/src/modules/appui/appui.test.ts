import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { ajouterCleAuFichier, chargerTrousseau, cleDuChiffre } from '../../platform/chiffrement';
import { rechiffrer } from './chiffrement-appui';
import { annoncerSituation } from './situations.service';

/**
 * The appui module's core (issue 18 items 1–3 and 8) on the demo's DAC of the pays de Redon, through real HTTP and
 * PostgreSQL: the guichet, cases, evaluation, orientation, who reads what, the read log, encryption at rest, e-mails.
 */

let serveur: ServeurDeTest;
let coordination: ClientHttp, gestionnaire: ClientHttp, medecin: ClientHttp;
let admin: ClientHttp, ars: ClientHttp, cls: ClientHttp, anonyme: ClientHttp;
let equipe: string, situationLebrun: string, clic: string;
const q = async (sql: string, p: unknown[] = []) => (await serveur.ctx.db.query(sql, p)).rows;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, gestionnaire, medecin, admin, ars, cls, anonyme] = Array.from({ length: 7 }, () => serveur.client());
  await coordination.connecter('appui@demo.maillage.fr');
  await gestionnaire.connecter('gestionnaire@demo.maillage.fr');
  await medecin.connecter('medecin@demo.maillage.fr');
  await admin.connecter(DEMO.admin);
  await ars.connecter(DEMO.ars);
  await cls.connecter(DEMO.coordination);
  equipe = (await q(`select organisation_id from appui_equipes`))[0].organisation_id;
  situationLebrun = (await q(`select id from appui_situations order by numero limit 1`))[0].id;
  clic = (await q(`select id from ressources where nom = 'CLIC de Redon Agglomération'`))[0].id;
}, 180_000);
afterAll(() => serveur.fermer());

const demande = (nom: string, motif: string, extra: Record<string, unknown> = {}) => ({
  equipeId: equipe,
  origine: 'medecin_traitant',
  personne: { nom, prenoms: 'Odette', dateNaissance: '1938-02-01', sexe: 'F', communeCode: '35236', ins: '238027512345678' },
  motif,
  urgence: 'immediate',
  ...extra,
});

describe('listes de l’équipe', () => {
  /** The statements the pool runs for one GET (the job queue's polling left out). */
  async function requetes(client: ClientHttp, chemin: string) {
    const db = serveur.ctx.db;
    const textes: string[] = [];
    const query = db.query;
    db.query = ((...a: [string | { text: string }, ...unknown[]]) => {
      const texte = typeof a[0] === 'string' ? a[0] : a[0].text;
      if (!texte.includes('pgboss.')) textes.push(texte);
      return (query as (...x: unknown[]) => unknown).apply(db, a);
    }) as typeof db.query;
    try {
      const r = await client.get(chemin);
      expect(r.status).toBe(200);
      return { textes, elements: r.body.elements as { id: string; acces: string; personne: string | null }[] };
    } finally {
      db.query = query;
    }
  }
  const lignesJournal = async (objet: string) =>
    (await q(`select count(*)::int as n from appui_journal_acces where objet = $1 and utilisateur_libelle = 'Anne Le Roux'`, [objet]))[0]
      .n as number;

  it('la boîte de réception et les situations : autant de requêtes quelle que soit leur longueur, le journal en un ajout', async () => {
    const demandes = `/api/appui/demandes?equipe=${equipe}`;
    const avant = await requetes(coordination, demandes);
    const journalAvant = await lignesJournal('liste des demandes');
    const nouvelles: string[] = [];
    for (const nom of ['Liste1', 'Liste2', 'Liste3'])
      nouvelles.push((await medecin.post('/api/appui/demandes', demande(nom, 'Pour la liste'))).body.id);
    const apres = await requetes(coordination, demandes);
    expect(apres.elements.length).toBe(avant.elements.length + 3);
    expect(apres.textes.length).toBe(avant.textes.length);
    expect(apres.textes.filter((t) => t.includes('insert into appui_journal_acces'))).toHaveLength(1);
    // The coordinator reads every request: all named, each read logged.
    expect(apres.elements.filter((e) => nouvelles.includes(e.id)).map((e) => e.personne)).toEqual([
      'LISTE3 Odette',
      'LISTE2 Odette',
      'LISTE1 Odette',
    ]);
    expect(await lignesJournal('liste des demandes')).toBe(journalAvant + apres.elements.length);

    const situations = `/api/appui/situations?equipe=${equipe}`;
    const sAvant = await requetes(coordination, situations);
    const ouverte = await coordination.post(`/api/appui/demandes/${nouvelles[0]}/situation`, { version: 1 });
    expect(ouverte.status, JSON.stringify(ouverte.body)).toBe(201);
    const sJournal = await lignesJournal('liste des situations');
    const sApres = await requetes(coordination, situations);
    expect(sApres.elements.length).toBe(sAvant.elements.length + 1);
    expect(sApres.textes.length).toBe(sAvant.textes.length);
    const complets = sApres.elements.filter((e) => e.acces === 'complet');
    expect(complets.find((e) => e.id === ouverte.body.id)?.personne).toBe('LISTE1 Odette');
    expect(sApres.elements.filter((e) => e.acces === 'existence').every((e) => e.personne === null)).toBe(true);
    expect(await lignesJournal('liste des situations')).toBe(sJournal + complets.length);
  });
});

describe('guichet unique', () => {
  it('un médecin connecté adresse une demande : accusé de réception, courriels sans nom ni motif', async () => {
    const avant = serveur.courriels.length;
    const r = await medecin.post('/api/appui/demandes', demande('Quemener', 'Dénutrition sévère et chutes à répétition'));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.message).toContain(`n° ${r.body.numero}`);
    expect(r.body.message).toContain('24 heures');
    const recus = serveur.courriels.slice(avant);
    expect(recus.map((c) => c.a).sort()).toEqual(['appui@demo.maillage.fr', 'medecin@demo.maillage.fr']);
    for (const c of recus) {
      expect(c.texte).not.toMatch(/Quemener|Odette|Dénutrition|chutes|1938/i);
      expect(c.texte).toContain('http://maillage.test/appui/');
    }
    expect(recus.find((c) => c.a.startsWith('appui'))!.sujet).toMatch(/^URGENT/);
    // The requester follows it, without the person: only the number and where it stands.
    const miennes = await medecin.get('/api/appui/mes-demandes');
    const mienne = miennes.body.elements.find((d: any) => d.id === r.body.id);
    expect(mienne).toMatchObject({ numero: r.body.numero, statut: 'recue', situation: null });
    expect(JSON.stringify(miennes.body)).not.toContain('Quemener');
  });

  it('un double envoi avec la même Idempotency-Key crée une seule demande ; la réponse gardée est chiffrée', async () => {
    const envoyer = (cle: string) =>
      fetch(`${serveur.url}/api/appui/demandes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: medecin.cookie!, 'x-csrf-token': medecin.csrf!, 'idempotency-key': cle },
        body: JSON.stringify(demande('Doublon', 'Double clic sur le formulaire')),
      }).then(async (r) => ({ status: r.status, rejouee: r.headers.get('idempotency-replayed'), body: (await r.json()) as any }));
    const compte = async () => (await q('select count(*)::int as n from appui_demandes'))[0].n as number;
    const avant = await compte();
    const cle = randomUUID();
    const premiere = await envoyer(cle);
    const seconde = await envoyer(cle);
    expect(premiere.status, JSON.stringify(premiere.body)).toBe(201);
    expect([seconde.status, seconde.rejouee]).toEqual([201, 'true']);
    expect(seconde.body).toEqual(premiere.body);
    // A double click: three at once with a new key, still one request.
    const ensemble = await Promise.all([1, 2, 3].map(() => envoyer(`${cle}-clic`)));
    expect(new Set(ensemble.map((r) => r.body.id)).size).toBe(1);
    expect(await compte()).toBe(avant + 2);
    const gardees = await q('select empreinte, corps from requetes_idempotentes where cle like $1', [`${cle}%`]);
    expect(gardees).toHaveLength(2);
    const brut = Buffer.concat(gardees.map((g) => g.corps)).toString('latin1');
    expect(brut).not.toContain(premiere.body.id);
    expect(brut).not.toMatch(/Doublon|Odette|numero/);
  });

  it('une demande incomplète est refusée en français, champ par champ', async () => {
    const r = await medecin.post('/api/appui/demandes', { ...demande('X', ''), urgence: 'demain' });
    expect(r.status).toBe(400);
    expect(r.body.erreurs.map((e: any) => e.champ).sort()).toEqual(['motif', 'urgence']);
    expect(r.body.detail).toContain('Urgence inconnue');
  });

  it('seule l’équipe saisit une demande prise au téléphone, avec qui appelle', async () => {
    const corps = demande('Tanguy', 'Appel de la voisine', { origine: 'aidant', canal: 'telephone' });
    expect((await medecin.post('/api/appui/demandes', corps)).status).toBe(403);
    const sans = await coordination.post('/api/appui/demandes', corps);
    expect(sans.status).toBe(400);
    expect(sans.body.erreurs[0].champ).toBe('demandeur');
    const r = await coordination.post('/api/appui/demandes', { ...corps, demandeur: { nom: 'Voisine', qualite: 'voisine' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const lue = await coordination.get(`/api/appui/demandes/${r.body.id}`);
    expect(lue.body).toMatchObject({ canal: 'telephone', demandeur: { nom: 'Voisine' }, motif: 'Appel de la voisine' });
    expect(lue.body.personne).toMatchObject({ nom: 'Tanguy', ins: '238027512345678', insQualifie: false, communeNom: 'Redon' });
  });

  it('référent, premier contact (délai mesuré), ouverture : le médecin traitant est prévenu sans détail de santé', async () => {
    const d = (await medecin.post('/api/appui/demandes', demande('Le Gall', 'Soins palliatifs à domicile'))).body;
    const membre = (await gestionnaire.get(`/api/appui/demandes/${d.id}`)).status;
    expect(membre).toBe(403); // neither référent nor coordinator yet
    const gid = (await q(`select id from utilisateurs where email = 'gestionnaire@demo.maillage.fr'`))[0].id;
    const ref = await coordination.post(`/api/appui/demandes/${d.id}/referent`, { referentId: gid, version: 1 });
    expect(ref.status, JSON.stringify(ref.body)).toBe(200);
    const contact = await gestionnaire.post(`/api/appui/demandes/${d.id}/premier-contact`, { version: 2 });
    expect(contact.status, JSON.stringify(contact.body)).toBe(200);
    const lue = (await gestionnaire.get(`/api/appui/demandes/${d.id}`)).body;
    expect(lue.delaiPremierContactHeures).toBeGreaterThanOrEqual(0);
    expect(lue.premierContactEnRetard).toBe(false);
    const avant = serveur.courriels.length;
    const s = await gestionnaire.post(`/api/appui/demandes/${d.id}/situation`, { version: 3 });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body.medecinPrevenu).toBe(true);
    const mail = serveur.courriels.slice(avant).find((c) => c.a === 'medecin@demo.maillage.fr')!;
    expect(mail.sujet).toBe(`Situation n° ${s.body.numero} ouverte par Dispositif d’appui à la coordination du pays de Redon`);
    expect(mail.texte).not.toMatch(/Le Gall|Odette|palliatif/i);
    expect(mail.texte).toContain('connectez-vous');
    const situation = (await gestionnaire.get(`/api/appui/situations/${s.body.id}`)).body;
    expect(situation).toMatchObject({
      acces: 'complet',
      statut: 'ouverte',
      medecinTraitant: { nom: 'Jean Hamon', courriel: 'medecin@demo.maillage.fr' },
    });
    expect((await gestionnaire.post(`/api/appui/demandes/${d.id}/situation`, { version: 4 })).status).toBe(409);
  });
});

describe('courriel de clôture (appelé par la partie plan)', () => {
  it('dit au médecin traitant le numéro, l’équipe et le lien, rien de la personne', async () => {
    const avant = serveur.courriels.length;
    expect(await annoncerSituation(serveur.ctx, situationLebrun, 'cloture')).toBe(true);
    const [mail] = serveur.courriels.slice(avant);
    expect(mail.a).toBe('medecin@demo.maillage.fr');
    expect(mail.sujet).toMatch(/^Situation n° \d+ close par /);
    expect(mail.texte).toContain('http://maillage.test/appui/mes-demandes');
    expect(mail.texte).not.toMatch(/Lebrun|Yvonne|1941|chute|aidante|CLIC|MAIA/i);
    expect(mail.piecesJointes).toEqual([]);
  });
});

describe('situation : évaluation, orientation, personne', () => {
  it('l’évaluation donne le niveau de réponse ; l’orientation garde son issue', async () => {
    const s = (await gestionnaire.get(`/api/appui/situations/${situationLebrun}`)).body;
    expect(s.niveau).toBe('gestion_de_cas');
    expect(s.evaluations[0]).toMatchObject({ medicale: 3, fonctionnelle: 3, niveau: 'gestion_de_cas' });
    const e = await gestionnaire.post(`/api/appui/situations/${situationLebrun}/evaluations`, {
      medicale: 2,
      psychologique: 1,
      sociale: 0,
      environnementale: 0,
      fonctionnelle: 1,
      urgence: 'normale',
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    expect(e.body.niveau).toBe('appui_ponctuel');
    const o = await gestionnaire.post(`/api/appui/situations/${situationLebrun}/orientations`, {
      ressourceId: clic,
      commentaire: 'Portage de repas',
    });
    expect(o.status).toBe(201);
    const refus = await gestionnaire.requete('PATCH', `/api/appui/situations/${situationLebrun}/orientations/${o.body.id}`, {
      issue: 'refusee',
      version: 1,
    });
    expect(refus.status, JSON.stringify(refus.body)).toBe(200);
    const apres = (await gestionnaire.get(`/api/appui/situations/${situationLebrun}`)).body;
    expect(apres.niveau).toBe('appui_ponctuel');
    expect(apres.orientations.find((x: any) => x.id === o.body.id)).toMatchObject({
      issue: 'refusee',
      commentaire: 'Portage de repas',
      ressourceNom: 'CLIC de Redon Agglomération',
    });
    const cotation = await gestionnaire.post(`/api/appui/situations/${situationLebrun}/evaluations`, { medicale: 5 });
    expect(cotation.status).toBe(400);
    expect(cotation.body.detail).toContain('Cotation attendue');
  });

  it('information et opposition datées ; l’identité corrigée reste chiffrée', async () => {
    const v = (await gestionnaire.get(`/api/appui/situations/${situationLebrun}`)).body.version;
    const info = await gestionnaire.put(`/api/appui/situations/${situationLebrun}/information`, {
      informeeLe: '2026-01-05',
      oppositionLe: '2026-01-06',
      oppositionMotif: 'Refuse le partage avec l’hôpital',
      version: v,
    });
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    const ident = await gestionnaire.put(`/api/appui/situations/${situationLebrun}/personne`, {
      identite: { nom: 'Lebrun', nomUsage: 'Kerjean', prenoms: 'Yvonne Marie', communeCode: '35236' },
      version: info.body.version,
    });
    expect(ident.status, JSON.stringify(ident.body)).toBe(200);
    const s = (await gestionnaire.get(`/api/appui/situations/${situationLebrun}`)).body;
    expect(s).toMatchObject({ informeeLe: '2026-01-05', oppositionLe: '2026-01-06', oppositionMotif: 'Refuse le partage avec l’hôpital' });
    expect(s.personne).toMatchObject({ nomUsage: 'Kerjean', prenoms: 'Yvonne Marie' });
    expect((await gestionnaire.put(`/api/appui/situations/${situationLebrun}/information`, { informeeLe: null, version: v })).status).toBe(
      409,
    );
  });
});

describe('protection des données de santé', () => {
  it('ARS, coordination CLS, administrateur : 403 ; anonyme : 401 ; jeton d’API : 403', async () => {
    for (const c of [admin, ars, cls, medecin]) {
      expect((await c.get(`/api/appui/situations/${situationLebrun}`)).status).toBe(403);
      expect((await c.get(`/api/appui/situations?equipe=${equipe}`)).status).toBe(403);
      expect((await c.get(`/api/appui/demandes?equipe=${equipe}`)).status).toBe(403);
      expect((await c.get(`/api/appui/situations/${situationLebrun}/journal-acces`)).status).toBe(403);
    }
    expect((await anonyme.get(`/api/appui/situations/${situationLebrun}`)).status).toBe(401);
    const jeton = (await gestionnaire.post('/api/moi/jetons', { libelle: 'script' })).body.jeton;
    const script = serveur.client();
    script.bearer = jeton;
    const r = await script.get(`/api/appui/situations/${situationLebrun}`);
    expect(r.status).toBe(403);
    expect(r.body.detail).toContain('jeton d’API');
  });

  it('un membre de l’équipe voit que la situation existe ; un motif déclaré (journalisé) la lui ouvre', async () => {
    const existe = await coordination.get(`/api/appui/situations/${situationLebrun}`);
    expect(existe.status).toBe(200);
    expect(existe.body.acces).toBe('existence');
    expect(JSON.stringify(existe.body)).not.toMatch(/Lebrun|Yvonne|chute/i);
    const liste = (await coordination.get(`/api/appui/situations?equipe=${equipe}`)).body.elements;
    expect(liste.find((s: any) => s.id === situationLebrun)).toMatchObject({ acces: 'existence', personne: null });
    expect((await coordination.put(`/api/appui/situations/${situationLebrun}/information`, { version: 1 })).status).toBe(403);
    expect((await coordination.post(`/api/appui/situations/${situationLebrun}/motif-acces`, { motif: 'court' })).status).toBe(400);
    const motif = await coordination.post(`/api/appui/situations/${situationLebrun}/motif-acces`, {
      motif: 'Remplacement de la gestionnaire pendant ses congés',
    });
    expect(motif.status, JSON.stringify(motif.body)).toBe(201);
    const ouverte = (await coordination.get(`/api/appui/situations/${situationLebrun}`)).body;
    expect(ouverte.acces).toBe('complet');
    expect(ouverte.personne.nom).toBe('Lebrun');
  });

  it('chaque lecture est journalisée (qui, quand, quoi) et le référent voit le journal', async () => {
    await gestionnaire.get(`/api/appui/situations/${situationLebrun}`);
    const journal = await gestionnaire.get(`/api/appui/situations/${situationLebrun}/journal-acces`);
    expect(journal.status).toBe(200);
    const entrees = journal.body.elements;
    expect(
      entrees.some((e: any) => e.nature === 'motif_declare' && e.utilisateur === 'Anne Le Roux' && e.motif.startsWith('Remplacement')),
    ).toBe(true);
    expect(entrees.some((e: any) => e.nature === 'lecture' && e.utilisateur === 'Anne Le Roux' && e.objet === 'situation')).toBe(true);
    expect(entrees.some((e: any) => e.nature === 'lecture' && e.utilisateur === 'Lucie Pichon' && e.objet === 'situation')).toBe(true);
    // Append-only: the database itself refuses to change it.
    await expect(q(`update appui_journal_acces set objet = 'rien'`)).rejects.toThrow(/ajout seul/);
  });

  it('au repos, rien de la personne en clair : tables, journal d’audit', async () => {
    const lignes = await q(
      `select p.identite_chiffree, d.motif_chiffre from appui_personnes p join appui_demandes d on d.personne_id = p.id`,
    );
    expect(lignes.length).toBeGreaterThan(3);
    const tout = Buffer.concat(lignes.flatMap((l) => [l.identite_chiffree, l.motif_chiffre])).toString('latin1');
    for (const clair of ['Lebrun', 'Yvonne', 'Quemener', '1941-03-12', 'chutes', 'Dénutrition', '238027512345678'])
      expect(tout).not.toContain(clair);
    const texte = JSON.stringify(await q(`select * from appui_personnes`)) + JSON.stringify(await q(`select * from appui_evaluations`));
    expect(texte).not.toMatch(/Lebrun|Yvonne|medicale/);
    const audit = JSON.stringify(await q(`select diff, contexte from audit_evenements where entite_type like '%appui'`));
    expect(audit).toContain('numero');
    expect(audit).not.toMatch(/Lebrun|Yvonne|Quemener|Le Gall|chute|Dénutrition|palliatif|Refuse le partage/i);
    // A ciphertext copied to another row does not decrypt (its row is bound as associated data), and says nothing.
    const cible = (await q('select personne_id from appui_situations where id = $1', [situationLebrun]))[0].personne_id;
    const [autre] = await q('select id, identite_chiffree from appui_personnes where id <> $1 limit 1', [cible]);
    const [original] = await q('select identite_chiffree from appui_personnes where id = $1', [cible]);
    await q('update appui_personnes set identite_chiffree = $1 where id = $2', [autre.identite_chiffree, cible]);
    const r = await gestionnaire.get(`/api/appui/situations/${situationLebrun}`);
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toMatch(/Lebrun|Yvonne|Quemener|Odette/);
    await q('update appui_personnes set identite_chiffree = $1 where id = $2', [original.identite_chiffree, cible]);
    expect((await gestionnaire.get(`/api/appui/situations/${situationLebrun}`)).status).toBe(200);
  });

  it('la rotation de clé rechiffre tout avec la nouvelle clé, qui relit tout', async () => {
    const ancienne = await chargerTrousseau(serveur.ctx.config.dataDir);
    const nouvelleId = await ajouterCleAuFichier(serveur.ctx.config.dataDir);
    const trousseau = await chargerTrousseau(serveur.ctx.config.dataDir);
    expect(trousseau.active.id).toBe(nouvelleId);
    expect(trousseau.active.id).not.toBe(ancienne.active.id);
    const n = await rechiffrer(serveur.ctx.db, trousseau);
    expect(n).toBeGreaterThan(10);
    const cles = await q(`select identite_chiffree as c from appui_personnes union all select grille_chiffree from appui_evaluations`);
    expect(new Set(cles.map((r) => cleDuChiffre(r.c)))).toEqual(new Set([nouvelleId]));
    expect(await rechiffrer(serveur.ctx.db, trousseau)).toBe(0);
  });
});
