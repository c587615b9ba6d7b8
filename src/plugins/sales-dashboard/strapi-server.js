'use strict';
/**
 * The plugin's server entry. Its TypeScript (server/src) is compiled with the app by `strapi build`
 * / the tests' compile into the app's dist/ directory (tsconfig.json includes src/plugins/*\/server),
 * so this loads the compiled code from there: one copy of the app's modules (and their
 * AsyncLocalStorage scopes) serves the app and the plugin.
 */
const path = require('path');

// `strapi` is the global instance being loaded; dist.root is the compiled app's directory.
const compiled = path.join(strapi.dirs.dist.root, 'src', 'plugins', 'sales-dashboard', 'server', 'src');
const entry = require(compiled);
module.exports = entry.default ?? entry;
