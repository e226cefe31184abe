// ESLint: typescript-eslint's recommended type-checked rules on the shipped code (src/, analyzers/),
// its recommended rules on tests, benchmarks and scripts. `npm run lint`; `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // type-models/ mirror libraries' declarations (their `any` included); fixtures and examples are analyzed, not run.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test/fixtures/**', 'examples/**', 'lib/**', 'type-models/**'] },
  js.configs.recommended,
  {
    rules: {
      // Stripping control characters from what goes to a terminal or a comment is deliberate here.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'analyzers/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommended],
    // Webhook payloads and GitHub API answers in tests are JSON built by hand.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['bench/**/*.ts', 'scripts/**/*.ts'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
