import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { MOTIFS_CLOTURE } from '@maillage/domain';
import { useState } from 'react';
import type { SituationComplete } from '../../api/appui';
import { cheminCourrierCloture, useCloture, useDelaisSituation } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { etatChamp } from '../../components/formulaire';
import { Telechargement } from '../../components/telechargement';
import { formaterDelai } from './libelles-appui';

// The steps of GET …/delais (appui-plan's contract), in the order a case goes through them.
const ETAPES = [
  ['premier_contact', 'Demande → premier contact'],
  ['evaluation', 'Premier contact → évaluation'],
  ['plan', 'Évaluation → plan personnalisé'],
  ['total', 'Demande → plan personnalisé'],
] as const;

const confirmationCloture = creerConfirmation('confirmation-cloture-situation');

function Delais({ situationId }: { situationId: string }) {
  const delais = useDelaisSituation(situationId);
  if (delais.error) return <AlerteErreur erreur={delais.error} as="h3" titre="Les délais n’ont pas pu être calculés" />;
  if (!delais.data) return null;
  return (
    <dl className="maillage-appui-faits">
      {ETAPES.map(([etape, libelle]) => (
        <div key={etape}>
          <dt>{libelle}</dt>
          <dd>{delais.data.delais[etape] === null ? 'Étape pas encore atteinte' : formaterDelai(delais.data.delais[etape])}</dd>
        </div>
      ))}
    </dl>
  );
}

function FormulaireCloture({ s }: { s: SituationComplete }) {
  const cloture = useCloture(s.id);
  const [motif, setMotif] = useState('');
  const [precision, setPrecision] = useState('');
  const [erreur, setErreur] = useState<string>();
  const { Confirmation, ouvrir } = confirmationCloture;
  return (
    <form
      noValidate
      aria-labelledby="titre-cloture"
      className={fr.cx('fr-p-2w') + ' maillage-encart'}
      onSubmit={(e) => {
        e.preventDefault();
        if (!motif) return setErreur('Choisissez le motif de la clôture');
        setErreur(undefined);
        ouvrir();
      }}
    >
      <p id="titre-cloture" className={fr.cx('fr-text--bold')}>
        Clôturer la situation
      </p>
      {cloture.error ? <AlerteErreur erreur={cloture.error} as="h3" titre="La situation n’a pas été close" /> : null}
      <Select
        label="Motif de la clôture"
        nativeSelectProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
        {...etatChamp(erreur)}
      >
        <option value="">Choisir le motif</option>
        {Object.entries(MOTIFS_CLOTURE).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      <Input
        label="Précision (facultatif)"
        textArea
        nativeTextAreaProps={{ value: precision, onChange: (e) => setPrecision(e.target.value) }}
      />
      <Button type="submit" disabled={cloture.isPending} iconId="fr-icon-folder-2-line">
        Clôturer la situation
      </Button>
      <Confirmation
        titre="Clôturer la situation ?"
        libelleConfirmer="Clôturer et informer le médecin traitant"
        iconeConfirmer="fr-icon-folder-2-line"
        onConfirmer={() => cloture.mutate({ motif: motif as keyof typeof MOTIFS_CLOTURE, precision, version: s.version })}
      >
        <p>
          La situation ne pourra plus être modifiée. Le médecin traitant reçoit un courriel, sans détail de santé, et un courrier de retour
          est produit. Les données seront effacées à la fin de la durée de conservation.
        </p>
      </Confirmation>
    </form>
  );
}

/** Delays (request → first contact → evaluation → plan) and the closure with its feedback letter to the médecin traitant. */
export function OngletSuivi({ situation: s }: { situation: SituationComplete }) {
  return (
    <>
      <h2>Délais</h2>
      <Delais situationId={s.id} />
      <h2>Clôture</h2>
      {s.statut === 'ouverte' ? (
        <FormulaireCloture s={s} />
      ) : (
        <>
          <p>
            Situation close{s.motifCloture ? ` : ${MOTIFS_CLOTURE[s.motifCloture].toLowerCase()}` : ''}. Le médecin traitant en a été
            informé par courriel.
          </p>
          <Telechargement libelle="Courrier de retour au médecin traitant" details="PDF" chemin={cheminCourrierCloture(s.id)} />
        </>
      )}
    </>
  );
}
