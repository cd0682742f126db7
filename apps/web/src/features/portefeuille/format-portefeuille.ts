/** "1,5 %", one decimal at most; "—" when there is nothing to divide. */
export function formaterPourcent(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0%`;
}
