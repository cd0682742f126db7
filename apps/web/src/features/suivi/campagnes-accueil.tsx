import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { libellePeriodeSuivi } from '@maillage/domain';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { requete } from '../../api/client';
import type { CampagneResume, SaisieCampagne } from '../../api/suivi';
import type { ContratResume } from '@maillage/domain/api';
import { formaterNombre } from '../../components/format';
import { BadgeEtatCampagne, BarreAvancement, formaterDateDuJour } from './libelles-suivi';
import './suivi.css';

/** Roles that follow a campaign's completion (they open, remind, validate). */
const ROLES_GESTION = ['coordonnateur', 'referent_ars'];

/**
 * The homes' part of the follow-up: for each open campaign of the user's contracts, the coordination sees its
 * progress and a pilote the fiches it has to report on, with the link to its form.
 */
export default function CampagnesAccueil({ contrats }: { contrats: ContratResume[] }) {
  const listes = useQueries({
    queries: contrats.map((c) => ({
      queryKey: ['campagnes', c.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<CampagneResume[]>(`/api/contrats/${c.id}/campagnes`, { signal }),
      staleTime: 30_000,
    })),
  });
  const ouvertes = listes.flatMap((l, n) =>
    (l.data ?? []).filter((c) => c.etat === 'ouverte').map((c) => ({ campagne: c, contrat: contrats[n] })),
  );
  const pourPilote = ouvertes.filter((o) => o.contrat.role === 'pilote');
  const saisies = useQueries({
    queries: pourPilote.map((o) => ({
      queryKey: ['saisie-campagne', o.campagne.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<SaisieCampagne>(`/api/campagnes/${o.campagne.id}/saisie`, { signal }),
      staleTime: 30_000,
    })),
  });
  if (!ouvertes.length) return null;

  return (
    <section aria-labelledby="accueil-campagnes" className={fr.cx('fr-mt-4w') + ' maillage-suivi'}>
      <h3 id="accueil-campagnes">Campagnes de suivi en cours</h3>
      {ouvertes.map(({ campagne: c, contrat }) => {
        const gestion = ROLES_GESTION.includes(contrat.role ?? '');
        const saisie = saisies[pourPilote.findIndex((o) => o.campagne.id === c.id)]?.data;
        const miennes = (saisie?.fiches ?? []).filter((f) => f.droits.saisir);
        const aFaire = miennes.filter((f) => f.etat !== 'soumis' && f.etat !== 'valide');
        const taux = c.fiches ? (c.completes / c.fiches) * 100 : null;
        return (
          <article
            key={c.id}
            className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-bloc-suivi'}
            aria-labelledby={`accueil-campagne-${c.id}`}
          >
            <h4 id={`accueil-campagne-${c.id}`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
              Suivi {libellePeriodeSuivi(c.periode)} — {contrat.intitule}
            </h4>
            <p className={fr.cx('fr-text--sm')}>
              À renseigner avant le <strong>{formaterDateDuJour(c.echeance)}</strong>.
            </p>
            {contrat.role === 'pilote' && (
              <>
                {!saisie ? (
                  <p className={fr.cx('fr-text--sm')}>Chargement de vos fiches…</p>
                ) : miennes.length === 0 ? (
                  <p className={fr.cx('fr-text--sm')}>Aucune fiche à renseigner pour vous dans cette campagne.</p>
                ) : (
                  <>
                    <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
                      {aFaire.length
                        ? `Vos fiches à renseigner : ${aFaire.length} sur ${miennes.length}.`
                        : `Vos ${miennes.length} fiche${miennes.length > 1 ? 's sont soumises' : ' est soumise'} : merci !`}
                    </p>
                    <ul className={fr.cx('fr-text--sm')}>
                      {miennes.map((f) => (
                        <li key={f.id}>
                          Fiche {f.numero} — {f.intitule} <BadgeEtatCampagne etat={f.etat} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <Button size="small" iconId="fr-icon-edit-line" linkProps={{ to: `/campagnes/${c.id}` }}>
                  Renseigner mes fiches
                  <span className={fr.cx('fr-sr-only')}>
                    {' '}
                    du suivi {libellePeriodeSuivi(c.periode)} — {contrat.intitule}
                  </span>
                </Button>
              </>
            )}
            {contrat.role !== 'pilote' && (
              <>
                <div className="maillage-taux">
                  <BarreAvancement valeur={taux} libelle="Taux de réponse" />
                </div>
                <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
                  {formaterNombre(c.completes)} fiche{c.completes > 1 ? 's' : ''} soumise{c.completes > 1 ? 's' : ''} ou validée
                  {c.completes > 1 ? 's' : ''} sur {formaterNombre(c.fiches)}, dont {formaterNombre(c.validees)} validée
                  {c.validees > 1 ? 's' : ''}.
                </p>
                <Link to={`/campagnes/${c.id}`}>
                  {gestion ? 'Tableau de bord de la campagne' : 'Voir la campagne'}
                  <span className={fr.cx('fr-sr-only')}>
                    {' '}
                    {libellePeriodeSuivi(c.periode)} — {contrat.intitule}
                  </span>
                </Link>
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
