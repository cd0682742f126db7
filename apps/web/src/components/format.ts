/** French formatting, only at the edges (UI). */

const nombre = new Intl.NumberFormat('fr-FR');
const date = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const dateHeure = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** 12 345 (the thin no-break spaces Intl uses read well and do not wrap). */
export const formaterNombre = (n: number) => nombre.format(n);

export const formaterPopulation = (n: number) => `${formaterNombre(n)} habitant${n > 1 ? 's' : ''}`;

/** "1er juillet 2021": Intl writes "1 juillet", French typography wants "1er". */
function premier(texte: string) {
  return texte.replace(/^1 /, '1er ');
}

export function formaterDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : premier(date.format(d));
}

export function formaterDateHeure(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : premier(dateHeure.format(d));
}

/** "3 comptes", "1 compte", "aucun compte", "aucune séance": one helper for every count, shared with the server. */
export { pluriel } from '@maillage/domain';
