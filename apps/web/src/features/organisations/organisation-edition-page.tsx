import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { organisationSaisieSchema } from '@maillage/domain';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirOrganisation, useEnregistrementOrganisation, useOrganisation } from '../../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { appliquerErreursServeur } from '../../components/formulaire';
import { libelleTypeOrganisation } from '../../components/libelles';
import { AlerteEnregistrement, avantEdition, FormulaireEdition, useEditionVersionnee } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import {
  CHAMPS_ORGANISATION,
  ChampsOrganisation,
  SAISIE_VIDE,
  type OrganisationValide,
  type SaisieOrganisation,
} from './organisation-formulaire';

const versSaisie = (o: Organisation): SaisieOrganisation => ({
  nom: o.nom,
  sigle: o.sigle,
  type: o.type,
  siret: o.siret,
  finess: o.finess,
  regionCode: o.regionCode,
  departementCode: o.departementCode,
  territoireCode: o.territoireCode,
});

const texte = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const CHAMPS_COMPARES = [
  { libelle: 'Nom', valeur: (s: SaisieOrganisation) => texte(s.nom) },
  { libelle: 'Sigle', valeur: (s: SaisieOrganisation) => texte(s.sigle) },
  { libelle: 'Type', valeur: (s: SaisieOrganisation) => libelleTypeOrganisation(s.type) },
  { libelle: 'SIRET', valeur: (s: SaisieOrganisation) => texte(s.siret).replace(/\s/g, '') },
  { libelle: 'FINESS', valeur: (s: SaisieOrganisation) => texte(s.finess).replace(/\s/g, '').toUpperCase() },
  { libelle: 'Région', valeur: (s: SaisieOrganisation) => texte(s.regionCode) },
  { libelle: 'Département', valeur: (s: SaisieOrganisation) => texte(s.departementCode) },
  { libelle: 'Commune ou EPCI', valeur: (s: SaisieOrganisation) => texte(s.territoireCode) },
];

/** Create (/administration/organisations/nouvelle) or edit (/administration/organisations/:id). */
export default function OrganisationEditionPage() {
  const { id } = useParams();
  const naviguer = useNavigate();
  const existante = useOrganisation(id);
  const enregistrement = useEnregistrementOrganisation();
  const form = useForm<SaisieOrganisation, unknown, OrganisationValide>({
    resolver: zodResolver(organisationSaisieSchema),
    defaultValues: SAISIE_VIDE,
  });
  const edition = useEditionVersionnee({ form, requete: existante, mutation: enregistrement, versSaisie });
  const titre = id ? `Modifier ${existante.data?.nom ?? 'l’organisation'}` : 'Créer une organisation';
  useTitrePage(id ? 'Modifier une organisation' : 'Créer une organisation');

  const enregistrer = (saisie: OrganisationValide, versionEnvoyee = edition.version) =>
    enregistrement.mutate(
      { id, saisie, version: versionEnvoyee },
      {
        onSuccess: (o) => naviguer('/administration/organisations', { state: { message: `L’organisation « ${o.nom} » est enregistrée.` } }),
        onError: async (e) => {
          if (estErreurApi(e, 409) && id) {
            edition.conflit((e.probleme.courant as Organisation | undefined) ?? (await obtenirOrganisation(id).catch(() => null)));
            return;
          }
          appliquerErreursServeur(e, form.setError, CHAMPS_ORGANISATION);
        },
      },
    );

  const filAriane = (
    <Breadcrumb
      currentPageLabel={id ? (existante.data?.nom ?? 'Organisation') : 'Nouvelle organisation'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Organisations', linkProps: { to: '/administration/organisations' } }]}
    />
  );
  const attente = id ? avantEdition(filAriane, existante, 'Organisation introuvable') : null;
  if (attente) return attente;

  return (
    <>
      {filAriane}
      <h1>{titre}</h1>
      <AlerteEnregistrement
        edition={edition}
        entite="Cette organisation"
        champs={CHAMPS_COMPARES}
        titre="L’organisation n’a pas été enregistrée"
        enregistrer={enregistrer}
      />
      {!id && estErreurApi(enregistrement.error, 409) && enregistrement.error.probleme.creationPossible && (
        // A close name or another establishment of the same SIREN may be a distinct organisation (decision 0021).
        <Button
          type="button"
          priority="secondary"
          className={fr.cx('fr-mb-3w')}
          onClick={() =>
            void form.handleSubmit((saisie) => enregistrer({ ...saisie, accepterDoublonsProches: true } as OrganisationValide))()
          }
        >
          Créer quand même
        </Button>
      )}
      <FormulaireEdition
        onSubmit={form.handleSubmit((saisie) => enregistrer(saisie))}
        enCours={enregistrement.isPending}
        envoi={id ? 'Enregistrer les modifications' : 'Créer l’organisation'}
        annuler="/administration/organisations"
      >
        <ChampsOrganisation form={form} />
      </FormulaireEdition>
    </>
  );
}
