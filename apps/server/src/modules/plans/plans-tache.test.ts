import { describe, expect, it } from 'vitest';
import {
  coordination,
  fichesDe,
  importer,
  installerBanc,
  nombreFichesEnBase,
  nouveauContrat,
  serveur,
  telecharger,
} from '../../../test/banc-plans';
import { lignesPlanGenere, planGenere } from '../../../test/plan-genere';
import type { ClientHttp } from '../../../test/harness';
import { SEUIL_TACHE } from './imports-plans.service';

/**
 * Large plans are imported as jobs (pg-boss, decision 0013): 202 with a progress address, then the same report as a
 * direct answer, read from the database. Followed here as the web screen follows it: polling until the end.
 */

installerBanc();

async function suivre(client: ClientHttp, suivi: string) {
  const vus: { etat: string; lignesTraitees: number }[] = [];
  for (;;) {
    const r = await client.get(suivi);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    vus.push({ etat: r.body.etat, lignesTraitees: r.body.lignesTraitees });
    if (r.body.etat !== 'en_cours') return { final: r.body, vus };
    await new Promise((fin) => setTimeout(fin, 100));
  }
}

const fichierEnBase = async (id: string) =>
  (await serveur.ctx.db.query('select fichier is not null as present from imports_plans where id = $1', [id])).rows[0].present as boolean;

// Several imports of hundreds of fiches per test: a guard against a hang, not a timing check.
describe('import d’un grand plan en tâche de fond', { timeout: 240_000 }, () => {
  it(`répond encore directement jusqu’à ${SEUIL_TACHE} lignes`, async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, planGenere(SEUIL_TACHE), 'plan.csv', true);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.resume.crees).toBe(SEUIL_TACHE);
  });

  it('vérifie à blanc en tâche (202), suit l’avancement, et n’écrit rien', async () => {
    const contratId = await nouveauContrat();
    const avant = await nombreFichesEnBase();
    const r = await importer(coordination, contratId, planGenere(600), 'grand-plan.csv', true);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(202);
    expect(r.body.suivi).toBe(`/api/contrats/${contratId}/plan/imports/${r.body.importId}`);
    const { final, vus } = await suivre(coordination, r.body.suivi);
    // Progress only goes forward (how many intermediate steps are seen depends on the machine).
    const avancees = vus.map((v) => v.lignesTraitees);
    expect(avancees).toEqual([...avancees].sort((a, b) => a - b));
    expect(final).toMatchObject({
      etat: 'termine',
      dryRun: true,
      nomFichier: 'grand-plan.csv',
      lignesTotal: 600,
      lignesTraitees: 600,
      erreur: null,
      creePar: expect.any(String),
    });
    expect(final.rapport).toMatchObject({
      format: 'maillage',
      dryRun: true,
      applique: false,
      resume: { crees: 600, misAJour: 0, inchanges: 0, rejetes: 0 },
    });
    expect(final.rapport.lignes).toHaveLength(600);
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await fichierEnBase(r.body.importId)).toBe(false);
  });

  it('importe pour de vrai en tâche : tout le plan, tracé une fois, et le même fichier ensuite ne change rien', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, planGenere(600), 'grand-plan.csv');
    expect(r.status).toBe(202);
    const { final } = await suivre(coordination, r.body.suivi);
    expect(final.etat, final.erreur).toBe('termine');
    expect(final.rapport).toMatchObject({ dryRun: false, applique: true, resume: { crees: 600, rejetes: 0 } });
    expect(final.rapport.axesCrees).toHaveLength(10);
    expect(await fichesDe(contratId)).toHaveLength(600);
    const journal = await serveur.ctx.db.query(
      `select count(*)::int n from audit_evenements where entite_id = $1 and action = 'import_plan'`,
      [contratId],
    );
    expect(journal.rows[0].n).toBe(1);

    const encore = await importer(coordination, contratId, planGenere(600), 'grand-plan.csv');
    const second = (await suivre(coordination, encore.body.suivi)).final;
    expect(second.rapport.resume).toMatchObject({ crees: 0, misAJour: 0, inchanges: 600 });
  });

  it('refuse tout un grand plan pour une ligne rejetée : échec en français, rapport ligne par ligne, rien d’écrit', async () => {
    const contratId = await nouveauContrat();
    const lignes = lignesPlanGenere(600);
    lignes[300][6] = 'Presque fini';
    const csv = Buffer.from(
      lignes.map((l) => l.map((v) => (/[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(';')).join('\n'),
    );
    const avant = await nombreFichesEnBase();
    const r = await importer(coordination, contratId, csv, 'plan-fautif.csv');
    expect(r.status).toBe(202);
    const { final } = await suivre(coordination, r.body.suivi);
    expect(final.etat).toBe('echoue');
    expect(final.erreur).toMatch(/^1 ligne rejetée : rien n’a été enregistré\. Ligne 301 — Statut/);
    expect(final.rapport.resume.rejetes).toBe(1);
    expect(final.rapport.lignes.find((l: { ligne: number }) => l.ligne === 301)).toMatchObject({
      statut: 'rejete',
      raison: expect.stringContaining('Statut'),
    });
    expect(await nombreFichesEnBase()).toBe(avant);
    expect(await fichesDe(contratId)).toHaveLength(0);
  });

  it('reprend un grand plan au format de Territoires en Transitions en tâche', async () => {
    const source = await nouveauContrat();
    const depot = await importer(coordination, source, planGenere(550), 'grand-plan.csv');
    expect((await suivre(coordination, depot.body.suivi)).final.etat).toBe('termine');
    const tet = await telecharger(coordination, `/api/contrats/${source}/plan.xlsx?format=tet`);
    expect(tet.status).toBe(200);

    const cible = await nouveauContrat();
    const r = await importer(coordination, cible, tet.contenu, 'plan-tet.xlsx');
    expect(r.status).toBe(202);
    const { final } = await suivre(coordination, r.body.suivi);
    expect(final.etat, final.erreur).toBe('termine');
    expect(final.rapport).toMatchObject({ format: 'tet', applique: true, resume: { crees: 550, rejetes: 0 } });
    expect(await fichesDe(cible)).toHaveLength(550);
  });

  it('ne montre un import qu’à son contrat, et à qui peut importer', async () => {
    const contratId = await nouveauContrat();
    const r = await importer(coordination, contratId, planGenere(501), 'plan.csv', true);
    expect(r.status).toBe(202);
    await suivre(coordination, r.body.suivi);
    const autre = await nouveauContrat();
    const ailleurs = await coordination.get(`/api/contrats/${autre}/plan/imports/${r.body.importId}`);
    expect(ailleurs.status).toBe(404);
    expect(ailleurs.body.detail).toBe('Cet import de plan n’existe pas.');
    expect((await serveur.client().get(r.body.suivi)).status).toBe(401);
  });

  it('marque en échec, en français, un import dont le serveur s’est arrêté (balayage au redémarrage)', async () => {
    const contratId = await nouveauContrat();
    // A job held by a process that no longer beats: what a kill -9 leaves (the real crash: resilience suite).
    const id = crypto.randomUUID();
    const mort = crypto.randomUUID();
    await serveur.ctx.db.query(
      `insert into imports_plans (id, contrat_id, nom_fichier, dry_run, lignes_total, fichier, cree_par) values ($1, $2, 'coupe.csv', false, 600, '\\x00', 'Test')`,
      [id, contratId],
    );
    await serveur.ctx.db.query(`insert into taches_processus (tache_id, file, donnees, processus_id) values ($1, 'import-plan', $2, $3)`, [
      crypto.randomUUID(),
      { importId: id },
      mort,
    ]);
    expect(await serveur.ctx.taches.fermerInterrompues()).toBe(1);
    const apres = (await coordination.get(`/api/contrats/${contratId}/plan/imports/${id}`)).body;
    expect(apres).toMatchObject({
      etat: 'echoue',
      rapport: null,
      erreur: 'Import interrompu : le serveur qui le traitait s’est arrêté. Rien n’a été enregistré ; relancez l’import.',
    });
    expect(await fichierEnBase(id)).toBe(false);
  });
});
