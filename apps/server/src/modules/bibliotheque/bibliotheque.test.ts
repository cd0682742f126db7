import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let ars: ClientHttp;
let admin: ClientHttp;
let cpam: ClientHttp;
let lecteur: ClientHttp;
let cls1: string;
let cls2: string;
let belleIle: string;
let ficheOccitanie: string;

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);
const chercher = (client: ClientHttp, q: string, autres = '') => client.get(`/api/bibliotheque?q=${encodeURIComponent(q)}${autres}`);
const texte = (segments: { texte: string }[]) => segments.map((s) => s.texte).join('');
const surlignes = (segments: { texte: string; surligne: boolean }[]) => segments.filter((s) => s.surligne).map((s) => s.texte);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, ars, admin, cpam, lecteur] = [serveur.client(), serveur.client(), serveur.client(), serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  await ars.connecter(DEMO.ars);
  await admin.connecter(DEMO.admin);
  await cpam.connecter(DEMO.cpam);
  await lecteur.connecter(DEMO.lecteur);
  const id = async (condition: string) => (await sql(`select id from contrats where ${condition}`)).rows[0].id as string;
  cls1 = await id(`generation = 1 and intitule like '%Redon%'`);
  cls2 = await id(`generation = 2 and intitule like '%Redon%'`);
  belleIle = await id(`intitule like '%Belle-Île%'`);
  // Two fiches nobody but their readers may find: one in Belle-Île (ARS Bretagne reads it, not Redon's coordinator),
  // one in a contract of Occitanie (only administrators).
  await sql(
    `insert into fiches (contrat_id, numero, ordre, intitule, contenu) values ($1, 1, 1, 'Accompagner les aidants insulaires', '{"description": "Un relais pour les aidants des personnes âgées de l’île."}')`,
    [belleIle],
  );
  const occitanie = (
    await sql(`insert into contrats (intitule, regions, departements) values ('CLS du Comminges', '{76}', '{31}') returning id`)
  ).rows[0].id;
  ficheOccitanie = (
    await sql(
      `insert into fiches (contrat_id, numero, ordre, intitule, contenu) values ($1, 1, 1, 'Promouvoir la vaccination contre la grippe', '{"description": "Campagne de vaccination des aidants en Comminges."}') returning id`,
      [occitanie],
    )
  ).rows[0].id;
});
afterAll(() => serveur.fermer());

describe('recherche plein texte en français', () => {
  it('« vaccin » trouve « Promouvoir la vaccination », le mot surligné', async () => {
    const r = await chercher(coordination, 'vaccin');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    const [fiche] = r.body.resultats;
    expect(fiche).toMatchObject({ numero: 6, intitule: 'Promouvoir la vaccination', statut: 'a_venir' });
    expect(surlignes(fiche.intituleSurligne)).toEqual(['vaccination']);
    expect(texte(fiche.intituleSurligne)).toBe('Promouvoir la vaccination');
    expect(fiche.contrat).toMatchObject({
      id: cls1,
      intitule: 'Contrat local de santé du Pays de Redon-Bretagne Sud',
      statut: 'renouvele',
      regions: ['52', '53'],
      departements: ['35', '44', '56'],
    });
    expect(fiche.pertinence).toBeGreaterThan(0);
  });

  it('ramène les mots à leur racine et accepte un début de mot', async () => {
    // "dépistage" (singular) finds "les dépistages des cancers"; "nutritionnelle" finds "nutritionnelles".
    expect((await chercher(coordination, 'dépistage')).body.resultats.map((f: any) => f.numero)).toEqual([5]);
    expect((await chercher(coordination, 'éducation nutritionnelle')).body.resultats.map((f: any) => f.numero).sort()).toEqual([1, 2]);
    // A word being typed.
    expect((await chercher(coordination, 'vacci')).body.resultats.map((f: any) => f.numero)).toEqual([6]);
    // A word that is nowhere.
    expect((await chercher(coordination, 'téléportation')).body).toMatchObject({ total: 0, resultats: [] });
  });

  it('« -mot » exclut, accents et pluriels compris, des deux côtés (issue 13)', async () => {
    // Another fiche about cancer screening, without the breast or the colon: what remains once the demo's is excluded.
    const peauCreee = await coordination.post(`/api/contrats/${cls2}/fiches`, {
      intitule: 'Dépistages du cancer de la peau chez les agriculteurs',
    });
    // Removed even when an expectation fails, so the counts of the next tests stay those of the demo.
    onTestFinished(async () => void (await coordination.delete(`/api/fiches/${peauCreee.body.id}`)));
    const intitules = async (q: string) => (await chercher(coordination, q)).body.resultats.map((f: any) => f.intitule);
    const seinColon = 'Informier et sensibiliser sur les dépistages des cancers du sein et du côlon';
    const peau = 'Dépistages du cancer de la peau chez les agriculteurs';
    expect((await intitules('cancers')).sort()).toEqual([peau, seinColon].sort());
    expect((await intitules('dépistage')).sort()).toEqual([peau, seinColon].sort());
    for (const q of ['cancers -côlon', 'dépistage -sein', 'cancer -colon', 'depistages -seins', 'CANCERS -Côlons', 'cancé -colon'])
      expect(await intitules(q), q).toEqual([peau]);
    // Accents ignored in what is sought too: « colon » finds « côlon ».
    expect(await intitules('colon')).toEqual([seinColon]);
    // The plural that is typed is highlighted as written.
    const surligne = (await chercher(coordination, 'cancers')).body.resultats.find((f: any) => f.intitule === seinColon).intituleSurligne;
    expect(surligne.filter((s: any) => s.surligne).map((s: any) => s.texte)).toEqual(['cancers']);
  });

  it('classe d’abord les fiches dont l’intitulé porte les mots, et cherche aussi dans la description et les objectifs', async () => {
    const creee = await coordination.post(`/api/contrats/${cls2}/fiches`, {
      intitule: 'Prévenir les addictions chez les jeunes',
      description: 'Interventions en milieu scolaire sur les conduites addictives.',
      objectifsOperationnels: ['Former les animateurs au repérage des conduites addictives'],
      thematiques: ['addictions', 'jeunes'],
    });
    expect(creee.status).toBe(201);
    const r = (await chercher(coordination, 'conduites addictives')).body;
    // CLS 1's fiche 13, "…prévention des conduites addictives chez les jeunes", says it in its title: first.
    expect(r.resultats.map((f: any) => f.numero)).toEqual([13, creee.body.numero]);
    expect(r.resultats[0].pertinence).toBeGreaterThan(r.resultats[1].pertinence);
    // The new fiche is found by its description and objectives, shown highlighted in the extract.
    const trouvee = r.resultats[1];
    expect(trouvee.id).toBe(creee.body.id);
    expect(texte(trouvee.extrait)).toContain('Interventions en milieu scolaire sur les conduites addictives.');
    expect(surlignes(trouvee.extrait)).toContain('conduites addictives');
    expect(surlignes(trouvee.intituleSurligne)).toEqual(['addictions']);
    // Nothing in the extract can be taken for HTML: plain text segments.
    expect(trouvee.extrait.every((s: any) => typeof s.texte === 'string' && typeof s.surligne === 'boolean')).toBe(true);
  });

  it('filtre par thématique, statut, région et public, et pagine', async () => {
    const parTheme = (await coordination.get('/api/bibliotheque?thematique=addictions')).body;
    expect(parTheme.resultats.map((f: any) => f.intitule)).toEqual(['Prévenir les addictions chez les jeunes']);
    expect(parTheme.resultats[0].thematiques).toEqual([
      { code: 'addictions', libelle: 'Addictions' },
      { code: 'jeunes', libelle: 'Jeunes' },
    ]);
    expect((await coordination.get('/api/bibliotheque?statut=realisee')).body.total).toBe(0);
    expect((await coordination.get('/api/bibliotheque?region=84')).body.total).toBe(0);
    const tout = (await coordination.get('/api/bibliotheque')).body;
    expect(tout).toMatchObject({ total: 40, page: 1, parPage: 20 });
    expect(tout.resultats).toHaveLength(20);
    const page2 = (await coordination.get('/api/bibliotheque?page=2')).body;
    expect(page2.resultats).toHaveLength(20);
    expect(page2.resultats.map((f: any) => f.id)).not.toContain(tout.resultats[0].id);
    expect((await coordination.get('/api/bibliotheque?statut=inconnu')).status).toBe(400);
  });
});

describe('visibilité', () => {
  it('ne donne jamais une fiche d’un contrat que l’utilisateur ne peut pas lire', async () => {
    // Redon's coordinator: Redon's contracts (and published ones), not Belle-Île, not Occitanie.
    expect((await chercher(coordination, 'aidants')).body.total).toBe(0);
    // ARS Bretagne: Belle-Île (its region) but not Occitanie.
    const arsAidants = (await chercher(ars, 'aidants')).body.resultats.map((f: any) => f.intitule);
    expect(arsAidants).toEqual(['Accompagner les aidants insulaires']);
    expect((await chercher(ars, 'grippe')).body.total).toBe(0);
    // Administrators see every contract.
    expect((await chercher(admin, 'aidants')).body.total).toBe(2);
    // CPAM 35's referent: the contracts its organisation is engaged in (Redon CLS 1, where it pilots two fiches, published anyway).
    expect((await chercher(cpam, 'vaccination')).body.resultats.map((f: any) => f.contrat.id)).toEqual([cls1]);
    // Nobody logged in: nothing.
    expect((await serveur.client().get('/api/bibliotheque?q=vaccin')).status).toBe(401);
  });

  it('refuse de reprendre une fiche que l’utilisateur ne peut pas lire, comme si elle n’existait pas', async () => {
    const r = await coordination.post(`/api/bibliotheque/${ficheOccitanie}/reprendre`, { contratId: cls2 });
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Cette fiche n’existe pas.');
  });
});

describe('« Reprendre cette fiche »', () => {
  it('propose les contrats où l’utilisateur peut créer des fiches, et dit lequel est verrouillé', async () => {
    const destinations = (await coordination.get('/api/bibliotheque/destinations')).body;
    expect(destinations.map((d: any) => [d.id, d.verrou])).toEqual([
      [cls2, null],
      [cls1, 'Ce contrat est clos : il ne peut plus être modifié.'],
    ]);
    expect((await lecteur.get('/api/bibliotheque/destinations')).body).toEqual([]);
    expect((await ars.get('/api/bibliotheque/destinations')).body).toEqual([]);
  });

  it('copie la fiche comme brouillon dans un contrat de l’utilisateur, sans pilotes ni financements, avec sa note d’origine', async () => {
    const vaccination = (await chercher(coordination, 'vaccination')).body.resultats.find((f: any) => f.numero === 6);
    const source = (await coordination.get(`/api/fiches/${vaccination.id}`)).body;
    expect(source.pilotes.length).toBeGreaterThan(0);
    const r = await coordination.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: cls2 });
    expect(r.status).toBe(201);
    expect(r.body.contratId).toBe(cls2);
    const copie = (await coordination.get(`/api/fiches/${r.body.id}`)).body;
    expect(copie).toMatchObject({
      contratId: cls2,
      intitule: 'Promouvoir la vaccination',
      statut: 'a_venir',
      pilotes: [],
      financements: [],
      axe: null,
      notes: 'Reprise de la fiche n° 6 du contrat « Contrat local de santé du Pays de Redon-Bretagne Sud ».',
    });
    expect(copie.numero).toBe(r.body.numero);
    // Both the creation and its origin are in the audit trail.
    const { rows } = await sql(
      `select action, diff, contexte from audit_evenements where entite_type = 'fiche' and entite_id = $1 order by id`,
      [r.body.id],
    );
    expect(rows.map((e) => e.action)).toEqual(['creation', 'reprise']);
    expect(rows[1].contexte).toEqual({ contratId: cls2, sourceContratId: cls1 });
  });

  it('garde le contenu du modèle mais laisse ce qui appartient à l’autre territoire', async () => {
    const redon = (await sql(`select id from organisations where nom = 'Redon Agglomération'`)).rows[0].id;
    const source = await coordination.post(`/api/contrats/${cls2}/fiches`, {
      intitule: 'Créer un parcours santé des aînés',
      pilotes: [{ organisationId: redon, service: 'CLIC' }],
      personnesReferentes: 'Mme Le Gall',
      debut: '2025-01-01',
      fin: '2026-12-31',
      description: 'Repérer la fragilité des aînés à domicile.',
      objectifsOperationnels: ['Former les aides à domicile au repérage'],
      etapes: [{ libelle: 'Constituer le groupe de travail', debut: '2025-01-01', fin: '2025-03-31' }],
      determinants: ['utilisation_services'],
      interventions: ['formation_individus'],
      partenaires: [{ secteur: 'social', acteur: 'CCAS de Redon', participation: ['organisation'] }],
      indicateurs: [{ libelle: 'Nombre d’aides à domicile formées', type: 'activite' }],
      financements: [
        {
          financeurLibelle: 'Conférence des financeurs',
          dispositif: 'Autre',
          annee: 2025,
          montantCentimes: 1_000_000,
          nature: 'fonctionnement',
          statut: 'accorde',
        },
      ],
      thematiques: ['vieillissement'],
      publics: ['personnes_agees'],
      priorite: 'haute',
      statut: 'en_cours',
      notes: 'Note interne à ne pas reprendre.',
    });
    expect(source.status).toBe(201);
    const r = await coordination.post(`/api/bibliotheque/${source.body.id}/reprendre`, { contratId: cls2 });
    expect(r.status).toBe(201);
    const copie = (await coordination.get(`/api/fiches/${r.body.id}`)).body;
    expect(copie).toMatchObject({
      description: 'Repérer la fragilité des aînés à domicile.',
      objectifsOperationnels: ['Former les aides à domicile au repérage'],
      etapes: [{ libelle: 'Constituer le groupe de travail' }],
      determinants: ['utilisation_services'],
      interventions: ['formation_individus'],
      indicateurs: [{ libelle: 'Nombre d’aides à domicile formées', type: 'activite' }],
      thematiques: ['vieillissement'],
      publics: ['personnes_agees'],
      pilotes: [],
      financements: [],
      partenaires: [],
      statut: 'a_venir',
      priorite: null,
      debut: null,
      fin: null,
    });
    expect(copie.personnesReferentes ?? null).toBeNull();
    expect(copie.etapes[0].debut ?? null).toBeNull();
    expect(copie.notes).toBe(
      `Reprise de la fiche n° ${source.body.numero} du contrat « Contrat local de santé de Redon Agglomération (2e génération) ».`,
    );
  });

  it('refuse un contrat où l’utilisateur ne peut pas créer de fiche, un contrat clos ou signé sans avenant', async () => {
    const vaccination = (await chercher(lecteur, 'vaccination')).body.resultats[0];
    // The reader of CLS 2 may read it, not write in it.
    const lecture = await lecteur.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: cls2 });
    expect(lecture.status).toBe(403);
    // Belle-Île is not Redon's coordinator's: it does not even exist for her.
    expect((await coordination.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: belleIle })).status).toBe(404);
    // CLS 1 is closed.
    const close = await coordination.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: cls1 });
    expect(close.status).toBe(409);
    expect(close.body.detail).toBe('Ce contrat est clos : il ne peut plus être modifié.');
    // Signed without an open avenant: the lock of every new fiche.
    await sql(`update contrats set statut = 'signe' where id = $1`, [cls2]);
    const signe = await coordination.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: cls2 });
    expect(signe.status).toBe(409);
    expect(signe.body.detail).toContain('avenant');
    const destinations = (await coordination.get('/api/bibliotheque/destinations')).body;
    expect(destinations.find((d: any) => d.id === cls2).verrou).toContain('avenant');
    await sql(`update contrats set statut = 'elaboration' where id = $1`, [cls2]);
    // Without the CSRF token, nothing is written.
    expect((await coordination.post(`/api/bibliotheque/${vaccination.id}/reprendre`, { contratId: cls2 }, { csrf: false })).status).toBe(
      403,
    );
  });
});
