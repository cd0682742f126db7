import { DISPOSITIFS, LIBELLES_STATUT_FINANCEMENT, STATUTS_FINANCEMENT } from '@maillage/domain';

/*
 * The options of a funding line's lists, the same wherever a line is entered (contract, fiche, COPIL decision).
 */

export function OptionsDispositif() {
  return DISPOSITIFS.map((d) => (
    <option key={d} value={d}>
      {d}
    </option>
  ));
}

export function OptionsNature() {
  return (
    <>
      <option value="fonctionnement">Fonctionnement</option>
      <option value="investissement">Investissement</option>
    </>
  );
}

export function OptionsStatutFinancement() {
  return STATUTS_FINANCEMENT.map((s) => (
    <option key={s} value={s}>
      {LIBELLES_STATUT_FINANCEMENT[s]}
    </option>
  ));
}
