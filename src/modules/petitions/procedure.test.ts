// Clock tables of the 信访 procedure on the official calendar (信访工作条例 Art 23, 34–36): calendar-day
// periods run through 春节 and 国庆 without rolling forward; the 5-WD objection window skips them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, evaluate, type CaseEvent } from '../../core/procedure/engine.ts';
import { PETITION } from './procedure.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });
const STAFF = ['staff'];
const ev = (
  type: string,
  on: string,
  data: Record<string, unknown> = {},
): Omit<CaseEvent, 'seq'> => ({ type, on, data, actorRoles: STAFF });
const hist = (...events: Array<Omit<CaseEvent, 'seq'>>): CaseEvent[] =>
  events.map((e, i) => ({ ...e, seq: i + 1 }));
const clock = (h: CaseEvent[], code: string, today: string) =>
  evaluate(PETITION, h, cal, today).clocks.find((c) => c.clock === code)!;

test('written acceptance notice: 15 calendar days through 春节 2025, not rolled forward', () => {
  const h = hist(ev('register', '2025-01-20', { channel: 'letter', source: 'direct' }));
  const c = clock(h, 'notice', '2025-01-21');
  assert.equal(c.due, '2025-02-04');
  assert.equal(c.unit, 'day');
  assert.equal(clock(h, 'notice', '2025-02-05').overdue, true);
});

test('objection to a transferred matter: 5 working days across 春节 2025 (1月26日 调休 workday); refused after', () => {
  const h = hist(ev('register', '2025-01-24', { channel: 'letter', source: 'transferred' }));
  // 1/26 (Sunday, 调休), 1/27, then 2/5, 2/6, 2/7.
  assert.equal(clock(h, 'objection', '2025-01-24').due, '2025-02-07');
  assert.equal(
    check(PETITION, h, ev('object', '2025-02-07', { reason: '不属于本机关职权范围' }), cal).ok,
    true,
  );
  const late = check(
    PETITION,
    h,
    ev('object', '2025-02-10', { reason: '不属于本机关职权范围' }),
    cal,
  );
  assert.equal(late.ok, false);
  assert.match(!late.ok ? late.message : '', /5个工作日/);
  const direct = hist(ev('register', '2025-01-24', { channel: 'letter', source: 'direct' }));
  assert.equal(
    check(PETITION, direct, ev('object', '2025-01-27', { reason: 'x' }), cal).ok,
    false,
    'a direct matter is not objected to',
  );
});

test('handling: 60 days from acceptance through 国庆 2025; extension up to 30 days, not beyond', () => {
  const base = [
    ev('register', '2025-09-15', { channel: 'visit', source: 'direct' }),
    ev('accept', '2025-09-20', { noticeText: '已受理' }),
    ev('classify', '2025-09-20', { category: 'appeal' }),
  ];
  const h = hist(...base);
  assert.equal(clock(h, 'handling', '2025-10-01').due, '2025-11-19');
  const ext = { reason: '情况复杂', approvedBy: '张局长', toldOn: '2025-11-10' };
  const over = check(PETITION, h, ev('extend', '2025-11-10', { days: 31, ...ext }), cal);
  assert.equal(over.ok, false, 'beyond the 30-day cap');
  const h2 = hist(...base, ev('extend', '2025-11-10', { days: 20, ...ext }));
  assert.equal(clock(h2, 'handling', '2025-11-10').due, '2025-12-09');
  assert.equal(
    check(PETITION, h2, ev('extend', '2025-11-20', { days: 11, ...ext }), cal).ok,
    false,
    'the total is capped at 30',
  );
  assert.equal(check(PETITION, h2, ev('extend', '2025-11-20', { days: 10, ...ext }), cal).ok, true);
  assert.equal(
    check(
      PETITION,
      hist(...base),
      ev('extend', '2025-11-10', { days: 10, reason: 'x', toldOn: '2025-11-10' }),
      cal,
    ).ok,
    false,
    'staff name the approving head',
  );
});

test('no 处理意见书 without the written acceptance notice', () => {
  const h = hist(ev('register', '2025-03-03', { channel: 'letter', source: 'direct' }));
  const r = check(
    PETITION,
    h,
    ev('answer', '2025-03-10', { decision: 'support', servedOn: '2025-03-10' }),
    cal,
  );
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /尚未书面告知信访人受理/);
});

test('复查 within 30 days of service; 复核 within 30 days of the 复查意见, refused after; hearing time not counted', () => {
  const answered = [
    ev('register', '2025-01-02', { channel: 'letter', source: 'direct' }),
    ev('accept', '2025-01-03', { noticeText: '已受理' }),
    ev('classify', '2025-01-03', { category: 'appeal' }),
    ev('answer', '2025-02-10', { decision: 'notSupport', servedOn: '2025-02-12' }),
  ];
  const h = hist(...answered);
  assert.equal(clock(h, 'reviewWindow', '2025-02-12').due, '2025-03-14');
  assert.equal(
    check(PETITION, h, ev('requestReview', '2025-03-15', { request: '请求复查' }), cal).ok,
    false,
  );
  const reviewed = [
    ...answered,
    ev('requestReview', '2025-03-14', { request: '请求复查' }),
    ev('reviewOpinion', '2025-04-10', { decision: 'notSupport', servedOn: '2025-04-11' }),
  ];
  assert.equal(
    clock(
      hist(...answered, answered[0] && ev('requestReview', '2025-03-14', { request: 'x' })),
      'review',
      '2025-03-14',
    ).due,
    '2025-04-13',
  );
  const h2 = hist(...reviewed);
  const late = check(
    PETITION,
    h2,
    ev('requestRecheck', '2025-05-12', { request: '请求复核' }),
    cal,
  );
  assert.equal(late.ok, false);
  assert.match(!late.ok ? late.message : '', /复核请求应当自收到复查意见之日起30日内提出/);
  const h3 = hist(...reviewed, ev('requestRecheck', '2025-05-11', { request: '请求复核' }));
  assert.equal(clock(h3, 'recheck', '2025-05-11').due, '2025-06-10');
  const h4 = hist(
    ...reviewed,
    ev('requestRecheck', '2025-05-11', { request: '请求复核' }),
    ev('hearingStart', '2025-05-20'),
    ev('hearingEnd', '2025-05-25'),
  );
  assert.equal(
    clock(h4, 'recheck', '2025-05-25').due,
    '2025-06-15',
    'five hearing days not counted',
  );
});
