import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useEffect, useRef } from 'react';

export interface Difference {
  libelle: string;
  saisie: string;
  actuel: string;
}

/** Compares what the user typed with the current state, field by field, as readable text. */
export function differences<T>(champs: { libelle: string; valeur: (x: T) => string }[], saisie: T, actuel: T): Difference[] {
  return champs
    .map(({ libelle, valeur }) => ({ libelle, saisie: valeur(saisie), actuel: valeur(actuel) }))
    .filter((d) => d.saisie !== d.actuel);
}

interface Props {
  entite: string;
  diffs: Difference[];
  onReprendre: () => void;
  onEcraser: () => void;
  enCours?: boolean;
  /** The grammatical gender of `entite` ("Cet indicateur" is masculine); feminine by default. */
  masculin?: boolean;
}

/** A stale edit (409): show what changed meanwhile and let the user choose. Nothing is silently overwritten. */
export function ConflitVersion({ entite, diffs, onReprendre, onEcraser, enCours, masculin = false }: Props) {
  const e = masculin ? '' : 'e';
  const pronom = masculin ? 'le' : 'la';
  // The user pressed "Enregistrer" at the bottom of the form: bring them to the choice.
  const bloc = useRef<HTMLDivElement>(null);
  useEffect(() => bloc.current?.focus(), []);
  return (
    <div className={fr.cx('fr-mb-4w')} ref={bloc} tabIndex={-1}>
      <Alert
        severity="warning"
        as="h2"
        title={`${entite} a été modifié${e} entre-temps`}
        description={
          diffs.length === 0
            ? `Quelqu’un l’a enregistré${e} pendant que vous ${pronom} modifiiez, mais votre saisie est identique à la version actuelle.`
            : `Quelqu’un l’a enregistré${e} pendant que vous ${pronom} modifiiez. Comparez, puis choisissez la version à garder.`
        }
      />
      {diffs.length > 0 && (
        <Table
          className={fr.cx('fr-mt-2w')}
          caption="Différences entre votre saisie et la version enregistrée"
          headers={['Champ', 'Votre saisie', 'Version enregistrée']}
          data={diffs.map((d) => [d.libelle, d.saisie || '(vide)', d.actuel || '(vide)'])}
        />
      )}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-2w')}>
        <li>
          <Button type="button" priority="secondary" onClick={onReprendre}>
            Abandonner ma saisie et reprendre la version enregistrée
          </Button>
        </li>
        <li>
          <Button type="button" onClick={onEcraser} disabled={enCours}>
            Enregistrer ma saisie à la place
          </Button>
        </li>
      </ul>
    </div>
  );
}
