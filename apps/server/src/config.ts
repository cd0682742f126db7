import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever the working directory npm gives us. */
export const RACINE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  secureCookies: boolean;
  webDist: string;
  logLevel: string;
  /** MAILLAGE_BENCH=1: the bench's bare reference route (GET /api/bench/nu) exists. */
  bench: boolean;
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(RACINE, env.DATA_DIR ?? '.data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Maillage <ne-pas-repondre@maillage.local>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    demo: env.MAILLAGE_DEMO !== '0',
    adminEmail: env.MAILLAGE_ADMIN_EMAIL || null,
    adminPassword: env.MAILLAGE_ADMIN_PASSWORD || null,
    secureCookies: (env.PUBLIC_URL ?? '').startsWith('https://'),
    // The built web app; the bench builds its own copy elsewhere so as not to swap files under a running server.
    webDist: env.MAILLAGE_WEB_DIST ? path.resolve(env.MAILLAGE_WEB_DIST) : path.resolve(RACINE, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'warn',
    bench: env.MAILLAGE_BENCH === '1',
  };
}
