// ESLint flat config: typescript-eslint with type information for the rules that need it (no floating promises),
// the size limits of STYLE.md, and the layer rule (routes → services → repositories). Formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const LAYERS = [
  { files: ['**/src/routes/**/*.ts'], group: ['**/repositories/*', '../repositories/*'], what: 'routes call services' },
  {
    files: ['**/src/repositories/**/*.ts'],
    group: ['**/services/*', '../services/*'],
    what: 'repositories sit below services',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '.wizamart/**',
      '**/static/**',
      '**/node_modules/**',
      '**/templates/**',
      'test-output/**',
      '**/fixtures/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      // The control-character classes in the code are deliberate (refusing them in input), not typos.
      'no-control-regex': 'off',
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design. An integration test file holds
    // the scenarios of one booted host: splitting one at 300 lines would boot another host (seconds of CI each), so
    // test files may run to 550 lines; source files keep the 300-line limit.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      'max-lines': ['error', { max: 550, skipBlankLines: true, skipComments: true }],
    },
  },
  ...LAYERS.map(({ files, group, what }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message: `Layering: ${what}.` }] }] },
  })),
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
