import type { ContratFixture } from './monde';
import { contrat, creer, fiche, type EntreeRoute, type Outils } from './regles';

/**
 * The parcours routes (issue 17 items 4–6): read by the contract's readers, changed by its coordination and the
 * administrators. Bodies carry the live version, so that an allowed call succeeds rather than meeting a 409.
 */
const version = async (o: Outils, table: string, id: string) =>
  Number((await o.serveur.ctx.db.query(`select version from ${table} where id = $1`, [id])).rows[0]?.version ?? 1);
const p = (f: ContratFixture | null, chemin = '') => `/api/parcours/${f!.parcoursId}${chemin}`;
/** A fresh parcours to delete, or a fresh step, each on the case's contract. */
const parcoursVictime = async (o: Outils, f: ContratFixture | null) =>
  `/api/parcours/${await creer(o, `/api/contrats/${f!.id}/parcours`, { titre: `Victime ${o.unique()}` })}?version=1`;
async function etapeVictime(o: Outils, f: ContratFixture | null) {
  const r = await o.admin.post(p(f, '/etapes'), { libelle: `Étape ${o.unique()}`, version: await version(o, 'parcours', f!.parcoursId) });
  if (r.status !== 201) throw new Error(`Victime étape : ${r.status} ${JSON.stringify(r.body)}`);
  const e = r.body.etapes.at(-1);
  return p(f, `/etapes/${e.id}?version=${e.version}`);
}

export const ROUTES_PARCOURS: Record<string, EntreeRoute> = {
  'GET /api/contrats/:id/parcours': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/parcours': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ titre: `Parcours ${o.unique()}`, etapes: [{ code: 'reperage' }] }),
  },
  'GET /api/parcours/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PATCH /api/parcours/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ description: `Revu ${o.unique()}`, version: await version(o, 'parcours', f!.parcoursId) }),
  },
  'DELETE /api/parcours/:id': { attendu: contrat('modifier'), portee: 'contrat', victime: parcoursVictime },
  'GET /api/fiches/:id/parcours': { attendu: fiche('lire'), portee: 'contrat' },
  'POST /api/parcours/:id/etapes': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ libelle: `Étape ${o.unique()}`, version: await version(o, 'parcours', f!.parcoursId) }),
  },
  'PATCH /api/parcours/:id/etapes/:etapeId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ description: `Revue ${o.unique()}`, version: await version(o, 'parcours_etapes', f!.etapeId) }),
  },
  'POST /api/parcours/:id/etapes/:etapeId/position': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ position: 1, version: await version(o, 'parcours', f!.parcoursId) }),
  },
  'DELETE /api/parcours/:id/etapes/:etapeId': { attendu: contrat('modifier'), portee: 'contrat', victime: etapeVictime },
  'GET /api/parcours/:id/ruptures': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/parcours/:id/ruptures': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o, f) => ({ etapeId: f!.etapeId, description: `Rupture ${o.unique()}`, gravite: 'faible' }),
  },
  'PATCH /api/parcours/:id/ruptures/:ruptureId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ description: `Revue ${o.unique()}`, version: await version(o, 'parcours_ruptures', f!.ruptureId) }),
  },
  // Closed then reopened in turn: each allowed call is a legal transition.
  'POST /api/parcours/:id/ruptures/:ruptureId/statut': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const { rows } = await o.serveur.ctx.db.query('select statut, version from parcours_ruptures where id = $1', [f!.ruptureId]);
      return { statut: rows[0].statut === 'close' ? 'signalee' : 'close', version: rows[0].version };
    },
  },
  'GET /api/parcours/:id/grille': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/parcours/:id/grille/cellules': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const acteurId = o.monde.organisations.cpam;
      const { rows } = await o.serveur.ctx.db.query(
        `select roles, version from parcours_cellules where etape_id = $1 and acteur_type = 'organisation' and acteur_id = $2`,
        [f!.etapeId, acteurId],
      );
      const roles = rows[0]?.roles?.includes('informe') ? ['oriente'] : ['informe'];
      return { acteurType: 'organisation', acteurId, etapeId: f!.etapeId, roles, version: rows[0]?.version ?? 0 };
    },
  },
  'GET /api/parcours/:id/grille.xlsx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/parcours/:id/grille.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/parcours/:id/grille.pdf': { attendu: contrat('lire'), portee: 'contrat' },
};
