import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FAMILLES_INDICATEUR, type indicateurSchema, type IndicateurSaisie, type MethodeAgregation, type Polarite } from '@maillage/domain';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { Indicateur } from '@maillage/domain/api';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { METHODES_EXPLIQUEES, POLARITES_EXPLIQUEES } from '../../components/libelles-indicateurs';

export type ValeursIndicateur = z.input<typeof indicateurSchema>;
export const CHAMPS_INDICATEUR = [
  'code',
  'libelle',
  'famille',
  'unite',
  'facteur',
  'numerateur',
  'denominateur',
  'standardisation',
  'polarite',
  'methodeAgregation',
  'source',
  'millesime',
  'regleSecret',
  'denombrement',
];

export function versFormulaire(i?: Indicateur): ValeursIndicateur {
  return {
    code: i?.code ?? '',
    libelle: i?.libelle ?? '',
    famille: i?.famille ?? FAMILLES_INDICATEUR[0],
    unite: i?.unite ?? '',
    facteur: i?.facteur ?? 1,
    numerateur: i?.numerateur ?? null,
    denominateur: i?.denominateur ?? null,
    standardisation: i?.standardisation ?? null,
    polarite: i?.polarite ?? 'defavorable',
    methodeAgregation: i?.methodeAgregation ?? 'ratio',
    source: i?.source ?? null,
    millesime: i?.millesime ?? null,
    regleSecret: i?.regleSecret ?? null,
    denombrement: i?.denombrement ?? false,
  };
}

/** Every field of an indicator; polarity and aggregation method come with their meaning in plain French. */
export function ChampsIndicateur({
  form,
  creation,
}: {
  form: UseFormReturn<ValeursIndicateur, unknown, IndicateurSaisie>;
  creation: boolean;
}) {
  const { register, formState } = form;
  const e = formState.errors;
  const texte = (champ: 'numerateur' | 'denominateur' | 'standardisation' | 'source' | 'millesime' | 'regleSecret') =>
    register(champ, { setValueAs: videEnNull });
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend', 'fr-h5')}>Définition</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Code"
            hintText={
              creation
                ? 'Identifiant des fichiers d’import : lettres minuscules, chiffres et « _ » (par exemple densite_mg_liberaux). Il ne change plus ensuite.'
                : 'Le code ne change pas : les fichiers d’import s’y réfèrent.'
            }
            nativeInputProps={{
              ...register('code'),
              readOnly: !creation,
              required: true,
              maxLength: 60,
              autoComplete: 'off',
              spellCheck: false,
            }}
            {...etatChamp(e.code?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Libellé"
            nativeInputProps={{ ...register('libelle'), required: true, maxLength: 300 }}
            {...etatChamp(e.libelle?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Select label="Famille" nativeSelectProps={register('famille')} {...etatChamp(e.famille?.message)}>
            {FAMILLES_INDICATEUR.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-3')}>
          <Input
            label="Unité"
            hintText="%, pour 10 000 habitants, effectif…"
            nativeInputProps={{ ...register('unite'), required: true, maxLength: 60 }}
            {...etatChamp(e.unite?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-3')}>
          <Input
            label="Facteur"
            hintText="1 pour un effectif, 100 pour un %, 10 000 ou 100 000 pour un taux"
            nativeInputProps={{
              ...register('facteur', { valueAsNumber: true }),
              type: 'number',
              min: 0,
              step: 'any',
              required: true,
              inputMode: 'decimal',
            }}
            {...etatChamp(e.facteur?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Numérateur (facultatif)"
            hintText="Ce qui est compté : « Médecins généralistes libéraux »"
            nativeInputProps={{ ...texte('numerateur'), maxLength: 500 }}
            {...etatChamp(e.numerateur?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Dénominateur (facultatif)"
            hintText="Rapporté à quoi : « Population »"
            nativeInputProps={{ ...texte('denominateur'), maxLength: 500 }}
            {...etatChamp(e.denominateur?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Standardisation (facultatif)"
            hintText="Par exemple : taux standardisés sur la population France RP 2006"
            nativeInputProps={{ ...texte('standardisation'), maxLength: 500 }}
            {...etatChamp(e.standardisation?.message)}
          />
        </div>
      </fieldset>

      <RadioButtons
        legend="Polarité : que veut dire une valeur plus élevée ?"
        state={e.polarite ? 'error' : 'default'}
        stateRelatedMessage={e.polarite?.message}
        options={(Object.keys(POLARITES_EXPLIQUEES) as Polarite[]).map((p) => ({
          label: POLARITES_EXPLIQUEES[p].libelle,
          hintText: POLARITES_EXPLIQUEES[p].explication,
          nativeInputProps: { ...register('polarite'), value: p },
        }))}
      />
      <RadioButtons
        legend="Méthode d’agrégation : comment calculer la valeur d’un périmètre à partir de ses communes ?"
        state={e.methodeAgregation ? 'error' : 'default'}
        stateRelatedMessage={e.methodeAgregation?.message}
        options={(Object.keys(METHODES_EXPLIQUEES) as MethodeAgregation[]).map((m) => ({
          label: METHODES_EXPLIQUEES[m].libelle,
          hintText: METHODES_EXPLIQUEES[m].explication,
          nativeInputProps: { ...register('methodeAgregation'), value: m },
        }))}
      />
      <Checkbox
        state={e.denombrement ? 'error' : 'default'}
        stateRelatedMessage={e.denombrement?.message}
        options={[
          {
            label: 'Les valeurs sont des dénombrements (nombres entiers)',
            hintText:
              'Des médecins, des personnes, des communes : une valeur décimale (2,5 ; « 1 234,5 ») sera refusée à l’import, ligne par ligne. À cocher pour un effectif, pas pour un taux ni pour des équivalents temps plein.',
            nativeInputProps: register('denombrement'),
          },
        ]}
      />

      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend', 'fr-h5')}>Source et secret statistique</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Source (facultatif)"
            hintText="Insee, Inserm CépiDc, ORS, SNDS, CartoSanté…"
            nativeInputProps={{ ...texte('source'), maxLength: 500 }}
            {...etatChamp(e.source?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Millésime (facultatif)"
            hintText="2019, ou 2011-2015"
            nativeInputProps={{ ...texte('millesime'), maxLength: 50 }}
            {...etatChamp(e.millesime?.message)}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Règle de secret statistique (facultatif)"
            hintText="Ce que la source masque et comment elle l’écrit : « - » si moins de 3 praticiens…"
            textArea
            nativeTextAreaProps={{ ...texte('regleSecret'), rows: 2 }}
            {...etatChamp(e.regleSecret?.message)}
          />
        </div>
      </fieldset>
    </>
  );
}
