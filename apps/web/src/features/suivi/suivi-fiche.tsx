import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/session';
import { useGestionIndicateurs, useSuiviFiche, type IndicateurSuivi } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { Bilans } from './bilans-suivi';
import { anneeCourante, BlocIndicateur, type EditionSuivi } from './bloc-indicateur';
import { FormulaireIndicateurSuivi } from './formulaire-indicateur';
import { useTransitionsValeur } from './transitions-valeur';
import './suivi.css';

const suppression = creerConfirmation('confirmation-suppression-indicateur');

/**
 * The fiche's follow-up: indicators (type, unit, method, source, baseline, targets), values per period with their
 * state and steps, the workflow buttons the user's rights allow, the link to the diagnostic, and the reports.
 */
export function SuiviFiche({ ficheId }: { ficheId: string }) {
  const suivi = useSuiviFiche(ficheId);
  const gestion = useGestionIndicateurs(ficheId);
  const [edition, setEditionBrute] = useState<EditionSuivi>(null);
  const [message, setMessage] = useState('');
  const { transition, onTransition, modales } = useTransitionsValeur(suivi.data?.indicateurs ?? [], setMessage);
  const moi = useSession().sujet?.userId ?? null;
  const [aSupprimer, setASupprimer] = useState<IndicateurSuivi | null>(null);

  // Arriving from a link to « #section-suivi » (contract progress, campaign): the fiche loads first, then scroll here.
  const defile = useRef(false);
  useEffect(() => {
    if (!suivi.data || defile.current || window.location.hash !== '#section-suivi') return;
    defile.current = true;
    document.getElementById('section-suivi')?.scrollIntoView();
  }, [suivi.data]);

  const setEdition = (e: EditionSuivi) => {
    setMessage('');
    transition.reset();
    setEditionBrute(e);
  };
  if (suivi.isPending) return <Chargement libelle="Chargement du suivi…" />;
  if (suivi.error) return <AlerteErreur erreur={suivi.error} as="h3" titre="Impossible de charger le suivi de la fiche" />;
  const s = suivi.data;

  return (
    <div className={fr.cx('fr-mt-4w') + ' maillage-suivi'}>
      <div className="maillage-titre-avec-action">
        <h3 className={fr.cx('fr-h5', 'fr-mb-1w')}>Indicateurs de suivi</h3>
        {s.droits.ajouterIndicateur && s.indicateurs.length > 0 && (
          <Button
            type="button"
            size="small"
            iconId="fr-icon-add-line"
            disabled={edition !== null}
            onClick={() => setEdition({ type: 'indicateur', id: null })}
          >
            Ajouter un indicateur
          </Button>
        )}
      </div>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message.charAt(0).toUpperCase() + message.slice(1)}
      </p>
      {transition.error ? <AlerteErreur erreur={transition.error} as="h4" titre="L’étape n’a pas été enregistrée" /> : null}
      {gestion.suppression.error ? (
        <AlerteErreur erreur={gestion.suppression.error} as="h4" titre="L’indicateur n’a pas été supprimé" />
      ) : null}
      {edition?.type === 'indicateur' && edition.id === null && (
        <FormulaireIndicateurSuivi
          ficheId={ficheId}
          periodeSuggeree={anneeCourante()}
          aDesValeursValidees={false}
          onFermer={(m) => {
            setEditionBrute(null);
            if (m) setMessage(m);
          }}
        />
      )}
      {s.indicateurs.length === 0 && edition === null ? (
        <EtatVide
          titre="Aucun indicateur de suivi"
          titreAs="h4"
          iconId="fr-icon-line-chart-line"
          action={
            s.droits.ajouterIndicateur
              ? { children: 'Ajouter un indicateur', onClick: () => setEdition({ type: 'indicateur', id: null }) }
              : undefined
          }
        >
          <p>
            Un indicateur de suivi dit si l’action avance : de <strong>processus</strong> (ce qui était prévu est-il fait ?), d’
            <strong>activité</strong> (combien de bénéficiaires, de séances ?) ou de <strong>résultat</strong> (qu’est-ce qui a changé ?).
            Il a une valeur de référence et des cibles par période ; le pilote saisit les valeurs réelles, la coordination les valide, et
            seules les valeurs validées comptent dans l’avancement. Lié à un indicateur du diagnostic, il montre si l’écart constaté se
            réduit.
          </p>
        </EtatVide>
      ) : (
        s.indicateurs.map((i) => (
          <BlocIndicateur
            key={i.id}
            i={i}
            suivi={s}
            edition={edition}
            setEdition={setEdition}
            onMessage={setMessage}
            onTransition={onTransition}
            onSupprimer={(x) => {
              setASupprimer(x);
              suppression.ouvrir();
            }}
            transitionEnCours={transition.isPending}
            moi={moi}
          />
        ))
      )}
      <Bilans bilans={s.bilans} />
      {modales}
      <suppression.Confirmation
        titre={`Supprimer l’indicateur « ${aSupprimer?.libelle ?? ''} » ?`}
        libelleConfirmer="Supprimer l’indicateur"
        onConfirmer={() => {
          const x = aSupprimer;
          if (x) gestion.suppression.mutate(x.id, { onSuccess: () => setMessage(`Indicateur « ${x.libelle} » supprimé.`) });
        }}
      >
        <p>
          L’indicateur, ses cibles et ses valeurs non validées ({aSupprimer?.valeurs.length ?? 0} saisie
          {(aSupprimer?.valeurs.length ?? 0) > 1 ? 's' : ''}) seront supprimés. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </div>
  );
}
