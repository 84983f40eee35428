// ESLint for the whole tree, close to Directus's own configuration (directus/directus
// eslint.config.js): recommended JavaScript, TypeScript and Vue rules, Prettier for layout.
import eslintJs from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier';
import eslintPluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import typescriptEslint from 'typescript-eslint';

export default typescriptEslint.config(
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
  },
  { ignores: ['**/dist/', 'node_modules/', 'tests/.artifacts/', 'data/', 'uploads/'] },
  eslintJs.configs.recommended,
  {
    rules: {
      'no-nested-ternary': 'off',
      curly: ['error', 'multi-line'],
      'no-constant-binary-expression': 'error',
    },
  },
  ...typescriptEslint.configs.recommended,
  ...eslintPluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: typescriptEslint.parser } },
  },
  {
    files: ['**/*.{ts,vue,mjs,js}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/ban-ts-comment': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.vue'],
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/require-default-prop': 'off',
      'vue/no-unused-vars': ['error', { ignorePattern: '^_' }],
    },
  },
  eslintConfigPrettier,
);
