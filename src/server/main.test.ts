// The command line as an operator uses it: real processes on a real PGlite data dir.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fazhiArgs } from './cliTestkit.ts';
import { scratchPostgres, testDbKind } from './testing.ts';

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
/** SIGTERM and wait for the exit (also after a failed assertion, so the next start finds its data dir free). */
async function stopServer(): Promise<number | null> {
  if (!server) return null;
  const s = server;
  server = undefined;
  if (s.exitCode !== null) return s.exitCode;
  const exited = new Promise<number | null>((resolve) => s.once('exit', (code) => resolve(code)));
  s.kill('SIGTERM');
  return exited;
}
after(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer(
  extra: Record<string, string> = {},
): Promise<{ url: string; output: () => string }> {
  server = spawn(process.execPath, fazhiArgs('serve'), {
    cwd: root,
    env: { ...env, ...extra },
  });
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

test(
  'serve: first start creates the database, loads the demo and prints accounts and URLs',
  { timeout: 180_000 },
  async () => {
    const { url, output } = await startServer();
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
    const exited = new Promise<number | null>((resolve) =>
      server!.once('exit', (code) => resolve(code)),
    );
    server!.kill('SIGTERM');
    assert.equal(await exited, 0);
    server = undefined;
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

    const { url, output } = await startServer();
    t.after(stopServer);
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

// The demo derives its dates from today: the first start must work on any day. 除夕 2026, 国庆 2025,
// a year end, and 春节 2027, a year without official calendar data.
for (const day of ['2026-02-16', '2025-10-04', '2025-12-31', '2027-02-06']) {
  test(`first start on ${day} loads the whole demo`, { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-day-'));
    try {
      const { url, output } = await startServer({ FAZHI_DATA_DIR: dir, FAZHI_NOW: day });
      assert.match(output(), new RegExp(`FAZHI_NOW=${day}`));
      assert.match(output(), /\bauditadmin\b/);
      const registry = await (await fetch(`${url}/gfxwj`)).text();
      for (const title of ['示范市科技创新券管理办法', '示范市科技计划项目管理办法'])
        assert.ok(registry.includes(title), title);
    } finally {
      await stopServer();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

// The PostgreSQL pass: the same first start on a scratch PostgreSQL database.
if (testDbKind() === 'postgres')
  test(
    'first start on PostgreSQL with FAZHI_DEMO=1 loads the demo (on 2026-12-04)',
    { timeout: 180_000 },
    async () => {
      const scratch = await scratchPostgres();
      try {
        const { url, output } = await startServer({ DATABASE_URL: scratch.url, FAZHI_DEMO: '1' });
        assert.match(output(), /\bstaff\b/);
        assert.equal((await (await fetch(`${url}/healthz`)).json()).database, 'postgres');
      } finally {
        await stopServer();
        await scratch.drop();
      }
    },
  );
