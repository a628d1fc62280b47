import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createDemoContext, testDbKind, type TestContext } from '../../server/testing.ts';
import { queryRows } from '../db/client.ts';
import { runSweep, SWEEP_LOCK } from './sweep.ts';

let t: TestContext;
before(async () => {
  t = await createDemoContext();
});
after(() => t.close());

const notifications = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from notifications`))[0]
    .n;

test('concurrent sweeps (several instances) notify each user once per step and due date', async () => {
  const results = await Promise.all([runSweep(t.ctx), runSweep(t.ctx), runSweep(t.ctx)]);
  assert.ok(results.some((r) => r.ran));
  const n = await notifications();
  assert.ok(n > 0);
  await Promise.all([runSweep(t.ctx), runSweep(t.ctx)]);
  assert.equal(await notifications(), n);
});

test('a sweep finding another instance mid-sweep skips instead of waiting', async () => {
  if (testDbKind() !== 'postgres') {
    // PGlite is one connection in one process: there is no second instance to contend with.
    const r = await runSweep(t.ctx);
    assert.equal(r.ran, true);
    return;
  }
  // Another instance holds the sweep lock in its transaction (another pooled connection).
  await t.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SWEEP_LOCK})`);
    const r = await runSweep(t.ctx);
    assert.equal(r.ran, false);
  });
  assert.equal((await runSweep(t.ctx)).ran, true);
});
