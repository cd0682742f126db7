import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirUtilisateur, useModificationUtilisateur, useUtilisateur } from '../../api/comptes';
import type { Utilisateur } from '@maillage/domain/api';
import { useRegions } from '../../api/territoires';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur } from '../../components/formulaire';
import { libelleHabilitation } from '../../components/libelles';
import { useTitrePage } from '../../components/titre-page';
import { ChampsIdentite } from './champs-identite';
import { CHAMPS_UTILISATEUR, FORMULAIRE_VIDE, modificationSchema, versFormulaire, versHabilitations, type FormulaireUtilisateur } from './formulaire-utilisateur';
import { HabilitationsEditeur } from './habilitations-editeur';

export default function UtilisateurEditionPage() {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const { session } = useSession();
  const existant = useUtilisateur(id);
  const modification = useModificationUtilisateur(id);
  const regions = useRegions();
  const [version, setVersion] = useState<number | undefined>();
  const [courant, setCourant] = useState<Utilisateur | null>(null);
  const [nomsOrganisations, setNomsOrganisations] = useState(new Map<string, string>());
  const form = useForm<FormulaireUtilisateur>({
    resolver: zodResolver(modificationSchema) as unknown as Resolver<FormulaireUtilisateur>,
    defaultValues: FORMULAIRE_VIDE,
  });
  useTitrePage('Modifier un compte');

  useEffect(() => {
    if (existant.data && version === undefined) {
      form.reset(versFormulaire(existant.data));
      setVersion(existant.data.version);
    }
  }, [existant.data, version, form]);

  const retenirNom = (organisationId: string | null | undefined, nom: string | null | undefined) => {
    if (organisationId && nom) setNomsOrganisations((m) => new Map(m).set(organisationId, nom));
  };
  useEffect(() => retenirNom(existant.data?.organisationId, existant.data?.organisationNom), [existant.data]);
  useEffect(() => retenirNom(courant?.organisationId, courant?.organisationNom), [courant]);

  const nomsRegions = new Map(regions.data?.map((r) => [r.code, r.nom]));
  const nomOrganisation = (organisationId: string | null) => (organisationId ? (nomsOrganisations.get(organisationId) ?? 'autre organisation') : '');
  const champsCompares = [
    { libelle: 'Prénom', valeur: (f: FormulaireUtilisateur) => f.prenom.trim() },
    { libelle: 'Nom', valeur: (f: FormulaireUtilisateur) => f.nom.trim() },
    { libelle: 'Organisation', valeur: (f: FormulaireUtilisateur) => nomOrganisation(f.organisationId) },
    { libelle: 'Compte actif', valeur: (f: FormulaireUtilisateur) => (f.actif ? 'oui' : 'non') },
    {
      libelle: 'Rôles',
      valeur: (f: FormulaireUtilisateur) =>
        versHabilitations(f.habilitations)
          .map((h) => libelleHabilitation(h, { regions: nomsRegions, organisations: nomsOrganisations }))
          .sort()
          .join(' ; '),
    },
  ];

  const enregistrer = (v: FormulaireUtilisateur, versionEnvoyee = version) =>
    modification.mutate(
      {
        prenom: v.prenom,
        nom: v.nom,
        organisationId: v.organisationId,
        actif: v.actif,
        habilitations: versHabilitations(v.habilitations),
        version: versionEnvoyee ?? 0,
      },
      {
        onSuccess: (u) => naviguer('/administration/utilisateurs', { state: { message: `Le compte de ${u.prenom} ${u.nom} est enregistré.` } }),
        onError: async (e) => {
          if (estErreurApi(e, 409)) {
            setCourant((e.probleme.courant as Utilisateur | undefined) ?? (await obtenirUtilisateur(id).catch(() => null)));
            return;
          }
          appliquerErreursServeur(e, form.setError, CHAMPS_UTILISATEUR);
        },
      },
    );

  const u = existant.data;
  const filAriane = (
    <Breadcrumb
      currentPageLabel={u ? `${u.prenom} ${u.nom}` : 'Compte'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Utilisateurs', linkProps: { to: '/administration/utilisateurs' } }]}
    />
  );
  if (existant.isPending) return <>{filAriane}<Chargement /></>;
  if (existant.error || !u) {
    return (
      <>
        {filAriane}
        <h1>Compte introuvable</h1>
        <AlerteErreur erreur={existant.error} />
      </>
    );
  }

  const conflit409 = estErreurApi(modification.error, 409) && courant;
  const soiMeme = session?.utilisateur.id === u.id;
  return (
    <>
      {filAriane}
      <h1>
        Modifier le compte de {u.prenom} {u.nom}
      </h1>
      <p>Dernière connexion : {u.derniereConnexion ? formaterDateHeure(u.derniereConnexion) : 'jamais'}.</p>
      {soiMeme && (
        <Notice
          className={fr.cx('fr-mb-3w')}
          title="C’est votre propre compte : vous ne pouvez ni le désactiver ni retirer votre rôle d’administrateur."
        />
      )}
      {conflit409 && (
        <ConflitVersion
          entite="Ce compte"
          diffs={differences(champsCompares, form.getValues(), versFormulaire(courant))}
          enCours={modification.isPending}
          onReprendre={() => {
            form.reset(versFormulaire(courant));
            setVersion(courant.version);
            setCourant(null);
            modification.reset();
            void existant.refetch();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            void form.handleSubmit((v) => enregistrer(v, courant.version))();
          }}
        />
      )}
      {modification.error && !conflit409 && <AlerteErreur erreur={modification.error} titre="Le compte n’a pas été enregistré" />}
      <form onSubmit={form.handleSubmit((v) => enregistrer(v))} noValidate>
        <ChampsIdentite form={form} emailModifiable={false} onNomOrganisation={(nom) => retenirNom(form.getValues('organisationId'), nom)} />
        <fieldset className={fr.cx('fr-fieldset')}>
          <legend className={fr.cx('fr-fieldset__legend')}>Accès</legend>
          <div className={fr.cx('fr-fieldset__element')}>
            <Controller
              control={form.control}
              name="actif"
              render={({ field }) => (
                <ToggleSwitch
                  label="Compte actif"
                  helperText="Un compte désactivé ne peut plus se connecter ; ses sessions en cours sont fermées. Son historique est conservé."
                  checked={field.value}
                  onChange={(coche) => field.onChange(coche)}
                  labelPosition="right"
                  disabled={soiMeme}
                />
              )}
            />
          </div>
        </fieldset>
        <HabilitationsEditeur form={form} />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
          <li>
            <Button type="submit" disabled={modification.isPending}>
              Enregistrer les modifications
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: '/administration/utilisateurs' }}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </>
  );
}
