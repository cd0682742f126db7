import { estFichierInsee, estFichierOdisse } from '@maillage/domain';
import type { OptionsImport, PropositionProfil } from '@maillage/domain/api';
import { invalide } from '../../platform/errors';
import type { Tableau } from '../../platform/lecture-tableur';
import { lireLigneInsee, proposerInsee, verifierInsee } from './import-insee';
import { lireLigneOdisse, proposerOdisse, verifierOdisse } from './import-odisse';
import { lireLigne, type Correspondance, type Referentiels } from './import-valeurs';
import type { ProfilLu } from './profil-fichier';

/**
 * Santé publique France (Odissé) and INSEE files (décision 0040): the import service asks here first; without their
 * options, the usual reading (import-valeurs.ts) goes on unchanged.
 */
type Ligne = { ligne: number; cellules: (string | number | null)[] };

/** The mapping of an Odissé or INSEE import, checked against the file and the catalogue; null for other imports. */
export function correspondanceProfil(tableau: Tableau, options: OptionsImport, ref: Referentiels): Correspondance | null {
  if (options.odisse && options.insee) throw invalide('Choisissez une seule correspondance : Odissé ou INSEE.');
  const profil: ProfilLu | null = options.odisse
    ? verifierOdisse(tableau.entetes, options.odisse, ref)
    : options.insee
      ? verifierInsee(tableau.entetes, options.insee, ref)
      : null;
  if (!profil) return null;
  const utilisees = new Set(profil.utilisees);
  return {
    mode: profil.type,
    colonnes: {},
    indicateursParColonne: new Map(),
    colonnesIgnorees: tableau.entetes.filter((_, i) => !utilisees.has(i)),
    typeSelonEntete: null,
    profil,
  };
}

/** One row, read by its file's profile, or as usual. */
export function lireLigneSelonProfil(
  ligne: Ligne,
  correspondance: Correspondance,
  options: OptionsImport,
  ref: Referentiels,
  entetes: string[] = [],
): ReturnType<typeof lireLigne> {
  const p = correspondance.profil;
  if (p?.type === 'odisse') return lireLigneOdisse(ligne, p, options, ref);
  if (p?.type === 'insee') return lireLigneInsee(ligne, p, options, ref);
  return lireLigne(ligne, correspondance, options, ref, entetes);
}

/** What the preview proposes when the file looks like an Odissé export or an INSEE wide file. */
export function proposerProfil(tableau: Tableau, exemples: Ligne[], ref: Referentiels): PropositionProfil | null {
  if (estFichierInsee(tableau.entetes)) return proposerInsee(tableau.entetes, ref);
  if (estFichierOdisse(tableau)) return proposerOdisse(tableau.entetes, exemples, ref);
  return null;
}
