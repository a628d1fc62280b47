/**
 * Deadlines on the calendar: a year without official data is provisional until the State Council's
 * notice is entered (then every open case is recomputed and audited), the public due-date calculator,
 * and the health check.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';
import { queryRows } from '../db/client.ts';
import { openCase } from './service.ts';
import { resolveSession } from '../auth/service.ts';
import { caseSteps } from './schema.ts';

let t: Awaited<ReturnType<typeof createBaseApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, sys: Session;

before(async () => {
  t = await createBaseApp(); // today: 2025-03-03 (Monday)
  await addUser(t.ctx, { username: 'staff2', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'sys2',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
});
after(() => t.close());

test('a deadline in a year without official data is provisional until the notice is entered, then recomputed', async () => {
  // 元旦 is assumed in a provisional year (全国年节及纪念日放假办法 Art 2); the notice's 春节 (2-6…2-13)
  // differs from the assumed one (2-5…2-10 with 补假), so a clock over 春节 moves.
  t.clock.set('2027-01-11T02:00:00.000Z');
  const orgId = await orgIdByName(t.ctx, '高新技术科');
  // A month later: sign in again (the old sessions have timed out).
  sys = await signIn(t.app, 'sys2', 'Sys-pass-2025');
  staff = await signIn(t.app, 'staff2', 'Staff-pass-2025');
  const actor = (await resolveSession(t.ctx, staff.cookie.split('=')[1])).actor;
  const c = await openCase(t.ctx, actor, {
    procedure: 'disclosureRequest',
    title: '年初申请',
    orgId,
    first: {
      action: 'receive',
      on: '2027-01-08',
      data: {
        channel: 'inPerson',
        applicantType: 'naturalPerson',
        applicantName: '钱某',
        content: '2027年初的申请',
      },
    },
  });
  const stepOf = async () =>
    (await t.ctx.db.select().from(caseSteps).where(eq(caseSteps.caseId, c.id))).find(
      (s) => s.step === 'answer',
    )!;
  const before = await stepOf();
  assert.equal(before.provisional, true);
  assert.match(before.explanation, /2027年节假日安排尚未公布/);

  const res = await t.app.inject({
    method: 'POST',
    url: '/api/calendar/notices',
    headers: sys.headers,
    payload: {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-06', to: '2027-02-13' },
      ],
      makeUpWorkdays: [{ date: '2027-02-20', name: '春节调休' }],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().recomputed >= 1);
  const after = await stepOf();
  assert.equal(after.provisional, false);
  assert.equal(before.dueDate, '2027-02-11');
  assert.equal(after.dueDate, '2027-02-05');
  const audit = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events where action = 'case.deadlinesRecomputed' and entity_id = ${c.id}`,
  );
  assert.equal(audit[0].n, 1);
  // Only the system administrator enters notices; make-up days must be weekends.
  const byStaff = await t.app.inject({
    method: 'POST',
    url: '/api/calendar/notices',
    headers: staff.headers,
    payload: {
      year: 2028,
      title: '国务院办公厅通知',
      holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-01' }],
      makeUpWorkdays: [],
    },
  });
  assert.equal(byStaff.statusCode, 403);
  const weekday = await t.app.inject({
    method: 'POST',
    url: '/api/calendar/notices',
    headers: sys.headers,
    payload: {
      year: 2028,
      title: '国务院办公厅通知',
      holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-01' }],
      makeUpWorkdays: [{ date: '2028-01-05', name: '调休' }],
    },
  });
  assert.equal(weekday.statusCode, 400);
  assert.match(weekday.json().error.message, /不是周六或周日/);
});

test('GET /api/calendar/due: public, explained, and 400 naming the parameter', async () => {
  const ok = await t.app.inject({ url: '/api/calendar/due?from=2025-09-25&count=20&unit=workday' });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().due, '2025-10-29');
  assert.equal(ok.json().provisional, false);
  const bad = await t.app.inject({ url: '/api/calendar/due?from=2025-09-25&count=20&unit=week' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'unit');
  const roll = await t.app.inject({
    url: '/api/calendar/due?from=2025-09-25&count=20&unit=day&rollForward=yes',
  });
  assert.equal(roll.statusCode, 400);
  assert.match(roll.json().error.message, /期限末日为法定休假日时顺延/);
});

test('GET /healthz answers 200 with the database reachable', async () => {
  const res = await t.app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'ok');
});
