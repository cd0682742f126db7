import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { envoyerRelancesCampagnes } from './campagnes.service';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let pilote: ClientHttp;
let ars: ClientHttp;
let lecteur: ClientHttp;
let cls2: any;
let fiche: { id: string; numero: number };
let ateliers: string;
let vaccination: string;

const dans = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, pilote, ars, lecteur] = [serveur.client(), serveur.client(), serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  await pilote.connecter(DEMO.pilote);
  await ars.connecter(DEMO.ars);
  await lecteur.connecter(DEMO.lecteur);
  cls2 = (await coordination.get('/api/contrats')).body.find((c: any) => c.generation === 2);
  const chRedon = (await serveur.ctx.db.query(`select id from organisations where nom = 'Centre hospitalier de Redon'`)).rows[0].id;
  const axe = (await coordination.post(`/api/contrats/${cls2.id}/axes`, { intitule: 'Prévention et promotion de la santé' })).body;
  fiche = (
    await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
      intitule: 'Promouvoir la vaccination',
      axeId: axe.id,
      statut: 'en_cours',
      pilotes: [{ organisationId: chRedon, service: 'Pôle prévention' }],
    })
  ).body;
});
afterAll(() => serveur.fermer());

describe('indicateurs de suivi', () => {
  it('la coordination définit un indicateur d’activité et un pourcentage avec numérateur et dénominateur', async () => {
    const r1 = await coordination.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, {
      libelle: 'Ateliers de sensibilisation tenus',
      type: 'activite',
      unite: 'ateliers',
      methode: 'Compte des feuilles d’émargement',
      source: 'Centre hospitalier',
      reference: { valeur: 0, date: '2024-12-31' },
      cibles: [
        { periode: '2025', valeur: 10 },
        { periode: '2026', valeur: 20 },
      ],
    });
    expect(r1.status).toBe(201);
    ateliers = r1.body.id;
    const r2 = await coordination.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, {
      libelle: 'Part des 65 ans et plus vaccinés contre la grippe',
      type: 'resultat',
      pourcentage: true,
      source: 'Assurance maladie',
      reference: { numerateur: 300, denominateur: 600 },
      cibles: [{ periode: '2025', numerateur: 420, denominateur: 600 }],
      indicateurDiagnostic: 'densite_mg_liberaux',
    });
    expect(r2.status, JSON.stringify(r2.body)).toBe(201);
    vaccination = r2.body.id;

    const refus = await coordination.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, {
      libelle: 'Taux',
      type: 'resultat',
      pourcentage: true,
      cibles: [{ periode: '2025', valeur: 70 }],
    });
    expect(refus.status).toBe(400);
    expect(refus.body.erreurs.map((e: any) => e.champ)).toEqual(['cibles.0.numerateur', 'cibles.0.denominateur']);
    const inconnu = await coordination.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, {
      libelle: 'X',
      type: 'resultat',
      indicateurDiagnostic: 'NEXISTE_PAS',
    });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.erreurs[0].champ).toBe('indicateurDiagnostic');
    expect((await lecteur.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, { libelle: 'X', type: 'activite' })).status).toBe(403);

    const suivi = (await pilote.get(`/api/fiches/${fiche.id}/suivi`)).body;
    expect(suivi.droits).toEqual({
      saisir: true,
      valider: false,
      rouvrir: false,
      quatreYeux: true,
      definir: true,
      ajouterIndicateur: true,
    });
    // A baseline of 0 is a baseline, not a missing one.
    expect(suivi.indicateurs.find((i: any) => i.id === ateliers).reference).toBe(0);
    const pct = suivi.indicateurs.find((i: any) => i.id === vaccination);
    expect(pct.reference).toBe(50);
    expect(pct.cibles[0]).toMatchObject({ periode: '2025', numerateur: 420, denominateur: 600, mesure: 70 });
    expect(pct.diagnostic).toMatchObject({ code: 'densite_mg_liberaux', libelle: 'Densité de médecins généralistes libéraux' });
  });

  it('une modification concurrente de l’indicateur reçoit 409 avec l’état courant', async () => {
    const i = (await coordination.get(`/api/fiches/${fiche.id}/suivi`)).body.indicateurs.find((x: any) => x.id === ateliers);
    const base = {
      libelle: i.libelle,
      type: i.type,
      unite: i.unite,
      reference: { valeur: 0 },
      cibles: [
        { periode: '2025', valeur: 10 },
        { periode: '2026', valeur: 20 },
      ],
    };
    expect(
      (await coordination.put(`/api/indicateurs-suivi/${ateliers}`, { ...base, methode: 'Émargement', version: i.version })).status,
    ).toBe(200);
    const perime = await pilote.put(`/api/indicateurs-suivi/${ateliers}`, { ...base, methode: 'Autre', version: i.version });
    expect(perime.status).toBe(409);
    expect(perime.body.courant.methode).toBe('Émargement');
  });
});

describe('workflow : brouillon → soumis → renvoyé → validé', () => {
  it('le pilote saisit ses valeurs et son bilan, puis soumet la fiche', async () => {
    const sans = await pilote.put(`/api/indicateurs-suivi/${vaccination}/valeurs/2025`, { valeur: 70 });
    expect(sans.status).toBe(400);
    expect(sans.body.erreurs.map((e: any) => e.champ)).toEqual(['numerateur', 'denominateur']);
    expect(
      (
        await pilote.put(`/api/indicateurs-suivi/${vaccination}/valeurs/2025`, {
          numerateur: 390,
          denominateur: 600,
          recit: 'Campagne d’automne avec les pharmacies',
        })
      ).body,
    ).toMatchObject({ etat: 'brouillon' });
    expect(
      (await pilote.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2025`, { valeur: 6, recit: 'Six ateliers dans les communes rurales' }))
        .body.etat,
    ).toBe('brouillon');
    expect((await pilote.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2025-13`, { valeur: 6 })).status).toBe(400);
    expect(
      (
        await pilote.put(`/api/fiches/${fiche.id}/bilans/2025`, {
          recit: 'Six ateliers, campagne avec les pharmacies.',
          difficultes: 'Peu de soignants disponibles',
          statutPropose: 'en_cours',
        })
      ).status,
    ).toBe(200);
    expect((await lecteur.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2025`, { valeur: 60 })).status).toBe(403);

    const soumis = await pilote.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'soumettre' });
    expect(soumis.body).toEqual({ etat: 'soumis', elements: 3 });
    // Submitted: waiting for the validator, no more edits.
    expect((await pilote.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2025`, { valeur: 7 })).status).toBe(409);
    expect((await pilote.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'valider' })).status).toBe(403);
  });

  it('la coordination renvoie avec un motif ; le pilote corrige et soumet à nouveau', async () => {
    const sansMotif = await coordination.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'renvoyer' });
    expect(sansMotif.status).toBe(409);
    expect(sansMotif.body.detail).toContain('commentaire');
    expect(
      (
        await coordination.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, {
          action: 'renvoyer',
          commentaire: 'Le dénominateur 2025 est de 640.',
        })
      ).body.etat,
    ).toBe('a_corriger');
    const corrige = await pilote.put(`/api/indicateurs-suivi/${vaccination}/valeurs/2025`, {
      numerateur: 416,
      denominateur: 640,
      recit: 'Corrigé',
    });
    expect(corrige.body.etat).toBe('a_corriger');
    expect((await pilote.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'soumettre' })).body.etat).toBe('soumis');
  });

  it('avant validation, rien ne compte ; après, la période est verrouillée et chaque étape dit qui et quand', async () => {
    const avant = (await coordination.get(`/api/contrats/${cls2.id}/avancement`)).body;
    const f0 = avant.axes[0].fichesSansObjectif.find((f: any) => f.id === fiche.id);
    expect(f0).toMatchObject({ source: 'statut', avancement: 50 });

    expect((await ars.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'valider' })).body).toEqual({
      etat: 'valide',
      elements: 3,
    });
    expect((await pilote.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2025`, { valeur: 8 })).status).toBe(409);
    expect(
      (await coordination.post(`/api/fiches/${fiche.id}/suivi/2025/transitions`, { action: 'renvoyer', commentaire: 'x' })).status,
    ).toBe(409);
    expect((await coordination.delete(`/api/indicateurs-suivi/${ateliers}`)).status).toBe(409);

    const suivi = (await coordination.get(`/api/fiches/${fiche.id}/suivi`)).body;
    const valeur = suivi.indicateurs.find((i: any) => i.id === vaccination).valeurs[0];
    expect(valeur).toMatchObject({ periode: '2025', numerateur: 416, denominateur: 640, mesure: 65, etat: 'valide' });
    expect(valeur.etapes.map((e: any) => [e.action, e.etat, e.par])).toEqual([
      ['saisir', 'brouillon', 'Sophie Martin'],
      ['soumettre', 'soumis', 'Sophie Martin'],
      ['renvoyer', 'a_corriger', 'Marie Dupont'],
      ['saisir', 'a_corriger', 'Sophie Martin'],
      ['soumettre', 'soumis', 'Sophie Martin'],
      ['valider', 'valide', 'Yann Le Goff'],
    ]);
    expect(valeur.etapes[2].commentaire).toBe('Le dénominateur 2025 est de 640.');
    expect(suivi.bilans[0]).toMatchObject({ periode: '2025', etat: 'valide', recit: 'Six ateliers, campagne avec les pharmacies.' });

    // Ateliers: 6 of 10 from 0 → 0.6; vaccination: 65 % from 50 % to 70 % → 0.75; equal weights → 67.5 %.
    const apres = (await coordination.get(`/api/contrats/${cls2.id}/avancement`)).body;
    const f1 = apres.axes[0].fichesSansObjectif.find((f: any) => f.id === fiche.id);
    expect(f1).toMatchObject({ source: 'indicateurs', avancement: 67.5, indicateursMesures: 2 });
    expect(apres.axes[0].avancement).toBe(67.5);
    expect(apres.fiches).toBeGreaterThan(0);
    const audit = await serveur.ctx.db.query(
      `select acteur_libelle from audit_evenements where entite_type = 'suivi_fiche' and action = 'valider' and entite_id = $1`,
      [fiche.id],
    );
    expect(audit.rows[0].acteur_libelle).toBe('Yann Le Goff');
  });
});

describe('campagne de suivi annuelle', () => {
  let campagne: string;

  it('la coordination ouvre la campagne ; chaque pilote reçoit le lien vers ses fiches', async () => {
    const avant = serveur.courriels.length;
    const r = await coordination.post(`/api/contrats/${cls2.id}/campagnes`, {
      periode: '2026',
      echeance: dans(20),
      message: 'Merci de répondre avant le COPIL.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    campagne = r.body.id;
    expect(r.body.destinataires).toEqual([DEMO.pilote]);
    await expect.poll(() => serveur.courriels.length).toBeGreaterThan(avant);
    const courriel = serveur.courriels.find((c) => c.a === DEMO.pilote && c.sujet.startsWith('Suivi 2026'))!;
    expect(courriel.sujet).toContain('Contrat local de santé de Redon Agglomération');
    expect(courriel.texte).toContain(`Fiche ${fiche.numero} — Promouvoir la vaccination`);
    expect(courriel.texte).toContain(`/campagnes/${campagne}`);
    expect(courriel.texte).toContain('Merci de répondre avant le COPIL.');
    expect((await coordination.post(`/api/contrats/${cls2.id}/campagnes`, { periode: '2026', echeance: dans(20) })).status).toBe(409);
    expect((await pilote.post(`/api/contrats/${cls2.id}/campagnes`, { periode: '2027', echeance: dans(20) })).status).toBe(403);
  });

  it('le pilote voit ses fiches ; le tableau de bord suit les réponses', async () => {
    const saisie = (await pilote.get(`/api/campagnes/${campagne}/saisie`)).body;
    expect(saisie.fiches.map((f: any) => f.id)).toEqual([fiche.id]);
    expect(saisie.fiches[0].indicateurs.find((i: any) => i.id === ateliers).ciblePeriode).toMatchObject({ periode: '2026', valeur: 20 });
    let tableau = (await coordination.get(`/api/campagnes/${campagne}`)).body;
    expect(tableau.fiches.find((f: any) => f.id === fiche.id).etat).toBe('a_faire');
    expect(tableau.taux).toBe(0);
    await pilote.put(`/api/indicateurs-suivi/${ateliers}/valeurs/2026`, { valeur: 14 });
    await pilote.put(`/api/indicateurs-suivi/${vaccination}/valeurs/2026`, { numerateur: 430, denominateur: 640 });
    await pilote.put(`/api/fiches/${fiche.id}/bilans/2026`, { recit: 'Quatorze ateliers', statutPropose: 'realisee' });
    tableau = (await coordination.get(`/api/campagnes/${campagne}`)).body;
    expect(tableau.fiches.find((f: any) => f.id === fiche.id).etat).toBe('en_cours');
    expect(tableau.organisations.find((o: any) => o.nom === 'Centre hospitalier de Redon' || o.nom === 'CH Redon')).toMatchObject({
      completes: 0,
    });
    expect(tableau.courriels).toEqual([expect.objectContaining({ motif: 'ouverture', email: DEMO.pilote })]);
  });

  it('les relances partent sept jours puis un jour avant l’échéance, une seule fois, aux pilotes incomplets', async () => {
    const echeance = (await coordination.get(`/api/campagnes/${campagne}`)).body.echeance;
    const jour = (decalage: number) => new Date(new Date(`${echeance}T09:00:00Z`).getTime() + decalage * 86_400_000);
    expect(await envoyerRelancesCampagnes(serveur.ctx, jour(-10))).toEqual([]);
    expect(await envoyerRelancesCampagnes(serveur.ctx, jour(-6))).toEqual([DEMO.pilote]);
    expect(await envoyerRelancesCampagnes(serveur.ctx, jour(-5))).toEqual([]);
    await expect.poll(() => serveur.courriels.some((c) => c.sujet.startsWith('Rappel — Suivi 2026'))).toBe(true);
    // Once complete, the pilote gets no more reminders.
    expect((await pilote.post(`/api/fiches/${fiche.id}/suivi/2026/transitions`, { action: 'soumettre' })).body.etat).toBe('soumis');
    expect(await envoyerRelancesCampagnes(serveur.ctx, jour(-1))).toEqual([]);
    // The pilote's own form reads the submitted fiche back (its submitter travels with each value).
    const saisie = await pilote.get(`/api/campagnes/${campagne}/saisie`);
    expect(saisie.status, JSON.stringify(saisie.body)).toBe(200);
    expect(saisie.body.fiches[0]).toMatchObject({ etat: 'soumis', etatLibelle: 'Soumis, à valider' });
    const tableau = (await coordination.get(`/api/campagnes/${campagne}`)).body;
    expect(tableau.fiches.find((f: any) => f.id === fiche.id).etat).toBe('soumis');
    expect(tableau.courriels.map((c: any) => c.motif).sort()).toEqual(['ouverture', 'relance_j7']);
  });

  it('la validation applique le statut proposé, et le bilan annuel sort en DOCX et PDF', async () => {
    expect((await coordination.post(`/api/fiches/${fiche.id}/suivi/2026/transitions`, { action: 'valider' })).body.etat).toBe('valide');
    expect((await coordination.get(`/api/fiches/${fiche.id}`)).body.statut).toBe('realisee');
    const tableau = (await coordination.get(`/api/campagnes/${campagne}`)).body;
    expect(tableau.fiches.find((f: any) => f.id === fiche.id).etat).toBe('valide');

    const docx = await coordination.telecharger(`/api/campagnes/${campagne}/bilan.docx`);
    expect(docx.status).toBe(200);
    expect(docx.disposition).toContain('bilan-2026-contrat-local-de-sante-de-redon-agglomeration');
    const texte = texteDocx(docx.corps);
    expect(texte).toContain('BILAN ANNUEL');
    expect(texte).toContain('Promouvoir la vaccination');
    expect(texte).toContain('Quatorze ateliers');
    expect(texte).toContain('67,2 % (430 / 640)');
    const pdf = await coordination.telecharger(`/api/campagnes/${campagne}/bilan.pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.corps.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await coordination.post(`/api/campagnes/${campagne}/cloture`)).body.etat).toBe('close');
    expect((await coordination.post(`/api/campagnes/${campagne}/relances`)).status).toBe(409);
  });
});

describe('évaluation', () => {
  let evaluation: string;
  let valeurValidee: string;

  it('questions par critère, preuves rattachées au contrat, jugement, recommandations, participants', async () => {
    valeurValidee = (await coordination.get(`/api/fiches/${fiche.id}/suivi`)).body.indicateurs.find((i: any) => i.id === vaccination)
      .valeurs[0].id;
    const verbatim = (await serveur.ctx.db.query('select id from verbatims where contrat_id = $1 limit 1', [cls2.id])).rows[0].id;
    const saisie = {
      type: 'intermediaire',
      intitule: 'Évaluation à mi-parcours du CLS 2',
      evaluateur: 'Équipe de coordination',
      questions: [
        {
          critere: 'efficacite',
          question: 'La couverture vaccinale des aînés a-t-elle progressé ?',
          jugement: 'Oui, de 50 % à 65 %.',
          appreciation: 'plutot_satisfaisant',
          preuves: [
            { type: 'valeur', id: valeurValidee },
            { type: 'verbatim', id: verbatim },
          ],
        },
        { critere: 'pertinence', question: 'Les actions répondent-elles aux besoins du diagnostic ?' },
      ],
      recommandations: [{ texte: 'Étendre la campagne aux pharmacies de Guémené-Penfao', priorite: 'haute' }],
      participants: [{ nom: 'Marie Dupont', organisation: 'Redon Agglomération', role: 'coordonnatrice' }],
    };
    const autre =
      (await serveur.ctx.db.query(`select v.id from verbatims v where v.contrat_id <> $1 limit 1`, [cls2.id])).rows[0]?.id ??
      '00000000-0000-4000-8000-000000000000';
    const mauvaise = await coordination.post(`/api/contrats/${cls2.id}/evaluations`, {
      ...saisie,
      questions: [{ ...saisie.questions[0], preuves: [{ type: 'verbatim', id: autre }] }],
    });
    expect(mauvaise.status).toBe(400);
    expect(mauvaise.body.erreurs).toEqual([{ champ: 'questions.0.preuves.0', message: 'Verbatim inconnu dans ce contrat' }]);
    const r = await coordination.post(`/api/contrats/${cls2.id}/evaluations`, saisie);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    evaluation = r.body.id;
    const lue = (await ars.get(`/api/evaluations/${evaluation}`)).body;
    expect(lue.preuves[valeurValidee].texte).toContain('65,0 % (416 / 640)');
    expect(
      (await coordination.put(`/api/evaluations/${evaluation}`, { ...saisie, synthese: 'Bon départ', version: lue.version })).status,
    ).toBe(200);
    expect(
      (await coordination.put(`/api/evaluations/${evaluation}`, { ...saisie, synthese: 'Concurrent', version: lue.version })).status,
    ).toBe(409);
    expect((await lecteur.put(`/api/evaluations/${evaluation}`, { ...saisie, version: lue.version + 1 })).status).toBe(403);

    const docx = texteDocx((await coordination.telecharger(`/api/evaluations/${evaluation}/rapport.docx`)).corps);
    expect(docx).toContain('Efficacité');
    expect(docx).toContain('La couverture vaccinale des aînés a-t-elle progressé ?');
    expect(docx).toContain('Étendre la campagne aux pharmacies de Guémené-Penfao');
    const pdf = await coordination.telecharger(`/api/evaluations/${evaluation}/rapport.pdf`);
    expect(pdf.corps.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('« Préparer le renouvellement » crée la génération suivante avec les recommandations', async () => {
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    const belleIle = (await admin.get('/api/contrats')).body.find((c: any) => c.intitule.includes('Belle-Île'));
    const finale = await admin.post(`/api/contrats/${belleIle.id}/evaluations`, {
      type: 'finale',
      intitule: 'Évaluation finale du CLS de Belle-Île-en-Mer',
      recommandations: [{ texte: 'Maintenir la coordination insulaire' }, { texte: 'Associer le conseil régional' }],
      terminee: true,
    });
    const r = await admin.post(`/api/evaluations/${finale.body.id}/renouvellement`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.generation).toBe(2);
    const nouveau = (await admin.get(`/api/contrats/${r.body.id}`)).body;
    expect(nouveau.statut).toBe('preparation');
    expect(nouveau.contexte).toContain('1. Maintenir la coordination insulaire\n2. Associer le conseil régional');
    expect((await admin.post(`/api/evaluations/${finale.body.id}/renouvellement`, {})).status).toBe(409);
  });
});
