import type { Habilitation, Sujet } from '@maillage/domain';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../harness';
import { EMAIL_AUTRE_EQUIPE, EMAIL_COORDINATION_APPUI, EMAIL_GESTIONNAIRE_APPUI } from './appui-regles';

/**
 * The world the robustness suite runs in: the demo data, plus three contracts built the same way —
 * « propre » (Bretagne, where the demo users hold their roles), « autre » (Occitanie, nobody's) and « publie »
 * (Auvergne-Rhône-Alpes, nobody's but published) — each with one of everything a route can address.
 */
export type Cas = 'propre' | 'autre' | 'publie';
export const CAS: Cas[] = ['propre', 'autre', 'publie'];

export interface ContratFixture {
  id: string;
  /** The body it was created with: a valid PUT body once given a version. */
  saisie: Record<string, unknown>;
  axeId: string;
  objectifId: string;
  ficheId: string;
  signataireId: string;
  partenaireId: string;
  avenantId: string | null;
  instanceId: string;
  membreId: string;
  seanceId: string;
  posteId: string;
  ligneId: string;
  indicateurSuiviId: string;
  valeurId: string;
  campagneId: string;
  evaluationId: string;
  fichierId: string;
  verbatimId: string;
  rencontreId: string;
  constatId: string;
  besoinId: string;
  prioriteId: string;
  offreId: string;
  evaluationPrevueId: string;
  dispositifId: string;
  /** A parcours of the contract (issue 17), its first step and a rupture on it. */
  parcoursId: string;
  etapeId: string;
  ruptureId: string;
  jetonCalendrier: string;
  /** An open consultation of the contract (issue 20), with one free-text question. */
  consultationId: string;
  /** A temps public and an opinion waiting for moderation (issue 20). */
  tempsPublicId: string;
  avisId: string;
}

export interface Monde {
  contrats: Record<Cas, ContratFixture>;
  organisations: { redon: string; chRedon: string; cpam: string; ars: string; arsOccitanie: string; arsAra: string; autre: string };
  personneId: string;
  utilisateurVictime: string;
  /** A valid body to create a contract in Bretagne. */
  saisieContrat: Record<string, unknown>;
  codeIndicateur: string;
  /**
   * The demo's support team (issue 18), its first case and request, an orientation, a staff member, its coordinator
   * and case manager (référent of that case), and another team (whose coordinator is the subject « autreEquipe »).
   */
  appui: {
    equipe: string;
    situation: string;
    demande: string;
    orientation: string;
    membre: string;
    coordinateur: string;
    gestionnaire: string;
    autreEquipe: string;
  };
}

export const SUJETS = [
  'anonyme',
  'admin',
  'ars',
  'coordination',
  'referentArs',
  'pilote',
  'cpam',
  'membre',
  'lecteur',
  // A support team's staff (issue 18): the demo case's référent, the team's coordinator, another team's coordinator.
  'referentAppui',
  'coordinationAppui',
  'autreEquipe',
] as const;
export type NomSujet = (typeof SUJETS)[number];
export const EMAILS: Record<Exclude<NomSujet, 'anonyme'>, string> = {
  admin: DEMO.admin,
  ars: DEMO.ars,
  coordination: DEMO.coordination,
  referentArs: DEMO.referentArs,
  pilote: DEMO.pilote,
  cpam: DEMO.cpam,
  membre: 'membre@demo.maillage.fr',
  lecteur: DEMO.lecteur,
  referentAppui: EMAIL_GESTIONNAIRE_APPUI,
  coordinationAppui: EMAIL_COORDINATION_APPUI,
  autreEquipe: EMAIL_AUTRE_EQUIPE,
};

/** What the permission rules know of a user, read from the database as the server reads it. */
export async function sujetDe(serveur: ServeurDeTest, email: string): Promise<Sujet> {
  const { rows } = await serveur.ctx.db.query(
    `select u.id, p.organisation_id as "organisationId", o.type as "organisationType",
       coalesce(json_agg(json_build_object('role', h.role, 'regionCode', h.region_code, 'organisationId', h.organisation_id, 'contratId', h.contrat_id)) filter (where h.id is not null), '[]') as habilitations
     from utilisateurs u join personnes p on p.id = u.personne_id left join organisations o on o.id = p.organisation_id
     left join habilitations h on h.utilisateur_id = u.id where u.email = $1 group by u.id, p.organisation_id, o.type`,
    [email],
  );
  const u = rows[0];
  const habilitations = (u.habilitations as Record<string, string | null>[]).map((h) =>
    Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null)),
  ) as unknown as Habilitation[];
  return { userId: u.id, organisationId: u.organisationId, organisationType: u.organisationType, habilitations };
}

async function organisation(serveur: ServeurDeTest, nom: string, type = 'autre', region: string | null = null) {
  const { rows } = await serveur.ctx.db.query('select id from organisations where nom = $1', [nom]);
  if (rows[0]) return rows[0].id as string;
  const cree = await serveur.ctx.db.query('insert into organisations (nom, type, region_code) values ($1, $2, $3) returning id', [
    nom,
    type,
    region,
  ]);
  return cree.rows[0].id as string;
}

async function epciDe(serveur: ServeurDeTest, region: string) {
  const { rows } = await serveur.ctx.db.query(
    `select code from territoires where type = 'epci' and region_code = $1 order by population limit 1`,
    [region],
  );
  return rows[0].code as string;
}

function exiger<T = any>(r: { status: number; body: T }, attendu: number, quoi: string): T {
  if (r.status !== attendu) throw new Error(`Préparation du monde : ${quoi} → ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

/** One contract with one of everything, created through the API by `auteur` (who becomes its coordinator unless admin). */
async function construireContrat(
  serveur: ServeurDeTest,
  admin: ClientHttp,
  auteur: ClientHttp,
  m: Omit<Monde, 'contrats' | 'saisieContrat'>,
  cas: Cas,
): Promise<ContratFixture> {
  const region = { propre: '53', autre: '76', publie: '84' }[cas];
  const ars = { propre: m.organisations.ars, autre: m.organisations.arsOccitanie, publie: m.organisations.arsAra }[cas];
  const porteur = await organisation(serveur, `Communauté de communes du monde ${cas}`, 'epci', region);
  const saisie = {
    intitule: `Contrat local de santé du monde ${cas}`,
    perimetre: { epci: [await epciDe(serveur, region)], communes: [] },
    generation: 1,
    arsIds: [ars],
    porteursIds: [porteur],
    periode: { debut: '2025-01-01', fin: '2029-12-31' },
    publie: cas === 'publie',
  };
  // Published only once its ARS has confirmed (no ARS Auvergne-Rhône-Alpes agent here: its answer is written directly).
  const contrat = exiger(await auteur.post('/api/contrats', { ...saisie, publie: false }), 201, `contrat ${cas}`);
  const id: string = contrat.id;
  if (saisie.publie) {
    await serveur.ctx.db.query(`update confirmations_parties set statut = 'confirme' where contrat_id = $1 and role = 'ars'`, [id]);
    exiger(await admin.put(`/api/contrats/${id}/publication`, { publie: true }), 200, 'publication');
  }
  // Under way: follow-up campaigns open on contracts in élaboration or signed.
  await serveur.ctx.db.query(`update contrats set statut = 'elaboration' where id = $1`, [id]);
  const c = (chemin: string) => `/api/contrats/${id}${chemin}`;
  const axe = exiger(await admin.post(c('/axes'), { intitule: 'Accès aux soins' }), 201, 'axe');
  const objectif = exiger(
    await admin.post(c(`/axes/${axe.id}/objectifs`), { intitule: 'Attirer des médecins', objectifsOperationnels: [] }),
    201,
    'objectif',
  );
  // The pilote of the own contract's fiche is the demo pilote's hospital; CPAM 35 is a partner there only.
  const pilote = cas === 'propre' ? m.organisations.chRedon : m.organisations.autre;
  const fiche = exiger(
    await admin.post(c('/fiches'), {
      intitule: 'Promouvoir la vaccination',
      axeId: axe.id,
      objectifId: objectif.id,
      statut: 'en_cours',
      pilotes: [{ organisationId: pilote }],
    }),
    201,
    'fiche',
  );
  const signataire = exiger(await admin.post(c('/signataires'), { organisationId: ars }), 201, 'signataire');
  const partenaire = exiger(
    await admin.post(c('/partenaires'), {
      organisationId: cas === 'propre' ? m.organisations.cpam : m.organisations.autre,
      role: 'financeur',
    }),
    201,
    'partenaire',
  );
  const instance = exiger(await admin.post(c('/instances'), { type: 'copil', nom: 'COPIL', frequenceParAn: 2 }), 201, 'instance');
  const membre = exiger(
    await admin.post(c(`/instances/${instance.id}/membres`), { organisationId: porteur, role: 'porteur' }),
    201,
    'membre',
  );
  const seance = exiger(
    await admin.post(c('/seances'), {
      instanceId: instance.id,
      debut: '2030-07-01T14:00:00Z',
      fin: '2030-07-01T16:00:00Z',
      lieu: 'Mairie',
      ordreDuJour: [{ intitule: 'Bilan' }],
    }),
    201,
    'séance',
  );
  const poste = exiger(
    await admin.post(c('/coordination'), {
      personne: 'Camille Coordination',
      employeurId: porteur,
      etp: 1,
      cofinancements: [],
      debut: '2025-01-01',
    }),
    201,
    'poste',
  );
  const ligne = exiger(
    await admin.post(c('/financements'), {
      objet: 'coordination',
      financeurLibelle: 'ARS',
      dispositif: 'FIR',
      annee: 2026,
      montantCentimes: 100,
      nature: 'fonctionnement',
      statut: 'prevu',
    }),
    201,
    'financement',
  );
  const indicateur = exiger(
    await admin.post(`/api/fiches/${fiche.id}/indicateurs-suivi`, {
      libelle: 'Ateliers tenus',
      type: 'activite',
      cibles: [{ periode: '2025', valeur: 10 }],
    }),
    201,
    'indicateur',
  );
  // The admin may not enter follow-up: the value is written by the author when it is a coordinator, else directly.
  const { rows: valeur } = await serveur.ctx.db.query(
    `insert into valeurs_suivi (indicateur_id, periode, valeur) values ($1, '2025', 4) returning id`,
    [indicateur.id],
  );
  await serveur.ctx.db.query(`insert into bilans_fiche (fiche_id, periode, recit) values ($1, '2025', 'Bilan') `, [fiche.id]);
  const { rows: campagne } = await serveur.ctx.db.query(
    `insert into campagnes_suivi (contrat_id, periode, echeance, ouverte_par) values ($1, '2025', '2031-01-31', 'Monde') returning id`,
    [id],
  );
  const evaluation = exiger(
    await admin.post(c('/evaluations'), { type: 'intermediaire', intitule: 'Évaluation à mi-parcours' }),
    201,
    'évaluation',
  );
  const fichier = exiger(
    await admin.multipart(c('/fichiers'), {
      fichier: { nom: 'note.pdf', contenu: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1)]) },
    }),
    201,
    'fichier',
  );
  const verbatim = exiger(
    await admin.post(c('/verbatims'), { texte: 'Trois mois pour un rendez-vous.', locuteur: 'habitant' }),
    201,
    'verbatim',
  );
  const rencontre = exiger(await admin.post(c('/rencontres'), { type: 'entretien', titre: 'Entretien avec la MSP' }), 201, 'rencontre');
  const constat = exiger(await admin.post(c('/constats'), { intitule: 'Peu de médecins', verbatims: [verbatim.id] }), 201, 'constat');
  const besoin = exiger(await admin.post(c('/besoins'), { intitule: 'Attirer des médecins', constats: [constat.id] }), 201, 'besoin');
  const priorite = exiger(
    await admin.post(c('/priorites'), { intitule: 'Premier recours', besoins: [besoin.id], axes: [axe.id] }),
    201,
    'priorité',
  );
  const offre = exiger(
    await admin.post(`/api/organisations/${pilote}/offres`, { intitule: `Offre ${cas}`, description: 'Prévention' }),
    201,
    'offre',
  );
  const evaluationPrevue = exiger(
    await admin.post(c('/evaluations-prevues'), {
      type: 'finale',
      moment: 'En fin de contrat',
      evaluateurType: 'externe',
      questions: ['Les actions ont-elles réduit les inégalités ?'],
    }),
    201,
    'évaluation prévue',
  );
  const dispositif = exiger(
    await admin.post(c('/dispositifs-territoriaux'), { type: 'cpts', nom: `CPTS du monde ${cas}` }),
    201,
    'dispositif',
  );
  const parcours = exiger(
    await admin.post(c('/parcours'), { titre: `Parcours du monde ${cas}`, etapes: [{ code: 'information' }, { code: 'soins' }] }),
    201,
    'parcours',
  );
  const { rows: etapes } = await serveur.ctx.db.query('select id from parcours_etapes where parcours_id = $1 order by position', [
    parcours.id,
  ]);
  const rupture = exiger(
    await admin.post(`/api/parcours/${parcours.id}/ruptures`, { etapeId: etapes[0].id, description: `Rupture du monde ${cas}` }),
    201,
    'rupture',
  );
  const { rows: jeton } = await serveur.ctx.db.query('select jeton_calendrier as jeton from instances where id = $1', [instance.id]);
  const consultation = exiger(await admin.post(c('/consultations'), { titre: `Consultation du monde ${cas}` }), 201, 'consultation');
  exiger(
    await admin.put(`/api/consultations/${consultation.id}/questionnaire`, {
      sections: [{ questions: [{ type: 'texte_long', libelle: 'Qu’attendez-vous du contrat ?' }] }],
      version: consultation.version,
    }),
    200,
    'questionnaire',
  );
  exiger(
    await admin.post(`/api/consultations/${consultation.id}/ouverture`, {
      debut: '2024-01-01',
      fin: '2099-12-31',
      version: consultation.version + 1,
    }),
    200,
    'ouverture',
  );
  const tempsPublic = exiger(
    await admin.post(c('/temps-publics'), { type: 'forum', intitule: `Forum du monde ${cas}`, dateTenue: '2026-03-12' }),
    201,
    'temps public',
  );
  // Straight into the table: the contract of each case is not necessarily published, and the public route needs it.
  const { rows: avis } = await serveur.ctx.db.query(
    `insert into avis (contrat_id, nature, texte) values ($1, 'avis', 'Un avis à modérer sur ce contrat.') returning id`,
    [id],
  );
  if (cas === 'propre') {
    // The demo users' roles, as on Redon's contracts.
    for (const [email, role] of [
      [DEMO.referentArs, 'referent_ars'],
      [DEMO.pilote, 'pilote'],
      ['membre@demo.maillage.fr', 'membre'],
      [DEMO.lecteur, 'lecteur'],
    ] as const)
      await serveur.ctx.db.query(
        `insert into habilitations (utilisateur_id, role, contrat_id) select id, $2, $3 from utilisateurs where email = $1 on conflict do nothing`,
        [email, role, id],
      );
  }
  return {
    id,
    saisie,
    axeId: axe.id,
    objectifId: objectif.id,
    ficheId: fiche.id,
    signataireId: signataire.id,
    partenaireId: partenaire.id,
    avenantId: null,
    instanceId: instance.id,
    membreId: membre.id,
    seanceId: seance.id,
    posteId: poste.id,
    ligneId: ligne.id,
    indicateurSuiviId: indicateur.id,
    valeurId: valeur[0].id,
    campagneId: campagne[0].id,
    evaluationId: evaluation.id,
    fichierId: fichier.id,
    verbatimId: verbatim.id,
    rencontreId: rencontre.id,
    constatId: constat.id,
    besoinId: besoin.id,
    prioriteId: priorite.id,
    offreId: offre.id,
    evaluationPrevueId: evaluationPrevue.id,
    dispositifId: dispositif.id,
    parcoursId: parcours.id,
    etapeId: etapes[0].id,
    ruptureId: rupture.id,
    jetonCalendrier: jeton[0].jeton,
    consultationId: consultation.id,
    tempsPublicId: tempsPublic.id,
    avisId: avis[0].id,
  };
}

async function appuiDemo(serveur: ServeurDeTest): Promise<Monde['appui']> {
  const { rows } = await serveur.ctx.db.query(
    `select s.organisation_id as equipe, s.id as situation, s.demande_id as demande,
            (select o.id from appui_orientations o where o.situation_id = s.id limit 1) as orientation,
            (select m.utilisateur_id from appui_membres m where m.organisation_id = s.organisation_id limit 1) as membre,
            (select id from utilisateurs where email = $1) as coordinateur,
            (select id from utilisateurs where email = $2) as gestionnaire,
            (select m.organisation_id from appui_membres m join utilisateurs u on u.id = m.utilisateur_id where u.email = $3) as "autreEquipe"
       from appui_situations s order by s.numero limit 1`,
    [EMAIL_COORDINATION_APPUI, EMAIL_GESTIONNAIRE_APPUI, EMAIL_AUTRE_EQUIPE],
  );
  return rows[0];
}

/** Another support team and its coordinator, with the demo password, before the subjects log in. */
async function autreEquipe(serveur: ServeurDeTest, admin: ClientHttp) {
  const organisationId = await organisation(serveur, 'Dispositif d’appui de la matrice', 'dac', '53');
  exiger(await admin.post('/api/appui/equipes', { organisationId }), 201, 'autre équipe');
  const compte = exiger(
    await admin.post('/api/utilisateurs', {
      email: EMAIL_AUTRE_EQUIPE,
      prenom: 'Agathe',
      nom: 'Autre-Équipe',
      organisationId,
      password: 'maillage-demo-2026',
      habilitations: [],
    }),
    201,
    'compte de l’autre équipe',
  );
  exiger(await admin.put(`/api/appui/equipes/${organisationId}/membres/${compte.id}`, { role: 'coordinateur_appui' }), 200, 'membre');
}

export async function construireMonde(serveur: ServeurDeTest, clients: Record<NomSujet, ClientHttp>): Promise<Monde> {
  const base = {
    organisations: {
      redon: await organisation(serveur, 'Redon Agglomération'),
      chRedon: await organisation(serveur, 'Centre hospitalier de Redon'),
      cpam: await organisation(serveur, 'CPAM d’Ille-et-Vilaine'),
      ars: await organisation(serveur, 'ARS Bretagne'),
      arsOccitanie: await organisation(serveur, 'ARS Occitanie', 'ars', '76'),
      arsAra: await organisation(serveur, 'ARS Auvergne-Rhône-Alpes', 'ars', '84'),
      autre: await organisation(serveur, 'Association du monde autre', 'association', '76'),
    },
    personneId: '',
    utilisateurVictime: '',
    codeIndicateur: 'densite_mg_liberaux',
    appui: await appuiDemo(serveur),
  };
  const personne = exiger(
    await clients.admin.post('/api/personnes', { prenom: 'Paul', nom: 'Personne', organisationId: base.organisations.autre }),
    201,
    'personne',
  );
  base.personneId = personne.id;
  const victime = exiger(
    await clients.admin.post('/api/utilisateurs', { email: 'victime@exemple.fr', prenom: 'Victor', nom: 'Victime' }),
    201,
    'utilisateur',
  );
  base.utilisateurVictime = victime.id;
  const contrats = {
    propre: await construireContrat(serveur, clients.admin, clients.coordination, base, 'propre'),
    autre: await construireContrat(serveur, clients.admin, clients.admin, base, 'autre'),
    publie: await construireContrat(serveur, clients.admin, clients.admin, base, 'publie'),
  };
  return { ...base, contrats, saisieContrat: contrats.propre.saisie };
}

export interface Banc {
  serveur: ServeurDeTest;
  monde: Monde;
  clients: Record<NomSujet, ClientHttp>;
  sujets: Record<NomSujet, Sujet | null>;
}

/** A server on a fresh database with the demo data, every subject logged in, and the world built. */
export async function preparerBanc(): Promise<Banc> {
  const serveur = await demarrerServeurDeTest();
  const clients = {} as Record<NomSujet, ClientHttp>;
  const sujets = {} as Record<NomSujet, Sujet | null>;
  const admin = serveur.client();
  await admin.connecter(EMAILS.admin);
  await autreEquipe(serveur, admin);
  for (const nom of SUJETS) {
    clients[nom] = serveur.client();
    if (nom !== 'anonyme') await clients[nom].connecter(EMAILS[nom]);
  }
  const monde = await construireMonde(serveur, clients);
  // Read after the world is built: the own contract's roles were granted then, and the server reads them per request.
  for (const nom of SUJETS) sujets[nom] = nom === 'anonyme' ? null : await sujetDe(serveur, EMAILS[nom]);
  return { serveur, monde, clients, sujets };
}
