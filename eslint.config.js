// Lint: strict typed rules plus the import direction of conventions.md §1:
// shared ← renderer | electron | hub; nothing imports sideways or upward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'zlib',
];
const viaSubpath = { regex: '^(\\.\\./)+shared(/|$)', message: 'Reach shared code through #shared/*.' };
const ban = (group, message) => ({ group, message });

const boundary = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

/** The import-direction rules alone (tests/unit/lint proves they bite). */
export const boundaryConfigs = [
  boundary(
    ['shared/**/*.ts'],
    [
      ban(
        [
          'react',
          'react-*',
          'dexie',
          'dexie-*',
          'electron',
          'fastify',
          'better-sqlite3',
          'pg',
          ...nodeBuiltins,
        ],
        'shared/ is pure TypeScript: no DOM, Node, React, Dexie or Electron.',
      ),
      ban(
        ['**/renderer/**', '**/electron/**', '**/hub/**', '#renderer/*', '#hub/*'],
        'shared/ imports nothing of the environments that use it.',
      ),
    ],
  ),
  boundary(
    ['renderer/**/*.{ts,tsx}'],
    [
      viaSubpath,
      ban(
        ['electron', 'fastify', 'better-sqlite3', 'pg', ...nodeBuiltins],
        'The renderer is a web app: no Node or Electron modules (use the IPC bridge).',
      ),
      ban(['**/electron/**', '**/hub/**'], 'The renderer imports only shared/ and itself.'),
    ],
  ),
  boundary(
    ['renderer/**/*.{ts,tsx}'],
    [
      viaSubpath,
      ban(
        ['dexie', 'dexie-*', '**/data/db', '**/data/db/**'],
        'Only renderer/data/ touches Dexie; use its repository functions.',
      ),
      ban(
        ['electron', 'fastify', 'better-sqlite3', 'pg', ...nodeBuiltins],
        'The renderer is a web app: no Node or Electron modules (use the IPC bridge).',
      ),
      ban(['**/electron/**', '**/hub/**'], 'The renderer imports only shared/ and itself.'),
    ],
    ['renderer/data/**'],
  ),
  boundary(
    ['electron/**/*.ts'],
    [
      viaSubpath,
      ban(
        ['react', 'react-*', 'dexie', 'dexie-*', 'fastify', 'better-sqlite3', 'pg'],
        'Keep main thin: no UI or database code in electron/.',
      ),
      ban(['**/renderer/**', '**/hub/**'], 'electron/ imports only shared/ and itself.'),
    ],
  ),
  boundary(
    ['hub/**/*.ts'],
    [
      viaSubpath,
      ban(['react', 'react-*', 'dexie', 'dexie-*', 'electron'], 'The hub is a Node server.'),
      ban(['**/renderer/**', '**/electron/**'], 'hub/ imports only shared/ and itself.'),
    ],
  ),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.tsbuild/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.hub-data/',
      '.ci-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...boundaryConfigs,
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
