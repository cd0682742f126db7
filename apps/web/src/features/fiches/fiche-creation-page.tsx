import { fr } from '@codegouvfr/react-dsfr';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import type { FicheSaisie } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useContrat } from '../../api/contrats';
import { useCreationFiche } from '../../api/fiches';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { useTitrePage } from '../../components/titre-page';
import { editionStructure } from '../../components/statuts-contrat';
import { appliquerErreursFiche, resolverFiche, versFormulaire, type FormulaireFiche } from './fiche-saisie';
import { SECTIONS_FICHE } from './sections-fiche';

/** The essentials shown open; the rest of the template in accordions, all in one form. */
const ESSENTIELLES = ['axe', 'pilotes', 'duree', 'classement', 'financement'];

export default function FicheCreationPage() {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const contrat = useContrat(id);
  const creation = useCreationFiche(id);
  const [numero, setNumero] = useState('');
  const form = useForm<FormulaireFiche, unknown, FicheSaisie>({
    resolver: resolverFiche,
    defaultValues: versFormulaire({
      pilotes: [{ organisationId: null, organisationNom: null, organisationSigle: null, service: null, libelle: 'À définir' }],
    }),
  });
  useTitrePage('Nouvelle fiche-action');

  const filAriane = (
    <Breadcrumb
      currentPageLabel="Nouvelle fiche-action"
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${id}?onglet=strategie` } }] : []),
      ]}
    />
  );
  if (contrat.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (contrat.error) {
    return (
      <>
        {filAriane}
        <h1>Contrat introuvable</h1>
        <AlerteErreur erreur={contrat.error} />
      </>
    );
  }
  const edition = editionStructure(contrat.data);
  const numeroChoisi = numero.trim() === '' ? undefined : Number(numero);
  const numeroInvalide = numeroChoisi !== undefined && !(Number.isInteger(numeroChoisi) && numeroChoisi >= 1);

  const soumettre = form.handleSubmit((saisie) => {
    if (numeroInvalide) return;
    creation.mutate(
      { ...saisie, numero: numeroChoisi },
      {
        onSuccess: (r) => naviguer(`/fiches/${r.id}`, { state: { message: `La fiche ${r.numero} « ${saisie.intitule} » est créée.` } }),
        onError: (e) => appliquerErreursFiche(e, form.setError),
      },
    );
  });

  const essentielles = SECTIONS_FICHE.filter((s) => ESSENTIELLES.includes(s.id));
  const autres = SECTIONS_FICHE.filter((s) => !ESSENTIELLES.includes(s.id));
  const axes = contrat.data.axes;
  return (
    <>
      {filAriane}
      <h1>Nouvelle fiche-action</h1>
      <p className={fr.cx('fr-text--lead')}>Contrat : {contrat.data.intitule}</p>
      {!edition.possible && (
        <Notice className={fr.cx('fr-mb-3w')} title={edition.raison ?? 'Vous ne pouvez pas créer de fiche dans ce contrat.'} />
      )}
      {creation.error && <AlerteErreur erreur={creation.error} titre="La fiche n’a pas été créée" />}
      <form onSubmit={soumettre} noValidate>
        <p className={fr.cx('fr-hint-text')}>
          Seul l’intitulé est obligatoire. Étapes, partenaires, indicateurs et tout le reste de la fiche se saisissent dès maintenant dans
          les sections ci-dessous, ou plus tard, section par section.
        </p>
        <h2>L’essentiel</h2>
        <Input
          label="Numéro (facultatif)"
          hintText="Laissez vide pour le numéro suivant jamais attribué ; un numéro ne change plus ensuite."
          nativeInputProps={{ value: numero, onChange: (e) => setNumero(e.target.value), inputMode: 'numeric', maxLength: 4 }}
          state={numeroInvalide ? 'error' : 'default'}
          stateRelatedMessage={numeroInvalide ? 'Un nombre entier à partir de 1' : undefined}
        />
        {essentielles.map(({ id: section, titre, Champs }) => (
          <section key={section} aria-labelledby={`creation-${section}`} className={fr.cx('fr-mb-4w')}>
            <h3 id={`creation-${section}`} className={fr.cx('fr-h5')}>
              {titre}
            </h3>
            <Champs form={form} axes={axes} />
          </section>
        ))}
        <h2>Compléter la fiche (facultatif)</h2>
        <div className={fr.cx('fr-accordions-group', 'fr-mb-4w')}>
          {autres.map(({ id: section, titre, Champs }) => (
            <Accordion key={section} label={titre} titleAs="h3">
              <Champs form={form} axes={axes} />
            </Accordion>
          ))}
        </div>
        <BoutonsFormulaire
          taille="md"
          icones
          libelle="Créer la fiche"
          enCours={creation.isPending || !edition.possible}
          annulerVers={`/contrats/${id}?onglet=strategie`}
        />
      </form>
    </>
  );
}
