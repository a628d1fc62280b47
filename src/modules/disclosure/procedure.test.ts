import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar, type Calendar } from '../../core/calendar/calendar.ts';
import {
  actionsFor,
  check,
  evaluate,
  type CaseEvent,
  type CaseState,
} from '../../core/procedure/engine.ts';
import { DISCLOSURE_REQUEST, disclosureRequestProcedure } from './procedure.ts';
import { DISCLOSURE_OUTCOMES } from './outcomes.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const P = DISCLOSURE_REQUEST;

type Step = [type: string, on: string, data?: Record<string, unknown>, roles?: string[]];
const RECEIVE = {
  channel: 'online',
  applicantType: 'naturalPerson',
  applicantName: '张三',
  content: '2024年科技项目资金分配情况',
};

/** Builds a history, asserting that check() accepts every event on the way (histories are valid by construction). */
function history(steps: Step[], c: Calendar = cal, proc = P): CaseEvent[] {
  const h: CaseEvent[] = [];
  for (const [type, on, data, roles] of steps) {
    const ev = {
      type,
      on,
      data: data ?? (type === 'receive' ? RECEIVE : undefined),
      actorRoles: roles ?? ['staff'],
    };
    const r = check(proc, h, ev, c);
    assert.ok(r.ok, `${type} on ${on}: ${r.ok ? '' : `${r.code} ${r.message}`}`);
    h.push({ ...ev, seq: h.length + 1 });
  }
  return h;
}

// The approver's acts are recorded in the procedure's approver role (the service checks the account, approval.ts).
const APPROVING = ['leader', 'approver'];
/** The answer as the procedure makes it: the clerk's draft, then the approver's 审签. */
const answered = (on: string, data: Record<string, unknown>): Step[] => [
  ['answerDraft', on, data],
  ['answer', on, data, APPROVING],
];
/** An extension as the procedure grants it: the clerk's request, then the approver's consent. */
const extended = (on: string, workdays: number): Step[] => [
  ['extendRequest', on, { workdays, reason: '需调取档案' }],
  ['extend', on, { workdays }, APPROVING],
];

const step = (s: CaseState, code: string) => s.openSteps.find((x) => x.step === code);
const clock = (s: CaseState, code: string) => s.clocks.find((x) => x.clock === code);

const dueCases: Array<{
  name: string;
  steps: Step[];
  today: string;
  due?: string;
  paused?: boolean;
  provisional?: boolean;
  explain?: RegExp;
}> = [
  {
    name: 'received 2025-01-20 (春节)',
    steps: [['receive', '2025-01-20']],
    today: '2025-01-21',
    due: '2025-02-21',
    explain: /跳过春节假期1月28日至2月4日，1月26日、2月8日调休上班/,
  },
  {
    name: 'received 2025-09-25 (国庆/中秋)',
    steps: [['receive', '2025-09-25']],
    today: '2025-09-26',
    due: '2025-10-29',
  },
  {
    name: 'plain March',
    steps: [['receive', '2025-03-03']],
    today: '2025-03-04',
    due: '2025-03-31',
  },
  {
    name: '补正 restarts the clock from the corrected application',
    steps: [
      ['receive', '2025-03-03'],
      [
        'supplementRequest',
        '2025-03-05',
        { items: '请明确项目名称', supplementDueOn: '2025-03-20' },
      ],
      ['supplementReceived', '2025-03-14'],
    ],
    today: '2025-03-17',
    due: '2025-04-14',
    explain:
      /^收到补正后的申请.*重新起算.*自2025年3月14日次日起算20个工作日，跳过清明假期4月4日至4月6日/,
  },
  {
    name: 'third-party consultation pauses (P, R]',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
      ['thirdPartyReplied', '2025-03-12', { opinion: 'objection' }],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
    explain: /征求第三方意见期间3月5日至3月12日（5个工作日）不计算在内/,
  },
  {
    name: 'the third party stays silent: the pause ends when its 15-WD window lapses',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
    ],
    today: '2025-03-27',
    due: '2025-04-22',
  },
  {
    name: 'a late reply cannot lengthen the pause',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
      ['thirdPartyReplied', '2025-04-01', { opinion: 'consent' }],
    ],
    today: '2025-04-01',
    due: '2025-04-22',
  },
  {
    name: 'while consulting there is no due date',
    steps: [
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: '某科技公司' }],
    ],
    today: '2025-03-10',
    paused: true,
  },
  {
    name: 'other-organ consultation pauses too (Art 34)',
    steps: [
      ['receive', '2025-03-03'],
      ['organConsult', '2025-03-05', { organ: '市财政局' }],
      ['organReplied', '2025-03-12', { opinion: 'consent' }],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
  },
  {
    name: 'extension of 20 WD approved by the approver',
    steps: [['receive', '2025-01-20'], ...extended('2025-02-20', 20)],
    today: '2025-02-24',
    due: '2025-03-21',
    explain: /20个工作日，经批准延长20个工作日（共40个工作日）/,
  },
  {
    // 条例 Art 33 ¶2: asked for, not yet consented — the period is not extended.
    name: 'an extension asked for and not yet approved changes nothing',
    steps: [
      ['receive', '2025-01-20'],
      ['extendRequest', '2025-02-20', { workdays: 5, reason: '需调取档案' }],
    ],
    today: '2025-02-24',
    due: '2025-02-21',
  },
  {
    name: 'an extension refused changes nothing',
    steps: [
      ['receive', '2025-01-20'],
      ['extendRequest', '2025-02-18', { workdays: 5, reason: '需调取档案' }],
      ['extendRefuse', '2025-02-19', { opinion: '理由不充分' }, APPROVING],
    ],
    today: '2025-02-19',
    due: '2025-02-21',
  },
  {
    name: 'Art 35 custom deadline',
    steps: [
      ['receive', '2025-03-03'],
      [
        'setDeadline',
        '2025-03-10',
        { dueOn: '2025-04-30', reason: '申请数量明显超过合理范围', noticeOn: '2025-03-10' },
        ['leader'],
      ],
    ],
    today: '2025-03-11',
    due: '2025-04-30',
    explain: /申请数量明显超过合理范围/,
  },
  {
    name: 'fee notice to payment is not counted (RULES §5.4 5c, 109号)',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100, method: 'perRequest' }],
      ['feePaid', '2025-03-12'],
    ],
    today: '2025-03-13',
    due: '2025-04-08',
    explain: /等待申请人缴纳信息处理费期间3月5日至3月12日（5个工作日）不计算在内/,
  },
  {
    name: 'while waiting for payment there is no due date',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100 }],
    ],
    today: '2025-03-20',
    paused: true,
  },
  {
    // Payment window: 20 WD from the applicant's receipt on 3-07 → 4-07 (清明 4-4…4-6 skipped); the
    // pause (3-05, 4-07] takes 22 WD out; 18 WD remain after 4-07, counting the 调休 Sunday 4-27.
    name: 'unpaid: the pause ends when the 20-WD payment window lapses',
    steps: [
      ['receive', '2025-03-03'],
      ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
    ],
    today: '2025-04-10',
    due: '2025-04-30',
  },
  {
    name: '2027 dates are provisional (元旦 assumed)',
    steps: [['receive', '2026-12-20']],
    today: '2026-12-21',
    due: '2027-01-18',
    provisional: true,
    explain:
      /2027年节假日安排尚未公布，为暂定日历：已按《全国年节及纪念日放假办法》第二条计入元旦2027年1月1日/,
  },
  {
    name: '2026 dates are official',
    steps: [['receive', '2026-01-05']],
    today: '2026-01-06',
    due: '2026-02-02',
    provisional: false,
  },
];

for (const c of dueCases) {
  test(`answer clock: ${c.name}`, () => {
    const s = evaluate(P, history(c.steps), cal, c.today);
    const answer = step(s, 'answer');
    assert.ok(answer, 'answer step is open');
    if (c.paused) {
      assert.equal(answer.paused, true);
      assert.equal(answer.due, undefined);
      assert.equal(clock(s, 'answer')?.state, 'paused');
      return;
    }
    assert.equal(answer.due?.date, c.due);
    assert.equal(answer.due?.legalBasis, '《政府信息公开条例》第三十三条');
    if (c.provisional !== undefined) assert.equal(answer.due?.provisional, c.provisional);
    if (c.explain) assert.match(answer.due!.explanation, c.explain);
  });
}

const refusals: Array<{ name: string; steps: Step[]; next: Step; code: string; message?: RegExp }> =
  [
    {
      name: 'unknown action',
      steps: [['receive', '2025-03-03']],
      next: ['approveEverything', '2025-03-04'],
      code: 'unknown_action',
    },
    {
      name: 'date before the previous event',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-01', { outcome: 'disclose' }],
      code: 'date_order',
    },
    {
      name: 'supplement only once',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
        ['supplementReceived', '2025-03-10'],
      ],
      next: ['supplementRequest', '2025-03-11', { items: 'y', supplementDueOn: '2025-03-25' }],
      code: 'supplement_once',
    },
    {
      name: 'supplement after 7 WD',
      steps: [['receive', '2025-03-03']],
      next: ['supplementRequest', '2025-03-13', { items: 'x', supplementDueOn: '2025-03-25' }],
      code: 'deadline_passed',
      message: /7个工作日内/,
    },
    {
      name: 'supplement period in the past',
      steps: [['receive', '2025-03-03']],
      next: ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-04' }],
      code: 'supplement_period',
    },
    {
      name: 'abandon before the 补正 period ends',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
      ],
      next: ['abandon', '2025-03-20'],
      code: 'supplement_not_lapsed',
    },
    {
      name: 'answer while waiting for 补正',
      steps: [
        ['receive', '2025-03-03'],
        ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-20' }],
      ],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      code: 'awaiting_supplement',
    },
    {
      name: 'extension of 21 WD',
      steps: [['receive', '2025-01-20']],
      next: ['extendRequest', '2025-02-20', { workdays: 21, reason: 'x' }],
      code: 'field_invalid',
    },
    {
      name: 'extensions totalling 21 WD',
      steps: [
        ['receive', '2025-01-20'],
        ...extended('2025-02-10', 10),
        ['extendRequest', '2025-02-11', { workdays: 11, reason: 'y' }],
      ],
      next: ['extend', '2025-02-11', { workdays: 11 }, APPROVING],
      code: 'cap_exceeded',
      message: /不得超过20个工作日（已延长10个工作日，本次11个工作日）/,
    },
    // Issue 13 item 11: the clerk cannot extend by typing an approver's name; the approver role acts.
    {
      name: 'the clerk extends without approval',
      steps: [
        ['receive', '2025-01-20'],
        ['extendRequest', '2025-02-20', { workdays: 5, reason: 'x' }],
      ],
      next: ['extend', '2025-02-20', { workdays: 5, approver: '张主任' }],
      code: 'role_forbidden',
      message: /审批人/,
    },
    {
      name: 'a leader as such extends without a request',
      steps: [['receive', '2025-01-20']],
      next: ['extend', '2025-02-20', { workdays: 5 }, APPROVING],
      code: 'no_extension_request',
    },
    {
      name: 'a second extension request while one waits',
      steps: [
        ['receive', '2025-01-20'],
        ['extendRequest', '2025-02-18', { workdays: 5, reason: 'x' }],
      ],
      next: ['extendRequest', '2025-02-19', { workdays: 5, reason: 'y' }],
      code: 'extension_pending',
    },
    {
      name: 'extension asked for after the period ended',
      steps: [['receive', '2025-01-20']],
      next: ['extendRequest', '2025-02-24', { workdays: 5, reason: 'x' }],
      code: 'deadline_passed',
    },
    {
      name: 'the clerk answers without 审签',
      steps: [
        ['receive', '2025-03-03'],
        ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ],
      next: ['answer', '2025-03-10', { outcome: 'disclose' }],
      code: 'role_forbidden',
      message: /审批人/,
    },
    {
      name: '审签 without a draft',
      steps: [['receive', '2025-03-03']],
      next: ['answer', '2025-03-10', { outcome: 'disclose' }, APPROVING],
      code: 'no_answer_draft',
    },
    {
      name: 'a second draft while one waits for 审签',
      steps: [
        ['receive', '2025-03-03'],
        ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ],
      next: ['answerDraft', '2025-03-11', { outcome: 'disclose' }],
      code: 'answer_pending',
    },
    {
      name: 'legal officer may not answer',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }, ['legalOfficer']],
      code: 'role_forbidden',
      message: /工作人员或负责人/,
    },
    {
      name: 'withholding needs reasons',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'withhold_process' }],
      code: 'field_required',
      message: /理由及依据/,
    },
    {
      name: '“still unclear after 补正” needs a 补正',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'unable_unclear', reasons: 'x' }],
      code: 'outcome_needs_supplement',
    },
    {
      name: 'unknown outcome code',
      steps: [['receive', '2025-03-03']],
      next: ['answerDraft', '2025-03-10', { outcome: 'maybe' }],
      code: 'field_invalid',
    },
    {
      name: 'a second consultation while one is pending',
      steps: [
        ['receive', '2025-03-03'],
        ['thirdPartyConsult', '2025-03-05', { thirdParty: 'A' }],
      ],
      next: ['thirdPartyConsult', '2025-03-06', { thirdParty: 'B' }],
      code: 'consultation_pending',
    },
    {
      name: 'payment after the 20-WD window',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
      ],
      next: ['feePaid', '2025-04-08'],
      code: 'fee_lapsed',
      message: /视为放弃申请/,
    },
    {
      name: 'unpaid closed before the window lapses',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
      ],
      next: ['feeUnpaid', '2025-04-07'],
      code: 'fee_not_lapsed',
    },
    {
      name: 'answer while waiting for payment',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100 }],
      ],
      next: ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      code: 'fee_pending',
    },
    {
      name: 'a second fee notice while one is pending',
      steps: [
        ['receive', '2025-03-03'],
        ['feeNotice', '2025-03-05', { amount: 100 }],
      ],
      next: ['feeNotice', '2025-03-06', { amount: 200 }],
      code: 'fee_pending',
    },
    // 条例 Art 31(2): a request by post is received on the 签收 date, or on the day the office confirmed a 平常信函.
    {
      name: 'post: receipt date other than the 签收 date',
      steps: [],
      next: [
        'receive',
        '2025-03-03',
        { ...RECEIVE, channel: 'registeredPost', signedOn: '2025-02-28' },
      ],
      code: 'receipt_signed',
      message: /以本机关签收之日为收到申请之日/,
    },
    {
      name: 'post without the 签收 date',
      steps: [],
      next: ['receive', '2025-03-03', { ...RECEIVE, channel: 'registeredPost' }],
      code: 'field_required',
      message: /签收日期/,
    },
    {
      name: '平常信函: receipt date other than the confirmation',
      steps: [],
      next: [
        'receive',
        '2025-03-04',
        { ...RECEIVE, channel: 'mail', arrivedOn: '2025-03-03', confirmedOn: '2025-03-03' },
      ],
      code: 'receipt_confirmed',
    },
    {
      name: '平常信函 confirmed before it arrived',
      steps: [],
      next: [
        'receive',
        '2025-03-03',
        { ...RECEIVE, channel: 'mail', arrivedOn: '2025-03-04', confirmedOn: '2025-03-03' },
      ],
      code: 'confirmed_before_arrival',
      message: /不能早于信函收到日期/,
    },
    {
      name: 'closed case',
      steps: [['receive', '2025-03-03'], ...answered('2025-03-10', { outcome: 'disclose' })],
      next: ['extendRequest', '2025-03-11', { workdays: 5, reason: 'x' }],
      code: 'case_closed',
      message: /本案已办结/,
    },
  ];

for (const r of refusals) {
  test(`refused: ${r.name}`, () => {
    const [type, on, data, roles] = r.next;
    const res = check(P, history(r.steps), { type, on, data, actorRoles: roles ?? ['staff'] }, cal);
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.code, r.code, res.message);
    assert.match(res.message, /[\u4e00-\u9fa5]/, 'message is Chinese');
    if (r.message) assert.match(res.message, r.message);
  });
}

test('post: received on the 签收 date, or on the confirmation of a 平常信函 (confirming after the day of arrival is flagged); the clock counts from the next day', () => {
  const signed = history([
    ['receive', '2025-02-28', { ...RECEIVE, channel: 'registeredPost', signedOn: '2025-02-28' }],
  ]);
  assert.equal(step(evaluate(P, signed, cal, '2025-03-03'), 'answer')?.due?.date, '2025-03-28');
  const late = check(
    P,
    [],
    {
      type: 'receive',
      on: '2025-02-28',
      data: {
        ...RECEIVE,
        channel: 'mail',
        arrivedOn: '2025-02-27',
        confirmedOn: '2025-02-28',
        lateReason: '申请人当日无法联系',
      },
      actorRoles: ['staff'],
    },
    cal,
  );
  assert.ok(late.ok);
  assert.deepEqual(late.ok && late.warnings?.map((w) => w.code), ['confirmed_late']);
});

test('no 补正 by the deadline: abandon closes the request as 其他处理-1', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['supplementRequest', '2025-03-04', { items: '请提供身份证明', supplementDueOn: '2025-03-20' }],
  ]);
  const waiting = evaluate(P, h, cal, '2025-03-21');
  assert.equal(step(waiting, 'answer'), undefined);
  assert.equal(step(waiting, 'applicantSupplement')?.overdue, true);
  assert.ok(waiting.allowed.some((a) => a.action === 'abandon'));
  const closed = evaluate(
    P,
    history([...stepsOf(h), ['abandon', '2025-03-21']]),
    cal,
    '2025-03-21',
  );
  assert.equal(closed.status, 'closed');
  assert.equal(closed.outcome, 'other1');
  assert.match(closed.outcomeLabel ?? '', /逾期不补正/);
  assert.deepEqual(closed.openSteps, []);
});

test('a late 补正 is accepted with a warning', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['supplementRequest', '2025-03-04', { items: 'x', supplementDueOn: '2025-03-10' }],
  ]);
  const r = check(
    P,
    h,
    { type: 'supplementReceived', on: '2025-03-12', actorRoles: ['staff'] },
    cal,
  );
  assert.ok(r.ok && r.warnings?.[0].code === 'supplement_late');
});

test('the third party has its own 15-WD step while consulted', () => {
  const s = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['thirdPartyConsult', '2025-03-05', { thirdParty: 'A', deliveredOn: '2025-03-06' }],
    ]),
    cal,
    '2025-03-10',
  );
  assert.equal(step(s, 'thirdPartyReply')?.due?.date, '2025-03-27');
  assert.deepEqual(step(s, 'thirdPartyReply')?.roles, ['thirdParty']);
});

test('allowed actions depend on role', () => {
  const s = evaluate(P, history([['receive', '2025-03-03']]), cal, '2025-03-04');
  const staff = actionsFor(s, ['staff']).map((a) => a.action);
  const legal = actionsFor(s, ['legalOfficer']).map((a) => a.action);
  assert.ok(
    staff.includes('answerDraft') &&
      staff.includes('supplementRequest') &&
      !staff.includes('legalCheck'),
  );
  assert.ok(
    !staff.includes('answer') && !staff.includes('extend'),
    'the clerk neither signs off the answer nor grants the extension',
  );
  assert.deepEqual(legal, ['legalCheck']);
  const answer = s.allowed.find((a) => a.action === 'answerDraft');
  assert.ok(
    answer?.fields?.some(
      (f) => f.name === 'outcome' && f.options?.length === DISCLOSURE_OUTCOMES.length - 2,
    ),
  );
  const blocked = s.blocked.find((b) => b.action === 'abandon');
  assert.match(blocked?.reason ?? '', /不能视为放弃申请/);
});

test('calendar overrides change the due date', () => {
  const c = createCalendar({
    overrides: [{ date: '2025-02-20', kind: 'holiday', name: '临时调整' }],
    officialYears: [],
  });
  const s = evaluate(P, history([['receive', '2025-01-20']], c), c, '2025-01-21');
  assert.equal(step(s, 'answer')?.due?.date, '2025-02-24');
});

test('overdue and late answers are visible', () => {
  const h = history([['receive', '2025-01-20']]);
  const s = evaluate(P, h, cal, '2025-02-25');
  assert.equal(step(s, 'answer')?.overdue, true);
  assert.equal(step(s, 'answer')?.daysLeft, -2);
  const done = evaluate(
    P,
    history([['receive', '2025-01-20'], ...answered('2025-02-24', { outcome: 'disclose' })]),
    cal,
    '2025-02-25',
  );
  assert.equal(clock(done, 'answer')?.late, true);
  assert.equal(done.outcome, 'disclose');
});

test('not paid within the window: 其他处理-2, and the staff step is back on the answer clock', () => {
  const h = history([
    ['receive', '2025-03-03'],
    ['feeNotice', '2025-03-05', { amount: 100, deliveredOn: '2025-03-07' }],
  ]);
  const lapsed = evaluate(P, h, cal, '2025-04-08');
  assert.equal(step(lapsed, 'feePayment')?.overdue, true);
  assert.equal(clock(lapsed, 'answer')?.state, 'running');
  assert.deepEqual(clock(lapsed, 'answer')?.pauses, [
    { from: '2025-03-05', to: '2025-04-07', reason: '等待申请人缴纳信息处理费' },
  ]);
  assert.ok(lapsed.allowed.some((a) => a.action === 'feeUnpaid'));
  const closed = evaluate(
    P,
    history([...stepsOf(h), ['feeUnpaid', '2025-04-08']]),
    cal,
    '2025-04-08',
  );
  assert.equal(closed.status, 'closed');
  assert.equal(closed.outcome, 'other2');
  assert.match(closed.outcomeLabel ?? '', /逾期未按收费通知要求缴纳费用/);
});

test('fee pause is configurable (RULES §14.3)', () => {
  const steps: Step[] = [
    ['receive', '2025-03-03'],
    ['feeNotice', '2025-03-05', { amount: 100 }],
    ['feePaid', '2025-03-12'],
  ];
  const paused = evaluate(P, history(steps), cal, '2025-03-13');
  assert.equal(step(paused, 'answer')?.due?.date, '2025-04-08');
  const noPause = disclosureRequestProcedure({ feePausesClock: false });
  const s = evaluate(noPause, history(steps, cal, noPause), cal, '2025-03-13');
  assert.equal(step(s, 'answer')?.due?.date, '2025-03-31');
});

function stepsOf(h: CaseEvent[]): Step[] {
  return h.map((e) => [e.type, e.on, e.data, e.actorRoles]);
}

test('approvals are steps of the approver: 审批延长 and 审签 open on the ask and close on the decision', () => {
  const asked = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['extendRequest', '2025-03-20', { workdays: 10, reason: '需调取档案' }],
    ]),
    cal,
    '2025-03-20',
  );
  assert.deepEqual(step(asked, 'extensionApproval')?.roles, ['approver']);
  assert.equal(
    step(asked, 'extensionApproval')?.due?.date,
    '2025-03-31',
    'to be decided within the answer period',
  );
  const granted = evaluate(
    P,
    history([['receive', '2025-03-03'], ...extended('2025-03-20', 10)]),
    cal,
    '2025-03-20',
  );
  assert.equal(step(granted, 'extensionApproval'), undefined);
  assert.deepEqual(
    step(granted, 'extensionNotice')?.roles,
    ['staff'],
    'the applicant is told next (条例第三十三条)',
  );
  assert.equal(step(granted, 'answer')?.due?.date, '2025-04-15');
  const drafted = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
    ]),
    cal,
    '2025-03-10',
  );
  assert.equal(drafted.status, 'open', 'a draft answers nothing');
  assert.ok(step(drafted, 'answerApproval') && step(drafted, 'answer'));
  const returned = evaluate(
    P,
    history([
      ['receive', '2025-03-03'],
      ['answerDraft', '2025-03-10', { outcome: 'disclose' }],
      ['answerReturn', '2025-03-11', { opinion: '请补充法律依据' }, APPROVING],
    ]),
    cal,
    '2025-03-11',
  );
  assert.equal(step(returned, 'answerApproval'), undefined);
  assert.ok(
    actionsFor(returned, ['staff']).some((a) => a.action === 'answerDraft'),
    'the clerk drafts again',
  );
});
