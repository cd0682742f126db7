import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useRef, useState, type FormEvent } from 'react';
import { useAjoutService, useServices } from '../../api/annuaire';
import { ErreurApi } from '../../api/client';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';

/** The services (or branches) of an organisation: a pilot of a fiche can be "REDON Agglomération (CLIC)". */
export function ServicesOrganisation({ organisationId, modifiable }: { organisationId: string; modifiable: boolean }) {
  const services = useServices(organisationId);
  const ajout = useAjoutService(organisationId);
  const [nom, setNom] = useState('');
  const [erreur, setErreur] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const champ = useRef<HTMLInputElement>(null);
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (nom.trim().length < 2) {
      setErreur('Le nom du service doit compter au moins 2 caractères');
      champ.current?.focus();
      return;
    }
    setErreur(undefined);
    ajout.mutate(nom.trim(), {
      onSuccess: () => {
        setMessage(`Le service « ${nom.trim()} » est ajouté.`);
        setNom('');
      },
      onError: (x) => {
        const m = x instanceof ErreurApi ? x.probleme.erreurs?.find((c) => c.champ === 'nom')?.message : undefined;
        if (m) {
          setErreur(m);
          champ.current?.focus();
        }
      },
    });
  };
  return (
    <section aria-labelledby="organisation-services" className={fr.cx('fr-mb-6w')}>
      <h2 id="organisation-services">Services</h2>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {services.isPending ? (
        <Chargement />
      ) : services.error ? (
        <AlerteErreur erreur={services.error} as="h3" />
      ) : services.data.length === 0 ? (
        <p>
          Aucun service enregistré. Un service (CLIC, service prévention, antenne…) précise qui pilote une fiche-action au sein de
          l’organisation.
        </p>
      ) : (
        <ul>
          {services.data.map((s) => (
            <li key={s.id}>{s.nom}</li>
          ))}
        </ul>
      )}
      {modifiable && (
        <form onSubmit={soumettre} noValidate aria-label="Ajouter un service" className={fr.cx('fr-mt-2w')}>
          {ajout.error && !erreur ? <AlerteErreur erreur={ajout.error} as="h3" titre="Le service n’a pas été ajouté" /> : null}
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <Input
                label="Nouveau service"
                hintText="Exemple : Centre local d’information et de coordination (CLIC)"
                nativeInputProps={{ ref: champ, value: nom, onChange: (e) => setNom(e.target.value), maxLength: 200 }}
                state={erreur ? 'error' : 'default'}
                stateRelatedMessage={erreur}
              />
            </div>
            <div className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-mb-3w')}>
              <Button type="submit" priority="secondary" iconId="fr-icon-add-line" disabled={ajout.isPending}>
                Ajouter le service
              </Button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
