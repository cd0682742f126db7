import type { Sujet } from '@maillage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientHttp, Reponse, ServeurDeTest } from '../harness';
import { CAS, EMAILS, preparerBanc, SUJETS, type Cas, type Monde, type NomSujet } from './monde';
import { cheminPar, ROUTES, type EntreeRoute, type Outils } from './routes';

/**
 * The permissions matrix: every route the server registers × every role × the own, other and published contract,
 * against the rules of `can`. A refusal is 401, 403 or 404 (a contract one may not read does not exist for them);
 * anything else is a grant, and must be allowed by the rules. It also checks that each mutation that succeeded
 * wrote an audit event naming its actor.
 */

let serveur: ServeurDeTest;
let monde: Monde;
let clients: Record<NomSujet, ClientHttp>;
let sujets: Record<NomSujet, Sujet | null>;
let compteur = 0;
const unique = () => `${Date.now().toString(36)}${(compteur++).toString(36)}`;

interface Resultat {
  route: string;
  sujet: NomSujet;
  cas: Cas | null;
  attendu: boolean;
  statut: number;
  corps: unknown;
  audite: boolean | null;
}
const resultats: Resultat[] = [];

beforeAll(async () => {
  ({ serveur, monde, clients, sujets } = await preparerBanc());
}, 120_000);
afterAll(() => serveur?.fermer());

const cle = (r: { methode: string; url: string }) => `${r.methode} ${r.url}`;

async function dernierAudit() {
  return Number((await serveur.ctx.db.query('select coalesce(max(id), 0) as id from audit_evenements')).rows[0].id);
}

async function appeler(entree: EntreeRoute, methode: string, url: string, nom: NomSujet, cas: Cas | null): Promise<Resultat> {
  const fixture = cas ? monde.contrats[cas] : null;
  const admin = clients.admin;
  const outils: Outils = { serveur, admin, monde, unique };
  const sujet = sujets[nom];
  let client = clients[nom];
  if (entree.sessionJetable) {
    client = serveur.client();
    if (nom !== 'anonyme') await client.connecter(EMAILS[nom]);
  }
  const chemin = entree.victime
    ? await entree.victime(outils, fixture, sujet)
    : entree.chemin
      ? entree.chemin(monde, fixture)
      : cheminPar(url, monde, fixture);
  const attendu = await entree.attendu({ sujet, cas, monde, fixture, serveur });
  const avant = await dernierAudit();
  let reponse: Reponse;
  if (entree.multipart) reponse = await client.multipart(chemin, entree.multipart(outils, fixture));
  else if (methode === 'GET') reponse = await client.get(chemin);
  else if (methode === 'DELETE') reponse = await client.delete(chemin);
  else {
    const corps = entree.corps ? await entree.corps(outils, fixture) : {};
    reponse =
      methode === 'PUT'
        ? await client.put(chemin, corps)
        : methode === 'PATCH'
          ? await client.requete('PATCH', chemin, corps)
          : await client.post(chemin, corps);
  }
  if (entree.fermeLesAutresSessions && nom !== 'anonyme' && reponse.status < 300) await clients[nom].connecter(EMAILS[nom]);
  let audite: boolean | null = null;
  if (methode !== 'GET' && reponse.status >= 200 && reponse.status < 300 && !entree.sansAudit && sujet) {
    const { rows } = await serveur.ctx.db.query('select count(*)::int as n from audit_evenements where id > $1 and acteur_id = $2', [
      avant,
      sujet.userId,
    ]);
    audite = rows[0].n > 0;
  }
  return { route: `${methode} ${url}`, sujet: nom, cas, attendu, statut: reponse.status, corps: reponse.body, audite };
}

describe('matrice des permissions', () => {
  it('chaque route du serveur est classée', () => {
    const inconnues = serveur.routesApi.map(cle).filter((k) => !ROUTES[k]);
    expect(inconnues, 'Routes à classer dans apps/server/test/resilience/routes.ts').toEqual([]);
    const disparues = Object.keys(ROUTES).filter((k) => !serveur.routesApi.some((r) => cle(r) === k));
    expect(disparues, 'Routes classées qui n’existent plus').toEqual([]);
  });

  it('aucun rôle n’obtient plus que ce que les règles accordent, et aucune route ne répond 5xx', async () => {
    // Deletions last, so that every other route still finds what it addresses.
    const routes = [...serveur.routesApi]
      .filter((r) => ROUTES[cle(r)])
      .sort((a, b) => Number(a.methode === 'DELETE') - Number(b.methode === 'DELETE'));
    for (const route of routes) {
      const entree = ROUTES[cle(route)];
      for (const cas of entree.portee === 'contrat' ? CAS : [null])
        for (const nom of SUJETS) {
          try {
            resultats.push(await appeler(entree, route.methode, route.url, nom, cas));
          } catch (e) {
            resultats.push({ route: cle(route), sujet: nom, cas, attendu: false, statut: 0, corps: String(e), audite: null });
          }
        }
    }
    // MAILLAGE_MATRICE_JOURNAL=fichier.json keeps every call for reading.
    if (process.env.MAILLAGE_MATRICE_JOURNAL)
      (await import('node:fs')).writeFileSync(process.env.MAILLAGE_MATRICE_JOURNAL, JSON.stringify(resultats, null, 1));
    const refus = (s: number) => s === 401 || s === 403 || s === 404;
    const ecarts = resultats.filter(
      (r) =>
        r.statut === 0 ||
        r.statut >= 500 ||
        (r.attendu ? r.statut === 401 || r.statut === 403 || (r.statut === 404 && !ROUTES[r.route].absentPossible) : !refus(r.statut)),
    );
    const lisibles = ecarts.map(
      (r) =>
        `${r.route} [${r.cas ?? '-'}] ${r.sujet}: attendu ${r.attendu ? 'permis' : 'refusé'}, reçu ${r.statut} ${JSON.stringify(r.corps).slice(0, 160)}`,
    );
    expect(lisibles).toEqual([]);
    const permis = resultats.filter((r) => r.attendu).length;
    // The matrix must exercise both sides: a run where everything is refused would prove nothing.
    expect(permis).toBeGreaterThan(300);
    expect(resultats.length - permis).toBeGreaterThan(600);
  }, 600_000);

  it('chaque route qui modifie a réussi au moins une fois, et chaque réussite est tracée au nom de son auteur', () => {
    const mutations = Object.entries(ROUTES).filter(([k, e]) => !k.startsWith('GET ') && !e.sansAudit && !e.reserveA);
    const jamaisReussies = mutations
      .filter(([k]) => !resultats.some((r) => r.route === k && r.statut >= 200 && r.statut < 300))
      .map(([k]) => k);
    expect(jamaisReussies, 'Routes jamais exercées avec succès : le corps ou la cible de la matrice est à revoir').toEqual([]);
    const nonTracees = resultats.filter((r) => r.audite === false).map((r) => `${r.route} [${r.cas ?? '-'}] ${r.sujet}`);
    expect(nonTracees, 'Mutations réussies sans événement d’audit au nom de leur auteur').toEqual([]);
  });
});
