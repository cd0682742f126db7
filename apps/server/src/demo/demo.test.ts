import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ServeurDeTest } from '../../test/harness';
import { creerDonneesDemo } from './demo.service';

let serveur: ServeurDeTest;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
});
afterAll(() => serveur.fermer());

describe('comptes de démonstration', () => {
  it('ont une agente d’ARS pour chaque région de la démonstration, Pays de la Loire compris', async () => {
    const ars = serveur.client();
    const moi = await ars.connecter(DEMO.arsPaysDeLaLoire);
    expect(moi.status).toBe(200);
    const contrats = (await ars.get('/api/contrats')).body.map((c: any) => c.intitule);
    // Craon-Renazé (Mayenne) and Redon (inter-regional: Loire-Atlantique) are hers; Belle-Île (Morbihan) is not.
    expect(contrats.some((i: string) => /Craon/.test(i))).toBe(true);
    expect(contrats.some((i: string) => /Redon/.test(i))).toBe(true);
    expect(contrats.some((i: string) => /Belle-Île/.test(i))).toBe(false);
  });

  it('sont tous listés au démarrage, et un compte ajouté à la liste est créé dans une base de démonstration existante', async () => {
    await serveur.ctx.db.query(`delete from utilisateurs where email = $1`, [DEMO.arsPaysDeLaLoire]);
    const lignes: string[] = [];
    await creerDonneesDemo(serveur.ctx, (m) => lignes.push(m));
    expect(lignes).toContain('Compte de démonstration ajouté : ars.pays-de-la-loire@demo.maillage.fr (ARS régionale (Pays de la Loire)).');
    const comptes = lignes.filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
    expect(comptes).toEqual(
      expect.arrayContaining(['ars.bretagne@demo.maillage.fr', 'ars.pays-de-la-loire@demo.maillage.fr', 'admin@demo.maillage.fr']),
    );
    expect((await serveur.client().connecter(DEMO.arsPaysDeLaLoire)).status).toBe(200);
  });
});
