import autocannon from 'autocannon';
import type pg from 'pg';
import { urlPostgresEnMarche } from '../apps/server/src/platform/embedded-postgres';
import { fichierImport } from './mesures';
import type { Contexte } from './rapport';
import { lancerServeur, type Client, type ServeurLance } from './serveur';

const ACCEPTE = { 'accept-encoding': 'gzip, deflate, br' };

interface Charge {
  rps: number;
  p50: number;
  p99: number;
  erreurs: number;
}

/** `connexions` clients spread in turn over `urls` for `secondes`: one autocannon per process, run together. */
async function charger(urls: string[], chemins: string[], cookie: string, connexions: number, secondes: number): Promise<Charge> {
  const parts = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: connexions / urls.length,
        duration: secondes,
        headers: { cookie, ...ACCEPTE },
        requests: chemins.map((p) => ({ method: 'GET' as const, path: p })),
      }),
    ),
  );
  return {
    rps: parts.reduce((t, r) => t + r.requests.average, 0),
    // Each process's share has its own percentiles; the slower one stands for both (an upper bound of the true p99).
    p50: Math.max(...parts.map((r) => r.latency.p50)),
    p99: Math.max(...parts.map((r) => r.latency.p99)),
    erreurs: parts.reduce((t, r) => t + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/**
 * Two server processes on one database: the bench's server, and a second one started on the same PostgreSQL
 * (DATABASE_URL, as a second machine would) with its own job workers (pg-boss). The contract mix of the HTTP figure
 * at 100 clients, first on the first process alone, then spread over both, in the same run; the session opened on the
 * first is used on both (sessions live in the database). Then a values import big enough to run as a job is sent to
 * the second process and followed on the first until done, whichever process takes the job.
 */
export async function mesurerDeuxProcessus(
  dataDir: string,
  premier: ServeurLance,
  client: Client,
  pool: pg.Pool,
  contratId: string,
  secondes: number,
  env: Record<string, string>,
) {
  const url = await urlPostgresEnMarche(dataDir);
  if (!url) throw new Error('PostgreSQL embarqué introuvable pour le second processus');
  const second = await lancerServeur(dataDir, { ...env, MAILLAGE_DEMO: '0', DATABASE_URL: url });
  try {
    const chemins = [`/api/contrats/${contratId}`, `/api/contrats/${contratId}/fiches`];
    const un = await charger([premier.url], chemins, client.cookie, 100, secondes);
    const deux = await charger([premier.url, second.url], chemins, client.cookie, 100, secondes);

    // Well above the 50 000 rows from which an import is a job.
    const { csv, lignes } = await fichierImport(pool, 60_000);
    const formulaire = new FormData();
    formulaire.append('fichier', new Blob([new Uint8Array(csv)]), 'valeurs-deux-processus.csv');
    formulaire.append('options', JSON.stringify({ tiret: 'secret' }));
    const debut = performance.now();
    const r = await fetch(`${second.url}/api/indicateurs/valeurs/import`, { method: 'POST', body: formulaire, headers: client.entetes });
    const { importId } = (await r.json()) as { importId?: string };
    if (r.status !== 202 || !importId) throw new Error(`Import vers le second processus : ${r.status}, attendu 202 (tâche de fond)`);
    let etat: { etat: string };
    do {
      await new Promise((fin) => setTimeout(fin, 200));
      etat = await new Promise<{ etat: string }>((ok, ko) => {
        fetch(`${premier.url}/api/indicateurs/imports/${importId}`, { headers: client.entetes })
          .then(async (x) =>
            x.status === 200 ? ok((await x.json()) as { etat: string }) : ko(new Error(`Suivi de l’import : ${x.status}`)),
          )
          .catch(ko);
      });
      if (performance.now() - debut > 300_000) throw new Error('Import en tâche de fond non terminé après 5 minutes');
    } while (etat.etat === 'en_cours');
    if (etat.etat !== 'termine') throw new Error(`Import en tâche de fond : ${JSON.stringify(etat).slice(0, 300)}`);
    return { un, deux, tache: { lignes, ms: Math.round(performance.now() - debut), etat: etat.etat }, secondes };
  } finally {
    await second.arreter();
  }
}

/** How to read the two-process figures and the mobile Lighthouse ones (appended to docs/performance.md). */
export function explicationsDeuxProcessusEtMobile(ctx: Contexte): string {
  const d = ctx.details as Record<string, any>;
  const dp = d.deuxProcessus;
  const mobile = (d.lighthouseMobile ?? []) as {
    nom: string;
    performance: number;
    accessibilite: number;
    fcpMs: number;
    lcpMs: number;
    tbtMs: number;
    octetsKo: Record<string, number>;
  }[];
  return `- **\`deux_processus_rps_ratio\`, \`deux_processus_p99_ms\`, \`deux_processus_errors\`** — le mélange de \`http_p99_ms\`
  (accueil d’un contrat et ses fiches, 100 connexions, ${dp?.secondes ?? '?'} s) sur le serveur du banc seul, puis réparti sur ce serveur et un
  second processus lancé sur la même base (\`DATABASE_URL\`), chacun avec ses propres travailleurs de tâches
  (pg-boss) ; la session ouverte sur le premier sert sur les deux. Le ratio est le débit à deux processus ÷ celui d’un
  seul (${Math.round(dp?.un?.rps ?? 0)} puis ${Math.round(dp?.deux?.rps ?? 0)} requêtes/s ; p99 ${dp?.un?.p99 ?? '?'} puis ${dp?.deux?.p99 ?? '?'} ms, le p99 à deux
  étant le plus lent des deux processus). Sur 2 cœurs partagés avec PostgreSQL et le client de charge, un second
  processus n’ajoute pas de processeur : ce chiffre montre que rien ne casse ni ne ralentit à deux, pas un gain.
  Ensuite un import de ${dp?.tache?.lignes?.toLocaleString('fr-FR') ?? '?'} valeurs (tâche de fond) est envoyé au second processus et suivi sur le
  premier jusqu’à « ${dp?.tache?.etat ?? '?'} » (${Math.round((dp?.tache?.ms ?? 0) / 1000)} s). Voir \`docs/operations.md\` pour la suite au-delà d’une machine.
- **\`lighthouse_mobile_performance\`, \`lighthouse_mobile_accessibility\`** — Lighthouse, préréglage **mobile** (celui
  par défaut : écran de téléphone, 4G lente simulée, processeur 4 × plus lent), sans session, sur la liste des contrats
  publiés et la page publique d’un contrat : ce qu’ouvrent habitants et élus sur leur téléphone. Chaque page est
  mesurée trois fois, sa médiane retenue ; le chiffre est la page la plus basse. Le ralentissement du processeur
  multiplie les tâches observées sur cette machine : sa charge au début du banc (${ctx.machine.charge}) pèse directement
  sur le temps de blocage (TBT) et donc sur le score. \`npm run bench:mobile\` mesure cette partie seule.
  Depuis la décision 0029, une visite sans session reçoit ces deux pages **rendues par le serveur** (mêmes composants,
  données de l’API publique), avec la feuille de style du DSFR réduite à leurs composants et le seul script du DSFR :
  ni React ni l’application. Mesuré avec \`npm run bench:mobile\` (médiane de 3, avant puis après, même serveur, mêmes
  données, sur la machine partagée ; charge 9–11 sur 2 cœurs pour ce couple, le plus calme ; trois autres couples
  sous charge 14–20 donnent liste 53–57 → 64–74 et contrat 48–63 → 78–94) :
  | | liste avant | liste après | contrat avant | contrat après |
  |---|---:|---:|---:|---:|
  | performance | 49 | 86 | 61 | 99 |
  | FCP | 3,0 s | 1,6 s | 2,5 s | 1,5 s |
  | LCP | 4,6 s | 1,7 s | 4,5 s | 1,6 s |
  | TBT | 2 172 ms | 461 ms | 848 ms | 102 ms |
  | transféré | 382 ko (JS 169) | 223 ko (JS 26) | 388 ko (JS 192) | 213 ko (JS 26) |
  Ce qu’a apporté chaque changement : le rendu serveur retire le JavaScript de l’application (169–192 → 26 ko, le
  script du DSFR) et la chaîne HTML → script → session → morceau de page → données : FCP −0,8 à −1,2 s, LCP −1,7 à
  −2,5 s ; la feuille de style réduite 52 → 42 ko (Brotli) ; \`content-visibility\` sur les longs tableaux, sans
  effet mesurable sous cette charge. Ce qui reste : le TBT, que la charge de la machine fait varier de 14 à 2 000 ms
  sur la même page, et pour la liste le temps de réponse de \`/api/public/contrats\` (200 contrats : 0,8–1,8 s sous
  cette charge), que le rendu serveur attend avant d’envoyer le HTML (Lighthouse le compte dans FCP et LCP).
  Dernier banc complet (${ctx.date}, charge ${ctx.machine.charge}) :
${mobile.map((p) => `  ${p.nom} : performance ${p.performance}, accessibilité ${p.accessibilite}, FCP ${p.fcpMs} ms, LCP ${p.lcpMs} ms, TBT ${p.tbtMs} ms, ${Math.round(p.octetsKo.total ?? 0)} ko transférés (dont ${Math.round(p.octetsKo.script ?? 0)} ko de JavaScript, ${Math.round(p.octetsKo.stylesheet ?? 0)} ko de CSS, ${Math.round(p.octetsKo.font ?? 0)} ko de polices).`).join('\n')}
- **\`lighthouse_mobile_consultation_performance\`, \`lighthouse_mobile_consultation_accessibility\`** — la même mesure
  (mobile, trois passages, médiane) sur le formulaire public d’une consultation ouverte (celle de la démonstration) :
  la page qu’un habitant ouvre depuis un QR code (ticket 20, point 5). Rendue par le serveur, sans React (décision
  0041). Elle compte aussi dans les deux chiffres précédents. \`npm run bench:mobile -- --page consultation\` la mesure seule.
`;
}
