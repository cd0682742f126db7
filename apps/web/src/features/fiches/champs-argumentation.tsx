import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { ISTS, PUBLICS } from '@maillage/domain';
import { useWatch } from 'react-hook-form';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChampOuiNon, ChoixTermes, type FormFiche } from './champs-communs';

/** Section 4: the needs analysis, the ISTS identified and the territories concerned. */
export function ChampsArgumentation({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  const ists = useWatch({ control: form.control, name: 'istsIdentifiees' });
  const tout = useWatch({ control: form.control, name: 'territoireTout' });
  return (
    <>
      <Input
        label="Argumentation"
        hintText="L’analyse des besoins qui justifie l’action (constats du diagnostic)"
        textArea
        nativeTextAreaProps={{ ...register('argumentation', { setValueAs: videEnNull }), rows: 5 }}
        {...etatChamp(errors.argumentation?.message)}
      />
      <ChampOuiNon
        form={form}
        nom="istsIdentifiees"
        legende="Des inégalités sociales et territoriales de santé (ISTS) ont-elles été identifiées ?"
      />
      {ists === 'oui' && (
        <>
          <ChoixTermes form={form} nom="ists" legende="Lesquelles ?" termes={ISTS} />
          <Input
            label="Précisions sur les ISTS (facultatif)"
            nativeInputProps={{ ...register('istsPrecision', { setValueAs: videEnNull }), maxLength: 1000 }}
            {...etatChamp(errors.istsPrecision?.message)}
          />
        </>
      )}
      <Checkbox
        legend="Territoires concernés"
        options={[{ label: 'Tout le territoire du contrat', nativeInputProps: register('territoireTout') }]}
      />
      {!tout && (
        <Input
          label="Communes ou quartiers concernés"
          textArea
          nativeTextAreaProps={{ ...register('territoiresConcernes', { setValueAs: videEnNull }), rows: 2 }}
          {...etatChamp(errors.territoiresConcernes?.message)}
        />
      )}
    </>
  );
}

/** Section 5: the public. */
export function ChampsPublic({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      <ChoixTermes form={form} nom="publics" legende="Public visé" termes={PUBLICS} />
      <Input
        label="Précisions sur le public (facultatif)"
        nativeInputProps={{ ...register('publicPrecision', { setValueAs: videEnNull }), maxLength: 1000 }}
        {...etatChamp(errors.publicPrecision?.message)}
      />
      <ChampOuiNon form={form} nom="publicCibleIsts" legende="L’action vise-t-elle le public concerné par les ISTS ?" />
    </>
  );
}

/** Section 6: is the action already running, and in which phase. */
export function ChampsAvancement({ form }: { form: FormFiche }) {
  const enCours = useWatch({ control: form.control, name: 'dejaEnCours' });
  const phase = form.register('phase');
  return (
    <>
      <ChampOuiNon form={form} nom="dejaEnCours" legende="L’action est-elle déjà en cours ?" />
      {enCours === 'oui' && (
        <RadioButtons
          legend="Phase"
          orientation="horizontal"
          small
          options={[
            { label: 'Mise en œuvre', nativeInputProps: { ...phase, value: 'mise_en_oeuvre' } },
            { label: 'Évaluation', nativeInputProps: { ...phase, value: 'evaluation' } },
            { label: 'Non renseignée', nativeInputProps: { ...phase, value: '' } },
          ]}
        />
      )}
    </>
  );
}
