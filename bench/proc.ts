// Child processes for the benchmarks: servers and load generators run in their own processes so a
// client never steals the server's event loop. Shared by bench/worklist.ts and bench/registry.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A numeric setting from the environment (BENCH_*), or its default. */
export const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);

/** Starts `node --import tsx …args` and resolves once its output matches `readyPattern`. */
export function child(
  args: string[],
  extraEnv: Record<string, string>,
  readyPattern: RegExp,
  timeoutMs: number,
  nodeArgs: string[] = [],
): Promise<{ proc: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const e: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete e.NODE_OPTIONS;
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: e,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: not ready within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = readyPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, match: m, output: () => out });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before ready\n${out}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
export async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

/** CPU seconds (user+system) of a process so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return NaN;
  }
}

/** A scratch database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), created now; `drop` removes it. */
export async function scratchDatabase(name: string): Promise<{
  url: string;
  name: string;
  admin: (q: string) => Promise<{ rows: Record<string, unknown>[] }>;
  drop(): Promise<void>;
}> {
  const { default: pg } = await import('pg');
  const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database "${name}"`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    admin,
    drop: async () => void (await admin(`drop database if exists "${name}" with (force)`)),
  };
}
