import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { LIBELLES_ETAT_FICHE_CAMPAGNE, LIBELLES_STATUT_FICHE, libellePeriodeSuivi } from '@maillage/domain';
import { useState } from 'react';
import { telecharger } from '../../api/telechargement';
import {
  useClotureCampagne,
  useRelanceCampagne,
  useTransitionFiche,
  type FicheSaisieCampagne,
  type SaisieCampagne,
  type TableauCampagne,
} from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { formaterNombre } from '../../components/format';
import { creerModaleRenvoi } from './modale-renvoi';
import { CourrielsCampagne, FichesAValider, FichesCampagne, OrganisationsCampagne, ReponsesCampagne } from './tableau-campagne-sections';

const cloture = creerConfirmation('confirmation-cloture-campagne');
const renvoi = creerModaleRenvoi('modale-renvoi-fiche-campagne');

interface Props {
  tableau: TableauCampagne;
  /** The fiches this user may validate, with what was entered (from the campaign's form). */
  saisie: SaisieCampagne | undefined;
}

interface PropsActions {
  tableau: TableauCampagne;
  relance: ReturnType<typeof useRelanceCampagne>;
  erreurCloture: unknown;
  onBilan: (format: 'docx' | 'pdf') => void;
  onMessage: (message: string) => void;
}

/** Reminders and the bilan annuel: the organisations no mail reaches, the downloads, reminding and closing. */
function ActionsCampagne({ tableau: t, relance, erreurCloture, onBilan, onMessage }: PropsActions) {
  const ouverte = t.etat === 'ouverte';
  return (
    <section aria-labelledby="titre-actions-campagne" className={fr.cx('fr-mb-5w')}>
      <h2 id="titre-actions-campagne">Relances et bilan annuel</h2>
      {t.organisationsSansCompte.length > 0 && (
        <Alert
          severity="warning"
          as="h3"
          className={fr.cx('fr-mb-3w')}
          title={`${t.organisationsSansCompte.length} organisation${t.organisationsSansCompte.length > 1 ? 's' : ''} pilote${t.organisationsSansCompte.length > 1 ? 'nt' : ''} des fiches sans compte pour répondre`}
          description={`${t.organisationsSansCompte.map((o) => o.nom).join(', ')} : personne n’y a le rôle de pilote sur ce contrat, aucun courriel ne leur parvient. Donnez ce rôle à une personne de chacune (onglet « Personnes et accès » du contrat), ou saisissez leur suivi vous-même (onglet « Saisie des fiches »).`}
        />
      )}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => onBilan('docx')}>
            Bilan annuel (DOCX)
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => onBilan('pdf')}>
            Bilan annuel (PDF)
          </Button>
        </li>
        {t.peutGerer && ouverte && (
          <>
            <li>
              <Button
                type="button"
                iconId="fr-icon-mail-line"
                disabled={relance.isPending}
                onClick={() => {
                  onMessage('');
                  relance.mutate(undefined, {
                    onSuccess: (r) =>
                      onMessage(
                        r.destinataires.length
                          ? `Relance envoyée à ${r.destinataires.length} pilote${r.destinataires.length > 1 ? 's' : ''} : ${r.destinataires.join(', ')}.`
                          : 'Personne à relancer : toutes les fiches des pilotes ayant un compte sont soumises ou validées.',
                      ),
                  });
                }}
              >
                {relance.isPending ? 'Envoi des relances…' : 'Relancer les pilotes'}
              </Button>
            </li>
            <li>
              <Button type="button" priority="tertiary" iconId="fr-icon-lock-line" onClick={() => cloture.ouvrir()}>
                Clore la campagne
              </Button>
            </li>
          </>
        )}
      </ul>
      <p className={fr.cx('fr-text--xs')}>
        Le bilan annuel reprend l’avancement par axe, le taux de réponse et, fiche par fiche, le bilan et les valeurs validées : il est prêt
        pour le COPIL.{' '}
        {ouverte && t.peutGerer
          ? 'Des rappels partent automatiquement 7 jours puis 1 jour avant l’échéance aux pilotes dont les fiches ne sont pas complètes ; « Relancer les pilotes » écrit tout de suite aux mêmes.'
          : ''}
      </p>
      {relance.error ? <AlerteErreur erreur={relance.error} as="h3" titre="La relance n’est pas partie" /> : null}
      {erreurCloture ? <AlerteErreur erreur={erreurCloture} as="h3" titre="La campagne n’a pas été close" /> : null}
    </section>
  );
}

/**
 * The completion dashboard: rate and counts by state, the fiches waiting for validation (with what was submitted),
 * every fiche with its pilotes and state, by organisation, the mails sent; reminders, closing and the bilan annuel.
 */
export function TableauCampagneVue({ tableau: t, saisie }: Props) {
  const relance = useRelanceCampagne(t.id);
  const clore = useClotureCampagne(t.id);
  const transition = useTransitionFiche();
  const [message, setMessage] = useState('');
  const [erreurDoc, setErreurDoc] = useState<unknown>(null);
  const [aRenvoyer, setARenvoyer] = useState<FicheSaisieCampagne | null>(null);
  const aValider = (saisie?.fiches ?? []).filter((f) => f.droits.valider && f.etat === 'soumis');

  const produireBilan = (format: 'docx' | 'pdf') => {
    setErreurDoc(null);
    setMessage(`Production du bilan annuel en ${format.toUpperCase()}…`);
    telecharger(`/api/campagnes/${t.id}/bilan.${format}`).then(
      (nom) => setMessage(`Bilan annuel « ${nom} » téléchargé.`),
      (e) => {
        setMessage('');
        setErreurDoc(e);
      },
    );
  };
  const valider = (f: FicheSaisieCampagne) => {
    setMessage('');
    transition.mutate(
      { ficheId: f.id, periode: t.periode, action: 'valider' },
      {
        onSuccess: (r) =>
          setMessage(
            `Fiche ${f.numero} validée (${r.elements ?? 0} élément${(r.elements ?? 0) > 1 ? 's' : ''}) : la période est verrouillée et compte dans l’avancement.${f.bilan?.statutPropose && f.bilan.statutPropose !== f.statut ? ` Statut de la fiche : ${LIBELLES_STATUT_FICHE[f.bilan.statutPropose]}.` : ''}`,
          ),
      },
    );
  };

  return (
    <>
      <p role="status" className={fr.cx('fr-text--bold')}>
        {message}
      </p>
      {erreurDoc ? <AlerteErreur erreur={erreurDoc} as="h3" titre="Le bilan annuel n’a pas pu être produit" /> : null}
      {transition.error ? <AlerteErreur erreur={transition.error} as="h3" titre="L’étape n’a pas été enregistrée" /> : null}

      <ReponsesCampagne tableau={t} />

      {saisie?.fiches.some((f) => f.droits.valider) && (
        <FichesAValider
          aValider={aValider}
          periode={t.periode}
          enCours={transition.isPending}
          onValider={valider}
          onRenvoyer={(f) => {
            setARenvoyer(f);
            renvoi.ouvrir();
          }}
        />
      )}

      <FichesCampagne tableau={t} />

      <ActionsCampagne tableau={t} relance={relance} erreurCloture={clore.error} onBilan={produireBilan} onMessage={setMessage} />

      <OrganisationsCampagne tableau={t} />

      <CourrielsCampagne tableau={t} />

      <renvoi.ModaleRenvoi
        titre={`Renvoyer la fiche ${aRenvoyer?.numero ?? ''} pour correction`}
        objet={`la fiche ${aRenvoyer?.numero ?? ''} (son bilan et ses valeurs ${libellePeriodeSuivi(t.periode)})`}
        onConfirmer={(commentaire) => {
          const f = aRenvoyer;
          if (!f) return;
          setMessage('');
          transition.mutate(
            { ficheId: f.id, periode: t.periode, action: 'renvoyer', commentaire },
            {
              onSuccess: () =>
                setMessage(`Fiche ${f.numero} renvoyée pour correction : le pilote voit votre commentaire dans son formulaire.`),
            },
          );
        }}
      />
      <cloture.Confirmation
        titre={`Clore la campagne ${libellePeriodeSuivi(t.periode)} ?`}
        libelleConfirmer="Clore la campagne"
        iconeConfirmer="fr-icon-lock-line"
        onConfirmer={() => clore.mutate(undefined, { onSuccess: () => setMessage('La campagne est close : plus aucun rappel ne part.') })}
      >
        <p>
          Plus aucun rappel ne partira aux pilotes, et la campagne ne pourra plus être relancée. {LIBELLES_ETAT_FICHE_CAMPAGNE.a_faire} :{' '}
          {formaterNombre(t.parEtat.a_faire)} fiche{t.parEtat.a_faire > 1 ? 's' : ''} ; en cours ou à corriger :{' '}
          {formaterNombre(t.parEtat.en_cours + t.parEtat.a_corriger)}. Le bilan annuel reste téléchargeable.
        </p>
      </cloture.Confirmation>
    </>
  );
}
