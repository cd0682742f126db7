import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

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
    expect(alertes.body).toContainEqual({ type: 'premier_copil_tardif', gravite: 'info', message: 'Le premier COPIL s’est tenu 5 mois après la signature (au plus 3 mois attendus).' });
  });
});
