import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombeXlsx, mentirSurLesTailles } from '../classeurs-hostiles';
import { DEMO, type ClientHttp } from '../harness';
import { lancerServeur, nouvelleBase, RACINE, type ServeurReel } from './serveur-reel';

/**
 * Hostile files sent to POST /api/ressources/import (issue 17: ROR Bundle, CSV or XLSX) on a real server while another
 * user works: each gets a French problem naming the file's fault, memory stays bounded, the other user's answers keep
 * coming (p99 under one second), nothing is written, and the server is alive afterwards.
 */

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let serveur: ServeurReel;
let cpam: ClientHttp;
let cpamId: string;
const REDON = '35236';
const ROR = path.join(RACINE, '../shared/interop/ror/bundle-recherche.json');

beforeAll(async () => {
  base = await nouvelleBase();
  serveur = await lancerServeur({ DATABASE_URL: base.url, MAILLAGE_DEMO: '1' });
  cpam = serveur.client();
  await cpam.connecter(DEMO.cpam);
  cpamId = (await cpam.get('/api/organisations?q=CPAM')).body.elements.find((o: { nom: string }) => o.nom === 'CPAM d’Ille-et-Vilaine').id;
}, 180_000);
afterAll(async () => {
  await serveur?.arreter();
  await base?.supprimer();
});

const rssMo = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${serveur.processus.pid}/status`, 'utf8'))![1]) / 1024;

/** Another user reading the directory and the health check until stopped: durations, errors, highest RSS. */
function autreUtilisateur() {
  const durees: number[] = [];
  const erreurs: string[] = [];
  let rssMax = rssMo();
  let actif = true;
  const boucle = (async () => {
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    while (actif) {
      for (const chemin of ['/api/health', `/api/ressources?commune=${REDON}`, `/api/public/ressources?commune=${REDON}`]) {
        const debut = performance.now();
        const r = await lecteur.get(chemin);
        durees.push(performance.now() - debut);
        if (r.status !== 200) erreurs.push(`${chemin} → ${r.status}`);
      }
      rssMax = Math.max(rssMax, rssMo());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    arreter: async () => {
      actif = false;
      await boucle;
      const triees = [...durees].sort((a, b) => a - b);
      return { requetes: durees.length, p99: triees[Math.ceil(triees.length * 0.99) - 1], erreurs, rssMax };
    },
  };
}

const importer = (nom: string, contenu: Buffer | string, dryRun = true) =>
  cpam.multipart(`/api/ressources/import?dryRun=${dryRun}`, { fichier: { nom, contenu } });

/** A French application/problem+json with this status, whose detail matches. */
function refus(r: { status: number; headers: Headers; body: any }, statuts: number[], detail: RegExp) {
  expect(statuts, JSON.stringify(r.body).slice(0, 500)).toContain(r.status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body.detail).toMatch(detail);
}

const annuairePublic = async () => (await serveur.client().get('/api/public/ressources')).status;

describe('import de ressources face aux fichiers hostiles', () => {
  const bombe = bombeXlsx(430 * 1024 * 1024);
  const hostiles: [string, () => Promise<{ status: number; headers: Headers; body: any }>, number[], RegExp][] = [
    ['une bombe XLSX (1,5 Mo qui en font 430)', () => importer('ressources.xlsx', bombe), [413, 422], /compress|ferait|mémoire/],
    [
      'une bombe XLSX qui ment sur ses tailles',
      () => importer('ressources.xlsx', mentirSurLesTailles(bombe, 200 * 1024 * 1024), false),
      [413, 422],
      /compress|ferait|mémoire|décompresse/,
    ],
    ['un fichier de 25 Mo', () => importer('ressources.csv', Buffer.alloc(25 * 1024 * 1024, 'a')), [413], /dépasse 20 Mo/],
    [
      'un JSON imbriqué sur 200 000 niveaux',
      () => importer('ror.json', Buffer.from(`{"resourceType":"Bundle","entry":${'['.repeat(200_000)}${']'.repeat(200_000)}}`)),
      [400],
      /JSON trop imbriqué/,
    ],
  ];
  it.each(hostiles)('%s : refus en français, mémoire bornée, les autres servis', async (_nom, envoyer, statuts, detail) => {
    await importer('r.csv', `nom;organisation_id;niveau;commune\nEssai;${cpamId};effecteur;${REDON}\n`); // warm-up
    const rssAvant = rssMo();
    const autre = autreUtilisateur();
    await new Promise((r) => setTimeout(r, 500));
    const reponse = await envoyer();
    await new Promise((r) => setTimeout(r, 500));
    const bilan = await autre.arreter();
    refus(reponse, statuts, detail);
    expect(bilan.erreurs).toEqual([]);
    expect(bilan.requetes).toBeGreaterThan(5);
    expect(bilan.p99, JSON.stringify(bilan)).toBeLessThan(1000);
    expect(bilan.rssMax - rssAvant, `RSS ${rssAvant.toFixed(0)} → ${bilan.rssMax.toFixed(0)} Mo`).toBeLessThan(300);
    expect(serveur.processus.exitCode).toBeNull();
    expect(await annuairePublic()).toBe(200);
  });

  it('un Bundle ROR de plus de 5 000 entrées ou de plus de 20 Mo est refusé ; un gros Bundle lu sans bloquer les autres', async () => {
    const exemple = JSON.parse(fs.readFileSync(ROR, 'utf8'));
    const offre = exemple.entry.find((e: any) => e.resource?.resourceType === 'HealthcareService');
    const copies = (n: number, e: (i: number) => unknown) =>
      Buffer.from(JSON.stringify({ ...exemple, entry: Array.from({ length: n }, (_, i) => e(i)) }));
    const nombreux = copies(6000, (i) => ({
      fullUrl: `HealthcareService/x${i}`,
      resource: { resourceType: 'HealthcareService', id: `x${i}` },
    }));
    const reelle = (i: number) => ({ ...offre, fullUrl: `${offre.fullUrl}-${i}`, resource: { ...offre.resource, id: `x${i}` } });
    const lourd = copies(8000, reelle);
    expect(lourd.length).toBeGreaterThan(25 * 1024 * 1024);
    // Just under the cap of entries and of bytes: read whole, each offer reported (its organisation is unknown here).
    let n = 4999;
    let gros = copies(n, reelle);
    while (gros.length > 19 * 1024 * 1024) {
      n = Math.floor(n * 0.9);
      gros = copies(n, reelle);
    }
    const autre = autreUtilisateur();
    await new Promise((r) => setTimeout(r, 300));
    const [r1, r2, r3] = await Promise.all([importer('ror.json', nombreux), importer('ror.json', lourd), importer('ror.json', gros)]);
    const bilan = await autre.arreter();
    refus(r1, [413], /5 000 par import|5 000/);
    refus(r2, [413], /dépasse 20 Mo/);
    expect(r3.status, JSON.stringify(r3.body).slice(0, 500)).toBe(200);
    expect(r3.body.lignes.filter((l: any) => l.reference?.startsWith('HealthcareService/'))).toHaveLength(n);
    expect(r3.body.applique).toBe(false);
    expect(bilan.erreurs).toEqual([]);
    expect(bilan.p99, JSON.stringify(bilan)).toBeLessThan(1000);
    expect(serveur.processus.exitCode).toBeNull();
  }, 180_000);

  it('des milliers de lignes : au-delà de la limite refusées, 2 000 lignes importées à blanc sans priver les autres', async () => {
    const entetes = 'nom;organisation_id;niveau;commune;publics';
    const lignes = (n: number) =>
      [entetes, ...Array.from({ length: n }, (_, i) => `Ressource ${i};${cpamId};effecteur;${REDON};precarite`)].join('\n');
    refus(await importer('ressources.csv', lignes(20_001)), [413], /20 000 lignes|lignes/);
    const autre = autreUtilisateur();
    await new Promise((r) => setTimeout(r, 300));
    const r = await importer('ressources.csv', lignes(2000));
    const bilan = await autre.arreter();
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body.resume).toEqual({ crees: 2000, misAJour: 0, inchanges: 0, rejetes: 0 });
    expect(r.body.applique).toBe(false);
    expect(bilan.erreurs).toEqual([]);
    expect(bilan.p99, JSON.stringify(bilan)).toBeLessThan(1000);
    expect((await cpam.get('/api/ressources?q=Ressource 1999')).body.total).toBe(0);
  }, 180_000);

  it('un mauvais type de contenu ou de fichier est refusé en français, sans 500', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 1)]);
    refus(await importer('ressources.xlsx', png), [400, 422], /illisible|XLSX|classeur|format|fichier/i);
    refus(await importer('ressources.csv', png), [400, 422], /.+/);
    refus(await importer('ressources.json', 'pas du json'), [400], /JSON/);
    refus(await importer('ror.json', '{"resourceType":"Patient"}'), [400], /Bundle/);
    refus(await importer('ror.json', '[1,2,3]'), [400], /Bundle/);
    // Not multipart: JSON, plain text, a form.
    refus(await cpam.post('/api/ressources/import?dryRun=true', { fichier: 'x' }), [400, 415], /multipart|fichier/);
    const brut = async (type: string, corps: string) =>
      fetch(`${cpam.base}/api/ressources/import?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': type, cookie: cpam.cookie!, 'x-csrf-token': cpam.csrf! },
        body: corps,
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }));
    refus(await brut('text/csv', 'nom;niveau\nA;effecteur\n'), [400, 415], /multipart|fichier/);
    refus(await brut('application/x-www-form-urlencoded', 'fichier=abc'), [400, 415], /multipart|fichier/);
    refus(await brut('multipart/form-data; boundary=rien', '--rien\r\nContent-Disposition: form-data; name="x"\r\n\r\n'), [400], /.+/);
    // Wrong field name.
    refus(await cpam.multipart('/api/ressources/import?dryRun=true', { autre: { nom: 'r.csv', contenu: 'nom\n' } }), [400], /fichier/);
    expect((await serveur.client().get('/api/health')).status).toBe(200);
  });
});
