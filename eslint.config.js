import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'db/migrations/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
    },
  },
  {
    files: ['lib/env.ts', 'tests/**', 'next.config.js', 'vitest.config.ts', 'drizzle.config.ts', 'scripts/**', 'bench/run.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['lib/shared/**', 'app/_components/**'],
    ignores: ['lib/shared/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Browser code takes zod from lib/shared/zod.ts (no eval under the page's CSP)." }] }] },
  },
  { files: ['next.config.js'], languageOptions: { globals: { process: 'readonly' } } },
);
