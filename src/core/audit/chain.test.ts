import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../server/testing.ts';
import { appendAudit, verifyChain } from './chain.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from './canonical.ts';

let t: TestContext;
const appendOnly = (e: unknown) =>
  /append-only/.test(String((e as { cause?: unknown }).cause ?? e));
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

test('canonical JSON sorts keys and drops undefined, so re-read jsonb hashes the same', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } }),
    '{"a":{"d":[1,"x"]},"b":1}',
  );
  const content = {
    seq: 1,
    at: '2025-01-01T00:00:00.000Z',
    actorId: null,
    orgId: null,
    action: 'a',
    entityType: 'e',
    entityId: null,
    payload: {},
  };
  assert.equal(chainHash(GENESIS_HASH, content).length, 64);
  assert.notEqual(
    chainHash(GENESIS_HASH, content),
    chainHash(GENESIS_HASH, { ...content, action: 'b' }),
  );
});

test('appended events form an intact SM3 chain; tampering names the first broken link', async () => {
  const { ctx } = t;
  const now = ctx.clock.now();
  for (let i = 1; i <= 5; i++) {
    await ctx.db.transaction((tx) =>
      appendAudit(
        tx,
        {
          actorId: null,
          orgId: null,
          action: 'test.event',
          entityType: 'test',
          entityId: String(i),
          payload: { i, 名称: '测试', nested: { z: 1, a: [true, null] } },
        },
        now,
      ),
    );
  }
  const ok = await verifyChain(ctx.db, 2);
  assert.equal(ok.intact, true);
  assert.equal(ok.checked, 5);

  // Nothing updates or deletes events: the append-only trigger refuses.
  await assert.rejects(
    ctx.db.execute(sql`update audit_events set action = 'x' where seq = 3`),
    appendOnly,
  );
  await assert.rejects(ctx.db.execute(sql`delete from audit_events where seq = 3`), appendOnly);

  // An attacker with the table owner's rights disables the trigger and edits event 3.
  await ctx.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  await ctx.db.execute(sql`update audit_events set payload = '{"i": 99}'::jsonb where seq = 3`);
  await ctx.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  const broken = await verifyChain(ctx.db, 2);
  assert.equal(broken.intact, false);
  assert.equal(broken.brokenAt, 3);
  assert.match(broken.message, /第 3 条/);
});

test('a rolled-back transaction leaves no audit event behind', async () => {
  const { ctx } = t;
  const before = (await verifyChain(ctx.db)).checked;
  await assert.rejects(
    ctx.db.transaction(async (tx) => {
      await appendAudit(
        tx,
        { actorId: null, orgId: null, action: 'test.rollback', entityType: 'test' },
        ctx.clock.now(),
      );
      throw new Error('crash after the event');
    }),
  );
  assert.equal((await verifyChain(ctx.db)).checked, before);
});
