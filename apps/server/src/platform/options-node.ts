/**
 * The V8 options Maillage's server runs with (decision 0044), for whatever starts it: `npm start` (apps/server/package.json
 * repeats them, a script cannot import), the bench and the robustness suite. A young generation of 64 MB per
 * semi-space: under 100 clients, the objects of the requests in flight outlived the default 16 MB nursery and were
 * promoted, then collected by full mark-compacts; with 64 MB, 8 000 requests cost 53 scavenges instead of 216.
 */
export const OPTIONS_NODE_SERVEUR = ['--max-semi-space-size=64'] as const;
