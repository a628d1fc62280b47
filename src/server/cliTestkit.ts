import { spawn, type ChildProcess } from 'node:child_process';
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

export interface ServerProcess {
  process: ChildProcess;
  url: string;
  output(): string;
}

/**
 * `fazhi serve` as a real process: resolves once it prints FAZHI_READY (its URL). A first start on a
 * loaded two-core machine (initdb, migrations, the demo with history) has taken over two minutes.
 */
export function startServer(cwd: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, fazhiArgs('serve'), { cwd, env });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready:\n${out}`));
    }, 240_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/FAZHI_READY (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ process: child, url: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

/** SIGTERM and wait for the exit (the exit code, null when killed by a signal). */
export async function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.kill('SIGTERM');
  return exited;
}
