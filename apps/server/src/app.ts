import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { routesAudit } from './modules/audit/audit.routes';
import { routesAnnuaire } from './modules/comptes/annuaire.routes';
import { authentifiant } from './modules/comptes/auth.service';
import { routesComptes } from './modules/comptes/comptes.routes';
import { routesOidc } from './modules/comptes/oidc.routes';
import { routesReferenceContrat } from './modules/contrats/contrats-reference.routes';
import { routesContrats } from './modules/contrats/contrats.routes';
import { brancherFichesDuContrat } from './modules/contrats/fiches-du-contrat';
import { creerFiche, fichesCompletes } from './modules/fiches/fiches.service';
import { routesReferenceFiches } from './modules/fiches/fiches-reference.routes';
import { routesFiches } from './modules/fiches/fiches.routes';
import { routesPlans } from './modules/plans/plans.routes';
import { routesDocuments, routesFichiers } from './modules/documents/documents.routes';
import { routesDiagnostics } from './modules/diagnostics/diagnostics.routes';
import { routesDhis2 } from './modules/diagnostics/dhis2.routes';
import { routesGouvernance } from './modules/gouvernance/gouvernance.routes';
import { routesPortefeuille } from './modules/portefeuille/portefeuille.routes';
import { routesBibliotheque } from './modules/bibliotheque/bibliotheque.routes';
import { brancherPagesPubliques } from './modules/public/public.pages';
import { routesPublic } from './modules/public/public.routes';
import { routesAvis } from './modules/participation/avis.routes';
import { routesTempsPublics } from './modules/participation/temps-publics.routes';
import { annexeGrilles } from './modules/parcours/grille.service';
import { refuserJetonsSurLeModule } from './modules/appui/jetons-appui';
import { routesAppuiPlan } from './modules/appui/plan.routes';
import { routesParcours } from './modules/parcours/parcours.routes';
import { routesParticipation } from './modules/participation/participation.routes';
import { routesActiviteAppui } from './modules/appui/activite.routes';
import { routesAppui } from './modules/appui/appui.routes';
import { routesRessources } from './modules/ressources/ressources.routes';
import { routesSuivi } from './modules/suivi/suivi.routes';
import { routesTerritoires } from './modules/territoires/territoires.routes';
import { routesWebhooks } from './modules/webhooks/webhooks.routes';
import { installerAuthentification } from './platform/auth';
import { installerCacheApi } from './platform/cache-api';
import { installerCompressionDirecte } from './platform/compression';
import { installerCorpsJson } from './platform/corps-json';
import type { Contexte } from './platform/contexte';
import { installerGestionErreurs, repondreIntrouvable } from './platform/errors';
import { installerIdempotence } from './platform/idempotence';
import { installerOpenApi, probleme } from './platform/openapi';
import { compilateurSerialisation } from './platform/serialisation';
import { demarrerTaches } from './taches';

declare module 'fastify' {
  interface FastifyInstance {
    routesApi: { methode: string; url: string }[];
  }
}

// French messages for every zod error, server-side as in the web app.
z.config(z.locales.fr());

// The fiches module depends on contrats; the contract's snapshot and renewal reach its fiches through this port,
// wired here on load (main.ts's demo seed runs before the app is built), so the two modules form no cycle.
brancherFichesDuContrat({
  lister: fichesCompletes,
  creer: (ctx, utilisateur, contratId, saisie, tx) => creerFiche(ctx, utilisateur, contratId, saisie, {}, tx),
});

export async function construireApplication(
  ctx: Contexte,
  // fluxJournal: where the log lines go instead of stdout (the leak tests read every line the server writes).
  options: { journal?: boolean; fluxJournal?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.journal === false ? false : { level: ctx.config.logLevel, ...(options.fluxJournal ? { stream: options.fluxJournal } : {}) },
    // X-Forwarded-For names the client only when it comes from a proxy named in TRUST_PROXY: the throttles and
    // the audit log use req.ip, which a client could otherwise choose.
    // (A hop count is accepted at run time, though Fastify's types leave numbers out.)
    trustProxy: ctx.config.trustProxy as boolean | string[],
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compilateurSerialisation({ verifier: ctx.config.verifierReponses }));
  installerGestionErreurs(app);
  installerCorpsJson(app);
  installerCacheApi(app);
  installerIdempotence(app, ctx);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.secureCookies,
  });
  // Every API route, as registered: the OpenAPI test checks each is documented.
  const routesApi: { methode: string; url: string }[] = [];
  app.decorate('routesApi', routesApi);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') return;
    if ((route.schema as { hide?: boolean } | undefined)?.hide) return; // kept out of the API on purpose (the bench's reference route)
    for (const methode of [route.method].flat()) if (methode !== 'HEAD') routesApi.push({ methode, url: route.url });
  });
  // Text answers (JSON, the app's JS and CSS) go compressed: the main bundle is a third of its size in gzip.
  // Brotli at its default quality (11) spends ~30 ms of CPU on a 140 KB fiche list: quality 4 compresses as well as
  // gzip in a fraction of the time, which is what a dynamic answer needs.
  // JSON answers are compressed in one go by our hook (platform/compression.ts); the plugin compresses streams.
  installerCompressionDirecte(app);
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await installerOpenApi(app);
  await installerAuthentification(app, authentifiant(ctx));

  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['Plateforme'],
      summary: 'État du service et de sa base de données',
      security: [],
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) }), 503: probleme },
    },
    handler: async () => {
      await ctx.db.query('select 1');
      return { status: 'ok' as const, database: ctx.modeBase };
    },
  });

  // The bench's reference: the same server, plugins and hooks (session lookup, compression, headers) around a handler that does nothing.
  // And the SQL references: the real routes' queries, rows sent as plain JSON (bench/README.md).
  if (ctx.config.bench) {
    app.get('/api/bench/nu', { schema: { hide: true } }, async () => ({ ok: true }));
    routesReferenceContrat(app, ctx);
    routesReferenceFiches(app, ctx);
  }

  routesTerritoires(app, ctx);
  routesComptes(app, ctx);
  routesOidc(app, ctx);
  routesAnnuaire(app, ctx);
  routesAudit(app, ctx);
  routesContrats(app, ctx);
  routesFiches(app, ctx);
  routesRessources(app, ctx);
  routesParcours(app, ctx);
  routesParticipation(app, ctx);
  // Before the appui routes: no API token reads their health data (decision 0031).
  refuserJetonsSurLeModule(app);
  routesAppui(app, ctx);
  routesAppuiPlan(app, ctx);
  routesActiviteAppui(app, ctx);
  routesPlans(app, ctx);
  // The contract document's optional annexes come from their modules (documents does not depend on them).
  routesDocuments(app, ctx, { grilles: annexeGrilles });
  routesFichiers(app, ctx);
  routesDiagnostics(app, ctx);
  routesDhis2(app, ctx);
  routesGouvernance(app, ctx);
  routesPortefeuille(app, ctx);
  routesBibliotheque(app, ctx);
  routesPublic(app, ctx);
  routesSuivi(app, ctx);
  routesWebhooks(app, ctx);
  routesTempsPublics(app, ctx);
  routesAvis(app, ctx);

  await servirApplicationWeb(app, ctx.config.webDist);
  // Background jobs (imports, digest, reminders) run beside the API, and stop with it.
  const arreterEcoute = await demarrerTaches(ctx);
  app.addHook('onClose', async () => {
    await arreterEcoute();
    await ctx.taches.arreter();
  });
  return app;
}

/** The built single-page app; any non-API GET that is not a file gets index.html and the app routes it. */
async function servirApplicationWeb(app: FastifyInstance, dossier: string) {
  const index = path.join(dossier, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reponse) =>
      reponse.type('text/plain; charset=utf-8').send('Application web non construite : lancez « npm run build » (npm start le fait).'),
    );
    app.setNotFoundHandler(repondreIntrouvable);
    return;
  }
  // wildcard: files are looked up on each request, so a rebuild is served without a restart.
  app.register(fastifyStatic, {
    root: dossier,
    wildcard: true,
    index: false,
    // The build writes .br and .gz beside each text file (apps/web/vite.config.ts): sent as they are, compressed
    // harder than on the fly and at no CPU cost; a file without them is compressed by @fastify/compress as before.
    preCompressed: true,
    // Our Cache-Control, not send's "public, max-age=0", which would replace the one set below: the hashed assets
    // are kept a year by the browser (a phone opening a second public page downloads no script again); the rest
    // (index.html, favicons) is revalidated each time (ETag).
    cacheControl: false,
    // The server-rendering bundle and the public pages' template are the server's, not files to download.
    allowedPath: (chemin) => !chemin.startsWith('/.serveur/') && chemin !== '/public.html',
    setHeaders: (res, chemin) => {
      res.setHeader('cache-control', chemin.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (/\.(br|gz)$/.test(chemin)) res.setHeader('vary', 'accept-encoding');
    },
  });
  const pageApplication = (_req: unknown, reponse: FastifyReply) =>
    reponse.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, pageApplication);
  await brancherPagesPubliques(app, dossier, pageApplication);
  // Any other path is a page of the app, which routes it (and shows its own 404).
  app.setNotFoundHandler((req, reponse) => {
    const chemin = req.url.split('?')[0];
    if (req.method !== 'GET' || chemin.startsWith('/api/') || chemin.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(chemin))
      return repondreIntrouvable(req, reponse);
    return pageApplication(req, reponse);
  });
}
