import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import unicorn from 'eslint-plugin-unicorn';
import tseslint from 'typescript-eslint';

/**
 * Shared flat config. Packages call `packageConfig(import.meta.dirname)`; apps pass
 * `{ app: true }` to allow console output.
 * @param {string} tsconfigRootDir
 * @param {{ app?: boolean }} [options]
 */
export function packageConfig(tsconfigRootDir, options = {}) {
  return tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', '.reports/**', '.turbo/**', '**/*.js', '**/*.mjs', 'reports/**', '*.config.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      plugins: { unicorn },
      rules: {
        'unicorn/filename-case': ['error', { case: 'kebabCase' }],
        'no-restricted-syntax': [
          'error',
          { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
          {
            selector: "MemberExpression[object.name='Math'][property.name='random']",
            message: 'Randomness comes from a seeded Rng passed in options.',
          },
        ],
        'no-console': options.app ? 'off' : 'error',
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/prefer-for-of': 'off',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      },
    },
    {
      files: ['src/index.ts'],
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: 'ExportAllDeclaration', message: 'index.ts lists its exports by name.' },
          { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        ],
      },
    },
    {
      files: ['**/*.test.ts'],
      plugins: { vitest },
      rules: {
        ...vitest.configs.recommended.rules,
        // Property tests assert through fast-check and the shared float helpers.
        'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*', 'fc.assert', '*.assert*'] }],
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
      },
    },
  );
}
