import multipart from '@fastify/multipart';
import {
  besoinSchema,
  constatSchema,
  financementTerritoireSchema,
  indicateurSchema,
  pluriel,
  prioriteSchema,
  rencontreSchema,
  verbatimSchema,
} from '@maillage/domain';
import {
  agregatIndicateur,
  apercuImport,
  contoursVue,
  diagnosticVue,
  etatImport,
  identifiantVue,
  importEnFond,
  indicateurVue,
  rapportContours,
  rapportImportValeurs,
  seriesPerimetre as seriesVue,
  typologieVue,
  valeursCommunes,
  valeursPubliees as valeursPublieesVue,
  vulnerabiliteVue,
} from '@maillage/domain/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { JsonTropImbrique, lireJson } from '../../platform/corps-json';
import { ErreurMetier, invalide } from '../../platform/errors';
import { probleme } from '../../platform/openapi';
import { agregatPublic, valeursParCommune } from './agregation.service';
import { seriesPerimetre } from './series.service';
import { diagnosticContrat } from './diagnostics.service';
import { enregistrerFinancementTerritoire, supprimerFinancementTerritoire } from './financements-territoire.service';
import { definirAffectations, typologies } from './typologies.service';
import { vulnerabilite } from './vulnerabilite.service';
import * as imports from './import.service';
import * as indicateurs from './indicateurs.service';
import * as qualitatif from './qualitatif.service';
import { contoursDe, importerContours } from './contours.service';
import { genererRapportDiagnostic } from './rapport-diagnostic';
import { valeursPubliees } from './valeurs.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
/** Files beyond the limits of platform/limites-fichiers.ts (413), too heavy to read (422), readers all busy (503). */
const limites = { 413: probleme, 422: probleme, 503: probleme };
const idContrat = z.object({ id: z.uuid('Identifiant invalide') });
const idElement = z.object({ id: z.uuid('Identifiant invalide'), elementId: z.uuid('Identifiant invalide') });

/** Multipart with a `fichier` and an optional `options` JSON field. */
async function lireEnvoi(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalide('Envoyez le fichier en multipart/form-data, dans le champ « fichier ».');
  let fichier: { nom: string; contenu: Buffer } | null = null;
  let options: unknown = {};
  for await (const partie of req.parts()) {
    if (partie.type === 'file' && partie.fieldname === 'fichier') fichier = { nom: partie.filename, contenu: await partie.toBuffer() };
    else if (partie.type === 'field' && partie.fieldname === 'options') {
      try {
        options = lireJson(String(partie.value || '{}'), 'Champ « options »');
      } catch (e) {
        if (e instanceof JsonTropImbrique) throw e;
        throw invalide('Le champ « options » doit être du JSON.', [{ champ: 'options', message: 'JSON invalide' }]);
      }
    }
  }
  if (!fichier) throw invalide('Aucun fichier reçu dans le champ « fichier ».', [{ champ: 'fichier', message: 'Fichier manquant' }]);
  return { fichier, options };
}

export function routesDiagnostics(app: FastifyInstance, ctx: Contexte) {
  app.register(async (instance) => {
    // 2 million values are about 100 MB of CSV.
    await instance.register(multipart, { limits: { fileSize: 300 * 1024 * 1024, files: 1, fields: 4 } });
    const r = instance.withTypeProvider<ZodTypeProvider>();
    const t = ['Indicateurs'];

    r.get('/api/indicateurs', {
      schema: { tags: t, summary: 'Le catalogue des indicateurs', response: { 200: z.array(indicateurVue), 401: probleme } },
      handler: (req) => indicateurs.listerIndicateurs(ctx, req.utilisateur),
    });
    r.post('/api/indicateurs', {
      schema: {
        tags: t,
        summary: 'Ajouter un indicateur au catalogue (administrateurs et ARS)',
        body: indicateurSchema,
        response: { 201: indicateurVue, ...erreurs },
      },
      handler: async (req, rep) => rep.code(201).send(await indicateurs.creerIndicateur(ctx, exigerConnecte(req.utilisateur), req.body)),
    });
    r.get('/api/indicateurs/:code', {
      schema: {
        tags: t,
        summary: 'Un indicateur',
        params: z.object({ code: z.string().max(60) }),
        response: { 200: indicateurVue, ...erreurs },
      },
      handler: (req) => indicateurs.obtenirIndicateur(ctx, req.utilisateur, req.params.code),
    });
    r.put('/api/indicateurs/:code', {
      schema: {
        tags: t,
        summary: 'Modifier un indicateur (version attendue)',
        params: z.object({ code: z.string().max(60) }),
        body: indicateurSchema.extend({ version: z.number().int() }),
        response: { 200: indicateurVue, ...erreurs },
      },
      handler: (req) => indicateurs.modifierIndicateur(ctx, exigerConnecte(req.utilisateur), req.params.code, req.body.version, req.body),
    });
    r.delete('/api/indicateurs/:code', {
      schema: {
        tags: t,
        summary: 'Supprimer un indicateur et ses valeurs',
        params: z.object({ code: z.string().max(60) }),
        response: { 204: z.null(), ...erreurs },
      },
      handler: async (req, rep) => {
        await indicateurs.supprimerIndicateur(ctx, exigerConnecte(req.utilisateur), req.params.code);
        return rep.code(204).send(null);
      },
    });

    r.post('/api/indicateurs/valeurs/apercu', {
      schema: {
        tags: t,
        summary:
          'Aperçu d’un fichier de valeurs : format, encodage, séparateur, correspondance des colonnes proposée, premières lignes lues',
        consumes: ['multipart/form-data'],
        response: { 200: apercuImport, ...erreurs, ...limites },
      },
      handler: async (req) => {
        const { fichier, options } = await lireEnvoi(req);
        return imports.apercu(ctx, req.utilisateur, fichier, options);
      },
    });
    r.post('/api/indicateurs/valeurs/import', {
      schema: {
        tags: t,
        summary: 'Importer un fichier de valeurs (CSV, XLSX ou dataValueSets DHIS2)',
        description:
          'Multipart : `fichier`, et `options` en JSON (sens de « - », source, correspondance des colonnes). Tout ou rien : avec une ligne rejetée, rien n’est écrit ' +
          '(422 avec le rapport). `dryRun=true` rend le même rapport sans rien écrire. Un gros fichier part en arrière-plan (202 + identifiant de suivi).',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        consumes: ['multipart/form-data'],
        response: {
          200: rapportImportValeurs,
          202: importEnFond,
          ...erreurs,
          ...limites,
          422: probleme.extend({ rapport: rapportImportValeurs.optional() }),
        },
      },
      handler: async (req, rep) => {
        const { fichier, options } = await lireEnvoi(req);
        const dryRun = req.query.dryRun === 'true';
        const resultat = await imports.importerValeurs(ctx, exigerConnecte(req.utilisateur), fichier, options, dryRun);
        if (resultat.arrierePlan)
          return rep.code(202).send({ importId: resultat.importId, suivi: `/api/indicateurs/imports/${resultat.importId}` });
        if (!dryRun && !resultat.rapport.applique)
          throw new ErreurMetier(
            422,
            'Import refusé',
            `${pluriel(resultat.rapport.rejetees, 'ligne rejetée', 'lignes rejetées')} : rien n’a été importé. Corrigez le fichier et recommencez.`,
            { rapport: resultat.rapport },
          );
        return { ...resultat.rapport };
      },
    });
    r.post('/api/contours/import', {
      schema: {
        tags: ['Territoires'],
        summary: 'Importer des contours (GeoJSON, par exemple IGN ADMIN EXPRESS) pour les cartes communales',
        querystring: z.object({
          type: z.enum(['commune', 'epci', 'departement', 'region']).default('commune'),
          dryRun: z.enum(['true', 'false']).default('false'),
        }),
        consumes: ['multipart/form-data'],
        response: { 200: rapportContours, ...erreurs, ...limites, 422: probleme.extend({ rapport: rapportContours.optional() }) },
      },
      handler: async (req) => {
        const { fichier } = await lireEnvoi(req);
        const rapport = await importerContours(ctx, exigerConnecte(req.utilisateur), fichier, req.query.type, req.query.dryRun === 'true');
        if (rapport.rejets.length && req.query.dryRun !== 'true')
          throw new ErreurMetier(
            422,
            'Import refusé',
            `${pluriel(rapport.rejets.length, 'contour rejeté', 'contours rejetés')} : rien n’a été importé.`,
            {
              rapport: { ...rapport },
            },
          );
        return { ...rapport };
      },
    });
    r.get('/api/indicateurs/imports/:id', {
      schema: {
        tags: t,
        summary: 'Suivi d’un import (progression, puis rapport)',
        params: z.object({ id: z.uuid() }),
        response: { 200: etatImport, ...erreurs },
      },
      handler: (req) => imports.etatImport(ctx, req.utilisateur, req.params.id),
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const td = ['Diagnostic'];
  r.get('/api/diagnostics/agregat', {
    schema: {
      tags: td,
      summary: 'Un indicateur sur un périmètre : valeur (exacte, intervalle, borne ou indisponible), couverture, comparaisons, série',
      querystring: z.object({
        indicateur: z.string().max(60),
        territoires: z.string().max(5000).describe('epci:243500741,commune:35236'),
        periode: z.string().max(20).optional(),
      }),
      response: { 200: agregatIndicateur, ...erreurs },
    },
    handler: (req) => agregatPublic(ctx, req.utilisateur, req.query.indicateur, req.query.territoires, req.query.periode),
  });
  r.get('/api/diagnostics/series', {
    schema: {
      tags: td,
      summary:
        'Les séries de tous les indicateurs (ou de ceux demandés) sur un périmètre, en une requête : chaque période agrégée ou publiée, avec sa couverture',
      description:
        'Un seul calcul pour tous les indicateurs et toutes les périodes (sans comparateurs : voir /api/diagnostics/agregat pour un indicateur avec ses comparaisons). ' +
        'Un périmètre qui est exactement un territoire publié garde la valeur publiée ; sinon les valeurs communales sont agrégées selon la méthode de l’indicateur.',
      querystring: z.object({
        territoires: z.string().max(5000).describe('epci:243500741,commune:35236'),
        indicateurs: z.string().max(5000).optional().describe('codes séparés par des virgules (tous par défaut)'),
      }),
      response: { 200: seriesVue, ...erreurs },
    },
    handler: (req) => seriesPerimetre(ctx, req.utilisateur, req.query.territoires, req.query.indicateurs),
  });
  r.get('/api/diagnostics/communes', {
    schema: {
      tags: td,
      summary: 'Les valeurs publiées d’un indicateur pour chaque commune d’un périmètre (tableaux et cartes communales)',
      querystring: z.object({ indicateur: z.string().max(60), territoires: z.string().max(5000), periode: z.string().max(20).optional() }),
      response: { 200: valeursCommunes, ...erreurs },
    },
    handler: (req) => valeursParCommune(ctx, req.utilisateur, req.query.indicateur, req.query.territoires, req.query.periode),
  });
  r.get('/api/diagnostics/valeurs', {
    schema: {
      tags: td,
      summary:
        'Les valeurs importées d’un indicateur et/ou d’un territoire, telles que publiées (classes d’intervalle, secret statistique), page par page',
      description:
        'Au moins `indicateur` ou `territoire`. Aucune valeur n’est calculée : chaque valeur est rendue comme la source l’a publiée, avec sa période et sa source.',
      querystring: z.object({
        indicateur: z.string().max(60).optional(),
        territoire: z.string().max(40).optional().describe('commune:35236, epci:243500741…'),
        type: z.string().max(20).optional().describe('type de territoire : commune, epci, departement, region, france_metro, france'),
        limite: z.coerce.number().int().min(1, 'Au moins 1').max(500, 'Au plus 500').default(50),
        decalage: z.coerce.number().int().min(0, 'Positif ou nul').max(10_000_000).default(0),
      }),
      response: { 200: valeursPublieesVue, ...erreurs },
    },
    handler: (req) => valeursPubliees(ctx, req.utilisateur, req.query),
  });
  r.get('/api/contours', {
    schema: {
      tags: ['Territoires'],
      summary: 'Contours importés de territoires (FeatureCollection GeoJSON, vide sans import)',
      security: [],
      querystring: z.object({
        type: z.enum(['commune', 'epci', 'departement', 'region']),
        codes: z.string().max(200000).describe('codes séparés par des virgules'),
      }),
      response: { 200: contoursVue, 400: probleme },
    },
    handler: (req) =>
      contoursDe(
        ctx,
        req.utilisateur,
        req.query.type,
        req.query.codes
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      ),
  });
  r.get('/api/contrats/:id/diagnostic', {
    schema: {
      tags: td,
      summary:
        'Le diagnostic d’un contrat : indicateurs du périmètre avec comparateurs, verbatims, rencontres, constats → besoins → priorités → axes, financements existants du territoire à côté du financement propre du contrat',
      params: idContrat,
      response: { 200: diagnosticVue, ...erreurs },
    },
    handler: (req) => diagnosticContrat(ctx, req.utilisateur, req.params.id),
  });
  for (const format of ['docx', 'pdf'] as const) {
    r.get(`/api/contrats/:id/diagnostic.${format}`, {
      schema: {
        tags: td,
        summary: `Le rapport de diagnostic en ${format.toUpperCase()}, avec ses graphiques et leurs tableaux`,
        params: idContrat,
        produces: [format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: z.any().describe('Le fichier'), ...erreurs },
      },
      handler: async (req, rep) => {
        const f = await genererRapportDiagnostic(ctx, req.utilisateur, req.params.id, format);
        return rep
          .type(f.typeMime)
          .header('content-disposition', `attachment; filename="${f.nom}"`)
          .header('cache-control', 'no-store')
          .send(f.contenu);
      },
    });
  }
  r.get('/api/vulnerabilite', {
    schema: {
      tags: td,
      summary: 'Indice composite de vulnérabilité des EPCI d’une région, avec leur couverture par un CLS',
      description:
        'Seuls les EPCI renseignés pour tous les critères sont classés ; les autres suivent, sans rang, avec leur couverture (« 1 critère sur 2 »). Pour chaque critère, la valeur de la période choisie, ou à défaut la plus récente de chaque EPCI, dont la période est donnée.',
      querystring: z.object({
        region: z.string().max(3),
        indicateurs: z.string().max(2000).describe('codes séparés par des virgules'),
        poids: z.string().max(500).optional().describe('poids séparés par des virgules (1 par défaut)'),
        periodes: z
          .string()
          .max(500)
          .optional()
          .describe('période de chaque indicateur, séparées par des virgules (vide : la plus récente de chaque EPCI)'),
        typologie: z.string().max(100).optional().describe('code d’une typologie des EPCI de la région : chaque EPCI porte sa classe'),
        classe: z.string().max(20).optional().describe('ne garder que les EPCI de cette classe de la typologie'),
      }),
      response: { 200: vulnerabiliteVue, ...erreurs },
    },
    handler: (req) =>
      vulnerabilite(
        ctx,
        req.utilisateur,
        req.query.region,
        req.query.indicateurs
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
        (req.query.poids ?? '').split(',').filter(Boolean).map(Number),
        {
          periodes: req.query.periodes === undefined ? undefined : req.query.periodes.split(',').map((p) => p.trim() || null),
          typologie: req.query.typologie || undefined,
          classe: req.query.classe || undefined,
        },
      ),
  });
  r.get('/api/typologies', {
    schema: {
      tags: td,
      summary: 'Typologies des EPCI d’une région (classes telles que publiées)',
      querystring: z.object({ region: z.string().max(3).optional() }),
      response: { 200: z.array(typologieVue), ...erreurs },
    },
    handler: (req) => typologies(ctx, req.utilisateur, req.query.region),
  });
  r.put('/api/typologies/:code/epci', {
    schema: {
      tags: td,
      summary: 'Classe de chaque EPCI dans une typologie (la liste entière, qui remplace la précédente)',
      params: z.object({ code: z.string().max(100) }),
      body: z.object({
        affectations: z
          .array(z.object({ epci: z.string().regex(/^\d{9}$/, 'SIREN d’EPCI à 9 chiffres'), classe: z.string().min(1).max(20) }))
          .max(2000),
      }),
      response: { 200: typologieVue, ...erreurs },
    },
    handler: (req) => definirAffectations(ctx, exigerConnecte(req.utilisateur), req.params.code, req.body.affectations),
  });

  const elements = [
    ['verbatims', 'verbatim', verbatimSchema, qualitatif.enregistrerVerbatim],
    ['rencontres', 'rencontre', rencontreSchema, qualitatif.enregistrerRencontre],
    ['constats', 'constat', constatSchema, qualitatif.enregistrerConstat],
    ['besoins', 'besoin', besoinSchema, qualitatif.enregistrerBesoin],
    ['priorites', 'priorite', prioriteSchema, qualitatif.enregistrerPriorite],
  ] as const;
  for (const [chemin, entite, schema, enregistrer] of elements) {
    r.post(`/api/contrats/:id/${chemin}`, {
      schema: {
        tags: td,
        summary: `Ajouter un élément (${entite}) au diagnostic du contrat`,
        params: idContrat,
        body: schema,
        response: { 201: identifiantVue, ...erreurs },
      },
      handler: async (req, rep) =>
        rep
          .code(201)
          .send(
            await (enregistrer as (...a: unknown[]) => Promise<{ id: string }>)(
              ctx,
              exigerConnecte(req.utilisateur),
              req.params.id,
              req.body,
            ),
          ),
    });
    r.put(`/api/contrats/:id/${chemin}/:elementId`, {
      schema: {
        tags: td,
        summary: `Modifier un élément (${entite}) du diagnostic`,
        params: idElement,
        body: schema,
        response: { 204: z.null(), ...erreurs },
      },
      handler: async (req, rep) => {
        await (enregistrer as (...a: unknown[]) => Promise<unknown>)(
          ctx,
          exigerConnecte(req.utilisateur),
          req.params.id,
          req.body,
          req.params.elementId,
        );
        return rep.code(204).send(null);
      },
    });
    r.delete(`/api/contrats/:id/${chemin}/:elementId`, {
      schema: {
        tags: td,
        summary: `Supprimer un élément (${entite}) du diagnostic`,
        params: idElement,
        response: { 204: z.null(), ...erreurs },
      },
      handler: async (req, rep) => {
        await qualitatif.supprimerElement(ctx, exigerConnecte(req.utilisateur), req.params.id, entite, req.params.elementId);
        return rep.code(204).send(null);
      },
    });
  }

  // Funding already available on the territory (seed 003), a section of the diagnostic.
  r.post('/api/contrats/:id/financements-existants', {
    schema: {
      tags: td,
      summary:
        'Recenser un financement déjà mis à disposition sur le territoire (financeur, dispositif, montant, période, ce qu’il finance)',
      description: 'Le montant (`montantCentimes`) porte sur toute la période ; vide s’il n’est pas connu, le total le dit alors plancher.',
      params: idContrat,
      body: financementTerritoireSchema,
      response: { 201: identifiantVue, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await enregistrerFinancementTerritoire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });
  r.put('/api/contrats/:id/financements-existants/:elementId', {
    schema: {
      tags: td,
      summary: 'Modifier un financement existant du territoire',
      params: idElement,
      body: financementTerritoireSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await enregistrerFinancementTerritoire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body, req.params.elementId);
      return rep.code(204).send(null);
    },
  });
  r.delete('/api/contrats/:id/financements-existants/:elementId', {
    schema: {
      tags: td,
      summary: 'Retirer un financement existant du territoire',
      params: idElement,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await supprimerFinancementTerritoire(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.elementId);
      return rep.code(204).send(null);
    },
  });
}
