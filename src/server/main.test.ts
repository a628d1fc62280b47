// The command line as an operator uses it: real processes on a real PGlite data dir. The file opens no
// test database, so it runs once, in the PGlite pass; main.postgres.test.ts starts on PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fazhiArgs, startServer, stopServer, type ServerProcess } from './cliTestkit.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-main-'));
// A fixed date (FAZHI_NOW): the one on which the demo used to fail (a comment window over 春节 2024).
const env = {
  ...process.env,
  FAZHI_DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  FAZHI_SWEEP_INTERVAL_MS: '0',
  DATABASE_URL: '',
  FAZHI_NOW: '2026-12-04',
};
const cli = (...args: string[]) =>
  spawnSync(process.execPath, fazhiArgs(...args), {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });

let server: ChildProcess | undefined;
/** Stops the server of the test (also after a failed assertion, so the next start finds its data dir free). */
async function stop(): Promise<number | null> {
  const s = server;
  server = undefined;
  return s ? stopServer(s) : null;
}
after(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function serve(extra: Record<string, string> = {}): Promise<ServerProcess> {
  const started = await startServer(root, { ...env, ...extra });
  server = started.process;
  return started;
}

test(
  'serve: first start creates the database, loads the demo and prints accounts and URLs',
  { timeout: 300_000 },
  async () => {
    const { url, output } = await serve();
    assert.match(output(), /员工工作台 Staff workbench: http:\/\/127\.0\.0\.1:\d+\/app\//);
    assert.match(output(), /公众门户 {3}Public portal:/);
    for (const u of ['staff', 'legal', 'leader', 'sysadmin', 'secadmin', 'auditadmin', 'oversight'])
      assert.match(output(), new RegExp(`\\b${u}\\b`));
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).database, 'pglite');

    // A second process on the same data dir is refused, in Chinese and English.
    const second = cli('migrate');
    assert.equal(second.status, 1);
    assert.match(second.stderr, /已被另一个法治工作台进程/);
    assert.match(second.stderr, /in use by another Fazhi process/);

    // SIGTERM: stop accepting, finish, close the database, release the lock, exit 0.
    assert.equal(await stop(), 0);
    assert.equal(fs.existsSync(path.join(dataDir, 'fazhi.lock')), false);
  },
);

test(
  'audit verify walks the chain and reports it intact; migrate is idempotent',
  { timeout: 120_000 },
  () => {
    const verify = cli('audit', 'verify');
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /审计链完整，共校验 \d+ 条事件/);
    const migrate = cli('migrate');
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /迁移已完成/);
  },
);

test(
  'access recovery: demo lists the accounts again, users reset-password issues a new password (administrators only with --administrator)',
  { timeout: 240_000 },
  async (t) => {
    const demo = cli('demo');
    assert.equal(demo.status, 0, demo.stderr);
    assert.match(demo.stdout, /演示数据已存在/);
    for (const u of ['staff', 'legal', 'sysadmin', 'auditadmin'])
      assert.match(demo.stdout, new RegExp(`\\b${u}\\b`));

    const refused = cli('users', 'reset-password', 'sysadmin');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /三员分立/);
    const reset = cli('users', 'reset-password', 'staff');
    assert.equal(reset.status, 0, reset.stderr);
    const password = reset.stdout.match(/new initial password: (\S+)/)![1];

    const { url, output } = await serve();
    t.after(stop);
    assert.match(
      output(),
      /npm run fazhi -- demo/,
      'a later start says how to list the demo accounts',
    );
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password }),
    });
    assert.equal(login.status, 200);
    assert.equal((await login.json()).user.mustChangePassword, true);
  },
);
