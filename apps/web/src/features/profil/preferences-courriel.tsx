import { fr } from '@codegouvfr/react-dsfr';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useChangementPreferences, usePreferences } from '../../api/annuaire';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';

/** The weekly digest (alerts and next séances of one's contracts): on by default, saved as soon as it is switched. */
export function PreferencesCourriel() {
  const preferences = usePreferences();
  const changement = useChangementPreferences();
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby="profil-courriels">
      <h2 id="profil-courriels">Courriels</h2>
      {preferences.isPending ? (
        <Chargement />
      ) : preferences.error ? (
        <AlerteErreur erreur={preferences.error} as="h3" titre="Impossible de lire vos préférences" />
      ) : (
        <>
          <ToggleSwitch
            label="Recevoir la synthèse hebdomadaire"
            helperText="Chaque semaine, un courriel résume les alertes et les prochaines séances des contrats que vous coordonnez."
            checked={changement.isPending ? changement.variables.syntheseHebdomadaire : preferences.data.syntheseHebdomadaire}
            disabled={changement.isPending}
            onChange={(coche) => changement.mutate({ syntheseHebdomadaire: coche })}
            labelPosition="left"
            showCheckedHint
          />
          <p role="status" className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
            {changement.isSuccess
              ? changement.data.syntheseHebdomadaire
                ? 'Vous recevrez la synthèse hebdomadaire.'
                : 'Vous ne recevrez plus la synthèse hebdomadaire.'
              : ''}
          </p>
          {changement.error ? <AlerteErreur erreur={changement.error} as="h3" titre="Votre choix n’a pas été enregistré" /> : null}
        </>
      )}
    </section>
  );
}
