import { fr } from '@codegouvfr/react-dsfr';
import { LIBELLES_STATUT_FICHE, libellePeriodeSuivi } from '@maillage/domain';
import type { BilanFiche } from '../../api/suivi';
import { BadgeEtatSuivi, HistoriqueEtapes } from './libelles-suivi';

interface TexteBilan {
  recit?: string | null;
  difficultes?: string | null;
  perspectives?: string | null;
}

interface Props {
  bilan: TexteBilan | null | undefined;
  /** The proposed statut as the screen words it (null: none proposed). */
  statutPropose: string | null | undefined;
  /** Classes before « maillage-definitions » (the fieldset element of a form). */
  className?: string;
}

/** What a pilote wrote in a period's bilan, each part marked « non renseigné » when empty. */
export function DefinitionsBilan({ bilan, statutPropose, className }: Props) {
  const parties = [
    ['Réalisations', bilan?.recit],
    ['Difficultés', bilan?.difficultes],
    ['Perspectives', bilan?.perspectives],
    ['Statut proposé', statutPropose],
  ] as const;
  return (
    <dl className={(className ? `${className} ` : '') + 'maillage-definitions'}>
      {parties.map(([l, t]) => (
        <div key={l}>
          <dt>{l} :</dt>
          <dd className="maillage-texte-long">{t || 'non renseigné'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The fiche's bilans, period by period, with their state and steps. */
export function Bilans({ bilans }: { bilans: BilanFiche[] }) {
  if (!bilans.length) return null;
  return (
    <>
      <h3 className={fr.cx('fr-h5', 'fr-mt-4w')}>Bilans par période</h3>
      {bilans.map((b) => (
        <article key={b.id} className={fr.cx('fr-p-3w', 'fr-mb-2w') + ' maillage-bloc-suivi'} aria-labelledby={`bilan-${b.id}`}>
          <h4 id={`bilan-${b.id}`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
            Bilan {libellePeriodeSuivi(b.periode)} <BadgeEtatSuivi etat={b.etat} />
          </h4>
          <DefinitionsBilan bilan={b} statutPropose={b.statutPropose ? LIBELLES_STATUT_FICHE[b.statutPropose] : null} />
          {b.etapes && <HistoriqueEtapes etapes={b.etapes} titre={`Étapes du bilan ${libellePeriodeSuivi(b.periode)}`} />}
        </article>
      ))}
    </>
  );
}
