import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACINE } from '../../config';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/**
 * The FHIR export of a case's care team (issue 18 item 7), checked against the shape of the ANS « Cercle de soins »
 * samples in ../shared/interop/cercle-de-soins: same Bundle type and profiles, the CareTeam's required elements, and
 * every reference resolved inside the Bundle. Built through the real API on the demo's support team.
 */

const EXEMPLES = path.join(RACINE, '..', 'shared', 'interop', 'cercle-de-soins');
const exemple = (nom: string) => JSON.parse(fs.readFileSync(path.join(EXEMPLES, nom), 'utf8'));

let serveur: ServeurDeTest;
let coordinationAppui: ClientHttp, gestionnaire: ClientHttp, ars: ClientHttp, cls: ClientHttp;
let situation: string;
const q = async (sql: string, p: unknown[] = []) => (await serveur.ctx.db.query(sql, p)).rows;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordinationAppui, gestionnaire, ars, cls] = Array.from({ length: 4 }, () => serveur.client());
  await coordinationAppui.connecter('appui@demo.maillage.fr');
  await gestionnaire.connecter('gestionnaire@demo.maillage.fr');
  await ars.connecter(DEMO.ars);
  await cls.connecter(DEMO.coordination);
  const equipe = (await q('select organisation_id from appui_equipes'))[0].organisation_id;
  const clic = (await q(`select id from ressources where nom = 'CLIC de Redon Agglomération'`))[0].id;
  // A carer calls the team; the GP is named with an RPPS; the case manager is référent; the CLIC accepts.
  const d = await coordinationAppui.post('/api/appui/demandes', {
    equipeId: equipe,
    origine: 'aidant',
    canal: 'telephone',
    demandeur: { nom: 'Anne Morvan', qualite: 'fille', telephone: '0611223344' },
    personne: {
      nom: 'Morvan',
      prenoms: 'Yvonne Marie',
      dateNaissance: '1936-05-04',
      sexe: 'F',
      communeCode: '35236',
      ins: '236055612345678',
    },
    motif: 'Retour à domicile après une chute',
    urgence: 'rapide',
    medecinTraitant: { nom: 'Dr Paul Le Du', rpps: '10001234567' },
  });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const gid = (await q(`select id from utilisateurs where email = 'gestionnaire@demo.maillage.fr'`))[0].id;
  expect((await coordinationAppui.post(`/api/appui/demandes/${d.body.id}/referent`, { referentId: gid, version: 1 })).status).toBe(200);
  const s = await gestionnaire.post(`/api/appui/demandes/${d.body.id}/situation`, { version: 2 });
  expect(s.status, JSON.stringify(s.body)).toBe(201);
  situation = s.body.id;
  const o = await gestionnaire.post(`/api/appui/situations/${situation}/orientations`, { ressourceId: clic });
  expect(o.status).toBe(201);
  const issue = await gestionnaire.requete('PATCH', `/api/appui/situations/${situation}/orientations/${o.body.id}`, {
    issue: 'acceptee',
    version: 1,
  });
  expect(issue.status, JSON.stringify(issue.body)).toBe(200);
}, 180_000);
afterAll(() => serveur.fermer());

const url = () => `/api/appui/situations/${situation}/cercle-de-soins`;

/** Every { reference } anywhere in a resource. */
function references(valeur: unknown): string[] {
  if (Array.isArray(valeur)) return valeur.flatMap(references);
  if (valeur && typeof valeur === 'object')
    return Object.entries(valeur).flatMap(([cle, v]) => (cle === 'reference' && typeof v === 'string' ? [v] : references(v)));
  return [];
}

describe('export FHIR du cercle de soins', () => {
  it('a la forme des exemples du guide : Bundle transaction, profils, entrées POST en urn:uuid, références résolues', async () => {
    const r = await gestionnaire.get(url());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const bundle = r.body;
    const modele = exemple('Bundle-cds-bundle-transaction-creation-example.json');
    expect(bundle.resourceType).toBe(modele.resourceType);
    expect(bundle.type).toBe(modele.type);
    expect(bundle.meta.profile).toEqual(modele.meta.profile);
    for (const e of bundle.entry) {
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
      expect(e.request).toEqual({ method: 'POST', url: e.resource.resourceType });
      expect(e.resource.meta.profile.length).toBeGreaterThan(0);
    }
    // The same profiles as the samples for the resources they show.
    const profilDe = (nom: string) => exemple(nom).meta.profile;
    const parType = (type: string) => bundle.entry.map((e: any) => e.resource).filter((x: any) => x.resourceType === type);
    expect(parType('CareTeam')).toHaveLength(1);
    expect(parType('Patient')).toHaveLength(1);
    expect(parType('CareTeam')[0].meta.profile).toEqual(profilDe('CareTeam-cds-careteam-example.json'));
    for (const o of parType('Organization')) expect(o.meta.profile).toEqual(profilDe('Organization-cds-organization-example.json'));
    for (const p of parType('RelatedPerson')) expect(p.meta.profile).toEqual(profilDe('RelatedPerson-cds-relatedperson-example.json'));
    // Every reference points to an entry of the Bundle, as « Type/id » like the samples.
    const presents = new Set(bundle.entry.map((e: any) => `${e.resource.resourceType}/${e.resource.id}`));
    const toutes = bundle.entry.flatMap((e: any) => references(e.resource));
    expect(toutes.length).toBeGreaterThan(5);
    for (const ref of toutes) expect(presents.has(ref), ref).toBe(true);
    // And none of our entries is left unreferenced.
    for (const cle of presents) if (!String(cle).startsWith('CareTeam/')) expect(toutes).toContain(cle);
  });

  it('le CareTeam porte ce que le profil exige et ce que montre l’exemple', async () => {
    const bundle = (await gestionnaire.get(url())).body;
    const equipe = bundle.entry[0].resource;
    const modele = exemple('CareTeam-cds-careteam-example.json');
    expect(equipe.resourceType).toBe('CareTeam');
    for (const cle of Object.keys(modele).filter((k) => !k.startsWith('_'))) expect(Object.keys(equipe), cle).toContain(cle);
    expect(equipe.identifier).toHaveLength(1);
    expect(equipe.identifier[0].value).toMatch(/^\d+$/);
    expect(equipe.status).toBe('active');
    expect(equipe.name).toBe('Cercle de soins de Yvonne Morvan');
    expect(equipe.subject.reference).toMatch(/^Patient\//);
    expect(equipe.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const p of equipe.participant) {
      expect(p.member.reference).toMatch(/^(PractitionerRole|RelatedPerson|Organization)\//);
      expect(p.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const roles = equipe.participant.flatMap((p: any) => p.role.flatMap((r: any) => r.coding?.map((c: any) => c.code) ?? []));
    expect(roles.sort()).toEqual(['AID', 'MT']);
    const resource = (ref: string) => bundle.entry.find((e: any) => `${e.resource.resourceType}/${e.resource.id}` === ref).resource;
    // The GP: a PractitionerRole whose Practitioner carries the RPPS as an IDNPS (8 + RPPS).
    const mt = resource(equipe.participant.find((p: any) => p.role[0].coding?.[0].code === 'MT').member.reference);
    expect(resource(mt.practitioner.reference).identifier[0].value).toBe('810001234567');
    // The carer who called; the CLIC that accepted; the team manages.
    const aidant = resource(equipe.participant.find((p: any) => p.role[0].coding?.[0].code === 'AID').member.reference);
    expect(aidant).toMatchObject({ resourceType: 'RelatedPerson', name: [{ text: 'Anne Morvan' }], relationship: [{ text: 'fille' }] });
    const organisations = equipe.participant
      .map((p: any) => resource(p.member.reference))
      .filter((x: any) => x.resourceType === 'Organization');
    expect(organisations.map((o: any) => o.name)).toEqual(['CLIC de Redon Agglomération']);
    expect(resource(equipe.managingOrganization[0].reference).name).toBe('Dispositif d’appui à la coordination du pays de Redon');
    // The person, decrypted for the export; the INS entered is not sent (it is not qualified).
    const patient = resource(equipe.subject.reference);
    expect(patient).toMatchObject({ gender: 'female', birthDate: '1936-05-04', name: [{ family: 'Morvan', given: ['Yvonne', 'Marie'] }] });
    expect(JSON.stringify(bundle)).not.toContain('236055612345678');
  });

  it('réservé au personnel qui a accès à la situation ; la lecture est inscrite au journal des accès', async () => {
    const avant = (
      await q(`select count(*)::int as n from appui_journal_acces where situation_id = $1 and objet like '%FHIR%'`, [situation])
    )[0].n;
    expect((await gestionnaire.get(url())).status).toBe(200);
    const apres = (
      await q(`select count(*)::int as n from appui_journal_acces where situation_id = $1 and objet like '%FHIR%'`, [situation])
    )[0].n;
    expect(apres).toBe(avant + 1);
    for (const client of [ars, cls]) {
      const r = await client.get(url());
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain('Morvan');
    }
    expect((await serveur.client().get(url())).status).toBe(401);
    expect((await gestionnaire.get('/api/appui/situations/00000000-0000-4000-8000-000000000000/cercle-de-soins')).status).toBe(404);
  });
});
