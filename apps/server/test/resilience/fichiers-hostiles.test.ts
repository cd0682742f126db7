import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bombeXlsx, mentirSurLesTailles } from '../classeurs-hostiles';
import { lignesPlanGenere } from '../plan-genere';
import type { ClientHttp } from '../harness';
import { lancerServeur, nouvelleBase, type ServeurReel } from './serveur-reel';

/**
 * Hostile files against a real server while another user works: a 1.5 MB XLSX that inflates to 430 MB sent to the
 * values preview and to plan import gets a French 413 or 422, the other user's requests (health, a contract page)
 * keep a p99 under one second, the process's memory stays bounded, and the server is alive afterwards. The largest
 * legitimate plan (4 999 fiches, about 400 KB of XLSX) imports in well under a minute and does not hold the others either.
 */

let base: Awaited<ReturnType<typeof nouvelleBase>>;
let serveur: ServeurReel;
let ars: ClientHttp;
let coordination: ClientHttp;
let contratId: string;

beforeAll(async () => {
  base = await nouvelleBase();
  serveur = await lancerServeur({ DATABASE_URL: base.url, MAILLAGE_DEMO: '1' });
  ars = serveur.client();
  await ars.connecter('ars.bretagne@demo.maillage.fr');
  coordination = serveur.client();
  await coordination.connecter('coordination@demo.maillage.fr');
  contratId = (await coordination.get('/api/contrats')).body.find((c: { generation: number }) => c.generation === 2).id;
}, 180_000);
afterAll(async () => {
  await serveur?.arreter();
  await base?.supprimer();
});

/** Resident memory of the server process, in MB (Linux). */
const rssMo = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${serveur.processus.pid}/status`, 'utf8'))![1]) / 1024;

/** Another user, polling health and a contract page until stopped: every duration, and the highest RSS seen. */
function autreUtilisateur() {
  const durees: number[] = [];
  const erreurs: string[] = [];
  let rssMax = rssMo();
  let actif = true;
  const boucle = (async () => {
    const lecteur = serveur.client();
    await lecteur.connecter('coordination@demo.maillage.fr');
    while (actif) {
      for (const chemin of ['/api/health', `/api/contrats/${contratId}`]) {
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
      return { requetes: durees.length, p99: triees[Math.ceil(triees.length * 0.99) - 1], max: triees.at(-1)!, erreurs, rssMax };
    },
  };
}

const refusEnFrancais = (r: { status: number; headers: Headers; body: any }) => {
  expect([413, 422], JSON.stringify(r.body)).toContain(r.status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body.title).toMatch(/^Fichier trop (volumineux|lourd à lire)$/);
  expect(r.body.detail).toMatch(/compress|mémoire/);
  expect(r.body.limite).toBeTruthy();
};

describe('fichiers hostiles sur un vrai serveur', () => {
  it('une bombe de décompression est refusée en français sans priver les autres ni gonfler la mémoire', async () => {
    const bombe = bombeXlsx(430 * 1024 * 1024);
    expect(bombe.length).toBeLessThan(2 * 1024 * 1024);
    const menteuse = mentirSurLesTailles(bombe, 200 * 1024 * 1024);
    // Warm up what the first preview loads, then measure from there.
    await ars.multipart('/api/indicateurs/valeurs/apercu', { fichier: { nom: 'v.csv', contenu: 'indicateur;valeur\n' } });
    const rssAvant = rssMo();
    const autre = autreUtilisateur();
    await new Promise((r) => setTimeout(r, 500));

    const reponses = await Promise.all([
      ars.multipart('/api/indicateurs/valeurs/apercu', { fichier: { nom: 'valeurs.xlsx', contenu: bombe } }),
      ars.multipart('/api/indicateurs/valeurs/import', { fichier: { nom: 'valeurs.xlsx', contenu: menteuse } }),
      coordination.multipart(`/api/contrats/${contratId}/plan/import?dryRun=true`, { fichier: { nom: 'plan.xlsx', contenu: bombe } }),
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const bilan = await autre.arreter();

    for (const r of reponses) refusEnFrancais(r);
    expect(reponses[0].body.detail).toMatch(/ferait 430 Mo|compressé \d+ fois/);
    expect(reponses[1].body.detail).toMatch(/se décompresse au-delà de la taille qu’elle déclare|ferait|compressé/);
    expect(bilan.erreurs).toEqual([]);
    expect(bilan.requetes).toBeGreaterThan(5);
    expect(bilan.p99, JSON.stringify(bilan)).toBeLessThan(1000);
    expect(bilan.rssMax - rssAvant, `RSS ${rssAvant.toFixed(0)} → ${bilan.rssMax.toFixed(0)} Mo`).toBeLessThan(300);
    expect(serveur.processus.exitCode).toBeNull();
    expect((await serveur.client().get('/api/health')).status).toBe(200);
  });

  it('un plan légitime de 4 999 fiches, à blanc puis pour de vrai, ne bloque pas les autres', async () => {
    // The most a sheet may hold (5 000 rows, headers included), every fiche with an axe, an objectif, a pilote and a
    // financing line: the import is linear in the rows and yields to the event loop, so the others go on.
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet('Plan d’action');
    feuille.addRows(lignesPlanGenere(4999));
    const plan = Buffer.from(await classeur.xlsx.writeBuffer());
    expect(plan.length).toBeGreaterThan(250_000);
    const organisation = async (q: string) =>
      (await coordination.get(`/api/organisations?q=${encodeURIComponent(q)}`)).body.elements.find((o: { nom: string }) => o.nom === q)
        .id as string;
    // A contract of its own: the other user's contract page stays the size it was.
    const contrat = await coordination.post('/api/contrats', {
      intitule: 'CLS pour un plan de 4 999 fiches',
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 3,
      arsIds: [await organisation('ARS Bretagne')],
      porteursIds: [await organisation('Redon Agglomération')],
      periode: { debut: '2027-01-01', fin: '2031-12-31' },
    });
    expect(contrat.status, JSON.stringify(contrat.body)).toBe(201);

    for (const dryRun of [true, false]) {
      const autre = autreUtilisateur();
      await new Promise((r) => setTimeout(r, 300));
      const debut = performance.now();
      // A plan this size runs as a job (202): followed as the web screen follows it, until its report.
      const r = await coordination.multipart(`/api/contrats/${contrat.body.id}/plan/import?dryRun=${dryRun}`, {
        fichier: { nom: 'plan.xlsx', contenu: plan },
      });
      expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(202);
      let etat: any;
      do {
        await new Promise((fin) => setTimeout(fin, 250));
        etat = (await coordination.get(r.body.suivi)).body;
      } while (etat.etat === 'en_cours');
      const duree = performance.now() - debut;
      const bilan = await autre.arreter();

      expect(etat.etat, etat.erreur).toBe('termine');
      expect(etat.rapport.resume).toEqual({ crees: 4999, misAJour: 0, inchanges: 0, rejetes: 0, sousActions: 0 });
      expect(duree, `import ${dryRun ? 'à blanc' : 'réel'}`).toBeLessThan(60_000);
      expect(bilan.erreurs).toEqual([]);
      expect(bilan.p99, JSON.stringify(bilan)).toBeLessThan(1000);
      expect(serveur.processus.exitCode).toBeNull();
    }
    expect((await coordination.get(`/api/contrats/${contrat.body.id}/fiches`)).body).toHaveLength(4999);
  });
});
