// ESLint decides the boundaries between the parts of the code; Prettier (.prettierrc.json) the formatting.
// core/ and portal/ know no module; a module never reaches into the server; web screens stay in the web;
// a module reaches another module only through that module's index.ts; no import cycles anywhere.
import { readdirSync } from 'node:fs';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// One zone per pair of modules, generated from the folders: a module added tomorrow is fenced in too.
const MODULES = readdirSync(new URL('./src/modules', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const moduleZones = MODULES.flatMap((target) =>
  MODULES.filter((from) => from !== target).map((from) => ({
    target: `./src/modules/${target}`,
    from: `./src/modules/${from}`,
    except: ['./index.ts'],
    message: `another module is reached through its public surface only: import from '${from}/index.ts'.`,
  })),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.tmp/**', 'migrations/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    // Imports carry their extension (.ts/.tsx), so plain node resolution finds every file.
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: { 'no-debugger': 'error', 'no-control-regex': 'error' },
  },
  {
    // No cycles between files (tests included): type-only imports are erased and do not count.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/modules/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testkit.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: moduleZones }] },
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
