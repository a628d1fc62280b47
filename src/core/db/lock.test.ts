import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lockDataDir } from './lock.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-lock-'));

// A dead process's pid: spawn one and wait for it to end.
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

test('a second lock in a live process is refused; release lets the next one in', () => {
  const dir = tmpDir();
  const a = lockDataDir(dir);
  assert.throws(
    () => lockDataDir(dir),
    (e: Error & { code?: string }) =>
      e.code === 'DATA_DIR_LOCKED' && /已被另一个法治工作台进程/.test(e.message),
  );
  a.release();
  lockDataDir(dir).release();
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('a stale lock (dead pid) is taken over', async () => {
  const dir = tmpDir();
  fs.writeFileSync(
    path.join(dir, 'fazhi.lock'),
    JSON.stringify({ pid: await deadPid(), host: os.hostname(), token: 'old' }),
  );
  const lock = lockDataDir(dir);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'fazhi.lock'), 'utf8')).pid, process.pid);
  lock.release();
});

// Each child, per round: reads a dir, takes its lock at once (all children together), prints WON or
// LOST, and holds the lock until the parent says "release".
const CHILD = `
import readline from 'node:readline';
import { lockDataDir } from ${JSON.stringify(path.join(here, 'lock.ts'))};
let held = null;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'release') { held?.release(); held = null; console.log('RELEASED'); return; }
  const [dir, at] = line.split(' ');
  while (Date.now() < Number(at)); // all start at the same instant
  try { held = lockDataDir(dir); console.log('WON'); } catch (e) { console.log(e.code === 'DATA_DIR_LOCKED' ? 'LOST' : 'ERROR ' + e.message); }
});
console.log('READY');
`;

test(
  '8 simultaneous starters, 20 rounds (half on a stale lock): exactly one wins each round',
  { timeout: 120_000 },
  async () => {
    const script = path.join(tmpDir(), 'child.mts');
    fs.writeFileSync(script, CHILD);
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const lines = children.map(() => [] as string[]);
    const waiters = children.map(() => [] as Array<(l: string) => void>);
    children.forEach((c, i) => {
      let buf = '';
      c.stdout!.on('data', (d) => {
        buf += d;
        for (let n = buf.indexOf('\n'); n >= 0; n = buf.indexOf('\n')) {
          const line = buf.slice(0, n).trim();
          buf = buf.slice(n + 1);
          const w = waiters[i].shift();
          if (w) w(line);
          else lines[i].push(line);
        }
      });
    });
    const next = (i: number) =>
      lines[i].length
        ? Promise.resolve(lines[i].shift()!)
        : new Promise<string>((r) => waiters[i].push(r));
    const all = () => Promise.all(children.map((_, i) => next(i)));
    try {
      await all(); // READY
      const failures: string[] = [];
      for (let round = 0; round < 20; round++) {
        const dir = tmpDir();
        // Odd rounds start from a stale lock (the takeover path), even rounds from none (the create path).
        if (round % 2)
          fs.writeFileSync(
            path.join(dir, 'fazhi.lock'),
            JSON.stringify({ pid: await deadPid(), host: os.hostname(), token: `stale${round}` }),
          );
        const at = Date.now() + 150;
        for (const c of children) c.stdin!.write(`${dir} ${at}\n`);
        const results = await all();
        if (
          results.filter((r) => r === 'WON').length !== 1 ||
          results.some((r) => r !== 'WON' && r !== 'LOST')
        )
          failures.push(`round ${round}: ${results.join(',')}`);
        for (const c of children) c.stdin!.write('release\n');
        await all();
      }
      assert.deepEqual(failures, []);
    } finally {
      for (const c of children) c.kill();
    }
  },
);
