/** Field-level difference between two states of an entity, as stored in the audit log. */
export type Diff = Record<string, { avant: unknown; apres: unknown }>;

// Bookkeeping fields change on every write and secrets never enter the log.
const IGNORES = new Set(['version', 'modifieLe', 'modifie_le', 'passwordHash', 'password_hash']);

export function difference(avant: Record<string, unknown> | null, apres: Record<string, unknown> | null): Diff {
  const diff: Diff = {};
  const cles = new Set([...Object.keys(avant ?? {}), ...Object.keys(apres ?? {})]);
  for (const cle of cles) {
    if (IGNORES.has(cle)) continue;
    const a = avant?.[cle] ?? null;
    const b = apres?.[cle] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[cle] = { avant: a, apres: b };
  }
  return diff;
}
