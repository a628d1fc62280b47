import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { actionsFor, check, evaluate, type CaseEvent } from '../../core/procedure/engine.ts';
import { MAJOR_DECISION as P } from './procedure.ts';
import { flowChart } from './flow.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];
const ROLE: Record<string, string[]> = {
  concludeLegalReview: ['legalOfficer'],
  advisorOpinion: ['legalOfficer'],
  collectiveDecision: ['leader'],
  withdraw: ['leader'],
  suspend: ['leader'],
  resume: ['leader'],
  adjust: ['leader'],
  exemptPublication: ['leader'],
};

function history(steps: Step[]): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] };
    const r = check(P, h, ev, cal);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

const scope = {
  technical: false,
  riskRelevant: false,
  concernsMarket: false,
  hearingPlanned: false,
  partyReportRequired: false,
  confidential: false,
};
const start = (flags: Partial<typeof scope> = {}): Step => [
  'start',
  '2025-03-03',
  {
    title: '示范市科技创新券实施方案',
    proposer: '高新技术科',
    proposerKind: 'department',
    undertakingUnit: '高新技术科',
    problem: '科技型中小企业研发服务成本高',
    reasonsAndBasis: '科学技术进步法',
    initialPlan: '发放创新券',
    necessity: '必要可行',
    inCatalogue: true,
    startApprovedBy: '局长办公会',
    ...scope,
    ...flags,
  },
];
const drafted = (flags: Partial<typeof scope> = {}): Step[] => [
  start(flags),
  ['draftPlan', '2025-03-04', { legalSort: '科学技术进步法第十条' }],
];
const participated: Step[] = [
  ...drafted(),
  ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
  ['closeComment', '2025-04-04', { commentCount: 3 }],
  ['publishFeedback', '2025-04-07', { total: 3, adopted: 2 }],
  ['summarizeParticipation', '2025-04-07', { adoptionSummary: '采纳2条' }],
];
const submitted: Step[] = [
  ...participated,
  ['submitLegalReview', '2025-04-07', { materials: '草案及说明', requestedBy: '2025-04-16' }],
];
const advised: Step[] = [
  ...submitted,
  [
    'advisorOpinion',
    '2025-04-14',
    { advisor: '周文（公职律师）', advisorKind: 'governmentLawyer', seq: 1 },
  ],
];
const lawful: Step[] = [
  ...advised,
  ['concludeLegalReview', '2025-04-15', { conclusion: 'lawful', opinion: '合法' }],
];
const meeting = {
  meetingId: 'm1',
  meetingKind: 'directorsOffice',
  meetingName: '2025年第5次局长办公会',
  meetingOn: '2025-04-18',
  attendees: '局领导班子成员',
  discussion: '一致同意',
  headOpinion: '同意',
  differsFromMajority: false,
  dissent: '无',
  decision: 'adopted',
  executionUnit: '高新技术科',
};
const onAgenda: Step[] = [...lawful, ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }]];
const decided: Step[] = [...onAgenda, ['collectiveDecision', '2025-04-18', meeting]];
const published: Step[] = [
  ...decided,
  [
    'publish',
    '2025-04-21',
    {
      adoptedText: '示范市科技创新券实施方案',
      channel: '门户网站',
      adoptionExplanation: '采纳情况',
    },
  ],
];

const refusals: Array<{ name: string; steps: Step[]; next: Step; code: string; message?: RegExp }> =
  [
    {
      name: 'outside the catalogue without a reason',
      steps: [],
      next: ['start', '2025-03-03', { ...start()[2], inCatalogue: false }],
      code: 'field_required',
      message: /目录外启动的理由/,
    },
    {
      name: 'comment before the draft',
      steps: [start()],
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      code: 'draft_missing',
    },
    {
      name: 'comment shorter than 30 days without a reason',
      steps: drafted(),
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-03' }],
      code: 'comment_too_short',
      message: /不少于30日.*第十五条.*2025年4月4日/,
    },
    {
      name: 'confidential matter is not put out for comment',
      steps: [
        [
          'start',
          '2025-03-03',
          { ...start()[2], confidential: true, confidentialReason: '涉及国家秘密' },
        ],
        ['draftPlan', '2025-03-04', { legalSort: '梳理' }],
      ],
      next: ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      code: 'confidential_matter',
    },
    {
      name: 'skipping public participation',
      steps: drafted(),
      next: ['submitLegalReview', '2025-03-05', { materials: '草案', requestedBy: '2025-03-20' }],
      code: 'participation_missing',
      message: /第十四条/,
    },
    // Issue 13 item 16: the 意见采纳情况 of a closed comment period is published before the summary (Art 18).
    {
      name: 'summary before the feedback is published',
      steps: participated.slice(0, -2),
      next: ['summarizeParticipation', '2025-04-07', { adoptionSummary: 'x' }],
      code: 'feedback_unpublished',
      message: /逐条处理.*第十八条/,
    },
    // Issue 13 item 9: the draft on the meeting's agenda is not put out for comment again.
    {
      name: 'comment on a draft already before the meeting',
      steps: [...lawful, ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }]],
      next: ['openComment', '2025-04-17', { startOn: '2025-04-17', endOn: '2025-05-17' }],
      code: 'on_agenda',
      message: /已提请集体讨论/,
    },
    {
      name: 'summary while the comment window is open',
      steps: [
        ...drafted(),
        ['openComment', '2025-03-05', { startOn: '2025-03-05', endOn: '2025-04-04' }],
      ],
      next: ['summarizeParticipation', '2025-03-10', { adoptionSummary: 'x' }],
      code: 'comment_running',
    },
    {
      name: 'hearing materials sent 6 days before',
      steps: drafted({ hearingPlanned: true }),
      next: [
        'hearing',
        '2025-03-20',
        {
          announcedOn: '2025-03-05',
          place: '局会议室',
          heldOn: '2025-03-20',
          participantListPublishedOn: '2025-03-10',
          participants: '甲、乙',
          materialsSentOn: '2025-03-14',
          recordConfirmed: true,
          summary: '意见',
        },
      ],
      code: 'hearing_materials_late',
      message: /7日前送达/,
    },
    {
      name: 'hearing record not signed',
      steps: drafted({ hearingPlanned: true }),
      next: [
        'hearing',
        '2025-03-20',
        {
          announcedOn: '2025-03-05',
          place: '局会议室',
          heldOn: '2025-03-20',
          participantListPublishedOn: '2025-03-10',
          participants: '甲',
          materialsSentOn: '2025-03-12',
          recordConfirmed: false,
          summary: '意见',
        },
      ],
      code: 'record_unconfirmed',
    },
    {
      name: 'planned hearing skipped',
      steps: [
        ...drafted({ hearingPlanned: true }),
        [
          'otherParticipation',
          '2025-03-06',
          { method: 'symposium', heldOn: '2025-03-06', summary: '座谈' },
        ],
      ],
      next: ['summarizeParticipation', '2025-03-07', { adoptionSummary: 'x' }],
      code: 'hearing_missing',
    },
    {
      name: 'an expert with a conflict of interest',
      steps: drafted({ technical: true }),
      next: [
        'addExpert',
        '2025-03-05',
        {
          name: '张教授',
          kind: 'expert',
          affiliation: '某大学',
          field: '科技管理',
          hasConflict: true,
          declaration: '本人系申报企业股东',
          declaredOn: '2025-03-05',
        },
      ],
      code: 'expert_conflict',
      message: /直接利害关系.*第二十条/,
    },
    {
      name: 'technical matter without expert review',
      steps: [...participated.map((s) => (s[0] === 'start' ? start({ technical: true }) : s))],
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-16' }],
      code: 'expert_review_missing',
    },
    {
      name: 'risk matter without a risk report',
      steps: [...participated.map((s) => (s[0] === 'start' ? start({ riskRelevant: true }) : s))],
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-16' }],
      code: 'risk_assessment_missing',
    },
    {
      name: 'review time below 7 working days',
      steps: participated,
      next: ['submitLegalReview', '2025-04-07', { materials: '草案', requestedBy: '2025-04-15' }],
      code: 'review_time_too_short',
      message: /不少于7个工作日.*2025年4月16日/,
    },
    {
      name: 'discussion before the review',
      steps: participated,
      next: ['collectiveDecision', '2025-04-18', meeting],
      code: 'not_reviewed',
      message: /未经合法性审查/,
    },
    {
      name: 'discussion during the review',
      steps: submitted,
      next: ['submitToMeeting', '2025-04-08', { meetingId: 'm1' }],
      code: 'not_reviewed',
    },
    {
      name: 'review concluded without a 法律顾问 or 公职律师 opinion',
      steps: submitted,
      next: ['concludeLegalReview', '2025-04-15', { conclusion: 'lawful', opinion: '合法' }],
      code: 'advisor_opinion_missing',
      message: /法律顾问、公职律师.*第二十八条/,
    },
    {
      name: "a second review with only the first review's advisor opinion",
      steps: [
        ...advised,
        ['concludeLegalReview', '2025-04-15', { conclusion: 'unlawful', opinion: '超越法定权限' }],
        ['draftPlan', '2025-04-16', { legalSort: '重新梳理', revisionNote: '按审查意见修改' }],
        ['submitLegalReview', '2025-04-16', { materials: '修改稿', requestedBy: '2025-04-25' }],
      ],
      next: ['concludeLegalReview', '2025-04-24', { conclusion: 'lawful', opinion: '修改后合法' }],
      code: 'advisor_opinion_missing',
    },
    {
      name: 'an advisor opinion with no review running',
      steps: participated,
      next: [
        'advisorOpinion',
        '2025-04-07',
        { advisor: '周文（公职律师）', advisorKind: 'governmentLawyer' },
      ],
      code: 'no_review_pending',
    },
    {
      name: 'discussion after an unlawful finding',
      steps: [
        ...advised,
        ['concludeLegalReview', '2025-04-15', { conclusion: 'unlawful', opinion: '超越法定权限' }],
      ],
      next: ['submitToMeeting', '2025-04-16', { meetingId: 'm1' }],
      code: 'found_unlawful',
      message: /不合法/,
    },
    {
      name: 'decision without being on a meeting agenda',
      steps: lawful,
      next: ['collectiveDecision', '2025-04-18', meeting],
      code: 'not_on_agenda',
    },
    {
      name: 'head overrides the majority without a reason',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', { ...meeting, differsFromMajority: true }],
      code: 'field_required',
      message: /在会上说明的理由/,
    },
    {
      name: 'dissent not recorded',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', { ...meeting, dissent: '' }],
      code: 'field_required',
      message: /不同意见/,
    },
    {
      name: 'publication before the party report',
      steps: decided.map((s) => (s[0] === 'start' ? start({ partyReportRequired: true }) : s)),
      next: ['publish', '2025-04-21', { channel: '门户网站', adoptionExplanation: 'x' }],
      code: 'party_report_missing',
      message: /第三十一条/,
    },
    {
      name: 'a public decision cannot be left unpublished',
      steps: decided,
      next: ['exemptPublication', '2025-04-21', { reason: '不想公布' }],
      code: 'must_publish',
    },
    {
      name: 'suspension without emergency needs a meeting',
      steps: published,
      next: ['suspend', '2025-05-06', { reason: '情况变化', emergency: false }],
      code: 'field_required',
      message: /会议/,
    },
    {
      name: 'the generic staff cannot decide',
      steps: onAgenda,
      next: ['collectiveDecision', '2025-04-18', meeting, ['staff']],
      code: 'role_forbidden',
    },
  ];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const h = history(r.steps);
    const [type, on, data, roles] = r.next;
    const res = check(P, h, { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] }, cal);
    assert.equal(res.ok, false, `${r.name} should be refused`);
    if (!res.ok) {
      assert.equal(res.code, r.code, res.message);
      if (r.message) assert.match(res.message, r.message);
    }
  });
}

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
