// The command line as an operator uses it: real processes on a real PGlite data dir.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-main-'));
const env = { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', FAZHI_SWEEP_INTERVAL_MS: '0', DATABASE_URL: '' };
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });

let server: ChildProcess | undefined;
after(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ url: string; output: () => string }> {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], { cwd: root, env });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/FAZHI_READY (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output: () => out });
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

test('serve: first start creates the database, loads the demo and prints accounts and URLs', { timeout: 180_000 }, async () => {
  const { url, output } = await startServer();
  assert.match(output(), /员工工作台 Staff workbench: http:\/\/127\.0\.0\.1:\d+\/app\//);
  assert.match(output(), /公众门户 {3}Public portal:/);
  for (const u of ['staff', 'legal', 'leader', 'sysadmin', 'secadmin', 'auditadmin', 'oversight']) assert.match(output(), new RegExp(`\\b${u}\\b`));
  const health = await fetch(`${url}/healthz`);
  assert.equal(health.status, 200);
  assert.equal((await health.json()).database, 'pglite');

  // A second process on the same data dir is refused, in Chinese and English.
  const second = cli('migrate');
  assert.equal(second.status, 1);
  assert.match(second.stderr, /已被另一个法治工作台进程/);
  assert.match(second.stderr, /in use by another Fazhi process/);

  // SIGTERM: stop accepting, finish, close the database, release the lock, exit 0.
  const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
  server!.kill('SIGTERM');
  assert.equal(await exited, 0);
  server = undefined;
  assert.equal(fs.existsSync(path.join(dataDir, 'fazhi.lock')), false);
});

test('audit verify walks the chain and reports it intact; migrate is idempotent', { timeout: 120_000 }, () => {
  const verify = cli('audit', 'verify');
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /审计链完整，共校验 \d+ 条事件/);
  const migrate = cli('migrate');
  assert.equal(migrate.status, 0, migrate.stderr);
  assert.match(migrate.stdout, /迁移已完成/);
});
