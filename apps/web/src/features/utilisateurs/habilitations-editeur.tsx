import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_ROLE, ROLES_CONTRAT, ROLES_PLATEFORME, type Habilitation } from '@maillage/domain';
import { libelleHabilitation } from '../../components/libelles';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useRegions } from '../../api/territoires';
import { etatChamp } from '../../components/formulaire';
import { ChoixOrganisation } from '../../components/choix-organisation';
import type { FormulaireUtilisateur } from './formulaire-utilisateur';

const EXPLICATIONS: Record<string, string> = {
  admin: 'Gère les comptes, les organisations et lit le journal d’audit.',
  ars_regional: 'Lit tous les contrats de sa région et gère la doctrine régionale.',
  referent_organisation: 'Voit les engagements de son organisation dans tous les contrats et tient sa fiche à jour.',
};

const estRoleContrat = (role: string) => (ROLES_CONTRAT as readonly string[]).includes(role);

/** Platform roles with their scope. Contract roles are granted from the contract; here they are only listed. */
export function HabilitationsEditeur({ form }: { form: UseFormReturn<FormulaireUtilisateur> }) {
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'habilitations' });
  const lignes = useWatch({ control, name: 'habilitations' });
  const regions = useRegions();
  const erreurs = formState.errors.habilitations;

  return (
    <fieldset className={fr.cx('fr-fieldset')} aria-describedby="roles-aide">
      <legend className={fr.cx('fr-fieldset__legend')}>Rôles sur la plateforme</legend>
      <p id="roles-aide" className={fr.cx('fr-hint-text', 'fr-fieldset__element')}>
        Un compte sans rôle peut se connecter, consulter l’annuaire et les territoires. Les rôles dans un contrat (coordonnateur·rice,
        pilote…) s’attribuent depuis le contrat.
      </p>
      {fields.length === 0 && <p className={fr.cx('fr-fieldset__element')}>Aucun rôle pour le moment.</p>}
      {fields.map((champ, i) => {
        const role = lignes?.[i]?.role ?? champ.role;
        const erreur = erreurs?.[i];
        const numero = `Rôle ${i + 1}`;
        return (
          <div
            key={champ.id}
            className={fr.cx('fr-fieldset__element', 'fr-p-2w', 'fr-mb-2w')}
            style={{ border: '1px solid var(--border-default-grey)' }}
          >
            {estRoleContrat(role) ? (
              <p className={fr.cx('fr-mb-2w')}>
                <span className={fr.cx('fr-text--bold')}>{numero} : </span>
                {libelleHabilitation((lignes?.[i] ?? champ) as Habilitation)} (attribué depuis l’onglet « Personnes et accès » du contrat)
              </p>
            ) : (
              <>
                <Select
                  label={`${numero} : type`}
                  hint={EXPLICATIONS[role]}
                  nativeSelectProps={register(`habilitations.${i}.role`)}
                  {...etatChamp(erreur && !role ? 'Choisissez le type de rôle' : (erreur?.role?.message ?? erreur?.message))}
                >
                  <option value="" disabled>
                    Choisir un rôle
                  </option>
                  {ROLES_PLATEFORME.map((r) => (
                    <option key={r} value={r}>
                      {LIBELLES_ROLE[r]}
                    </option>
                  ))}
                </Select>
                {role === 'ars_regional' && (
                  <Select
                    key={regions.data ? 'regions' : 'attente'}
                    label={`${numero} : région`}
                    nativeSelectProps={register(`habilitations.${i}.regionCode`)}
                    {...etatChamp(erreur?.regionCode?.message)}
                  >
                    <option value="">Choisir une région</option>
                    {regions.data?.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.nom}
                      </option>
                    ))}
                  </Select>
                )}
                {role === 'referent_organisation' && (
                  <Controller
                    control={control}
                    name={`habilitations.${i}.organisationId`}
                    render={({ field, fieldState }) => (
                      <ChoixOrganisation
                        label={`${numero} : organisation représentée`}
                        valeur={field.value}
                        onChange={(id) => field.onChange(id ?? '')}
                        onBlur={field.onBlur}
                        erreur={fieldState.error?.message}
                      />
                    )}
                  />
                )}
              </>
            )}
            <div className={fr.cx('fr-mt-2w')}>
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => remove(i)}>
                Retirer le rôle {i + 1}
              </Button>
            </div>
          </div>
        );
      })}
      <div className={fr.cx('fr-fieldset__element')}>
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => append({ role: '' })}>
          Ajouter un rôle
        </Button>
      </div>
    </fieldset>
  );
}
