/**
 * Séances happen in France: their dates and times are typed and shown in Paris time, whatever the browser's zone,
 * and travel to the API as ISO UTC instants.
 */
import { formaterDate } from '@maillage/domain';

const ZONE = 'Europe/Paris';

const partiesParis = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function champs(instant: number): Record<string, number> {
  return Object.fromEntries(
    partiesParis
      .formatToParts(new Date(instant))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** Milliseconds Paris is ahead of UTC at that instant (1 h in winter, 2 h in summer). */
function decalage(instant: number): number {
  const c = champs(instant);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

/** "2021-07-01" + "14:00" (Paris) → "2021-07-01T12:00:00.000Z". */
export function versIsoUtc(date: string, heure: string): string {
  const [a, m, j] = date.split('-').map(Number);
  const [h, min] = heure.split(':').map(Number);
  const murale = Date.UTC(a, m - 1, j, h, min);
  // The offset depends on the instant itself (summer time): settle it in two steps.
  const premier = murale - decalage(murale);
  return new Date(murale - decalage(premier)).toISOString();
}

/** An ISO instant → the date and time fields of a form, in Paris time. */
export function versChampsParis(iso: string): { date: string; heure: string } {
  const c = champs(new Date(iso).getTime());
  const deux = (n: number) => String(n).padStart(2, '0');
  return { date: `${c.year}-${deux(c.month)}-${deux(c.day)}`, heure: `${deux(c.hour)}:${deux(c.minute)}` };
}

/** "14:00", Paris time. */
export const heureParis = (iso: string) =>
  new Date(iso).toLocaleTimeString('fr-FR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

/** "1er juillet 2021", the day in Paris. */
export const jourParis = (iso: string) => formaterDate(versChampsParis(iso).date);

/** "1er juillet 2021 à 14:00", or "… de 14:00 à 16:30" with an end. */
export function quandSeance(debut: string, fin?: string | null): string {
  const jour = jourParis(debut);
  if (fin && versChampsParis(fin).date === versChampsParis(debut).date) return `${jour} de ${heureParis(debut)} à ${heureParis(fin)}`;
  if (fin) return `du ${jour} à ${heureParis(debut)} au ${jourParis(fin)} à ${heureParis(fin)}`;
  return `${jour} à ${heureParis(debut)}`;
}
