// The module rule of docs/decisions/0022-regle-des-modules.md, checked by `npm run deps` (inside `npm test`).
// Production code only: tests may arrange their data through any module (they are not the ones writing tables).

const MODULE = '^apps/server/src/modules/([^/]+)/';
// What a server module may import from another: its services, its read-only queries, its route schemas, and the
// few files named here as public (each says why in the decision record).
const SURFACE_PUBLIQUE = [
  '\\.service\\.ts$',
  '\\.queries\\.ts$',
  '\\.schemas\\.ts$',
  '^apps/server/src/modules/contrats/acces\\.ts$', // the contract access and lock checks every module applies
  '^apps/server/src/modules/documents/modele-document\\.ts$', // the document template helpers (pure formatting)
  '^apps/server/src/modules/fiches/indicateurs-fiche\\.ts$', // the fiche indicators' SQL columns, shared with suivi (decision 0007)
  '^apps/server/src/modules/plans/tableur\\.ts$', // reading and writing spreadsheets
];

// ---------------------------------------------------------------------------------------------------------------
// The demo seed (src/demo) is a seed layer, not a module: it may write through other modules' services and
// repositories (decision 0022); in return nothing in production imports it but main.ts.
const SEMENCE_DEMO = '^apps/server/src/demo/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-par-sa-surface',
      severity: 'error',
      comment:
        'Un module n’en utilise un autre que par ses services (*.service.ts), ses lectures (*.queries.ts), ses schémas ' +
        'ou un fichier déclaré public : jamais par son dépôt (décision 0022).',
      from: { path: MODULE, pathNot: [SEMENCE_DEMO] },
      to: { path: '^apps/server/src/modules/', pathNot: ['^apps/server/src/modules/$1/', ...SURFACE_PUBLIQUE] },
    },
    {
      name: 'cablage-par-les-services',
      severity: 'error',
      comment: 'main.ts, app.ts, taches.ts et cli.ts branchent les modules par leurs services, jamais par un dépôt (décision 0022).',
      from: { path: '^apps/server/src/[^/]+\\.ts$' },
      to: { path: '^apps/server/src/modules/.+\\.repository\\.ts$' },
    },
    {
      name: 'semence-demo-a-part',
      severity: 'error',
      comment: 'Seul main.ts charge la démo : aucun module ne dépend de la couche de semence (décision 0022).',
      from: { path: '^apps/server/src/', pathNot: [SEMENCE_DEMO, '^apps/server/src/main\\.ts$'] },
      to: { path: SEMENCE_DEMO },
    },
    {
      name: 'plateforme-sans-module',
      severity: 'error',
      comment: 'platform/ ne connaît aucun module : main.ts, app.ts et taches.ts les y branchent (décision 0022).',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/(modules/|app\\.ts$|main\\.ts$|taches\\.ts$|cli\\.ts$)' },
    },
    {
      name: 'pas-de-cycle-entre-modules',
      severity: 'error',
      comment: 'Deux modules ne dépendent pas l’un de l’autre, même par un détour (décision 0022).',
      scope: 'folder',
      from: { path: '^apps/server/src/modules/[^/]+$' },
      to: { circular: true, viaOnly: { path: '^apps/server/src/modules/[^/]+$' } },
    },
    {
      name: 'pas-de-cycle',
      severity: 'error',
      comment: 'Aucun fichier ne revient à lui-même par ses imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domaine-sans-application',
      severity: 'error',
      comment: 'packages/domain est partagé par le serveur et le web : il n’importe rien des applications.',
      from: { path: '^packages/domain/src/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domaine-sans-entree-sortie',
      severity: 'error',
      comment: 'packages/domain est pur : aucun module de Node (fichiers, réseau, processus).',
      from: { path: '^packages/domain/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'production-sans-test',
      severity: 'error',
      comment: 'Le code de production n’importe ni les tests ni leurs aides (apps/server/test, bench).',
      from: { path: '^(apps|packages)/[^/]+/src/' },
      to: { path: ['\\.test\\.tsx?$', '^apps/server/test/', '^bench/'] },
    },
    {
      name: 'fonctionnalites-web-separees',
      severity: 'error',
      comment: 'Une fonctionnalité web (features/<x>) ne partage avec une autre que par components/, api/ et le domaine (décision 0022).',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: ['^apps/web/src/features/$1/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
