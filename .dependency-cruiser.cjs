/**
 * The direction imports take in src/ (docs/architecture.md, "Layers"): domain ← platform ←
 * features ← edges, and no cycles; database/versions/ (the app's schema versions) import nothing
 * of src/. Checked in CI by `npm run lint`.
 */
const SERVER_LIBRARIES = '^(node_modules/(@strapi|knex|pg|better-sqlite3|nodemailer|koa)|@strapi)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood or changed one at a time.',
      from: { path: '^(src|database)' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds the rules as plain TypeScript: nothing of the app above it, no Strapi, no database.',
      from: { path: '^src/domain' },
      to: { path: ['^src/(?!domain/)', SERVER_LIBRARIES] },
    },
    {
      name: 'platform-points-down',
      severity: 'error',
      comment: 'src/platform is what every feature builds on: it may use the domain and libraries, no feature.',
      from: { path: '^src/platform' },
      to: { path: '^src/(?!(platform|domain)/)' },
    },
    {
      name: 'edges-on-top',
      severity: 'error',
      comment:
        'The edges (REST controllers and routes, admin routes, the dashboard plugin, the outbox worker, bootstrap) call the features; no feature calls an edge.',
      from: { path: '^src', pathNot: '^src/(api|admin-api|plugins|notifications)/|^src/index\\.ts$' },
      to: { path: '^src/(api|admin-api|plugins|notifications)/|^src/index\\.ts$' },
    },
    {
      name: 'schema-versions-stand-alone',
      severity: 'error',
      comment: 'database/versions describe the schema as it was when each was released: they import nothing of the app, which changes.',
      from: { path: '^database' },
      to: { path: '^src' },
    },
    {
      name: 'collection-below-statistics',
      severity: 'error',
      comment: 'The dashboard reads collection figures (receivables, aging); collection never reads the dashboard.',
      from: { path: '^src/cash-collection' },
      to: { path: '^src/statistics' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/admin/' },
  },
};
