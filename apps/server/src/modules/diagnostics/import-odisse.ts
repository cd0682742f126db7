import {
  estEnteteCodeOdisse,
  lireNombre,
  lirePeriode,
  proposerColonnesOdisse,
  suggererIndicateurs,
  typeSelonEntete,
} from '@maillage/domain';
import type { OptionsImport, OptionsOdisse, PropositionProfil } from '@maillage/domain/api';
import { invalide } from '../../platform/errors';
import { enTexte, type Referentiels, valeurImportee } from './import-valeurs';
import { colonneExigee, indicateurExige, type LectureLigne, territoireDe, valeurDe } from './lecture-profil';
import type { ProfilOdisse } from './profil-fichier';

/**
 * Santé publique France's Odissé CSV (décision 0040): comma, UTF-8 with BOM, one row per territory and period. Its
 * value columns each become an indicator, or one column names the indicator of the row and another holds the value.
 */

/** The mapping checked once, before any row: a missing column or an unknown indicator stops everything. */
export function verifierOdisse(entetes: string[], o: OptionsOdisse, ref: Referentiels): ProfilOdisse {
  const territoire = colonneExigee(entetes, o.territoire, 'options.odisse.territoire');
  const periode = colonneExigee(entetes, o.periode, 'options.odisse.periode');
  const colonnes = Object.entries(o.colonnes).map(([entete, code]) => {
    const champ = `options.odisse.colonnes.${entete}`;
    const index = colonneExigee(entetes, entete, champ);
    return { index, entete: entetes[index], indicateur: indicateurExige(ref, code, entete, champ) };
  });
  let parIndicateur: ProfilOdisse['parIndicateur'] = null;
  if (o.indicateur) {
    if (!o.valeur)
      throw invalide('Avec une colonne indicateur, indiquez aussi la colonne de la valeur.', [
        { champ: 'options.odisse.valeur', message: 'Colonne de la valeur requise' },
      ]);
    const index = colonneExigee(entetes, o.indicateur, 'options.odisse.indicateur');
    const valeur = colonneExigee(entetes, o.valeur, 'options.odisse.valeur');
    const codes = new Map(
      Object.entries(o.indicateurs).map(([texte, code]) => [
        texte.trim(),
        indicateurExige(ref, code, entetes[index], `options.odisse.indicateurs.${texte}`),
      ]),
    );
    parIndicateur = { index, entete: entetes[index], codes, valeur: { index: valeur, entete: entetes[valeur] } };
  }
  if (!colonnes.length && !parIndicateur)
    throw invalide('Associez au moins une colonne de valeurs à un indicateur, ou choisissez la colonne qui nomme l’indicateur.', [
      { champ: 'options.odisse.colonnes', message: 'Aucune colonne de valeurs' },
    ]);
  return {
    type: 'odisse',
    territoire: { index: territoire, entete: entetes[territoire] },
    territoireType: o.territoireType ?? typeSelonEntete(entetes[territoire]),
    periode: { index: periode, entete: entetes[periode] },
    colonnes,
    parIndicateur,
    utilisees: [
      territoire,
      periode,
      ...colonnes.map((c) => c.index),
      ...(parIndicateur ? [parIndicateur.index, parIndicateur.valeur.index] : []),
    ],
  };
}

/** One row: its territory (code 0 is France's total), its period, then each value; refused with every reason. */
export function lireLigneOdisse(
  ligne: { ligne: number; cellules: (string | number | null)[] },
  p: ProfilOdisse,
  options: OptionsImport,
  ref: Referentiels,
): LectureLigne {
  const rejet = (raison: string): LectureLigne => ({ valeurs: [], rejets: [{ ligne: ligne.ligne, raison }] });
  const territoire = territoireDe(enTexte(ligne.cellules[p.territoire.index]), p.territoireType, ref, true);
  if (typeof territoire === 'string') return rejet(territoire);
  const periodeBrute = enTexte(ligne.cellules[p.periode.index]);
  const periode = lirePeriode(periodeBrute);
  if (!periode)
    return rejet(
      periodeBrute
        ? `Période illisible (colonne « ${p.periode.entete} ») : « ${periodeBrute} » (attendu : 2021 ou 2011-2015).`
        : `Période manquante (colonne « ${p.periode.entete} »).`,
    );
  const paires = p.colonnes.map((c) => ({ ...c, brute: ligne.cellules[c.index] ?? null }));
  if (p.parIndicateur) {
    const texte = enTexte(ligne.cellules[p.parIndicateur.index]);
    const code = p.parIndicateur.codes.get(texte);
    if (!code)
      return rejet(
        `Indicateur « ${texte} » (colonne « ${p.parIndicateur.entete} ») sans correspondance : associez-le à un indicateur du catalogue.`,
      );
    paires.push({
      index: p.parIndicateur.valeur.index,
      entete: p.parIndicateur.valeur.entete,
      indicateur: code,
      brute: ligne.cellules[p.parIndicateur.valeur.index] ?? null,
    });
  }
  const lecture: LectureLigne = { valeurs: [], rejets: [] };
  for (const c of paires) {
    const lue = valeurDe(c.brute, c.indicateur, c.entete, options.tiret, ref);
    if ('raison' in lue) lecture.rejets.push({ ligne: ligne.ligne, raison: lue.raison });
    else lecture.valeurs.push(valeurImportee(ligne.ligne, c.indicateur, territoire, periode, lue.valeur, c.brute, options.source ?? ''));
  }
  return lecture;
}

/** The columns recognised, and the other columns holding numbers in the first rows with the indicator they may be. */
export function proposerOdisse(
  entetes: string[],
  exemples: { cellules: (string | number | null)[] }[],
  ref: Referentiels,
): PropositionProfil {
  const p = proposerColonnesOdisse(entetes);
  const prises = new Set([p.territoire, p.periode, p.indicateur, p.valeur].filter(Boolean));
  const suggestions = suggererIndicateurs(entetes, [...ref.catalogue.values()]);
  const colonnesValeurs = entetes
    .filter((e, i) => !prises.has(e) && !estEnteteCodeOdisse(e) && exemples.some((x) => lireNombre(enTexte(x.cellules[i])) !== null))
    .map((entete) => ({ entete, indicateur: suggestions.find((s) => s.entete === entete)?.code ?? null }));
  return { type: 'odisse', ...p, colonnesValeurs };
}
