import { can } from '@maillage/domain';
import { DEMO } from '../harness';
import { connecte, contrat, creer, fiche, lire, publique, refFiche, regle, type EntreeRoute } from './regles';

/** The routes that address no contract: authentication, référentiel, directory, catalogue, portfolio, library, open data. */
export const ROUTES_GLOBALES: Record<string, EntreeRoute> = {
  // Authentication and the user's own things.
  'POST /api/auth/login': {
    attendu: publique,
    portee: 'global',
    corps: () => ({ email: DEMO.lecteur, password: 'maillage-demo-2026' }),
    sessionJetable: true,
    sansAudit: 'une connexion ouvre une session, tracée dans la table des sessions',
  },
  'POST /api/auth/logout': { attendu: publique, portee: 'global', sessionJetable: true, sansAudit: 'une déconnexion ferme une session' },
  'POST /api/auth/mot-de-passe/demande': {
    attendu: publique,
    portee: 'global',
    corps: () => ({ email: 'personne@exemple.fr' }),
    sansAudit: 'la demande envoie un courriel, elle ne change rien',
  },
  'POST /api/auth/mot-de-passe/reinitialisation': {
    attendu: publique,
    portee: 'global',
    corps: () => ({ token: 'a'.repeat(43), password: 'un-mot-de-passe-solide-2026' }),
    sansAudit: 'un jeton inconnu ne change rien',
  },
  'GET /api/auth/session': { attendu: connecte, portee: 'global' },
  // OpenID Connect (issue 19): off in the bench (no provider configured), hence 404; oidc.test.ts runs them with a provider.
  'GET /api/auth/oidc/fournisseurs': { attendu: publique, portee: 'global' },
  'GET /api/auth/oidc/:fournisseur/connexion': {
    attendu: publique,
    portee: 'global',
    chemin: () => '/api/auth/oidc/proconnect/connexion',
    absentPossible: true,
  },
  'GET /api/auth/oidc/:fournisseur/retour': {
    attendu: publique,
    portee: 'global',
    chemin: () => '/api/auth/oidc/proconnect/retour?code=x&state=inconnu',
    absentPossible: true,
  },
  'POST /api/auth/oidc/deconnexion': { attendu: publique, portee: 'global', sessionJetable: true },
  'GET /api/moi/jetons': { attendu: connecte, portee: 'global' },
  'POST /api/moi/jetons': { attendu: connecte, portee: 'global', corps: (o) => ({ libelle: `Jeton ${o.unique()}` }) },
  'DELETE /api/moi/jetons/:id': {
    attendu: connecte,
    portee: 'global',
    // Each subject deletes a token of its own (an anonymous visitor, the admin's).
    victime: async (o, _f, sujet) => {
      const { rows } = await o.serveur.ctx.db.query(
        `insert into jetons_api (utilisateur_id, libelle, prefixe, token_hash) values ($1, 'victime', 'mlg_vict', $2) returning id`,
        [
          sujet?.userId ?? (await o.serveur.ctx.db.query(`select id from utilisateurs where email = $1`, [DEMO.admin])).rows[0].id,
          Buffer.from(o.unique().padEnd(32, 'x')),
        ],
      );
      return `/api/moi/jetons/${rows[0].id}`;
    },
  },
  'POST /api/moi/mot-de-passe': {
    attendu: connecte,
    portee: 'global',
    corps: () => ({ ancien: 'maillage-demo-2026', nouveau: 'maillage-demo-2026' }),
    sessionJetable: true,
    fermeLesAutresSessions: true,
  },
  'GET /api/moi/preferences': { attendu: connecte, portee: 'global' },
  'PUT /api/moi/preferences': { attendu: connecte, portee: 'global', corps: () => ({ syntheseHebdomadaire: true }) },
  'POST /api/administration/syntheses': { attendu: regle({ type: 'plateforme' }, 'administrer'), portee: 'global' },

  'GET /api/health': { attendu: publique, portee: 'global' },
  'GET /api/audit': { attendu: regle({ type: 'audit' }, 'lire'), portee: 'global' },
  'GET /api/contrats/:id/historique': { attendu: contrat('lire'), portee: 'contrat' },

  // The regional portfolio: the ARS of the region and the admins.
  'GET /api/portefeuille': {
    attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/portefeuille?region=53',
  },
  'GET /api/portefeuille.xlsx': {
    attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/portefeuille.xlsx?region=53',
  },
  'GET /api/portefeuille.csv': {
    attendu: regle({ type: 'portefeuille', regionCode: '53' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/portefeuille.csv?region=53',
  },

  // The library: every logged-in user searches what they may read; a reuse needs to read the source and to create
  // fiches in the destination (the own contract).
  'GET /api/bibliotheque': { attendu: connecte, portee: 'global', chemin: () => '/api/bibliotheque?q=vaccination' },
  'GET /api/bibliotheque/destinations': { attendu: connecte, portee: 'global' },
  'POST /api/bibliotheque/:ficheId/reprendre': {
    attendu: async (e) => {
      if (!e.sujet) return false;
      const destination = { ...e, fixture: e.monde.contrats.propre };
      return (
        (await fiche('lire')(e)) &&
        can(e.sujet, 'creer', {
          ...(await refFiche(destination, destination.fixture.ficheId)),
          piloteOrganisationIds: [],
          partenaireOrganisationIds: [],
        })
      );
    },
    portee: 'contrat',
    corps: (o) => ({ contratId: o.monde.contrats.propre.id }),
  },

  // Public pages and open data: published contracts only, no login.
  'GET /api/public/contrats': { attendu: publique, portee: 'global' },
  'GET /api/public/contrats.csv': { attendu: publique, portee: 'global' },
  'GET /api/public/contrats/:id': {
    attendu: (e) => e.cas === 'publie',
    portee: 'contrat',
    chemin: (_m, f) => `/api/public/contrats/${f!.id}`,
  },
  // Open data beyond the contracts (issue 19, point 3): datasets, their Table Schemas, the DCAT catalogue.
  'GET /api/public/fiches': { attendu: publique, portee: 'global' },
  'GET /api/public/fiches.csv': { attendu: publique, portee: 'global' },
  'GET /api/public/indicateurs': { attendu: publique, portee: 'global' },
  'GET /api/public/indicateurs.csv': { attendu: publique, portee: 'global' },
  'GET /api/public/ressources.json': { attendu: publique, portee: 'global' },
  'GET /api/public/ressources.csv': { attendu: publique, portee: 'global' },
  'GET /api/public/schemas/:jeu.json': { attendu: publique, portee: 'global', chemin: () => '/api/public/schemas/fiches.json' },
  'GET /api/public/catalogue.jsonld': { attendu: publique, portee: 'global' },

  // Référentiel.
  'GET /api/territoires': { attendu: regle({ type: 'referentiel' }, 'lire'), portee: 'global', chemin: () => '/api/territoires?q=redon' },
  'GET /api/territoires/collectivites': {
    attendu: regle({ type: 'referentiel' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/territoires/collectivites?q=redon',
  },
  'GET /api/territoires/:type/:code': {
    attendu: regle({ type: 'referentiel' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/territoires/epci/243500741',
  },
  'POST /api/territoires/perimetre': {
    attendu: regle({ type: 'referentiel' }, 'lire'),
    portee: 'global',
    corps: () => ({ epci: ['243500741'], communes: [] }),
    sansAudit: 'une lecture envoyée en POST',
  },

  // Organisations, people, users.
  'GET /api/organisations': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global' },
  'POST /api/organisations': {
    attendu: regle({ type: 'organisation', id: null }, 'creer'),
    portee: 'global',
    corps: (o) => ({ nom: `Association ${o.unique()}`, type: 'association', accepterDoublonsProches: true }),
  },
  'POST /api/organisations/import': {
    attendu: regle({ type: 'organisation', id: null }, 'administrer'),
    portee: 'global',
    chemin: () => '/api/organisations/import?dryRun=true',
    multipart: () => ({ fichier: { nom: 'organisations.csv', contenu: 'nom;type\nAssociation importée;association\n' } }),
    sansAudit: 'un essai (dryRun) n’écrit rien',
  },
  'GET /api/organisations/:id': {
    attendu: (e) => can(e.sujet, 'lire', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}`,
  },
  'PUT /api/organisations/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}`,
    corps: async (o) => lire(o, `/api/organisations/${o.monde.organisations.cpam}`),
  },
  'DELETE /api/organisations/:id': {
    attendu: regle({ type: 'organisation', id: null }, 'supprimer'),
    portee: 'global',
    victime: async (o) =>
      `/api/organisations/${await creer(o, '/api/organisations', { nom: `Victime ${o.unique()}`, type: 'association', accepterDoublonsProches: true })}`,
  },
  'POST /api/organisations/:id/fusion': {
    attendu: regle({ type: 'organisation', id: null }, 'administrer'),
    portee: 'global',
    victime: async (o) =>
      `/api/organisations/${await creer(o, '/api/organisations', { nom: `Doublon ${o.unique()}`, type: 'association', accepterDoublonsProches: true })}/fusion`,
    corps: (o) => ({ dansId: o.monde.organisations.autre }),
  },
  'GET /api/organisations/:id/engagements': {
    attendu: regle({ type: 'organisation', id: null }, 'lire'),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/engagements`,
  },
  'GET /api/organisations/:id/engagements.xlsx': {
    attendu: regle({ type: 'organisation', id: null }, 'lire'),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/engagements.xlsx`,
  },
  'GET /api/organisations/:id/services': {
    attendu: (e) => can(e.sujet, 'lire', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/services`,
  },
  'POST /api/organisations/:id/services': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/services`,
    corps: (o) => ({ nom: `Service ${o.unique()}` }),
  },
  'POST /api/organisations/:id/offres': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    chemin: (m) => `/api/organisations/${m.organisations.cpam}/offres`,
    corps: (o) => ({ intitule: `Offre ${o.unique()}`, description: 'Prévention' }),
  },
  'GET /api/personnes': { attendu: regle({ type: 'organisation', id: null }, 'lire'), portee: 'global' },
  'POST /api/personnes': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }),
    portee: 'global',
    corps: (o) => ({ prenom: 'Pia', nom: `Personne ${o.unique()}`, organisationId: o.monde.organisations.cpam }),
  },
  'PUT /api/personnes/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.autre }),
    portee: 'global',
    chemin: (m) => `/api/personnes/${m.personneId}`,
    corps: async (o) => {
      const { rows } = await o.serveur.ctx.db.query(
        'select prenom, nom, organisation_id as "organisationId", version from personnes where id = $1',
        [o.monde.personneId],
      );
      return rows[0];
    },
  },
  'GET /api/utilisateurs': { attendu: regle({ type: 'utilisateur', id: null }, 'administrer'), portee: 'global' },
  'POST /api/utilisateurs': {
    attendu: regle({ type: 'utilisateur', id: null }, 'creer'),
    portee: 'global',
    corps: (o) => ({ email: `compte.${o.unique()}@exemple.fr`, prenom: 'Nouveau', nom: 'Compte' }),
  },
  'GET /api/utilisateurs/:id': {
    attendu: (e) => can(e.sujet, 'lire', { type: 'utilisateur', id: e.monde.utilisateurVictime }),
    portee: 'global',
    chemin: (m) => `/api/utilisateurs/${m.utilisateurVictime}`,
  },
  'PUT /api/utilisateurs/:id': {
    attendu: (e) => can(e.sujet, 'modifier', { type: 'utilisateur', id: e.monde.utilisateurVictime }),
    portee: 'global',
    chemin: (m) => `/api/utilisateurs/${m.utilisateurVictime}`,
    corps: async (o) => {
      const u = await lire(o, `/api/utilisateurs/${o.monde.utilisateurVictime}`);
      return {
        prenom: u.prenom,
        nom: u.nom,
        organisationId: u.organisationId,
        actif: true,
        habilitations: u.habilitations ?? [],
        version: u.version,
      };
    },
  },

  // Doctrine, catalogue, diagnostics shared by every contract.
  'GET /api/doctrines/:regionCode': {
    attendu: regle({ type: 'doctrine', regionCode: '53' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/doctrines/53',
  },
  'PUT /api/doctrines/:regionCode': {
    attendu: regle({ type: 'doctrine', regionCode: '53' }, 'modifier'),
    portee: 'global',
    chemin: () => '/api/doctrines/53',
    corps: async (o) => {
      const d = await lire(o, '/api/doctrines/53');
      return { ...d.regles, version: d.version };
    },
  },
  // A region's DHIS2 mapping: its ARS and the platform admins (decision 0037).
  'GET /api/dhis2/correspondances/:regionCode': {
    attendu: regle({ type: 'correspondance_dhis2', regionCode: '53' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/dhis2/correspondances/53',
  },
  'PUT /api/dhis2/correspondances/:regionCode': {
    attendu: regle({ type: 'correspondance_dhis2', regionCode: '53' }, 'modifier'),
    portee: 'global',
    chemin: () => '/api/dhis2/correspondances/53',
    corps: async (o) => {
      const d = await lire(o, '/api/dhis2/correspondances/53');
      return { version: d.version, elements: [], unites: [] };
    },
  },
  'GET /api/indicateurs': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global' },
  'POST /api/indicateurs': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    corps: (o) => ({
      code: `test_${o.unique()}`,
      libelle: 'Indicateur de test',
      famille: 'Démographie',
      unite: '%',
      facteur: 100,
      polarite: 'neutre',
      methodeAgregation: 'ratio',
    }),
  },
  'GET /api/indicateurs/:code': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: (m) => `/api/indicateurs/${m.codeIndicateur}`,
  },
  'PUT /api/indicateurs/:code': {
    attendu: regle({ type: 'catalogue' }, 'modifier'),
    portee: 'global',
    chemin: (m) => `/api/indicateurs/${m.codeIndicateur}`,
    corps: async (o) => lire(o, `/api/indicateurs/${o.monde.codeIndicateur}`),
  },
  'DELETE /api/indicateurs/:code': {
    attendu: regle({ type: 'catalogue' }, 'supprimer'),
    portee: 'global',
    victime: async (o) => {
      const code = `victime_${o.unique()}`;
      await o.admin.post('/api/indicateurs', {
        code,
        libelle: 'Victime',
        famille: 'Démographie',
        unite: '%',
        facteur: 100,
        polarite: 'neutre',
        methodeAgregation: 'ratio',
      });
      return `/api/indicateurs/${code}`;
    },
  },
  // An import's follow-up is for the data roles who import.
  'GET /api/indicateurs/imports/:id': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    chemin: () => '/api/indicateurs/imports/00000000-0000-4000-8000-000000000000',
    absentPossible: true,
  },
  'POST /api/indicateurs/valeurs/apercu': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({
      fichier: {
        nom: 'valeurs.csv',
        contenu: 'indicateur;territoire_type;territoire_code;periode;valeur\ndensite_mg_liberaux;epci;243500741;2030;7,5\n',
      },
    }),
    sansAudit: 'un aperçu n’écrit rien',
  },
  'POST /api/indicateurs/valeurs/import': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({
      fichier: {
        nom: 'valeurs.csv',
        contenu: 'indicateur;territoire_type;territoire_code;periode;valeur\ndensite_mg_liberaux;epci;243500741;2030;7,5\n',
      },
    }),
  },
  'GET /api/diagnostics/agregat': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/diagnostics/agregat?indicateur=densite_mg_liberaux&territoires=epci:243500741',
  },
  'GET /api/diagnostics/series': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/diagnostics/series?territoires=epci:243500741',
  },
  'GET /api/diagnostics/valeurs': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/diagnostics/valeurs?indicateur=effectif_mg&territoire=commune:35236',
  },
  'GET /api/diagnostics/communes': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/diagnostics/communes?indicateur=effectif_mg&territoires=epci:243500741',
  },
  'GET /api/vulnerabilite': {
    attendu: regle({ type: 'catalogue' }, 'lire'),
    portee: 'global',
    chemin: () => '/api/vulnerabilite?region=24&indicateurs=densite_mg_liberaux',
  },
  'GET /api/typologies': { attendu: regle({ type: 'catalogue' }, 'lire'), portee: 'global', chemin: () => '/api/typologies?region=24' },
  'PUT /api/typologies/:code/epci': {
    attendu: regle({ type: 'doctrine', regionCode: '24' }, 'modifier'),
    portee: 'global',
    chemin: () => '/api/typologies/ors-centre-val-de-loire-2015/epci',
    corps: () => ({ affectations: [] }),
  },
  // Commune outlines are public geography (IGN), drawn on public pages too.
  'GET /api/contours': { attendu: publique, portee: 'global', chemin: () => '/api/contours?type=commune&codes=35236,35001' },
  'POST /api/contours/import': {
    attendu: regle({ type: 'catalogue' }, 'creer'),
    portee: 'global',
    multipart: () => ({
      fichier: {
        nom: 'contours.geojson',
        contenu: JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { code: '35236' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [-2.1, 47.6],
                    [-2.0, 47.6],
                    [-2.0, 47.7],
                    [-2.1, 47.6],
                  ],
                ],
              },
            },
          ],
        }),
      },
    }),
  },
};
