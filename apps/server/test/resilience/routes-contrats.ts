import { can } from '@maillage/domain';
import { etatActuel } from '../../src/modules/contrats/versions.service';
import type { ContratFixture, Monde } from './monde';
import {
  c,
  connecteEt,
  contrat,
  contratVictime,
  creer,
  fiche,
  lire,
  pdf,
  periodeLibre,
  publique,
  refContrat,
  refFiche,
  regle,
  type EntreeRoute,
  type Evaluation,
  type Outils,
} from './regles';

const moyenCpam = (o: Outils) => ({
  organisationId: o.monde.organisations.cpam,
  annee: 2026,
  type: 'temps',
  quantite: 2,
  unite: 'jours',
  description: 'Référente CLS',
});
const moyensCpam = async (e: Evaluation) => {
  const ref = await refContrat(e);
  return (
    can(e.sujet, 'lire', { type: 'contrat', contrat: ref }) &&
    (can(e.sujet, 'modifier', { type: 'contrat', contrat: ref }) ||
      can(e.sujet, 'modifier', { type: 'organisation', id: e.monde.organisations.cpam }))
  );
};
const financementExistant = {
  financeurLibelle: 'État – politique de la ville',
  dispositif: 'Contrat de ville',
  montantCentimes: 100,
  anneeDebut: 2020,
  anneeFin: 2022,
  objet: 'Atelier santé ville',
};

/** The routes on a contract and what it holds: run on the own, the other and the published contract. */
export const ROUTES_CONTRATS: Record<string, EntreeRoute> = {
  // Contracts.
  // Anonymous visitors get the published contracts: the list is what each may read.
  'GET /api/contrats': { attendu: publique, portee: 'global' },
  'POST /api/contrats': {
    attendu: regle({ type: 'contrat', contrat: null, regionCode: '53' }, 'creer'),
    portee: 'global',
    corps: (o) => ({ ...o.monde.saisieContrat, intitule: `Contrat créé ${o.unique()}` }),
  },
  'GET /api/contrats/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/contrats/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ ...f!.saisie, version: (await lire(o, c(f))).version }),
  },
  'DELETE /api/contrats/:id': {
    attendu: contrat('supprimer'),
    portee: 'contrat',
    victime: async (o, f) => c({ id: await contratVictime(o, f!, 'preparation') } as ContratFixture),
  },
  'POST /api/contrats/:id/statut': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ statut: 'diagnostic', version: (await lire(o, c(f))).version }),
  },
  'GET /api/contrats/:id/version': { attendu: contrat('lire'), portee: 'contrat', absentPossible: true },
  'GET /api/contrats/:id/alertes': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/avancement': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/diagnostic.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/document.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/document.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/plan.csv': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/plan.xlsx': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/plan/import': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => c(f, '/plan/import?dryRun=true'),
    multipart: () => ({ fichier: { nom: 'plan.csv', contenu: 'Numéro;Intitulé\n90;Action importée\n' } }),
    sansAudit: 'un essai (dryRun) n’écrit rien',
  },
  // Who may import into the contract may follow its imports; an unknown import is 404 for them.
  'GET /api/contrats/:id/plan/imports/:importId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    chemin: (_m, f) => c(f, '/plan/imports/00000000-0000-4000-8000-000000000000'),
    absentPossible: true,
  },
  'POST /api/contrats/:id/renouvellement': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c({ id: await contratVictime(o, f!, 'echu') } as ContratFixture, '/renouvellement'),
    corps: () => ({ ficheIds: [] }),
  },
  'GET /api/contrats/:id/avenants': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/avenants': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c({ id: await contratVictime(o, f!, 'signe') } as ContratFixture, '/avenants'),
    corps: () => ({ objet: 'Un avenant' }),
  },
  'POST /api/contrats/:id/avenants/:avenantId/signature': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const id = await contratVictime(o, f!, 'signe');
      // The signed state an avenant is compared with, as the signature would have kept it.
      await o.serveur.ctx.db.query(`insert into contrat_versions (contrat_id, date_effet, etat) values ($1, '2025-01-01', $2)`, [
        id,
        await etatActuel(o.serveur.ctx.db, id),
      ]);
      const avenant = await creer(o, `/api/contrats/${id}/avenants`, { objet: 'Victime' });
      await creer(o, `/api/contrats/${id}/axes`, { intitule: 'Axe ajouté par avenant' });
      return c({ id } as ContratFixture, `/avenants/${avenant}/signature`);
    },
    corps: () => ({ dateAvenant: '2028-03-01' }),
  },
  'POST /api/contrats/:id/axes': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Un axe de plus' }) },
  'PUT /api/contrats/:id/axes/:axeId': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ intitule: 'Accès aux soins' }) },
  'DELETE /api/contrats/:id/axes/:axeId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/axes/${await creer(o, c(f, '/axes'), { intitule: 'Victime' })}`),
  },
  'PUT /api/contrats/:id/axes/ordre': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ ids: (await lire(o, c(f))).axes.map((a: { id: string }) => a.id) }),
  },
  'POST /api/contrats/:id/axes/:axeId/objectifs': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ intitule: 'Un objectif de plus', objectifsOperationnels: [] }),
  },
  'PUT /api/contrats/:id/axes/:axeId/objectifs/ordre': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({
      ids: (await lire(o, c(f))).axes.find((a: { id: string }) => a.id === f!.axeId).objectifs.map((x: { id: string }) => x.id),
    }),
  },
  'PUT /api/contrats/:id/objectifs/:objectifId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ intitule: 'Attirer des médecins', objectifsOperationnels: [] }),
  },
  'DELETE /api/contrats/:id/objectifs/:objectifId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(f, `/objectifs/${await creer(o, c(f, `/axes/${f!.axeId}/objectifs`), { intitule: 'Victime', objectifsOperationnels: [] })}`),
  },
  'POST /api/contrats/:id/evaluations-prevues': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ type: 'intermediaire', echeance: '2027-06-30', evaluateurType: 'interne', questions: [] }),
  },
  'PUT /api/contrats/:id/evaluations-prevues/:evaluationPrevueId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({
      type: 'finale',
      moment: 'Avant le renouvellement',
      evaluateurType: 'externe',
      evaluateurNom: 'Cabinet',
      questions: ['Pertinence ?'],
    }),
  },
  'DELETE /api/contrats/:id/evaluations-prevues/:evaluationPrevueId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(
        f,
        `/evaluations-prevues/${await creer(o, c(f, '/evaluations-prevues'), { type: 'finale', moment: 'Victime', evaluateurType: 'interne' })}`,
      ),
  },
  'POST /api/contrats/:id/dispositifs-territoriaux': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ type: 'clsm', nom: `CLSM ${o.unique()}`, territoire: 'La ville' }),
  },
  'PUT /api/contrats/:id/dispositifs-territoriaux/:dispositifId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ type: 'cpts', nom: 'CPTS renommée', debut: '2021-07-01', lien: 'https://exemple.fr/cpts' }),
  },
  'DELETE /api/contrats/:id/dispositifs-territoriaux/:dispositifId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(f, `/dispositifs-territoriaux/${await creer(o, c(f, '/dispositifs-territoriaux'), { type: 'asv', nom: 'Victime' })}`),
  },
  'PUT /api/fiches/:id/dispositifs-territoriaux': {
    attendu: fiche('modifier'),
    portee: 'contrat',
    corps: (_o, f) => ({ dispositifIds: [f!.dispositifId] }),
  },
  'POST /api/contrats/:id/signataires': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ organisationId: o.monde.organisations.redon }),
  },
  'PUT /api/contrats/:id/signataires/:signataireId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (_o, f) => ({
      organisationId: (f!.saisie.arsIds as string[])[0],
      representant: 'La directrice',
      qualite: 'Directrice générale',
    }),
  },
  'DELETE /api/contrats/:id/signataires/:signataireId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(
        f,
        `/signataires/${await creer(o, c(f, '/signataires'), { organisationId: await creer(o, '/api/organisations', { nom: `Signataire ${o.unique()}`, type: 'association', accepterDoublonsProches: true }) })}`,
      ),
  },
  'POST /api/contrats/:id/partenaires': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ organisationId: o.monde.organisations.redon, role: 'porteur' }),
  },
  'DELETE /api/contrats/:id/partenaires/:partenaireId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(
        f,
        `/partenaires/${await creer(o, c(f, '/partenaires'), { organisationId: await creer(o, '/api/organisations', { nom: `Partenaire ${o.unique()}`, type: 'association', accepterDoublonsProches: true }) })}`,
      ),
  },

  // Fiches.
  'GET /api/contrats/:id/fiches': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/fiches': {
    attendu: async (e) => can(e.sujet, 'creer', { ...(await refFiche(e)), piloteOrganisationIds: [], partenaireOrganisationIds: [] }),
    portee: 'contrat',
    corps: () => ({ intitule: 'Une fiche de plus' }),
  },
  'PUT /api/contrats/:id/fiches/ordre': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ ids: (await lire(o, c(f, '/fiches'))).map((x: { id: string }) => x.id) }),
  },
  'GET /api/fiches/:id': { attendu: fiche('lire'), portee: 'contrat' },
  'PUT /api/fiches/:id': { attendu: fiche('modifier'), portee: 'contrat', corps: async (o, f) => lire(o, `/api/fiches/${f!.ficheId}`) },
  'DELETE /api/fiches/:id': {
    attendu: fiche('supprimer'),
    portee: 'contrat',
    victime: async (o, f) =>
      `/api/fiches/${await creer(o, c(f, '/fiches'), { intitule: 'Victime', pilotes: [{ organisationId: (await lire(o, `/api/fiches/${f!.ficheId}`)).pilotes[0].organisationId }] })}`,
  },
  'PUT /api/fiches/:id/offres/:offreId': { attendu: contrat('modifier'), portee: 'contrat' },
  'DELETE /api/fiches/:id/offres/:offreId': { attendu: contrat('modifier'), portee: 'contrat' },

  // Diagnostic of a contract.
  ...Object.fromEntries(
    (
      [
        ['verbatims', 'verbatimId', () => ({ texte: 'Trois mois pour un rendez-vous.', locuteur: 'habitant' })],
        ['rencontres', 'rencontreId', () => ({ type: 'entretien', titre: 'Entretien avec la MSP' })],
        ['constats', 'constatId', () => ({ intitule: 'Peu de médecins' })],
        ['besoins', 'besoinId', () => ({ intitule: 'Attirer des médecins' })],
        ['priorites', 'prioriteId', () => ({ intitule: 'Premier recours' })],
      ] as const
    ).flatMap(([chemin, champ, corps]) => [
      [`POST /api/contrats/:id/${chemin}`, { attendu: contrat('modifier'), portee: 'contrat', corps } satisfies EntreeRoute],
      [
        `PUT /api/contrats/:id/${chemin}/:elementId`,
        {
          attendu: contrat('modifier'),
          portee: 'contrat',
          chemin: (_m: Monde, f: ContratFixture | null) => c(f, `/${chemin}/${f![champ]}`),
          corps,
        } satisfies EntreeRoute,
      ],
      [
        `DELETE /api/contrats/:id/${chemin}/:elementId`,
        {
          attendu: contrat('modifier'),
          portee: 'contrat',
          victime: async (o: Outils, f: ContratFixture | null) => c(f, `/${chemin}/${await creer(o, c(f, `/${chemin}`), corps())}`),
        } satisfies EntreeRoute,
      ],
    ]),
  ),

  // Funding already on the territory, a section of the diagnostic (issue 13).
  'POST /api/contrats/:id/financements-existants': { attendu: contrat('modifier'), portee: 'contrat', corps: () => financementExistant },
  'PUT /api/contrats/:id/financements-existants/:elementId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/financements-existants/${await creer(o, c(f, '/financements-existants'), financementExistant)}`),
    corps: () => ({ ...financementExistant, montantCentimes: 200 }),
  },
  'DELETE /api/contrats/:id/financements-existants/:elementId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/financements-existants/${await creer(o, c(f, '/financements-existants'), financementExistant)}`),
  },

  // Governance.
  'GET /api/contrats/:id/instances': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/instances': { attendu: contrat('modifier'), portee: 'contrat', corps: () => ({ type: 'cotech', nom: 'COTECH' }) },
  'PUT /api/contrats/:id/instances/:instanceId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ type: 'copil', nom: 'COPIL', frequenceParAn: 2 }),
  },
  'DELETE /api/contrats/:id/instances/:instanceId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c(f, `/instances/${await creer(o, c(f, '/instances'), { type: 'autre', nom: 'Victime' })}`),
  },
  'GET /api/contrats/:id/instances/:instanceId/calendrier': { attendu: contrat('modifier'), portee: 'contrat' },
  'POST /api/contrats/:id/instances/:instanceId/membres': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (o) => ({ organisationId: o.monde.organisations.cpam, role: 'membre' }),
  },
  'DELETE /api/contrats/:id/instances/:instanceId/membres/:membreId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(
        f,
        `/instances/${f!.instanceId}/membres/${await creer(o, c(f, `/instances/${f!.instanceId}/membres`), { organisationId: await creer(o, '/api/organisations', { nom: `Membre ${o.unique()}`, type: 'association', accepterDoublonsProches: true }) })}`,
      ),
  },
  'PUT /api/contrats/:id/instances/:instanceId/membres/:membreId/courriel': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ email: 'secretariat@mairie.example.fr' }),
  },
  'PUT /api/contrats/:id/instances/:instanceId/membres/:membreId/qualite': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ qualite: 'representant_usagers' }),
  },
  'GET /api/calendriers/:jeton.ics': {
    attendu: publique,
    portee: 'contrat',
    chemin: (_m, f) => `/api/calendriers/${f!.jetonCalendrier}.ics`,
  },
  'GET /api/contrats/:id/seances': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/seances': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (_o, f) => ({ instanceId: f!.instanceId, debut: '2031-07-01T14:00:00Z', fin: '2031-07-01T16:00:00Z' }),
  },
  'GET /api/seances/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/seances/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const s = await lire(o, `/api/seances/${f!.seanceId}`);
      return {
        instanceId: s.instanceId,
        debut: s.debut,
        fin: s.fin,
        lieu: s.lieu,
        ordreDuJour: s.ordreDuJour?.map((p: { intitule: string }) => ({ intitule: p.intitule })) ?? [],
        version: s.version,
      };
    },
  },
  'GET /api/seances/:id.ics': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/seances/:id/compte-rendu': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({ compteRendu: '<p>Relevé</p>', version: (await lire(o, `/api/seances/${f!.seanceId}`)).version }),
  },
  'POST /api/seances/:id/decisions': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ action: 'aucune', texte: 'Le COPIL prend acte.', confirmerSeanceFuture: true }),
  },
  'POST /api/seances/:id/invitations': { attendu: contrat('modifier'), portee: 'contrat' },
  'PUT /api/seances/:id/presences': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: (_o, f) => ({ presences: [{ membreId: f!.membreId, etat: 'present' }] }),
  },
  'GET /api/seances/:id/fichiers': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/seances/:id/fichiers': { attendu: contrat('modifier'), portee: 'contrat', multipart: () => ({ fichier: pdf() }) },
  'GET /api/contrats/:id/coordination': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/coordination': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ personne: 'Alex Coordination', etp: 0.5, cofinancements: [], debut: '2026-01-01' }),
  },
  'PUT /api/contrats/:id/coordination/:posteId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => (await lire(o, c(f, '/coordination'))).find((p: { id: string }) => p.id === f!.posteId),
  },
  'GET /api/contrats/:id/financements': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/financements.xlsx': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/financements': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({
      objet: 'animation',
      financeurLibelle: 'Commune',
      dispositif: 'Fonds propres',
      annee: 2027,
      montantCentimes: 100,
      nature: 'fonctionnement',
      statut: 'prevu',
    }),
  },
  'DELETE /api/contrats/:id/financements/:ligneId': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      c(
        f,
        `/financements/${await creer(o, c(f, '/financements'), { objet: 'autre', financeurLibelle: 'Victime', dispositif: 'Fonds propres', annee: 2027, montantCentimes: 1, nature: 'fonctionnement', statut: 'prevu' })}`,
      ),
  },

  // Means an organisation commits (issue 13): its referents or the contract's editors, on a contract they read.
  'GET /api/contrats/:id/moyens': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/moyens': { attendu: moyensCpam, portee: 'contrat', corps: (o) => moyenCpam(o) },
  'PUT /api/contrats/:id/moyens/:moyenId': {
    attendu: moyensCpam,
    portee: 'contrat',
    victime: async (o, f) => c(f, `/moyens/${await creer(o, c(f, '/moyens'), moyenCpam(o))}`),
    corps: (o) => ({ ...moyenCpam(o), quantite: 3, version: 1 }),
  },
  'DELETE /api/contrats/:id/moyens/:moyenId': {
    attendu: moyensCpam,
    portee: 'contrat',
    victime: async (o, f) => c(f, `/moyens/${await creer(o, c(f, '/moyens'), moyenCpam(o))}`),
  },

  // Files.
  'GET /api/contrats/:id/fichiers': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/fichiers': { attendu: contrat('modifier'), portee: 'contrat', multipart: () => ({ fichier: pdf() }) },
  'GET /api/fichiers/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'DELETE /api/fichiers/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const r = await o.admin.multipart(c(f, '/fichiers'), { fichier: pdf() });
      return `/api/fichiers/${r.body.id}`;
    },
  },

  // Follow-up and evaluation.
  'GET /api/fiches/:id/suivi': { attendu: fiche('lire'), portee: 'contrat' },
  'POST /api/fiches/:id/indicateurs-suivi': {
    attendu: fiche('modifier'),
    portee: 'contrat',
    corps: () => ({ libelle: 'Participants', type: 'activite' }),
  },
  'PUT /api/indicateurs-suivi/:id': {
    attendu: fiche('modifier'),
    portee: 'contrat',
    corps: async (o, f) => ({
      libelle: 'Ateliers tenus',
      type: 'activite',
      cibles: [{ periode: '2025', valeur: 10 }],
      version: (await o.serveur.ctx.db.query('select version from indicateurs_suivi where id = $1', [f!.indicateurSuiviId])).rows[0]
        .version,
    }),
  },
  'DELETE /api/indicateurs-suivi/:id': {
    attendu: fiche('modifier'),
    portee: 'contrat',
    victime: async (o, f) =>
      `/api/indicateurs-suivi/${await creer(o, `/api/fiches/${f!.ficheId}/indicateurs-suivi`, { libelle: 'Victime', type: 'processus' })}`,
  },
  'PUT /api/indicateurs-suivi/:id/valeurs/:periode': {
    attendu: connecteEt(fiche('saisir_suivi')),
    portee: 'contrat',
    chemin: (_m, f) => `/api/indicateurs-suivi/${f!.indicateurSuiviId}/valeurs/2026`,
    corps: () => ({ valeur: 3, recit: 'Trois ateliers' }),
  },
  'POST /api/valeurs-suivi/:id/transitions': {
    attendu: connecteEt(fiche('saisir_suivi')),
    portee: 'contrat',
    corps: () => ({ action: 'soumettre' }),
  },
  'PUT /api/fiches/:id/bilans/:periode': {
    attendu: connecteEt(fiche('saisir_suivi')),
    portee: 'contrat',
    chemin: (_m, f) => `/api/fiches/${f!.ficheId}/bilans/2026`,
    corps: () => ({ recit: 'Bilan 2026' }),
  },
  'POST /api/fiches/:id/suivi/:periode/transitions': {
    attendu: connecteEt(fiche('saisir_suivi')),
    portee: 'contrat',
    chemin: (_m, f) => `/api/fiches/${f!.ficheId}/suivi/2026/transitions`,
    corps: () => ({ action: 'soumettre' }),
  },
  'GET /api/contrats/:id/campagnes': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/contrats/:id/suivi.dhis2.json': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/campagnes': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => c({ id: await contratVictime(o, f!) } as ContratFixture, '/campagnes'),
    corps: () => ({ periode: '2031', echeance: '2032-01-31' }),
  },
  'GET /api/campagnes/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/campagnes/:id/saisie': { attendu: connecteEt(contrat('lire')), portee: 'contrat' },
  'GET /api/campagnes/:id/bilan.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/campagnes/:id/bilan.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/campagnes/:id/relances': { attendu: contrat('modifier'), portee: 'contrat' },
  'POST /api/campagnes/:id/cloture': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const { rows } = await o.serveur.ctx.db.query(
        `insert into campagnes_suivi (contrat_id, periode, echeance, ouverte_par) values ($1, $2, '2040-01-31', 'Monde') returning id`,
        [f!.id, periodeLibre()],
      );
      return `/api/campagnes/${rows[0].id}/cloture`;
    },
  },
  'GET /api/contrats/:id/evaluations': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/contrats/:id/evaluations': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: () => ({ type: 'intermediaire', intitule: 'Évaluation de plus' }),
  },
  'GET /api/evaluations/:id': { attendu: contrat('lire'), portee: 'contrat' },
  'PUT /api/evaluations/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    corps: async (o, f) => {
      const e = await lire(o, `/api/evaluations/${f!.evaluationId}`);
      return {
        type: e.type,
        intitule: e.intitule,
        questions: e.questions,
        recommandations: e.recommandations,
        participants: e.participants,
        version: e.version,
      };
    },
  },
  'DELETE /api/evaluations/:id': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => `/api/evaluations/${await creer(o, c(f, '/evaluations'), { type: 'finale', intitule: 'Victime' })}`,
  },
  'GET /api/evaluations/:id/rapport.docx': { attendu: contrat('lire'), portee: 'contrat' },
  'GET /api/evaluations/:id/rapport.pdf': { attendu: contrat('lire'), portee: 'contrat' },
  'POST /api/evaluations/:id/renouvellement': {
    attendu: contrat('modifier'),
    portee: 'contrat',
    victime: async (o, f) => {
      const id = await contratVictime(o, f!, 'echu');
      return `/api/evaluations/${await creer(o, `/api/contrats/${id}/evaluations`, { type: 'finale', intitule: 'Victime' })}/renouvellement`;
    },
  },
};
