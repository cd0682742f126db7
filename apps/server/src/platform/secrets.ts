import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random token for a cookie, an API key or a reset link; only its hash is stored. */
export function nouveauJeton(prefixe = ''): string {
  return prefixe + randomBytes(32).toString('base64url');
}

export function empreinte(jeton: string): Buffer {
  return createHash('sha256').update(jeton).digest();
}

// argon2id (the library's default algorithm) with OWASP's minimum parameters.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hacherMotDePasse(motDePasse: string): Promise<string> {
  return hash(motDePasse, ARGON2);
}

export async function verifierMotDePasse(hache: string | null, motDePasse: string): Promise<boolean> {
  if (!hache) return false;
  try {
    return await verify(hache, motDePasse);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so both cases take the same time. */
let leurre: Promise<string> | null = null;
export function hachageLeurre(): Promise<string> {
  leurre ??= hacherMotDePasse(randomBytes(16).toString('hex'));
  return leurre;
}
