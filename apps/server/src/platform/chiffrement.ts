import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Authenticated encryption of sensitive columns in the application (AES-256-GCM, node:crypto), the key kept outside
 * the database: from MAILLAGE_CLE_SANTE, or generated on first start into DATA_DIR/cles-sante.json (mode 0600).
 * Each ciphertext carries the id of its key, so that a rotation re-encrypts row by row while both keys read.
 *
 * Layout of a ciphertext: version (1 byte) | key id (8) | nonce (12) | tag (16) | encrypted bytes. The caller gives a
 * context (table, column, row id) bound as associated data: a ciphertext copied to another row does not decrypt.
 */

const VERSION = 1;
const LONGUEUR_ID = 8;
const LONGUEUR_NONCE = 12;
const LONGUEUR_TAG = 16;
const ENTETE = 1 + LONGUEUR_ID + LONGUEUR_NONCE + LONGUEUR_TAG;
export const FICHIER_CLES = 'cles-sante.json';

export interface Trousseau {
  /** The key new ciphertexts use. */
  active: { id: string; cle: Buffer };
  /** Every key that still reads, by id (the active one included). */
  cles: Map<string, Buffer>;
  /** Where the keys come from, for messages (never the key). */
  source: string;
}

/** A failure that names no data: the message goes to logs and never carries a plaintext. */
export class ErreurChiffrement extends Error {}

/** The id of a key: a fingerprint, so that the same key always gets the same id, wherever it is given. */
export function idDeCle(cle: Buffer): string {
  return createHash('sha256')
    .update('maillage-cle-sante:')
    .update(cle)
    .digest('hex')
    .slice(0, LONGUEUR_ID * 2);
}

/** A key given in the environment: 32 bytes, in base64 or hexadecimal. */
export function lireCle(texte: string, nom = 'MAILLAGE_CLE_SANTE'): Buffer {
  const t = texte.trim();
  const cle = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (cle.length !== 32)
    throw new ErreurChiffrement(
      `${nom} : une clé de 32 octets est attendue, en base64 ou en hexadécimal (par exemple : openssl rand -base64 32).`,
    );
  return cle;
}

interface FichierCles {
  active: string;
  cles: { id: string; cle: string; creeLe: string }[];
}

async function lireFichier(fichier: string): Promise<FichierCles | null> {
  try {
    return JSON.parse(await fs.readFile(fichier, 'utf8')) as FichierCles;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ErreurChiffrement(`Le fichier de clés ${fichier} est illisible : restaurez-le depuis sa sauvegarde.`);
  }
}

async function ecrireFichier(fichier: string, contenu: FichierCles, exclusif: boolean) {
  await fs.mkdir(path.dirname(fichier), { recursive: true });
  const texte = `${JSON.stringify(contenu, null, 2)}\n`;
  if (exclusif) {
    // Two processes starting at once on the same DATA_DIR: the first writes, the other reads what it wrote.
    await fs.writeFile(fichier, texte, { mode: 0o600, flag: 'wx' });
    return;
  }
  const provisoire = `${fichier}.${process.pid}.tmp`;
  await fs.writeFile(provisoire, texte, { mode: 0o600 });
  await fs.rename(provisoire, fichier);
}

const nouvelleCle = () => {
  const cle = randomBytes(32);
  return { id: idDeCle(cle), cle: cle.toString('base64'), creeLe: new Date().toISOString() };
};

/**
 * The keys: MAILLAGE_CLE_SANTE (active) and MAILLAGE_CLES_SANTE_ANCIENNES (comma-separated, still reading) when set;
 * else the key file of DATA_DIR, created on first use. Keys of the file also read when the environment names the
 * active one (a move from the generated key to a managed one).
 */
export async function chargerTrousseau(dataDir: string, env: { cle?: string | null; anciennes?: string | null } = {}): Promise<Trousseau> {
  const fichier = path.join(dataDir, FICHIER_CLES);
  let contenu = await lireFichier(fichier);
  const cles = new Map<string, Buffer>();
  for (const c of contenu?.cles ?? []) cles.set(c.id, Buffer.from(c.cle, 'base64'));
  if (env.cle) {
    const cle = lireCle(env.cle);
    for (const a of (env.anciennes ?? '').split(',').filter((x) => x.trim())) {
      const ancienne = lireCle(a, 'MAILLAGE_CLES_SANTE_ANCIENNES');
      cles.set(idDeCle(ancienne), ancienne);
    }
    cles.set(idDeCle(cle), cle);
    return { active: { id: idDeCle(cle), cle }, cles, source: 'MAILLAGE_CLE_SANTE' };
  }
  if (!contenu) {
    const c = nouvelleCle();
    try {
      await ecrireFichier(fichier, { active: c.id, cles: [c] }, true);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    contenu = await lireFichier(fichier);
    if (!contenu) throw new ErreurChiffrement(`Le fichier de clés ${fichier} n’a pas pu être créé.`);
    for (const k of contenu.cles) cles.set(k.id, Buffer.from(k.cle, 'base64'));
  }
  const active = cles.get(contenu.active);
  if (!active) throw new ErreurChiffrement(`Le fichier de clés ${fichier} ne contient pas sa clé active.`);
  return { active: { id: contenu.active, cle: active }, cles, source: fichier };
}

/** Rotation, first step: a new key becomes the active one of the file; the old ones stay to read. */
export async function ajouterCleAuFichier(dataDir: string): Promise<string> {
  const fichier = path.join(dataDir, FICHIER_CLES);
  const contenu = (await lireFichier(fichier)) ?? { active: '', cles: [] };
  const c = nouvelleCle();
  await ecrireFichier(fichier, { active: c.id, cles: [...contenu.cles, c] }, false);
  return c.id;
}

/** Rotation, last step: once every ciphertext uses the active key, the others leave the file. */
export async function retirerAnciennesCles(dataDir: string): Promise<number> {
  const fichier = path.join(dataDir, FICHIER_CLES);
  const contenu = await lireFichier(fichier);
  if (!contenu) return 0;
  const gardees = contenu.cles.filter((c) => c.id === contenu.active);
  await ecrireFichier(fichier, { active: contenu.active, cles: gardees }, false);
  return contenu.cles.length - gardees.length;
}

export function chiffrer(trousseau: Trousseau, clair: string, contexte: string): Buffer {
  const nonce = randomBytes(LONGUEUR_NONCE);
  const chiffreur = createCipheriv('aes-256-gcm', trousseau.active.cle, nonce, { authTagLength: LONGUEUR_TAG });
  chiffreur.setAAD(Buffer.from(contexte, 'utf8'));
  const corps = Buffer.concat([chiffreur.update(clair, 'utf8'), chiffreur.final()]);
  return Buffer.concat([Buffer.from([VERSION]), Buffer.from(trousseau.active.id, 'hex'), nonce, chiffreur.getAuthTag(), corps]);
}

/** The id of the key a ciphertext was made with. */
export function cleDuChiffre(chiffre: Buffer): string {
  return chiffre.subarray(1, 1 + LONGUEUR_ID).toString('hex');
}

export function dechiffrer(trousseau: Trousseau, chiffre: Buffer, contexte: string): string {
  if (chiffre.length < ENTETE || chiffre[0] !== VERSION) throw new ErreurChiffrement('Donnée chiffrée illisible (format inconnu).');
  const id = cleDuChiffre(chiffre);
  const cle = trousseau.cles.get(id);
  if (!cle) throw new ErreurChiffrement(`Donnée chiffrée avec une clé absente du trousseau (${id}).`);
  const nonce = chiffre.subarray(1 + LONGUEUR_ID, 1 + LONGUEUR_ID + LONGUEUR_NONCE);
  const tag = chiffre.subarray(1 + LONGUEUR_ID + LONGUEUR_NONCE, ENTETE);
  const dechiffreur = createDecipheriv('aes-256-gcm', cle, nonce, { authTagLength: LONGUEUR_TAG });
  dechiffreur.setAAD(Buffer.from(contexte, 'utf8'));
  dechiffreur.setAuthTag(tag);
  try {
    return Buffer.concat([dechiffreur.update(chiffre.subarray(ENTETE)), dechiffreur.final()]).toString('utf8');
  } catch {
    throw new ErreurChiffrement('Donnée chiffrée altérée ou déplacée : son authentification a échoué.');
  }
}

/** JSON helpers: most encrypted columns hold a small object. */
export const chiffrerJson = (t: Trousseau, valeur: unknown, contexte: string) => chiffrer(t, JSON.stringify(valeur), contexte);
export const dechiffrerJson = <T>(t: Trousseau, chiffre: Buffer, contexte: string) => JSON.parse(dechiffrer(t, chiffre, contexte)) as T;
