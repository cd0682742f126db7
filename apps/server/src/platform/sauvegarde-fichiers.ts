import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Backup files: their names, how a finished one takes its name without ever replacing another, and how the
 * restore command finds the one the operator names.
 */

export const EXTENSION = '.sauvegarde.gz';

/** An operator's mistake, said in French: the CLI prints it without a stack trace. */
export class ErreurSauvegarde extends Error {}

const deux = (n: number) => String(n).padStart(2, '0');

/**
 * `maillage-2026-03-05T14h30m12s.sauvegarde.gz`, in the machine's local time (the clock the operator reads),
 * then `-2`, `-3`… for later backups of the same second.
 */
export function nomDeSauvegarde(date: Date, rang = 1): string {
  const jour = `${date.getFullYear()}-${deux(date.getMonth() + 1)}-${deux(date.getDate())}`;
  const heure = `${deux(date.getHours())}h${deux(date.getMinutes())}m${deux(date.getSeconds())}s`;
  return `maillage-${jour}T${heure}${rang > 1 ? `-${rang}` : ''}${EXTENSION}`;
}

/**
 * Gives the finished file `partiel` the name `cible`, only if no file has it: a hard link fails when the name is
 * taken, where a rename would silently replace it. Returns false when the name is taken.
 */
export async function publierSansEcraser(partiel: string, cible: string): Promise<boolean> {
  try {
    await fs.link(partiel, cible);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    // A file system without hard links: an exclusive copy, which fails too when the name is taken.
    try {
      await fs.copyFile(partiel, cible, constants.COPYFILE_EXCL);
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  }
  await fs.rm(partiel, { force: true });
  return true;
}

export interface FichierSauvegarde {
  nom: string;
  chemin: string;
  taille: number;
  modifieLe: Date;
}

/** The backups of a folder, oldest first. */
export async function listerSauvegardes(dossier: string): Promise<FichierSauvegarde[]> {
  const noms = await fs.readdir(dossier).catch(() => [] as string[]);
  const liste: FichierSauvegarde[] = [];
  for (const nom of noms.filter((n) => n.endsWith(EXTENSION))) {
    const s = await fs.stat(path.join(dossier, nom)).catch(() => null);
    if (s?.isFile()) liste.push({ nom, chemin: path.join(dossier, nom), taille: s.size, modifieLe: s.mtime });
  }
  return liste.sort((a, b) => a.modifieLe.getTime() - b.modifieLe.getTime() || a.nom.localeCompare(b.nom));
}

export function formaterTaille(octets: number): string {
  const nombre = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);
  if (octets < 1024) return `${octets} octets`;
  if (octets < 1024 ** 2) return `${nombre(octets / 1024)} Ko`;
  if (octets < 1024 ** 3) return `${nombre(octets / 1024 ** 2)} Mo`;
  return `${nombre(octets / 1024 ** 3)} Go`;
}

/** A date as the operator reads it; `date` may be an ISO string (how the pool returns timestamps). */
export function formaterDate(date: Date | string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium' }).format(new Date(date));
}

/** What the folder holds, to say after an unknown name. */
export async function decrireSauvegardes(dossier: string): Promise<string> {
  const liste = await listerSauvegardes(dossier);
  if (!liste.length) return `Aucune sauvegarde dans ${dossier} (npm run backup en crée une).`;
  return [
    `Sauvegardes disponibles dans ${dossier} :`,
    ...liste.map((f) => `  ${f.nom}  (${formaterTaille(f.taille)}, ${formaterDate(f.modifieLe)})`),
  ].join('\n');
}

/**
 * The file the operator names: a bare name is looked for in the backups folder (with or without its extension),
 * then like any path, relative to the folder the command was typed in.
 */
export async function trouverSauvegarde(argument: string, dossier: string, repertoireCourant: string): Promise<string> {
  const nomNu = !argument.includes('/') && !argument.includes(path.sep);
  const candidats = [
    ...(nomNu ? [path.join(dossier, argument), path.join(dossier, `${argument}${EXTENSION}`)] : []),
    path.resolve(repertoireCourant, argument),
  ];
  for (const chemin of candidats) {
    const s = await fs.stat(chemin).catch(() => null);
    if (s?.isFile()) return chemin;
    if (s?.isDirectory() && !nomNu)
      throw new ErreurSauvegarde(`${chemin} est un dossier, pas un fichier de sauvegarde.\n${await decrireSauvegardes(dossier)}`);
  }
  throw new ErreurSauvegarde(
    `Sauvegarde introuvable : « ${argument} » n’est ni une sauvegarde de ${dossier} ni un fichier existant.\n${await decrireSauvegardes(dossier)}`,
  );
}
