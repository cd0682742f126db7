import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/**
 * The activity of the support teams (issue 18 item 7) on a real PostgreSQL: counts, statistical secret (primary and
 * secondary), who sees what, the feed to the contract's follow-up and the ARS portfolio. The cases are written in SQL
 * with the dates the counts depend on (past periods); the identity columns hold a placeholder: nothing here decrypts.
 */

let serveur: ServeurDeTest;
let ars: ClientHttp;
let arsPdl: ClientHttp;
let coordination: ClientHttp;
let pilote: ClientHttp;
let equipier: ClientHttp;
let admin: ClientHttp;
let dacRedon: string;
let dacIles: string;
let cls2: string;
const types: string[] = [];
let plans = false;
const ressources: Record<string, string> = {};

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);
const REDON = '35236';
const LE_PALAIS = '56152';
const BELLE_ILE = 'epci:245600465';
const AGGLO_REDON = 'epci:243500741';

async function equipe(nom: string) {
  const id = (await sql(`insert into organisations (nom, type) values ($1, 'association') returning id`, [nom])).rows[0].id;
  await sql('insert into appui_equipes (organisation_id) values ($1)', [id]);
  return id as string;
}

interface Cas {
  origine?: string;
  commune?: string | null;
  recue: string;
  contactJours?: number;
  niveau?: string | null;
  evaluationJours?: number;
  planJours?: number;
  close?: { le: string; motif: string };
  orientations?: { type: string; issue: string; le: string }[];
}

/** One request, and its case when it has a level: the columns the counts read, nothing else meaningful. */
async function cas(organisationId: string, c: Cas) {
  const personne = randomUUID();
  const demande = randomUUID();
  const jours = (n: number | undefined) => (n === undefined ? null : new Date(new Date(c.recue).getTime() + n * 86_400_000).toISOString());
  await sql(`insert into appui_personnes (id, organisation_id, identite_chiffree, commune_code) values ($1, $2, '\\x00', $3)`, [
    personne,
    organisationId,
    c.commune === undefined ? REDON : c.commune,
  ]);
  await sql(
    `insert into appui_demandes (id, organisation_id, personne_id, origine, canal, urgence, motif_chiffre, recue_le, premier_contact_le, statut)
     values ($1, $2, $3, $4, 'telephone', 'normale', '\\x00', $5, $6, $7)`,
    [
      demande,
      organisationId,
      personne,
      c.origine ?? 'medecin_traitant',
      c.recue,
      jours(c.contactJours),
      c.niveau ? 'situation_ouverte' : 'recue',
    ],
  );
  if (!c.niveau) return;
  const situation = randomUUID();
  await sql(
    `insert into appui_situations (id, organisation_id, demande_id, personne_id, niveau, ouverte_le, statut, close_le, motif_cloture)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      situation,
      organisationId,
      demande,
      personne,
      c.niveau,
      c.recue,
      c.close ? 'close' : 'ouverte',
      c.close?.le ?? null,
      c.close?.motif ?? null,
    ],
  );
  if (c.evaluationJours !== undefined)
    await sql(`insert into appui_evaluations (id, situation_id, grille_chiffree, niveau, evaluee_le) values ($1, $2, '\\x00', $3, $4)`, [
      randomUUID(),
      situation,
      c.niveau,
      jours(c.evaluationJours),
    ]);
  // The plan part's table (migration 0029), when this branch has it.
  if (c.planJours !== undefined && plans)
    await sql(
      `insert into appui_plans (id, situation_id, version, contenu_chiffre, origine, enregistre_par_libelle, enregistre_le)
       values ($1, $2, 1, '\\x00', 'saisie', 'Test', $3)`,
      [randomUUID(), situation, jours(c.planJours)],
    );
  for (const o of c.orientations ?? [])
    await sql(`insert into appui_orientations (id, situation_id, ressource_id, issue, orientee_le) values ($1, $2, $3, $4, $5)`, [
      randomUUID(),
      situation,
      ressources[o.type],
      o.issue,
      o.le,
    ]);
}

const fois = async (n: number, f: (i: number) => Promise<void>) => {
  for (let i = 0; i < n; i++) await f(i);
};

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [ars, arsPdl, coordination, pilote, equipier, admin] = Array.from({ length: 6 }, () => serveur.client());
  await ars.connecter(DEMO.ars);
  await arsPdl.connecter(DEMO.arsPaysDeLaLoire);
  await coordination.connecter(DEMO.coordination);
  await pilote.connecter(DEMO.pilote);
  await equipier.connecter(DEMO.lecteur);
  await admin.connecter(DEMO.admin);
  cls2 = (await sql(`select id from contrats where generation = 2 and intitule like '%Redon%'`)).rows[0].id;
  for (const r of (await sql('select distinct on (type_code) id, type_code from ressources order by type_code, id limit 2')).rows) {
    types.push(r.type_code);
    ressources[r.type_code] = r.id;
  }
  plans = (await sql(`select to_regclass('appui_plans') is not null as plans`)).rows[0].plans;
  dacRedon = await equipe('DAC du Pays de Redon');
  dacIles = await equipe('DAC des îles du Morbihan');
  const lecteur = (await sql('select id from utilisateurs where email = $1', [DEMO.lecteur])).rows[0].id;
  await sql(`insert into appui_membres (organisation_id, utilisateur_id, role) values ($1, $2, 'gestionnaire_cas')`, [dacRedon, lecteur]);

  // Belle-Île, 2025: one team, every figure at 5 or more (nothing secret), delays of 1 to 13 days.
  await fois(13, (i) =>
    cas(dacIles, {
      commune: LE_PALAIS,
      origine: i < 7 ? 'medecin_traitant' : 'professionnel_sante',
      recue: `2025-0${1 + (i % 6)}-10T09:00:00Z`,
      contactJours: i + 1,
      niveau: i < 5 ? 'information_orientation' : 'coordination',
      evaluationJours: i + 10,
      planJours: i + 20,
      close: i < 6 ? { le: '2025-11-20T10:00:00Z', motif: 'objectifs_atteints' } : undefined,
      orientations: i < 5 ? [{ type: types[0], issue: 'acceptee', le: '2025-08-01T10:00:00Z' }] : [],
    }),
  );
  // Redon, 2025: the Redon team has 9 requests from GPs and 3 from carers; the islands' team 20 from GPs.
  await fois(12, (i) =>
    cas(dacRedon, {
      origine: i < 9 ? 'medecin_traitant' : 'aidant',
      recue: '2025-03-03T09:00:00Z',
      niveau: 'appui_ponctuel',
      contactJours: 2,
    }),
  );
  await fois(20, () => cas(dacIles, { recue: '2025-04-03T09:00:00Z', niveau: 'appui_ponctuel', contactJours: 1 }));
  // Not counted: a request of 2024, and one without a commune (said, not placed).
  await cas(dacRedon, { recue: '2024-12-31T12:00:00Z', niveau: 'coordination' });
  await cas(dacRedon, { commune: null, recue: '2025-05-05T09:00:00Z' });
});
afterAll(() => serveur.fermer());

const ligne = (corps: any, structure: string | null, cle: string, periode = '2025') =>
  corps.lignes.find((l: any) => (l.structure?.id ?? null) === structure && l.territoire.cle === cle && l.periode.code === periode);
const nombre = (liste: { code: string; nombre: unknown }[], code: string) => liste.find((x) => x.code === code)?.nombre;

describe('les chiffres de l’activité', () => {
  it('compte par structure, territoire et période : origines, missions, niveaux, délais, clôtures, orientations', async () => {
    const r = await ars.get(`/api/appui/activite?territoires=${BELLE_ILE}&periode=2025`);
    expect(r.status).toBe(200);
    expect(r.body.structures).toBe('toutes');
    const l = ligne(r.body, dacIles, BELLE_ILE);
    expect(l.structure.nom).toBe('DAC des îles du Morbihan');
    expect(l.demandes.total).toBe(13);
    expect(nombre(l.demandes.parOrigine, 'medecin_traitant')).toBe(7);
    expect(nombre(l.demandes.parOrigine, 'professionnel_sante')).toBe(6);
    expect(nombre(l.demandes.parOrigine, 'aidant')).toBe(0);
    expect(nombre(l.demandes.parMission, 'mission_1')).toBe(5);
    expect(nombre(l.demandes.parMission, 'mission_2')).toBe(8);
    expect(nombre(l.demandes.parNiveau, 'coordination')).toBe(8);
    // 1 to 13 days: the median is 7; evaluations 10 to 22 days: 16.
    expect(l.delais.find((d: any) => d.etape === 'premier_contact')).toMatchObject({ medianeJours: 7, nombre: 13 });
    expect(l.delais.find((d: any) => d.etape === 'evaluation')).toMatchObject({ medianeJours: 16, nombre: 13 });
    // Plans 20 to 32 days after the request: 26 (once the plan part's table is merged).
    expect(l.delais.find((d: any) => d.etape === 'plan')).toMatchObject(
      plans ? { medianeJours: 26, nombre: 13 } : { medianeJours: null, nombre: 0 },
    );
    expect(l.clotures).toMatchObject({ total: 6 });
    expect(nombre(l.clotures.parMotif, 'objectifs_atteints')).toBe(6);
    expect(l.orientations.total).toBe(5);
    expect(nombre(l.orientations.parTypeRessource, types[0])).toBe(5);
    expect(nombre(l.orientations.parIssue, 'acceptee')).toBe(5);
    expect(l.partiel).toBe(false);
    // The whole equals the one team here.
    expect(ligne(r.body, null, BELLE_ILE).demandes.total).toBe(13);
  });

  it('un effectif de 1 à 4 est « secret », et le total qui le redonnerait aussi (secret secondaire)', async () => {
    const r = await ars.get(`/api/appui/activite?territoires=commune:${REDON}&periode=2025`);
    expect(r.status).toBe(200);
    const cle = `commune:${REDON}`;
    const a = ligne(r.body, dacRedon, cle);
    const tous = ligne(r.body, null, cle);
    expect(nombre(a.demandes.parOrigine, 'aidant')).toBe('secret');
    // 9 GPs are published; the 12 of the team would give the 3 carers back.
    expect(a.demandes.total).toBe('secret');
    expect(nombre(tous.demandes.parOrigine, 'aidant')).toBe('secret');
    // No published sum has a single unknown, in a row or across the teams.
    const inconnues = (...n: unknown[]) => n.filter((x) => x === 'secret').length;
    for (const l of r.body.lignes) {
      expect(inconnues(l.demandes.total, ...l.demandes.parOrigine.map((o: any) => o.nombre))).not.toBe(1);
      expect(inconnues(l.demandes.total, ...l.demandes.parMission.map((o: any) => o.nombre))).not.toBe(1);
    }
    const iles = ligne(r.body, dacIles, cle);
    expect(inconnues(a.demandes.total, iles.demandes.total, tous.demandes.total)).not.toBe(1);
    expect(inconnues(...['medecin_traitant', 'aidant'].map((c) => nombre(a.demandes.parOrigine, c)), a.demandes.total)).not.toBe(1);
    // Nowhere the 3 nor the 12 themselves.
    expect(JSON.stringify(a.demandes)).not.toMatch(/"nombre":3\b|"total":12\b/);
  });

  it('dit ce qui est partiel : la période en cours, les demandes sans commune, les situations purgées', async () => {
    // The purge leaves one audit entry per case deleted (decision 0032).
    await sql(
      `insert into audit_evenements (acteur_libelle, entite_type, entite_id, action, contexte) values ('Système', 'cloture_appui', $1, 'purge', $2)`,
      [randomUUID(), { numero: 1, organisationId: dacRedon, conservationMois: 24 }],
    );
    const r = await admin.get(`/api/appui/activite?territoires=commune:${REDON}&periode=2025,2026`);
    expect(r.status).toBe(200);
    expect(r.body.partiel).toBe(true);
    expect(r.body.raisons.join(' ')).toMatch(/Période en cours \(Année 2026\)/);
    expect(r.body.raisons.join(' ')).toMatch(/Demandes sans commune connue, comptées dans aucun territoire : moins de 5\./);
    expect(r.body.raisons.join(' ')).toMatch(
      /Situations closes purgées à la fin de leur durée de conservation, qui ne sont plus comptées : moins de 5\./,
    );
    expect(ligne(r.body, null, `commune:${REDON}`, '2026').partiel).toBe(true);
    expect(ligne(r.body, null, `commune:${REDON}`, '2025').partiel).toBe(false);
  });

  it('refuse en français une période, un territoire illisibles ou inconnus', async () => {
    const periode = await ars.get(`/api/appui/activite?territoires=${BELLE_ILE}&periode=2025-T5`);
    expect(periode.status).toBe(400);
    expect(periode.body.detail).toMatch(/« 2025-T5 » : Période attendue/);
    const futur = await ars.get(`/api/appui/activite?territoires=${BELLE_ILE}&periode=2099`);
    expect(futur.status).toBe(400);
    expect(futur.body.detail).toMatch(/n’a pas commencé/);
    const illisible = await ars.get('/api/appui/activite?territoires=canton:12');
    expect(illisible.status).toBe(400);
    expect(illisible.body.detail).toMatch(/Territoire illisible/);
    const inconnu = await ars.get('/api/appui/activite?territoires=epci:999999999');
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.detail).toMatch(/inconnu du référentiel : epci:999999999/);
  });
});

describe('qui voit l’activité', () => {
  it('l’ARS sur sa région, la coordination sur ses contrats, l’administrateur partout ; ni les autres rôles ni le public', async () => {
    const url = `/api/appui/activite?territoires=${BELLE_ILE}&periode=2025`;
    expect((await ars.get(url)).status).toBe(200);
    expect((await admin.get(url)).status).toBe(200);
    const autre = await arsPdl.get(url);
    expect(autre.status).toBe(403);
    expect(autre.body.detail).toMatch(/réservée aux agents de l’ARS/);
    // Redon's coordination: its contract's EPCI, not Belle-Île.
    expect((await coordination.get(`/api/appui/activite?territoires=${AGGLO_REDON}&periode=2025`)).status).toBe(200);
    expect((await coordination.get(url)).status).toBe(403);
    expect((await pilote.get(`/api/appui/activite?territoires=${AGGLO_REDON}&periode=2025`)).status).toBe(403);
    expect((await serveur.client().get(url)).status).toBe(401);
  });

  it('le personnel d’une équipe ne voit que ses structures', async () => {
    const r = await equipier.get(`/api/appui/activite?territoires=commune:${REDON}&periode=2025`);
    expect(r.status).toBe(200);
    expect(r.body.structures).toBe('les_votres');
    expect(new Set(r.body.lignes.map((l: any) => l.structure?.id ?? null))).toEqual(new Set([dacRedon, null]));
    expect(r.body.raisons.join(' ')).toMatch(/Seules les structures dont vous êtes membre/);
  });

  it('n’a rien de nominatif : ni identité, ni numéro, ni identifiant de personne ou de situation', async () => {
    const r = await ars.get(`/api/appui/activite?territoires=${AGGLO_REDON},${BELLE_ILE}&periode=2025`);
    const texte = JSON.stringify(r.body);
    const ids = (
      await sql(
        'select id::text from appui_personnes union all select id::text from appui_situations union all select id::text from appui_demandes',
      )
    ).rows;
    for (const { id } of ids) expect(texte).not.toContain(id);
    expect(texte).not.toMatch(/"(prenoms|nomUsage|dateNaissance|numero|ins|identite|motif|commune)":/);
  });
});

describe('l’activité nourrit le suivi du contrat et le portefeuille de l’ARS', () => {
  it('le suivi du contrat montre l’activité de son périmètre à sa coordination, pas à un pilote', async () => {
    const r = await coordination.get(`/api/contrats/${cls2}/avancement`);
    expect(r.status).toBe(200);
    expect(r.body.activiteAppui.territoires[0]).toMatchObject({ cle: `contrat:${cls2}` });
    const tous2025 = ligne(r.body.activiteAppui, null, `contrat:${cls2}`, '2025');
    // The Redon team's 3 carers make its total secret, and so the whole's (it would give the team's back).
    expect(tous2025.demandes.total).toBe('secret');
    expect(nombre(tous2025.demandes.parOrigine, 'aidant')).toBe('secret');
    expect(nombre(tous2025.demandes.parNiveau, 'appui_ponctuel')).not.toBeUndefined();
    const refuse = await pilote.get(`/api/contrats/${cls2}/avancement`);
    expect(refuse.status).toBe(200);
    expect(refuse.body.activiteAppui).toBeNull();
  });

  it('le portefeuille régional montre l’activité de la région à l’ARS', async () => {
    const r = await ars.get('/api/portefeuille?region=53');
    expect(r.status).toBe(200);
    const tous = ligne(r.body.activiteAppui, null, 'region:53', '2025');
    expect(tous).toBeDefined();
    expect(ligne(r.body.activiteAppui, dacIles, 'region:53', '2025').orientations.total).toBe(5);
  });
});
