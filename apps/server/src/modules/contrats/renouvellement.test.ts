import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Issue 13: a renewal, by whichever path, takes the predecessor to « Renouvelé » in the same transaction, audited.

let serveur: ServeurDeTest;
let admin: ClientHttp;
let coordination: ClientHttp;
let belleIle: string;
let craon: string;
let ids: { ars: string; morbihan: string };

const contrat = async (id: string) => (await admin.get(`/api/contrats/${id}`)).body;
const idParIntitule = async (debut: string) =>
  (await serveur.ctx.db.query('select id from contrats where intitule like $1', [`${debut}%`])).rows[0].id as string;
/** Puts a demo contract at a status the demo has none at (the signature path is covered by contrats.test.ts). */
const fixerStatut = (id: string, statut: string) => serveur.ctx.db.query('update contrats set statut = $2 where id = $1', [id, statut]);
const audits = async (id: string) =>
  (
    await serveur.ctx.db.query(
      `select action, diff, contexte from audit_evenements where entite_type = 'contrat' and entite_id = $1 and action = 'statut' order by id`,
      [id],
    )
  ).rows;

const saisie = (intitule: string, extra: Record<string, unknown> = {}) => ({
  intitule,
  perimetre: { epci: ['245600465'], communes: [] },
  generation: 2,
  arsIds: [ids.ars],
  porteursIds: [ids.morbihan],
  periode: { debut: '2027-01-01', fin: '2031-12-31' },
  ...extra,
});

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  coordination = serveur.client();
  await admin.connecter(DEMO.admin);
  await coordination.connecter(DEMO.coordination);
  belleIle = await idParIntitule('Contrat local de santé de Belle-Île');
  craon = await idParIntitule('Contrat local de santé de Craon');
  const org = async (nom: string) =>
    (await serveur.ctx.db.query('select id from organisations where nom = $1', [nom])).rows[0].id as string;
  ids = { ars: await org('ARS Bretagne'), morbihan: await org('Conseil départemental du Morbihan') };
});
afterAll(() => serveur.fermer());

describe('le renouvellement mène le contrat précédent à « Renouvelé »', () => {
  it('depuis une évaluation : le contrat « En évaluation » devient « Renouvelé », journalisé', async () => {
    await fixerStatut(belleIle, 'evaluation');
    const version = (await contrat(belleIle)).version;
    const evaluation = (
      await admin.post(`/api/contrats/${belleIle}/evaluations`, { type: 'finale', intitule: 'Évaluation finale', terminee: true })
    ).body.id;
    const r = await admin.post(`/api/evaluations/${evaluation}/renouvellement`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const precedent = await contrat(belleIle);
    expect(precedent).toMatchObject({
      statut: 'renouvele',
      statutLibelle: 'Renouvelé',
      successeurs: [expect.objectContaining({ id: r.body.id })],
    });
    expect(precedent.version).toBeGreaterThan(version);
    expect(await audits(belleIle)).toEqual([
      {
        action: 'statut',
        diff: { statut: { avant: 'evaluation', apres: 'renouvele' } },
        contexte: expect.objectContaining({ successeurId: r.body.id }),
      },
    ]);
  });

  it('depuis la page du contrat : le contrat échu devient « Renouvelé »', async () => {
    const r = await admin.post(`/api/contrats/${craon}/renouvellement`, { ficheIds: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await contrat(craon)).statut).toBe('renouvele');
    expect((await audits(craon)).map((a) => a.diff.statut)).toEqual([{ avant: 'echu', apres: 'renouvele' }]);
    expect((await admin.post(`/api/contrats/${craon}/renouvellement`, { ficheIds: [] })).status).toBe(409);
  });

  it('en créant ou en modifiant un contrat qui nomme son prédécesseur, dans la même transaction', async () => {
    const ancien = (await admin.post('/api/contrats', saisie('CLS de Belle-Île 2014-2018'))).body.id;
    // A predecessor still in preparation cannot be renewed: the field says why, and nothing is created.
    const avant = (await serveur.ctx.db.query('select count(*)::int n from contrats')).rows[0].n;
    const tropTot = await admin.post('/api/contrats', saisie('CLS suivant', { predecesseurId: ancien }));
    expect(tropTot.status).toBe(400);
    expect(tropTot.body.erreurs).toEqual([
      { champ: 'predecesseurId', message: expect.stringContaining('« En préparation » ne peut pas être renouvelé') },
    ]);
    expect((await serveur.ctx.db.query('select count(*)::int n from contrats')).rows[0].n).toBe(avant);

    await fixerStatut(ancien, 'echu');
    // Someone who may not change the predecessor may not renew it.
    expect((await coordination.post('/api/contrats', saisie('CLS suivant', { predecesseurId: ancien }))).status).toBe(404);
    expect((await contrat(ancien)).statut).toBe('echu');

    const cree = await admin.post('/api/contrats', saisie('CLS suivant', { predecesseurId: ancien }));
    expect(cree.status, JSON.stringify(cree.body)).toBe(201);
    expect((await contrat(ancien)).statut).toBe('renouvele');
    expect((await audits(ancien)).map((a) => a.contexte.successeurId)).toEqual([cree.body.id]);
    // Already followed by a generation: a second successor is refused.
    const second = await admin.post('/api/contrats', saisie('Autre suivant', { predecesseurId: ancien }));
    expect(second.status).toBe(400);
    expect(second.body.detail).toContain('déjà une génération suivante');

    // Editing a contract to name its predecessor does the same.
    const autreAncien = (await admin.post('/api/contrats', saisie('CLS de Belle-Île 2009-2013'))).body.id;
    await fixerStatut(autreAncien, 'evaluation');
    const sansLien = (await admin.post('/api/contrats', saisie('CLS de Belle-Île 2014'))).body.id;
    const d = await contrat(sansLien);
    const edition = await admin.put(`/api/contrats/${sansLien}`, {
      ...saisie(d.intitule),
      predecesseurId: autreAncien,
      version: d.version,
    });
    expect(edition.status, JSON.stringify(edition.body)).toBe(204);
    expect((await contrat(autreAncien)).statut).toBe('renouvele');
    // Saving it again changes nothing more.
    const d2 = await contrat(sansLien);
    expect(
      (await admin.put(`/api/contrats/${sansLien}`, { ...saisie(d2.intitule), predecesseurId: autreAncien, version: d2.version })).status,
    ).toBe(204);
    expect(await audits(autreAncien)).toHaveLength(1);
  });
});
