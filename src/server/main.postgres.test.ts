// The PostgreSQL pass: the first start on a scratch PostgreSQL database (main.test.ts starts on PGlite
// data dirs, once, in the PGlite pass).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer, stopServer } from './cliTestkit.ts';
import { scratchPostgres, testDbKind } from './testing.ts';

const root = path.resolve(import.meta.dirname, '../..');

if (testDbKind() === 'postgres')
  test(
    'first start on PostgreSQL with FAZHI_DEMO=1 loads the demo (on 2026-12-04)',
    { timeout: 180_000 },
    async () => {
      const scratch = await scratchPostgres();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-main-pg-'));
      try {
        const server = await startServer(root, {
          ...process.env,
          FAZHI_DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'warn',
          FAZHI_SWEEP_INTERVAL_MS: '0',
          FAZHI_NOW: '2026-12-04',
          DATABASE_URL: scratch.url,
          FAZHI_DEMO: '1',
        });
        try {
          assert.match(server.output(), /\bstaff\b/);
          const health = await (await fetch(`${server.url}/healthz`)).json();
          assert.equal(health.database, 'postgres');
        } finally {
          await stopServer(server.process);
        }
      } finally {
        await scratch.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
