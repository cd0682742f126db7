import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { useState } from 'react';
import { useMotifAcces } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';

/**
 * A team member who is neither the référent nor assigned sees that the case exists. To read it (a call while the
 * référent is away), they declare why: the reason and every read that follows are in the case's read log.
 */
export function AccesParMotif({ situationId }: { situationId: string }) {
  const declaration = useMotifAcces(situationId);
  const [motif, setMotif] = useState('');
  const [erreur, setErreur] = useState<string | undefined>();
  return (
    <>
      <Notice
        className={fr.cx('fr-mb-3w')}
        title="Vous n’êtes ni le référent de cette situation ni l’un de ses intervenants : son contenu ne vous est pas montré."
      />
      <form
        noValidate
        aria-labelledby="titre-motif-acces"
        className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}
        onSubmit={(e) => {
          e.preventDefault();
          if (motif.trim().length < 10) {
            setErreur('Dites en une phrase (10 caractères au moins) pourquoi vous devez lire cette situation');
            return;
          }
          setErreur(undefined);
          declaration.mutate({ motif: motif.trim() });
        }}
      >
        <p id="titre-motif-acces" className={fr.cx('fr-text--bold')}>
          Ouvrir la situation en déclarant un motif
        </p>
        <p className={fr.cx('fr-text--sm')}>
          Le motif, votre nom et l’heure sont inscrits au journal des accès que lit le référent ; l’accès vaut pour une durée limitée.
        </p>
        {declaration.error ? <AlerteErreur erreur={declaration.error} as="h3" titre="L’accès n’a pas été ouvert" /> : null}
        <Input
          label="Motif de l’accès"
          hintText="Par exemple : appel de l’infirmière en l’absence du référent"
          textArea
          nativeTextAreaProps={{ value: motif, onChange: (e) => setMotif(e.target.value), rows: 2 }}
          {...etatChamp(erreur)}
        />
        <Button type="submit" disabled={declaration.isPending} iconId="fr-icon-lock-unlock-line">
          Déclarer le motif et ouvrir
        </Button>
      </form>
    </>
  );
}
