import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientHttp } from '../harness';
import { preparerBanc, type Banc } from './monde';

/**
 * Hundreds of pairs of conflicting updates, each pair sent at the same instant with the same version: exactly one
 * wins, the other gets 409 with the current state, and nothing is lost — the loser, retrying on the current
 * version, gets its change in too.
 */

let banc: Banc;
let coordination: ClientHttp;
let admin: ClientHttp;
beforeAll(async () => {
  banc = await preparerBanc();
  coordination = banc.clients.coordination;
  admin = banc.clients.admin;
}, 180_000);
afterAll(() => banc?.serveur.fermer());

interface Cible {
  nom: string;
  lire: () => Promise<{ version: number; valeur: string; corps: Record<string, unknown> }>;
  ecrire: (corps: Record<string, unknown>) => Promise<{ status: number; body: any }>;
  avec: (corps: Record<string, unknown>, valeur: string) => Record<string, unknown>;
}

async function paire(cible: Cible, n: number) {
  const avant = await cible.lire();
  const [a, b] = [`${cible.nom} A${n}`, `${cible.nom} B${n}`];
  const [ra, rb] = await Promise.all([cible.ecrire(cible.avec(avant.corps, a)), cible.ecrire(cible.avec(avant.corps, b))]);
  const reussi = (s: number) => s === 200 || s === 204;
  const statuts = [ra.status, rb.status].map((s) => (reussi(s) ? 'accepté' : s)).sort();
  expect(statuts, `${cible.nom} paire ${n} : ${JSON.stringify([ra.body, rb.body]).slice(0, 400)}`).toEqual([409, 'accepté']);
  const [gagnant, perdant, perdu] = reussi(ra.status) ? [a, rb, b] : [b, ra, a];
  expect(perdant.body.courant, 'le 409 porte l’état courant').toBeTruthy();
  const milieu = await cible.lire();
  expect(milieu.valeur).toBe(gagnant);
  expect(milieu.version).toBe(avant.version + 1);
  // The loser re-applies its change on the current version: it goes in, and the winner's was not lost on the way.
  expect(reussi((await cible.ecrire(cible.avec(milieu.corps, perdu))).status)).toBe(true);
  const apres = await cible.lire();
  expect(apres.valeur).toBe(perdu);
  expect(apres.version).toBe(avant.version + 2);
}

describe('modifications concurrentes', () => {
  it('sur les fiches, les indicateurs de suivi, les évaluations et les contrats : un gagnant, un 409, rien de perdu', async () => {
    const f = banc.monde.contrats.propre;
    const fiches: string[] = [f.ficheId];
    for (let i = 0; i < 4; i++)
      fiches.push((await coordination.post(`/api/contrats/${f.id}/fiches`, { intitule: `Fiche concurrente ${i}` })).body.id);
    const cibles: Cible[] = [
      ...fiches.map(
        (id, i): Cible => ({
          nom: `fiche ${i}`,
          lire: async () => {
            // The title is edited alone: a fiche saved with its indicators would rightly refuse (409) to overwrite the
            // indicator that the round edits at the same time (decision 0007), leaving no winner to check.
            const { indicateurs: _indicateurs, ...corps } = (await coordination.get(`/api/fiches/${id}`)).body;
            return { version: corps.version, valeur: corps.intitule, corps };
          },
          ecrire: (corps) => coordination.put(`/api/fiches/${id}`, corps),
          avec: (corps, valeur) => ({ ...corps, intitule: valeur }),
        }),
      ),
      {
        nom: 'indicateur',
        lire: async () => {
          const i = (await coordination.get(`/api/fiches/${f.ficheId}/suivi`)).body.indicateurs.find(
            (x: { id: string }) => x.id === f.indicateurSuiviId,
          );
          return {
            version: i.version,
            valeur: i.methode,
            corps: { libelle: i.libelle, type: i.type, cibles: [{ periode: '2025', valeur: 10 }], version: i.version },
          };
        },
        ecrire: (corps) => coordination.put(`/api/indicateurs-suivi/${f.indicateurSuiviId}`, corps),
        avec: (corps, valeur) => ({ ...corps, methode: valeur }),
      },
      {
        nom: 'évaluation',
        lire: async () => {
          const e = (await coordination.get(`/api/evaluations/${f.evaluationId}`)).body;
          return {
            version: e.version,
            valeur: e.synthese,
            corps: {
              type: e.type,
              intitule: e.intitule,
              questions: e.questions,
              recommandations: e.recommandations,
              participants: e.participants,
              version: e.version,
            },
          };
        },
        ecrire: (corps) => coordination.put(`/api/evaluations/${f.evaluationId}`, corps),
        avec: (corps, valeur) => ({ ...corps, synthese: valeur }),
      },
      {
        nom: 'contrat',
        lire: async () => {
          const c = (await admin.get(`/api/contrats/${f.id}`)).body;
          return { version: c.version, valeur: c.contexte, corps: { ...f.saisie, version: c.version } };
        },
        ecrire: (corps) => coordination.put(`/api/contrats/${f.id}`, corps),
        avec: (corps, valeur) => ({ ...corps, contexte: valeur }),
      },
    ];
    // 40 rounds over 7 targets, the targets of a round racing each other too; then 40 pairs on the contract alone
    // (an edit of a fiche changes its contract's version, so the contract cannot race its own fiches).
    const contrat = cibles.pop()!;
    let paires = 0;
    for (let tour = 0; tour < 40; tour++) {
      await Promise.all(cibles.map((c) => paire(c, tour)));
      paires += cibles.length;
    }
    for (let tour = 0; tour < 40; tour++) {
      await paire(contrat, tour);
      paires += 1;
    }
    expect(paires).toBe(320);
    // Every accepted change left one audit event: two per pair.
    const { rows } = await banc.serveur.ctx.db.query(
      `select count(*)::int as n from audit_evenements where action = 'modification' and entite_id = any($1) and le > now() - interval '1 hour'`,
      [[...fiches, f.indicateurSuiviId, f.evaluationId, f.id]],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(2 * paires);
  }, 600_000);
});
