import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Summary } from '@codegouvfr/react-dsfr/Summary';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useContrat } from '../../api/contrats';
import { useFiche, useSuppressionFiche } from '../../api/fiches';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { nomsDuContrat } from '../../components/libelles-historique';
import { avantEdition } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { SectionEditable, useEditionFiche } from './edition-fiche';
import { PanneauFiche } from './panneau-fiche';
import { SECTIONS_FICHE } from './sections-fiche';

const suppression = creerConfirmation('confirmation-suppression-fiche');

/** A fiche-action: read mode by default, each section editable on its own; a side panel for the essentials. */
export default function FichePage({
  suivi,
  parcours,
}: {
  suivi: (ficheId: string) => ReactNode;
  /** The parcours the fiche serves (owned by the parcours feature; the two meet in app/). */
  parcours?: (ficheId: string) => ReactNode;
}) {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const { state } = useLocation() as { state: { message?: string } | null };
  const fiche = useFiche(id);
  const contrat = useContrat(fiche.data?.contratId);
  const supprimer = useSuppressionFiche();
  const edition = useEditionFiche(id, fiche.data, fiche.refetch);
  useTitrePage(fiche.data ? `Fiche ${fiche.data.numero} — ${fiche.data.intitule}` : 'Fiche-action');

  const contratLien = contrat.data
    ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=strategie` } }]
    : [];
  const filAriane = (
    <Breadcrumb
      currentPageLabel={fiche.data ? `Fiche ${fiche.data.numero}` : 'Fiche-action'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Contrats', linkProps: { to: '/contrats' } }, ...contratLien]}
    />
  );
  const attente = avantEdition(filAriane, fiche, 'Fiche-action introuvable');
  if (attente || !fiche.data) return attente;
  const f = fiche.data;
  const verrou = f.verrou;
  const editable = f.modifiable && !verrou;
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
        {edition.message}
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-8')}>
          <Summary
            title="Sommaire de la fiche"
            links={SECTIONS_FICHE.map((s) => ({ text: s.titre, linkProps: { href: `#section-${s.id}` } }))}
            className={fr.cx('fr-mb-4w')}
          />
          {SECTIONS_FICHE.map((section) => (
            <SectionEditable
              key={section.id}
              section={section}
              fiche={f}
              edition={edition}
              editable={editable}
              axes={contrat.data?.axes ?? []}
              noms={noms}
            >
              {section.id === 'suivi' && suivi(f.id)}
            </SectionEditable>
          ))}
          {editable && contrat.data?.droits.modifier && (
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
              Supprimer la fiche
            </Button>
          )}
          {supprimer.error && (
            <AlerteErreur erreur={supprimer.error} titre="La fiche n’a pas été supprimée" className={fr.cx('fr-mt-2w')} />
          )}
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
          <PanneauFiche fiche={f} statutModifiable={f.modifiable} />
          {parcours?.(f.id)}
        </div>
      </div>
      <suppression.Confirmation
        titre={`Supprimer la fiche ${f.numero} ?`}
        libelleConfirmer="Supprimer la fiche"
        onConfirmer={() =>
          supprimer.mutate(f.id, {
            onSuccess: () =>
              naviguer(`/contrats/${f.contratId}?onglet=strategie`, {
                state: { message: `La fiche ${f.numero} « ${f.intitule} » est supprimée.` },
              }),
          })
        }
      >
        <p>
          La fiche « {f.intitule} », ses étapes, partenaires, indicateurs et financements seront supprimés. Son numéro ({f.numero}) ne sera
          jamais réattribué. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}
