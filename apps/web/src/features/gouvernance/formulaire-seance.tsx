import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { Controller, useFieldArray, useForm, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ErreurApi } from '../../api/client';
import type { Instance, SaisieSeance, Seance, StatutSeance } from '../../api/gouvernance';
import type { Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { etatChamp } from '../../components/formulaire';
import { versChampsParis, versIsoUtc } from './dates';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import '../../components/styles/gouvernance.css';
import { STATUTS_SEANCE } from './libelles';
import { useFocusPremierChamp } from '../../components/focus';
import { FormulaireEncart } from '../../components/formulaire-encart';

const HEURE = /^\d{2}:\d{2}$/;
const schema = z
  .object({
    instanceId: z.string().min(1, 'Choisissez l’instance qui se réunit'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date de la séance'),
    heureDebut: z.string().regex(HEURE, 'Indiquez l’heure de début'),
    heureFin: z.string().regex(HEURE, 'Heure attendue au format HH:MM').or(z.literal('')),
    lieu: z.string().trim().max(300),
    visio: z.string().trim().max(500),
    statut: z.enum(['prevue', 'tenue', 'annulee']),
    ordreDuJour: z
      .array(
        z.object({
          intitule: z.string().trim().min(2, 'Le point doit avoir un intitulé').max(500),
          duree: z
            .string()
            .trim()
            .regex(/^\d{0,3}$/, 'Durée en minutes, de 1 à 600'),
          ficheIds: z.array(z.string()),
        }),
      )
      .max(50),
  })
  .refine((s) => !s.heureFin || s.heureFin > s.heureDebut, { message: 'La fin précède le début', path: ['heureFin'] });
type Valeurs = z.infer<typeof schema>;

function versValeurs(s: Seance | undefined, instanceId: string): Valeurs {
  if (!s)
    return {
      instanceId,
      date: '',
      heureDebut: '14:00',
      heureFin: '16:00',
      lieu: '',
      visio: '',
      statut: 'prevue',
      ordreDuJour: [{ intitule: '', duree: '', ficheIds: [] }],
    };
  const debut = versChampsParis(s.debut);
  return {
    instanceId: s.instanceId,
    date: debut.date,
    heureDebut: debut.heure,
    heureFin: s.fin ? versChampsParis(s.fin).heure : '',
    lieu: s.lieu ?? '',
    visio: s.visio ?? '',
    statut: s.statut,
    ordreDuJour: s.ordreDuJour.map((p) => ({
      intitule: p.intitule,
      duree: p.dureeMinutes ? String(p.dureeMinutes) : '',
      ficheIds: p.ficheIds,
    })),
  };
}

export function versSaisieSeance(v: Valeurs): SaisieSeance {
  return {
    instanceId: v.instanceId,
    debut: versIsoUtc(v.date, v.heureDebut),
    fin: v.heureFin ? versIsoUtc(v.date, v.heureFin) : null,
    lieu: v.lieu.trim() || null,
    visio: v.visio.trim() || null,
    statut: v.statut as StatutSeance,
    ordreDuJour: v.ordreDuJour.map((p) => ({
      intitule: p.intitule.trim(),
      dureeMinutes: p.duree ? Number(p.duree) : null,
      ficheIds: p.ficheIds,
    })),
  };
}

/** The server names API fields (debut, ordreDuJour.0.dureeMinutes): put each message on the field that holds it. */
function champDuServeur(champ: string): string {
  return champ
    .replace(/^debut$/, 'heureDebut')
    .replace(/^fin$/, 'heureFin')
    .replace(/\.dureeMinutes$/, '.duree');
}

interface Props {
  instances: Instance[];
  fiches: Fiche[];
  seance?: Seance;
  instanceInitiale?: string;
  onEnregistrer: (s: SaisieSeance) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}

/** Plan a séance, or change it: instance, date and time (Paris), place or visio, agenda items with duration and linked fiches. */
export function FormulaireSeance({ instances, fiches, seance, instanceInitiale, onEnregistrer, onAnnuler, erreur, enCours }: Props) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const form = useForm<Valeurs>({
    resolver: zodResolver(schema),
    defaultValues: versValeurs(seance, instanceInitiale ?? instances[0]?.id ?? ''),
  });
  const {
    register,
    formState: { errors },
  } = form;
  const points = useFieldArray({ control: form.control, name: 'ordreDuJour' });
  const soumettre = form.handleSubmit((v) =>
    onEnregistrer(versSaisieSeance(v)).catch((e) => {
      if (!(e instanceof ErreurApi)) return;
      for (const [i, { champ, message }] of (e.probleme.erreurs ?? []).entries())
        form.setError(champDuServeur(champ) as Path<Valeurs>, { type: 'serveur', message }, { shouldFocus: i === 0 });
    }),
  );
  const numeroFiche = new Map(fiches.map((f) => [f.id, f.numero]));

  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={seance ? 'Modifier la séance' : 'Planifier une séance'}
      onSubmit={soumettre}
      marge="fr-mb-4w"
      grandTitre
    >
      <p className={fr.cx('fr-hint-text')}>Heures de Paris. Sauf mention contraire, les champs sont obligatoires.</p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="La séance n’a pas été enregistrée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Instance" nativeSelectProps={register('instanceId')} {...etatChamp(errors.instanceId?.message)}>
            {instances.map((i) => (
              <option key={i.id} value={i.id}>
                {i.nom}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          {seance && (
            <Select label="Statut de la séance" nativeSelectProps={register('statut')} {...etatChamp(errors.statut?.message)}>
              {Object.entries(STATUTS_SEANCE).map(([code, s]) => (
                <option key={code} value={code}>
                  {s.libelle}
                </option>
              ))}
            </Select>
          )}
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input label="Date" nativeInputProps={{ ...register('date'), type: 'date' }} {...etatChamp(errors.date?.message)} />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input
            label="Heure de début"
            hintText="Format HH:MM"
            nativeInputProps={{ ...register('heureDebut'), type: 'time' }}
            {...etatChamp(errors.heureDebut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-4')}>
          <Input
            label="Heure de fin (facultatif)"
            hintText="Format HH:MM"
            nativeInputProps={{ ...register('heureFin'), type: 'time' }}
            {...etatChamp(errors.heureFin?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Lieu (facultatif)"
            hintText="Exemple : salle du conseil, hôtel d’agglomération de Redon"
            nativeInputProps={{ ...register('lieu'), maxLength: 300 }}
            {...etatChamp(errors.lieu?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Visioconférence (facultatif)"
            hintText="Lien de connexion, si la séance est en visio ou hybride"
            nativeInputProps={{ ...register('visio'), maxLength: 500 }}
            {...etatChamp(errors.visio?.message)}
          />
        </div>
      </div>

      <fieldset className={fr.cx('fr-fieldset', 'fr-mt-2w')} aria-describedby={`${id}-odj`}>
        <legend className={fr.cx('fr-fieldset__legend')}>Ordre du jour</legend>
        <p id={`${id}-odj`} className={fr.cx('fr-hint-text', 'fr-fieldset__element')}>
          Chaque point peut citer les fiches-action dont il traite : elles seront proposées lors du relevé de décisions.
        </p>
        {errors.ordreDuJour?.message && (
          <p className={fr.cx('fr-error-text', 'fr-fieldset__element')} role="alert">
            {errors.ordreDuJour.message}
          </p>
        )}
        {points.fields.map((champ, i) => {
          const e = errors.ordreDuJour?.[i];
          return (
            <div key={champ.id} className={fr.cx('fr-fieldset__element', 'fr-p-2w') + ' maillage-point-odj'}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                <div className={fr.cx('fr-col-12', 'fr-col-md-9')}>
                  <Input
                    label={`Point ${i + 1} : intitulé`}
                    nativeInputProps={{ ...register(`ordreDuJour.${i}.intitule`), maxLength: 500 }}
                    {...etatChamp(e?.intitule?.message)}
                  />
                </div>
                <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
                  <Input
                    label={`Point ${i + 1} : durée en minutes (facultatif)`}
                    nativeInputProps={{ ...register(`ordreDuJour.${i}.duree`), inputMode: 'numeric', maxLength: 3 }}
                    {...etatChamp(e?.duree?.message)}
                  />
                </div>
              </div>
              {fiches.length > 0 && (
                <Controller
                  control={form.control}
                  name={`ordreDuJour.${i}.ficheIds`}
                  render={({ field }) => (
                    <details className="maillage-depliant fr-mb-1w">
                      <summary>
                        Fiches-action liées au point {i + 1}
                        {field.value.length > 0 ? ` : n° ${field.value.map((f) => numeroFiche.get(f) ?? '?').join(', ')}` : ' (aucune)'}
                      </summary>
                      <div className="maillage-choix-fiches">
                        <Checkbox
                          small
                          legend={`Fiches-action liées au point ${i + 1}`}
                          options={fiches.map((f) => ({
                            label: `${f.numero}. ${f.intitule}`,
                            nativeInputProps: {
                              checked: field.value.includes(f.id),
                              onChange: (ev) =>
                                field.onChange(ev.target.checked ? [...field.value, f.id] : field.value.filter((x) => x !== f.id)),
                            },
                          }))}
                        />
                      </div>
                    </details>
                  )}
                />
              )}
              <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => points.remove(i)}>
                Retirer le point {i + 1}
              </Button>
            </div>
          );
        })}
        <div className={fr.cx('fr-fieldset__element')}>
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => points.append({ intitule: '', duree: '', ficheIds: [] })}
          >
            Ajouter un point à l’ordre du jour
          </Button>
        </div>
      </fieldset>
      <BoutonsFormulaire libelle={seance ? 'Enregistrer la séance' : 'Planifier la séance'} enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
