/**
 * The layer table of README.md and src/server/README.md as rules (`npm run check:layers`, part of `npm test`).
 * A forbidden import fails the check; tests/unit/layers.test.ts shows that it does.
 */
const FEATURES = '(tracing|dashboard|forwarding|outbreak)';
/** Modules allowed to hold SQL: the data layer and the repositories of feature folders. */
const DATA_LAYER = ['^src/server/db/', '-repo\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'server-not-to-browser',
      comment:
        'The server never imports browser code (page, console, service worker); shared code lives in src/shared.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^(src/client|src/console|src/browser|sw)/' },
    },
    {
      name: 'browser-not-to-server',
      comment: 'The page, the console and the service worker never import the server.',
      severity: 'error',
      from: { path: '^(src/client|src/console|src/browser|sw)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'client-console-apart',
      comment:
        "The guard/visitor PWA and the officials' console are separate apps; what both need goes to src/browser (DOM, Preact) or src/shared.",
      severity: 'error',
      from: { path: '^src/(client|console)/' },
      to: { path: '^src/(client|console)/', pathNot: '^src/$1/' },
    },
    {
      name: 'browser-kit-below-apps',
      comment: 'src/browser (what both browser apps share) imports only itself, src/shared and packages.',
      severity: 'error',
      from: { path: '^src/browser/' },
      to: { path: '^(src/client|src/console|sw)/' },
    },
    {
      name: 'worker-without-browser-kit',
      comment: 'The service worker has no DOM: it does not use src/browser.',
      severity: 'error',
      from: { path: '^sw/' },
      to: { path: '^src/browser/' },
    },
    {
      name: 'shared-only-shared',
      comment: 'src/shared runs everywhere: it imports only src/shared and runtime-neutral packages, no Node builtins.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: ['^src/shared/', '(^|/)node_modules/'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-browser-packages',
      comment: 'No DOM or IndexedDB libraries in shared code.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: {
        path: '(^|/)node_modules/(dexie|preact|workbox-[a-z]+|zxing-wasm|fastify|@fastify|kysely|better-sqlite3|pg)/',
      },
    },
    {
      name: 'indexeddb-only-in-client-data',
      comment: 'One module owns IndexedDB on the device: Dexie is imported only in src/client/data/.',
      severity: 'error',
      from: { path: '^(src|sw)/', pathNot: '^src/client/data/' },
      to: { path: '(^|/)node_modules/dexie/' },
    },
    {
      name: 'sql-only-in-data-layer',
      comment: 'Kysely and the database drivers only in src/server/db/ and *-repo.ts files.',
      severity: 'error',
      from: { path: '^src/', pathNot: DATA_LAYER },
      to: { path: '(^|/)node_modules/(kysely|better-sqlite3|pg)/' },
    },
    {
      name: 'rows-stay-in-data-layer',
      comment: 'Table row types (db/schema.ts) and the low-level db plumbing never leave the data layer.',
      severity: 'error',
      from: { pathNot: [...DATA_LAYER, '^tests/'] },
      to: { path: '^src/server/db/(schema|statement-cache)\\.ts$' },
    },
    {
      name: 'routes-through-repos',
      comment:
        'Route modules reach the database only through repositories (*-repo.ts), services, the Db type and the write queue (the one way to run write transactions), never migrations, partitions or the connection internals.',
      severity: 'error',
      from: { path: ['^src/server/routes/', '-routes\\.ts$'] },
      to: {
        path: '^src/server/db/',
        pathNot: ['-repo\\.ts$', '^src/server/db/database\\.ts$', '^src/server/db/write-queue\\.ts$'],
      },
    },
    {
      name: 'db-below-features',
      comment: 'The data layer knows domain types and src/shared only, never routes, services, http or features.',
      severity: 'error',
      from: { path: '^src/server/db/' },
      to: { path: `^src/server/(routes|services|http|auth|cli|seed|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'domain-pure',
      comment: 'src/server/domain/ is pure logic: it imports only itself and src/shared.',
      severity: 'error',
      from: { path: '^src/server/domain/' },
      to: { path: '^src/server/', pathNot: '^src/server/domain/' },
    },
    {
      name: 'features-not-to-routes-of-others',
      comment: "A feature folder does not reach into another feature's routes.",
      severity: 'error',
      from: { path: `^src/server/${FEATURES}/` },
      to: { path: `^src/server/${FEATURES}/[^/]+-routes\\.ts$`, pathNot: `^src/server/$1/` },
    },
    {
      name: 'i18n-leaf',
      comment: 'Server strings (src/server/i18n/) import nothing of the server: every layer may use them.',
      severity: 'error',
      from: { path: '^src/server/i18n/' },
      to: { path: '^src/server/', pathNot: '^src/server/i18n/' },
    },
    {
      name: 'http-auth-below-routes',
      comment:
        'HTTP plumbing and the console gate use repositories, domain and strings, never routes, services or features.',
      severity: 'error',
      from: { path: '^src/server/(http|auth)/' },
      to: { path: `^src/server/(routes|services|cli|seed|sealed|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'services-below-routes',
      comment: 'Use cases never reach HTTP: no routes, http, auth or cli (they are called by routes, not the reverse).',
      severity: 'error',
      from: { path: '^src/server/services/' },
      to: { path: '^src/server/(routes|http|auth|cli)/' },
    },
    {
      name: 'sealed-and-seed-below-services',
      comment:
        'Opening sealed items and seeding demo data use repositories, domain and src/shared only (and the write queue, to claim a push proof in the group commit).',
      severity: 'error',
      from: { path: '^src/server/(sealed|seed)/' },
      to: { path: `^src/server/(routes|services|http|auth|cli|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '\\?(url|raw|worker)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-server|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tools.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: false,
  },
};
