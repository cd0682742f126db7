import { OPTIONS_NODE_SERVEUR } from '../../src/platform/options-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { BASE_MODELE } from '../global-setup';
import { ClientHttp } from '../harness';

export const RACINE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const ADMIN = { email: 'admin.resilience@exemple.fr', motDePasse: 'resilience-2026-solide' };

/** A fresh database cloned from the migrated template, on the test PostgreSQL. */
export async function nouvelleBase(): Promise<{ url: string; supprimer: () => Promise<void> }> {
  const urlAdmin = inject('urlAdminPg');
  const nom = `maillage_r_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: urlAdmin });
  await admin.connect();
  await admin.query(`create database ${nom} template ${BASE_MODELE}`);
  await admin.end();
  const url = new URL(urlAdmin);
  url.pathname = `/${nom}`;
  return {
    url: url.toString(),
    supprimer: async () => {
      const a = new pg.Client({ connectionString: urlAdmin });
      await a.connect();
      await a.query(`drop database if exists ${nom} with (force)`);
      await a.end();
    },
  };
}

async function portLibre(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServeurReel {
  url: string;
  processus: ChildProcess;
  journal: string[];
  client(): ClientHttp;
  admin(): Promise<ClientHttp>;
  /** SIGTERM and wait for the end. */
  arreter(): Promise<void>;
  /** SIGKILL: no cleanup at all. */
  tuer(): Promise<void>;
}

/** Maillage as users run it: `node --import tsx apps/server/src/main.ts`, in its own process, on the given database. */
export async function lancerServeur(env: Record<string, string>): Promise<ServeurReel> {
  const port = await portLibre();
  const url = `http://127.0.0.1:${port}`;
  const journal: string[] = [];
  const processus = spawn(process.execPath, [...OPTIONS_NODE_SERVEUR, '--import', 'tsx', path.join(RACINE, 'apps/server/src/main.ts')], {
    cwd: RACINE,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      MAILLAGE_DEMO: '0',
      MAILLAGE_ADMIN_EMAIL: ADMIN.email,
      MAILLAGE_ADMIN_PASSWORD: ADMIN.motDePasse,
      DATA_DIR: path.join(os.tmpdir(), `maillage-reel-${port}`),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processus.stdout!.on('data', (d) => journal.push(String(d)));
  processus.stderr!.on('data', (d) => journal.push(String(d)));
  const fin = new Promise<void>((resolve) => processus.once('exit', () => resolve()));
  const limite = Date.now() + 120_000;
  for (;;) {
    if (processus.exitCode !== null) throw new Error(`Le serveur s’est arrêté au démarrage :\n${journal.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > limite) throw new Error(`Le serveur n’a pas démarré en 120 s :\n${journal.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    processus,
    journal,
    client: () => new ClientHttp(url),
    admin: async () => {
      const c = new ClientHttp(url);
      await c.connecter(ADMIN.email, ADMIN.motDePasse);
      return c;
    },
    arreter: async () => {
      processus.kill('SIGTERM');
      await fin;
    },
    tuer: async () => {
      processus.kill('SIGKILL');
      await fin;
    },
  };
}
