import { createEvents, type EventAttributes } from 'ics';

export interface EvenementSeance {
  id: string;
  titre: string;
  debut: string;
  fin: string | null;
  lieu: string | null;
  description: string;
  url: string | null;
  sequence: number;
  annulee: boolean;
}

const versTableau = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** An iCalendar file (RFC 5545) for one or several séances; the UID stays the same so updates replace the event. */
export function calendrier(evenements: EvenementSeance[], nomCalendrier: string): string {
  const attributs: EventAttributes[] = evenements.map((e) => ({
    uid: `${e.id}@maillage`,
    title: e.titre,
    start: versTableau(e.debut),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...(e.fin ? { end: versTableau(e.fin), endInputType: 'utc' as const, endOutputType: 'utc' as const } : { duration: { hours: 2 } }),
    location: e.lieu ?? undefined,
    description: e.description,
    url: e.url ?? undefined,
    sequence: e.sequence,
    status: e.annulee ? 'CANCELLED' : 'CONFIRMED',
    productId: 'maillage/cls',
    calName: nomCalendrier,
  }));
  if (!attributs.length) {
    // An empty feed is still a valid calendar.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:maillage/cls', `X-WR-CALNAME:${nomCalendrier}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(attributs);
  if (error || !value) throw error ?? new Error('Calendrier vide');
  return value;
}
