// The import boundaries of the layout (docs/ARCHITECTURE.md "Module boundaries"), checked by `npm test`
// (scripts/test.mjs runs it first, as `npm run boundaries` does). A wrong import fails the run naming the rule and the import.
//
// Layers, bottom up: contracts ← domain ← db ← platform ← modules ← app.ts / main.ts / seed; the web app
// sits on contracts and domain only. Between modules only the edges of MODULE_GRAPH below.
//
// There is no list of tolerated violations: every rule holds for every file.

/**
 * The allowed module graph: a module may import another module only along these edges (and never in a
 * cycle). A module not listed here may import no other module until it is added.
 * The evidence (`proposals/evidence/`) is part of the proposals wing and depends on it, never the other way
 * (rule `evidence-depends-on-proposals`).
 */
const MODULE_GRAPH = {
  'admin-check': ['competitions', 'near-duplicates', 'proposals'],
  'admin-requests': ['users'],
  announcements: ['competitions', 'proposals'],
  assignments: ['competitions'],
  audit: [],
  auth: [],
  awards: [],
  // Certificates (issue 13 point 5): issued from the registry's rows and the finalists; rendered in `exports`.
  certificates: [],
  competitions: [],
  dashboard: ['competitions', 'proposals'],
  deadlines: ['admin-check', 'competitions', 'proposals'],
  exports: ['announcements', 'certificates', 'dashboard', 'presentation', 'proposals', 'score-exports'],
  finalists: ['announcements', 'objections', 'proposals'],
  // Field verification (issue 13 point 3): reads its own tables and the finalists' rows directly.
  'field-verification': [],
  // The public gallery and its search (issue 14): its own tables, the proposals it snapshots read directly.
  gallery: [],
  // Near-duplicates at the administrative check (issue 14 point 5): reads proposals and texts directly.
  'near-duplicates': [],
  institutions: [],
  invitations: ['competitions', 'proposals'],
  mail: [],
  objections: ['competitions', 'proposals'],
  // The presentation and interview schedule (issue 13 point 2); its letter PDF renders in `exports`.
  presentation: [],
  participation: ['competitions', 'dashboard', 'proposals'],
  // A confirmed near-duplicate is the same innovation: eligibility reads its awards (issue 14 point 5).
  proposals: ['competitions', 'awards', 'near-duplicates'],
  // Public participation (issue 13 point 8): reads proposals and stages directly, imports no module.
  'public-ratings': [],
  // The selection's exports (issue 12 point 9): reads the scores and results; its renderers run in `exports`.
  'score-exports': ['assignments', 'competitions', 'review', 'stage-results'],
  'review-team': ['users', 'institutions', 'competitions', 'assignments'],
  'stage-results': ['assignments', 'competitions'],
  // The selection's hub reads every step's counts; the results as the results page computes them.
  selection: ['assignments', 'stage-results'],
  // The season report (issue 13 point 7): the dashboard's labels and province names, the proposals' province key.
  'season-report': ['competitions', 'dashboard', 'proposals'],
  review: ['proposals', 'competitions', 'assignments'],
  // The final session and the published results (issue 13 points 4–6); publishing fills the gallery (issue 14).
  results: ['announcements', 'certificates', 'competitions', 'gallery', 'stage-results'],
  // Replication between institutions (issue 14 point 3): the gallery's entries and place names.
  replication: ['gallery'],
  system: [],
  'user-admin': ['users'],
  users: ['institutions'],
};

// The graph itself must have no cycle (no-circular checks files; this checks the modules' directions).
(function refuseCycles() {
  const seen = new Map(); // name → 'open' | 'done'
  const visit = (name, path) => {
    if (seen.get(name) === 'done') return;
    if (seen.get(name) === 'open')
      throw new Error(`MODULE_GRAPH in .dependency-cruiser.cjs has a cycle: ${[...path, name].join(' → ')}`);
    seen.set(name, 'open');
    for (const dep of MODULE_GRAPH[name] ?? []) visit(dep, [...path, name]);
    seen.set(name, 'done');
  };
  for (const name of Object.keys(MODULE_GRAPH)) visit(name, []);
})();

const either = (names) => names.map((n) => n.replace(/[-/]/g, (c) => `\\${c}`)).join('|');

/** Packages the pure layers may use (no I/O). Anything else (node builtins, kysely, fastify, …) is refused. */
const PURE_PACKAGES = [
  'zod',
  // jsdiff: the word-level comparison of two proposal versions (domain/proposal-diff.ts).
  'diff',
  'papaparse',
  // HiGHS compiled to WebAssembly: the exact solvers of the selection (issue 12), a computation without I/O of ours.
  'highs',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-id',
  // The Snowball stemmer for Indonesian (domain/search/stem.ts): a function over a word.
  '@orama/stemmers',
];
const TEST_PACKAGES = ['vitest', 'fast-check', '@fast-check/vitest'];
const listed = either(Object.keys(MODULE_GRAPH));
const npmOtherThan = (names) => `(^|/)node_modules/(?!(${either(names)})/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: split the shared part into a file both can import.',
      from: {},
      to: { circular: true },
    },

    // contracts: the bottom. Zod schemas and wire types shared by the server and the web app.
    {
      name: 'contracts-at-the-bottom',
      severity: 'error',
      comment:
        'src/contracts imports only src/contracts and zod (domain depends on contracts, not the reverse).',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(?!contracts/)' },
    },
    {
      name: 'contracts-packages',
      severity: 'error',
      comment: 'src/contracts imports no package but zod (its tests also vitest).',
      from: { path: '^src/contracts/', pathNot: '\\.test\\.ts$' },
      to: { path: npmOtherThan(['zod']) },
    },
    {
      name: 'contracts-test-packages',
      severity: 'error',
      comment: 'tests of src/contracts use only zod and vitest.',
      from: { path: '^src/contracts/.*\\.test\\.ts$' },
      to: { path: npmOtherThan(['zod', 'vitest']) },
    },
    {
      name: 'contracts-no-node',
      severity: 'error',
      comment: 'src/contracts imports no node builtin (it runs in the browser).',
      from: { path: '^src/contracts/' },
      to: { dependencyTypes: ['core'] },
    },

    // domain: pure rules.
    {
      name: 'domain-pure',
      severity: 'error',
      comment:
        'src/domain is pure: it imports only src/domain and src/contracts (no db, platform, modules, seed, web, config).',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/|contracts/)' },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      comment: 'src/domain is pure: no node builtin (fs, net, crypto, …).',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-packages',
      severity: 'error',
      comment: `src/domain uses only pure packages (${PURE_PACKAGES.join(', ')}; tests also ${TEST_PACKAGES.join(', ')}). Add a new pure one to PURE_PACKAGES in .dependency-cruiser.cjs.`,
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { path: npmOtherThan(PURE_PACKAGES) },
    },
    {
      name: 'domain-test-packages',
      severity: 'error',
      comment: `tests of src/domain use only pure packages and ${TEST_PACKAGES.join(', ')}.`,
      from: { path: '^src/domain/.*\\.test\\.ts$' },
      to: { path: npmOtherThan([...PURE_PACKAGES, ...TEST_PACKAGES]) },
    },

    // web: the browser app.
    {
      name: 'web-only-contracts-and-domain',
      severity: 'error',
      comment:
        'src/web imports only src/web, src/contracts and src/domain (never modules, platform, db, seed, config).',
      from: { path: '^src/web/' },
      to: { path: '^src/(?!web/|contracts/|domain/)' },
    },
    {
      name: 'web-no-node',
      severity: 'error',
      comment: 'src/web runs in the browser: no node builtin.',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },

    // db and platform: infrastructure, below the modules.
    {
      name: 'db-below-platform',
      severity: 'error',
      comment: 'src/db imports only src/db, src/domain and src/contracts.',
      from: { path: '^src/db/' },
      to: { path: '^src/(?!db/|domain/|contracts/)' },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment:
        'src/platform imports only src/platform, src/db, src/domain and src/contracts (never modules, seed, web).',
      from: { path: '^src/platform/' },
      to: { path: '^src/(?!platform/|db/|domain/|contracts/)' },
    },

    // modules.
    {
      name: 'modules-not-up',
      severity: 'error',
      comment: 'src/modules never imports app.ts, main.ts, config.ts, seed or web.',
      from: { path: '^src/modules/' },
      to: { path: '^src/(app\\.ts|main\\.ts|config\\.ts|seed/|web/)' },
    },
    ...Object.entries(MODULE_GRAPH).map(([name, deps]) => ({
      name: `module-graph-${name}`,
      severity: 'error',
      comment: deps.length
        ? `modules/${name} may import only these modules: ${deps.join(', ')} (MODULE_GRAPH in .dependency-cruiser.cjs).`
        : `modules/${name} imports no other module (MODULE_GRAPH in .dependency-cruiser.cjs).`,
      from: { path: `^src/modules/${either([name])}/` },
      to: { path: '^src/modules/', pathNot: `^src/modules/(${either([name, ...deps])})/` },
    })),
    {
      name: 'module-graph-unlisted',
      severity: 'error',
      comment:
        'A module missing from MODULE_GRAPH (.dependency-cruiser.cjs) imports no other module: add it there first.',
      from: { path: '^src/modules/([^/]+)/', pathNot: `^src/modules/(${listed})/` },
      to: { path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'evidence-depends-on-proposals',
      severity: 'error',
      comment:
        'One direction: the evidence (proposals/evidence) depends on proposals; no other part of a module imports it (only app.ts, main.ts and the seed do).',
      from: { path: '^src/modules/', pathNot: '^src/modules/proposals/evidence/' },
      to: { path: '^src/modules/proposals/evidence/' },
    },
    {
      name: 'present-is-an-end-point',
      severity: 'error',
      comment:
        'A present.ts is imported only by the routes.ts beside it: move what a command or query needs into a non-present file.',
      from: { path: '^src/', pathNot: '^src/modules/.+/routes\\.ts$' },
      to: { path: '^src/modules/.+/present\\.ts$' },
    },
    {
      name: 'present-of-own-routes',
      severity: 'error',
      comment: "A routes.ts imports only its own present.ts, not another module's.",
      from: { path: '^(src/modules/.+/)routes\\.ts$' },
      to: { path: '^src/modules/.+/present\\.ts$', pathNot: '^$1present\\.ts$' },
    },
    {
      name: 'routes-not-from-routes',
      severity: 'error',
      comment:
        'A routes.ts never imports another routes.ts: a shared rule goes to domain (e.g. policy.ts), shared reading to queries.',
      from: { path: '^src/modules/.+/routes\\.ts$' },
      to: { path: '^src/modules/.+/routes\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '\\.(css|svg|png)$' },
  },
};

// For scripts/module-graph.mjs (the diagram in docs/ARCHITECTURE.md); not a dependency-cruiser option.
Object.defineProperty(module.exports, 'MODULE_GRAPH', { value: MODULE_GRAPH, enumerable: false });
