// The 普法责任清单 on the shared engine: a tracked case with a deadline, overdue, completed once with
// evidence, its facts with their records; 我的待办 and the sweep's reminder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Session } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { sweepTasks } from '../../server/modules.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { useStudyTest, type StudyTest } from './testkit.ts';

const h = useStudyTest(() => ({ t, staff, other } = h));
const { ok, call, refused } = h.api;
const { facts } = h;
let t: StudyTest['t'];
let staff: Session, other: Session;

test('普法责任清单: a tracked case with a deadline; overdue; completed once with evidence', async () => {
  const a = await ok(staff, 'POST', '/api/study/duties', {
    year: 2025,
    title: '宣传解读《科学技术进步法》',
    owner: '政策法规科',
    dueOn: '2025-02-28',
    assignedOn: '2025-01-15',
  });
  const b = await ok(staff, 'POST', '/api/study/duties', {
    year: 2025,
    title: '宪法宣传周主题活动',
    owner: '办公室',
    dueOn: '2025-12-10',
    assignedOn: '2025-02-10',
  });
  await refused(
    staff,
    'POST',
    '/api/study/duties',
    { year: 2025, title: '期限错误', owner: '办公室', dueOn: '2023-12-10' },
    400,
    /完成期限应在2025年内/,
  );
  const [c] = await queryRows<{ procedure: string; status: string }>(
    t.ctx.db,
    sql`select c.procedure, c.status from cases c join pufa_duties d on d.case_id = c.id where d.id = ${b.id}`,
  );
  assert.deepEqual(c, { procedure: 'pufaDuty', status: 'open' });
  let { items } = await ok(staff, 'GET', '/api/study/duties?year=2025');
  assert.deepEqual(
    items.map((d: { overdue: boolean }) => d.overdue),
    [true, false],
  );
  await refused(
    staff,
    'POST',
    `/api/study/duties/${b.id}/complete`,
    { completedOn: '2025-03-02', evidence: '' },
    400,
    /完成佐证/,
  );
  await ok(staff, 'POST', `/api/study/duties/${b.id}/complete`, {
    completedOn: '2025-03-02',
    evidence: '活动方案及照片',
  });
  await refused(
    staff,
    'POST',
    `/api/study/duties/${b.id}/complete`,
    { completedOn: '2025-03-03', evidence: '再次办结' },
    409,
    /不能重复办结/,
  );
  assert.equal(
    (
      await call(other, 'POST', `/api/study/duties/${a.id}/complete`, {
        completedOn: '2025-03-02',
        evidence: '他部门的佐证材料',
      })
    ).statusCode,
    404,
  );
  ({ items } = await ok(staff, 'GET', '/api/study/duties?year=2025'));
  assert.equal(items[1].onTime, true);
  const f = await facts(2025);
  assert.equal(
    f.get('study.pufaDuties')!.sentence,
    '落实“谁执法谁普法”普法责任制，制定普法责任清单2项，已完成1项，其中逾期完成或逾期未完成1项。',
  );
  assert.equal(f.get('study.pufaDutiesLate')!.value, 1);
  // Each figure is the count of the records its link lists.
  for (const k of ['study.pufaDuties', 'study.pufaDutiesLate', 'study.trainings', 'study.exams']) {
    const r = f.get(k)!.records;
    assert.equal(
      (
        await ok(
          staff,
          'GET',
          `${r.path}?${new URLSearchParams(Object.entries(r.query).map(([a, b]) => [a, String(b)]))}`,
        )
      ).items.length,
      f.get(k)!.value,
      k,
    );
  }
});

test('an open 普法责任清单 item is in 我的待办 and the sweep reminds of it (the shared engine)', async () => {
  // Another department's list (综合科 of 示范市农业农村局), so that the first test's counts stay its own.
  const d = await ok(other, 'POST', '/api/study/duties', {
    year: 2025,
    title: '宣传解读《农业技术推广法》',
    owner: '综合科',
    dueOn: '2025-02-28',
    assignedOn: '2025-01-15',
  });
  const worklist = await ok(other, 'GET', '/api/worklist');
  assert.ok(
    worklist.items.some(
      (i: { stepLabel: string; overdue: boolean }) =>
        i.stepLabel === '落实普法责任清单事项' && i.overdue,
    ),
    JSON.stringify(worklist.items.map((i: { stepLabel: string }) => i.stepLabel)),
  );
  await runSweep(t.ctx, sweepTasks);
  const notes = await queryRows<{ kind: string }>(
    t.ctx.db,
    sql`select n.kind from notifications n join pufa_duties d on d.case_id = n.case_id where d.id = ${d.id}`,
  );
  assert.ok(
    notes.some((n) => n.kind === 'overdue'),
    JSON.stringify(notes),
  );
});
