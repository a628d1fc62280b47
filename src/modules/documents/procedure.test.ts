import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import {
  actionsFor,
  check,
  evaluate,
  type CaseEvent,
  type ProcedureDef,
} from '../../core/procedure/engine.ts';
import { NORMATIVE_DOCUMENT, normativeDocumentProcedure } from './procedure.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const P = NORMATIVE_DOCUMENT;

type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];

const ROLE: Record<string, string[]> = {
  concludeLegalReview: ['legalOfficer'],
  collectiveDecision: ['leader'],
  withdraw: ['leader'],
};

function history(steps: Step[], proc: ProcedureDef = P): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] };
    const r = check(proc, h, ev, cal);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

const draft = (concernsMarket = false): Step => [
  'draft',
  '2025-03-01',
  { title: '市科技计划项目管理办法', concernsMarket },
];
const commented: Step[] = [
  draft(),
  ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }],
  ['closeComment', '2025-03-12', { commentCount: 4 }],
];
const reviewed: Step[] = [
  ...commented,
  ['submitLegalReview', '2025-03-13'],
  ['concludeLegalReview', '2025-03-20', { conclusion: 'lawful', opinion: '合法' }],
];
const adopted: Step[] = [
  ...reviewed,
  ['collectiveDecision', '2025-03-25', { meeting: 'directorsOffice', decision: 'adopted' }],
];
const published: Step[] = [
  ...adopted,
  ['assignNumber', '2025-03-26', { docNumber: '科规〔2025〕3号' }],
  ['publish', '2025-04-01', { channel: '政府网站', filingDueOn: '2025-05-01' }],
];

const refusals: Array<{
  name: string;
  steps: Step[];
  next: Step;
  code: string;
  message?: RegExp;
  proc?: ProcedureDef;
}> = [
  {
    name: 'comment shorter than 7 WD',
    steps: [draft()],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-11' }],
    code: 'comment_too_short',
    message: /不少于7个工作日.*2025年3月12日/,
  },
  {
    name: 'market document: 7 WD is not enough',
    steps: [draft(true)],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }],
    code: 'comment_too_short',
    message: /不少于30日/,
  },
  {
    name: 'market document: 29 days',
    steps: [draft(true)],
    next: ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-01' }],
    code: 'comment_too_short',
  },
  {
    name: 'closing comment early',
    steps: [draft(), ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }]],
    next: ['closeComment', '2025-03-11', { commentCount: 0 }],
    code: 'comment_period_running',
  },
  {
    name: 'exemption without a reason',
    steps: [draft()],
    next: ['exemptComment', '2025-03-03', {}, ['leader']],
    code: 'field_required',
    message: /依法需要保密的理由/,
  },
  {
    name: 'legality review before comment',
    steps: [draft()],
    next: ['submitLegalReview', '2025-03-03'],
    code: 'comment_missing',
  },
  {
    name: 'market document without fair-competition review',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
      ['closeComment', '2025-04-02', { commentCount: 1 }],
    ],
    next: ['submitLegalReview', '2025-04-03'],
    code: 'fair_competition_missing',
    message: /公平竞争审查/,
  },
  {
    name: 'fair-competition review of a non-market document',
    steps: commented,
    next: ['fairCompetitionReview', '2025-03-13', { conclusion: 'pass' }],
    code: 'not_market',
  },
  {
    name: 'collective deliberation before legality review',
    steps: commented,
    next: [
      'collectiveDecision',
      '2025-03-13',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'not_reviewed',
    message: /未经合法性审核，不得提交集体审议/,
  },
  {
    name: 'collective deliberation during the first legality review',
    steps: [...commented, ['submitLegalReview', '2025-03-13']],
    next: [
      'collectiveDecision',
      '2025-03-14',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'not_reviewed',
  },
  {
    name: 'collective deliberation while a revised draft is under review',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
      ['submitLegalReview', '2025-03-21'],
    ],
    next: [
      'collectiveDecision',
      '2025-03-24',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'review_pending',
  },
  {
    name: 'collective deliberation of an unlawful draft',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
    ],
    next: [
      'collectiveDecision',
      '2025-03-25',
      { meeting: 'directorsOffice', decision: 'adopted' },
      ['leader'],
    ],
    code: 'found_unlawful',
    message: /经合法性审核不合法，不得提交集体审议/,
  },
  {
    name: 'staff may not conclude the legality review',
    steps: [...commented, ['submitLegalReview', '2025-03-13']],
    next: ['concludeLegalReview', '2025-03-20', { conclusion: 'lawful', opinion: 'x' }, ['staff']],
    code: 'role_forbidden',
  },
  {
    name: 'numbering before adoption',
    steps: reviewed,
    next: ['assignNumber', '2025-03-21', { docNumber: '科规〔2025〕3号' }],
    code: 'not_adopted',
  },
  {
    name: 'publishing before numbering',
    steps: adopted,
    next: ['publish', '2025-03-26', { channel: '政府网站' }],
    code: 'not_numbered',
  },
  {
    name: 'rejected at the collective deliberation',
    steps: [
      ...reviewed,
      ['collectiveDecision', '2025-03-25', { meeting: 'directorsOffice', decision: 'rejected' }],
    ],
    next: ['assignNumber', '2025-03-26', { docNumber: 'x' }],
    code: 'case_closed',
  },
];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const proc = r.proc ?? P;
    const [type, on, data, roles] = r.next;
    const res = check(
      proc,
      history(r.steps, proc),
      { type, on, data, actorRoles: roles ?? ROLE[type] ?? ['staff'] },
      cal,
    );
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.code, r.code, res.message);
    if (r.message) assert.match(res.message, r.message);
  });
}

const accepted: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'comment of exactly 7 WD',
    steps: [draft(), ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-03-12' }]],
  },
  {
    name: 'market document with 30 days',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
    ],
  },
  {
    name: 'confidential exemption with a reason',
    steps: [
      draft(),
      ['exemptComment', '2025-03-03', { reason: '涉及国家秘密，依法需要保密' }, ['leader']],
      ['submitLegalReview', '2025-03-04'],
    ],
  },
  {
    name: 'market document after fair-competition review',
    steps: [
      draft(true),
      ['openComment', '2025-03-03', { startOn: '2025-03-03', endOn: '2025-04-02' }],
      ['closeComment', '2025-04-02', { commentCount: 1 }],
      ['fairCompetitionReview', '2025-04-03', { conclusion: 'pass' }],
      ['submitLegalReview', '2025-04-07'],
    ],
  },
  {
    name: 'unlawful, revised, resubmitted, lawful, adopted',
    steps: [
      ...commented,
      ['submitLegalReview', '2025-03-13'],
      ['concludeLegalReview', '2025-03-20', { conclusion: 'unlawful', opinion: '增设行政许可' }],
      ['submitLegalReview', '2025-03-21'],
      [
        'concludeLegalReview',
        '2025-03-28',
        { conclusion: 'lawfulAfterRevision', opinion: '删除第五条后合法' },
      ],
      ['collectiveDecision', '2025-04-01', { meeting: 'partyGroup', decision: 'adopted' }],
    ],
  },
  {
    name: 'the whole procedure',
    steps: [...published, ['file', '2025-04-10', { filedWith: '市司法局' }]],
  },
];

for (const a of accepted)
  test(`accepted: ${a.name}`, () => assert.ok(history(a.steps).length === a.steps.length));

test('blocked actions carry the Chinese reason', () => {
  const s = evaluate(P, history(commented), cal, '2025-03-13');
  const b = s.blocked.find((x) => x.action === 'collectiveDecision');
  assert.equal(b?.code, 'not_reviewed');
  assert.match(b?.reason ?? '', /未经合法性审核，不得提交集体审议/);
  assert.ok(s.openSteps.some((x) => x.step === 'submitLegalReview'));
  assert.deepEqual(
    actionsFor(s, ['leader']).map((x) => x.action),
    ['withdraw'],
  );
});

test('legality review: 15 WD clock, warning under 5 WD', () => {
  const h = history([...commented, ['submitLegalReview', '2025-03-13']]);
  const s = evaluate(P, h, cal, '2025-03-14');
  const review = s.openSteps.find((x) => x.step === 'legalReview');
  assert.equal(review?.due?.date, '2025-04-03');
  assert.deepEqual(review?.roles, ['legalOfficer']);
  const quick = check(
    P,
    h,
    {
      type: 'concludeLegalReview',
      on: '2025-03-17',
      actorRoles: ['legalOfficer'],
      data: { conclusion: 'lawful', opinion: 'x' },
    },
    cal,
  );
  assert.ok(quick.ok && quick.warnings?.[0].code === 'review_too_short');
});

test('filing is due on the date set at publication (the local period is a setting, see documents.test)', () => {
  const s = evaluate(P, history(published), cal, '2025-04-02');
  assert.equal(s.status, 'published');
  const file = s.openSteps.find((x) => x.step === 'file');
  assert.equal(file?.due?.date, '2025-05-01');
  assert.equal(file?.daysLeft, 29);
  assert.match(file?.due?.explanation ?? '', /备案期限至2025年5月1日届满/);
  const late = evaluate(P, history(published), cal, '2025-05-06');
  assert.equal(late.openSteps.find((x) => x.step === 'file')?.overdue, true);
  const done = evaluate(
    P,
    history([...published, ['file', '2025-04-10', { filedWith: '市司法局' }]]),
    cal,
    '2025-04-10',
  );
  assert.equal(done.status, 'filed');
  assert.equal(done.statusLabel, '报备审查中', 'filed is not yet 已备案');
  assert.deepEqual(
    done.openSteps.map((x) => [x.step, x.roles, x.heldBy, x.due?.date]),
    [['filingReview', ['oversight'], 'oversight', '2025-04-30']],
  );
});

test("备案审查: only 准予备案 makes it 已备案; 纠错 is the department's step with its clock; the answer restarts the review", () => {
  const filed: Step[] = [...published, ['file', '2025-04-10', { filedWith: '市司法局' }]];
  const staffCheck = check(
    P,
    history(filed),
    { type: 'acceptFiling', on: '2025-04-11', actorRoles: ['staff'], data: {} },
    cal,
  );
  assert.ok(
    !staffCheck.ok && staffCheck.code === 'role_forbidden',
    'the department cannot accept its own filing',
  );
  const returned: Step[] = [
    ...filed,
    [
      'requestCorrection',
      '2025-04-15',
      { correctionRequest: '第三条施行日期应明确' },
      ['oversight'],
    ],
  ];
  const r = evaluate(P, history(returned), cal, '2025-04-15');
  assert.equal(r.statusLabel, '退回纠错中');
  assert.deepEqual(
    r.openSteps.map((x) => [x.step, x.roles, x.heldBy, x.due?.date]),
    [['answerCorrection', ['staff'], undefined, '2025-05-15']],
  );
  const noText = check(
    P,
    history(returned),
    {
      type: 'answerCorrection',
      on: '2025-04-20',
      actorRoles: ['staff'],
      data: { answer: '已修改' },
    },
    cal,
  );
  assert.ok(
    !noText.ok && noText.code === 'field_required',
    'the answer carries the corrected version',
  );
  const answered: Step[] = [
    ...returned,
    ['answerCorrection', '2025-04-21', { answer: '已修改第三条', correctedVersionId: 'v2' }],
  ];
  const again = evaluate(P, history(answered), cal, '2025-04-21');
  assert.equal(again.statusLabel, '报备审查中');
  assert.equal(again.openSteps[0].step, 'filingReview');
  assert.ok(again.openSteps[0].due!.date > '2025-04-30', 'reviewed afresh from the answer');
  const accepted = evaluate(
    P,
    history([...answered, ['acceptFiling', '2025-04-25', { opinion: '准予备案' }, ['oversight']]]),
    cal,
    '2025-04-25',
  );
  assert.equal(accepted.statusLabel, '已备案');
  assert.equal(accepted.outcome, 'filed');
});

test('settings change the comment minimum', () => {
  const p = normativeDocumentProcedure({ commentMinWorkdays: 10 });
  const r = check(
    p,
    history([draft()], p),
    {
      type: 'openComment',
      on: '2025-03-03',
      actorRoles: ['staff'],
      data: { startOn: '2025-03-03', endOn: '2025-03-12' },
    },
    cal,
  );
  assert.ok(!r.ok && r.code === 'comment_too_short');
});
