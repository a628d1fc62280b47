import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinYears, computeDue, createCalendar, daysLeft, dueDate, isValidDate, type DueInput } from './calendar.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

test('chinese-days coverage is detected from its data, not assumed', () => {
  const years = builtinYears();
  assert.ok(years.includes(2025) && years.includes(2026));
  assert.ok(!years.includes(2027));
  assert.equal(cal.hasOfficialData(2025), true);
  assert.equal(cal.hasOfficialData(2027), false);
  assert.equal(createCalendar({ overrides: [], officialYears: [2027] }).hasOfficialData(2027), true);
});

test('working days, holidays and 调休', () => {
  const cases: Array<[string, boolean]> = [
    ['2025-01-26', true], // Sunday, 调休上班
    ['2025-01-28', false], // 春节
    ['2025-02-04', false],
    ['2025-02-08', true], // Saturday, 调休上班
    ['2025-03-01', false], // ordinary Saturday
    ['2025-03-03', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
  ];
  for (const [d, work] of cases) {
    assert.equal(cal.isWorkday(d), work, d);
    assert.equal(cal.isHoliday(d), !work, d);
  }
});

const dueCases: Array<{ name: string; input: DueInput; due: string; provisional?: boolean }> = [
  { name: '20 WD over 春节', input: { from: '2025-01-20', count: 20, unit: 'workday' }, due: '2025-02-21' },
  { name: '20 WD over 国庆/中秋', input: { from: '2025-09-25', count: 20, unit: 'workday' }, due: '2025-10-29' },
  { name: '7 WD plain', input: { from: '2025-03-03', count: 7, unit: 'workday' }, due: '2025-03-12' },
  { name: 'start on a holiday', input: { from: '2025-10-01', count: 1, unit: 'workday' }, due: '2025-10-09' },
  { name: 'calendar days, no roll', input: { from: '2025-09-01', count: 30, unit: 'day' }, due: '2025-10-01' },
  { name: 'calendar days, roll over 国庆 (民诉法 Art 85)', input: { from: '2025-09-01', count: 30, unit: 'day', rollForward: true }, due: '2025-10-09' },
  { name: 'calendar days, roll over weekend', input: { from: '2025-02-28', count: 1, unit: 'day', rollForward: true }, due: '2025-03-03' },
  { name: 'paused (P, R] excluded', input: { from: '2025-03-03', count: 7, unit: 'workday', excluded: [{ from: '2025-03-05', to: '2025-03-10' }] }, due: '2025-03-17' },
  { name: 'pause after due has no effect', input: { from: '2025-03-03', count: 7, unit: 'workday', excluded: [{ from: '2025-03-12', to: '2025-03-20' }] }, due: '2025-03-12' },
  {
    name: 'overlapping pauses merge',
    input: { from: '2025-03-03', count: 7, unit: 'workday', excluded: [{ from: '2025-03-05', to: '2025-03-10' }, { from: '2025-03-07', to: '2025-03-11' }] },
    due: '2025-03-18',
  },
  { name: 'calendar days with pause', input: { from: '2025-03-01', count: 10, unit: 'day', excluded: [{ from: '2025-03-05', to: '2025-03-08' }] }, due: '2025-03-14' },
  { name: '2027 is provisional', input: { from: '2026-12-20', count: 20, unit: 'workday' }, due: '2027-01-15', provisional: true },
  { name: '2026 is official (中秋 9-25, 调休 10-10)', input: { from: '2026-09-20', count: 10, unit: 'workday' }, due: '2026-10-10', provisional: false },
];

for (const c of dueCases) {
  test(`due: ${c.name}`, () => {
    const r = computeDue(cal, c.input);
    assert.equal(r.due, c.due);
    assert.equal(dueDate(cal, c.input), c.due);
    if (c.provisional !== undefined) assert.equal(r.provisional, c.provisional);
  });
}

test('explanations name holiday blocks, make-up days, pauses and provisional years', () => {
  assert.equal(
    computeDue(cal, { from: '2025-01-20', count: 20, unit: 'workday' }).explanation,
    '自2025年1月20日次日起算20个工作日，跳过春节假期1月28日至2月4日，1月26日、2月8日调休上班，至2025年2月21日届满',
  );
  assert.match(computeDue(cal, { from: '2025-09-25', count: 20, unit: 'workday' }).explanation, /跳过国庆节、中秋假期10月1日至10月8日，9月28日、10月11日调休上班/);
  const paused = computeDue(cal, { from: '2025-03-01', count: 20, unit: 'workday', excluded: [{ from: '2025-03-03', to: '2025-03-10', reason: '征求第三方意见' }] });
  assert.match(paused.explanation, /征求第三方意见期间3月3日至3月10日（5个工作日）不计算在内/);
  const p = computeDue(cal, { from: '2026-12-20', count: 20, unit: 'workday' });
  assert.ok(p.explanation.endsWith('（2027年节假日安排尚未公布，暂按周一至周五计算）'));
  assert.match(computeDue(cal, { from: '2025-09-01', count: 30, unit: 'day', rollForward: true }).explanation, /顺延至2025年10月9日届满/);
});

test('overrides win over chinese-days and make a year official', () => {
  const c2027 = createCalendar({
    overrides: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'workday', name: '调休' }, // a Saturday
    ],
    officialYears: [2027],
  });
  const r = computeDue(c2027, { from: '2026-12-20', count: 20, unit: 'workday' });
  assert.equal(r.provisional, false);
  assert.equal(r.due, '2027-01-15'); // one holiday skipped, one Saturday gained
  assert.match(r.explanation, /元旦假期2027年1月1日/);
  assert.match(r.explanation, /2027年1月2日调休上班/);
  const moved = createCalendar({ overrides: [{ date: '2025-02-20', kind: 'holiday', name: '临时放假' }], officialYears: [] });
  assert.equal(dueDate(moved, { from: '2025-01-20', count: 20, unit: 'workday' }), '2025-02-24');
  assert.equal(moved.isWorkday('2025-01-26'), true);
});

test('addWorkdays, workdaysBetween and daysLeft are consistent', () => {
  assert.equal(cal.addWorkdays('2025-01-20', 20), '2025-02-21');
  assert.equal(cal.addWorkdays('2025-02-21', -20), '2025-01-20');
  assert.equal(cal.addWorkdays('2025-03-01', -1), '2025-02-28');
  assert.equal(cal.addWorkdays('2025-03-03', 0), '2025-03-03');
  assert.equal(cal.workdaysBetween('2025-01-20', '2025-02-21'), 20);
  assert.equal(cal.workdaysBetween('2025-02-21', '2025-01-20'), -20);
  assert.equal(daysLeft(cal, '2025-02-21', '2025-02-21', 'workday'), 0);
  assert.equal(daysLeft(cal, '2025-02-20', '2025-02-21', 'workday'), 1);
  assert.equal(daysLeft(cal, '2025-02-24', '2025-02-21', 'workday'), -1);
  assert.equal(daysLeft(cal, '2025-03-01', '2025-03-31', 'day'), 30);
});

test('invalid dates are refused in Chinese', () => {
  assert.equal(isValidDate('2025-02-29'), false);
  assert.equal(isValidDate('2024-02-29'), true);
  assert.throws(() => cal.isWorkday('2025/01/01'), /日期无效/);
  assert.throws(() => cal.isWorkday('2101-01-01'), /超出日历范围/);
});
