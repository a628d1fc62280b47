import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { boot } from '../../server/boot.ts';
import { systemClock } from '../clock.ts';
import { appendAudit } from '../audit/chain.ts';
import { lockDataDir } from './lock.ts';
import { fazhiArgs } from '../../server/cliTestkit.ts';

/** `npm run fazhi -- …` on a data dir, without a DATABASE_URL. */
function fazhi(dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, fazhiArgs(...args), {
    encoding: 'utf8',
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', FAZHI_DEMO: '0' },
    timeout: 120_000,
  });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

test(
  'backup (offline) → restore into another dir → audit verify passes; refusals are explained',
  { skip: process.env.FAZHI_TEST_DB === 'postgres', timeout: 300_000 },
  async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
    const source = path.join(root, 'source');
    const target = path.join(root, 'target');
    const file = path.join(root, 'fazhi.backup.tar.gz');

    const ctx = await boot({ dataDir: source, clock: systemClock });
    for (let i = 0; i < 5; i++) {
      await ctx.db.transaction((tx) =>
        appendAudit(
          tx,
          { actorId: null, orgId: null, action: 'test.backup', entityType: 'test', payload: { i } },
          new Date(),
        ).then(() => undefined),
      );
    }
    await ctx.database.close();

    // A running server holds the lock: the backup is refused, nothing written.
    const held = lockDataDir(source);
    const refused = fazhi(source, 'backup', file);
    held.release();
    assert.equal(refused.status, 1, refused.out);
    assert.match(refused.out, /占用/);
    assert.equal(fs.existsSync(file), false);

    const backup = fazhi(source, 'backup', file);
    assert.equal(backup.status, 0, backup.out);
    assert.ok(fs.statSync(file).size > 0);

    const restore = fazhi(target, 'restore', file);
    assert.equal(restore.status, 0, restore.out);
    const verify = fazhi(target, 'audit', 'verify');
    assert.equal(verify.status, 0, verify.out);
    assert.match(verify.out, /审计链完整，共校验 5 条事件/);

    // An existing database is never overwritten silently; --replace keeps the old one aside.
    const again = fazhi(target, 'restore', file);
    assert.equal(again.status, 1, again.out);
    assert.match(again.out, /--replace/);
    const replaced = fazhi(target, 'restore', file, '--replace');
    assert.equal(replaced.status, 0, replaced.out);
    assert.ok(fs.readdirSync(target).some((f) => f.startsWith('pgdata.before-restore-')));
    assert.match(fazhi(target, 'audit', 'verify').out, /共校验 5 条事件/);

    // A file that is not a backup: refused, the data dir untouched.
    fs.writeFileSync(path.join(root, 'junk'), 'not a backup');
    const junk = fazhi(target, 'restore', path.join(root, 'junk'), '--replace');
    assert.equal(junk.status, 1, junk.out);
    assert.match(junk.out, /无法读取/);
    assert.match(fazhi(target, 'audit', 'verify').out, /共校验 5 条事件/);
    fs.rmSync(root, { recursive: true, force: true });
  },
);
