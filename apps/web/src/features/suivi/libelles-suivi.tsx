import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  LIBELLES_ACTION_SUIVI,
  LIBELLES_ETAT_FICHE_CAMPAGNE,
  LIBELLES_ETAT_SUIVI,
  LIBELLES_STATUT_FICHE,
  type EtatFicheCampagne,
  type EtatSuivi,
} from '@maillage/domain';
import type { CibleSuivi, EtapeSuivi, IndicateurSuiviLigne, MotifCourriel, SourceAvancement, TendanceEcart } from '../../api/suivi';
import { messageErreur } from '../../components/alerte-erreur';
import { formaterDateHeure } from '../../components/format';

const SEVERITE_ETAT: Record<EtatSuivi, BadgeProps['severity']> = {
  brouillon: 'info',
  soumis: 'warning',
  a_corriger: 'error',
  valide: 'success',
};

/** The state of a value or a report: the text always says it; the colour only helps. */
export function BadgeEtatSuivi({ etat, petit = true }: { etat: EtatSuivi | null; petit?: boolean }) {
  if (!etat)
    return (
      <Badge small={petit} noIcon as="span">
        Non saisi
      </Badge>
    );
  return (
    <Badge small={petit} severity={SEVERITE_ETAT[etat]} as="span">
      {LIBELLES_ETAT_SUIVI[etat]}
    </Badge>
  );
}

const SEVERITE_CAMPAGNE: Record<EtatFicheCampagne, BadgeProps['severity'] | undefined> = {
  a_faire: undefined,
  en_cours: 'new',
  a_corriger: 'error',
  soumis: 'warning',
  valide: 'success',
};

export function BadgeEtatCampagne({ etat }: { etat: EtatFicheCampagne }) {
  return (
    <Badge small noIcon={!SEVERITE_CAMPAGNE[etat]} severity={SEVERITE_CAMPAGNE[etat]} as="span">
      {LIBELLES_ETAT_FICHE_CAMPAGNE[etat]}
    </Badge>
  );
}

export const LIBELLES_MOTIF_COURRIEL: Record<MotifCourriel, string> = {
  ouverture: 'Ouverture de la campagne',
  relance_j7: 'Rappel automatique, 7 jours avant l’échéance',
  relance_j1: 'Rappel automatique, la veille de l’échéance',
  relance: 'Relance par la coordination',
};

export const LIBELLES_SOURCE_AVANCEMENT: Record<SourceAvancement, string> = {
  indicateurs: 'valeurs validées',
  statut: 'selon le statut',
  exclue: 'exclue du calcul (abandonnée)',
};

export const PHRASES_TENDANCE: Record<TendanceEcart, string> = {
  se_reduit: 'L’écart avec la région se réduit.',
  s_accroit: 'L’écart avec la région s’accroît.',
  stable: 'L’écart avec la région est stable.',
  indeterminee:
    'L’évolution de l’écart avec la région ne se mesure pas encore : il faut au moins deux périodes de valeurs, pour le territoire et pour la région.',
};

export const LIBELLES_PRIORITE_RECOMMANDATION = { haute: 'Élevée', moyenne: 'Moyenne', basse: 'Faible' } as const;

/** "12,5", "1 234": up to `max` decimals, French separators, no-break spaces. */
export function nombreFr(n: number, max = 2): string {
  return n.toLocaleString('fr-FR', { maximumFractionDigits: max }).replace(/\u202f/g, '\u00a0');
}

/** "12,5" or "1 234" typed in a field → number; empty → null; anything else → NaN (the schema says why). */
export function lireNombre(texte: string | null | undefined): number | null {
  if (texte === null || texte === undefined) return null;
  const propre = texte.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (propre === '') return null;
  return /^-?\d*\.?\d+$/.test(propre) ? Number(propre) : Number.NaN;
}

/** A number back into a field: "12,5". */
export const versChamp = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

type Mesurable = { valeur?: number | null; numerateur?: number | null; denominateur?: number | null };

/** "65,0 % (416 / 640)", "14 ateliers", or "—". */
export function ecrireMesure(m: Mesurable | null | undefined, indicateur: Pick<IndicateurSuiviLigne, 'pourcentage' | 'unite'>): string {
  if (!m) return '—';
  if (indicateur.pourcentage) {
    if (m.numerateur == null || !m.denominateur) return '—';
    return `${nombreFr((m.numerateur / m.denominateur) * 100, 1)} % (${nombreFr(m.numerateur)} / ${nombreFr(m.denominateur)})`;
  }
  if (m.valeur == null) return '—';
  return `${nombreFr(m.valeur)}${indicateur.unite ? ` ${indicateur.unite}` : ''}`;
}

export const ecrireCible = (c: CibleSuivi | null | undefined, i: Pick<IndicateurSuiviLigne, 'pourcentage' | 'unite'>) =>
  c ? ecrireMesure(c, i) : 'Pas de cible';

/** The baseline from the stored fields (value 0 included). */
export function ecrireReference(i: IndicateurSuiviLigne): string {
  const texte = ecrireMesure({ valeur: i.referenceValeur, numerateur: i.referenceNumerateur, denominateur: i.referenceDenominateur }, i);
  if (texte === '—') return 'Non renseignée';
  return i.referenceDate ? `${texte}, au ${formaterDateDuJour(i.referenceDate)}` : texte;
}

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** "2024-12-31" → "31 décembre 2024" (a calendar date, no time zone involved). */
export function formaterDateDuJour(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [a, m, j] = iso.slice(0, 10).split('-').map(Number);
  if (!a || !m || !j) return iso;
  return `${j === 1 ? '1er' : j} ${MOIS[m - 1]} ${a}`;
}

/** The steps of a value or a report, oldest first: "Soumission — Sophie Martin, 23 novembre 2026 à 10:12". */
export function HistoriqueEtapes({ etapes, titre = 'Historique' }: { etapes: EtapeSuivi[]; titre?: string }) {
  if (!etapes.length) return null;
  return (
    <details className="maillage-details">
      <summary>
        {titre} ({etapes.length} étape{etapes.length > 1 ? 's' : ''})
      </summary>
      <ol className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-mt-1w')}>
        {etapes.map((e, n) => (
          <li key={n}>
            <strong>{LIBELLES_ACTION_SUIVI[e.action] ?? e.action}</strong> ({LIBELLES_ETAT_SUIVI[e.etat].toLowerCase()}) —{' '}
            {e.par ?? 'système'}, {formaterDateHeure(e.le)}
            {e.commentaire && <> : « {e.commentaire} »</>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A fiche's statut history, oldest first. */
export function HistoriqueStatuts({ historique }: { historique: { statut: string; le: string; par: string | null }[] }) {
  if (!historique.length) return <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Aucun changement de statut enregistré.</p>;
  return (
    <ol className={fr.cx('fr-text--sm', 'fr-mb-0')}>
      {historique.map((h, n) => (
        <li key={n}>
          {LIBELLES_STATUT_FICHE[h.statut as keyof typeof LIBELLES_STATUT_FICHE] ?? h.statut} — {formaterDateHeure(h.le)}
          {h.par ? `, par ${h.par}` : ''}
        </li>
      ))}
    </ol>
  );
}

/** A horizontal bar in the DSFR blue, with the figure written next to it (the bar itself is decoration). */
export function BarreAvancement({ valeur, libelle }: { valeur: number | null; libelle?: string }) {
  const texte = valeur === null ? 'non mesuré' : `${nombreFr(valeur, 0)} %`;
  return (
    <span className="maillage-barre">
      <span className="maillage-barre__piste" aria-hidden="true">
        {valeur !== null && <span className="maillage-barre__remplissage" style={{ width: `${Math.max(0, Math.min(100, valeur))}%` }} />}
      </span>
      <span className="maillage-barre__texte">
        {libelle ? <span className={fr.cx('fr-sr-only')}>{libelle} : </span> : null}
        {texte}
      </span>
    </span>
  );
}

/** The server's French explanation, under a heading of any level (forms nested deep in a page). */
export function AlerteErreurProfonde({ erreur, titre, as }: { erreur: unknown; titre: string; as: 'h5' | 'h6' }) {
  return <Alert severity="error" as={as} role="alert" title={titre} description={messageErreur(erreur)} className={fr.cx('fr-mb-3w')} />;
}
