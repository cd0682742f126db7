import { parentPort, workerData } from 'node:worker_threads';
import { bundleRor, feuilles, geojson, tableau, versMessageErreur, type Message, type Tache } from './taches-fichiers';

/**
 * The file worker: reads one file (fil-fichiers.ts starts it with a heap limit and ends it afterwards), so that
 * parsing never holds the server's event loop and a file that exhausts memory kills only this thread.
 * Batches of rows wait for the main thread to ask for more: memory holds a batch or two, not the file.
 */
const port = parentPort!;
let suite: (() => void) | null = null;
port.on('message', (m) => {
  if (m === 'suite') suite?.();
});

const envoyer = (m: Message) => port.postMessage(m);
const attendreSuite = () => new Promise<void>((resolve) => (suite = resolve));

async function executer(t: Tache) {
  if (t.type === 'tableau') {
    for await (const m of tableau(t)) {
      envoyer(m);
      if (m.type === 'lot') await attendreSuite();
    }
  } else if (t.type === 'feuilles') envoyer({ type: 'resultat', valeur: await feuilles(t) });
  else if (t.type === 'bundleRor') envoyer({ type: 'resultat', valeur: bundleRor(t) });
  else envoyer({ type: 'resultat', valeur: geojson(t) });
}

// The content arrives over a SharedArrayBuffer: shared with the main thread, not copied.
executer(workerData.tache as Tache)
  .then(() => envoyer({ type: 'fin' }))
  .catch((e) => envoyer(versMessageErreur(e)));
