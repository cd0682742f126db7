import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { organisationSaisieSchema } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirOrganisation, useEnregistrementOrganisation, useOrganisation } from '../../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { appliquerErreursServeur } from '../../components/formulaire';
import { libelleTypeOrganisation } from '../../components/libelles';
import { useTitrePage } from '../../components/titre-page';
import { CHAMPS_ORGANISATION, ChampsOrganisation, SAISIE_VIDE, type OrganisationValide, type SaisieOrganisation } from './organisation-formulaire';

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
  const [version, setVersion] = useState<number | undefined>();
  const [courant, setCourant] = useState<Organisation | null>(null);
  const form = useForm<SaisieOrganisation, unknown, OrganisationValide>({ resolver: zodResolver(organisationSaisieSchema), defaultValues: SAISIE_VIDE });
  const titre = id ? `Modifier ${existante.data?.nom ?? 'l’organisation'}` : 'Créer une organisation';
  useTitrePage(id ? 'Modifier une organisation' : 'Créer une organisation');

  // Load the record once into the form; later refetches must not wipe what the user is typing.
  useEffect(() => {
    if (existante.data && version === undefined) {
      form.reset(versSaisie(existante.data));
      setVersion(existante.data.version);
    }
  }, [existante.data, version, form]);

  const enregistrer = (saisie: OrganisationValide, versionEnvoyee = version) =>
    enregistrement.mutate(
      { id, saisie, version: versionEnvoyee },
      {
        onSuccess: (o) => naviguer('/administration/organisations', { state: { message: `L’organisation « ${o.nom} » est enregistrée.` } }),
        onError: async (e) => {
          if (estErreurApi(e, 409) && id) {
            const etat = (e.probleme.courant as Organisation | undefined) ?? (await obtenirOrganisation(id).catch(() => null));
            setCourant(etat);
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
  if (id && existante.isPending) return <>{filAriane}<Chargement /></>;
  if (id && existante.error) {
    return (
      <>
        {filAriane}
        <h1>Organisation introuvable</h1>
        <AlerteErreur erreur={existante.error} />
      </>
    );
  }

  const conflit409 = estErreurApi(enregistrement.error, 409);
  return (
    <>
      {filAriane}
      <h1>{titre}</h1>
      {conflit409 && courant && (
        <ConflitVersion
          entite="Cette organisation"
          diffs={differences(CHAMPS_COMPARES, form.getValues(), versSaisie(courant))}
          enCours={enregistrement.isPending}
          onReprendre={() => {
            form.reset(versSaisie(courant));
            setVersion(courant.version);
            setCourant(null);
            enregistrement.reset();
            void existante.refetch();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            void form.handleSubmit((saisie) => enregistrer(saisie, courant.version))();
          }}
        />
      )}
      {enregistrement.error && !(conflit409 && courant) && <AlerteErreur erreur={enregistrement.error} titre="L’organisation n’a pas été enregistrée" />}
      {!id && estErreurApi(enregistrement.error, 409) && enregistrement.error.probleme.creationPossible && (
        // A close name or another establishment of the same SIREN may be a distinct organisation (decision 0021).
        <Button
          type="button"
          priority="secondary"
          className={fr.cx('fr-mb-3w')}
          onClick={() => void form.handleSubmit((saisie) => enregistrer({ ...saisie, accepterDoublonsProches: true } as OrganisationValide))()}
        >
          Créer quand même
        </Button>
      )}
      <form onSubmit={form.handleSubmit((saisie) => enregistrer(saisie))} noValidate>
        <p className={fr.cx('fr-hint-text')}>Sauf mention contraire, les champs sont obligatoires.</p>
        <ChampsOrganisation form={form} />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
          <li>
            <Button type="submit" disabled={enregistrement.isPending}>
              {id ? 'Enregistrer les modifications' : 'Créer l’organisation'}
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: '/administration/organisations' }}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </>
  );
}
