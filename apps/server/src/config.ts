import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConfigOidc, lireConfigOidc } from './config-oidc';

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
  /** MAILLAGE_EDITEUR_DONNEES: who publishes the open data (dct:publisher of the DCAT catalogue); « Maillage » by default. */
  editeurDonnees: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  secureCookies: boolean;
  webDist: string;
  logLevel: string;
  /**
   * TRUST_PROXY: which proxies may name the client in X-Forwarded-For (Fastify's trustProxy). Off by default:
   * the client is the TCP peer, and a forged header changes nothing.
   */
  trustProxy: boolean | number | string[];
  /**
   * MAILLAGE_APPUI_CONSERVATION_MOIS (default 24): months a closed case of the appui module is kept before the purge,
   * when its team sets none (decision 0032).
   */
  conservationAppuiMois: number;
  /** MAILLAGE_BENCH=1: the bench's bare reference route (GET /api/bench/nu) exists. */
  bench: boolean;
  /**
   * MAILLAGE_VERIFIER_REPONSES=1 (default under NODE_ENV test or development): every answer is also parsed by its
   * zod schema and must match what the fast serializer writes (platform/serialisation.ts). Off in production.
   */
  verifierReponses: boolean;
  /**
   * When scheduled jobs are sent (cron expressions, Paris time; « non »: never). Shared by every process on the
   * database: the last process started sets them.
   */
  planifications: { synthese: string | null; relances: string | null; purgeAppui: string | null };
  /**
   * MAILLAGE_CLE_SANTE (32 bytes, base64 or hex): the key of the appui module's health data; without it, a key is
   * generated into DATA_DIR/cles-sante.json on first start. MAILLAGE_CLES_SANTE_ANCIENNES: former keys, still reading.
   */
  cleSante: { cle: string | null; anciennes: string | null };
  /** MAILLAGE_OIDC_<PROCONNECT|PROSANTECONNECT>_*: the OpenID Connect providers turned on (config-oidc.ts). */
  oidc: ConfigOidc;
  /** Webhook deliveries (decision 0039). */
  webhooks: ConfigWebhooks;
}

export interface ConfigWebhooks {
  /** MAILLAGE_WEBHOOKS_DELAI_REPONSE_MS (default 10 000): a receiver silent longer is a timeout, tried again. */
  delaiReponseMs: number;
  /** MAILLAGE_WEBHOOKS_DELAIS: seconds before each new attempt, comma-separated (default 60,300,1800,7200,21600,43200). */
  delais: number[];
  /** MAILLAGE_WEBHOOKS_ECHECS_AVANT_PAUSE (default 10): failed attempts in a row that pause a subscription. */
  echecsAvantPause: number;
  /**
   * MAILLAGE_WEBHOOKS_RESEAUX_PRIVES=1: private and loopback targets allowed, and http:// for localhost (default only
   * under NODE_ENV test or development: a receiver on the developer's machine). Off in production (SSRF).
   */
  reseauxPrives: boolean;
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
    editeurDonnees: env.MAILLAGE_EDITEUR_DONNEES?.trim() || 'Maillage',
    demo: env.MAILLAGE_DEMO !== '0',
    adminEmail: env.MAILLAGE_ADMIN_EMAIL || null,
    adminPassword: env.MAILLAGE_ADMIN_PASSWORD || null,
    secureCookies: (env.PUBLIC_URL ?? '').startsWith('https://'),
    // The built web app; the bench builds its own copy elsewhere so as not to swap files under a running server.
    webDist: env.MAILLAGE_WEB_DIST ? path.resolve(env.MAILLAGE_WEB_DIST) : path.resolve(RACINE, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'warn',
    bench: env.MAILLAGE_BENCH === '1',
    verifierReponses:
      (env.MAILLAGE_VERIFIER_REPONSES ?? (['test', 'development'].includes(env.NODE_ENV ?? process.env.NODE_ENV ?? '') ? '1' : '0')) ===
      '1',
    trustProxy: lireTrustProxy(env.TRUST_PROXY),
    conservationAppuiMois: lireMois(env.MAILLAGE_APPUI_CONSERVATION_MOIS, 24),
    planifications: {
      // Monday, every hour from 8 h: a coordinator gets one digest a week (its date is recorded), even after a late start.
      synthese: lireCron(env.MAILLAGE_CRON_SYNTHESE, '0 8-23 * * 1'),
      relances: lireCron(env.MAILLAGE_CRON_RELANCES, '0 * * * *'),
      // Every night: closed cases past their retention are purged (appui module, decision 0032).
      purgeAppui: lireCron(env.MAILLAGE_CRON_PURGE_APPUI, '30 3 * * *'),
    },
    cleSante: { cle: env.MAILLAGE_CLE_SANTE || null, anciennes: env.MAILLAGE_CLES_SANTE_ANCIENNES || null },
    oidc: lireConfigOidc(env),
    webhooks: lireConfigWebhooks(env),
  };
}

function lireConfigWebhooks(env: NodeJS.ProcessEnv): ConfigWebhooks {
  const entier = (nom: string, defaut: number, min: number, max: number) => {
    const texte = (env[nom] ?? '').trim();
    if (!texte) return defaut;
    if (!/^\d+$/.test(texte) || Number(texte) < min || Number(texte) > max)
      throw new Error(`${nom} : « ${texte} » n’est pas un nombre entier entre ${min} et ${max}.`);
    return Number(texte);
  };
  const delais = (env.MAILLAGE_WEBHOOKS_DELAIS ?? '').trim();
  if (delais && !/^\d+(\s*,\s*\d+)*$/.test(delais))
    throw new Error(`MAILLAGE_WEBHOOKS_DELAIS : « ${delais} » n’est pas une liste de secondes séparées par des virgules.`);
  const developpement = ['test', 'development'].includes(env.NODE_ENV ?? process.env.NODE_ENV ?? '');
  return {
    delaiReponseMs: entier('MAILLAGE_WEBHOOKS_DELAI_REPONSE_MS', 10_000, 100, 60_000),
    delais: delais ? delais.split(',').map((d) => Number(d.trim())) : [60, 300, 1800, 7200, 21600, 43200],
    echecsAvantPause: entier('MAILLAGE_WEBHOOKS_ECHECS_AVANT_PAUSE', 10, 1, 1000),
    reseauxPrives: (env.MAILLAGE_WEBHOOKS_RESEAUX_PRIVES ?? (developpement ? '1' : '0')) === '1',
  };
}

function lireMois(valeur: string | undefined, defaut: number): number {
  const texte = (valeur ?? '').trim();
  if (!texte) return defaut;
  if (!/^\d+$/.test(texte) || Number(texte) < 1 || Number(texte) > 600)
    throw new Error(`MAILLAGE_APPUI_CONSERVATION_MOIS : « ${texte} » n’est pas un nombre de mois entre 1 et 600.`);
  return Number(texte);
}

function lireCron(valeur: string | undefined, defaut: string): string | null {
  const texte = (valeur ?? '').trim();
  if (!texte) return defaut;
  if (['non', 'off', 'false', '0'].includes(texte.toLowerCase())) return null;
  if (texte.split(/\s+/).length !== 5)
    throw new Error(`« ${texte} » n’est pas une expression cron à cinq champs (minute heure jour mois jour-de-semaine), ni « non ».`);
  return texte;
}

// Names proxy-addr (Fastify's trustProxy) understands besides addresses.
const PLAGES_NOMMEES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: empty or "false" (default) trusts no proxy; a number trusts that many hops in front of the server;
 * a comma-separated list names the proxies (IPs, CIDR ranges, loopback, linklocal, uniquelocal); "true" trusts
 * any peer, which only a server reachable solely through its proxy may do.
 */
export function lireTrustProxy(valeur: string | undefined): boolean | number | string[] {
  const texte = (valeur ?? '').trim();
  if (!texte || texte === 'false') return false;
  if (texte === 'true') return true;
  if (/^\d+$/.test(texte)) return Number(texte);
  const proxies = texte
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of proxies) {
    const [adresse, masque, ...reste] = p.split('/');
    const valide =
      PLAGES_NOMMEES.has(p) ||
      (isIP(adresse) !== 0 &&
        !reste.length &&
        (masque === undefined || (/^\d{1,3}$/.test(masque) && Number(masque) <= (isIP(adresse) === 4 ? 32 : 128))));
    if (!valide) throw new Error(`TRUST_PROXY : « ${p} » n’est ni une adresse IP, ni une plage CIDR, ni loopback/linklocal/uniquelocal.`);
  }
  return proxies;
}
