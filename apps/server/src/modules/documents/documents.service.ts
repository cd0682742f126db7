import { formaterDate } from '@maillage/domain';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrat-partage.service';
import { etatActuel, versionDuContrat, type EtatComplet } from '../contrats/versions.service';
import { nommerTerritoires } from '../territoires/territoires.service';
import { construireDocument, type Bloc, type DocumentContrat } from './modele-document';
import { rendreDocx } from './rendu-docx';
import { rendrePdf } from './rendu-pdf';
import { nomDeFichier } from '../../platform/nom-fichier';

export type Format = 'docx' | 'pdf';
export interface ChoixVersion {
  version?: 'actuelle' | 'signee';
  date?: string;
}

export const TYPES_MIME: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Any document of blocks as a file to download: the contract, the diagnostic report, the bilan, the evaluation. */
export async function rendreDocument(document: DocumentContrat, format: Format, prefixe: string, intitule: string) {
  return {
    contenu: format === 'docx' ? await rendreDocx(document) : await rendrePdf(document),
    typeMime: TYPES_MIME[format],
    nom: nomDeFichier(prefixe, intitule, format),
  };
}

/** The contract as a DOCX or PDF: current text, as signed, or consolidated at a date. */
export async function genererDocumentContrat(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
  format: Format,
  choix: ChoixVersion,
  annexe?: (db: Contexte['db'], contratId: string) => Promise<Bloc[]>,
) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  let etat: EtatComplet;
  let mention: string;
  let suffixe = '';
  if (choix.version === 'signee') {
    const version = await versionDuContrat(ctx, utilisateur, contratId, { signe: true });
    etat = version.etat;
    mention = `Version signée le ${formaterDate(version.dateEffet)}`;
    suffixe = '-signe';
  } else if (choix.date) {
    const version = await versionDuContrat(ctx, utilisateur, contratId, { date: choix.date });
    etat = version.etat;
    mention = `Version consolidée au ${formaterDate(choix.date)} (dernière modification en vigueur le ${formaterDate(version.dateEffet)})`;
    suffixe = `-consolide-${choix.date}`;
  } else {
    etat = await etatActuel(ctx.db, contratId);
    mention = etat.dateSignature
      ? `Texte en vigueur, signé le ${formaterDate(etat.dateSignature)}`
      : `Projet de contrat — document de travail du ${formaterDate(new Date().toISOString())}`;
  }
  const nomsEpci = (await nommerTerritoires(ctx, 'epci', etat.perimetre.epci)).map((t) => t.nom);
  const nomsDepartements = (await nommerTerritoires(ctx, 'departement', etat.departements)).map((t) => `${t.nom} (${t.code})`);
  const doctrines = await Promise.all(etat.regions.map((r) => contrats.obtenirDoctrine(ctx.db, r)));
  const copilParAn = Math.max(0, ...doctrines.map((d) => d?.regles.copilParAn ?? 0)) || null;
  const document = construireDocument(etat, { mention, territoire: { epci: nomsEpci, departements: nomsDepartements }, copilParAn });
  // Asked-for annexes (the parcours' grids) as they are today, after the contract's own.
  if (annexe) document.blocs.push(...(await annexe(ctx.db, contratId)));
  const contenu = format === 'docx' ? await rendreDocx(document) : await rendrePdf(document);
  return { contenu, typeMime: TYPES_MIME[format], nom: nomDeFichier('', etat.intitule, format, suffixe) };
}
