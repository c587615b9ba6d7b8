// The linter CI runs (`npm run lint`): TypeScript's recommended rules on the server, the admin
// panel, the tests and the scripts. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', '.strapi/**', '.tmp/**', 'node_modules/**', 'types/generated/**', 'types/openapi.d.ts', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Unused names are errors, except the `_` placeholders of destructuring and callbacks.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  { files: ['src/admin/**', 'src/plugins/*/admin/**', 'tests/e2e/**'], languageOptions: { globals: { ...globals.browser } } },
  // The server refuses only through src/platform/errors.ts, with a message of the catalogue: a
  // Strapi error or an HTTP error made elsewhere would answer English only and without its code
  // (the type checker guards the helpers' arguments; this guards the way round them).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/admin/**', 'src/plugins/*/admin/**', 'src/platform/errors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='errors']",
          message:
            'Refuse with a helper of src/platform/errors.ts (refuse, conflict, notFound, …) and a message of src/domain/messages.ts.',
        },
        {
          selector: "CallExpression[callee.name='createHttpError']",
          message:
            'Refuse with a helper of src/platform/errors.ts (refuse, conflict, notFound, …) and a message of src/domain/messages.ts.',
        },
      ],
    },
  },
  // Plain Node scripts, and the plugin entry Strapi loads with its global `strapi`.
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/plugins/*/strapi-server.js'], languageOptions: { globals: { strapi: 'readonly' } } },
  // Tests load the compiled app from dist/ with require(), inside the running Strapi's module graph,
  // and read JSON answers and Query Engine rows whose shape is what they assert.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' } }
);
