import { INDICATEURS_DES_VARIABLES_INSEE, lirePeriode, lireVariableInsee, suggererIndicateurs } from '@maillage/domain';
import type { OptionsImport, OptionsInsee, PropositionProfil } from '@maillage/domain/api';
import { invalide } from '../../platform/errors';
import { enTexte, type Referentiels, valeurImportee } from './import-valeurs';
import { colonneExigee, indicateurExige, type LectureLigne, territoireDe, valeurDe } from './lecture-profil';
import type { ProfilInsee } from './profil-fichier';

/**
 * INSEE wide files (décision 0040): one row per commune (`CODGEO`), one column per variable (`P21_POP`). The chosen
 * columns become an indicator and a period each; `LIBGEO` and the columns left out are listed as ignored.
 */

/** The mapping checked once, before any row: a missing column, an unknown indicator or a bad period stops everything. */
export function verifierInsee(entetes: string[], o: OptionsInsee, ref: Referentiels): ProfilInsee {
  const territoire = colonneExigee(entetes, o.territoire, 'options.insee.territoire');
  const colonnes = Object.entries(o.colonnes).map(([entete, { indicateur, periode }]) => {
    const champ = `options.insee.colonnes.${entete}`;
    const index = colonneExigee(entetes, entete, champ);
    if (index === territoire)
      throw invalide(`La colonne « ${entete} » est celle du code géographique.`, [{ champ, message: 'Colonne du code' }]);
    const lue = lirePeriode(periode);
    if (!lue)
      throw invalide(`Période illisible pour la colonne « ${entete} » : « ${periode} » (attendu : 2021 ou 2015-2021).`, [
        { champ: `${champ}.periode`, message: 'Période illisible' },
      ]);
    return { index, entete: entetes[index], indicateur: indicateurExige(ref, indicateur, entete, `${champ}.indicateur`), periode: lue };
  });
  return {
    type: 'insee',
    territoire: { index: territoire, entete: entetes[territoire] },
    territoireType: o.territoireType,
    colonnes,
    utilisees: [territoire, ...colonnes.map((c) => c.index)],
  };
}

/** One commune's row: a value per mapped column, secret cells kept secret; the row is refused with its reasons. */
export function lireLigneInsee(
  ligne: { ligne: number; cellules: (string | number | null)[] },
  p: ProfilInsee,
  options: OptionsImport,
  ref: Referentiels,
): LectureLigne {
  const territoire = territoireDe(enTexte(ligne.cellules[p.territoire.index]), p.territoireType, ref);
  if (typeof territoire === 'string') return { valeurs: [], rejets: [{ ligne: ligne.ligne, raison: territoire }] };
  const source = options.source ?? '';
  const lecture: LectureLigne = { valeurs: [], rejets: [] };
  for (const c of p.colonnes) {
    const brute = ligne.cellules[c.index] ?? null;
    const lue = valeurDe(brute, c.indicateur, c.entete, options.tiret, ref);
    if ('raison' in lue) lecture.rejets.push({ ligne: ligne.ligne, raison: lue.raison });
    else lecture.valeurs.push(valeurImportee(ligne.ligne, c.indicateur, territoire, c.periode, lue.valeur, brute, source));
  }
  return lecture;
}

/** Every variable column with the year of its prefix (P21 → 2021) and the indicator it most likely is, to confirm. */
export function proposerInsee(entetes: string[], ref: Referentiels): PropositionProfil {
  const catalogue = [...ref.catalogue.values()];
  const variables = entetes.flatMap((entete) => {
    const v = lireVariableInsee(entete);
    if (!v) return [];
    const connu = INDICATEURS_DES_VARIABLES_INSEE[v.variable];
    const indicateur =
      (connu && ref.indicateurs.has(connu) ? connu : null) ??
      suggererIndicateurs([v.variable.replace(/_/g, ' ')], catalogue, 0.8)[0]?.code ??
      null;
    return [{ entete, periode: String(v.annee), indicateur }];
  });
  return { type: 'insee', territoire: entetes.find((e) => e.trim().toLowerCase() === 'codgeo') ?? 'CODGEO', variables };
}
