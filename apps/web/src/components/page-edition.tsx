import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState, type FormEventHandler, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { estErreurApi } from '../api/client';
import { AlerteErreur } from './alerte-erreur';
import { Chargement } from './chargement';
import { ConflitVersion, differences } from './conflit-version';

/*
 * The one pattern of the edit pages (contract, organisation, user account): the record is loaded once into a
 * react-hook-form form, sent with its version, and a stale version (409) opens the comparison of ConflitVersion
 * instead of overwriting. The page keeps its fields, its labels and what it does on success.
 */

interface Requete<E> {
  data?: E;
  refetch: () => unknown;
}

interface Mutation {
  error: unknown;
  isPending: boolean;
  reset: () => void;
}

interface OptionsEdition<S extends FieldValues, V, E> {
  form: UseFormReturn<S, unknown, V>;
  /** The record being edited (no data on a creation page). */
  requete: Requete<E>;
  mutation: Mutation;
  versSaisie: (e: E) => S;
}

export interface EditionVersionnee<S extends FieldValues, V, E> extends OptionsEdition<S, V, E> {
  /** The version to send: the one loaded, or the current one once the user chose to overwrite. */
  version: number | undefined;
  /** The current state of the record after a 409, to compare with the user's input. */
  courant: E | null;
  /** To call from onError on a 409: shows the comparison with this state (null: the plain error). */
  conflit: (etat: E | null) => void;
  /** The user keeps the saved version: the form takes it, the error goes. */
  reprendre: () => void;
  /** The user keeps their input: the next save sends the current version. */
  ecraser: () => number | undefined;
}

export function useEditionVersionnee<S extends FieldValues, V, E extends { version: number }>(
  options: OptionsEdition<S, V, E>,
): EditionVersionnee<S, V, E> {
  const { form, requete, mutation, versSaisie } = options;
  const [version, setVersion] = useState<number | undefined>();
  const [courant, setCourant] = useState<E | null>(null);

  // Load the record once into the form; later refetches must not wipe what the user is typing.
  useEffect(() => {
    if (requete.data && version === undefined) {
      form.reset(versSaisie(requete.data));
      setVersion(requete.data.version);
    }
  }, [requete.data, version, form, versSaisie]);

  return {
    ...options,
    version,
    courant,
    conflit: setCourant,
    reprendre: () => {
      if (!courant) return;
      form.reset(versSaisie(courant));
      setVersion(courant.version);
      setCourant(null);
      mutation.reset();
      void requete.refetch();
    },
    ecraser: () => {
      if (courant) setVersion(courant.version);
      return courant?.version;
    },
  };
}

interface PropsAlerte<S extends FieldValues, V, E> {
  edition: EditionVersionnee<S, V, E>;
  /** "Ce contrat", "Cette organisation"… */
  entite: string;
  masculin?: boolean;
  /** The fields compared, as readable text. */
  champs: { libelle: string; valeur: (s: S) => string }[];
  /** Title of the plain error, e.g. "Le contrat n’a pas été enregistré". */
  titre: string;
  /** Saves again with the given version (the user chose to overwrite). */
  enregistrer: (saisie: V, version: number | undefined) => void;
}

/** What went wrong with the last save: the comparison after a 409 with a known current state, or the error. */
export function AlerteEnregistrement<S extends FieldValues, V, E>({
  edition,
  entite,
  masculin,
  champs,
  titre,
  enregistrer,
}: PropsAlerte<S, V, E>) {
  const { form, mutation, courant, versSaisie } = edition;
  if (estErreurApi(mutation.error, 409) && courant) {
    return (
      <ConflitVersion
        entite={entite}
        masculin={masculin}
        diffs={differences(champs, form.getValues(), versSaisie(courant))}
        enCours={mutation.isPending}
        onReprendre={edition.reprendre}
        onEcraser={() => {
          const version = edition.ecraser();
          void form.handleSubmit((saisie) => enregistrer(saisie, version))();
        }}
      />
    );
  }
  return mutation.error ? <AlerteErreur erreur={mutation.error} titre={titre} /> : null;
}

/** Before a page showing one record (its form or its reading): the loading state, or "introuvable" with the error; null once loaded. */
export function avantEdition(
  filAriane: ReactNode,
  requete: { isPending: boolean; error: unknown; data?: unknown },
  introuvable: string,
): ReactNode {
  if (requete.isPending) {
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  }
  if (requete.error || !requete.data) {
    return (
      <>
        {filAriane}
        <h1>{introuvable}</h1>
        <AlerteErreur erreur={requete.error} />
      </>
    );
  }
  return null;
}

interface PropsBoutons {
  enCours: boolean;
  /** Label of the submit button, e.g. "Enregistrer les modifications". */
  envoi: string;
  /** Where "Annuler" leads. */
  annuler: string;
}

/** The submit button and the "Annuler" link that close a page's form. */
export function BoutonsEdition({ enCours, envoi, annuler }: PropsBoutons) {
  return (
    <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
      <li>
        <Button type="submit" disabled={enCours}>
          {envoi}
        </Button>
      </li>
      <li>
        <Button priority="secondary" linkProps={{ to: annuler }}>
          Annuler
        </Button>
      </li>
    </ul>
  );
}

interface PropsFormulaire extends PropsBoutons {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Show "Sauf mention contraire, les champs sont obligatoires." (default). */
  mentionObligatoire?: boolean;
  children: ReactNode;
}

/** A page's form: the mention of required fields, the fields, then the buttons. */
export function FormulaireEdition({ onSubmit, mentionObligatoire = true, children, ...boutons }: PropsFormulaire) {
  return (
    <form onSubmit={onSubmit} noValidate>
      {mentionObligatoire && <p className={fr.cx('fr-hint-text')}>Sauf mention contraire, les champs sont obligatoires.</p>}
      {children}
      <BoutonsEdition {...boutons} />
    </form>
  );
}
