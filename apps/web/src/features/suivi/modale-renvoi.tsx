import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { useId, useState } from 'react';

interface Props {
  titre: string;
  /** What goes back to the pilote: "la fiche 3 et ses 2 valeurs de 2026". */
  objet: string;
  onConfirmer: (commentaire: string) => void;
  /** Reopening a validated value (the ARS referent) rather than sending back a submitted one. */
  reouverture?: boolean;
}

/**
 * « Renvoyer pour correction »: a DSFR modal that asks the mandatory comment (the pilote reads it in the form).
 * Create it at module level (one id per use), render <ModaleRenvoi> once, call ouvrir() from the trigger.
 */
export function creerModaleRenvoi(id: string) {
  const modale = createModal({ id, isOpenedByDefault: false });
  // biome-ignore lint/correctness/noComponentHookFactories: made once at module level, beside its DSFR modal (createModal needs the same).
  function ModaleRenvoi({ titre, objet, onConfirmer, reouverture = false }: Props) {
    const action = reouverture ? 'Rouvrir pour correction' : 'Renvoyer pour correction';
    const [commentaire, setCommentaire] = useState('');
    const [erreur, setErreur] = useState('');
    const champ = useId();
    const confirmer = () => {
      if (!commentaire.trim()) {
        setErreur(
          reouverture
            ? 'Dites pourquoi vous rouvrez cette saisie validée : le pilote lira ce motif.'
            : 'Dites ce qui est à corriger : le pilote lira ce commentaire.',
        );
        requestAnimationFrame(() => document.getElementById(champ)?.focus());
        return;
      }
      onConfirmer(commentaire.trim());
      setCommentaire('');
      setErreur('');
      modale.close();
    };
    return (
      <modale.Component
        title={titre}
        iconId="fr-icon-arrow-go-back-line"
        buttons={[
          { children: 'Annuler', priority: 'secondary', onClick: () => setErreur('') },
          { children: action, doClosesModal: false, onClick: confirmer, iconId: 'fr-icon-arrow-go-back-line', iconPosition: 'left' },
        ]}
      >
        <p>
          {objet.charAt(0).toUpperCase() + objet.slice(1)} retourne au pilote, qui pourra corriger puis soumettre à nouveau. Rien n’est
          validé d’ici là.
          {reouverture && ' Elle ne compte plus dans l’avancement jusqu’à sa nouvelle validation.'}
        </p>
        <Input
          label={reouverture ? 'Motif de la réouverture' : 'Ce qui est à corriger'}
          hintText="Obligatoire : ce commentaire est montré au pilote et gardé dans l’historique."
          textArea
          className={fr.cx('fr-mb-0')}
          nativeTextAreaProps={{
            id: champ,
            value: commentaire,
            rows: 4,
            maxLength: 2000,
            onChange: (e) => setCommentaire(e.target.value),
            required: true,
          }}
          {...(erreur ? { state: 'error' as const, stateRelatedMessage: erreur } : {})}
        />
      </modale.Component>
    );
  }
  return { ouvrir: () => modale.open(), ModaleRenvoi };
}
