import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { inject } from 'vitest';
import { construireApplication } from '../src/app';
import { lireConfig } from '../src/config';
import type { Contexte } from '../src/platform/contexte';
import { creerPool } from '../src/platform/database';
import { creerMessagerie } from '../src/platform/mail';
import { Taches } from '../src/platform/taches';
import { creerDonneesDemo } from '../src/demo/demo.service';
import { envoisTermines } from '../src/modules/comptes/auth.service';
import { BASE_MODELE } from './global-setup';

export interface CourrielRecu {
  a: string;
  sujet: string;
  texte: string;
  piecesJointes: { nom: string; type: string; contenu: string }[];
}

/** A real SMTP server in the test process: the app sends through SMTP_URL and we read what arrives. */
export async function demarrerSmtp() {
  const recus: CourrielRecu[] = [];
  const serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(flux, session, fin) {
      simpleParser(flux)
        .then((m) => {
          recus.push({
            a: session.envelope.rcptTo.map((r) => r.address).join(','),
            sujet: m.subject ?? '',
            texte: m.text ?? '',
            piecesJointes: m.attachments.map((p) => ({ nom: p.filename ?? '', type: p.contentType, contenu: p.content.toString('utf8') })),
          });
          fin();
        })
        .catch(fin);
    },
  });
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
  const port = (serveur.server.address() as AddressInfo).port;
  return { recus, url: `smtp://127.0.0.1:${port}`, fermer: () => new Promise<void>((r) => serveur.close(() => r())) };
}

export interface ServeurDeTest {
  url: string;
  routesApi: { methode: string; url: string }[];
  ctx: Contexte;
  courriels: CourrielRecu[];
  client(): ClientHttp;
  fermer(): Promise<void>;
}

/** The real application on a fresh database cloned from the migrated template, listening on a real port. */
export async function demarrerServeurDeTest(options: { demo?: boolean; webDist?: string; bench?: boolean } = {}): Promise<ServeurDeTest> {
  const urlAdmin = inject('urlAdminPg');
  const nom = `maillage_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: urlAdmin });
  await admin.connect();
  await admin.query(`create database ${nom} template ${BASE_MODELE}`);
  await admin.end();
  const url = new URL(urlAdmin);
  url.pathname = `/${nom}`;

  const smtp = await demarrerSmtp();
  const config = {
    ...lireConfig({
      DATA_DIR: path.join(os.tmpdir(), nom),
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://maillage.test',
      MAILLAGE_CRON_SYNTHESE: 'non',
      MAILLAGE_CRON_RELANCES: 'non',
      MAILLAGE_CRON_PURGE_APPUI: 'non',
      ...(options.webDist ? { MAILLAGE_WEB_DIST: options.webDist } : {}),
    }),
    port: 0,
    bench: options.bench ?? false,
  };
  const db = creerPool(url.toString(), 5);
  const messagerie = creerMessagerie({ smtpUrl: smtp.url, expediteur: config.mailFrom, dossierSortie: config.dataDir, journal: () => {} });
  const ctx: Contexte = { db, config, messagerie, taches: new Taches(db, () => {}), modeBase: inject('modeBase') };
  if (options.demo !== false) await creerDonneesDemo(ctx, () => {});
  const app = await construireApplication(ctx, { journal: process.env.MAILLAGE_TEST_LOG === '1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url: base,
    routesApi: app.routesApi,
    ctx,
    courriels: smtp.recus,
    client: () => new ClientHttp(base),
    async fermer() {
      await app.close();
      await ctx.taches.arreter();
      await envoisTermines();
      await db.end();
      await smtp.fermer();
      const a = new pg.Client({ connectionString: urlAdmin });
      await a.connect();
      await a.query(`drop database if exists ${nom} with (force)`);
      await a.end();
    },
  };
}

export interface Reponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A browser-like client over real HTTP: keeps the session cookie and sends the CSRF token it was given. */
export class ClientHttp {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(readonly base: string) {}

  async requete<T = any>(methode: string, chemin: string, corps?: unknown, options: { csrf?: boolean } = {}): Promise<Reponse<T>> {
    const headers: Record<string, string> = {};
    if (corps !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && options.csrf !== false && methode !== 'GET') headers['x-csrf-token'] = this.csrf;
    const reponse = await fetch(this.base + chemin, {
      method: methode,
      headers,
      body: corps === undefined ? undefined : JSON.stringify(corps),
    });
    const cookie = reponse.headers.getSetCookie().find((c) => c.startsWith('maillage_session='));
    if (cookie) this.cookie = cookie.split(';')[0];
    const texte = await reponse.text();
    let body: any = texte;
    try {
      body = texte ? JSON.parse(texte) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: reponse.status, headers: reponse.headers, body };
  }

  get = <T = any>(chemin: string) => this.requete<T>('GET', chemin);
  post = <T = any>(chemin: string, corps?: unknown, options?: { csrf?: boolean }) => this.requete<T>('POST', chemin, corps ?? {}, options);
  put = <T = any>(chemin: string, corps: unknown) => this.requete<T>('PUT', chemin, corps);
  delete = <T = any>(chemin: string) => this.requete<T>('DELETE', chemin);

  /** A multipart form (file uploads and imports): text fields, and files as { nom, contenu }. */
  async multipart<T = any>(
    chemin: string,
    champs: Record<string, string | { nom: string; contenu: Buffer | string }>,
  ): Promise<Reponse<T>> {
    const formulaire = new FormData();
    for (const [cle, valeur] of Object.entries(champs))
      if (typeof valeur === 'string') formulaire.append(cle, valeur);
      else formulaire.append(cle, new Blob([valeur.contenu]), valeur.nom);
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const reponse = await fetch(this.base + chemin, { method: 'POST', headers, body: formulaire });
    const texte = await reponse.text();
    let body: any = texte;
    try {
      body = texte ? JSON.parse(texte) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: reponse.status, headers: reponse.headers, body };
  }

  /** A file download: status, headers and the raw bytes. */
  async telecharger(chemin: string) {
    const r = await fetch(this.base + chemin, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      disposition: r.headers.get('content-disposition'),
      corps: Buffer.from(await r.arrayBuffer()),
    };
  }

  async connecter(email: string, password = 'maillage-demo-2026') {
    const r = await this.post('/api/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`Connexion de ${email} refusée : ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
    return r;
  }
}

export const DEMO = {
  admin: 'admin@demo.maillage.fr',
  ars: 'ars.bretagne@demo.maillage.fr',
  arsPaysDeLaLoire: 'ars.pays-de-la-loire@demo.maillage.fr',
  coordination: 'coordination@demo.maillage.fr',
  cpam: 'cpam@demo.maillage.fr',
  lecteur: 'lecteur@demo.maillage.fr',
  pilote: 'pilote@demo.maillage.fr',
  referentArs: 'referent.ars@demo.maillage.fr',
};

/** The text of a DOCX: its document.xml, read with unzip (Debian's) — no library of ours in the loop. */
export function texteDocx(contenu: Buffer) {
  const fichier = path.join(os.tmpdir(), `maillage-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(fichier, contenu);
  try {
    return execFileSync('unzip', ['-p', fichier, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(
      /<[^>]+>/g,
      ' ',
    );
  } finally {
    fs.rmSync(fichier);
  }
}
