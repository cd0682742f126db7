import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, type ServeurDeTest } from '../../../test/harness';

// A build as `npm run build` leaves it: the app's index.html, the public pages' template and the server bundle (here a
// stand-in that writes what it was given, to see which data reached it).
const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-web-public-'));
fs.writeFileSync(
  path.join(dossier, 'index.html'),
  '<!doctype html><html><head><title>Maillage</title></head><body><div id="racine"></div>app</body></html>',
);
fs.writeFileSync(
  path.join(dossier, 'public.html'),
  '<!doctype html><html><head><title><!--titre--></title></head><body><div id="racine"><!--page--></div></body></html>',
);
fs.mkdirSync(path.join(dossier, '.serveur'));
fs.writeFileSync(
  path.join(dossier, '.serveur/entree-serveur.js'),
  `export function rendrePagePublique(chemin, d) {
     return { html: '<h1>rendu ' + chemin + ' : ' + (d.page === 'liste' ? d.contrats.length + ' contrats' : d.contrat.intitule) + ' $& $\\'</h1>', titre: 'T <b> — Maillage' };
   }`,
);

let serveur: ServeurDeTest;
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false, webDist: dossier });
});
afterAll(async () => {
  await serveur?.fermer();
  fs.rmSync(dossier, { recursive: true, force: true });
});

describe('Pages publiques rendues par le serveur', () => {
  it('sans session, la liste arrive rendue, avec les données de l’API publique et un titre échappé', async () => {
    const r = await fetch(`${serveur.url}/public/contrats`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = await r.text();
    const publies = (await (await fetch(`${serveur.url}/api/public/contrats`)).json()) as unknown[];
    // « $& » and « $' » in a page stay as written (a string replacement would splice the template in).
    expect(html).toContain(`<h1>rendu /public/contrats : ${publies.length} contrats $& $'</h1>`);
    expect(html).toContain('<title>T &lt;b&gt; — Maillage</title>');
    expect(html).not.toContain('app</body>');
  });

  it('avec un cookie de session, ou pour un contrat non publié, c’est l’application', async () => {
    const connecte = await fetch(`${serveur.url}/public/contrats`, { headers: { cookie: 'maillage_session=quelconque' } });
    expect(await connecte.text()).toContain('app</body>');
    const inconnu = await fetch(`${serveur.url}/public/contrats/00000000-0000-4000-8000-000000000000`);
    expect(inconnu.status).toBe(200);
    expect(await inconnu.text()).toContain('app</body>');
  });

  it('ne sert ni le paquet serveur ni le gabarit en fichiers', async () => {
    expect((await fetch(`${serveur.url}/.serveur/entree-serveur.js`)).status).toBe(404);
    expect((await fetch(`${serveur.url}/public.html`)).status).toBe(404);
  });
});
