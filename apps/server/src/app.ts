import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { routesAudit } from './modules/audit/audit.routes';
import { routesComptes } from './modules/comptes/comptes.routes';
import { routesContrats } from './modules/contrats/contrats.routes';
import { routesFiches } from './modules/fiches/fiches.routes';
import { routesDocuments } from './modules/documents/documents.routes';
import { routesTerritoires } from './modules/territoires/territoires.routes';
import { installerAuthentification } from './platform/auth';
import type { Contexte } from './platform/contexte';
import { installerGestionErreurs } from './platform/errors';
import { installerOpenApi, probleme } from './platform/openapi';

declare module 'fastify' {
  interface FastifyInstance {
    routesApi: { methode: string; url: string }[];
  }
}

// French messages for every zod error, server-side as in the web app.
z.config(z.locales.fr());

export async function construireApplication(ctx: Contexte, options: { journal?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.journal === false ? false : { level: ctx.config.logLevel },
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installerGestionErreurs(app);

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
    for (const methode of [route.method].flat()) if (methode !== 'HEAD') routesApi.push({ methode, url: route.url });
  });
  await installerOpenApi(app);
  await installerAuthentification(app, ctx);

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

  routesTerritoires(app, ctx);
  routesComptes(app, ctx);
  routesAudit(app, ctx);
  routesContrats(app, ctx);
  routesFiches(app, ctx);
  routesDocuments(app, ctx);

  servirApplicationWeb(app, ctx.config.webDist);
  return app;
}

/** The built single-page app; any non-API GET that is not a file gets index.html and the app routes it. */
function servirApplicationWeb(app: FastifyInstance, dossier: string) {
  const index = path.join(dossier, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reponse) =>
      reponse.type('text/plain; charset=utf-8').send('Application web non construite : lancez « npm run build » (npm start le fait).'),
    );
    return;
  }
  app.register(fastifyStatic, {
    root: dossier,
    wildcard: false,
    index: false,
    setHeaders: (res, chemin) => {
      if (chemin.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (req, reponse) => {
    if (req.url.startsWith('/api/')) return reponse.callNotFound();
    return reponse.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
