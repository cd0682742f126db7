import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../test/harness';

let serveur: ServeurDeTest;
let admin: ClientHttp;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
});
afterAll(() => serveur.fermer());

describe('textes que la base ne peut pas garder', () => {
  it('un caractère nul ou un Unicode incomplet est refusé en 400 qui nomme le champ, où qu’il soit', async () => {
    const nul = await admin.post('/api/organisations', { nom: 'Association\u0000nulle', type: 'association' });
    expect(nul.status).toBe(400);
    expect(nul.body.erreurs).toEqual([{ champ: 'nom', message: 'Caractère nul (\\u0000) interdit' }]);
    const incomplet = await admin.post('/api/organisations', { nom: 'Association', type: 'association', adresse: { ligne: 'rue \ud800' } });
    expect(incomplet.status).toBe(400);
    expect(incomplet.body.erreurs[0].champ).toBe('adresse.ligne');
    expect((await admin.get('/api/doctrines/%00')).status).toBe(400);
  });
});
