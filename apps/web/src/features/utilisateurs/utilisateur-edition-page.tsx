import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { obtenirUtilisateur, useModificationUtilisateur, useUtilisateur } from '../../api/comptes';
import type { Utilisateur } from '@maillage/domain/api';
import { useRegions } from '../../api/territoires';
import { useSession } from '../../app/session';
import { formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur } from '../../components/formulaire';
import { libelleHabilitation } from '../../components/libelles';
import { AlerteEnregistrement, avantEdition, FormulaireEdition, useEditionVersionnee } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { ChampsIdentite } from './champs-identite';
import {
  CHAMPS_UTILISATEUR,
  FORMULAIRE_VIDE,
  modificationSchema,
  versFormulaire,
  versHabilitations,
  type FormulaireUtilisateur,
} from './formulaire-utilisateur';
import { HabilitationsEditeur } from './habilitations-editeur';

export default function UtilisateurEditionPage() {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const { session } = useSession();
  const existant = useUtilisateur(id);
  const modification = useModificationUtilisateur(id);
  const regions = useRegions();
  const [nomsOrganisations, setNomsOrganisations] = useState(new Map<string, string>());
  const form = useForm<FormulaireUtilisateur>({
    resolver: zodResolver(modificationSchema) as unknown as Resolver<FormulaireUtilisateur>,
    defaultValues: FORMULAIRE_VIDE,
  });
  const edition = useEditionVersionnee({ form, requete: existant, mutation: modification, versSaisie: versFormulaire });
  const courant: Utilisateur | null = edition.courant;
  useTitrePage('Modifier un compte');

  const retenirNom = (organisationId: string | null | undefined, nom: string | null | undefined) => {
    if (organisationId && nom) setNomsOrganisations((m) => new Map(m).set(organisationId, nom));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: retenirNom is new at each render; runs when the data arrives.
  useEffect(() => retenirNom(existant.data?.organisationId, existant.data?.organisationNom), [existant.data]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retenirNom is new at each render; runs when the user changes.
  useEffect(() => retenirNom(courant?.organisationId, courant?.organisationNom), [courant]);

  const nomsRegions = new Map(regions.data?.map((r) => [r.code, r.nom]));
  const nomOrganisation = (organisationId: string | null) =>
    organisationId ? (nomsOrganisations.get(organisationId) ?? 'autre organisation') : '';
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

  const enregistrer = (v: FormulaireUtilisateur, versionEnvoyee = edition.version) =>
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
        onSuccess: (u) =>
          naviguer('/administration/utilisateurs', { state: { message: `Le compte de ${u.prenom} ${u.nom} est enregistré.` } }),
        onError: async (e) => {
          if (estErreurApi(e, 409)) {
            edition.conflit((e.probleme.courant as Utilisateur | undefined) ?? (await obtenirUtilisateur(id).catch(() => null)));
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
  const attente = avantEdition(filAriane, existant, 'Compte introuvable');
  if (attente || !u) return attente;

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
      <AlerteEnregistrement
        edition={edition}
        entite="Ce compte"
        champs={champsCompares}
        titre="Le compte n’a pas été enregistré"
        enregistrer={enregistrer}
      />
      <FormulaireEdition
        onSubmit={form.handleSubmit((v) => enregistrer(v))}
        mentionObligatoire={false}
        enCours={modification.isPending}
        envoi="Enregistrer les modifications"
        annuler="/administration/utilisateurs"
      >
        <ChampsIdentite
          form={form}
          emailModifiable={false}
          onNomOrganisation={(nom) => retenirNom(form.getValues('organisationId'), nom)}
        />
        <AccesCompte form={form} soiMeme={soiMeme} />
        <HabilitationsEditeur form={form} />
      </FormulaireEdition>
    </>
  );
}

/** Whether the account may sign in; one's own account cannot be switched off. */
function AccesCompte({ form, soiMeme }: { form: UseFormReturn<FormulaireUtilisateur>; soiMeme: boolean }) {
  return (
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
  );
}
