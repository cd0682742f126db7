import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Summary } from '@codegouvfr/react-dsfr/Summary';
import type { FicheSaisie } from '@maillage/domain';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { useContrat } from '../../api/contrats';
import { obtenirFiche, useFiche, useModificationFiche, useSuppressionFiche } from '../../api/fiches';
import type { FicheDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { ConflitVersion } from '../../components/conflit-version';
import { useTitrePage } from '../../components/titre-page';
import { nomsDuContrat } from '../../components/libelles-historique';
import { differencesFiche } from './conflit-fiche';
import { appliquerErreursFiche, resolverFiche, versFormulaire, type FormulaireFiche } from './fiche-saisie';
import { PanneauFiche } from './panneau-fiche';
import { SECTIONS_FICHE } from './sections-fiche';

const suppression = creerConfirmation('confirmation-suppression-fiche');
const focaliser = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** A fiche-action: read mode by default, each section editable on its own; a side panel for the essentials. */
export default function FichePage({ suivi }: { suivi: (ficheId: string) => ReactNode }) {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const { state } = useLocation() as { state: { message?: string } | null };
  const fiche = useFiche(id);
  const contrat = useContrat(fiche.data?.contratId);
  const modification = useModificationFiche(id);
  const supprimer = useSuppressionFiche();
  const [enEdition, setEnEdition] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [courant, setCourant] = useState<FicheDetail | null>(null);
  const [message, setMessage] = useState('');
  const form = useForm<FormulaireFiche, unknown, FicheSaisie>({ resolver: resolverFiche, defaultValues: versFormulaire() });
  useTitrePage(fiche.data ? `Fiche ${fiche.data.numero} — ${fiche.data.intitule}` : 'Fiche-action');

  const ouvrir = (section: string) => {
    if (!fiche.data) return;
    form.reset(versFormulaire(fiche.data));
    setVersion(fiche.data.version);
    setCourant(null);
    modification.reset();
    setMessage('');
    setEnEdition(section);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#section-${section} form :is(input, select, textarea)`)?.focus());
  };
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

  const contratLien = contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=strategie` } }] : [];
  const filAriane = (
    <Breadcrumb
      currentPageLabel={fiche.data ? `Fiche ${fiche.data.numero}` : 'Fiche-action'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Contrats', linkProps: { to: '/contrats' } }, ...contratLien]}
    />
  );
  if (fiche.isPending) return <>{filAriane}<Chargement /></>;
  if (fiche.error) {
    return (
      <>
        {filAriane}
        <h1>Fiche-action introuvable</h1>
        <AlerteErreur erreur={fiche.error} />
      </>
    );
  }
  const f = fiche.data;
  const verrou = f.verrou;
  const editable = f.modifiable && !verrou;
  const conflit = estErreurApi(modification.error, 409) && courant;
  const noms = contrat.data ? nomsDuContrat(contrat.data) : new Map<string, string>();
  for (const p of f.pilotes) if (p.organisationId && p.organisationNom) noms.set(p.organisationId, p.organisationNom);
  for (const l of f.financements) if (l.financeurId && l.financeurNom) noms.set(l.financeurId, l.financeurNom);

  return (
    <>
      {filAriane}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <h1 className={fr.cx('fr-mb-1w')}>
        Fiche {f.numero} — {f.intitule}
      </h1>
      <p className={fr.cx('fr-text--sm')}>
        Place dans le contrat : {f.ordre}
        {f.ordre !== f.numero ? ` (le numéro ${f.numero} reste l’identifiant de la fiche)` : ''}.
      </p>
      {verrou && f.modifiable && <Notice className={fr.cx('fr-mb-3w')} title={verrou} />}
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-8')}>
          <Summary
            title="Sommaire de la fiche"
            links={SECTIONS_FICHE.map((s) => ({ text: s.titre, linkProps: { href: `#section-${s.id}` } }))}
            className={fr.cx('fr-mb-4w')}
          />
          {SECTIONS_FICHE.map(({ id: section, titre, Lecture, Champs }) => (
            <section key={section} id={`section-${section}`} aria-labelledby={`titre-${section}`} className={fr.cx('fr-mb-5w')}>
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
                    onClick={() => ouvrir(section)}
                    disabled={enEdition !== null}
                    nativeButtonProps={{ id: `modifier-${section}`, 'aria-label': `Modifier la section « ${titre} »` }}
                  >
                    Modifier
                  </Button>
                )}
              </div>
              {enEdition === section ? (
                <form onSubmit={form.handleSubmit((saisie) => enregistrer(section, saisie))} noValidate className={fr.cx('fr-mt-2w')}>
                  {conflit && (
                    <ConflitVersion
                      entite="Cette fiche"
                      diffs={differencesFiche(form.getValues(), versFormulaire(courant), noms)}
                      enCours={modification.isPending}
                      onReprendre={() => {
                        form.reset(versFormulaire(courant));
                        setVersion(courant.version);
                        setCourant(null);
                        modification.reset();
                        void fiche.refetch();
                      }}
                      onEcraser={() => {
                        setVersion(courant.version);
                        void form.handleSubmit((saisie) => enregistrer(section, saisie, courant.version))();
                      }}
                    />
                  )}
                  {modification.error && !conflit && <AlerteErreur erreur={modification.error} as="h3" titre="La fiche n’a pas été enregistrée" />}
                  <Champs form={form} axes={contrat.data?.axes ?? []} />
                  <BoutonsFormulaire taille="md" icones sansMarge={false} libelle="Enregistrer" enCours={modification.isPending} onAnnuler={() => fermer(section)} />
                </form>
              ) : (
                <div className={fr.cx('fr-mt-2w')}>
                  <Lecture fiche={f} />
                </div>
              )}
              {section === 'suivi' && suivi(f.id)}
            </section>
          ))}
          {editable && contrat.data?.droits.modifier && (
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
              Supprimer la fiche
            </Button>
          )}
          {supprimer.error && <AlerteErreur erreur={supprimer.error} titre="La fiche n’a pas été supprimée" className={fr.cx('fr-mt-2w')} />}
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
          <PanneauFiche fiche={f} statutModifiable={f.modifiable} />
        </div>
      </div>
      <suppression.Confirmation
        titre={`Supprimer la fiche ${f.numero} ?`}
        libelleConfirmer="Supprimer la fiche"
        onConfirmer={() =>
          supprimer.mutate(f.id, {
            onSuccess: () => naviguer(`/contrats/${f.contratId}?onglet=strategie`, { state: { message: `La fiche ${f.numero} « ${f.intitule} » est supprimée.` } }),
          })
        }
      >
        <p>
          La fiche « {f.intitule} », ses étapes, partenaires, indicateurs et financements seront supprimés. Son numéro ({f.numero})
          ne sera jamais réattribué. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
