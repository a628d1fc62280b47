// 学法普法 through the staff API: the plan, trainings counted per person, exams with 参考率/合格率
// computed from the results (a score over the maximum refused), the 普法责任清单 on the shared engine
// (overdue, completion once), publicity events, the facts with their records, and scope.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { factProviders, sweepTasks } from '../../server/modules.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { educationFactsFrom } from './facts.ts';
import { examRates, trainingHoursByPerson } from './index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Session, other: Session, oversight: Session;
let deptId = '';
const PW = 'Study-pass-2025';
const api = testApi(
  () => t,
  [
    'study_trainings',
    'study_exams',
    'pufa_duties',
    'publicity_events',
    'study_plans',
    'cases',
    'audit_events',
  ],
);
const { ok, call, refused } = api;

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(t.ctx, { username: 'ss', password: PW, roles: ['staff'] });
  await addUser(t.ctx, { username: 'sother', password: PW, roles: ['staff'], orgName: '综合科' });
  await addUser(t.ctx, {
    username: 'sov',
    password: PW,
    roles: ['oversight'],
    orgName: '示范市司法局',
  });
  [staff, other, oversight] = await Promise.all(
    ['ss', 'sother', 'sov'].map((u) => signIn(t.app, u, PW)),
  );
  deptId = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select department_id as id from users where username = 'ss'`,
    )
  )[0].id;
});
after(() => t.close());

async function facts(year: number) {
  const all = await Promise.all(
    factProviders
      .filter((p) => p.module.startsWith('study'))
      .map((p) => p.facts(t.ctx, deptId, year)),
  );
  return new Map(all.flat().map((f) => [f.key, f]));
}

test('rates are computed from the results: 参考率 took/expected, 合格率 passed/took', () => {
  assert.deepEqual(
    examRates({
      passScore: 60,
      results: [
        { person: '甲', score: 90 },
        { person: '乙', score: 59 },
        { person: '丙', score: null },
        { person: '丁', score: 60 },
      ],
    }),
    { expected: 4, took: 3, passed: 2, participationRate: 75, passRate: 66.7 },
  );
  assert.deepEqual(examRates({ passScore: 60, results: [] }), {
    expected: 0,
    took: 0,
    passed: 0,
    participationRate: 0,
    passRate: 0,
  });
  const f = educationFactsFrom(2025, {
    trainings: 0,
    trainees: 0,
    traineeHours: 0,
    exams: 1,
    expected: 8,
    took: 8,
    passed: 8,
    duties: 0,
    dutiesDone: 0,
    dutiesLate: 0,
    events: 0,
    audience: 0,
    campaigns: [],
  });
  assert.equal(
    f.find((x) => x.key === 'study.exams')!.sentence,
    '组织执法人员参加法律知识考试，应考8人次，参考率、合格率均为100%。',
  );
  assert.ok(
    f
      .filter((x) => x.key !== 'study.exams' && x.key !== 'study.examPassRate')
      .every((x) => x.sentence === ''),
    'nothing recorded says nothing',
  );
});

test("trainings count toward each person's annual hours", async () => {
  await ok(staff, 'POST', '/api/study/trainings', {
    heldOn: '2025-02-12',
    title: '行政执法人员法律知识培训',
    organizer: '示范市司法局',
    hoursPerPerson: 16,
    participants: ['张伟', '李静', '刘洋'],
  });
  await ok(staff, 'POST', '/api/study/trainings', {
    heldOn: '2025-02-26',
    title: '行政处罚法专题培训',
    hoursPerPerson: 8.5,
    participants: ['张伟'],
  });
  await ok(staff, 'POST', '/api/study/trainings', {
    heldOn: '2024-12-20',
    title: '上年度培训',
    hoursPerPerson: 30,
    participants: ['张伟'],
  });
  await refused(
    staff,
    'POST',
    '/api/study/trainings',
    { heldOn: '2025-02-26', title: '重复名单', hoursPerPerson: 2, participants: ['张伟', '张伟'] },
    400,
    /参训人员重复：张伟/,
  );
  await refused(
    staff,
    'POST',
    '/api/study/trainings',
    { heldOn: '2025-02-26', title: '无学时', hoursPerPerson: 0, participants: ['张伟'] },
    400,
    /人均学时/,
  );
  assert.deepEqual(
    await trainingHoursByPerson(t.ctx.db, deptId, 2025),
    [
      { person: '张伟', hours: 24.5, trainings: 2 },
      { person: '李静', hours: 16, trainings: 1 },
      { person: '刘洋', hours: 16, trainings: 1 },
    ].sort((a, b) => b.hours - a.hours || a.person.localeCompare(b.person, 'zh')),
  );
  const hours = await ok(staff, 'GET', '/api/study/hours?year=2025');
  assert.equal(hours.items[0].hours, 24.5);
  const f = await facts(2025);
  assert.equal(f.get('study.trainings')!.value, 2);
  assert.equal(f.get('study.trainings')!.sentence, '组织法治培训2期，参训4人次，人均14.1学时。');
});

test('an exam: a score over the maximum is refused, nothing changed; rates from the fixture records', async () => {
  const results = [
    { person: '张伟', score: 92 },
    { person: '李静', score: 88 },
    { person: '刘洋', score: 55 },
    { person: '陈芳', score: null },
  ];
  await refused(
    staff,
    'POST',
    '/api/study/exams',
    {
      heldOn: '2025-02-20',
      title: '法律知识考试',
      maxScore: 100,
      passScore: 60,
      results: [...results, { person: '赵磊', score: 105 }],
    },
    400,
    /考试成绩超过满分100分：赵磊（105分）/,
  );
  await refused(
    staff,
    'POST',
    '/api/study/exams',
    { heldOn: '2025-02-20', title: '法律知识考试', maxScore: 100, passScore: 120, results },
    400,
    /合格分数（120）不能高于满分（100）/,
  );
  await ok(staff, 'POST', '/api/study/exams', {
    heldOn: '2025-02-20',
    title: '法律知识考试',
    maxScore: 100,
    passScore: 60,
    results,
  });
  const { items } = await ok(staff, 'GET', '/api/study/exams?year=2025');
  assert.equal(items.length, 1);
  assert.equal(items[0].participationRate, 75);
  assert.equal(items[0].passRate, 66.7);
  const f = await facts(2025);
  assert.equal(
    f.get('study.exams')!.sentence,
    '组织执法人员参加法律知识考试，应考4人次，参考率75%、合格率66.7%。',
  );
  assert.equal(f.get('study.examPassRate')!.value, 66.7);
  assert.deepEqual(f.get('study.exams')!.records, {
    path: '/api/study/exams',
    query: { year: 2025 },
  });
});

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
  const worklist = await ok(staff, 'GET', '/api/worklist');
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
    sql`select n.kind from notifications n join cases c on c.id = n.case_id where c.procedure = 'pufaDuty'`,
  );
  assert.ok(
    notes.some((n) => n.kind === 'overdue'),
    JSON.stringify(notes),
  );
});

test('publicity events with audience; the plan; 学法 sessions still feed part (三)', async () => {
  await ok(staff, 'POST', '/api/study/events', {
    heldOn: '2025-01-10',
    campaign: 'constitutionWeek',
    title: '宪法进园区',
    audience: 300,
  });
  const e = await ok(staff, 'POST', '/api/study/events', {
    heldOn: '2025-02-15',
    campaign: 'nationalSecurityDay',
    title: '国家安全宣传',
    location: '高新区',
    audience: 120,
  });
  await refused(
    staff,
    'POST',
    '/api/study/events',
    { heldOn: '2025-02-15', campaign: 'unknown', title: '类别错误', audience: 1 },
    400,
    /活动类别/,
  );
  await ok(staff, 'PUT', '/api/study/plan', {
    year: 2025,
    title: '2025年度会前学法计划',
    issuedOn: '2025-02-10',
    preMeetingTarget: 4,
    trainingHoursTarget: 40,
    topics: [{ quarter: 1, topic: '行政复议法' }],
  });
  await ok(staff, 'POST', '/api/reports/study/sessions', {
    heldOn: '2025-02-18',
    kind: 'preMeeting',
    topic: '学习行政复议法',
    speaker: '政策法规科',
    durationMinutes: 40,
    attendees: 12,
    ledByHead: true,
  });
  const v = await ok(staff, 'GET', '/api/study?year=2025');
  assert.equal(v.plan.preMeetingTarget, 4);
  assert.equal(v.events.length, 2);
  assert.equal(v.sessions.length, 1);
  const f = await facts(2025);
  assert.equal(
    f.get('study.publicity')!.sentence,
    '开展宪法宣传周、全民国家安全教育日等普法宣传活动2场，覆盖群众420人次。',
  );
  assert.match(f.get('study.sessions')!.sentence, /会前学法1次/);
  // The plan sets the expectations: 4 会前学法 (1 held), 40 hours each (张伟 24.5, 李静 and 刘洋 16).
  assert.deepEqual(
    [f.get('study.preMeeting')!.value, f.get('study.preMeeting')!.expect!.min],
    [1, 4],
  );
  assert.equal(f.get('study.trainingBelowTarget')!.value, 3);
  for (const k of ['study.trainingBelowTarget', 'study.publicity']) {
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
  const pre = f.get('study.preMeeting')!.records;
  assert.equal(
    (await ok(staff, 'GET', `${pre.path}?year=2025&kind=preMeeting`)).sessions.length,
    1,
  );
  // Scope: another department sees none of it and cannot remove it; oversight may not add.
  assert.equal((await ok(other, 'GET', '/api/study?year=2025')).events.length, 0);
  assert.equal((await call(other, 'DELETE', `/api/study/events/${e.id}`)).statusCode, 404);
  assert.equal(
    (
      await call(oversight, 'POST', '/api/study/events', {
        heldOn: '2025-02-15',
        campaign: 'other',
        title: '监督机关',
        audience: 1,
      })
    ).statusCode,
    403,
  );
  assert.equal((await call(oversight, 'GET', '/api/study?year=2025')).statusCode, 403);
});

test("the plan's quarterly topics: edited on their own, kept when the plan is re-saved, shown quarter by quarter", async () => {
  await refused(
    other,
    'PUT',
    '/api/study/plan/topics',
    { year: 2025, topics: [{ quarter: 1, topic: '宪法' }] },
    400,
    /学习安排：2025年度尚未登记学法计划/,
  );
  await refused(
    staff,
    'PUT',
    '/api/study/plan/topics',
    { year: 2025, topics: [{ quarter: 5, topic: '宪法' }] },
    400,
    /季度/,
  );
  await refused(
    staff,
    'PUT',
    '/api/study/plan/topics',
    { year: 2025, topics: [{ quarter: 2, topic: '宪' }] },
    400,
    /学习内容/,
  );
  const topics = [
    { quarter: 1, topic: '行政复议法' },
    { quarter: 2, topic: '科学技术进步法' },
    { quarter: 2, topic: '保守国家秘密法' },
    { quarter: 4, topic: '宪法' },
  ];
  await ok(staff, 'PUT', '/api/study/plan/topics', { year: 2025, topics });
  // Re-saving the plan's title and targets (the plan form sends no topics) keeps them.
  await ok(staff, 'PUT', '/api/study/plan', {
    year: 2025,
    title: '2025年度会前学法计划（修订）',
    issuedOn: '2025-02-10',
    preMeetingTarget: 4,
    trainingHoursTarget: 40,
  });
  const v = await ok(staff, 'GET', '/api/study?year=2025');
  assert.deepEqual(v.plan.topics, topics);
  assert.deepEqual(
    v.quarters.map((q: { label: string; topics: string[]; preMeetingHeld: number }) => [
      q.label,
      q.topics,
      q.preMeetingHeld,
    ]),
    [
      ['第一季度', ['行政复议法'], 1],
      ['第二季度', ['科学技术进步法', '保守国家秘密法'], 0],
      ['第三季度', [], 0],
      ['第四季度', ['宪法'], 0],
    ],
  );
  // The form's fields come from the server's declaration.
  assert.deepEqual(
    v.topicFields.map((f: { name: string; label: string }) => [f.name, f.label]),
    [
      ['quarter', '季度'],
      ['topic', '学习内容'],
    ],
  );
  assert.equal(
    (await call(oversight, 'PUT', '/api/study/plan/topics', { year: 2025, topics })).statusCode,
    403,
  );
});
