import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useId, type FormEventHandler, type ReactNode } from 'react';
import { AlerteErreur } from '../../components/alerte-erreur';

interface PropsEncart {
  titre: string;
  erreur: unknown;
  enCours: boolean;
  libelleEnvoi: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onAnnuler: () => void;
  children: ReactNode;
}

/** An inline form in a framed block, as everywhere on the contract page: title, server error, fields, two buttons. */
export function EncartFormulaire({ titre, erreur, enCours, libelleEnvoi, onSubmit, onAnnuler, children }: PropsEncart) {
  const id = useId();
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        {titre}
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’élément n’a pas été enregistré" /> : null}
      {children}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
        <li>
          <Button type="submit" disabled={enCours}>
            {libelleEnvoi}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onAnnuler}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

interface PropsChoix {
  legende: string;
  indication?: string;
  options: { id: string; libelle: string; detail?: string }[];
  valeur: string[];
  onChange: (valeur: string[]) => void;
  /** Said instead of the boxes when there is nothing to choose yet. */
  vide: ReactNode;
  erreur?: string;
}

/** A group of checkboxes whose value is always an array (even with a single box). */
export function ChoixMultiples({ legende, indication, options, valeur, onChange, vide, erreur }: PropsChoix) {
  if (options.length === 0) {
    return (
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend', 'fr-text--regular')}>{legende}</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-text--sm')}>{vide}</div>
      </fieldset>
    );
  }
  return (
    <Checkbox
      legend={legende}
      hintText={indication}
      small
      state={erreur ? 'error' : 'default'}
      stateRelatedMessage={erreur}
      options={options.map((o) => ({
        label: o.libelle,
        hintText: o.detail,
        nativeInputProps: {
          value: o.id,
          checked: valeur.includes(o.id),
          onChange: (e) => onChange(e.target.checked ? [...valeur, o.id] : valeur.filter((v) => v !== o.id)),
        },
      }))}
    />
  );
}

/** "« Nous manquons cruellement de méd… »": a long text cut for a label. */
export const extrait = (texte: string, longueur = 90) =>
  texte.length > longueur ? `« ${texte.slice(0, longueur).trimEnd()}… »` : `« ${texte} »`;
