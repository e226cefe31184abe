// ESLint: typescript-eslint's recommended type-checked rules on the shipped code (src/, analyzers/),
// its recommended rules on tests, benchmarks and scripts. `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Names that start with _ are unused on purpose. */
const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' };

export default tseslint.config(
  // type-models/ mirror libraries' declarations (their `any` included); fixtures and examples are analyzed, not run.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test/fixtures/**', 'examples/**', 'lib/**', 'type-models/**'] },
  js.configs.recommended,
  {
    rules: {
      // Stripping control characters from what goes to a terminal or a comment is deliberate here.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'analyzers/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An abort passes on the signal's reason (a JobAborted), a wrapper the rejection it was given.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Async functions that implement a Promise-returning interface without awaiting are fine.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // Messages and logs stringify values of unknown shape on purpose: an object becomes
      // "[object Object]", never its contents (no payload data in a log line).
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommended],
    // Webhook payloads and GitHub API answers in tests are JSON built by hand.
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-vars': ['error', UNUSED] },
  },
  {
    files: ['bench/**/*.{ts,mjs}', 'scripts/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
);
