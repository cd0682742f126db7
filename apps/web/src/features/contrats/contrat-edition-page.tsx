import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { contratSaisieSchema, formaterPeriode, ORIGINES_CONTRAT } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirContrat, useContrat, useEnregistrementContrat } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { appliquerErreursServeur } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { CHAMPS_CONTRAT, ChampsContrat, CONTRAT_VIDE, versSaisieContrat, type ContratValide, type SaisieContrat } from './contrat-formulaire';

const liste = (ids: string[] | undefined) => [...(ids ?? [])].sort().join(', ');

/** Create (/contrats/nouveau) or edit (/contrats/:id/modifier) a contract. */
export default function ContratEditionPage() {
  const { id } = useParams();
  const naviguer = useNavigate();
  const existant = useContrat(id);
  const enregistrement = useEnregistrementContrat();
  const [version, setVersion] = useState<number | undefined>();
  const [courant, setCourant] = useState<ContratDetail | null>(null);
  const form = useForm<SaisieContrat, unknown, ContratValide>({ resolver: zodResolver(contratSaisieSchema), defaultValues: CONTRAT_VIDE });
  useTitrePage(id ? 'Modifier un contrat' : 'Créer un contrat');

  useEffect(() => {
    if (existant.data && version === undefined) {
      form.reset(versSaisieContrat(existant.data));
      setVersion(existant.data.version);
    }
  }, [existant.data, version, form]);

  // Names for the comparison: what the user chose and what is saved.
  const nomsOrganisations = new Map([...(existant.data?.ars ?? []), ...(existant.data?.porteurs ?? []), ...(courant?.ars ?? []), ...(courant?.porteurs ?? [])].map((o) => [o.id, o.nom]));
  const noms = (ids: string[] | undefined) => (ids ?? []).map((x) => nomsOrganisations.get(x) ?? 'autre organisation').sort().join(', ');
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

  const enregistrer = (saisie: ContratValide, versionEnvoyee = version) =>
    enregistrement.mutate(
      { id, saisie, version: versionEnvoyee },
      {
        onSuccess: (r) =>
          naviguer(`/contrats/${r.id}`, { state: { message: id ? 'Les modifications du contrat sont enregistrées.' : `Le contrat « ${saisie.intitule} » est créé : vous en êtes coordonnateur·rice.` } }),
        onError: async (e) => {
          // A stale version carries the current state; a signed contract's refusal does not.
          if (estErreurApi(e, 409) && id && e.probleme.courant !== undefined) {
            setCourant(await obtenirContrat(id).catch(() => null));
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
  if (id && existant.isPending) return <>{filAriane}<Chargement /></>;
  if (id && existant.error) {
    return (
      <>
        {filAriane}
        <h1>Contrat introuvable</h1>
        <AlerteErreur erreur={existant.error} />
      </>
    );
  }

  const conflit = estErreurApi(enregistrement.error, 409) && courant;
  return (
    <>
      {filAriane}
      <h1>{id ? `Modifier le contrat` : 'Créer un contrat local de santé'}</h1>
      {!id && (
        <p className={fr.cx('fr-text--lead')}>
          Choisissez le territoire, l’ARS et la ou les collectivités porteuses. Le contrat commence au statut « En préparation » ;
          vous en devenez coordonnateur·rice et pourrez y inviter les autres parties.
        </p>
      )}
      {conflit && (
        <ConflitVersion
          entite="Ce contrat"
          diffs={differences(CHAMPS_COMPARES, form.getValues(), versSaisieContrat(courant))}
          enCours={enregistrement.isPending}
          onReprendre={() => {
            form.reset(versSaisieContrat(courant));
            setVersion(courant.version);
            setCourant(null);
            enregistrement.reset();
            void existant.refetch();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            void form.handleSubmit((saisie) => enregistrer(saisie, courant.version))();
          }}
        />
      )}
      {enregistrement.error && !conflit && <AlerteErreur erreur={enregistrement.error} titre="Le contrat n’a pas été enregistré" />}
      <form onSubmit={form.handleSubmit((saisie) => enregistrer(saisie))} noValidate>
        <p className={fr.cx('fr-hint-text')}>Sauf mention contraire, les champs sont obligatoires.</p>
        <ChampsContrat form={form} existant={existant.data} />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
          <li>
            <Button type="submit" disabled={enregistrement.isPending}>
              {id ? 'Enregistrer les modifications' : 'Créer le contrat'}
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: id ? `/contrats/${id}` : '/contrats' }}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </>
  );
}
