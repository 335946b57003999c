import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      '.data/**',
      'next-env.d.ts',
      'db/migrations/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
  {
    files: [
      'lib/env.ts',
      'tests/**',
      'next.config.js',
      'vitest.config.ts',
      'drizzle.config.ts',
      'scripts/**',
      'bench/run.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['lib/shared/**', 'app/_components/**'],
    ignores: ['lib/shared/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Browser code takes zod from lib/shared/zod.ts (no eval under the page's CSP)." },
          ],
        },
      ],
    },
  },
  {
    // Every word a user reads comes from messages/*.json (next-intl), in the reader's language. Text of
    // letters written straight into the interface is refused: JSX text, text in the props a screen reader
    // or a tooltip reads, strings as children, and dialogs. "Concordia" is a name, the same in every language.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    // Route handlers' and server helpers' messages are the API's (translated server-side, with codes).
    ignores: ['app/api/**', 'app/_server/**'],
    rules: {
      'no-restricted-syntax': ['error', ...literalTextRules()],
    },
  },
  { files: ['next.config.js'], languageOptions: { globals: { process: 'readonly' } } },
);

function literalTextRules() {
  const message =
    'User-facing text goes in messages/*.json and reaches the page through next-intl (useTranslations / getTranslations).';
  const LETTER = '/[A-Za-z\\u00C0-\\u024F]/';
  const READ_PROPS =
    '/^(aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/';
  const text = `[value=${LETTER}]:not([value=/^\\s*Concordia\\s*$/])`;
  const prop = `JSXAttribute[name.name=${READ_PROPS}]`;
  const child = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer';
  // A string the page shows as it is: directly, or as a branch of a condition (message keys are arguments of t(), never these).
  const shown = (parent) => [
    `${parent} > Literal${text}`,
    `${parent} > :matches(ConditionalExpression, LogicalExpression) > Literal${text}`,
    `${parent} > TemplateLiteral > TemplateElement[value.raw=${LETTER}]`,
    `${parent} > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.raw=${LETTER}]`,
  ];
  // Outside JSX: a capitalised phrase of words in a string is a sentence for someone (console output aside).
  const PHRASE = "/^[A-Z\\u00C0-\\u00DE][A-Za-z\\u00C0-\\u024F'’-]*\\s+[A-Za-z\\u00C0-\\u024F]/";
  const notConsole = ':not(CallExpression[callee.object.name="console"] > *)';
  return [
    `Literal[value=${PHRASE}]${notConsole}`,
    `TemplateLiteral${notConsole} > TemplateElement[value.raw=${PHRASE}]`,
    `JSXText${text}`,
    `${prop} > Literal${text}`,
    ...shown(`${prop} > JSXExpressionContainer`),
    ...shown(child),
    ...shown('CallExpression[callee.property.name=/^(alert|confirm|prompt)$/]'),
  ].map((selector) => ({ selector, message }));
}
