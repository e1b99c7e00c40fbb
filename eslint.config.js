// Lint: a few type-aware rules that catch real bugs, and the import boundaries between layers.
// No style rules: formatting is not a review topic here.
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers and which way imports may not run (docs/architecture.md, "Import boundaries").
 * Each element is a path from the repository root; the first pattern that matches a file wins,
 * so the narrower server layers come before `server` (app.ts, main.ts, config.ts). The lint probes
 * (tests/lint-probes/<layer>/) count as their layer: each breaks a rule on purpose and silences it,
 * and as an unneeded silencing comment is an error, the lint fails the day a rule stops refusing.
 */
const probes = (layer) => `tests/lint-probes/${layer}/**`;
const layers = [
  { type: 'infra', pattern: ['server/infra/**', probes('infra')], partialMatch: false },
  { type: 'modules', pattern: ['server/modules/**', probes('modules')], partialMatch: false },
  { type: 'demo', pattern: 'server/demo/**', partialMatch: false },
  { type: 'migrations', pattern: 'server/migrations/**', partialMatch: false },
  { type: 'server', pattern: 'server/**', partialMatch: false },
  { type: 'web', pattern: ['web/**', probes('web')], partialMatch: false },
  { type: 'common', pattern: ['common/**', probes('common')], partialMatch: false },
];
const serverLayers = ['infra', 'modules', 'demo', 'migrations', 'server'];
const refuse = (from, to, why) => ({
  from: { element: { types: { anyOf: [from] } } },
  disallow: { to: { element: { types: { anyOf: to } } } },
  message: why,
});
const importBoundaries = [
  refuse('infra', ['modules', 'demo'], 'server/infra is the platform under the modules: it never imports a module or the demo (pass what it needs in from app.ts).'),
  refuse('modules', ['demo'], 'A module never imports the demo data: the demo is built on the modules, not the other way round.'),
  refuse('web', serverLayers, 'The web runs in the browser: it imports only common/, never server/.'),
  refuse('common', [...serverLayers, 'web'], 'common/ is shared by server and browser: it imports neither.'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'eslint.config.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, boundaries },
    settings: {
      'boundaries/elements': layers,
      'boundaries/root-path': import.meta.dirname,
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A `default` is a deliberate catch-all; a switch without one must name every member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'boundaries/dependencies': ['error', { default: 'allow', policies: importBoundaries }],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx', 'tests/lint-probes/web/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The response contracts are zod schemas: the web takes their types, so zod stays out of the bundle.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/common/contracts/*'],
          allowTypeImports: true,
          message: 'The web imports common/contracts as types only (import type): the schemas would bring zod into every page. web/src/contract-check.ts parses answers with them in development.',
        }],
      }],
    },
  },
  {
    // Loaded only in development (api.ts), so the schemas never reach a production bundle.
    files: ['web/src/contract-check.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
