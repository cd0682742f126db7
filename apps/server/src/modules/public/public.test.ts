import { COLONNES_CONTRAT_OUVERT } from '@maillage/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { nombreAvancementsCalcules } from '../suivi/avancement.service';

let serveur: ServeurDeTest;
let anonyme: ClientHttp;
let cls1: string;
let cls2: string;

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);
const lireCsv = (texte: string): Record<string, string>[] => parse(texte, { columns: true });

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  anonyme = serveur.client();
  cls1 = (await sql(`select id from contrats where generation = 1 and intitule like '%Redon%'`)).rows[0].id;
  cls2 = (await sql(`select id from contrats where generation = 2 and intitule like '%Redon%'`)).rows[0].id;
});
afterAll(() => serveur.fermer());

describe('données ouvertes des contrats publiés', () => {
  it('ne donnent, sans connexion, que les contrats publiés', async () => {
    const r = await anonyme.get('/api/public/contrats');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    // In the demo only Redon's first CLS is published.
    expect(r.body.map((c: any) => c.id)).toEqual([cls1]);
    expect(r.body[0]).toEqual({
      id: cls1,
      intitule: 'Contrat local de santé du Pays de Redon-Bretagne Sud',
      statut: 'renouvele',
      statutLibelle: 'Renouvelé',
      generation: 1,
      periodeDebut: '2015-01-01',
      periodeFin: '2020-12-31',
      dateSignature: '2015-01-01', // seed 002: signed in 2015 (day and month not published)
      regions: ['52', '53'],
      departements: ['35', '44', '56'],
      epci: ['243500741'],
      communes: [],
      nombreCommunes: 31,
      population: 28_206 + 18_140 + 21_320,
      porteurs: ['Redon Agglomération'],
      ars: ['ARS Bretagne', 'ARS Pays de la Loire'],
      nombreAxes: 0,
      nombreFiches: 39,
      fichesAVenir: 39,
      fichesEnCours: 0,
      fichesRealisees: 0,
      fichesEnRetard: 0,
      fichesEnPause: 0,
      fichesAbandonnees: 0,
      thematiques: [],
      avancement: 0, // 39 fiches à venir, sans valeur validée
      url: `http://maillage.test/public/contrats/${cls1}`,
      modifieLe: expect.any(String),
    });
  });

  it('suivent la publication : un contrat publié apparaît, dépublié disparaît', async () => {
    await sql('update contrats set publie = true where id = $1', [cls2]);
    expect((await anonyme.get('/api/public/contrats')).body.map((c: any) => c.id).sort()).toEqual([cls1, cls2].sort());
    expect((await anonyme.get(`/api/public/contrats/${cls2}`)).status).toBe(200);
    await sql('update contrats set publie = false where id = $1', [cls2]);
    expect((await anonyme.get('/api/public/contrats')).body.map((c: any) => c.id)).toEqual([cls1]);
    expect((await anonyme.get(`/api/public/contrats/${cls2}`)).status).toBe(404);
  });

  it('se donnent aussi en CSV, relu par un analyseur CSV : mêmes champs, mêmes valeurs', async () => {
    const json = (await anonyme.get('/api/public/contrats')).body;
    for (const [chemin, entetes] of [
      ['/api/public/contrats?format=csv', {}],
      ['/api/public/contrats.csv', {}],
      ['/api/public/contrats', { accept: 'text/csv' }],
    ] as const) {
      const r = await fetch(serveur.url + chemin, { headers: entetes });
      expect(r.status, chemin).toBe(200);
      expect(r.headers.get('content-type'), chemin).toBe('text/csv; charset=utf-8');
      const texte = await r.text();
      expect(texte.charCodeAt(0), 'sans BOM').not.toBe(0xfeff);
      expect(texte.split('\r\n')[0]).toBe(COLONNES_CONTRAT_OUVERT.join(','));
      const lignes = lireCsv(texte);
      expect(lignes).toHaveLength(json.length);
      expect(lignes[0]).toMatchObject({
        id: cls1,
        intitule: json[0].intitule,
        statut: 'renouvele',
        generation: '1',
        periodeDebut: '2015-01-01',
        dateSignature: '2015-01-01',
        regions: '52 ; 53',
        ars: 'ARS Bretagne ; ARS Pays de la Loire',
        nombreFiches: '39',
        fichesAVenir: '39',
        avancement: '0',
        url: json[0].url,
      });
    }
    expect((await anonyme.get('/api/public/contrats?format=xml')).status).toBe(400);
  });

  it('sont documentées dans OpenAPI, sans authentification', async () => {
    const { paths } = (await anonyme.get('/api/openapi.json')).body;
    for (const chemin of ['/api/public/contrats', '/api/public/contrats.csv', '/api/public/contrats/{id}'])
      expect(paths[chemin].get.security, chemin).toEqual([]);
    const champs = paths['/api/public/contrats'].get.responses['200'].content['application/json'].schema.items.properties;
    expect(Object.keys(champs)).toEqual(COLONNES_CONTRAT_OUVERT);
    expect(champs.population.description).toContain('Population');
  });

  it('recalculent l’avancement d’un contrat dès l’appel suivant quand ses fiches, indicateurs ou valeurs validées changent, et seulement alors', async () => {
    const avancement = async () => (await anonyme.get('/api/public/contrats')).body.find((c: any) => c.id === cls1).avancement;
    expect(await avancement()).toBe(0);
    const calcules = nombreAvancementsCalcules();
    expect(await avancement()).toBe(0);
    expect(nombreAvancementsCalcules()).toBe(calcules); // nothing changed: served from memory
    const [fiche] = (await sql('select id, statut from fiches where contrat_id = $1 order by ordre limit 1', [cls1])).rows;
    // Changes made by SQL, as another process or a script would: the next call sees each of them.
    await sql(`update fiches set statut = 'realisee' where id = $1`, [fiche.id]);
    expect(await avancement()).toBe(2.6); // 1 fiche réalisée sur 39
    expect(nombreAvancementsCalcules()).toBe(calcules + 1);
    await sql('update fiches set statut = $2 where id = $1', [fiche.id, fiche.statut]);
    expect(await avancement()).toBe(0);
    const [indicateur] = (
      await sql(
        `insert into indicateurs_suivi (fiche_id, contrat_id, libelle, type, reference_valeur, cibles)
         values ($1, $2, 'Permanences tenues', 'activite', 0, '[{"periode": "2020", "valeur": 10}]') returning id`,
        [fiche.id, cls1],
      )
    ).rows;
    const [valeur] = (
      await sql(`insert into valeurs_suivi (indicateur_id, periode, valeur) values ($1, '2020', 5) returning id`, [indicateur.id])
    ).rows;
    expect(await avancement()).toBe(0); // a draft value does not count
    await sql(`update valeurs_suivi set etat = 'valide' where id = $1`, [valeur.id]);
    expect(await avancement()).toBe(1.3); // la fiche à mi-chemin de sa cible : 0,5 sur 39
    await sql('update valeurs_suivi set valeur = 10 where id = $1', [valeur.id]);
    expect(await avancement()).toBe(2.6);
    await sql('delete from indicateurs_suivi where id = $1', [indicateur.id]);
    expect(await avancement()).toBe(0);
  });
});

describe('page publique d’un contrat', () => {
  it('montre axes, fiches et leur statut, sans personne, note interne ni financement', async () => {
    // A fiche with everything a public page must not show.
    const fiche = (await sql(`select id from fiches where contrat_id = $1 and numero = 6`, [cls1])).rows[0].id;
    await sql(
      `update fiches set statut = 'realisee', contenu = contenu || '{"notes": "Note interne", "personnesReferentes": "Mme Secret", "description": "Relayer les campagnes de vaccination."}' where id = $1`,
      [fiche],
    );
    await sql(
      `insert into financements (contrat_id, fiche_id, financeur_libelle, dispositif, annee, montant_centimes, nature, statut) values ($1, $2, 'ARS', 'FIR', 2016, 123456, 'fonctionnement', 'verse')`,
      [cls1, fiche],
    );
    // The demo's signatories (seed 002: ARS Bretagne, ARS Pays de la Loire, Redon Agglomération) have confirmed.
    await sql(
      `update signataires set representant = 'Monsieur le Président' where contrat_id = $1 and organisation_id = (select id from organisations where nom = 'Redon Agglomération')`,
      [cls1],
    );
    // A signatory that has not confirmed is not shown: nobody signs in another organisation's name in public.
    await sql(
      `insert into signataires (contrat_id, organisation_id, date_signature) select $1, id, '2015-06-01' from organisations where nom = 'CPAM d’Ille-et-Vilaine'`,
      [cls1],
    );
    await sql(
      `insert into confirmations_parties (contrat_id, organisation_id, role, statut, demande_par) select $1, id, 'signataire', 'a_confirmer', 'Test' from organisations where nom = 'CPAM d’Ille-et-Vilaine'`,
      [cls1],
    );

    const r = await anonyme.get(`/api/public/contrats/${cls1}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: cls1,
      nombreFiches: 39,
      fichesAVenir: 38,
      fichesRealisees: 1,
      avancement: 2.6 /* 1 réalisée sur 39 */,
      axes: [],
    });
    expect(r.body.territoire).toMatchObject({ nombreCommunes: 31, epci: [{ code: '243500741', nom: 'CA Redon Agglomération' }] });
    expect(r.body.territoire.regions.map((t: any) => t.nom)).toEqual(['Pays de la Loire', 'Bretagne']);
    expect(r.body.signataires).toEqual(
      ['ARS Bretagne', 'ARS Pays de la Loire', 'Redon Agglomération'].map((organisation) => ({
        organisation,
        dateSignature: '2015-01-01',
      })),
    );
    expect(r.body.fichesSansAxe).toHaveLength(39);
    const vaccination = r.body.fichesSansAxe.find((f: any) => f.numero === 6);
    expect(vaccination).toMatchObject({
      intitule: 'Promouvoir la vaccination',
      statut: 'realisee',
      statutLibelle: 'Réalisée',
      description: 'Relayer les campagnes de vaccination.',
    });
    expect(vaccination.pilotes).toEqual(['Agence départementale du Pays de Redon', 'CFPD 44']);
    const texte = JSON.stringify(r.body);
    for (const secret of ['Note interne', 'Mme Secret', 'Monsieur le Président', '123456', 'Marie', 'Dupont', 'financements', 'notes'])
      expect(texte, secret).not.toContain(secret);
  });

  it('répond 404 pour un contrat non publié, inconnu ou un identifiant invalide, même connecté', async () => {
    for (const id of [cls2, '00000000-0000-4000-8000-000000000000', 'pas-un-identifiant']) {
      const r = await anonyme.get(`/api/public/contrats/${id}`);
      expect(r.status, id).toBe(404);
      expect(r.body.detail).toBe('Ce contrat n’existe pas ou n’est pas publié.');
    }
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    expect((await coordination.get(`/api/public/contrats/${cls2}`)).status).toBe(404);
  });
});
