import path from 'node:path';

/**
 * The node arguments that run the command line (`npm run fazhi -- …args`): the compiled main.js beside
 * this file when the tests run compiled (scripts/compile-tests.mjs), which spares each process tsx's
 * transform of the server's modules; main.ts through tsx otherwise.
 */
export const fazhiArgs = (...args: string[]): string[] =>
  import.meta.filename.endsWith('.js')
    ? [path.join(import.meta.dirname, 'main.js'), ...args]
    : ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts'), ...args];
