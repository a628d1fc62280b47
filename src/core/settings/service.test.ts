import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestContext } from '../../server/testing.ts';
import { fileSettings } from '../files/service.ts';
import { getSetting, putSetting } from './service.ts';

const KB8 = { maxBytes: 8 * 1024 };

test('a setting cached from one database is not read from the next one the process opens', async () => {
  const a = await createTestContext();
  const now = a.clock.now();
  await putSetting(a.ctx.db, fileSettings, KB8, now);
  assert.deepEqual(await getSetting(a.ctx.db, fileSettings, now.getTime()), KB8);
  await a.close();
  const b = await createTestContext();
  try {
    const read = await getSetting(b.ctx.db, fileSettings, b.clock.now().getTime());
    assert.deepEqual(read, fileSettings.defaults);
  } finally {
    await b.close();
  }
});

test('a value cached at a later time is read again when the clock is earlier', async () => {
  const t = await createTestContext();
  try {
    const at = t.clock.now().getTime();
    await putSetting(t.ctx.db, fileSettings, KB8, t.clock.now());
    assert.deepEqual(await getSetting(t.ctx.db, fileSettings, at), KB8);
    // Changed behind the cache's back (another instance).
    await t.ctx.db.execute(sql`delete from settings where key = ${fileSettings.key}`);
    const earlier = await getSetting(t.ctx.db, fileSettings, at - 60_000);
    assert.deepEqual(earlier, fileSettings.defaults);
  } finally {
    await t.close();
  }
});
