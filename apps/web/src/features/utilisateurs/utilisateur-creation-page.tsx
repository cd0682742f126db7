import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { zodResolver } from '@hookform/resolvers/zod';
import { MOT_DE_PASSE_LONGUEUR_MIN } from '@maillage/domain';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useCreationUtilisateur } from '../../api/comptes';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ChampMotDePasse } from '../../components/champ-mot-de-passe';
import { useEstimateurMotDePasse } from '../../components/force-mot-de-passe';
import { appliquerErreursServeur } from '../../components/formulaire';
import { FormulaireEdition } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { ChampsIdentite } from './champs-identite';
import {
  CHAMPS_UTILISATEUR,
  creationSchema,
  FORMULAIRE_VIDE,
  versHabilitations,
  type FormulaireUtilisateur,
} from './formulaire-utilisateur';
import { HabilitationsEditeur } from './habilitations-editeur';

export default function UtilisateurCreationPage() {
  useTitrePage('Créer un compte');
  const naviguer = useNavigate();
  const creation = useCreationUtilisateur();
  useEstimateurMotDePasse();
  const form = useForm<FormulaireUtilisateur>({
    resolver: zodResolver(creationSchema) as unknown as Resolver<FormulaireUtilisateur>,
    defaultValues: FORMULAIRE_VIDE,
  });
  const mode = useWatch({ control: form.control, name: 'mode' });

  const creer = form.handleSubmit((v) =>
    creation.mutate(
      {
        email: v.email,
        prenom: v.prenom,
        nom: v.nom,
        organisationId: v.organisationId,
        password: v.mode === 'mot_de_passe' ? v.password : undefined,
        habilitations: versHabilitations(v.habilitations),
      },
      {
        onSuccess: (u) =>
          naviguer('/administration/utilisateurs', {
            state: {
              message:
                v.mode === 'invitation'
                  ? `Le compte de ${u.prenom} ${u.nom} est créé : une invitation a été envoyée à ${u.email}.`
                  : `Le compte de ${u.prenom} ${u.nom} est créé avec le mot de passe choisi.`,
            },
          }),
        onError: (e) => appliquerErreursServeur(e, form.setError, CHAMPS_UTILISATEUR),
      },
    ),
  );

  return (
    <>
      <Breadcrumb
        currentPageLabel="Nouveau compte"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Utilisateurs', linkProps: { to: '/administration/utilisateurs' } }]}
      />
      <h1>Créer un compte</h1>
      {creation.error && <AlerteErreur erreur={creation.error} titre="Le compte n’a pas été créé" />}
      <FormulaireEdition onSubmit={creer} enCours={creation.isPending} envoi="Créer le compte" annuler="/administration/utilisateurs">
        <ChampsIdentite form={form} emailModifiable />
        <RadioButtons
          legend="Premier accès"
          name="mode"
          options={[
            {
              label: 'Envoyer une invitation par e-mail',
              hintText: 'La personne reçoit un lien pour choisir elle-même son mot de passe. Recommandé.',
              nativeInputProps: { ...form.register('mode'), value: 'invitation' },
            },
            {
              label: 'Définir un mot de passe maintenant',
              hintText: 'À transmettre à la personne par un canal sûr.',
              nativeInputProps: { ...form.register('mode'), value: 'mot_de_passe' },
            },
          ]}
        />
        {mode === 'mot_de_passe' && (
          <div className={fr.cx('fr-mb-4w', 'fr-col-12', 'fr-col-md-6')}>
            <ChampMotDePasse
              label="Mot de passe"
              indication={`Au moins ${MOT_DE_PASSE_LONGUEUR_MIN} caractères, difficile à deviner : ni mot de passe courant, ni répétition, ni le nom de la personne.`}
              autoComplete="new-password"
              enregistrement={form.register('password')}
              erreur={form.formState.errors.password?.message}
            />
          </div>
        )}
        <HabilitationsEditeur form={form} />
      </FormulaireEdition>
    </>
  );
}
