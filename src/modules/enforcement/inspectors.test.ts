// The inspectors behind a draw: the demo registry's marks (expiring certificate, short training) and
// the sweep's 换证 reminder; too few inspectors refused in Chinese with the commitment kept, nothing
// drawn, and the draw cancelled with its reason.
// The app is the demo's (createTestApp in server/testing.ts, through ./testkit.ts); naming testing.ts
// here is what puts this file in the runner's PostgreSQL pass too (scripts/test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import { useEnforcementTest, type EnforcementTest, type Session } from './testkit.ts';

const e = useEnforcementTest(() => ({ t, staff, legal } = e));
const { ok, refused } = e;
let t: EnforcementTest['t'];
let staff: Session, legal: Session;

test('the demo registry: marks for expiring certificates and short training; the sweep opens a 换证 reminder', async () => {
  const r = await ok(legal, 'GET', '/api/enforcement/officers');
  const chen = r.items.find((o: { name: string }) => o.name === '陈静');
  assert.equal(chen.expiringSoon, true);
  const zhao = r.items.find((o: { name: string }) => o.name === '赵磊');
  assert.equal(zhao.eligible, false);
  assert.equal(r.items.find((o: { name: string }) => o.name === '张伟').trainingShort, true);
  await runSweep(t.ctx, sweepTasks);
  const [c] = await queryRows<{ title: string; status: string }>(
    t.ctx.db,
    sql`select title, status from cases where procedure = 'certificateRenewal'`,
  );
  assert.match(c.title, /陈静执法证.*即将到期/);
  const [step] = await queryRows<{ due: string }>(
    t.ctx.db,
    sql`select due_date::text as due from case_steps s join cases c on c.id = s.case_id where c.procedure = 'certificateRenewal' and s.status = 'open'`,
  );
  assert.equal(step.due, '2025-04-17', 'due on the expiry date (today + 45 days)');
});

test('too few inspectors: refused in Chinese, the commitment stays, nothing drawn', async () => {
  const { items } = await ok(staff, 'GET', '/api/enforcement/items');
  const key = items.find((i: { kind: string }) => i.kind === 'key');
  const p = await ok(staff, 'POST', '/api/enforcement/plans', {
    year: 2025,
    name: '人员不足的计划',
    itemIds: [key.id],
    ratio: 10,
    perTarget: 6,
    startOn: '2025-03-01',
    endOn: '2025-12-31',
  });
  await ok(legal, 'POST', `/api/enforcement/plans/${p.plan.id}/approve`, {});
  await ok(legal, 'POST', `/api/enforcement/plans/${p.plan.id}/publish`, {});
  const d = await ok(staff, 'POST', `/api/enforcement/plans/${p.plan.id}/draws`, {});
  await refused(
    staff,
    `/api/enforcement/draws/${d.draw.id}/execute`,
    {},
    409,
    /执法检查人员不足：名录库中持有效执法证的在岗人员只有5名，每个检查对象需要6名/,
  );
  assert.equal(
    (await ok(staff, 'GET', `/api/enforcement/draws/${d.draw.id}`)).draw.status,
    'committed',
  );
  await refused(
    legal,
    `/api/enforcement/draws/${d.draw.id}/cancel`,
    { reason: '短' },
    400,
    /作废理由/,
  );
  const cancelled = await ok(legal, 'POST', `/api/enforcement/draws/${d.draw.id}/cancel`, {
    reason: '每户人数设置有误，重新制定计划',
  });
  assert.equal(cancelled.draw.status, 'cancelled');
  assert.equal(cancelled.draw.cancelReason, '每户人数设置有误，重新制定计划');
  await refused(
    staff,
    `/api/enforcement/draws/${d.draw.id}/execute`,
    {},
    409,
    /已作废（每户人数设置有误/,
  );
  const list = await ok(staff, 'GET', '/api/enforcement/draws?year=2025');
  assert.ok(
    list.items.some(
      (x: { id: string; status: string }) => x.id === d.draw.id && x.status === 'cancelled',
    ),
    'a cancelled draw stays on the record',
  );
});
