// 学法普法 through the staff API: the plan, trainings counted per person, exams with 参考率/合格率
// computed from the results (a score over the maximum refused), the 普法责任清单 on the shared engine
// (overdue, completion once: pufa.test.ts), publicity events, the facts with their records, and scope.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studyApp, type StudyTest } from './testkit.ts';
import { educationFactsFrom } from './facts.ts';
import { examRates, trainingHoursByPerson } from './index.ts';

// Each test that records starts from its own app (studyApp: createBaseApp in server/testing.ts, which
// also keeps this file in the runner's PostgreSQL pass, scripts/test.mjs); these build what it states.

/** The first department's trainings: 张伟 24.5 hours in 2025 (and 30 in 2024), 李静 and 刘洋 16. */
async function recordTrainings({ staff, api: { ok } }: StudyTest): Promise<void> {
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
}

/** The first department's 2025 plan (4 会前学法, 40 hours each; 行政复议法 in the first quarter) and one 会前学法 held. */
async function recordPlanAndSession({ staff, api: { ok } }: StudyTest): Promise<void> {
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

test("trainings count toward each person's annual hours", async (c) => {
  const h = await studyApp(c);
  const { t, staff, deptId, facts } = h;
  const { ok, refused } = h.api;
  await recordTrainings(h);
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

test('an exam: a score over the maximum is refused, nothing changed; rates from the fixture records', async (c) => {
  const h = await studyApp(c);
  const { staff, facts } = h;
  const { ok, refused } = h.api;
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

test('publicity events with audience; the plan; 学法 sessions still feed part (三)', async (c) => {
  const h = await studyApp(c);
  const { staff, other, oversight, facts } = h;
  const { ok, call, refused } = h.api;
  await recordTrainings(h);
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
  await recordPlanAndSession(h);
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

test("the plan's quarterly topics: edited on their own, kept when the plan is re-saved, shown quarter by quarter", async (c) => {
  const h = await studyApp(c);
  const { staff, other, oversight } = h;
  const { ok, call, refused } = h.api;
  await recordPlanAndSession(h);
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
