import type { ContratFixture, Monde } from './monde';
import type { EntreeRoute } from './regles';
import { ROUTES_ACCES } from './routes-acces';
import { ROUTES_APPUI } from './routes-appui';
import { ROUTES_APPUI_PLAN } from './routes-appui-plan';
import { ROUTES_APPUI_ACTIVITE } from './routes-appui-activite';
import { ROUTES_CONFIRMATIONS } from './routes-confirmations';
import { ROUTES_CONTRATS } from './routes-contrats';
import { ROUTES_GLOBALES } from './routes-globales';
import { ROUTES_PARCOURS } from './routes-parcours';
import { ROUTES_PARTICIPATION } from './routes-participation';
import { ROUTES_PARTICIPATION_PUBLIC } from './routes-participation-public';
import { ROUTES_RESSOURCES } from './routes-ressources';
import { ROUTES_WEBHOOKS } from './routes-webhooks';

export type { EntreeRoute, Evaluation, Outils } from './regles';

/**
 * Every API route, classified: the permission rule it must follow, how to address one of its resources, a valid
 * body, and for deletions how to make a fresh victim. The permissions matrix, the audit check and the fuzzer all
 * read this table; a route the server registers and this table does not know fails them until it is classified.
 */
export const ROUTES: Record<string, EntreeRoute> = {
  ...ROUTES_GLOBALES,
  ...ROUTES_CONTRATS,
  ...ROUTES_CONFIRMATIONS,
  ...ROUTES_ACCES,
  ...ROUTES_RESSOURCES,
  ...ROUTES_PARCOURS,
  ...ROUTES_PARTICIPATION,
  ...ROUTES_APPUI,
  ...ROUTES_APPUI_PLAN,
  ...ROUTES_APPUI_ACTIVITE,
  ...ROUTES_WEBHOOKS,
  ...ROUTES_PARTICIPATION_PUBLIC,
};

/** Path parameters filled from the fixture by the route's prefix and the parameter's name. */
export function cheminPar(defaut: string, m: Monde, f: ContratFixture | null): string {
  const ressourceDeId: Record<string, keyof ContratFixture> = {
    contrats: 'id',
    fiches: 'ficheId',
    seances: 'seanceId',
    campagnes: 'campagneId',
    evaluations: 'evaluationId',
    'indicateurs-suivi': 'indicateurSuiviId',
    'valeurs-suivi': 'valeurId',
    fichiers: 'fichierId',
    parcours: 'parcoursId',
  };
  const segment = defaut.split('/')[2];
  return defaut.replace(/:([A-Za-z]+)/g, (_t, nom: string) => {
    if (nom === 'id') return String(f![ressourceDeId[segment]]);
    if (nom === 'periode') return '2025';
    if (nom === 'avenantId') return '00000000-0000-4000-8000-000000000000';
    const valeur = f?.[nom as keyof ContratFixture];
    if (valeur === undefined) throw new Error(`Paramètre « ${nom} » sans valeur pour ${defaut} (m=${Object.keys(m).length})`);
    return String(valeur);
  });
}
