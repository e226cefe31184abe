// ESLint: typescript-eslint's recommended type-checked rules on the shipped code (src/, analyzers/),
// its recommended rules on tests, benchmarks and scripts. `npm run lint`; `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // type-models/ mirror libraries' declarations (their `any` included); fixtures and examples are analyzed, not run.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test/fixtures/**', 'examples/**', 'lib/**', 'type-models/**'] },
  js.configs.recommended,
  {
    files: ['src/**/*.ts', 'analyzers/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommended],
  },
);
