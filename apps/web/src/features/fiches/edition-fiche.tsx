import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FicheSaisie } from '@maillage/domain';
import type { Axe, FicheDetail } from '@maillage/domain/api';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { estErreurApi } from '../../api/client';
import { obtenirFiche, useModificationFiche } from '../../api/fiches';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ConflitVersion } from '../../components/conflit-version';
import { differencesFiche } from './conflit-fiche';
import { appliquerErreursFiche, resolverFiche, versFormulaire, type FormulaireFiche } from './fiche-saisie';
import { SECTIONS_FICHE, type SectionFiche } from './sections-fiche';

const focaliser = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * Editing a fiche one section at a time: opening a section loads the fiche into the form, saving sends its version,
 * and a stale version (409) keeps the input and shows what changed.
 */
export function useEditionFiche(id: string, fiche: FicheDetail | undefined, recharger: () => unknown) {
  const modification = useModificationFiche(id);
  const [enEdition, setEnEdition] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [courant, setCourant] = useState<FicheDetail | null>(null);
  const [message, setMessage] = useState('');
  const form = useForm<FormulaireFiche, unknown, FicheSaisie>({ resolver: resolverFiche, defaultValues: versFormulaire() });

  const fermer = (section: string, texte = '') => {
    setEnEdition(null);
    setCourant(null);
    setMessage(texte);
    focaliser(`modifier-${section}`);
  };
  const enregistrer = (section: string, saisie: FicheSaisie, versionEnvoyee = version) =>
    modification.mutate(
      { saisie, version: versionEnvoyee },
      {
        onSuccess: () => fermer(section, `Section « ${SECTIONS_FICHE.find((s) => s.id === section)?.titre} » enregistrée.`),
        onError: async (e) => {
          if (estErreurApi(e, 409) && e.probleme.courant !== undefined) {
            setCourant((e.probleme.courant as FicheDetail) ?? (await obtenirFiche(id).catch(() => null)));
            return;
          }
          appliquerErreursFiche(e, form.setError);
        },
      },
    );

  return {
    form,
    modification,
    enEdition,
    message,
    /** The saved state after a 409, to compare with the input (null: no conflict to show). */
    conflit: estErreurApi(modification.error, 409) ? courant : null,
    ouvrir: (section: string) => {
      if (!fiche) return;
      form.reset(versFormulaire(fiche));
      setVersion(fiche.version);
      setCourant(null);
      modification.reset();
      setMessage('');
      setEnEdition(section);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#section-${section} form :is(input, select, textarea)`)?.focus());
    },
    fermer,
    enregistrer,
    /** The user keeps the saved version: the form takes it. */
    reprendre: (etat: FicheDetail) => {
      form.reset(versFormulaire(etat));
      setVersion(etat.version);
      setCourant(null);
      modification.reset();
      void recharger();
    },
    /** The user keeps their input: it is sent again with the current version. */
    ecraser: (section: string, etat: FicheDetail) => {
      setVersion(etat.version);
      void form.handleSubmit((saisie) => enregistrer(section, saisie, etat.version))();
    },
  };
}

export type EditionFiche = ReturnType<typeof useEditionFiche>;

interface Props {
  section: SectionFiche;
  fiche: FicheDetail;
  edition: EditionFiche;
  editable: boolean;
  axes: Axe[];
  /** Names of the organisations the 409 comparison may show. */
  noms: Map<string, string>;
  /** Shown at the end of the section (the follow-up, under « Suivi »). */
  children?: ReactNode;
}

/** A section of the fiche: its title, « Modifier » for editors, and either its reading or its form. */
export function SectionEditable({
  section: { id: section, titre, Lecture, Champs },
  fiche,
  edition,
  editable,
  axes,
  noms,
  children,
}: Props) {
  const { form, modification, enEdition, conflit } = edition;
  return (
    <section id={`section-${section}`} aria-labelledby={`titre-${section}`} className={fr.cx('fr-mb-5w')}>
      <div className="maillage-entete-section">
        <h2 id={`titre-${section}`} className={fr.cx('fr-h4', 'fr-mb-0')}>
          {titre}
        </h2>
        {editable && enEdition !== section && (
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-edit-line"
            onClick={() => edition.ouvrir(section)}
            disabled={enEdition !== null}
            nativeButtonProps={{ id: `modifier-${section}`, 'aria-label': `Modifier la section « ${titre} »` }}
          >
            Modifier
          </Button>
        )}
      </div>
      {enEdition === section ? (
        <form onSubmit={form.handleSubmit((saisie) => edition.enregistrer(section, saisie))} noValidate className={fr.cx('fr-mt-2w')}>
          {conflit && (
            <ConflitVersion
              entite="Cette fiche"
              diffs={differencesFiche(form.getValues(), versFormulaire(conflit), noms)}
              enCours={modification.isPending}
              onReprendre={() => edition.reprendre(conflit)}
              onEcraser={() => edition.ecraser(section, conflit)}
            />
          )}
          {modification.error && !conflit && <AlerteErreur erreur={modification.error} as="h3" titre="La fiche n’a pas été enregistrée" />}
          <Champs form={form} axes={axes} />
          <BoutonsFormulaire
            taille="md"
            icones
            sansMarge={false}
            libelle="Enregistrer"
            enCours={modification.isPending}
            onAnnuler={() => edition.fermer(section)}
          />
        </form>
      ) : (
        <div className={fr.cx('fr-mt-2w')}>
          <Lecture fiche={fiche} />
        </div>
      )}
      {children}
    </section>
  );
}
