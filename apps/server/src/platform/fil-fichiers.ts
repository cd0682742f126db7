import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErreurMetier } from './errors';
import { memoireDepassee } from './limites-fichiers';
import type { Message, Tache } from './taches-fichiers';

/**
 * Runs file parsing in a worker thread, one per file, at most ANALYSES_SIMULTANEES at once: the server keeps
 * answering while a workbook is read, and a file that exhausts the worker's heap (resourceLimits) ends that worker
 * with a French 422, never the server.
 */
export const ANALYSES_SIMULTANEES = 2;
const ATTENTE_MAX_MS = 120_000;

let enCours = 0;
const enAttente: (() => void)[] = [];

async function prendrePlace(): Promise<() => void> {
  if (enCours >= ANALYSES_SIMULTANEES)
    await new Promise<void>((resolve, reject) => {
      const minuterie = setTimeout(() => {
        enAttente.splice(enAttente.indexOf(reveil), 1);
        reject(new ErreurMetier(503, 'Service surchargé', 'Trop de fichiers sont en cours de lecture : réessayez dans quelques minutes.'));
      }, ATTENTE_MAX_MS);
      const reveil = () => {
        clearTimeout(minuterie);
        resolve();
      };
      enAttente.push(reveil);
    });
  enCours++;
  let libere = false;
  return () => {
    if (libere) return;
    libere = true;
    enCours--;
    enAttente.shift()?.();
  };
}

// The server runs TypeScript through tsx: the worker loads its module the same way (tsImport), or directly once compiled.
const MODULE = new URL(`./fil-fichiers.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
// The ESM entry of tsx's API (require.resolve finds its CommonJS twin beside it).
const TSX = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const AMORCE = MODULE.endsWith('.ts')
  ? `import(${JSON.stringify(TSX)}).then(({ tsImport }) => tsImport(${JSON.stringify(MODULE)}, ${JSON.stringify(MODULE)}))`
  : `import(${JSON.stringify(MODULE)})`;

const SILENCE_MAX_MS = 120_000;

/** A copy of the file in shared memory: every worker reading it (preview, then import) shares it instead of copying. */
export function partager(contenu: Buffer | Uint8Array): Uint8Array {
  const partage = new Uint8Array(new SharedArrayBuffer(contenu.length));
  partage.set(contenu);
  return partage;
}

function erreurDuFil(e: unknown, memoireMo: number): ErreurMetier {
  if ((e as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY') return memoireDepassee(memoireMo);
  return new ErreurMetier(
    500,
    'Erreur interne',
    `La lecture du fichier s’est arrêtée de façon inattendue (${(e as Error)?.message ?? e}). Réessayez ; si cela recommence, signalez-le.`,
  );
}

/**
 * The messages of a task, as the worker sends them. Batches of rows are asked for one at a time (the worker waits),
 * and leaving the loop early ends the worker: a preview that reads 10 rows does not parse the rest.
 */
export async function* analyser(tache: Tache): AsyncGenerator<Message> {
  const liberer = await prendrePlace();
  const memoireMo = tache.limites.memoireMo;
  let fil: Worker;
  try {
    fil = new Worker(AMORCE, {
      eval: true,
      workerData: { tache },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoireMo, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
  } catch (e) {
    liberer();
    throw erreurDuFil(e, memoireMo);
  }
  const recus: Message[] = [];
  let erreur: ErreurMetier | null = null;
  let fini = false;
  let reveil: (() => void) | null = null;
  const reveiller = () => {
    reveil?.();
    reveil = null;
  };
  fil.on('message', (m: Message) => {
    recus.push(m);
    reveiller();
  });
  fil.on('error', (e) => {
    erreur ??= erreurDuFil(e, memoireMo);
    reveiller();
  });
  fil.on('exit', (code) => {
    fini = true;
    if (code !== 0) erreur ??= erreurDuFil(new Error(`code de sortie ${code}`), memoireMo);
    reveiller();
  });
  try {
    for (;;) {
      if (!recus.length && !erreur && !fini) {
        // A worker that says nothing for two minutes is stuck on its file: it must not hold one of the two places forever.
        let minuterie: NodeJS.Timeout | undefined;
        const muet = await Promise.race([
          new Promise<false>((resolve) => (reveil = () => resolve(false))),
          new Promise<true>((resolve) => (minuterie = setTimeout(() => resolve(true), SILENCE_MAX_MS))),
        ]);
        clearTimeout(minuterie);
        if (muet)
          throw new ErreurMetier(
            422,
            'Fichier illisible',
            'La lecture du fichier ne progresse plus et a été arrêtée : vérifiez qu’il s’agit bien d’un classeur .xlsx, d’un .csv ou d’un JSON valide.',
            {
              erreurs: [{ champ: 'fichier', message: 'Lecture arrêtée' }],
            },
          );
      }
      const m = recus.shift();
      if (m) {
        if (m.type === 'fin') return;
        if (m.type === 'erreur') throw new ErreurMetier(m.statut, m.titre, m.detail, m.extra);
        yield m;
        if (m.type === 'lot') fil.postMessage('suite');
      } else if (erreur) throw erreur;
      else if (fini) throw erreurDuFil(new Error('arrêt sans réponse'), memoireMo);
    }
  } finally {
    await fil.terminate();
    liberer();
  }
}

/** The one result of a task (sheets of a plan, contours of a GeoJSON). */
export async function resultat<T>(tache: Tache): Promise<T> {
  for await (const m of analyser(tache)) if (m.type === 'resultat') return m.valeur as T;
  throw new ErreurMetier(500, 'Erreur interne', 'La lecture du fichier n’a rien rendu.');
}
