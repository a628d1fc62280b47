// The 放假通知 form is declared once (forms.ts, issue 11 item 2): GET /api/calendar/forms serves it with
// its rows, POST /api/calendar/notices refuses a body by its labels, a row's problem named by its row,
// and the rows' bounds hold; nothing is entered when it refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { CALENDAR_FORMS, DUE_FORMS } from './forms.ts';

const PW = 'Calendar-forms-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let sys: Awaited<ReturnType<typeof signIn>>;
let staff: Awaited<ReturnType<typeof signIn>>;
const api = testApi(() => t, ['calendar_years', 'calendar_days', 'audit_events']);
const URL = '/api/calendar/notices';
const notice = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  makeUpWorkdays: [],
};

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, {
    username: 'calsys',
    password: PW,
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 'calstaff', password: PW, roles: ['staff'] });
  sys = await signIn(t.app, 'calsys', PW);
  staff = await signIn(t.app, 'calstaff', PW);
});
after(() => t.close());

test('放假通知: served as declared with its rows; the route refuses by its labels', async () => {
  const served = await api.ok(sys, 'GET', '/api/calendar/forms');
  assert.deepEqual(Object.keys(served), Object.keys(CALENDAR_FORMS));
  await formsContract({
    ...api,
    as: sys,
    served,
    declared: CALENDAR_FORMS,
    routes: { notice: { url: URL, body: { year: 2027 } } },
  });
  const [, holidays, workdays] = served.notice;
  assert.deepEqual(
    [holidays.type, holidays.minItems, holidays.maxItems, holidays.rowLabel],
    ['list', 1, 20, '第{n}项'],
  );
  assert.deepEqual(
    holidays.rows.map((r: { label: string }) => r.label),
    ['名称', '放假起止日期'],
  );
  assert.deepEqual(
    holidays.rows[1].ends.map((e: { name: string; label: string }) => [e.name, e.label]),
    [
      ['from', '开始日期'],
      ['to', '结束日期'],
    ],
  );
  assert.equal(workdays.removeLabel, '删除第{n}个调休上班日');
  assert.equal((await api.call(staff, 'GET', '/api/calendar/forms')).statusCode, 403);
});

test('放假通知: a row is named by its number; the rows are bounded', async () => {
  await api.refused(
    sys,
    'POST',
    URL,
    { ...notice, holidays: [...notice.holidays, { name: '春节', from: '2027-02-05' }] },
    400,
    /^放假安排第2行：结束日期：必填$/,
  );
  await api.refused(
    sys,
    'POST',
    URL,
    { ...notice, makeUpWorkdays: [{ date: '2027-02-20', name: '调'.repeat(21) }] },
    400,
    /^调休上班日第1行：说明：/,
  );
  await api.refused(sys, 'POST', URL, { ...notice, holidays: [] }, 400, /^放假安排：/);
  const many = Array.from({ length: 21 }, () => notice.holidays[0]);
  await api.refused(sys, 'POST', URL, { ...notice, holidays: many }, 400, /^放假安排：最多20项$/);
  const res = await api.ok(sys, 'POST', URL, notice);
  assert.equal(typeof res.recomputed, 'number');
});

test('放假通知: a 调休上班日 left without 说明 is called 调休上班; the 名称 shows its example', async () => {
  const served = await api.ok(sys, 'GET', '/api/calendar/forms');
  const [, holidays, workdays] = served.notice;
  assert.equal(holidays.rows[0].placeholder, '如：春节');
  assert.deepEqual(
    workdays.rows.map((r: { label: string; required: boolean }) => [r.label, r.required]),
    [
      ['日期', true],
      ['说明', false],
    ],
  );
  await api.ok(sys, 'POST', URL, { ...notice, makeUpWorkdays: [{ date: '2027-02-20' }] });
  const days = await api.ok(sys, 'GET', '/api/calendar/days?year=2027');
  const items: Array<{ date: string; name: string }> = days.items ?? days;
  assert.equal(items.find((d) => d.date === '2027-02-20')?.name, '调休上班');
});

test('期限试算: served to every signed-in account as declared; the query refuses by its labels', async () => {
  const served = await api.ok(staff, 'GET', '/api/calendar/due/forms');
  assert.deepEqual(Object.keys(served), Object.keys(DUE_FORMS));
  await formsContract({
    ...api,
    as: staff,
    served,
    declared: DUE_FORMS,
    routes: { due: { url: '/api/calendar/due?count=20&unit=workday', method: 'GET' } },
  });
  assert.deepEqual(
    served.due.map((f: { type: string; min?: number; max?: number }) => [f.type, f.min, f.max]),
    [
      ['date', undefined, undefined],
      ['number', 1, 3650],
      ['select', undefined, undefined],
    ],
  );
  assert.equal(served.due[0].help, '事件发生之日，期限自次日起算');
  assert.deepEqual(served.due[2].options, [
    { value: 'workday', label: '工作日' },
    { value: 'day', label: '日' },
  ]);
  assert.equal((await t.app.inject({ url: '/api/calendar/due/forms' })).statusCode, 401);
  // The query (public) names its parameters by the form's labels; the count is whole days from 0.
  const due = (qs: string) => t.app.inject({ url: `/api/calendar/due?${qs}` });
  for (const [qs, label] of [
    ['from=2025-09-25&count=1.5&unit=workday', '期限'],
    ['from=2025-09-25&count=3651&unit=workday', '期限'],
    ['from=2025-09-25&count=20&unit=week', '单位'],
    ['from=2025-9-25&count=20&unit=day', '起算日期'],
  ]) {
    const res = await due(qs);
    assert.equal(res.statusCode, 400, qs);
    assert.match(res.json().error.message, new RegExp(`${label}：`), qs);
  }
  const zero = await due('from=2025-09-25&count=0&unit=day');
  assert.equal(zero.statusCode, 200, zero.body);
  const ok = await due('from=2025-09-25&count=20&unit=workday');
  assert.equal(ok.json().due, '2025-10-29');
});
