import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { estClos, TYPES_DISPOSITIF_TERRITORIAL, type TypeDispositifTerritorial } from '@maillage/domain';
import { useState } from 'react';
import { useContrat } from '../../api/contrats';
import { useDispositifsFiche } from '../../api/fiches';
import type { FicheDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';

/**
 * The schemes of the territory (ASV, CLSM, contrat de ville, CPTS, PTSM…) the action is linked to, chosen among
 * those of its contract. The links follow the territory without avenant, until the contract closes.
 */
export function DispositifsFiche({ fiche }: { fiche: FicheDetail }) {
  const contrat = useContrat(fiche.contratId);
  const enregistrement = useDispositifsFiche(fiche.id);
  const [choix, setChoix] = useState<string[] | null>(null);
  const disponibles = contrat.data?.dispositifsTerritoriaux ?? [];
  const modifiable = fiche.modifiable && contrat.data && !estClos(contrat.data.statut);
  const lies = fiche.dispositifsTerritoriaux ?? [];

  return (
    <div className={fr.cx('fr-mb-3w')}>
      <p className={fr.cx('fr-text--bold', 'fr-mb-1w')}>Articulation avec les dispositifs du territoire</p>
      {lies.length ? (
        <ul>
          {lies.map((d) => (
            <li key={d.id}>
              {d.nom} ({TYPES_DISPOSITIF_TERRITORIAL[d.type as TypeDispositifTerritorial] ?? d.type})
            </li>
          ))}
        </ul>
      ) : (
        <p className={fr.cx('fr-text--sm')}>Aucun dispositif rattaché.</p>
      )}
      {modifiable && choix === null && (
        <Button
          type="button"
          size="small"
          priority="secondary"
          onClick={() => setChoix(lies.map((d) => d.id))}
          disabled={!disponibles.length}
          nativeButtonProps={!disponibles.length ? { title: 'Ajoutez d’abord les dispositifs au contrat (onglet Parties)' } : undefined}
        >
          Choisir les dispositifs
        </Button>
      )}
      {modifiable && !disponibles.length && (
        <p className={fr.cx('fr-text--xs')}>Les dispositifs se déclarent sur le contrat, onglet « Parties ».</p>
      )}
      {choix !== null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            enregistrement.mutate(choix, { onSuccess: () => setChoix(null) });
          }}
        >
          {enregistrement.error ? (
            <AlerteErreur erreur={enregistrement.error} as="h4" titre="Les dispositifs n’ont pas été enregistrés" />
          ) : null}
          <Checkbox
            legend="Dispositifs du contrat auxquels l’action se rattache"
            options={disponibles.map((d) => ({
              label: `${d.nom} (${TYPES_DISPOSITIF_TERRITORIAL[d.type as TypeDispositifTerritorial] ?? d.type})`,
              nativeInputProps: {
                checked: choix.includes(d.id),
                onChange: (e) => setChoix(e.target.checked ? [...choix, d.id] : choix.filter((x) => x !== d.id)),
              },
            }))}
          />
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
            <li>
              <Button type="submit" disabled={enregistrement.isPending}>
                Enregistrer les dispositifs
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={() => setChoix(null)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
    </div>
  );
}
