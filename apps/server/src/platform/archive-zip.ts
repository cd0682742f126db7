import yauzl from 'yauzl';
import { ErreurMetier } from './errors';
import { enMo, nombre, tropVolumineux, type LimitesFichier } from './limites-fichiers';

type LimitesArchive = Pick<LimitesFichier, 'decompresseTotal' | 'decompresseEntree' | 'ratioMax' | 'entreesMax'>;

const illisible = (raison: string) =>
  new ErreurMetier(
    400,
    'Données invalides',
    `Archive illisible (${raison}) : enregistrez de nouveau le fichier au format .xlsx et réessayez.`,
    {
      erreurs: [{ champ: 'fichier', message: 'Archive ZIP illisible' }],
    },
  );

function ouvrir(contenu: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(contenu, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (e, zip) =>
      e ? reject(illisible(e.message)) : resolve(zip),
    ),
  );
}

function entrees(zip: yauzl.ZipFile, limites: LimitesArchive): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const liste: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      liste.push(e);
      if (liste.length > limites.entreesMax)
        return reject(
          tropVolumineux(
            `L’archive compte plus de ${nombre(limites.entreesMax)} fichiers.`,
            `${limites.entreesMax} fichiers dans l’archive`,
          ),
        );
      zip.readEntry();
    });
    zip.on('end', () => resolve(liste));
    zip.on('error', (e: Error) => reject(illisible(e.message)));
    zip.readEntry();
  });
}

/** Refuses on what the central directory declares, before inflating a byte. */
function verifierDeclare(liste: yauzl.Entry[], limites: LimitesArchive) {
  let total = 0;
  for (const e of liste) {
    if (e.isEncrypted()) throw illisible(`« ${e.fileName} » est chiffré`);
    total += e.uncompressedSize;
    if (e.uncompressedSize > limites.decompresseEntree)
      throw tropVolumineux(
        `Une fois décompressé, « ${e.fileName} » ferait ${enMo(e.uncompressedSize)} : la limite est de ${enMo(limites.decompresseEntree)} par fichier de l’archive.`,
        `${enMo(limites.decompresseEntree)} décompressés par fichier de l’archive`,
      );
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > 1024 * 1024 && ratio > limites.ratioMax)
      throw tropVolumineux(
        `« ${e.fileName} » est compressé ${Math.round(ratio)} fois (${enMo(e.compressedSize)} → ${enMo(e.uncompressedSize)}) : au-delà de ${limites.ratioMax} fois, l’archive est refusée (bombe de décompression).`,
        `taux de compression ${limites.ratioMax}:1`,
      );
  }
  if (total > limites.decompresseTotal)
    throw tropVolumineux(
      `Une fois décompressé, le classeur ferait ${enMo(total)} : la limite est de ${enMo(limites.decompresseTotal)}.`,
      `${enMo(limites.decompresseTotal)} décompressés`,
    );
}

/** Inflates every entry into nothing, counting: declared sizes can lie, and yauzl also stops at a size that lies. */
async function verifierReel(zip: yauzl.ZipFile, liste: yauzl.Entry[], limites: LimitesArchive) {
  let total = 0;
  for (const e of liste) {
    if (e.fileName.endsWith('/')) continue;
    await new Promise<void>((resolve, reject) => {
      zip.openReadStream(e, (err, flux) => {
        if (err) return reject(illisible(err.message));
        let octets = 0;
        flux.on('data', (morceau: Buffer) => {
          octets += morceau.length;
          total += morceau.length;
          if (octets > limites.decompresseEntree || total > limites.decompresseTotal)
            flux.destroy(
              tropVolumineux(
                `Une fois décompressé, le classeur dépasse ${enMo(Math.min(limites.decompresseEntree, limites.decompresseTotal))}.`,
                `${enMo(limites.decompresseTotal)} décompressés`,
              ),
            );
        });
        flux.on('error', (x: Error) => reject(x instanceof ErreurMetier ? x : tropOuIllisible(x, limites)));
        flux.on('end', () => resolve());
      });
    });
  }
}

// yauzl's "too many bytes in the stream": the entry inflates beyond what it declared.
const tropOuIllisible = (e: Error, limites: LimitesArchive) =>
  /too many bytes|expected/i.test(e.message)
    ? tropVolumineux(
        'Un fichier de l’archive se décompresse au-delà de la taille qu’elle déclare : l’archive est refusée (bombe de décompression).',
        `${enMo(limites.decompresseTotal)} décompressés`,
      )
    : illisible(e.message);

/**
 * Checks a ZIP-based file (XLSX, DOCX) against the limits: first what its central directory declares (sizes,
 * ratio, number of entries), then what it really inflates to. 413 naming the limit, 400 if it is no archive.
 */
export async function verifierArchive(contenu: Buffer, limites: LimitesArchive): Promise<void> {
  const zip = await ouvrir(contenu);
  try {
    const liste = await entrees(zip, limites);
    verifierDeclare(liste, limites);
    await verifierReel(zip, liste, limites);
  } finally {
    zip.close();
  }
}

export const estZip = (contenu: Uint8Array) => contenu[0] === 0x50 && contenu[1] === 0x4b && contenu[2] === 0x03 && contenu[3] === 0x04;
