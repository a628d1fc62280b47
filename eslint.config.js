// ESLint decides the boundaries between the parts of the code; Prettier (.prettierrc.json) the formatting.
// core/ and portal/ know no module; a module never reaches into the server; web screens stay in the web.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.tmp/**', 'migrations/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { 'no-debugger': 'error', 'no-control-regex': 'error' },
  },
  {
    files: ['src/core/**/*.{ts,tsx}', 'src/portal/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict([
      {
        group: ['**/modules/**', '**/server/**', '**/web/**'],
        message:
          'core and the portal know no module: modules plug in through their manifest (src/core/module.ts).',
      },
    ]),
  },
  {
    files: ['src/modules/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testkit.ts'],
    rules: restrict([
      {
        group: ['**/server/**', '**/web/**'],
        message: 'a module is wired by the server, never the other way round.',
      },
    ]),
  },
  {
    // The workbench shares the server's types (erased at build time) and two pure, dependency-free files
    // (the report's block model, the disclosure outcome codes), no other code: it talks over the API.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+(core|server|portal)/|^(\\.\\./)+modules/(?!reports/document\\.ts$|disclosure/outcomes\\.ts$)',
              allowTypeImports: true,
              message:
                'the workbench talks to the server over its API only (type imports are fine).',
            },
          ],
        },
      ],
      // One date picker (issue 13 item 16): lib/DateField.tsx, never the browser's own.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='type'][value.value='date']",
          message:
            'use DateField from src/web/lib/DateField.tsx (the one date picker of the workbench).',
        },
      ],
    },
  },
);
