import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ORIGINES_DEMANDE, URGENCES } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type AccuseReception, type SaisieDemande, useEnvoiDemande, useEquipesAppui } from '../../api/appui';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { ChampsDemandeur, ChampsMedecin, ChampsPersonne, type ValeursDemande } from './champs-demande';

const vide = (v: string) => (v.trim() === '' ? null : v.trim());

/** The body of POST /api/appui/demandes from the form. */
function corpsDemande(v: ValeursDemande, moi: { nom: string; courriel: string }, telephone: boolean): SaisieDemande {
  const moiMedecin = v.origine === 'medecin_traitant' && v.moiMedecin && !telephone;
  const medecin = moiMedecin
    ? { nom: moi.nom, courriel: moi.courriel }
    : vide(v.medecinNom)
      ? { nom: v.medecinNom.trim(), rpps: vide(v.medecinRpps), courriel: vide(v.medecinCourriel) }
      : null;
  return {
    equipeId: v.equipeId,
    origine: v.origine as SaisieDemande['origine'],
    canal: telephone ? 'telephone' : 'formulaire',
    demandeur: telephone
      ? {
          nom: v.demandeurNom.trim(),
          qualite: vide(v.demandeurQualite),
          telephone: vide(v.demandeurTelephone),
          courriel: vide(v.demandeurCourriel),
        }
      : null,
    personne: { nom: v.nom.trim(), prenoms: v.prenoms.trim(), dateNaissance: vide(v.dateNaissance), communeCode: vide(v.communeCode) },
    motif: v.motif.trim(),
    urgence: v.urgence as SaisieDemande['urgence'],
    medecinTraitant: medecin,
  };
}

/**
 * /appui/demande: the guichet unique's short form (who asks, for whom, why, how urgent), one column, usable on a
 * phone at any hour. A team member may enter a request taken by phone from the same form.
 */
export default function DemandePage() {
  useTitrePage('Demander un appui à la coordination');
  const { session } = useSession();
  const equipes = useEquipesAppui();
  const envoi = useEnvoiDemande();
  const [accuse, setAccuse] = useState<AccuseReception | null>(null);
  const liste = equipes.data?.elements ?? [];
  const {
    register,
    handleSubmit,
    watch,
    setError,
    reset,
    formState: { errors },
  } = useForm<ValeursDemande>({
    values: {
      equipeId: liste.length === 1 ? liste[0].id : '',
      origine: 'medecin_traitant',
      telephone: false,
      ...{ demandeurNom: '', demandeurQualite: '', demandeurTelephone: '', demandeurCourriel: '' },
      ...{ nom: '', prenoms: '', dateNaissance: '', communeRecherche: '', communeCode: '', motif: '' },
      urgence: 'normale',
      moiMedecin: true,
      ...{ medecinNom: '', medecinRpps: '', medecinCourriel: '' },
    },
  });
  if (!session) return null;
  const equipe = liste.find((e) => e.id === watch('equipeId'));
  // A member of the chosen team enters the calls it receives (canal « téléphone »).
  const membre = !!equipe?.monRole;
  const telephone = membre && watch('telephone');

  const soumettre = handleSubmit((v) => {
    const manque: [keyof ValeursDemande, string][] = [];
    if (!v.equipeId) manque.push(['equipeId', 'Choisissez l’équipe d’appui à qui adresser la demande']);
    if (telephone && !v.demandeurNom.trim()) manque.push(['demandeurNom', 'Indiquez qui appelle']);
    if (!v.nom.trim()) manque.push(['nom', 'Indiquez le nom de naissance de la personne']);
    if (!v.prenoms.trim()) manque.push(['prenoms', 'Indiquez les prénoms de la personne']);
    if (v.motif.trim().length < 1) manque.push(['motif', 'Dites en quelques mots pourquoi vous demandez un appui']);
    manque.forEach(([champ, message], i) => setError(champ, { message }, { shouldFocus: i === 0 }));
    if (manque.length > 0) return;
    const moi = { nom: `${session.utilisateur.prenom} ${session.utilisateur.nom}`, courriel: session.utilisateur.email };
    envoi.mutate(corpsDemande(v, moi, telephone), {
      onSuccess: (r) => {
        setAccuse(r);
        reset();
        window.scrollTo(0, 0);
      },
      onError: (e) => appliquerErreursServeur(e, setError, ['equipeId', 'origine', 'motif', 'urgence']),
    });
  });

  if (accuse)
    return (
      <>
        <h1>Demande envoyée</h1>
        <Alert
          severity="success"
          title={`Demande n° ${accuse.numero} reçue par ${accuse.equipe}`}
          description={
            <>
              <span className={fr.cx('fr-mb-1w')}>{accuse.message}</span>
              <br />
              Reçue le {formaterDateHeure(accuse.recueLe)}.
              {accuse.telephoneEquipe ? ` Pour joindre l’équipe : ${accuse.telephoneEquipe}.` : ''}
            </>
          }
          className={fr.cx('fr-mb-3w')}
        />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
          <li>
            <Button linkProps={{ to: '/appui/mes-demandes' }}>Suivre mes demandes</Button>
          </li>
          <li>
            <Button priority="secondary" onClick={() => setAccuse(null)}>
              Faire une autre demande
            </Button>
          </li>
        </ul>
      </>
    );

  return (
    <>
      <h1>Demander un appui à la coordination</h1>
      <p className={fr.cx('fr-text--lead')}>
        Une situation complexe, quel que soit l’âge, la maladie ou le handicap ? L’équipe d’appui accuse réception, désigne un référent et
        vous recontacte.
      </p>
      {equipes.isPending ? (
        <Chargement />
      ) : equipes.error ? (
        <AlerteErreur erreur={equipes.error} titre="Les équipes d’appui n’ont pas pu être chargées" />
      ) : liste.length === 0 ? (
        <EtatVide titre="Aucune équipe d’appui n’est encore ouverte">
          <p>Quand une équipe d’appui à la coordination (DAC) s’ouvre sur la plateforme, vous pourrez lui adresser vos demandes ici.</p>
        </EtatVide>
      ) : (
        <form onSubmit={soumettre} noValidate aria-label="Demande d’appui" className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          {envoi.error ? <AlerteErreur erreur={envoi.error} titre="La demande n’a pas été envoyée" /> : null}
          <Select label="Équipe d’appui" nativeSelectProps={register('equipeId')} {...etatChamp(errors.equipeId?.message)}>
            <option value="">Choisir l’équipe</option>
            {liste.map((e) => (
              <option key={e.id} value={e.id}>
                {e.nom}
              </option>
            ))}
          </Select>
          {equipe?.horaires && <p className={fr.cx('fr-text--sm')}>Horaires de l’équipe : {equipe.horaires}</p>}
          {membre && (
            <Checkbox small options={[{ label: 'Demande prise au téléphone par l’équipe', nativeInputProps: register('telephone') }]} />
          )}
          <Select label="Qui demande" nativeSelectProps={register('origine')}>
            {Object.entries(ORIGINES_DEMANDE).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
          {telephone && <ChampsDemandeur register={register} errors={errors} />}
          <ChampsPersonne register={register} watch={watch} errors={errors} />
          <Input
            label="Pourquoi demandez-vous un appui ?"
            hintText="La situation en quelques lignes : ce qui bloque, ce qui a été essayé. Ce texte est chiffré et seule l’équipe le lit."
            textArea
            nativeTextAreaProps={{ ...register('motif'), rows: 5 }}
            {...etatChamp(errors.motif?.message)}
          />
          <RadioButtons
            legend="Urgence"
            options={Object.entries(URGENCES).map(([code, libelle]) => ({
              label: libelle,
              nativeInputProps: { ...register('urgence'), value: code },
            }))}
          />
          <ChampsMedecin
            register={register}
            watch={watch}
            errors={errors}
            estMedecin={watch('origine') === 'medecin_traitant' && !telephone}
          />
          <Button type="submit" disabled={envoi.isPending} iconId="fr-icon-send-plane-line">
            Envoyer la demande
          </Button>
        </form>
      )}
    </>
  );
}
