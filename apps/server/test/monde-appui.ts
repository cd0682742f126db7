import { randomUUID } from 'node:crypto';
import { DEMO, type ClientHttp, type ServeurDeTest } from './harness';
import type { Marqueurs } from './fuites';
import type { Valeurs } from './fuites-appels';

/**
 * The world of the leak tests (issue 18 item 9): two support teams, their staff, a GP who sends a request, and one
 * case followed through the API with a marker planted in every nominative or health field it takes. Who calls:
 * - `referent` and `intervenant` follow the case (they must see the markers: the test's positive control);
 * - `medecin` sent the request: the acknowledgement, nothing the team wrote afterwards;
 * - everyone else must see none of them: the platform roles (admin, ARS, CLS coordinator, pilote, partner), the
 *   public, API tokens (even the référent's), the other team's coordinator and a member of the same team who is
 *   neither référent nor assigned and declared no reason.
 */

export const SUJETS_SANS_ACCES = [
  'anonyme',
  'admin',
  'ars',
  'coordination',
  'pilote',
  'partenaire',
  'autreEquipe',
  'collegue',
  'jetonReferent',
  'jetonArs',
] as const;
export const SUJETS_AVEC_ACCES = ['referent', 'intervenant'] as const;
export type NomSujet = (typeof SUJETS_SANS_ACCES)[number] | (typeof SUJETS_AVEC_ACCES)[number] | 'medecin' | 'collegueMotif' | 'coordA';

/** What the GP who sent the request may read back: what they typed (the person, the reason), nothing the team wrote. */
export const ECRITS_PAR_LE_MEDECIN: (keyof Marqueurs)[] = ['nom', 'nomUsage', 'prenom', 'ins', 'motif'];

export interface MondeAppui {
  clients: Record<NomSujet, ClientHttp>;
  /** Path and query values: the case, its request, the team… (see fuites-appels.ts valeurParametre). */
  valeurs: Valeurs;
  /** The same with the other request (taken by phone, with a caller): its routes are called for both. */
  valeursDemande2: Valeurs;
  /** Markers actually planted (a route missing from the module leaves its marker out, and says so). */
  plantes: (keyof Marqueurs)[];
}

const MOT_DE_PASSE = 'fuites-appui-2026-solide';

/**
 * A POST as the web app sends it, with an Idempotency-Key (apps/web/src/api/client.ts): its answer is then kept in the
 * idempotency table, which the storage check reads.
 */
async function poster(client: ClientHttp, chemin: string, corps: unknown) {
  const r = await fetch(client.base + chemin, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    body: JSON.stringify(corps),
  });
  const texte = await r.text();
  return { status: r.status, body: texte ? JSON.parse(texte) : null };
}

function exiger<T = any>(r: { status: number; body: T }, attendus: number[], quoi: string): T {
  if (!attendus.includes(r.status)) throw new Error(`Monde appui : ${quoi} → ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

async function organisation(serveur: ServeurDeTest, nom: string) {
  const { rows } = await serveur.ctx.db.query(
    `insert into organisations (nom, type, region_code) values ($1, 'autre', '53') returning id`,
    [nom],
  );
  return rows[0].id as string;
}

async function compte(serveur: ServeurDeTest, admin: ClientHttp, nom: string, organisationId: string | null) {
  const email = `${nom.toLowerCase()}.fuites@exemple.fr`;
  const cree = exiger(
    await admin.post('/api/utilisateurs', { email, prenom: 'Agent', nom, organisationId, password: MOT_DE_PASSE, habilitations: [] }),
    [201],
    `compte ${nom}`,
  );
  const client = serveur.client();
  await client.connecter(email, MOT_DE_PASSE);
  return { id: cree.id as string, client };
}

async function jeton(serveur: ServeurDeTest, client: ClientHttp) {
  const j = serveur.client();
  j.bearer = exiger(await client.post('/api/moi/jetons', { libelle: 'Script de fuites' }), [201], 'jeton').jeton;
  return j;
}

async function connecte(serveur: ServeurDeTest, email: string) {
  const c = serveur.client();
  await c.connecter(email);
  return c;
}

export async function construireMondeAppui(serveur: ServeurDeTest, m: Marqueurs): Promise<MondeAppui> {
  const admin = await connecte(serveur, DEMO.admin);
  const plantes: (keyof Marqueurs)[] = [];
  const equipeA = await organisation(serveur, 'Dispositif d’appui à la coordination des fuites');
  const equipeB = await organisation(serveur, 'Dispositif d’appui voisin');
  for (const id of [equipeA, equipeB])
    exiger(await admin.post('/api/appui/equipes', { organisationId: id, telephone: '02 99 00 00 00' }), [201], 'équipe');
  const membres: Record<string, { id: string; client: ClientHttp }> = {};
  for (const [nom, equipe, role] of [
    ['CoordA', equipeA, 'coordinateur_appui'],
    ['Referent', equipeA, 'gestionnaire_cas'],
    ['Intervenant', equipeA, 'gestionnaire_cas'],
    ['Collegue', equipeA, 'gestionnaire_cas'],
    ['CollegueMotif', equipeA, 'gestionnaire_cas'],
    ['AutreEquipe', equipeB, 'coordinateur_appui'],
  ] as const) {
    membres[nom] = await compte(serveur, admin, nom, equipe);
    exiger(await admin.put(`/api/appui/equipes/${equipe}/membres/${membres[nom].id}`, { role }), [200], `membre ${nom}`);
  }
  const medecin = await compte(serveur, admin, 'Medecin', null);
  const referent = membres.Referent.client;

  // The GP's request, from the form: the person and the reason.
  const personne = {
    nom: m.nom,
    nomUsage: m.nomUsage,
    prenoms: m.prenom,
    dateNaissance: '1941-07-14',
    sexe: 'F',
    communeCode: '35236',
    ins: m.ins,
  };
  const demande = exiger(
    await poster(medecin.client, '/api/appui/demandes', {
      equipeId: equipeA,
      origine: 'medecin_traitant',
      canal: 'formulaire',
      personne,
      motif: m.motif,
      urgence: 'rapide',
      medecinTraitant: { nom: 'Docteur Généraliste', courriel: 'medecin.fuites@exemple.fr' },
    }),
    [201],
    'demande du médecin',
  );
  plantes.push('nom', 'nomUsage', 'prenom', 'ins', 'motif');
  // A call taken by the référent: the caller is a carer, named, with a phone number.
  const demande2 = exiger(
    await poster(referent, '/api/appui/demandes', {
      equipeId: equipeA,
      origine: 'aidant',
      canal: 'telephone',
      demandeur: { nom: m.demandeur, qualite: 'Fille', telephone: m.telephone },
      personne,
      motif: m.motif,
      urgence: 'normale',
    }),
    [201],
    'demande par téléphone',
  );
  plantes.push('demandeur', 'telephone');

  const coordA = membres.CoordA.client;
  const version = async (c: ClientHttp, chemin: string) => exiger(await c.get(chemin), [200], chemin).version as number;
  const d = `/api/appui/demandes/${demande.id}`;
  exiger(await poster(coordA, `${d}/referent`, { referentId: membres.Referent.id, version: await version(coordA, d) }), [200], 'référent');
  exiger(await poster(referent, `${d}/premier-contact`, { version: await version(referent, d) }), [200], 'premier contact');
  const situation = exiger(await poster(referent, `${d}/situation`, { version: await version(referent, d) }), [201], 'ouverture');
  const s = `/api/appui/situations/${situation.id}`;
  exiger(
    await referent.put(`${s}/intervenants`, { intervenants: [membres.Intervenant.id], version: await version(referent, s) }),
    [200],
    'intervenants',
  );
  const grille = { medicale: 3, psychologique: 2, sociale: 3, environnementale: 1, fonctionnelle: 3, urgence: 'rapide' };
  exiger(await poster(referent, `${s}/evaluations`, { ...grille, commentaire: m.commentaireEvaluation }), [201], 'évaluation');
  plantes.push('commentaireEvaluation');
  const { rows } = await serveur.ctx.db.query(`select id from ressources order by nom limit 1`);
  const orientation = exiger(
    await poster(referent, `${s}/orientations`, { ressourceId: rows[0].id, commentaire: m.commentaireOrientation }),
    [201],
    'orientation',
  );
  plantes.push('commentaireOrientation');
  exiger(
    await referent.put(`${s}/information`, {
      informeeLe: '2026-03-02',
      oppositionLe: '2026-03-03',
      oppositionMotif: m.opposition,
      version: await version(referent, s),
    }),
    [200],
    'information',
  );
  plantes.push('opposition');
  const collegueMotif = membres.CollegueMotif.client;
  exiger(await poster(collegueMotif, `${s}/motif-acces`, { motif: m.motifDeclare }), [201], 'motif déclaré');
  exiger(await collegueMotif.get(s), [200], 'lecture après motif');
  plantes.push('motifDeclare');

  // The plan, a concertation (a carer named among its participants), then the closure: the routes of the plan part.
  exiger(
    await referent.put(`${s}/plan`, {
      version: 0,
      contenu: {
        referent: 'Agent Referent, gestionnaire de cas',
        evaluationGlobale: m.plan,
        problemes: [{ probleme: 'Isolement', besoins: 'Passage quotidien' }],
        suivi: [{ date: '2026-03-05', note: m.note }],
      },
    }),
    [200, 201],
    'plan',
  );
  plantes.push('plan', 'note');
  exiger(
    await poster(referent, `${s}/concertations`, {
      date: '2026-03-06',
      participants: [
        { categorie: 'professionnel', nom: 'Docteur Généraliste', qualite: 'Médecin traitant' },
        { categorie: 'aidant', nom: m.participant, qualite: 'Fille' },
      ],
      decisions: m.concertation,
    }),
    [201],
    'concertation',
  );
  plantes.push('participant', 'concertation');
  const lue = exiger(await referent.get(s), [200], 'situation');
  exiger(await poster(referent, `${s}/cloture`, { motif: 'autre', precision: m.cloture, version: lue.version }), [200, 201], 'clôture');
  plantes.push('cloture');

  const valeurs: Valeurs = {
    equipeId: equipeA,
    equipe: equipeA,
    demandeId: demande.id,
    situationId: situation.id,
    orientationId: orientation.id ?? orientation.orientations?.at(-1)?.id,
    personneId: lue.personneId,
  };
  return {
    clients: {
      anonyme: serveur.client(),
      admin,
      ars: await connecte(serveur, DEMO.ars),
      coordination: await connecte(serveur, DEMO.coordination),
      pilote: await connecte(serveur, DEMO.pilote),
      partenaire: await connecte(serveur, DEMO.cpam),
      autreEquipe: membres.AutreEquipe.client,
      collegue: membres.Collegue.client,
      jetonReferent: await jeton(serveur, referent),
      jetonArs: await jeton(serveur, await connecte(serveur, DEMO.ars)),
      referent,
      intervenant: membres.Intervenant.client,
      medecin: medecin.client,
      collegueMotif,
      coordA,
    },
    valeurs,
    valeursDemande2: { ...valeurs, demandeId: demande2.id },
    plantes,
  };
}
