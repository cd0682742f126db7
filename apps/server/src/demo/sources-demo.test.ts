import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../test/harness';

/** The demo reads the sources as they are written (issue 13, item 3): each fact here is quoted from ../shared/seeds. */
let serveur: ServeurDeTest;
let ars: ClientHttp;

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);
const idContrat = async (intitule: string) => (await sql('select id from contrats where intitule = $1', [intitule])).rows[0].id as string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
});
afterAll(() => serveur.fermer());

describe('Belle-Île-en-Mer : premier COPIL tardif (seed 000)', () => {
  it('a sa signature en janvier 2013 et son premier COPIL en juin 2013, et l’alerte de gouvernance le dit', async () => {
    const belleIle = await idContrat('Contrat local de santé de Belle-Île-en-Mer');
    const seances = (await ars.get(`/api/contrats/${belleIle}/seances`)).body;
    expect(seances.map((s: any) => s.debut.slice(0, 7))).toEqual(['2013-06']);
    expect((await ars.get(`/api/contrats/${belleIle}`)).body.dateSignature).toBe('2013-01-01');
    const alertes = await ars.get(`/api/contrats/${belleIle}/alertes`);
    expect(alertes.status).toBe(200);
    expect(alertes.body).toContainEqual({
      type: 'premier_copil_tardif',
      gravite: 'info',
      message: 'Le premier COPIL s’est tenu 5 mois après la signature (au plus 3 mois attendus).',
    });
  });
});

describe('codes INSEE de commune, démonstration comprise', () => {
  it('le verbatim de l’habitant de Langon porte le code de Langon (35145, Ille-et-Vilaine), pas son nom', async () => {
    const { rows } = await sql(`select commune_code from verbatims where texte like '%transport à la demande sur Langon%'`);
    expect(rows).toEqual([{ commune_code: '35145' }]);
    expect(
      (await sql(`select count(*)::int n from verbatims where commune_code is not null and commune_code !~ '^[0-9]{5}$|^2[AB][0-9]{3}$'`))
        .rows[0].n,
    ).toBe(0);
  });

  it('un verbatim saisi avec un nom de commune, un code impossible ou inconnu est refusé en français, champ nommé', async () => {
    const cls2 = await idContrat('Contrat local de santé de Redon Agglomération (2e génération)');
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const verbatim = (communeCode: string) =>
      coordination.post(`/api/contrats/${cls2}/verbatims`, { texte: 'Pas de transport à la demande', locuteur: 'habitant', communeCode });
    for (const code of ['Langon', '20004']) {
      const r = await verbatim(code);
      expect(r.status, code).toBe(400);
      expect(r.body.detail, code).toContain('Code INSEE de commune attendu');
      expect(JSON.stringify(r.body), code).toContain('communeCode');
    }
    const inconnue = await verbatim('35999');
    expect(inconnue.status).toBe(400);
    expect(inconnue.body.detail).toBe('La commune 35999 n’existe pas dans le référentiel géographique.');
    expect((await verbatim('35145')).status).toBe(201);
  });

  it('la base refuse un nom dans un champ de code commune, quel que soit le chemin', async () => {
    const cls2 = await idContrat('Contrat local de santé de Redon Agglomération (2e génération)');
    await expect(
      sql(`insert into verbatims (contrat_id, texte, locuteur, commune_code) values ($1, 'x', 'habitant', 'Langon')`, [cls2]),
    ).rejects.toThrow(/verbatims_commune_code_insee/);
    await expect(sql(`insert into contrat_communes (contrat_id, commune_code) values ($1, '20004')`, [cls2])).rejects.toThrow(
      /contrat_communes_commune_code_insee/,
    );
  });

  it('les lectures par territoire et la fiche d’une commune refusent aussi un code qui n’en est pas un', async () => {
    const r = await ars.get('/api/territoires/commune/Langon');
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('Code INSEE de commune attendu');
    expect((await ars.get('/api/territoires/commune/35145')).body.nom).toBe('Langon');
    const valeurs = await ars.get('/api/diagnostics/valeurs?territoire=commune:Langon');
    expect(valeurs.status).toBe(400);
    expect(valeurs.body.detail).toContain('Code INSEE de commune attendu');
  });
});

describe('CLS 1 de Redon : signé en 2015 par son trinôme de pilotage (seed 002), clos et dit tel', () => {
  const INTITULE = 'Contrat local de santé du Pays de Redon-Bretagne Sud';

  it('a ses signataires et sa date : son document n’est plus un projet, le CSV public donne la date', async () => {
    const cls1 = await idContrat(INTITULE);
    const detail = (await ars.get(`/api/contrats/${cls1}`)).body;
    expect(detail.dateSignature).toBe('2015-01-01');
    expect(detail.signataires.map((s: any) => [s.organisation.nom, s.dateSignature])).toEqual([
      ['ARS Bretagne', '2015-01-01'],
      ['ARS Pays de la Loire', '2015-01-01'],
      ['Redon Agglomération', '2015-01-01'],
    ]);
    const texte = texteDocx((await ars.telecharger(`/api/contrats/${cls1}/document.docx`)).corps);
    expect(texte).not.toContain('Projet de contrat');
    expect(texte).toContain('signé le 1er janvier 2015');
    const csv = await (await fetch(`${serveur.url}/api/public/contrats.csv`)).text();
    expect(csv.split('\r\n').find((l) => l.includes(cls1))).toContain('2015-01-01');
  });

  it('clos (renouvelé) : ni sa coordinatrice ni son référent ARS ne le voient modifiable ; ce qui reste possible le reste', async () => {
    const cls1 = await idContrat(INTITULE);
    for (const compte of [DEMO.coordination, DEMO.referentArs]) {
      const client = serveur.client();
      await client.connecter(compte);
      const detail = (await client.get(`/api/contrats/${cls1}`)).body;
      expect(detail.statut, compte).toBe('renouvele');
      expect(detail.verrou, compte).toBe('Ce contrat est clos : il ne peut plus être modifié.');
      expect(detail.droits, compte).toMatchObject({ modifier: false, creerFiche: false, completer: true });
    }
  });
});
