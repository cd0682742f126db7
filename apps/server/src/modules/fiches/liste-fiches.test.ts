import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

// Issue 16 (decision 0034): the contract's home and its fiche list, what they read and in how many queries.
let serveur: ServeurDeTest;
let coordination: ClientHttp;
let contratId: string;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  contratId = (await coordination.get('/api/contrats?generation=2')).body[0].id;
});
afterAll(() => serveur.fermer());

/** The statements the pool runs for `appel`: their text, and their name when prepared. */
async function requetesDe(appel: () => Promise<unknown>) {
  const db = serveur.ctx.db;
  const vues: { nom: string | null; texte: string }[] = [];
  const query = db.query;
  db.query = ((...a: [string | { name?: string; text: string }, ...unknown[]]) => {
    const vue = typeof a[0] === 'string' ? { nom: null, texte: a[0] } : { nom: a[0].name ?? null, texte: a[0].text };
    // The job queue polls on the same pool meanwhile: not the request's.
    if (!vue.texte.includes('pgboss.')) vues.push(vue);
    return (query as (...x: unknown[]) => unknown).apply(db, a);
  }) as typeof db.query;
  try {
    await appel();
  } finally {
    db.query = query;
  }
  return vues;
}

describe('la liste des fiches d’un contrat', () => {
  it('donne de chaque fiche ses étapes (nom et dates), à jour de chaque écriture', async () => {
    const longue = 'Une description que la liste ne porte pas. '.repeat(40);
    const creee = await coordination.post(`/api/contrats/${contratId}/fiches`, {
      intitule: 'Coordonner les permanences',
      etapes: [
        { libelle: 'Constituer le groupe', description: longue, pilote: 'CPAM', debut: '2025-01-15', fin: '2025-03-31' },
        { libelle: 'Bilan' },
      ],
    });
    expect(creee.status).toBe(201);
    const dansLaListe = async () =>
      (await coordination.get(`/api/contrats/${contratId}/fiches`)).body.find((f: { id: string }) => f.id === creee.body.id).etapes;
    expect(await dansLaListe()).toEqual([
      { libelle: 'Constituer le groupe', debut: '2025-01-15', fin: '2025-03-31' },
      { libelle: 'Bilan', debut: null, fin: null },
    ]);

    // Computed when the fiche is written: a change of its étapes shows in the next list.
    const { id, version, ...reste } = (await coordination.get(`/api/fiches/${creee.body.id}`)).body;
    const modifiee = await coordination.put(`/api/fiches/${id}`, {
      ...reste,
      version,
      etapes: [{ libelle: 'Premières permanences', debut: '2025-09-01', fin: null }],
    });
    expect(modifiee.status).toBe(200);
    expect(await dansLaListe()).toEqual([{ libelle: 'Premières permanences', debut: '2025-09-01', fin: null }]);
    const sansEtapes = await coordination.put(`/api/fiches/${id}`, { ...reste, version: modifiee.body.version, etapes: [] });
    expect(sansEtapes.status).toBe(200);
    expect(await dansLaListe()).toEqual([]);
  });
});

describe('l’accueil d’un contrat et sa liste de fiches', () => {
  it('lisent la session puis leurs données en une requête (accueil) ou deux en parallèle (liste), préparées', async () => {
    const accueil = await requetesDe(async () => expect((await coordination.get(`/api/contrats/${contratId}`)).status).toBe(200));
    const liste = await requetesDe(async () => expect((await coordination.get(`/api/contrats/${contratId}/fiches`)).status).toBe(200));
    // Session and user; then the page (its evaluation plan and schemes included), or the contract's rights with its
    // axes beside the list. Each a named prepared statement: parsed and planned once per connection.
    expect(accueil).toHaveLength(2);
    expect(liste).toHaveLength(3);
    for (const r of [...accueil, ...liste]) expect(r.nom, r.texte.slice(0, 80)).toMatch(/^m_[0-9a-f]{20}$/);
    expect(accueil[0].nom).toBe(liste[0].nom);
  });
});
