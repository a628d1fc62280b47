// Clock tables of 行政复议 (Arts 48, 54, 76, 88: 十日/五日 are working days, 六十日 calendar days rolled
// past a holiday) and 行政应诉 (行政诉讼法 Arts 67, 85 with 民事诉讼法 Art 85's roll-forward), computed
// by hand on the official 2025 calendar: 春节 1月28日–2月4日 (1月26日、2月8日 调休上班), 国庆中秋
// 10月1日–8日 (9月28日、10月11日 调休上班).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, evaluate, type CaseEvent, type ProcedureDef } from '../../core/procedure/engine.ts';
import { LAWSUIT } from './procedureLawsuit.ts';
import { RECONSIDERATION } from './procedure.ts';
import { demoDates } from './demo.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const ROLES = ['legalOfficer'];
const history = (events: Array<[string, string, Record<string, unknown>?]>): CaseEvent[] =>
  events.map(([type, on, data], i) => ({
    type,
    on,
    seq: i + 1,
    actorRoles: ROLES,
    data: data ?? {},
  }));
const clock = (
  def: ProcedureDef,
  events: Array<[string, string, Record<string, unknown>?]>,
  code: string,
  today: string,
) => evaluate(def, history(events), cal, today).clocks.find((c) => c.clock === code)!;

test('复议 答复 (普通程序): 10 working days from receiving the copy, across 春节 and its 调休 days', () => {
  // 1月25日 Sat; 1月26日 (调休) 1; 1月27日 2; 春节; 2月5–7日 3–5; 2月8日 (调休 Sat) 6; 2月10–13日 7–10.
  const c = clock(RECONSIDERATION, [['receive', '2025-01-24']], 'answer', '2025-01-24');
  assert.equal(c.due, '2025-02-13');
  assert.equal(c.unit, 'workday');
  assert.match(c.legalBasis!, /第四十八条/);
  assert.equal(
    clock(RECONSIDERATION, [['receive', '2025-03-03']], 'answer', '2025-03-03').due,
    '2025-03-17',
  );
});

test('复议 答复 (简易程序): 5 working days, across 国庆', () => {
  // 9月27日 Sat; 9月28日 (调休) 1; 9月29–30日 2–3; 国庆 10月1–8日; 10月9–10日 4–5.
  const c = clock(RECONSIDERATION, [['receiveSimple', '2025-09-26']], 'answerSimple', '2025-09-26');
  assert.equal(c.due, '2025-10-10');
  assert.match(c.legalBasis!, /第五十四条/);
  const state = evaluate(
    RECONSIDERATION,
    history([['receiveSimple', '2025-09-26']]),
    cal,
    '2025-09-26',
  );
  assert.deepEqual(
    state.openSteps.map((s) => s.step),
    ['answerSimple'],
    'only the simple procedure step is open',
  );
});

test('复议中止 pauses the answer clock; the days of suspension do not count', () => {
  const events: Array<[string, string, Record<string, unknown>?]> = [
    ['receive', '2025-03-03'],
    ['suspend', '2025-03-05', { reason: '等待有权机关作出解释' }],
  ];
  assert.equal(clock(RECONSIDERATION, events, 'answer', '2025-03-10').state, 'paused');
  // (3月5日, 3月12日] excluded: 5 working days → 3月17日 + 5 = 3月24日.
  const resumed = clock(
    RECONSIDERATION,
    [...events, ['resume', '2025-03-12']],
    'answer',
    '2025-03-12',
  );
  assert.equal(resumed.due, '2025-03-24');
});

test('an answer after the 10 working days is accepted and marked late', () => {
  const events: Array<[string, string, Record<string, unknown>?]> = [['receive', '2025-03-03']];
  const verdict = check(
    RECONSIDERATION,
    history(events),
    { type: 'answer', on: '2025-03-18', actorRoles: ROLES, data: { summary: '答复' } },
    cal,
  );
  assert.equal(verdict.ok, true);
  const c = clock(
    RECONSIDERATION,
    [...events, ['answer', '2025-03-18', { summary: '答复' }]],
    'answer',
    '2025-03-18',
  );
  assert.equal(c.state, 'stopped');
  assert.equal(c.late, true);
  assert.equal(
    clock(
      RECONSIDERATION,
      [...events, ['answer', '2025-03-17', { summary: '答复' }]],
      'answer',
      '2025-03-17',
    ).late,
    false,
  );
});

test('复议意见书: 60 calendar days; a last day in 国庆 rolls to the first working day after it', () => {
  // 8月4日 + 60日 = 10月3日 (国庆) → 10月9日.
  const c = clock(
    RECONSIDERATION,
    [
      ['receive', '2025-06-02'],
      ['receiveOpinion', '2025-08-04', { content: '建议规范答复' }],
    ],
    'opinion',
    '2025-08-04',
  );
  assert.equal(c.due, '2025-10-09');
  assert.match(c.legalBasis!, /第七十六条/);
});

test('应诉 答辩: 15 calendar days; a last day in 春节, in 国庆 or on a weekend rolls forward', () => {
  const due = (received: string) =>
    clock(LAWSUIT, [['receive', received]], 'defence', received).due;
  assert.equal(due('2025-01-20'), '2025-02-05', '2月4日 is the last day of 春节');
  assert.equal(due('2025-09-16'), '2025-10-09', '10月1日 is 国庆');
  assert.equal(due('2025-03-07'), '2025-03-24', '3月22日 is a Saturday');
  assert.equal(due('2025-03-03'), '2025-03-18');
});

test('appeal windows: 15 days for a judgment, 10 for a ruling, from service, rolled past 国庆; a window never goes overdue', () => {
  const base: Array<[string, string, Record<string, unknown>?]> = [
    ['receive', '2025-06-02'],
    ['defend', '2025-06-10', { summary: '答辩' }],
    ['hearing', '2025-07-15', { instance: 'first', headAppeared: true }],
  ];
  const j = clock(
    LAWSUIT,
    [...base, ['judgment', '2025-09-20', { result: 'rejectClaims' }]],
    'appealJudgment',
    '2025-09-20',
  );
  assert.equal(j.due, '2025-10-09');
  const r = clock(
    LAWSUIT,
    [...base, ['ruling', '2025-09-22', { result: 'dismiss' }]],
    'appealRuling',
    '2025-09-22',
  );
  assert.equal(r.due, '2025-10-09');
  assert.equal(
    clock(
      LAWSUIT,
      [...base, ['ruling', '2025-06-02', { result: 'dismiss' }]],
      'appealRuling',
      '2025-08-01',
    ).overdue,
    false,
  );
  assert.equal(
    clock(
      LAWSUIT,
      [...base, ['judgment', '2025-08-01', { result: 'revoke' }]],
      'appealJudgment',
      '2025-08-01',
    ).due,
    '2025-08-18',
    '8月16日 is a Saturday',
  );
});

test('an outcome before a hearing is refused with the reason; a hearing without the 负责人 needs the delegate', () => {
  const events = history([
    ['receive', '2025-03-03'],
    ['defend', '2025-03-10', { summary: '答辩' }],
  ]);
  const early = check(
    LAWSUIT,
    events,
    { type: 'judgment', on: '2025-03-20', actorRoles: ROLES, data: { result: 'revoke' } },
    cal,
  );
  assert.equal(early.ok, false);
  assert.match((early as { message: string }).message, /尚未登记开庭/);
  const noDelegate = check(
    LAWSUIT,
    events,
    {
      type: 'hearing',
      on: '2025-03-20',
      actorRoles: ROLES,
      data: { instance: 'first', headAppeared: false },
    },
    cal,
  );
  assert.equal(noDelegate.ok, false);
  assert.match((noDelegate as { message: string }).message, /委托出庭人员/);
  assert.equal(
    check(
      LAWSUIT,
      events,
      {
        type: 'hearing',
        on: '2025-03-20',
        actorRoles: ROLES,
        data: { instance: 'first', headAppeared: false, delegate: '法规科 李静' },
      },
      cal,
    ).ok,
    true,
  );
});

test("the demo's acts are in order and in the past on every day of 2024–2027", () => {
  for (let d = '2024-01-01'; d <= '2027-12-31'; d = cal.addDays(d, 1)) {
    const x = demoDates(
      d,
      (a, n) => cal.addDays(a, n),
      (a, n) => cal.addWorkdays(a, n),
    );
    const r = [
      x.recon.evidence,
      x.recon.filed,
      x.recon.accepted,
      x.recon.received,
      x.recon.answer,
      x.recon.hearing,
      x.recon.decide,
    ];
    const s = [
      x.suit.filed,
      x.suit.received,
      x.suit.answer,
      x.suit.hearing,
      x.suit.judgment,
      x.suit.final,
    ];
    for (const seq of [r, s]) {
      assert.deepEqual([...seq].sort(), seq, `in order on ${d}`);
      assert.ok(seq.at(-1)! <= d, `in the past on ${d}`);
      assert.ok(
        x.recon.answer <= cal.addWorkdays(x.recon.received, 5),
        `the demo answer is within the 简易程序 5 working days on ${d}`,
      );
      const decision = clock(
        RECONSIDERATION,
        [['receiveSimple', x.recon.received, { acceptedOn: x.recon.accepted }]],
        'decisionSimple',
        x.recon.received,
      );
      assert.ok(
        x.recon.decide <= decision.due!,
        `the demo decision is within the 复议机关's 30 days on ${d}`,
      );
    }
  }
});

test('复议机关 decision period (Art 62): 60 calendar days from 受理, rolled past 国庆; 中止 excluded; 简易 30 days', () => {
  // 受理 8月4日 + 60日 = 10月3日 (国庆) → 10月9日; the copy's receipt date does not move it.
  const c = clock(
    RECONSIDERATION,
    [['receive', '2025-08-08', { acceptedOn: '2025-08-04' }]],
    'decision',
    '2025-08-08',
  );
  assert.equal(c.due, '2025-10-09');
  assert.match(c.legalBasis!, /第六十二条第一款/);
  // 受理 2月27日 + 60 = 4月28日; 中止 (3月5日, 3月12日] adds 7 days → 5月5日 (劳动节) → 5月6日.
  const paused: Array<[string, string, Record<string, unknown>?]> = [
    ['receive', '2025-03-03', { acceptedOn: '2025-02-27' }],
    ['suspend', '2025-03-05', { reason: '等待有权机关作出解释' }],
    ['resume', '2025-03-12'],
  ];
  assert.equal(clock(RECONSIDERATION, paused, 'decision', '2025-03-12').due, '2025-05-06');
  // 简易: 9月1日 + 30日 = 10月1日 (国庆) → 10月9日; no 受理日期 → from the receipt.
  assert.equal(
    clock(RECONSIDERATION, [['receiveSimple', '2025-09-01']], 'decisionSimple', '2025-09-01').due,
    '2025-10-09',
  );
  const state = evaluate(
    RECONSIDERATION,
    history([['receive', '2025-03-03', { acceptedOn: '2025-02-27' }]]),
    cal,
    '2025-06-01',
  );
  assert.ok(
    !state.openSteps.some((s) => s.step.startsWith('decision')),
    "the 复议机关's period is no step of the bureau",
  );
});
