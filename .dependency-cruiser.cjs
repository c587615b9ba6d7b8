/** The direction imports may take in src/ (docs/architecture.md, "Layers"); checked in CI by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood or changed one at a time.',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds the rules as plain TypeScript: no Strapi, no database, nothing above it.',
      from: { path: '^src/domain' },
      to: { pathNot: ['^src/domain', '^node_modules/(decimal\\.js|date-fns|@date-fns)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/admin' },
  },
};
