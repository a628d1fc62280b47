import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addUser, createBaseApp, moveToDay, orgIdByName, signIn } from '../../server/testing.ts';
import { resolveSession } from '../auth/service.ts';
import { openCase } from '../cases/service.ts';
import { caseSteps } from '../cases/schema.ts';

// A year without its State Council notice (2027 here: chinese-days ends with 2026) observes the
// 全国年节及纪念日放假办法 until an administrator enters the notice.
let t: Awaited<ReturnType<typeof createBaseApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let sys: Session;

before(async () => {
  t = await createBaseApp(); // fixed clock: 2025-03-03
  await addUser(t.ctx, {
    username: 'calsys',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 'calstaff', password: 'Staff-pass-2025', roles: ['staff'] });
});
after(() => t.close());

const due = async (qs: string) => {
  const res = await t.app.inject({ url: `/api/calendar/due?${qs}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { due: string; provisional: boolean; explanation: string };
};

test('GET /api/calendar/due: 2027 keeps 元旦 and 春节 before its notice, and says so', async () => {
  const newYear = await due('from=2026-12-31&count=1&unit=workday');
  assert.deepEqual([newYear.due, newYear.provisional], ['2027-01-04', true]);
  assert.match(newYear.explanation, /已按《全国年节及纪念日放假办法》第二条计入元旦2027年1月1日/);
  const spring = await due('from=2027-02-01&count=20&unit=workday');
  assert.deepEqual([spring.due, spring.provisional], ['2027-03-05', true]);
  assert.match(spring.explanation, /跳过春节假期2月5日至2月10日/);
  assert.match(
    spring.explanation,
    /第二条计入春节2月5日至2月8日，并按第六条将适逢周末的节日暂补假于2月9日、2月10日；调休安排以国务院办公厅通知为准/,
  );
});

test('GET /api/calendar/days lists the assumed days of a year without its notice as statutory', async () => {
  sys = await signIn(t.app, 'calsys', 'Sys-pass-2025');
  const res = await t.app.inject({ url: '/api/calendar/days?year=2027', headers: sys.headers });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Array<{
    date: string;
    kind: string;
    name: string;
    source: string;
  }>;
  const spring = items
    .filter((d) => d.name === '春节')
    .map((d) => `${d.date.slice(5)}:${d.source}`);
  assert.deepEqual(
    spring,
    ['02-05', '02-06', '02-07', '02-08', '02-09', '02-10'].map((d) => `${d}:statutory`),
  );
  assert.ok(
    items.every((d) => d.kind === 'holiday' && d.source === 'statutory'),
    JSON.stringify(items),
  );
  assert.equal(items.length, 1 + 6 + 1 + 4 + 1 + 1 + 5); // 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆 with 补假
});

test('entering the 2027 notice replaces the assumption and moves an open deadline computed under it', async () => {
  await moveToDay(t, '2027-01-22');
  sys = await signIn(t.app, 'calsys', 'Sys-pass-2025');
  const staff = await signIn(t.app, 'calstaff', 'Staff-pass-2025');
  const actor = (await resolveSession(t.ctx, staff.cookie.split('=')[1])).actor;
  const c = await openCase(t.ctx, actor, {
    procedure: 'disclosureRequest',
    title: '春节前的申请',
    orgId: await orgIdByName(t.ctx, '高新技术科'),
    first: {
      action: 'receive',
      on: '2027-01-20',
      data: {
        channel: 'inPerson',
        applicantType: 'naturalPerson',
        applicantName: '孙某',
        content: '春节前提交的申请',
      },
    },
  });
  const answer = async () =>
    (await t.ctx.db.select().from(caseSteps).where(eq(caseSteps.caseId, c.id))).find(
      (s) => s.step === 'answer',
    )!;
  // 20 working days from 1-20, skipping 2-05…2-10 (春节 and its 补假): 2-23.
  const before = await answer();
  assert.deepEqual([before.dueDate, before.provisional], ['2027-02-23', true]);
  assert.match(before.explanation, /第二条计入春节2月5日至2月8日/);

  // The notice gives 2-05…2-12 off and Saturday 2-20 worked.
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/calendar/notices',
    headers: sys.headers,
    payload: {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
        { name: '春节', from: '2027-02-05', to: '2027-02-12' },
      ],
      makeUpWorkdays: [{ date: '2027-02-20', name: '春节调休' }],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().recomputed >= 1, res.body);
  const afterNotice = await answer();
  assert.deepEqual([afterNotice.dueDate, afterNotice.provisional], ['2027-02-24', false]);
  assert.doesNotMatch(afterNotice.explanation, /放假办法|暂定/);

  const spring = await due('from=2027-02-01&count=20&unit=workday');
  assert.deepEqual([spring.due, spring.provisional], ['2027-03-08', false]);
  const days = (
    await t.app.inject({ url: '/api/calendar/days?year=2027', headers: sys.headers })
  ).json().items as Array<{ source: string }>;
  assert.ok(days.length > 0 && days.every((d) => d.source === 'override'), JSON.stringify(days));
});
