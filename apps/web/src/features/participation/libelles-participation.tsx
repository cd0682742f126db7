import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { STATUTS_CONSULTATION, type StatutConsultation } from '@maillage/domain';
import { formaterDate } from '../../components/format';

const SEVERITE: Record<StatutConsultation, BadgeProps['severity'] | undefined> = {
  brouillon: undefined,
  ouverte: 'success',
  close: 'info',
};

/** The state of a consultation; the text says it, the colour only helps. */
export function BadgeStatutConsultation({ statut }: { statut: StatutConsultation }) {
  return (
    <Badge small noIcon severity={SEVERITE[statut]} as="span">
      {STATUTS_CONSULTATION[statut] ?? statut}
    </Badge>
  );
}

/** « du 1er mars 2027 au 31 mars 2027 », or what is missing. */
export function textePeriode(debut: string | null, fin: string | null): string {
  if (!debut && !fin) return 'Période à choisir à l’ouverture';
  return `du ${formaterDate(debut)} au ${formaterDate(fin)}`;
}

/** Today in Paris, as AAAA-MM-JJ (the server counts days in Europe/Paris). */
export function aujourdhuiParis(decalageJours = 0): string {
  const d = new Date(Date.now() + decalageJours * 86_400_000);
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
