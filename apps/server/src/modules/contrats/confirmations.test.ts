import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEME } from '../../platform/audit';
import { enTransaction } from '../../platform/database';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { inscrire } from '../comptes/utilisateurs.service';

/**
 * Issue 11, « parler au nom d’une autre organisation »: Redon's coordinator (Bretagne) starts a contract on a Pays de
 * la Loire territory naming ARS Pays de la Loire as its ARS and as a signatory. Nothing of it may stand for ARS Pays
 * de la Loire until one of its agents confirms.
 */

const MOT_DE_PASSE_ARS_PDL = 'Agent-ARS-Pays-de-la-Loire-2026';
let serveur: ServeurDeTest;
let coordination: ClientHttp;
let arsPdl: ClientHttp;
let arsBretagne: ClientHttp;
let ids: Record<string, string>;
let contratId: string;

async function organisation(nom: string) {
  const { rows } = await serveur.ctx.db.query('select id from organisations where nom = $1', [nom]);
  return rows[0].id as string;
}

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ids = {
    arsPdl: await organisation('ARS Pays de la Loire'),
    redon: await organisation('Redon Agglomération'),
    craonnais: await organisation('Communauté de communes du pays craonnais'),
    cpam44: await organisation('CPAM de Loire-Atlantique'),
  };
  await enTransaction(serveur.ctx.db, (tx) =>
    inscrire(tx, SYSTEME, {
      email: 'agent.ars.pdl@exemple.fr',
      prenom: 'Anne',
      nom: 'Ligérienne',
      organisationId: ids.arsPdl,
      password: MOT_DE_PASSE_ARS_PDL,
      habilitations: [{ role: 'ars_regional', regionCode: '52' }],
    }),
  );
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  arsPdl = serveur.client();
  await arsPdl.connecter('agent.ars.pdl@exemple.fr', MOT_DE_PASSE_ARS_PDL);
  arsBretagne = serveur.client();
  await arsBretagne.connecter(DEMO.ars);
});
afterAll(() => serveur.fermer());

const saisie = (publie: boolean) => ({
  intitule: 'CLS du Pays de Craon (au nom de l’ARS Pays de la Loire)',
  perimetre: { epci: ['200048551'], communes: [] },
  generation: 2,
  arsIds: [ids.arsPdl],
  porteursIds: [ids.craonnais],
  periode: { debut: '2027-01-01', fin: '2031-12-31' },
  publie,
});
const detail = async () => (await coordination.get(`/api/contrats/${contratId}`)).body;
const demandes = async (client: ClientHttp, statut = 'a_confirmer') =>
  (await client.get(`/api/confirmations?statut=${statut}`)).body.filter((d: any) => d.contrat.id === contratId);
const publies = async () => (await serveur.client().get('/api/public/contrats')).body.map((c: any) => c.id);

describe('une organisation nommée dans un contrat confirme son rôle', () => {
  it('publier au nom d’une ARS qui n’a pas confirmé est refusé, et rien n’est créé', async () => {
    const r = await coordination.post('/api/contrats', saisie(true));
    expect(r.status).toBe(422);
    expect(r.body.detail).toBe('Publication impossible : ARS Pays de la Loire n’a pas encore confirmé être l’ARS de ce contrat.');
    expect(r.body.erreurs).toEqual([{ champ: 'publie', message: r.body.detail }]);
    const { rows } = await serveur.ctx.db.query('select count(*)::int n from contrats where intitule = $1', [saisie(true).intitule]);
    expect(rows[0].n).toBe(0);
  });

  it('le contrat non publié montre ses parties « à confirmer »', async () => {
    const r = await coordination.post('/api/contrats', saisie(false));
    expect(r.status).toBe(201);
    contratId = r.body.id;
    const d = await detail();
    expect(d.regions).toEqual(['52']);
    expect(d.ars).toEqual([
      expect.objectContaining({
        nom: 'ARS Pays de la Loire',
        confirmation: expect.objectContaining({ statut: 'a_confirmer', libelle: 'À confirmer', motif: null }),
      }),
    ]);
    expect(d.porteurs[0].confirmation.libelle).toBe('À confirmer');
    expect(d.publication.empechements).toEqual(['ARS Pays de la Loire n’a pas encore confirmé être l’ARS de ce contrat.']);
  });

  it('une date de signature pour un signataire qui n’a pas confirmé est refusée en nommant le champ', async () => {
    const r = await coordination.post(`/api/contrats/${contratId}/signataires`, {
      organisationId: ids.arsPdl,
      representant: 'Directeur général',
      dateSignature: '2027-02-01',
    });
    expect(r.status).toBe(422);
    expect(r.body.erreurs).toEqual([
      {
        champ: 'dateSignature',
        message:
          'Date de signature refusée : ARS Pays de la Loire n’a pas encore confirmé être signataire de ce contrat : la date de signature pourra être saisie après sa confirmation.',
      },
    ]);
    expect((await detail()).signataires).toEqual([]);
    // Without the date the signatory is named, « à confirmer ».
    expect(
      (await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.arsPdl, representant: 'Directeur général' }))
        .status,
    ).toBe(201);
    // The coordinator's own organisation is confirmed at once: its date goes in.
    expect(
      (await coordination.post(`/api/contrats/${contratId}/signataires`, { organisationId: ids.redon, dateSignature: '2027-02-03' }))
        .status,
    ).toBe(201);
    const d = await detail();
    expect(d.signataires.map((s: any) => `${s.organisation.nom} : ${s.confirmation.libelle}`)).toEqual([
      'ARS Pays de la Loire : À confirmer',
      'Redon Agglomération : Confirmé',
    ]);
  });

  it('publier ensuite reste refusé, et les données publiques ne montrent jamais le contrat', async () => {
    const r = await coordination.put(`/api/contrats/${contratId}/publication`, { publie: true });
    expect(r.status).toBe(422);
    expect(r.body.erreurs[0].champ).toBe('publie');
    // Even published by a path that skips the rule (an old row, a hand-made fix), the open data leaves it out.
    await serveur.ctx.db.query('update contrats set publie = true where id = $1', [contratId]);
    expect(await publies()).not.toContain(contratId);
    expect((await serveur.client().get(`/api/public/contrats/${contratId}`)).status).toBe(404);
    expect((await serveur.client().get('/api/public/contrats.csv')).body).not.toContain('Pays de Craon (au nom');
    await serveur.ctx.db.query('update contrats set publie = false where id = $1', [contratId]);
  });

  it('seuls ceux qui parlent pour l’organisation voient et traitent la demande', async () => {
    expect(await demandes(arsBretagne)).toEqual([]);
    const cpam = serveur.client();
    await cpam.connecter(DEMO.cpam);
    expect(await demandes(cpam)).toEqual([]);
    const siennes = await demandes(arsPdl);
    expect(siennes.map((d: any) => `${d.roleLibelle} : ${d.statutLibelle}`).sort()).toEqual([
      'ARS : À confirmer',
      'signataire : À confirmer',
    ]);
    expect(siennes[0]).toMatchObject({
      demandePar: 'Marie Dupont',
      contrat: { intitule: saisie(false).intitule, regionsNoms: ['Pays de la Loire'] },
    });
    // The porteur's request is not theirs to answer, nor the ARS's request Bretagne's.
    const porteur = (
      await serveur.ctx.db.query(`select id from confirmations_parties where contrat_id = $1 and role = 'porteur'`, [contratId])
    ).rows[0].id;
    expect((await arsPdl.post(`/api/confirmations/${porteur}/acceptation`)).status).toBe(404);
    const ars = siennes.find((d: any) => d.role === 'ars');
    expect((await arsBretagne.post(`/api/confirmations/${ars.id}/acceptation`)).status).toBe(404);
    expect((await coordination.post(`/api/confirmations/${ars.id}/acceptation`)).status).toBe(404);
    expect((await serveur.client().post(`/api/confirmations/${ars.id}/acceptation`)).status).toBe(401);
    const admin = serveur.client();
    await admin.connecter(DEMO.admin);
    expect((await admin.post(`/api/confirmations/${ars.id}/acceptation`)).status).toBe(404);
  });

  it('une fois l’ARS Pays de la Loire d’accord, le contrat se publie et sa date de signature s’enregistre', async () => {
    const siennes = await demandes(arsPdl);
    const demandeArs = siennes.find((d: any) => d.role === 'ars');
    const r = await arsPdl.post(`/api/confirmations/${demandeArs.id}/acceptation`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ statut: 'confirme', statutLibelle: 'Confirmé', depublie: false });
    expect((await arsPdl.post(`/api/confirmations/${demandeArs.id}/acceptation`)).status).toBe(409);
    let d = await detail();
    expect(d.ars[0].confirmation.libelle).toBe('Confirmé');
    expect(d.publication.empechements).toEqual([]);
    const publication = await coordination.put(`/api/contrats/${contratId}/publication`, { publie: true });
    expect(publication.status).toBe(200);
    const enregistrement = (await serveur.client().get('/api/public/contrats')).body.find((c: any) => c.id === contratId);
    // Public: the confirmed ARS; the porteur has not confirmed, so it is not named.
    expect(enregistrement).toMatchObject({ ars: ['ARS Pays de la Loire'], porteurs: [] });
    const page = (await serveur.client().get(`/api/public/contrats/${contratId}`)).body;
    expect(page.signataires.map((s: any) => s.organisation)).toEqual(['Redon Agglomération']);

    // The signatory's date waits for its own confirmation.
    const sig = d.signataires.find((s: any) => s.organisation.id === ids.arsPdl);
    expect(
      (
        await coordination.put(`/api/contrats/${contratId}/signataires/${sig.id}`, {
          organisationId: ids.arsPdl,
          dateSignature: '2027-02-01',
        })
      ).status,
    ).toBe(422);
    expect((await arsPdl.post(`/api/confirmations/${siennes.find((x: any) => x.role === 'signataire').id}/acceptation`)).status).toBe(200);
    expect(
      (
        await coordination.put(`/api/contrats/${contratId}/signataires/${sig.id}`, {
          organisationId: ids.arsPdl,
          dateSignature: '2027-02-01',
        })
      ).status,
    ).toBe(204);
    d = await detail();
    expect(d.signataires.find((s: any) => s.id === sig.id)).toMatchObject({
      dateSignature: '2027-02-01',
      confirmation: { libelle: 'Confirmé' },
    });
    expect(await demandes(arsPdl)).toEqual([]);
    expect((await demandes(arsPdl, 'confirme')).length).toBe(2);
  });

  it('remplacer un signataire efface sa confirmation : le nommer de nouveau redemande', async () => {
    let d = await detail();
    const sig = d.signataires.find((s: any) => s.organisation.id === ids.arsPdl);
    expect((await coordination.put(`/api/contrats/${contratId}/signataires/${sig.id}`, { organisationId: ids.cpam44 })).status).toBe(204);
    expect((await coordination.put(`/api/contrats/${contratId}/signataires/${sig.id}`, { organisationId: ids.arsPdl })).status).toBe(204);
    d = await detail();
    expect(d.signataires.find((s: any) => s.id === sig.id).confirmation.libelle).toBe('À confirmer');
    expect((await demandes(arsPdl)).map((x: any) => x.role)).toEqual(['signataire']);
  });

  it('un refus de l’ARS retire la publication, avec son motif, et bloque la republication', async () => {
    const demandeArs = (await demandes(arsPdl, 'confirme')).find((x: any) => x.role === 'ars');
    const r = await arsPdl.post(`/api/confirmations/${demandeArs.id}/refus`, { motif: 'L’ARS n’a pas été associée à ce contrat.' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ statut: 'refuse', statutLibelle: 'Refusé', depublie: true });
    const d = await detail();
    expect(d.publie).toBe(false);
    expect(d.ars[0].confirmation).toMatchObject({ statut: 'refuse', libelle: 'Refusé', motif: 'L’ARS n’a pas été associée à ce contrat.' });
    expect(await publies()).not.toContain(contratId);
    const encore = await coordination.put(`/api/contrats/${contratId}/publication`, { publie: true });
    expect(encore.status).toBe(422);
    expect(encore.body.detail).toBe('Publication impossible : ARS Pays de la Loire a refusé d’être l’ARS de ce contrat.');
  });

  it('chaque étape est tracée par une phrase lisible', async () => {
    const h = (await coordination.get(`/api/contrats/${contratId}/historique?parPage=200`)).body.elements;
    const phrases = h.filter((e: any) => e.contexte?.phrase).map((e: any) => `${e.acteurLibelle} ${e.contexte.phrase}`);
    const titre = saisie(false).intitule;
    expect(phrases).toEqual(
      expect.arrayContaining([
        `Marie Dupont a demandé à ARS Pays de la Loire de confirmer son rôle d’ARS du contrat « ${titre} »`,
        `Marie Dupont a demandé à Communauté de communes du pays craonnais de confirmer son rôle de collectivité porteuse du contrat « ${titre} »`,
        `Marie Dupont a nommé Redon Agglomération comme signataire du contrat « ${titre} », rôle confirmé d’office (son auteur parle pour cette organisation)`,
        `Anne Ligérienne a confirmé, pour ARS Pays de la Loire, son rôle d’ARS du contrat « ${titre} »`,
        `Marie Dupont a retiré ARS Pays de la Loire comme signataire du contrat « ${titre} » : sa confirmation est effacée`,
        `Anne Ligérienne a refusé, pour ARS Pays de la Loire, le rôle d’ARS du contrat « ${titre} » (motif : L’ARS n’a pas été associée à ce contrat.)`,
        `Anne Ligérienne a retiré la publication du contrat « ${titre} » : ARS Pays de la Loire a refusé d’en être l’ARS`,
      ]),
    );
  });
});

describe('données de démonstration', () => {
  it('les contrats publiés ont leurs ARS confirmées et restent dans les données ouvertes', async () => {
    const cls1 = (await serveur.client().get('/api/public/contrats')).body.find(
      (c: any) => c.intitule === 'Contrat local de santé du Pays de Redon-Bretagne Sud',
    );
    expect(cls1).toMatchObject({ ars: ['ARS Bretagne', 'ARS Pays de la Loire'], porteurs: ['Redon Agglomération'] });
    const { rows } = await serveur.ctx.db.query(
      `select count(*)::int n from confirmations_parties cp join contrats c on c.id = cp.contrat_id where c.intitule like 'Contrat local de santé%' and cp.statut <> 'confirme'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
