import { porteeActivite } from '@maillage/domain';
import { communesCoordonnees, resoudreTerritoires } from '../../src/modules/appui/activite.queries';
import { membresDe } from '../../src/modules/appui/equipes.service';
import { situationComplete, situationDemo } from './appui-regles';
import type { Monde } from './monde';
import type { EntreeRoute, Evaluation } from './regles';

/**
 * The appui activity routes (issue 18 item 7, decision 0033). The aggregates follow the domain's `porteeActivite`:
 * an admin, the ARS of a région the territory touches, the coordination of a contract covering it, a team's staff.
 * The FHIR export of a care team is nominative: only the staff who open the case's content (appui-regles.ts).
 */
const TERRITOIRE = 'epci:243500741';

async function peutLireActivite(e: Evaluation): Promise<boolean> {
  if (!e.sujet) return false;
  const db = e.serveur.ctx.db;
  const [territoire] = await resoudreTerritoires(db, [{ type: 'epci', code: TERRITOIRE.split(':')[1] }]);
  const contrats = e.sujet.habilitations.flatMap((h) =>
    'contratId' in h && (h.role === 'coordonnateur' || h.role === 'referent_ars') ? [h.contratId] : [],
  );
  const communes = await communesCoordonnees(db, contrats);
  const equipes = (await membresDe(db, e.sujet.userId)).map((m) => m.organisationId);
  const dansSesContrats = territoire.communes.length > 0 && territoire.communes.every((c) => communes.has(c));
  return porteeActivite(e.sujet, equipes, [{ regions: territoire.regions, dansSesContrats }]) !== null;
}

export const ROUTES_APPUI_ACTIVITE: Record<string, EntreeRoute> = {
  'GET /api/appui/activite': {
    attendu: peutLireActivite,
    portee: 'global',
    chemin: () => `/api/appui/activite?territoires=${TERRITOIRE}&periode=2025`,
  },
  'GET /api/appui/situations/:id/cercle-de-soins': {
    attendu: situationComplete(situationDemo),
    portee: 'global',
    chemin: (m: Monde) => `/api/appui/situations/${m.appui.situation}/cercle-de-soins`,
  },
};
