import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What the operating system says about a process, to tell a live owner from a dead one. On Linux /proc also gives
 * a process's start time, which tells it from a later process that reuses its PID (common in containers, where
 * PIDs restart from 1 at every boot), and whether it is a zombie (dead, but not yet reaped by its parent).
 */

interface Stat {
  etat: string;
  /** Clock ticks since boot. */
  debut: string;
}

function stat(pid: number): Stat | null {
  try {
    const texte = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: fields are counted after its closing parenthesis.
    const champs = texte.slice(texte.lastIndexOf(')') + 2).split(' ');
    return { etat: champs[0], debut: champs[19] };
  } catch {
    return null;
  }
}

/** Alive: it exists and is not a zombie (kill 0 still answers for a dead child nobody reaped). */
export function processusVivant(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return stat(pid)?.etat !== 'Z';
}

/** The process's start time (Linux), or null where the system does not say. */
export function debutProcessus(pid: number): string | null {
  return stat(pid)?.debut ?? null;
}

/** Now, on the clock of process start times (clock ticks since boot, 100 per second on Linux), or null. */
export function instantSysteme(): number | null {
  try {
    return Math.floor(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100);
  } catch {
    return null;
  }
}

/** Its command line (program then arguments), or null when it cannot be read. */
export function ligneDeCommande(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    // No /proc (macOS): ps gives the same, with arguments joined by spaces.
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' })
        .trim()
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return null;
    }
  }
}

/** Whether `pid` is still the process that was started at `debut` (null: unknown, then the PID alone decides). */
export function memeProcessus(pid: number, debut: string | null): boolean {
  if (!processusVivant(pid)) return false;
  const actuel = debutProcessus(pid);
  return !debut || !actuel || actuel === debut;
}

/** Waits until the process is gone; false if it is still there after `delaiMs`. */
export async function attendreFin(pid: number, delaiMs: number): Promise<boolean> {
  const limite = Date.now() + delaiMs;
  while (processusVivant(pid)) {
    if (Date.now() > limite) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
