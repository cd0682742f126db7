import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inscrire } from '../../src/modules/comptes/utilisateurs.service';
import { SYSTEME } from '../../src/platform/audit';
import { enTransaction } from '../../src/platform/database';
import type { ClientHttp } from '../harness';
import { preparerBanc, type Banc } from './monde';

/**
 * Publication in another organisation's name (issue 11, item 4), tried as the attack did it: Redon's coordinator
 * (Bretagne) names ARS Pays de la Loire as agency and signatory of a Pays de la Loire contract, with a signature date,
 * and publishes. Every way in is refused until the agency confirms; the open data never shows a contract whose
 * regional ARS has not confirmed; an answer racing a publication never leaves a refused ARS published.
 */

let banc: Banc;
let coordination: ClientHttp;
let arsBretagne: ClientHttp;
let arsPdl: ClientHttp;
const ids: Record<string, string> = {};
const MOT_DE_PASSE = 'Agence-Pays-de-la-Loire-2026';

beforeAll(async () => {
  banc = await preparerBanc();
  ({ coordination, ars: arsBretagne } = banc.clients);
  const db = banc.serveur.ctx.db;
  for (const [cle, nom] of [
    ['arsPdl', 'ARS Pays de la Loire'],
    ['craonnais', 'Communauté de communes du pays craonnais'],
  ])
    ids[cle] = (await db.query('select id from organisations where nom = $1', [nom])).rows[0].id;
  await enTransaction(db, (tx) =>
    inscrire(tx, SYSTEME, {
      email: 'agent.pdl@exemple.fr',
      prenom: 'Anne',
      nom: 'Ligérienne',
      organisationId: ids.arsPdl,
      password: MOT_DE_PASSE,
      habilitations: [{ role: 'ars_regional', regionCode: '52' }],
    }),
  );
  arsPdl = banc.serveur.client();
  await arsPdl.connecter('agent.pdl@exemple.fr', MOT_DE_PASSE);
}, 180_000);
afterAll(() => banc?.serveur.fermer());

const saisie = (publie: boolean) => ({
  intitule: 'CLS du Pays de Craon publié sans l’ARS',
  perimetre: { epci: ['200048551'], communes: [] },
  generation: 2,
  arsIds: [ids.arsPdl],
  porteursIds: [ids.craonnais],
  periode: { debut: '2027-01-01', fin: '2031-12-31' },
  publie,
});

/** The published contracts of the open data, JSON and CSV, must each have every ARS confirmed and each region its ARS. */
async function verifierDonneesOuvertes() {
  const json = (await banc.serveur.client().get('/api/public/contrats')).body as { id: string }[];
  const csv = parse((await banc.serveur.client().get('/api/public/contrats.csv')).body, { columns: true }) as { id: string }[];
  expect(csv.map((l) => l.id).sort()).toEqual(json.map((c) => c.id).sort());
  const { rows } = await banc.serveur.ctx.db.query(
    `select c.id, c.intitule,
       exists (select 1 from contrat_organisations co left join confirmations_parties cp
                 on cp.contrat_id = co.contrat_id and cp.organisation_id = co.organisation_id and cp.role = 'ars'
               where co.contrat_id = c.id and co.qualite = 'ars' and cp.statut is distinct from 'confirme') as "arsNonConfirmee",
       exists (select 1 from unnest(c.regions) r where not exists (select 1 from contrat_organisations co join organisations o on o.id = co.organisation_id
               where co.contrat_id = c.id and co.qualite = 'ars' and o.region_code = r)) as "regionSansArs"
     from contrats c where c.id = any($1::uuid[])`,
    [json.map((c) => c.id)],
  );
  expect(rows.filter((r) => r.arsNonConfirmee || r.regionSansArs).map((r) => r.intitule)).toEqual([]);
  return json.map((c) => c.id);
}

describe('publier au nom d’une autre organisation', () => {
  let id: string;

  it('chaque chemin est refusé tant que l’ARS Pays de la Loire n’a pas confirmé', async () => {
    const publie = await coordination.post('/api/contrats', saisie(true));
    expect(publie.status).toBe(422);
    expect(publie.headers.get('content-type')).toContain('application/problem+json');
    expect(publie.body.erreurs[0]).toMatchObject({
      champ: 'publie',
      message: expect.stringContaining('ARS Pays de la Loire n’a pas encore confirmé'),
    });

    const cree = await coordination.post('/api/contrats', saisie(false));
    expect(cree.status).toBe(201);
    id = cree.body.id;
    const date = await coordination.post(`/api/contrats/${id}/signataires`, {
      organisationId: ids.arsPdl,
      representant: 'Directeur général',
      dateSignature: '2027-02-01',
    });
    expect(date.status).toBe(422);
    expect(date.body.erreurs[0].champ).toBe('dateSignature');
    const signataire = await coordination.post(`/api/contrats/${id}/signataires`, { organisationId: ids.arsPdl });
    expect(signataire.status).toBe(201);
    const dateEnsuite = await coordination.put(`/api/contrats/${id}/signataires/${signataire.body.id}`, {
      organisationId: ids.arsPdl,
      dateSignature: '2027-02-01',
    });
    expect(dateEnsuite.status).toBe(422);
    const version = (await coordination.get(`/api/contrats/${id}`)).body.version;
    expect((await coordination.put(`/api/contrats/${id}/publication`, { publie: true })).status).toBe(422);

    // Nothing got through: unpublished, no date, both roles « à confirmer », nothing in the open data.
    const d = (await coordination.get(`/api/contrats/${id}`)).body;
    expect(d).toMatchObject({ publie: false, version });
    expect(d.ars[0].confirmation.libelle).toBe('À confirmer');
    expect(d.signataires[0]).toMatchObject({ dateSignature: null, confirmation: { libelle: 'À confirmer' } });
    expect(await verifierDonneesOuvertes()).not.toContain(id);
    // Nor can the other region's ARS, or the author, answer for it.
    const demande = (await arsPdl.get('/api/confirmations')).body.find((x: any) => x.contrat.id === id && x.role === 'ars');
    for (const client of [arsBretagne, coordination, banc.clients.admin, banc.clients.cpam])
      expect((await client.post(`/api/confirmations/${demande.id}/acceptation`)).status).toBe(404);
  });

  it('l’accord de l’ARS Pays de la Loire ouvre la publication', async () => {
    const demande = (await arsPdl.get('/api/confirmations')).body.find((x: any) => x.contrat.id === id && x.role === 'ars');
    expect((await arsPdl.post(`/api/confirmations/${demande.id}/acceptation`)).status).toBe(200);
    expect((await coordination.put(`/api/contrats/${id}/publication`, { publie: true })).status).toBe(200);
    expect(await verifierDonneesOuvertes()).toContain(id);
  });

  it('remplacer l’ARS d’un contrat publié par une ARS qui n’a pas confirmé est refusé', async () => {
    const arsBretagneId = banc.monde.organisations.ars;
    const version = (await coordination.get(`/api/contrats/${id}`)).body.version;
    const r = await coordination.put(`/api/contrats/${id}`, { ...saisie(true), arsIds: [arsBretagneId], version });
    expect(r.status).toBe(422);
    expect(r.body.detail).toContain('Aucune ARS de la région Pays de la Loire n’est nommée');
    expect((await coordination.get(`/api/contrats/${id}`)).body.ars.map((o: any) => o.nom)).toEqual(['ARS Pays de la Loire']);
  });

  it('un contrat publié par un chemin détourné reste hors des données ouvertes', async () => {
    // The world's victims copy a published contract's row without any confirmation: the open data must skip them.
    await banc.serveur.ctx.db.query(`update contrats set publie = true where id = $1`, [banc.monde.contrats.propre.id]);
    expect(await verifierDonneesOuvertes()).not.toContain(banc.monde.contrats.propre.id);
    await banc.serveur.ctx.db.query(`update contrats set publie = false where id = $1`, [banc.monde.contrats.propre.id]);
  });

  it('une réponse et une publication simultanées ne laissent jamais publiée une ARS qui a refusé', async () => {
    const f = banc.monde.contrats.propre;
    const demandeArs = async () =>
      (await arsBretagne.get('/api/confirmations?statut=toutes')).body.find((x: any) => x.contrat.id === f.id && x.role === 'ars');
    const issues = new Set<string>();
    for (let tour = 0; tour < 25; tour++) {
      let demande = await demandeArs();
      if (demande.statut !== 'confirme') expect((await arsBretagne.post(`/api/confirmations/${demande.id}/acceptation`)).status).toBe(200);
      demande = await demandeArs();
      const [publication, refus] = await Promise.all([
        coordination.put(`/api/contrats/${f.id}/publication`, { publie: true }),
        arsBretagne.post(`/api/confirmations/${demande.id}/refus`, { motif: `Tour ${tour}` }),
      ]);
      expect(refus.status).toBe(200);
      expect([200, 422]).toContain(publication.status);
      issues.add(publication.status === 200 ? 'publié puis retiré' : 'publication refusée');
      if (publication.status === 200) expect(refus.body.depublie).toBe(true);
      const { rows } = await banc.serveur.ctx.db.query('select publie from contrats where id = $1', [f.id]);
      expect(rows[0].publie, `tour ${tour} : ${publication.status}, ${JSON.stringify(refus.body)}`).toBe(false);
    }
    expect(issues.size).toBeGreaterThan(0);
    await verifierDonneesOuvertes();
  }, 120_000);
});
