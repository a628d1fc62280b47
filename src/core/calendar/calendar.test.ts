import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import {
  Assumed,
  builtinYears,
  computeDue,
  createCalendar,
  daysLeft,
  dueDate,
  isValidDate,
  type DueInput,
} from './calendar.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

test('chinese-days coverage is detected from its data, not assumed', () => {
  const years = builtinYears();
  assert.ok(years.includes(2025) && years.includes(2026));
  assert.ok(!years.includes(2027));
  assert.equal(cal.hasOfficialData(2025), true);
  assert.equal(cal.hasOfficialData(2027), false);
  assert.equal(
    createCalendar({ overrides: [], officialYears: [2027] }).hasOfficialData(2027),
    true,
  );
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
  {
    name: '20 WD over 春节',
    input: { from: '2025-01-20', count: 20, unit: 'workday' },
    due: '2025-02-21',
  },
  {
    name: '20 WD over 国庆/中秋',
    input: { from: '2025-09-25', count: 20, unit: 'workday' },
    due: '2025-10-29',
  },
  {
    name: '7 WD plain',
    input: { from: '2025-03-03', count: 7, unit: 'workday' },
    due: '2025-03-12',
  },
  {
    name: 'start on a holiday',
    input: { from: '2025-10-01', count: 1, unit: 'workday' },
    due: '2025-10-09',
  },
  {
    name: 'calendar days, no roll',
    input: { from: '2025-09-01', count: 30, unit: 'day' },
    due: '2025-10-01',
  },
  {
    name: 'calendar days, roll over 国庆 (民诉法 Art 85)',
    input: { from: '2025-09-01', count: 30, unit: 'day', rollForward: true },
    due: '2025-10-09',
  },
  {
    name: 'calendar days, roll over weekend',
    input: { from: '2025-02-28', count: 1, unit: 'day', rollForward: true },
    due: '2025-03-03',
  },
  {
    name: 'paused (P, R] excluded',
    input: {
      from: '2025-03-03',
      count: 7,
      unit: 'workday',
      excluded: [{ from: '2025-03-05', to: '2025-03-10' }],
    },
    due: '2025-03-17',
  },
  {
    name: 'pause after due has no effect',
    input: {
      from: '2025-03-03',
      count: 7,
      unit: 'workday',
      excluded: [{ from: '2025-03-12', to: '2025-03-20' }],
    },
    due: '2025-03-12',
  },
  {
    name: 'overlapping pauses merge',
    input: {
      from: '2025-03-03',
      count: 7,
      unit: 'workday',
      excluded: [
        { from: '2025-03-05', to: '2025-03-10' },
        { from: '2025-03-07', to: '2025-03-11' },
      ],
    },
    due: '2025-03-18',
  },
  {
    name: 'calendar days with pause',
    input: {
      from: '2025-03-01',
      count: 10,
      unit: 'day',
      excluded: [{ from: '2025-03-05', to: '2025-03-08' }],
    },
    due: '2025-03-14',
  },
  {
    name: '2027 is provisional and keeps 元旦 (放假办法 Art 2)',
    input: { from: '2026-12-20', count: 20, unit: 'workday' },
    due: '2027-01-18',
    provisional: true,
  },
  {
    name: '2026 is official (中秋 9-25, 调休 10-10)',
    input: { from: '2026-09-20', count: 10, unit: 'workday' },
    due: '2026-10-10',
    provisional: false,
  },
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
  assert.match(
    computeDue(cal, { from: '2025-09-25', count: 20, unit: 'workday' }).explanation,
    /跳过国庆节、中秋假期10月1日至10月8日，9月28日、10月11日调休上班/,
  );
  const paused = computeDue(cal, {
    from: '2025-03-01',
    count: 20,
    unit: 'workday',
    excluded: [{ from: '2025-03-03', to: '2025-03-10', reason: '征求第三方意见' }],
  });
  assert.match(paused.explanation, /征求第三方意见期间3月3日至3月10日（5个工作日）不计算在内/);
  const p = computeDue(cal, { from: '2026-12-20', count: 20, unit: 'workday' });
  assert.ok(
    p.explanation.endsWith(
      '（2027年节假日安排尚未公布，为暂定日历：已按《全国年节及纪念日放假办法》第二条计入元旦2027年1月1日；调休安排以国务院办公厅通知为准）',
    ),
    p.explanation,
  );
  assert.match(
    computeDue(cal, { from: '2025-09-01', count: 30, unit: 'day', rollForward: true }).explanation,
    /顺延至2025年10月9日届满/,
  );
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
  const moved = createCalendar({
    overrides: [{ date: '2025-02-20', kind: 'holiday', name: '临时放假' }],
    officialYears: [],
  });
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

test('official years are exactly chinese-days: nothing is assumed there', () => {
  for (const y of builtinYears()) {
    for (let i = cal.index(`${y}-01-01`); i <= cal.index(`${y}-12-31`); i++) {
      const d = cal.dateAt(i);
      assert.equal(cal.isWorkday(d), chineseDays.isWorkday(d), d);
      assert.equal(cal.assumedAt(i), Assumed.None, d);
    }
  }
  assert.equal(cal.assumesStatutory(2026), false);
});

// Years without a notice keep the 全国年节及纪念日放假办法 (2024 revision) rest days: Art 2 and Art 6 补假.
const provisionalCases: Array<{ name: string; input: DueInput; due: string; explain?: RegExp }> = [
  {
    name: '元旦 2027 is a rest day',
    input: { from: '2026-12-31', count: 1, unit: 'workday' },
    due: '2027-01-04',
    explain:
      /跳过元旦假期2027年1月1日，至2027年1月4日届满（2027年节假日安排尚未公布，为暂定日历：已按《全国年节及纪念日放假办法》第二条计入元旦2027年1月1日；/,
  },
  {
    name: '春节 2027: 除夕 to 初三 (2-05…2-08) and 补假 for 初一/初二 on the weekend (2-09, 2-10)',
    input: { from: '2027-02-01', count: 20, unit: 'workday' },
    due: '2027-03-05',
    explain:
      /跳过春节假期2月5日至2月10日，至2027年3月5日届满（2027年节假日安排尚未公布，为暂定日历：已按《全国年节及纪念日放假办法》第二条计入春节2月5日至2月8日，并按第六条将适逢周末的节日暂补假于2月9日、2月10日；调休安排以国务院办公厅通知为准）$/,
  },
  {
    name: '劳动节 2027 on Sat/Sun: made up on 5-03, 5-04',
    input: { from: '2027-04-30', count: 1, unit: 'workday' },
    due: '2027-05-05',
  },
  {
    name: '清明 2027 (Monday 4-05)',
    input: { from: '2027-04-02', count: 1, unit: 'workday' },
    due: '2027-04-06',
  },
  {
    name: '端午 2027 (Wednesday 6-09)',
    input: { from: '2027-06-08', count: 1, unit: 'workday' },
    due: '2027-06-10',
  },
  {
    name: '中秋 and 国庆 2027 in one period',
    input: { from: '2027-09-10', count: 20, unit: 'workday' },
    due: '2027-10-14',
    explain:
      /第二条计入中秋节9月15日、国庆节10月1日至10月3日，并按第六条将适逢周末的节日暂补假于10月4日、10月5日；/,
  },
  {
    name: 'a calendar-day period rolls over the assumed 国庆 (民诉法 Art 85)',
    input: { from: '2027-09-01', count: 30, unit: 'day', rollForward: true },
    due: '2027-10-06',
    explain:
      /该日为法定休假日（国庆节），依照民事诉讼法第八十五条顺延至2027年10月6日届满（.*第二条计入国庆节10月1日至10月3日，并按第六条/,
  },
  {
    name: 'a calendar-day period without roll names no days',
    input: { from: '2027-09-01', count: 30, unit: 'day' },
    due: '2027-10-01',
    explain: /为暂定日历：法定节假日按《全国年节及纪念日放假办法》确定；/,
  },
  {
    name: 'no festival in the period',
    input: { from: '2027-03-01', count: 5, unit: 'workday' },
    due: '2027-03-08',
    explain: /期间内没有《全国年节及纪念日放假办法》规定的节假日/,
  },
  {
    name: '元旦 2028 on a Saturday: 补假 on Monday 1-03',
    input: { from: '2027-12-31', count: 1, unit: 'workday' },
    due: '2028-01-04',
    explain: /第二条计入元旦2028年1月1日，并按第六条将适逢周末的节日暂补假于2028年1月3日/,
  },
  {
    name: '春节 2030 (初一 on a Sunday): 2-02…2-07 off',
    input: { from: '2030-02-01', count: 1, unit: 'workday' },
    due: '2030-02-08',
  },
  {
    name: '春节 2031 (除夕 on 1-22): 1-22…1-25 off, 补假 1-27',
    input: { from: '2031-01-21', count: 1, unit: 'workday' },
    due: '2031-01-28',
  },
  {
    name: '中秋 on 国庆 2031: three days, no 补假',
    input: { from: '2031-09-30', count: 1, unit: 'workday' },
    due: '2031-10-06',
    explain: /计入中秋节10月1日、国庆节10月1日至10月3日；/,
  },
];

for (const c of provisionalCases) {
  test(`provisional: ${c.name}`, () => {
    const r = computeDue(cal, c.input);
    assert.equal(r.due, c.due);
    assert.equal(dueDate(cal, c.input), c.due);
    assert.equal(r.provisional, true);
    if (c.explain) assert.match(r.explanation, c.explain);
  });
}

test('a notice entered for the year replaces the assumption', () => {
  assert.equal(cal.assumesStatutory(2027), true);
  assert.equal(cal.isWorkday('2027-02-09'), false);
  // A notice that gives 春节 as 2-05…2-12 with Saturday 2-20 worked, and 元旦 alone.
  const noticed = createCalendar({
    overrides: [
      ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({
        date: `2027-02-${d}`,
        kind: 'holiday' as const,
        name: '春节',
      })),
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    ],
    officialYears: [2027],
  });
  assert.equal(noticed.assumesStatutory(2027), false);
  assert.equal(
    noticed.isWorkday('2027-05-03'),
    true,
    'the assumed 劳动节 补假 is gone with the notice',
  );
  assert.equal(noticed.isWorkday('2027-10-01'), true, 'a notice is taken as complete');
  const r = computeDue(noticed, { from: '2027-02-01', count: 20, unit: 'workday' });
  assert.deepEqual([r.due, r.provisional], ['2027-03-08', false]);
  assert.doesNotMatch(r.explanation, /放假办法|暂定/);
  assert.equal(noticed.assumesStatutory(2028), true, 'the next year is still assumed');
  assert.equal(noticed.isWorkday('2028-01-03'), false);
});

test('years before the 2024 revision took effect are not given its holidays', () => {
  assert.deepEqual(cal.provisionalYears(1999, 1999), [1999]);
  assert.equal(cal.assumesStatutory(1999), false);
  assert.equal(cal.isWorkday('1999-10-01'), true); // a Friday: no data, no assumption
  assert.match(
    computeDue(cal, { from: '1999-09-30', count: 1, unit: 'workday' }).explanation,
    /（1999年节假日安排尚未公布，暂按周一至周五计算）$/,
  );
});
