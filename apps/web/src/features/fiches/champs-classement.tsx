import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  DETERMINANTS,
  INTERVENTIONS,
  LIBELLES_PRIORITE,
  LIBELLES_STATUT_FICHE,
  PRIORITES,
  STATUTS_FICHE,
  THEMATIQUES,
} from '@maillage/domain';
import { etatChamp, videEnNull } from '../../components/formulaire';
import { ChoixTermes, type FormFiche } from './champs-communs';

/** Statut, priorité, thématiques and notes: how the fiche is followed and found. */
export function ChampsClassement({ form }: { form: FormFiche }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Statut de l’action" nativeSelectProps={register('statut')} {...etatChamp(errors.statut?.message)}>
            {STATUTS_FICHE.map((s) => (
              <option key={s} value={s}>
                {LIBELLES_STATUT_FICHE[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Priorité (facultatif)" nativeSelectProps={register('priorite')} {...etatChamp(errors.priorite?.message)}>
            <option value="">Non renseignée</option>
            {PRIORITES.map((p) => (
              <option key={p} value={p}>
                {LIBELLES_PRIORITE[p]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <ChoixTermes
        form={form}
        nom="thematiques"
        legende="Thématiques"
        termes={THEMATIQUES}
        indication="Elles servent aux filtres, à la doctrine régionale et au portefeuille de l’ARS."
      />
      <Input
        label="Notes (facultatif)"
        textArea
        nativeTextAreaProps={{ ...register('notes', { setValueAs: videEnNull }), rows: 3 }}
        {...etatChamp(errors.notes?.message)}
      />
    </>
  );
}

/** Section 8. */
export const ChampsDeterminants = ({ form }: { form: FormFiche }) => (
  <ChoixTermes form={form} nom="determinants" legende="Déterminants de santé visés" termes={DETERMINANTS} />
);

/** Section 9. */
export const ChampsInterventions = ({ form }: { form: FormFiche }) => (
  <ChoixTermes form={form} nom="interventions" legende="Typologie des interventions" termes={INTERVENTIONS} />
);
