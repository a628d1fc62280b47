import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from './client.ts';

// Counts real fsync calls made by the process (PGlite's NODEFS → fs.fsyncSync).
let fsyncs = 0;
const original = fs.fsyncSync;
fs.fsyncSync = (fd: number) => {
  fsyncs++;
  return original(fd);
};
syncBuiltinESMExports();

async function commitsWith(relaxedDurability: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-durable-'));
  const database = await openDatabase({ dataDir: dir, relaxedDurability });
  try {
    const [{ fsync }] = await queryRows<{ fsync: string }>(database.db, sql`show fsync`);
    await database.db.execute(sql`create table t (x int)`);
    fsyncs = 0;
    await database.db.execute(sql`insert into t values (1)`);
    return { fsync, fsyncsPerCommit: fsyncs };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const skip = process.env.FAZHI_TEST_DB === 'postgres';

test(
  'PGlite on a data dir is durable by default: fsync on, each commit reaches the disk with fsync',
  { skip },
  async () => {
    const durable = await commitsWith(false);
    assert.equal(durable.fsync, 'on');
    assert.ok(durable.fsyncsPerCommit >= 1, `a commit made ${durable.fsyncsPerCommit} fsync calls`);
  },
);

test('relaxed durability (tests, FAZHI_PGLITE_RELAXED=1) skips fsync', { skip }, async () => {
  const relaxed = await commitsWith(true);
  assert.equal(relaxed.fsync, 'off');
  assert.equal(relaxed.fsyncsPerCommit, 0);
});
