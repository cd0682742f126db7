import { fr } from '@codegouvfr/react-dsfr';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ChangeEvent, ReactNode } from 'react';

/**
 * One filter of a list as a DSFR select in the filters' grid: an empty first choice meaning "no filter" ("Tous",
 * "Toutes"), then the values. `champ` is what `useFiltresUrl().champ(clé)` gives.
 */
export function FiltreListe({
  label,
  champ,
  tous,
  options,
}: {
  label: string;
  champ: { name: string; value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void };
  tous: string;
  /** Undefined while the choices load. */
  options: readonly { valeur: string; libelle: ReactNode }[] | undefined;
}) {
  return (
    <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
      <Select label={label} nativeSelectProps={champ}>
        <option value="">{tous}</option>
        {options?.map((o) => (
          <option key={o.valeur} value={o.valeur}>
            {o.libelle}
          </option>
        ))}
      </Select>
    </div>
  );
}
