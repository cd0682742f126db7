import type { Difference } from '../../components/conflit-version';
import { libelleChampHistorique, valeurHistorique } from '../../components/libelles-historique';
import { memeValeur, versSaisie, type FormulaireFiche } from './fiche-saisie';

/** Field by field, what the user typed and what is saved now, in words (for the 409 comparison). */
export function differencesFiche(saisie: FormulaireFiche, actuel: FormulaireFiche, noms: Map<string, string>): Difference[] {
  const a = versSaisie(saisie) as Record<string, unknown>;
  const b = versSaisie(actuel) as Record<string, unknown>;
  const libelle = (champ: string) => {
    const l = libelleChampHistorique(champ);
    return l.charAt(0).toUpperCase() + l.slice(1);
  };
  return Object.keys(b)
    .filter((champ) => !memeValeur(a[champ], b[champ]))
    .map((champ) => ({
      libelle: libelle(champ),
      saisie: valeurHistorique(champ, a[champ], 'fiche', noms),
      actuel: valeurHistorique(champ, b[champ], 'fiche', noms),
    }));
}
