import { pluriel } from '@maillage/domain';
import type { Config } from '../../config';
import { ajouterCleAuFichier, chargerTrousseau, retirerAnciennesCles } from '../../platform/chiffrement';
import type { Db } from '../../platform/database';
import { rechiffrer } from './chiffrement-appui';

/**
 * npm run cle-sante:rotation — re-encrypts the appui module's health data with a new key (decision 0031), while no
 * Maillage runs on the database (a running server keeps its keys in memory).
 * - Generated key (DATA_DIR/cles-sante.json): a new key becomes active, every ciphertext is re-encrypted, then the
 *   old keys leave the file.
 * - Key from the environment: put the new key in MAILLAGE_CLE_SANTE and the old one in MAILLAGE_CLES_SANTE_ANCIENNES,
 *   run the command, then remove the old one from the environment.
 * Interrupted, it resumes where it stopped: each batch commits, and both keys read until the end.
 */
export async function rotationCleSante(config: Config, db: Db, journal: (m: string) => void) {
  const parFichier = !config.cleSante.cle;
  if (parFichier) journal(`Nouvelle clé active : ${await ajouterCleAuFichier(config.dataDir)}.`);
  const trousseau = await chargerTrousseau(config.dataDir, config.cleSante);
  journal(`Rechiffrement avec la clé ${trousseau.active.id} (${trousseau.source})…`);
  const n = await rechiffrer(db, trousseau, journal);
  journal(`${pluriel(n, 'valeur rechiffrée', 'valeurs rechiffrées', 'f')}.`);
  if (parFichier)
    journal(`${pluriel(await retirerAnciennesCles(config.dataDir), 'ancienne clé retirée', 'anciennes clés retirées', 'f')} du fichier.`);
  else journal('Retirez maintenant l’ancienne clé de MAILLAGE_CLES_SANTE_ANCIENNES.');
  return n;
}
