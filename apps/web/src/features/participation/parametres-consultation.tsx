import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ConsultationVue } from '@maillage/domain/api';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useModificationConsultation, useSuppressionConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';

const confirmationSuppression = creerConfirmation('confirmation-suppression-consultation');

/** Title, welcome text and one-time codes (in brouillon); deleting a draft. */
export function ParametresConsultation({ consultation: c }: { consultation: ConsultationVue }) {
  const modification = useModificationConsultation(c.id);
  const suppression = useSuppressionConsultation(c.id);
  const naviguer = useNavigate();
  const [titre, setTitre] = useState(c.titre);
  const [introduction, setIntroduction] = useState(c.introduction ?? '');
  const [codesRequis, setCodesRequis] = useState(c.codesRequis);
  const brouillon = c.statut === 'brouillon';
  return (
    <form
      className={fr.cx('fr-mb-6w')}
      onSubmit={(e) => {
        e.preventDefault();
        modification.mutate({
          titre,
          introduction: introduction.trim() || null,
          ...(brouillon ? { codesRequis } : {}),
          version: c.version,
        });
      }}
    >
      <h3>Présentation</h3>
      {modification.error && <AlerteErreur erreur={modification.error} as="h4" titre="Les changements n’ont pas été enregistrés" />}
      {suppression.error && <AlerteErreur erreur={suppression.error} as="h4" titre="La consultation n’a pas été supprimée" />}
      <Input label="Titre" nativeInputProps={{ value: titre, onChange: (e) => setTitre(e.target.value), required: true, maxLength: 300 }} />
      <Input
        label="Texte d’accueil (facultatif)"
        hintText="Pourquoi la consultation, qui la mène, ce que deviendront les réponses, combien de temps elle prend."
        textArea
        nativeTextAreaProps={{ value: introduction, onChange: (e) => setIntroduction(e.target.value), rows: 4, maxLength: 4000 }}
      />
      {brouillon && (
        <Checkbox
          options={[
            {
              label: 'Demander un code à usage unique pour répondre',
              hintText: 'Pour une consultation distribuée sur papier (codes imprimés dans l’onglet « Diffusion »).',
              nativeInputProps: { checked: codesRequis, onChange: (e) => setCodesRequis(e.target.checked) },
            },
          ]}
        />
      )}
      <div className="maillage-actions">
        <Button type="submit" priority="secondary" size="small" disabled={modification.isPending}>
          Enregistrer la présentation
        </Button>
        {brouillon && (
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() => confirmationSuppression.ouvrir()}
          >
            Supprimer ce brouillon
          </Button>
        )}
      </div>
      {modification.isSuccess && (
        <p role="status" className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
          Présentation enregistrée.
        </p>
      )}
      <confirmationSuppression.Confirmation
        titre="Supprimer ce brouillon ?"
        libelleConfirmer="Supprimer"
        onConfirmer={() => suppression.mutate(c.version, { onSuccess: () => naviguer(`/contrats/${c.contratId}?onglet=participation`) })}
      >
        <p>Le brouillon « {c.titre} » et son questionnaire seront supprimés. La suppression est tracée dans l’historique du contrat.</p>
      </confirmationSuppression.Confirmation>
    </form>
  );
}
