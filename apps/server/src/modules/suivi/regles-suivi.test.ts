import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Issue 13, « Des règles qui tiennent » : four eyes on follow-up values, reopening by the ARS, and the referent of a
// pilot organisation entering its follow-up.

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let referentArs: ClientHttp;
let arsBretagne: ClientHttp;
let arsPdl: ClientHttp;
let pilote: ClientHttp;
let cpam: ClientHttp;
let cls2: string;
let fiche: string;
let indicateur: string;

const etapes = async (valeurId: string) =>
  (
    await serveur.ctx.db.query(
      'select action, etat, acteur_libelle as par, commentaire from etapes_suivi where valeur_id = $1 order by le, id',
      [valeurId],
    )
  ).rows;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, referentArs, arsBretagne, arsPdl, pilote, cpam] = Array.from({ length: 6 }, () => serveur.client());
  await coordination.connecter(DEMO.coordination);
  await referentArs.connecter(DEMO.referentArs);
  await arsBretagne.connecter(DEMO.ars);
  await arsPdl.connecter(DEMO.arsPaysDeLaLoire);
  await pilote.connecter(DEMO.pilote);
  await cpam.connecter(DEMO.cpam);
  cls2 = (await coordination.get('/api/contrats')).body.find((c: any) => c.generation === 2).id;
  const chRedon = (await serveur.ctx.db.query(`select id from organisations where nom = 'Centre hospitalier de Redon'`)).rows[0].id;
  fiche = (
    await coordination.post(`/api/contrats/${cls2}/fiches`, {
      intitule: 'Dépister la rétinopathie diabétique',
      statut: 'en_cours',
      pilotes: [{ organisationId: chRedon }],
    })
  ).body.id;
  indicateur = (
    await coordination.post(`/api/fiches/${fiche}/indicateurs-suivi`, {
      libelle: 'Patients dépistés',
      type: 'activite',
      cibles: [{ periode: '2025', valeur: 200 }],
    })
  ).body.id;
});
afterAll(() => serveur.fermer());

describe('validation à quatre yeux', () => {
  let valeur: string;

  it('qui a saisi et soumis sa valeur ne la valide pas : 403 avec la raison en français', async () => {
    valeur = (await coordination.put(`/api/indicateurs-suivi/${indicateur}/valeurs/2025`, { valeur: 120 })).body.id;
    expect((await coordination.post(`/api/valeurs-suivi/${valeur}/transitions`, { action: 'soumettre' })).body.etat).toBe('soumis');
    const suivi = (await coordination.get(`/api/fiches/${fiche}/suivi`)).body;
    expect(suivi.droits).toMatchObject({ saisir: true, valider: true, rouvrir: false, quatreYeux: true });
    const marie = (await serveur.ctx.db.query('select id from utilisateurs where email = $1', [DEMO.coordination])).rows[0].id;
    expect(suivi.indicateurs[0].valeurs[0].soumisPar).toBe(marie);

    const moi = await coordination.post(`/api/valeurs-suivi/${valeur}/transitions`, { action: 'valider' });
    expect(moi.status).toBe(403);
    expect(moi.headers.get('content-type')).toContain('application/problem+json');
    expect(moi.body.detail).toContain('une autre personne doit la valider');
    // The same through the whole fiche at once.
    const ficheEntiere = await coordination.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'valider' });
    expect(ficheEntiere.status).toBe(403);
    expect(ficheEntiere.body.detail).toContain('quatre yeux');
    expect((await serveur.ctx.db.query('select etat from valeurs_suivi where id = $1', [valeur])).rows[0].etat).toBe('soumis');
  });

  it('une autre personne valide ; le référent ARS peut encore la rouvrir, avec un motif obligatoire, et c’est journalisé', async () => {
    expect((await referentArs.post(`/api/valeurs-suivi/${valeur}/transitions`, { action: 'valider' })).body.etat).toBe('valide');
    // Sending back no longer applies to a validated value; reopening does, for the ARS only.
    expect((await referentArs.post(`/api/valeurs-suivi/${valeur}/transitions`, { action: 'renvoyer', commentaire: 'x' })).status).toBe(409);
    const coord = await coordination.post(`/api/valeurs-suivi/${valeur}/transitions`, {
      action: 'rouvrir',
      commentaire: 'Erreur de saisie',
    });
    expect(coord.status).toBe(403);
    expect(coord.body.detail).toContain('référent ARS');
    const sansMotif = await referentArs.post(`/api/valeurs-suivi/${valeur}/transitions`, { action: 'rouvrir', commentaire: '  ' });
    expect(sansMotif.status).toBe(409);
    expect(sansMotif.body.detail).toContain('motif est obligatoire');

    expect((await referentArs.get(`/api/fiches/${fiche}/suivi`)).body.droits).toMatchObject({ rouvrir: true });
    const rouverte = await referentArs.post(`/api/valeurs-suivi/${valeur}/transitions`, {
      action: 'rouvrir',
      commentaire: 'Le registre compte 112 patients, pas 120.',
    });
    expect(rouverte.status, JSON.stringify(rouverte.body)).toBe(200);
    expect(rouverte.body.etat).toBe('a_corriger');
    const audit = await serveur.ctx.db.query(
      `select acteur_libelle, diff from audit_evenements where entite_type = 'valeur_suivi' and action = 'rouvrir' and entite_id = $1`,
      [valeur],
    );
    expect(audit.rows).toEqual([
      {
        acteur_libelle: 'Gaël Morvan',
        diff: {
          etat: { avant: 'valide', apres: 'a_corriger' },
          commentaire: { avant: null, apres: 'Le registre compte 112 patients, pas 120.' },
        },
      },
    ]);

    // Then the normal cycle: corrected, submitted by the pilote, validated by the coordination (someone else).
    expect((await pilote.put(`/api/indicateurs-suivi/${indicateur}/valeurs/2025`, { valeur: 112 })).body.etat).toBe('a_corriger');
    expect((await pilote.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'soumettre' })).body).toEqual({
      etat: 'soumis',
      elements: 1,
    });
    expect((await coordination.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'valider' })).body).toEqual({
      etat: 'valide',
      elements: 1,
    });
    expect((await etapes(valeur)).map((e) => [e.action, e.etat, e.par])).toEqual([
      ['saisir', 'brouillon', 'Marie Dupont'],
      ['soumettre', 'soumis', 'Marie Dupont'],
      ['valider', 'valide', 'Gaël Morvan'],
      ['rouvrir', 'a_corriger', 'Gaël Morvan'],
      ['saisir', 'a_corriger', 'Sophie Martin'],
      ['soumettre', 'soumis', 'Sophie Martin'],
      ['valider', 'valide', 'Marie Dupont'],
    ]);
    // The whole fiche reopens at once too.
    expect(
      (
        await referentArs.post(`/api/fiches/${fiche}/suivi/2025/transitions`, {
          action: 'rouvrir',
          commentaire: 'Revoir avec le registre 2025 complet',
        })
      ).body,
    ).toEqual({ etat: 'a_corriger', elements: 1 });
    const auditFiche = await serveur.ctx.db.query(
      `select count(*)::int n from audit_evenements where entite_type = 'suivi_fiche' and action = 'rouvrir' and entite_id = $1`,
      [fiche],
    );
    expect(auditFiche.rows[0].n).toBe(1);
  });

  it('une région aux petites équipes peut l’assouplir (ARS, journalisé) ; toutes les régions du contrat doivent l’avoir fait', async () => {
    const doctrine = async (client: ClientHttp, region: string, quatreYeux: boolean) => {
      const d = (await client.get(`/api/doctrines/${region}`)).body;
      return client.put(`/api/doctrines/${region}`, { ...d.regles, validationQuatreYeux: quatreYeux, version: d.version });
    };
    expect((await doctrine(coordination, '53', false)).status).toBe(403);
    const bretagne = await doctrine(arsBretagne, '53', false);
    expect(bretagne.status, JSON.stringify(bretagne.body)).toBe(200);
    expect(bretagne.body.regles.validationQuatreYeux).toBe(false);
    const audit = await serveur.ctx.db.query(
      `select diff from audit_evenements where entite_type = 'doctrine' and entite_id = '53' order by id desc limit 1`,
    );
    expect(audit.rows[0].diff.validationQuatreYeux).toEqual({ avant: null, apres: false });

    // Redon is in Brittany and Pays de la Loire: one region still asks for four eyes.
    expect((await coordination.put(`/api/indicateurs-suivi/${indicateur}/valeurs/2025`, { valeur: 113 })).status).toBe(200);
    expect((await coordination.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'soumettre' })).status).toBe(200);
    expect((await coordination.get(`/api/fiches/${fiche}/suivi`)).body.droits.quatreYeux).toBe(true);
    expect((await coordination.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'valider' })).status).toBe(403);

    expect((await doctrine(arsPdl, '52', false)).status).toBe(200);
    expect((await coordination.get(`/api/fiches/${fiche}/suivi`)).body.droits.quatreYeux).toBe(false);
    expect((await coordination.post(`/api/fiches/${fiche}/suivi/2025/transitions`, { action: 'valider' })).body).toEqual({
      etat: 'valide',
      elements: 1,
    });
    // Back on: the default for every region.
    expect((await doctrine(arsPdl, '52', true)).status).toBe(200);
    expect((await doctrine(arsBretagne, '53', true)).status).toBe(200);
  });
});

describe('le référent d’une organisation pilote saisit le suivi de sa fiche', () => {
  it('la référente de la CPAM saisit et soumet le suivi d’une fiche que pilote la CPAM, sans la valider', async () => {
    const cpam35 = (await serveur.ctx.db.query(`select id from organisations where nom = 'CPAM d’Ille-et-Vilaine'`)).rows[0].id;
    const ficheCpam = (
      await coordination.post(`/api/contrats/${cls2}/fiches`, {
        intitule: 'Accès aux droits des travailleurs saisonniers',
        statut: 'en_cours',
        pilotes: [{ organisationId: cpam35 }],
      })
    ).body.id;
    const ind = (
      await coordination.post(`/api/fiches/${ficheCpam}/indicateurs-suivi`, {
        libelle: 'Dossiers de complémentaire santé solidaire ouverts',
        type: 'activite',
      })
    ).body.id;

    const suivi = await cpam.get(`/api/fiches/${ficheCpam}/suivi`);
    expect(suivi.status).toBe(200);
    expect(suivi.body.droits).toMatchObject({ saisir: true, valider: false, rouvrir: false });
    const saisie = await cpam.put(`/api/indicateurs-suivi/${ind}/valeurs/2025`, { valeur: 48, recit: 'Permanences au marché de Redon' });
    expect(saisie.status, JSON.stringify(saisie.body)).toBe(200);
    expect((await cpam.put(`/api/fiches/${ficheCpam}/bilans/2025`, { recit: 'Quatre permanences' })).status).toBe(200);
    expect((await cpam.post(`/api/fiches/${ficheCpam}/suivi/2025/transitions`, { action: 'soumettre' })).body).toEqual({
      etat: 'soumis',
      elements: 2,
    });
    expect((await cpam.post(`/api/fiches/${ficheCpam}/suivi/2025/transitions`, { action: 'valider' })).status).toBe(403);
    const audit = await serveur.ctx.db.query(
      `select acteur_libelle from audit_evenements where entite_type = 'valeur_suivi' and action = 'creation' and entite_id = $1`,
      [saisie.body.id],
    );
    expect(audit.rows[0].acteur_libelle).toBe('Hélène Guillou');

    // Not on a fiche its organisation does not pilot (it reads the contract, where the CPAM is now engaged).
    expect((await cpam.put(`/api/indicateurs-suivi/${indicateur}/valeurs/2026`, { valeur: 1 })).status).toBe(403);
  });
});
