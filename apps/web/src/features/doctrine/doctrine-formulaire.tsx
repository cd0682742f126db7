import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { doctrineSchema, TYPES_ORGANISATION, type Doctrine } from '@maillage/domain';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { etatChamp } from '../../components/formulaire';

const nombre = z.string().transform((v) => (v.trim() === '' ? null : Number(v.trim().replace(/\s/g, ''))));
/** A percentage as typed in French ("90", "87,5"); empty for none. */
const nombreDecimal = z
  .string()
  .transform((v): number | null | undefined => (v.trim() === '' ? null : Number(v.trim().replace(/\s/g, '').replace(',', '.'))));
/** A free text; empty for none. */
const texteFacultatif = z.string().transform((v): string | null | undefined => (v.trim() === '' ? null : v.trim()));
const lignes = z.string().transform((v) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
);

/** The form holds text (numbers as typed, lists one per line); it becomes a Doctrine checked by the shared doctrineSchema. */
export const formulaireDoctrineSchema = z
  .object({
    populationMin: nombre,
    exceptionIles: z.boolean(),
    axesMax: nombre,
    themesRequis: lignes,
    elaborationMoisMax: nombre,
    copilParAn: nombre,
    typesSignatairesRequis: z.array(z.string()),
    axesPrs: lignes,
    partsCoordinationEgales: z.boolean(),
    cibleCouverturePourcent: nombreDecimal.optional(),
    cibleCouvertureEcheance: texteFacultatif.optional(),
    cibleCouvertureSource: texteFacultatif.optional(),
    couvertureReferencePourcent: nombreDecimal.optional(),
    couvertureReferenceDate: texteFacultatif.optional(),
    couvertureReferenceSource: texteFacultatif.optional(),
    validationQuatreYeux: z.boolean().optional(),
  })
  .pipe(doctrineSchema);

export type FormulaireDoctrine = z.input<typeof formulaireDoctrineSchema>;
export const CHAMPS_DOCTRINE = Object.keys(doctrineSchema.shape);

const texteNombre = (n: number | null) => (n === null ? '' : String(n));
export const versFormulaireDoctrine = (d: Doctrine): FormulaireDoctrine => ({
  populationMin: texteNombre(d.populationMin),
  exceptionIles: d.exceptionIles,
  axesMax: texteNombre(d.axesMax),
  themesRequis: d.themesRequis.join('\n'),
  elaborationMoisMax: texteNombre(d.elaborationMoisMax),
  copilParAn: texteNombre(d.copilParAn),
  typesSignatairesRequis: [...d.typesSignatairesRequis],
  axesPrs: d.axesPrs.join('\n'),
  partsCoordinationEgales: d.partsCoordinationEgales,
  cibleCouverturePourcent:
    d.cibleCouverturePourcent === null || d.cibleCouverturePourcent === undefined
      ? ''
      : String(d.cibleCouverturePourcent).replace('.', ','),
  cibleCouvertureEcheance: d.cibleCouvertureEcheance ?? '',
  cibleCouvertureSource: d.cibleCouvertureSource ?? '',
  couvertureReferencePourcent:
    d.couvertureReferencePourcent === null || d.couvertureReferencePourcent === undefined
      ? ''
      : String(d.couvertureReferencePourcent).replace('.', ','),
  couvertureReferenceDate: d.couvertureReferenceDate ?? '',
  couvertureReferenceSource: d.couvertureReferenceSource ?? '',
  // Absent: on (decision 0014).
  validationQuatreYeux: d.validationQuatreYeux !== false,
});

/** A list's error may sit on one of its lines ("themesRequis.2"): show the first one on the field. */
function messageListe(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if ('message' in e && typeof e.message === 'string') return e.message;
  for (const x of Object.values(e)) if (x && typeof x === 'object' && 'message' in x) return String(x.message);
  return undefined;
}

interface Props {
  form: UseFormReturn<FormulaireDoctrine, unknown, Doctrine>;
  lectureSeule: boolean;
}

export function ChampsDoctrine({ form, lectureSeule }: Props) {
  const {
    register,
    formState: { errors },
  } = form;
  const nombreProps = (nom: 'populationMin' | 'axesMax' | 'elaborationMoisMax' | 'copilParAn') => ({
    ...register(nom),
    inputMode: 'numeric' as const,
    readOnly: lectureSeule,
  });
  return (
    <fieldset className={fr.cx('fr-fieldset')} disabled={lectureSeule}>
      <legend className={fr.cx('fr-sr-only')}>Règles de la doctrine</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        <h2 className={fr.cx('fr-h5')}>Territoire</h2>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Population minimale du territoire"
          hintText="Nombre d’habitants ; laissez vide s’il n’y a pas de seuil"
          nativeInputProps={nombreProps('populationMin')}
          {...etatChamp(errors.populationMin?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Checkbox
          options={[{ label: 'Les îles sont dispensées de la population minimale', nativeInputProps: register('exceptionIles') }]}
        />
      </div>
      <ChampsCouverture form={form} lectureSeule={lectureSeule} />
      <div className={fr.cx('fr-fieldset__element')}>
        <h2 className={fr.cx('fr-h5')}>Stratégie</h2>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Nombre maximal d’axes stratégiques"
          hintText="De 1 à 20 ; vide : pas de limite"
          nativeInputProps={nombreProps('axesMax')}
          {...etatChamp(errors.axesMax?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Thématiques obligatoires"
          hintText="Une par ligne ; un contrat doit les couvrir par ses axes ou les thématiques de ses fiches"
          textArea
          nativeTextAreaProps={{ ...register('themesRequis'), rows: 4, readOnly: lectureSeule }}
          {...etatChamp(messageListe(errors.themesRequis))}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Axes du projet régional de santé (PRS)"
          hintText="Un par ligne ; proposés aux coordinations pour aligner chaque axe du contrat"
          textArea
          nativeTextAreaProps={{ ...register('axesPrs'), rows: 4, readOnly: lectureSeule }}
          {...etatChamp(messageListe(errors.axesPrs))}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <h2 className={fr.cx('fr-h5')}>Calendrier et gouvernance</h2>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Durée maximale de l’élaboration (mois)"
          hintText="De 1 à 60 ; vide : pas de limite"
          nativeInputProps={nombreProps('elaborationMoisMax')}
          {...etatChamp(errors.elaborationMoisMax?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Nombre minimal de COPIL par an"
          hintText="De 0 à 12"
          nativeInputProps={nombreProps('copilParAn')}
          {...etatChamp(errors.copilParAn?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Checkbox
          options={[
            {
              label: 'Poste de coordination cofinancé à parts égales',
              hintText: 'Par l’ARS et la ou les collectivités porteuses',
              nativeInputProps: register('partsCoordinationEgales'),
            },
          ]}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <h2 className={fr.cx('fr-h5')}>Suivi des fiches-action</h2>
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Checkbox
          options={[
            {
              label: 'Validation à quatre yeux des valeurs de suivi',
              hintText:
                'Recommandé : une valeur est validée par une autre personne que celle qui l’a soumise. Décochez-la seulement si les équipes de la région sont trop petites ; un contrat sur plusieurs régions la garde tant qu’une de ses régions la demande.',
              nativeInputProps: register('validationQuatreYeux'),
            },
          ]}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Controller
          control={form.control}
          name="typesSignatairesRequis"
          render={({ field }) => (
            <Checkbox
              className="maillage-colonnes"
              legend="Signataires attendus"
              hintText="Types d’organisation qui devraient signer chaque contrat de la région"
              small
              state={messageListe(errors.typesSignatairesRequis) ? 'error' : 'default'}
              stateRelatedMessage={messageListe(errors.typesSignatairesRequis)}
              options={Object.entries(TYPES_ORGANISATION).map(([code, libelle]) => ({
                label: libelle,
                nativeInputProps: {
                  checked: field.value.includes(code),
                  onChange: (e) => field.onChange(e.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code)),
                },
              }))}
            />
          )}
        />
      </div>
    </fieldset>
  );
}

/** The regional target of population covered by a CLS, and the coverage it started from. */
function ChampsCouverture({ form, lectureSeule }: Props) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      <div className={fr.cx('fr-fieldset__element')}>
        <h2 className={fr.cx('fr-h5')}>Couverture de la population</h2>
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Cible de population couverte par un CLS (%)"
          hintText="De 0 à 100, par exemple 90 ; vide : pas de cible. Le portefeuille régional compare la couverture à cette cible."
          nativeInputProps={{ ...register('cibleCouverturePourcent'), inputMode: 'decimal', readOnly: lectureSeule }}
          {...etatChamp(errors.cibleCouverturePourcent?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Échéance de la cible (année)"
          hintText="Par exemple 2023"
          nativeInputProps={{ ...register('cibleCouvertureEcheance'), inputMode: 'numeric', readOnly: lectureSeule }}
          {...etatChamp(errors.cibleCouvertureEcheance?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Source de la cible"
          hintText="Le document qui la fixe, par exemple le CPOM de l’ARS ou le PRS"
          nativeInputProps={{ ...register('cibleCouvertureSource'), readOnly: lectureSeule }}
          {...etatChamp(errors.cibleCouvertureSource?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Couverture publiée au départ (%)"
          hintText="La part de la population déjà couverte quand la cible a été fixée ; vide : inconnue"
          nativeInputProps={{ ...register('couvertureReferencePourcent'), inputMode: 'decimal', readOnly: lectureSeule }}
          {...etatChamp(errors.couvertureReferencePourcent?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-6')}>
        <Input
          label="Date de cette couverture"
          hintText="Format AAAA-MM-JJ, par exemple 2019-01-01"
          nativeInputProps={{ ...register('couvertureReferenceDate'), readOnly: lectureSeule }}
          {...etatChamp(errors.couvertureReferenceDate?.message)}
        />
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Source de cette couverture"
          nativeInputProps={{ ...register('couvertureReferenceSource'), readOnly: lectureSeule }}
          {...etatChamp(errors.couvertureReferenceSource?.message)}
        />
      </div>
    </>
  );
}
