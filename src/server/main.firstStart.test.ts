// The first start as an operator makes it, on days the demo's dates are hard on: real processes on
// fresh PGlite data dirs. Beside main.test.ts (the other commands), so that the two run side by side.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer, stopServer } from './cliTestkit.ts';

const root = path.resolve(import.meta.dirname, '../..');

// The demo derives its dates from today: the first start must work on any day. 除夕 2026, 国庆 2025,
// a year end, and 春节 2027, a year without official calendar data.
for (const day of ['2026-02-16', '2025-10-04', '2025-12-31', '2027-02-06']) {
  test(`first start on ${day} loads the whole demo`, { timeout: 300_000 }, async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-day-'));
    let server: ChildProcess | undefined;
    t.after(async () => {
      if (server) await stopServer(server);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const started = await startServer(root, {
      ...process.env,
      FAZHI_DATA_DIR: dir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      FAZHI_SWEEP_INTERVAL_MS: '0',
      DATABASE_URL: '',
      FAZHI_NOW: day,
    });
    server = started.process;
    assert.match(started.output(), new RegExp(`FAZHI_NOW=${day}`));
    assert.match(started.output(), /\bauditadmin\b/);
    const registry = await (await fetch(`${started.url}/gfxwj`)).text();
    for (const title of ['示范市科技创新券管理办法', '示范市科技计划项目管理办法'])
      assert.ok(registry.includes(title), title);
  });
}
