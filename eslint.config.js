// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages a library may never import (ARCHITECTURE.md: packages never import apps). */
const apps = ['@legocity/broker', '@legocity/updaters', '@legocity/dashboard', '@legocity/cli'];
const internal = ['@legocity/*'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Configuration is read once, in config.ts (STYLE.md habit 6).
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read process.env only in a config.ts file.',
        },
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Only main.ts ends the process.',
        },
      ],
    },
  },
  {
    files: ['**/config.ts', '**/main.ts', 'bench/**', 'test/**', '.ci/**', '**/scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  // Dependency rules (ARCHITECTURE.md).
  {
    files: ['packages/ngsi-ld/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: internal, message: 'ngsi-ld imports nothing internal.' }] },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/ngsi-ld/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: apps.map((name) => ({ name, message: 'Packages never import apps.' })) },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
