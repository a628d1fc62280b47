// 督办 through the staff API: assignment, progress, closure on time; an overdue task escalated by the sweep
// to the leaders' 我的待办 and notifications; deadline adjusted only by a leader; part (四) of the annual
// report imported as tasks in one step (once); scope; facts with their records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, moveToDay, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';

const PW = 'Supervise-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, leader: Session, other: Session, colleague: Session;
let orgId = '';

before(async () => {
  t = await createTestApp();
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(t.ctx, { username: 'ds', password: PW, roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'dl',
    password: PW,
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, { username: 'do', password: PW, roles: ['staff'], orgName: '综合科' });
  await addUser(t.ctx, { username: 'dc', password: PW, roles: ['staff'], orgName: '政策法规科' });
  [staff, leader, other, colleague] = await Promise.all(
    ['ds', 'dl', 'do', 'dc'].map((u) => signIn(t.app, u, PW)),
  );
  orgId = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select id from organisations where name = '高新技术科'`,
    )
  )[0].id;
});
after(() => t.close());

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });
const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};

/** A task of 高新技术科 through the API, assigned today (2025-03-03) with the given deadline. */
const task = async (title: string, dueOn: string) =>
  (await ok(staff, 'POST', '/api/supervision', {
    title,
    sourceKind: 'inspection',
    assignedBy: '市委巡察组',
    orgId,
    dueOn,
  })) as { task: { id: string } };

test('a task: assigned, progress reported, closed on time; a past deadline refused', async () => {
  const v = await ok(staff, 'POST', '/api/supervision', {
    title: '落实领导批示：清理过期规范性文件',
    sourceKind: 'instruction',
    assignedBy: '局长',
    orgId,
    dueOn: '2025-04-30',
  });
  assert.equal(v.state.openSteps[0].due.date, '2025-04-30');
  await ok(staff, 'POST', `/api/supervision/${v.task.id}/act`, {
    action: 'progress',
    on: '2025-03-03',
    percent: 50,
    text: '已完成清理初稿。',
  });
  const closed = await ok(staff, 'POST', `/api/supervision/${v.task.id}/act`, {
    action: 'close',
    on: '2025-03-03',
    result: '已完成清理并公布。',
  });
  assert.equal(closed.task.status, 'closed');
  const bad = await call(staff, 'POST', '/api/supervision', {
    title: '过期任务',
    sourceKind: 'superior',
    assignedBy: '市政府',
    orgId,
    dueOn: '2025-03-01',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /办结期限/);
  const l = await ok(staff, 'POST', '/api/supervision', {
    title: '整改巡察反馈问题：执法案卷不规范',
    sourceKind: 'inspection',
    assignedBy: '市委巡察组',
    orgId,
    dueOn: '2025-03-10',
  });
  const late = l.task.id;
  assert.equal(
    (await call(other, 'GET', `/api/supervision/${late}`)).statusCode,
    404,
    'another department',
  );
  assert.equal(
    (
      await call(colleague, 'POST', `/api/supervision/${late}/act`, {
        action: 'progress',
        on: '2025-03-03',
        percent: 10,
        text: '非责任科室',
      })
    ).statusCode,
    404,
  );
  assert.equal(
    (
      await call(staff, 'POST', `/api/supervision/${late}/act`, {
        action: 'adjustDue',
        on: '2025-03-03',
        dueOn: '2025-03-31',
        reason: '需延期',
      })
    ).statusCode,
    404,
    'only a leader adjusts the deadline',
  );
});

test('the task page offers the acts the engine allows and the policy gives the actor (issue 11 item 3)', async () => {
  const id = (await task('落实工作要点：修订执法裁量基准', '2025-04-30')).task.id;
  const view = async (s: Session) => ok(s, 'GET', `/api/supervision/${id}`);
  // Open: the responsible staff report and close; a leader also sets the deadline; a colleague of
  // another 科室 reads the task and does none of it.
  assert.deepEqual((await view(staff)).acts, { progress: true, adjustDue: false, close: true });
  assert.deepEqual((await view(leader)).acts, { progress: true, adjustDue: true, close: true });
  assert.deepEqual((await view(colleague)).acts, {
    progress: false,
    adjustDue: false,
    close: false,
  });
  const closed = await ok(staff, 'POST', `/api/supervision/${id}/act`, {
    action: 'close',
    on: '2025-03-03',
    result: '已修订并印发。',
  });
  assert.deepEqual(closed.acts, { progress: false, adjustDue: false, close: false });
  // Closed: the engine offers nothing, to the leader either.
  assert.deepEqual((await view(leader)).acts, { progress: false, adjustDue: false, close: false });
  assert.deepEqual((await view(leader)).blocked, []);
});

test('overdue: the sweep escalates the task to the leaders (我的待办 + notification), once', async (c) => {
  const late = (await task('整改巡察反馈问题：执法档案归档不及时', '2025-03-10')).task.id;
  await moveToDay(t, '2025-03-11');
  c.after(() => moveToDay(t, '2025-03-03'));
  const r1 = await runSweep(t.ctx, sweepTasks);
  assert.ok((r1.results.supervisionEscalated ?? 0) >= 1);
  const r2 = await runSweep(t.ctx, sweepTasks);
  assert.equal(r2.results.supervisionEscalated, 0, 'once');
  const [step] = await queryRows<{ roles: string[]; overdue: boolean }>(
    t.ctx.db,
    sql`select s.roles, s.overdue from case_steps s join supervised_tasks k on k.case_id = s.case_id where k.id = ${late} and s.step = 'escalated' and s.status = 'open'`,
  );
  assert.deepEqual(step.roles, ['leader']);
  const n = await ok(leader, 'GET', '/api/notifications');
  assert.ok(
    n.items.some((i: { message: string }) => /督办事项逾期未办结/.test(i.message)),
    JSON.stringify(n.items.slice(0, 3)),
  );
  const adj = await ok(leader, 'POST', `/api/supervision/${late}/act`, {
    action: 'adjustDue',
    on: '2025-03-11',
    dueOn: '2025-03-31',
    reason: '涉及多科室，经研究延期。',
  });
  assert.equal(adj.task.escalatedOn, null);
  assert.ok(
    !adj.state.openSteps.some((s: { step: string }) => s.step === 'escalated'),
    'back with the owner',
  );
});

test('part (四) of the annual report becomes tasks in one step, once', async () => {
  const year = 2024;
  const none = await call(staff, 'POST', '/api/supervision/import-plan', {
    year: 2019,
    orgId,
    dueOn: '2025-12-31',
    assignedBy: '局党组',
  });
  assert.equal(none.statusCode, 404);
  assert.match(none.json().error.message, /尚未生成2019年度/);
  const gen = await call(staff, 'POST', `/api/reports/${year}`);
  assert.ok([200, 409].includes(gen.statusCode), gen.body);
  const report = await ok(staff, 'GET', `/api/reports/${year}`);
  const doc = report.document;
  const plans = doc.parts.find((p: { code: string }) => p.code === 'plans');
  plans.blocks = [
    { id: 'plan-h', kind: 'h2', inlines: [{ t: 'text', text: '深入推进依法行政' }] },
    {
      id: 'plan-1',
      kind: 'p',
      inlines: [{ t: 'text', text: '全面推行行政规范性文件合法性审核机制。' }],
    },
    { id: 'plan-2', kind: 'p', inlines: [{ t: 'text', text: '开展行政执法案卷评查。' }] },
  ];
  await ok(staff, 'PUT', `/api/reports/${year}`, {
    baseVersionId: report.version.id,
    content: doc,
  });
  const first = await call(staff, 'POST', '/api/supervision/import-plan', {
    year,
    orgId,
    dueOn: '2025-12-31',
    assignedBy: '局党组',
  });
  assert.equal(first.statusCode, 200, first.body);
  const a = first.json();
  assert.equal(a.created, 2);
  const b = await ok(staff, 'POST', '/api/supervision/import-plan', {
    year,
    orgId,
    dueOn: '2025-12-31',
    assignedBy: '局党组',
  });
  assert.deepEqual(b, { created: 0, skipped: a.created });
  const list = await ok(staff, 'GET', '/api/supervision?status=open&pageSize=100');
  assert.ok(
    list.items.filter((i: { sourceKind: string }) => i.sourceKind === 'workPlan').length >=
      a.created,
  );
});

test('facts: closed on time, with its records', async () => {
  const closed = await task('落实领导批示：更新执法裁量基准', '2025-04-30');
  await ok(staff, 'POST', `/api/supervision/${closed.task.id}/act`, {
    action: 'close',
    on: '2025-03-03',
    result: '已更新并印发。',
  });
  const { facts } = await ok(staff, 'GET', '/api/supervision/facts?year=2025');
  const f = facts.find((x: { key: string }) => x.key === 'supervision.closedOnTime');
  const records = await ok(staff, 'GET', '/api/supervision?year=2025&fact=closedOnTime');
  assert.equal(records.total, f.value);
  assert.ok(f.value >= 1);
});
