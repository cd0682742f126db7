import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let cls1: any;
let cls2: any;
let redon: string;
let copil: string;
let seance: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  const liste = (await coordination.get('/api/contrats')).body;
  cls1 = liste.find((c: any) => c.generation === 1);
  cls2 = liste.find((c: any) => c.generation === 2);
  redon = (await serveur.ctx.db.query(`select id from organisations where nom = 'Redon Agglomération'`)).rows[0].id;
});
afterAll(() => serveur.fermer());

/** An .ics read back with a real iCalendar parser. */
function evenements(ics: string) {
  const composant = new ICAL.Component(ICAL.parse(ics));
  return composant.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('instances et séances', () => {
  it('une coordonnatrice crée le COPIL, planifie une séance avec son ordre du jour et invite ses membres', async () => {
    const instance = await coordination.post(`/api/contrats/${cls2.id}/instances`, {
      type: 'copil',
      nom: 'COPIL CLS Redon Agglomération',
      frequenceParAn: 2,
      presidence: 'ARS Bretagne et Redon Agglomération',
    });
    expect(instance.status).toBe(201);
    copil = instance.body.id;
    const membre = await coordination.post(`/api/contrats/${cls2.id}/instances/${copil}/membres`, {
      organisationId: redon,
      role: 'collectivité porteuse',
      copresidence: true,
    });
    expect(membre.status).toBe(201);
    const fiche = (
      await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
        intitule: 'Créer une maison de santé',
        pilotes: [{ organisationId: redon }],
      })
    ).body;
    const s = await coordination.post(`/api/contrats/${cls2.id}/seances`, {
      instanceId: copil,
      debut: '2031-07-01T14:00:00Z',
      fin: '2031-07-01T16:00:00Z',
      lieu: 'Hôtel communautaire, Redon',
      ordreDuJour: [
        { intitule: 'Validation des fiches-action', dureeMinutes: 45, ficheIds: [fiche.id] },
        { intitule: 'Questions diverses' },
      ],
    });
    expect(s.status).toBe(201);
    seance = s.body.id;

    const invitations = await coordination.post(`/api/seances/${seance}/invitations`);
    expect(invitations.status).toBe(200);
    expect(invitations.body.invites).toContain(DEMO.coordination);
    await expect.poll(() => serveur.courriels.filter((c) => c.sujet.startsWith('Invitation : COPIL')).length).toBeGreaterThan(0);
    const courriel = serveur.courriels.find((c) => c.sujet.startsWith('Invitation : COPIL'))!;
    expect(courriel.sujet).toBe('Invitation : COPIL CLS Redon Agglomération du 1er juillet 2031');
    expect(courriel.texte).toContain('1. Validation des fiches-action');
    const ics = courriel.piecesJointes.find((p) => p.nom === 'invitation.ics')!;
    expect(ics.type).toBe('text/calendar');
    const [evenement] = evenements(ics.contenu);
    expect(evenement.uid).toBe(`${seance}@maillage`);
    expect(evenement.summary).toContain('COPIL CLS Redon Agglomération');
    expect(evenement.location).toBe('Hôtel communautaire, Redon');
    expect(evenement.startDate.toJSDate().toISOString()).toBe('2031-07-01T14:00:00.000Z');
    expect(evenement.endDate.toJSDate().toISOString()).toBe('2031-07-01T16:00:00.000Z');
  });

  it('invite aussi un membre sans compte, à l’adresse que la coordination lui donne', async () => {
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const mairie = (await admin.post('/api/organisations', { nom: 'Mairie de Bains-sur-Oust', type: 'commune' })).body.id;
    const ajout = await coordination.post(`/api/contrats/${cls2.id}/instances/${copil}/membres`, {
      organisationId: mairie,
      role: 'commune membre',
    });
    expect(ajout.status).toBe(201);
    const membres = () =>
      coordination.get(`/api/contrats/${cls2.id}/instances`).then((r) => r.body.find((i: any) => i.id === copil).membres);
    // No account in the organisation: nobody would receive its invitations, and the list says so.
    expect((await membres()).find((m: any) => m.id === ajout.body.id)).toMatchObject({ email: null, destinataires: 0 });
    expect((await membres()).find((m: any) => m.organisationId === redon).destinataires).toBeGreaterThan(0);

    const chemin = `/api/contrats/${cls2.id}/instances/${copil}/membres/${ajout.body.id}/courriel`;
    const faux = await coordination.put(chemin, { email: 'secretariat@' });
    expect(faux.status).toBe(400);
    expect(faux.body.erreurs).toEqual([{ champ: 'email', message: 'L’adresse e-mail n’est pas valide' }]);
    const ok = await coordination.put(chemin, { email: ' Accueil@Bains-sur-Oust.example.fr ' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email: 'accueil@bains-sur-oust.example.fr', destinataires: 1 });
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await lecteur.put(chemin, { email: 'x@example.fr' })).status).toBe(403);

    const invitations = await coordination.post(`/api/seances/${seance}/invitations`);
    expect(invitations.body.invites).toContain('accueil@bains-sur-oust.example.fr');
    await expect.poll(() => serveur.courriels.filter((c) => c.a.includes('accueil@bains-sur-oust.example.fr')).length).toBe(1);
    const { rows } = await serveur.ctx.db.query(
      `select action, diff from audit_evenements where entite_type = 'membre_instance' and entite_id = $1 order by id`,
      [ajout.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['creation', 'courriel_invitation']);
  });

  it('sert la séance et le flux de l’instance en ICS, le flux par un lien secret', async () => {
    const r = await fetch(`${serveur.url}/api/seances/${seance}.ics`, { headers: { cookie: coordination.cookie! } });
    expect(r.headers.get('content-type')).toContain('text/calendar');
    expect(evenements(await r.text())[0].description).toContain('Validation des fiches-action');
    const lien = await coordination.get(`/api/contrats/${cls2.id}/instances/${copil}/calendrier`);
    const chemin = new URL(lien.body.url).pathname;
    const flux = await fetch(serveur.url + chemin);
    expect(flux.status).toBe(200);
    expect(evenements(await flux.text())).toHaveLength(1);
    expect((await fetch(`${serveur.url}/api/calendriers/faux.ics`)).status).toBe(404);
  });

  it('enregistre les présences et un compte rendu assaini', async () => {
    const instance = (await coordination.get(`/api/contrats/${cls2.id}/instances`)).body.find((i: any) => i.id === copil);
    const membreId = instance.membres[0].id;
    const sansRepresentant = await coordination.put(`/api/seances/${seance}/presences`, { presences: [{ membreId, etat: 'represente' }] });
    expect(sansRepresentant.status).toBe(400);
    const ok = await coordination.put(`/api/seances/${seance}/presences`, {
      presences: [{ membreId, etat: 'represente', representePar: 'Vice-présidente santé' }],
    });
    expect(ok.body.presences).toEqual([{ membreId, etat: 'represente', representePar: 'Vice-présidente santé' }]);
    const cr = await coordination.put(`/api/seances/${seance}/compte-rendu`, {
      compteRendu:
        '<h2>Relevé</h2><p onclick="x()">Le COPIL <b>valide</b>.</p><script>alert(1)</script><a href="javascript:x">lien</a><div>Suite</div>',
      version: ok.body.version,
    });
    expect(cr.status).toBe(200);
    expect(cr.body.compteRendu).toBe(
      '<h2>Relevé</h2><p>Le COPIL <strong>valide</strong>.</p><a rel="noopener noreferrer">lien</a><p>Suite</p>',
    );
  });

  it('applique une décision à la fiche, et l’historique de la fiche dit pourquoi', async () => {
    const fiche = (await coordination.get(`/api/contrats/${cls2.id}/fiches?q=maison`)).body[0];
    const corps = { action: 'statut_fiche', texte: 'Le COPIL lance la fiche « maison de santé ».', ficheId: fiche.id, statut: 'en_cours' };
    // The séance of 1 July 2031 has not been held: a decision needs an explicit confirmation, and nothing moves without it.
    const avantLaSeance = await coordination.post(`/api/seances/${seance}/decisions`, corps);
    expect(avantLaSeance.status).toBe(422);
    expect(avantLaSeance.body.detail).toBe(
      'La séance « COPIL CLS Redon Agglomération » est prévue le 1er juillet 2031 : elle n’a pas encore eu lieu. Vérifiez sa date, ou confirmez pour enregistrer et appliquer cette décision dès maintenant.',
    );
    expect(avantLaSeance.body.erreurs).toEqual([
      { champ: 'confirmerSeanceFuture', message: 'Confirmez la décision d’une séance prévue le 1er juillet 2031' },
    ]);
    expect((await coordination.get(`/api/fiches/${fiche.id}`)).body.statut).toBe('a_venir');
    expect((await coordination.get(`/api/seances/${seance}`)).body.decisions).toEqual([]);
    const decision = await coordination.post(`/api/seances/${seance}/decisions`, { ...corps, confirmerSeanceFuture: true });
    expect(decision.status).toBe(201);
    expect(decision.body.resume).toBe(`Fiche ${fiche.numero} : À venir → En cours`);
    const apres = (await coordination.get(`/api/fiches/${fiche.id}`)).body;
    expect(apres.statut).toBe('en_cours');
    expect(apres.historiqueStatuts.at(-1).par).toMatch(/décision du 1er juillet 2031/);
    const historique = (await coordination.get(`/api/contrats/${cls2.id}/historique`)).body.elements;
    const trace = historique.find(
      (e: any) => e.entiteType === 'fiche' && e.entiteId === fiche.id && e.contexte.decisionId === decision.body.id,
    );
    expect(trace).toMatchObject({
      action: 'modification',
      diff: { statut: { avant: 'a_venir', apres: 'en_cours' } },
      contexte: { seance: 'COPIL CLS Redon Agglomération du 2031-07-01' },
    });

    const financement = await coordination.post(`/api/seances/${seance}/decisions`, {
      action: 'financement_fiche',
      texte: 'Le COPIL affecte 15 000 € du FIR à la fiche.',
      ficheId: fiche.id,
      ligne: {
        financeurLibelle: 'ARS Bretagne',
        dispositif: 'FIR',
        annee: 2031,
        montantCentimes: 1_500_000,
        nature: 'fonctionnement',
        statut: 'accorde',
      },
      confirmerSeanceFuture: true,
    });
    expect(financement.status).toBe(201);
    expect((await coordination.get(`/api/fiches/${fiche.id}`)).body.totalFinancementCentimes).toBe(1_500_000);
    const seanceLue = (await coordination.get(`/api/seances/${seance}`)).body;
    expect(seanceLue.decisions.map((d: any) => d.action)).toEqual(['statut_fiche', 'financement_fiche']);
    expect(seanceLue.decisions[0].appliqueeLe).not.toBeNull();
  });

  it('garde les présences passées d’un membre qui quitte l’instance : il reçoit une date de fin', async () => {
    const instance = (await coordination.get(`/api/contrats/${cls2.id}/instances`)).body.find((i: any) => i.id === copil);
    const membreId = instance.membres[0].id;
    expect((await coordination.delete(`/api/contrats/${cls2.id}/instances/${copil}/membres/${membreId}`)).status).toBe(204);
    const apres = (await coordination.get(`/api/contrats/${cls2.id}/instances`)).body.find((i: any) => i.id === copil);
    expect(apres.membres.find((m: any) => m.id === membreId).fin).toBe(new Date().toISOString().slice(0, 10));
    expect((await coordination.get(`/api/seances/${seance}`)).body.presences).toHaveLength(1);
  });

  it('garde les documents d’une séance, qui sont aussi des documents du contrat', async () => {
    const formulaire = new FormData();
    formulaire.append('categorie', 'Présentation');
    formulaire.append('fichier', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(512, 1)])]), 'diaporama COPIL.pdf');
    const r = await fetch(`${serveur.url}/api/seances/${seance}/fichiers`, {
      method: 'POST',
      body: formulaire,
      headers: { cookie: coordination.cookie!, 'x-csrf-token': coordination.csrf! },
    });
    expect(r.status).toBe(201);
    const depot = (await r.json()) as any;
    expect(depot).toMatchObject({ nom: 'diaporama COPIL.pdf', seanceId: seance, contratId: cls2.id, categorie: 'Présentation' });
    expect((await coordination.get(`/api/seances/${seance}/fichiers`)).body.map((f: any) => f.id)).toEqual([depot.id]);
    expect((await coordination.get(`/api/contrats/${cls2.id}/fichiers`)).body.map((f: any) => f.id)).toContain(depot.id);
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await lecteur.get(`/api/seances/${seance}/fichiers`)).status).toBe(200);
  });

  it('refuse aux lecteurs de gérer la gouvernance', async () => {
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await lecteur.get(`/api/contrats/${cls2.id}/seances`)).status).toBe(200);
    expect((await lecteur.post(`/api/contrats/${cls2.id}/instances`, { type: 'cotech', nom: 'COTECH' })).status).toBe(403);
  });
});

describe('coordination et alertes', () => {
  it('signale un poste vacant, puis le cofinancement inégal au regard de la doctrine bretonne', async () => {
    const avant = await coordination.get(`/api/contrats/${cls2.id}/alertes`);
    expect(avant.body.map((a: any) => a.type)).toContain('coordination_vacante');
    const poste = await coordination.post(`/api/contrats/${cls2.id}/coordination`, {
      personne: 'Marie Dupont',
      employeurId: redon,
      etp: 1,
      cofinancements: [
        { financeur: 'ARS Bretagne', part: 50 },
        { financeur: 'Redon Agglomération', part: 50 },
      ],
      debut: '2021-01-01',
    });
    expect(poste.status).toBe(201);
    const apres = await coordination.get(`/api/contrats/${cls2.id}/alertes`);
    expect(apres.body.map((a: any) => a.type)).not.toContain('coordination_vacante');
    const postes = (await coordination.get(`/api/contrats/${cls2.id}/coordination`)).body;
    expect(postes[0]).toMatchObject({ vacant: false, ecartDoctrine: null, employeurNom: 'Redon Agglomération' });
    const inegal = await coordination.put(`/api/contrats/${cls2.id}/coordination/${postes[0].id}`, {
      ...postes[0],
      cofinancements: [
        { financeur: 'ARS Bretagne', part: 70 },
        { financeur: 'Redon Agglomération', part: 30 },
      ],
      version: postes[0].version,
    });
    expect(inegal.status).toBe(204);
    expect((await coordination.get(`/api/contrats/${cls2.id}/coordination`)).body[0].ecartDoctrine).toBe(
      'La doctrine prévoit des parts égales ; les parts enregistrées sont ARS Bretagne 70 %, Redon Agglomération 30 %.',
    );
  });

  it('envoie la synthèse hebdomadaire aux coordonnateurs, sauf à qui s’en désabonne', async () => {
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const envoi = await admin.post('/api/administration/syntheses');
    expect(envoi.body.envoyes).toContain(DEMO.coordination);
    await expect
      .poll(() => serveur.courriels.some((c) => c.a === DEMO.coordination && c.sujet === 'Maillage — votre synthèse de la semaine'))
      .toBe(true);
    const synthese = serveur.courriels.find((c) => c.sujet === 'Maillage — votre synthèse de la semaine')!;
    expect(synthese.texte).toContain('Contrat local de santé de Redon Agglomération (2e génération)');
    await coordination.put('/api/moi/preferences', { syntheseHebdomadaire: false });
    await serveur.ctx.db.query(`update preferences_courriel set derniere_synthese = null`);
    expect((await admin.post('/api/administration/syntheses')).body.envoyes).not.toContain(DEMO.coordination);
  });
});

describe('financements et engagements', () => {
  it('résume les financements par financeur, dispositif, année et axe, et les exporte', async () => {
    const ligne = await coordination.post(`/api/contrats/${cls2.id}/financements`, {
      objet: 'coordination',
      financeurLibelle: 'Redon Agglomération',
      dispositif: 'Fonds propres',
      annee: 2031,
      montantCentimes: 2_000_000,
      nature: 'fonctionnement',
      statut: 'prevu',
    });
    expect(ligne.status).toBe(201);
    const r = await coordination.get(`/api/contrats/${cls2.id}/financements`);
    expect(r.body.total).toBe(3_500_000);
    expect(r.body.parDispositif).toEqual([
      { cle: 'Fonds propres', prevu: 2_000_000, acquis: 0, total: 2_000_000 },
      { cle: 'FIR', prevu: 0, acquis: 1_500_000, total: 1_500_000 },
    ]);
    expect(r.body.parAxe.map((a: any) => a.cle)).toEqual(['Contrat (hors fiches)', 'Fiches sans axe']);
    const xlsx = await fetch(`${serveur.url}/api/contrats/${cls2.id}/financements.xlsx`, { headers: { cookie: coordination.cookie! } });
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(await xlsx.arrayBuffer());
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Lignes', 'Par financeur', 'Par dispositif', 'Par année', 'Par axe']);
    expect(classeur.getWorksheet('Lignes')!.rowCount).toBe(3);
  });

  it('montre à la CPAM où elle est engagée, avec ses offres de service', async () => {
    const cpam = serveur.client();
    await cpam.connecter(DEMO.cpam);
    const session = (await cpam.get('/api/auth/session')).body;
    const offre = await cpam.post(`/api/organisations/${session.organisation.id}/offres`, {
      intitule: 'M’T dents',
      description: 'Examen bucco-dentaire de prévention',
    });
    expect(offre.status).toBe(201);
    const fiche27 = (await coordination.get(`/api/contrats/${cls1.id}/fiches`)).body.find((f: any) => f.numero === 27);
    expect((await cpam.requete('PUT', `/api/fiches/${fiche27.id}/offres/${offre.body.id}`)).status).toBe(204);
    const r = await cpam.get(`/api/organisations/${session.organisation.id}/engagements`);
    expect(r.status).toBe(200);
    const contrat = r.body.contrats.find((c: any) => c.id === cls1.id);
    expect(contrat.roles).toEqual(['pilote']);
    expect(contrat.fiches.map((f: any) => f.numero)).toEqual([27, 29]);
    expect(contrat.fiches[0]).toMatchObject({ roles: ['pilote'], offres: ['M’T dents'] });
    expect(r.body.offres[0]).toMatchObject({ intitule: 'M’T dents', nombreFiches: 1 });
    expect(r.body.referents.map((p: any) => p.email)).toContain(DEMO.cpam);
    const xlsx = await fetch(`${serveur.url}/api/organisations/${session.organisation.id}/engagements.xlsx`, {
      headers: { cookie: cpam.cookie! },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    // The workbook names the roles as the page does, not by their codes.
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(await xlsx.arrayBuffer());
    const lignes = classeur.getWorksheet('Engagements')!.getSheetValues().slice(2) as unknown[][];
    const ligne27 = lignes.find((l) => l[1] === contrat.intitule && l[4] === 27)!;
    expect([ligne27[3], ligne27[6], ligne27[7]]).toEqual(['Pilote de fiches-action', 'Pilote', 'M’T dents']);
  });
});

describe('démonstration', () => {
  it('reprend les séances 2021 de Redon et le groupe de travail Assurance maladie', async () => {
    const instancesDemo = (await coordination.get(`/api/contrats/${cls2.id}/instances`)).body;
    const groupe = instancesDemo.find((i: any) => i.nom === 'Groupe de travail Assurance maladie');
    const membres = groupe.membres.map((m: any) => m.organisationNom);
    expect(membres).toHaveLength(5);
    expect(membres).toEqual(
      expect.arrayContaining([
        'CPAM d’Ille-et-Vilaine',
        'CPAM de Loire-Atlantique',
        'CPAM du Morbihan',
        'MSA Loire-Atlantique–Vendée',
        'MSA Portes de Bretagne',
      ]),
    );
    const seances2021 = (await coordination.get(`/api/contrats/${cls2.id}/seances`)).body.filter((s: any) => s.debut.startsWith('2021'));
    expect(seances2021.map((s: any) => `${s.debut.slice(0, 10)} ${s.instanceNom}`)).toEqual([
      '2021-03-15 Groupe de travail Assurance maladie',
      '2021-06-16 Groupe de travail Assurance maladie',
      '2021-07-01 COPIL CLS Redon Agglomération',
      '2021-08-07 Groupe de travail Assurance maladie',
    ]);
    expect(seances2021[3].ordreDuJour[0].intitule).toBe('retour sur le COPIL du 1er juillet 2021');
  });
});
