// 年度行政执法统计 (国办发〔2018〕118号): from 1月1日 a step due 1月31日 in the legal office's 我的待办;
// published once, after the year has ended, with the figures of the records, frozen and on the portal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';

const PW = 'Statistics-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let legal: Awaited<ReturnType<typeof signIn>>;
let staff: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, {
    username: 'ts-legal',
    password: PW,
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, { username: 'ts-staff', password: PW, roles: ['staff'] });
  [legal, staff] = [await signIn(t.app, 'ts-legal', PW), await signIn(t.app, 'ts-staff', PW)];
});
after(() => t.close());

const call = (s: { headers: Record<string, string> }, method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: s.headers, ...(method === 'POST' ? { payload: {} } : {}) });

test("from 1月1日 the year's publication is a step due 1月31日; published once with the records' figures, then on /zftj", async () => {
  await moveToDay(t, '2026-01-05');
  await runSweep(t.ctx, sweepTasks);
  await runSweep(t.ctx, sweepTasks);
  const cases = await queryRows<{ title: string; due: string }>(
    t.ctx.db,
    sql`select c.title, s.due_date::text as due from cases c join case_steps s on s.case_id = c.id and s.status = 'open' where c.procedure = 'enforcementStatistics'`,
  );
  assert.deepEqual(
    cases,
    [{ title: '2025年度行政执法统计公开', due: '2026-01-31' }],
    'one case per year, however often the sweep runs',
  );
  const worklist = (await call(legal, 'GET', '/api/worklist')).json();
  assert.ok(
    JSON.stringify(worklist).includes('公开上年度行政执法统计'),
    "in the legal office's 我的待办",
  );

  const view = (await call(legal, 'GET', '/api/penalties/statistics/2025')).json();
  assert.equal(view.publishedOn, null);
  assert.equal(view.mayPublish, true);
  const officers = view.figures.find((f: { key: string }) => f.key === 'enforcement.officers');
  const facts = (await call(legal, 'GET', '/api/enforcement/facts?year=2025')).json();
  assert.equal(
    officers.value,
    facts.facts.find((f: { key: string }) => f.key === 'enforcement.officers').value,
    'the same figure as the annual report',
  );
  assert.ok(
    view.figures.some((f: { key: string }) => f.key.startsWith('penalties.')),
    'penalty figures too',
  );

  assert.equal(
    (await call(staff, 'POST', '/api/penalties/statistics/2025/publish')).statusCode,
    403,
    'a 科室 cannot publish',
  );
  const thisYear = await call(legal, 'POST', '/api/penalties/statistics/2026/publish');
  assert.equal(thisYear.statusCode, 400);
  assert.match(thisYear.json().error.message, /2026年度尚未结束/);

  const published = await call(legal, 'POST', '/api/penalties/statistics/2025/publish');
  assert.equal(published.statusCode, 200, published.body);
  assert.deepEqual(published.json(), { year: 2025, publishedOn: '2026-01-05', late: false });
  const again = await call(legal, 'POST', '/api/penalties/statistics/2025/publish');
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error.message, /已于2026-01-05公开/);
  const [step] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from case_steps s join cases c on c.id = s.case_id where c.procedure = 'enforcementStatistics' and s.status = 'open'`,
  );
  assert.equal(step.n, 0, 'the step is done');

  const list = await t.app.inject({ url: '/zftj' });
  assert.match(list.body, /2025年度行政执法统计/);
  const year = await t.app.inject({ url: '/zftj/2025' });
  assert.equal(year.statusCode, 200);
  assert.ok(year.body.includes(officers.label));
  assert.equal((await t.app.inject({ url: '/zftj/2024' })).statusCode, 404, 'not published');
});
