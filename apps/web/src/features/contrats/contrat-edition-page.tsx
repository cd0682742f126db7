import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { zodResolver } from '@hookform/resolvers/zod';
import { contratSaisieSchema, formaterPeriode, ORIGINES_CONTRAT } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirContrat, useContrat, useEnregistrementContrat } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { appliquerErreursServeur } from '../../components/formulaire';
import { AlerteEnregistrement, avantEdition, FormulaireEdition, useEditionVersionnee } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import {
  CHAMPS_CONTRAT,
  ChampsContrat,
  CONTRAT_VIDE,
  versSaisieContrat,
  type ContratValide,
  type SaisieContrat,
} from './contrat-formulaire';

const liste = (ids: string[] | undefined) => [...(ids ?? [])].sort().join(', ');

/** Create (/contrats/nouveau) or edit (/contrats/:id/modifier) a contract. */
export default function ContratEditionPage() {
  const { id } = useParams();
  const naviguer = useNavigate();
  const existant = useContrat(id);
  const enregistrement = useEnregistrementContrat();
  const form = useForm<SaisieContrat, unknown, ContratValide>({ resolver: zodResolver(contratSaisieSchema), defaultValues: CONTRAT_VIDE });
  const edition = useEditionVersionnee({ form, requete: existant, mutation: enregistrement, versSaisie: versSaisieContrat });
  const courant: ContratDetail | null = edition.courant;
  useTitrePage(id ? 'Modifier un contrat' : 'Créer un contrat');

  // Names for the comparison: what the user chose and what is saved.
  const nomsOrganisations = new Map(
    [...(existant.data?.ars ?? []), ...(existant.data?.porteurs ?? []), ...(courant?.ars ?? []), ...(courant?.porteurs ?? [])].map((o) => [
      o.id,
      o.nom,
    ]),
  );
  const noms = (ids: string[] | undefined) =>
    (ids ?? [])
      .map((x) => nomsOrganisations.get(x) ?? 'autre organisation')
      .sort()
      .join(', ');
  const CHAMPS_COMPARES = [
    { libelle: 'Intitulé', valeur: (s: SaisieContrat) => s.intitule.trim() },
    { libelle: 'Périmètre', valeur: (s: SaisieContrat) => `${liste(s.perimetre.epci)} ${liste(s.perimetre.communes)}`.trim() },
    { libelle: 'Génération', valeur: (s: SaisieContrat) => String(s.generation) },
    { libelle: 'ARS', valeur: (s: SaisieContrat) => noms(s.arsIds) },
    { libelle: 'Collectivités porteuses', valeur: (s: SaisieContrat) => noms(s.porteursIds) },
    { libelle: 'Origine', valeur: (s: SaisieContrat) => (s.origine ? ORIGINES_CONTRAT[s.origine] : '') },
    { libelle: 'Période', valeur: (s: SaisieContrat) => formaterPeriode(s.periode.debut, s.periode.fin) },
    { libelle: 'Début de l’élaboration', valeur: (s: SaisieContrat) => s.debutElaboration ?? '' },
    { libelle: 'Insulaire', valeur: (s: SaisieContrat) => (s.insulaire ? 'oui' : 'non') },
    { libelle: 'Contexte', valeur: (s: SaisieContrat) => (s.contexte ?? '').trim() },
  ];

  const enregistrer = (saisie: ContratValide, versionEnvoyee = edition.version) =>
    enregistrement.mutate(
      { id, saisie, version: versionEnvoyee },
      {
        onSuccess: (r) =>
          naviguer(`/contrats/${r.id}`, {
            state: {
              message: id
                ? 'Les modifications du contrat sont enregistrées.'
                : `Le contrat « ${saisie.intitule} » est créé : vous en êtes coordonnateur·rice.`,
            },
          }),
        onError: async (e) => {
          // A stale version carries the current state; a signed contract's refusal does not.
          if (estErreurApi(e, 409) && id && e.probleme.courant !== undefined) {
            edition.conflit(await obtenirContrat(id).catch(() => null));
            return;
          }
          appliquerErreursServeur(e, form.setError, CHAMPS_CONTRAT);
        },
      },
    );

  const filAriane = (
    <Breadcrumb
      currentPageLabel={id ? 'Modifier' : 'Nouveau contrat'}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(id && existant.data ? [{ label: existant.data.intitule, linkProps: { to: `/contrats/${id}` } }] : []),
      ]}
    />
  );
  const attente = id ? avantEdition(filAriane, existant, 'Contrat introuvable') : null;
  if (attente) return attente;

  return (
    <>
      {filAriane}
      <h1>{id ? `Modifier le contrat` : 'Créer un contrat local de santé'}</h1>
      {!id && (
        <p className={fr.cx('fr-text--lead')}>
          Choisissez le territoire, l’ARS et la ou les collectivités porteuses. Le contrat commence au statut « En préparation » ; vous en
          devenez coordonnateur·rice et pourrez y inviter les autres parties.
        </p>
      )}
      <AlerteEnregistrement
        edition={edition}
        entite="Ce contrat"
        champs={CHAMPS_COMPARES}
        titre="Le contrat n’a pas été enregistré"
        enregistrer={enregistrer}
      />
      <FormulaireEdition
        onSubmit={form.handleSubmit((saisie) => enregistrer(saisie))}
        enCours={enregistrement.isPending}
        envoi={id ? 'Enregistrer les modifications' : 'Créer le contrat'}
        annuler={id ? `/contrats/${id}` : '/contrats'}
      >
        <ChampsContrat form={form} existant={existant.data} />
      </FormulaireEdition>
    </>
  );
}
