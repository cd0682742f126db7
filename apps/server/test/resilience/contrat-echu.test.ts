import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientHttp, Reponse, ServeurDeTest } from '../harness';
import { preparerBanc, type ContratFixture, type Monde, type NomSujet } from './monde';
import { cheminPar, ROUTES, type EntreeRoute, type Outils } from './routes';
import { ROUTES_CONTRATS } from './routes-contrats';
import { ROUTES_PARCOURS } from './routes-parcours';

/**
 * Decision 0006 on every creation route of the contract route table: once the own contract is échu, each route gives
 * the decided answer — a French 409 that writes nothing, or a success for what closes a contract (evaluation, last
 * follow-up, closing séance, files, renewal). A creation route the table gains must be decided here first.
 */
type Attendu = 'refuse' | 'accepte' | { hors: string };

const SI_CLOS: Record<string, Attendu> = {
  'POST /api/contrats/:id/statut': {
    hors: 'un changement de statut, gardé par la machine à états du cycle de vie (échu → renouvelé seulement)',
  },
  'POST /api/contrats/:id/plan/import': 'refuse',
  'POST /api/contrats/:id/renouvellement': 'accepte',
  'POST /api/contrats/:id/avenants': 'refuse',
  'POST /api/contrats/:id/avenants/:avenantId/signature': { hors: 'signe un avenant ouvert, qu’un contrat clos ne peut pas ouvrir' },
  'POST /api/contrats/:id/axes': 'refuse',
  'POST /api/contrats/:id/axes/:axeId/objectifs': 'refuse',
  'POST /api/contrats/:id/signataires': 'refuse',
  'POST /api/contrats/:id/partenaires': 'refuse',
  'POST /api/contrats/:id/fiches': 'refuse',
  'PUT /api/fiches/:id/offres/:offreId': 'accepte',
  'POST /api/contrats/:id/verbatims': 'refuse',
  'POST /api/contrats/:id/rencontres': 'refuse',
  'POST /api/contrats/:id/constats': 'refuse',
  'POST /api/contrats/:id/besoins': 'refuse',
  'POST /api/contrats/:id/priorites': 'refuse',
  'POST /api/contrats/:id/instances': 'refuse',
  'POST /api/contrats/:id/instances/:instanceId/membres': 'refuse',
  'POST /api/contrats/:id/seances': 'accepte',
  'POST /api/seances/:id/decisions': 'accepte',
  'POST /api/seances/:id/invitations': 'accepte',
  'POST /api/seances/:id/fichiers': 'accepte',
  'POST /api/contrats/:id/coordination': 'refuse',
  'POST /api/contrats/:id/financements': 'refuse',
  // The organisation's own register of what it brought, like its offers of service (decision 0016).
  'POST /api/contrats/:id/moyens': 'accepte',
  'POST /api/contrats/:id/financements-existants': 'refuse',
  'POST /api/contrats/:id/fichiers': 'accepte',
  // The evaluation plan is part of the signed text, the schemes change until the contract closes (decision 0017).
  'POST /api/contrats/:id/evaluations-prevues': 'refuse',
  'POST /api/contrats/:id/dispositifs-territoriaux': 'refuse',
  'POST /api/fiches/:id/indicateurs-suivi': 'refuse',
  'PUT /api/indicateurs-suivi/:id/valeurs/:periode': 'accepte',
  'POST /api/valeurs-suivi/:id/transitions': 'accepte',
  'PUT /api/fiches/:id/bilans/:periode': 'accepte',
  'POST /api/fiches/:id/suivi/:periode/transitions': 'accepte',
  'POST /api/contrats/:id/campagnes': 'refuse',
  'POST /api/campagnes/:id/relances': 'accepte',
  'POST /api/campagnes/:id/cloture': 'accepte',
  'POST /api/contrats/:id/evaluations': 'accepte',
  'POST /api/evaluations/:id/renouvellement': 'accepte',
  // Parcours move to the renewed contract; a rupture may still be closed or reopened (decision 0028).
  'POST /api/contrats/:id/parcours': 'refuse',
  'POST /api/parcours/:id/etapes': 'refuse',
  'POST /api/parcours/:id/etapes/:etapeId/position': 'refuse',
  'POST /api/parcours/:id/ruptures': 'refuse',
  'POST /api/parcours/:id/ruptures/:ruptureId/statut': 'accepte',
};

/** The same follow-up routes for a period after the contract's end: refused. */
const APRES_LA_FIN: [string, (f: ContratFixture) => string, unknown][] = [
  ['PUT /api/indicateurs-suivi/:id/valeurs/:periode', (f) => `/api/indicateurs-suivi/${f.indicateurSuiviId}/valeurs/2026`, { valeur: 3 }],
  ['PUT /api/fiches/:id/bilans/:periode', (f) => `/api/fiches/${f.ficheId}/bilans/2026-S1`, { recit: 'Après la fin' }],
];

/** Follow-up routes addressed on the contract's last period (2025) rather than the table's default. */
const DERNIERE_PERIODE: Record<string, (f: ContratFixture) => { chemin: string; corps?: unknown; par?: NomSujet }> = {
  'PUT /api/indicateurs-suivi/:id/valeurs/:periode': (f) => ({
    chemin: `/api/indicateurs-suivi/${f.indicateurSuiviId}/valeurs/2025`,
    corps: { valeur: 12, recit: 'Dernière année' },
  }),
  'PUT /api/fiches/:id/bilans/:periode': (f) => ({ chemin: `/api/fiches/${f.ficheId}/bilans/2025`, corps: { recit: 'Dernière année' } }),
  // Validated by someone other than the coordination, which submitted it (four eyes, decision 0014).
  'POST /api/fiches/:id/suivi/:periode/transitions': (f) => ({
    chemin: `/api/fiches/${f.ficheId}/suivi/2025/transitions`,
    corps: { action: 'valider' },
    par: 'referentArs',
  }),
};

const estCreation = (cle: string) =>
  cle.startsWith('POST ') ||
  [
    'PUT /api/fiches/:id/offres/:offreId',
    'PUT /api/indicateurs-suivi/:id/valeurs/:periode',
    'PUT /api/fiches/:id/bilans/:periode',
  ].includes(cle);

let serveur: ServeurDeTest;
let monde: Monde;
let clients: Record<NomSujet, ClientHttp>;
let fixture: ContratFixture;
let compteur = 0;

beforeAll(async () => {
  ({ serveur, monde, clients } = await preparerBanc());
  fixture = monde.contrats.propre;
  // Someone to invite to the closing séance.
  const { rows } = await serveur.ctx.db.query(
    `insert into personnes (prenom, nom, email) values ('Inès', 'Invitée', 'ines.invitee@exemple.fr') returning id`,
  );
  await serveur.ctx.db.query('insert into membres_instance (instance_id, personne_id, role) values ($1, $2, $3)', [
    fixture.instanceId,
    rows[0].id,
    'membre',
  ]);
}, 180_000);
afterAll(() => serveur?.fermer());

/** The own contract, échu since the end of 2025, reset before each call: a renewal moves it on and gives it a successor. */
async function clore() {
  await serveur.ctx.db.query('delete from contrats where predecesseur_id = $1', [fixture.id]);
  await serveur.ctx.db.query(`update contrats set statut = 'echu', periode_fin = '2025-12-31' where id = $1`, [fixture.id]);
}
const dernierAudit = async () => Number((await serveur.ctx.db.query('select coalesce(max(id), 0) as id from audit_evenements')).rows[0].id);

async function appeler(
  cle: string,
  entree: EntreeRoute,
  chemin: string,
  corps?: unknown,
  par: NomSujet = 'coordination',
): Promise<Reponse> {
  const [methode] = cle.split(' ');
  const coordination = clients[par];
  const outils: Outils = { serveur, admin: clients.admin, monde, unique: () => `clos${(compteur++).toString(36)}` };
  if (entree.multipart) return coordination.multipart(chemin, entree.multipart(outils, fixture));
  const donnees = corps ?? (entree.corps ? await entree.corps(outils, fixture) : {});
  return methode === 'PUT' ? coordination.put(chemin, donnees) : coordination.post(chemin, donnees);
}

function verifier(cle: string, attendu: 'refuse' | 'accepte', r: Reponse, ecrits: number, ecarts: string[]) {
  const lu = `${cle}: attendu ${attendu}, reçu ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
  if (attendu === 'accepte' && (r.status < 200 || r.status >= 300)) ecarts.push(lu);
  if (attendu === 'refuse') {
    if (
      r.status !== 409 ||
      !/^application\/problem\+json/.test(r.headers.get('content-type') ?? '') ||
      !/contrat/i.test(r.body?.detail ?? '')
    )
      ecarts.push(lu);
    if (ecrits) ecarts.push(`${cle}: refusé mais ${ecrits} événement(s) d’audit écrit(s)`);
  }
}

describe('un contrat échu sur chaque route de création', () => {
  it('chaque route de création du tableau des routes de contrat a sa réponse décidée', () => {
    const creations = Object.entries({ ...ROUTES_CONTRATS, ...ROUTES_PARCOURS })
      .filter(([cle, e]) => e.portee === 'contrat' && estCreation(cle))
      .map(([cle]) => cle);
    expect(
      creations.filter((c) => !SI_CLOS[c]),
      'Routes de création à décider pour un contrat clos (décision 0006)',
    ).toEqual([]);
    expect(
      Object.keys(SI_CLOS).filter((c) => !creations.includes(c)),
      'Routes décidées qui ne sont plus des créations du tableau',
    ).toEqual([]);
  });

  it('refuse en 409 français sans rien écrire ce qui le prolongerait, accepte ce qui le clôt', async () => {
    const ecarts: string[] = [];
    let refus = 0;
    let acceptes = 0;
    for (const [cle, attendu] of Object.entries(SI_CLOS)) {
      if (typeof attendu !== 'string') continue;
      const entree = ROUTES[cle];
      await clore();
      const special = DERNIERE_PERIODE[cle]?.(fixture);
      const chemin = special?.chemin ?? (entree.chemin ? entree.chemin(monde, fixture) : cheminPar(cle.split(' ')[1], monde, fixture));
      const avant = await dernierAudit();
      const r = await appeler(cle, entree, chemin, special?.corps, special?.par);
      verifier(cle, attendu, r, (await dernierAudit()) - avant, ecarts);
      if (attendu === 'refuse') refus++;
      else acceptes++;
    }
    for (const [cle, chemin, corps] of APRES_LA_FIN) {
      await clore();
      const avant = await dernierAudit();
      const r = await appeler(cle, ROUTES[cle], chemin(fixture), corps);
      verifier(`${cle} (après la fin)`, 'refuse', r, (await dernierAudit()) - avant, ecarts);
      if (r.status === 409) expect(r.body.detail).toMatch(/commence après/);
    }
    expect(ecarts).toEqual([]);
    // Both sides exercised: a rule that refused everything, or nothing, would fail here.
    expect(refus).toBeGreaterThan(15);
    expect(acceptes).toBeGreaterThan(10);
  }, 300_000);
});

describe('annuaire des personnes', () => {
  it('ne donne aucune adresse e-mail à un lecteur, et en donne à l’administration', async () => {
    const lecteur = await clients.lecteur.get('/api/personnes');
    expect(lecteur.status).toBe(200);
    expect(lecteur.body.length).toBeGreaterThan(0);
    expect(JSON.stringify(lecteur.body)).not.toMatch(/@/);
    const admin = await clients.admin.get('/api/personnes');
    expect(admin.body.some((p: { email: string | null }) => p.email?.includes('@'))).toBe(true);
  });
});
