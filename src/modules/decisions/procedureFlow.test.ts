import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsFor, check, evaluate } from '../../core/procedure/engine.ts';
import { MAJOR_DECISION as P } from './procedure.ts';
import { flowChart } from './flow.ts';
import {
  cal,
  history,
  start,
  drafted,
  participated,
  submitted,
  advised,
  meeting,
  onAgenda,
  published,
  type Step,
} from './procedureTestkit.ts';

test('a shorter comment window is accepted when the reason is stated (Art 15)', () => {
  history([
    ...drafted(),
    [
      'openComment',
      '2025-03-05',
      { startOn: '2025-03-05', endOn: '2025-03-20', shortenedReason: '落实上级紧急部署' },
    ],
  ]);
});

test('公众参与 stays one open step while the public comments, due at the period end (issue 13 item 9)', () => {
  const commenting = evaluate(
    P,
    history([
      ...drafted(),
      ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
    ]),
    cal,
    '2025-03-10',
  );
  assert.deepEqual(
    commenting.openSteps.map((x) => [x.step, x.due?.date]),
    [['participation', '2025-04-04']],
  );
  const closed = evaluate(P, history(participated.slice(0, -2)), cal, '2025-04-05');
  assert.deepEqual(
    closed.openSteps.map((x) => [x.step, x.due?.date]),
    [['participation', undefined]],
  );
  assert.deepEqual(
    evaluate(P, history(participated), cal, '2025-04-07').openSteps.map((x) => x.step),
    ['submitLegalReview'],
  );
});

test('the whole procedure: statuses, open steps and the flow chart', () => {
  let h = history(drafted());
  let s = evaluate(P, h, cal, '2025-03-04');
  assert.equal(s.status, 'drafting');
  assert.deepEqual(
    s.openSteps.map((x) => x.step),
    ['participation'],
  );
  h = history(submitted);
  s = evaluate(P, h, cal, '2025-04-08');
  const review = s.openSteps.find((x) => x.step === 'legalReview')!;
  assert.equal(review.due?.date, '2025-04-16');
  assert.deepEqual(
    s.openSteps.map((x) => x.step),
    ['legalReview'],
  );
  h = history(published);
  s = evaluate(P, h, cal, '2025-04-21');
  assert.equal(s.status, 'implementing');
  const flow = flowChart(P, h, s);
  assert.equal(flow.find((n) => n.code === 'collectiveDecision')?.state, 'done');
  assert.equal(flow.find((n) => n.code === 'expertReview')?.state, 'notApplicable');
  assert.equal(flow.find((n) => n.code === 'execution')?.state, 'current');
});

test('the flow chart shows the current position and what is not applicable', () => {
  const h = history(drafted({ technical: true, riskRelevant: true }));
  const s = evaluate(P, h, cal, '2025-03-04');
  const flow = flowChart(P, h, s);
  assert.equal(flow.find((n) => n.code === 'start')?.state, 'done');
  assert.equal(flow.find((n) => n.code === 'draftPlan')?.state, 'done');
  for (const c of ['participation', 'expertReview', 'riskAssessment'])
    assert.equal(flow.find((n) => n.code === c)?.state, 'current', c);
  assert.equal(flow.find((n) => n.code === 'legalReview')?.state, 'pending');
  assert.equal(flow.find((n) => n.code === 'fairCompetitionReview')?.state, 'notApplicable');
});

test('an uncontrollable risk blocks the decision until a new assessment finds it controllable (Art 24)', () => {
  const risky = (controllable: string): Step => [
    'riskAssessment',
    '2025-04-07',
    {
      assessor: '第三方评估机构',
      thirdParty: true,
      departmentsHeard: '已听取',
      riskPoints: '资金',
      countermeasures: '分期',
      contingencyPlan: '预案',
      riskLevel: 'high',
      controllable,
    },
  ];
  const base = participated.map((s) => (s[0] === 'start' ? start({ riskRelevant: true }) : s));
  const h = history([...base, risky('uncontrollable')]);
  const r = check(
    P,
    h,
    {
      type: 'submitLegalReview',
      on: '2025-04-07',
      data: { materials: 'x', requestedBy: '2025-04-16' },
      actorRoles: ['staff'],
    },
    cal,
  );
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'risk_uncontrollable');
  history([
    ...base,
    risky('uncontrollable'),
    risky('controllableAfterAdjustment'),
    ['submitLegalReview', '2025-04-07', { materials: 'x', requestedBy: '2025-04-16' }],
  ]);
});

test('deferred decision goes back on the agenda; rejected ends the case', () => {
  const deferred = history([
    ...onAgenda,
    [
      'collectiveDecision',
      '2025-04-18',
      { ...meeting, decision: 'deferred', executionUnit: undefined },
    ],
  ]);
  const s = evaluate(P, deferred, cal, '2025-04-18');
  assert.equal(s.status, 'drafting');
  assert.ok(s.openSteps.some((x) => x.step === 'submitToMeeting'));
  const rejected = history([
    ...onAgenda,
    [
      'collectiveDecision',
      '2025-04-18',
      { ...meeting, decision: 'rejected', executionUnit: undefined },
    ],
  ]);
  assert.equal(evaluate(P, rejected, cal, '2025-04-18').status, 'rejected');
});

test('after the decision: suspension by the head in an emergency, resumption, major adjustment, supersession', () => {
  const h = history([
    ...published,
    [
      'executionReport',
      '2025-06-03',
      { unit: '高新技术科', progress: '已发放', majorChange: true },
    ],
    ['suspend', '2025-06-04', { reason: '资金渠道变化', emergency: true }],
    ['resume', '2025-06-20', { reason: '资金落实', decidedAt: '2025年第9次局长办公会' }],
    [
      'postEvaluation',
      '2025-09-01',
      {
        trigger: 'manyObjections',
        evaluator: '某大学公共管理学院',
        thirdParty: true,
        publicHeard: '问卷',
        conclusion: 'adjust',
        report: '建议调整',
      },
      ['leader'],
    ],
    [
      'adjust',
      '2025-09-10',
      { kind: 'major', reason: '依据后评估', decidedAt: '2025年第15次局长办公会' },
    ],
  ]);
  assert.equal(evaluate(P, h, cal, '2025-09-10').status, 'readjusting');
  const done = history([
    ...h.map((e) => [e.type, e.on, e.data, e.actorRoles] as Step),
    ['revisionResult', '2025-12-01', { outcome: 'superseded', revisionId: 'x' }, ['leader']],
  ]);
  const s = evaluate(P, done, cal, '2025-12-01');
  assert.equal(s.status, 'superseded');
  assert.equal(s.outcome, 'superseded');
});

test('roles: the legal office concludes the review once an advisor has given an opinion, staff cannot', () => {
  const waiting = evaluate(P, history(submitted), cal, '2025-04-08');
  assert.ok(!actionsFor(waiting, ['legalOfficer']).some((a) => a.action === 'concludeLegalReview'));
  const blocked = waiting.blocked.find((b) => b.action === 'concludeLegalReview');
  assert.equal(blocked?.code, 'advisor_opinion_missing', 'shown as blocked, with the reason');
  assert.match(blocked!.reason, /第二十八条/);
  const s = evaluate(P, history(advised), cal, '2025-04-14');
  assert.ok(actionsFor(s, ['legalOfficer']).some((a) => a.action === 'concludeLegalReview'));
  assert.ok(!actionsFor(s, ['staff']).some((a) => a.action === 'concludeLegalReview'));
  assert.deepEqual(
    s.openSteps.map((x) => x.step),
    ['legalReview'],
    'the review step stays open',
  );
});
