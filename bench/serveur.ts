import { OPTIONS_NODE_SERVEUR } from '../apps/server/src/platform/options-node';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RACINE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServeurLance {
  url: string;
  processus: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /api/health. */
  demarrageMs: number;
  journal: string[];
  arreter(): Promise<void>;
}

/**
 * The real server as users start it (`node --import tsx apps/server/src/main.ts`), in its own process, on the
 * embedded PostgreSQL of `dataDir`. Ready when /api/health first answers 200.
 */
export async function lancerServeur(dataDir: string, env: Record<string, string> = {}): Promise<ServeurLance> {
  const port = await portLibre();
  const journal: string[] = [];
  const debut = performance.now();
  const processus = spawn(process.execPath, [...OPTIONS_NODE_SERVEUR, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: RACINE,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const garder = (d: Buffer) => {
    for (const l of d.toString().split('\n')) if (l.trim()) journal.push(l);
    if (journal.length > 200) journal.splice(0, journal.length - 200);
  };
  processus.stdout!.on('data', garder);
  processus.stderr!.on('data', garder);
  const fin = new Promise<void>((resolve) => processus.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let mort = false;
  void fin.then(() => (mort = true));
  for (;;) {
    if (mort) throw new Error(`Le serveur s’est arrêté au démarrage :\n${journal.slice(-30).join('\n')}`);
    if (performance.now() - debut > 600_000) throw new Error('Serveur pas prêt après 10 minutes');
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const demarrageMs = performance.now() - debut;
  return {
    url,
    processus,
    demarrageMs,
    journal,
    async arreter() {
      if (mort) return;
      processus.kill('SIGTERM');
      const delai = setTimeout(() => processus.kill('SIGKILL'), 30_000);
      await fin;
      clearTimeout(delai);
    },
  };
}

/** A logged-in client over real HTTP: session cookie, and the CSRF token for anything that changes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly url: string) {}

  static async connecter(url: string, email: string, password: string): Promise<Client> {
    const c = new Client(url);
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (r.status !== 200) throw new Error(`Connexion de ${email} refusée : ${r.status} ${await r.text()}`);
    c.cookie = r.headers
      .getSetCookie()
      .find((x) => x.startsWith('maillage_session='))!
      .split(';')[0];
    c.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return c;
  }

  get entetes(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf };
  }

  async get<T = any>(chemin: string): Promise<T> {
    const r = await fetch(this.url + chemin, { headers: this.entetes });
    if (r.status !== 200) throw new Error(`GET ${chemin} : ${r.status} ${(await r.text()).slice(0, 500)}`);
    return (await r.json()) as T;
  }

  /** Fetches and reads the whole body, for timing: the status must be 200. */
  async telecharger(chemin: string): Promise<Buffer> {
    const r = await fetch(this.url + chemin, { headers: this.entetes });
    const corps = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new Error(`GET ${chemin} : ${r.status} ${corps.toString().slice(0, 500)}`);
    return corps;
  }
}
