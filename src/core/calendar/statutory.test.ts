import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { builtinYears } from './calendar.ts';
import { civilToDays, daysToDate, isWeekendDay } from './civil.ts';
import { lunarToDays, qingmingDays } from './lunar.ts';
import { statutoryFestivals } from './statutory.ts';

const lunar = (y: number, m: number, d: number) => daysToDate(lunarToDays(y, m, d));
const qingming = (y: number) => daysToDate(qingmingDays(y));
const toDays = (date: string) =>
  civilToDays(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const plus = (date: string, n: number) => daysToDate(toDays(date) + n);

test('day numbers round-trip and know the weekend', () => {
  for (const d of ['1900-01-31', '1970-01-01', '2000-02-29', '2027-02-06', '2100-12-31'])
    assert.equal(plus(d, 0), d);
  assert.equal(plus('2100-02-28', 1), '2100-03-01'); // 2100 is not a leap year
  assert.equal(isWeekendDay(civilToDays(2028, 1, 1)), true); // Saturday
  assert.equal(isWeekendDay(civilToDays(2027, 1, 1)), false); // Friday
});

// The official holidays (chinese-days, from the State Council notices) against our lunar and solar-term
// dates, for every year chinese-days has. The 放假办法 in force that year decides which days must be off:
// 1999 revision 初一至初三; 2007 revision (2008–2013) 除夕至初二 and 清明/端午/中秋; 2013 revision
// (2014–2024) 初一至初三; 2024 revision (2025–) 除夕至初三.
test('lunar festivals and 清明 match the official holidays of every year chinese-days has', () => {
  const years = builtinYears();
  assert.ok(
    years[0] <= 2004 && years.at(-1)! >= 2026,
    `chinese-days covers ${years[0]}–${years.at(-1)}`,
  );
  const off = (date: string, festival: string) => {
    const d = chineseDays.getDayDetail(date);
    assert.equal(d.work, false, `${date} (${festival}) is a rest day`);
    // A weekend day may be unlabelled (端午 2012-06-23); 中秋 2020 fell on 国庆 and carries its name.
    const labelled = d.name.includes(',');
    assert.ok(
      labelled
        ? d.name.includes(festival) || (festival === '中秋' && d.name.includes('国庆节'))
        : isWeekendDay(toDays(date)),
      `${date} is ${festival}: ${d.name}`,
    );
  };
  for (const y of years) {
    const newYear = lunar(y, 1, 1);
    const eve = plus(newYear, -1);
    const spring =
      y >= 2025
        ? [eve, newYear, plus(newYear, 1), plus(newYear, 2)]
        : y >= 2014 || y < 2008
          ? [newYear, plus(newYear, 1), plus(newYear, 2)]
          : [eve, newYear, plus(newYear, 1)];
    for (const d of spring) off(d, '春节');
    if (y >= 2008) {
      off(qingming(y), '清明');
      off(lunar(y, 5, 5), '端午');
      off(lunar(y, 8, 15), '中秋');
    }
    const f = statutoryFestivals(y);
    assert.deepEqual(f.find((x) => x.name === '春节')!.days, [
      eve,
      newYear,
      plus(newYear, 1),
      plus(newYear, 2),
    ]);
  }
});

// The notices under the 2024 revision (2025, 2026) against Art 2 + Art 6: every assumed rest day was
// off, and the weekdays off less the weekend days worked come to the same number in the year.
test('Art 2 with Art 6 补假 gives the notices’ net working days of 2025 and 2026', () => {
  for (const y of [2025, 2026]) {
    const festivals = statutoryFestivals(y);
    for (const d of festivals.flatMap((f) => [...f.days, ...f.compensation]))
      assert.equal(chineseDays.isWorkday(d), false, d);
    let official = 0;
    for (let z = civilToDays(y, 1, 1); z <= civilToDays(y, 12, 31); z++) {
      const work = chineseDays.isWorkday(daysToDate(z));
      if (isWeekendDay(z) === work) official += work ? -1 : 1;
    }
    const assumed = festivals.flatMap((f) => [
      ...f.days.filter((d) => !isWeekendDay(toDays(d))),
      ...f.compensation,
    ]).length;
    assert.deepEqual([y, assumed], [y, official]);
    assert.equal(assumed, 13, 'no festival overlapped another in these years');
  }
  assert.deepEqual(statutoryFestivals(2025).find((f) => f.name === '端午节')!.compensation, [
    '2025-06-02',
  ]); // 5-31 was a Saturday
});

test('清明 agrees with chinese-days’ per-century formula, and is right in 2100 where that formula is not', () => {
  for (let y = 1990; y <= 2099; y++)
    assert.equal(qingming(y), chineseDays.getSolarTermDate(y, 4, 'pure_brightness'), String(y));
  assert.equal(qingming(2100), '2100-04-05');
});

// Computed independently from astronomical new moons and solar longitudes (寿星 ephemeris): 正月初一, 清明, 端午, 中秋.
const reference: Array<[number, string, string, string, string]> = [
  [1996, '02-19', '04-04', '06-20', '09-27'], // chinese-days' table alone gives 中秋 09-26
  [2027, '02-06', '04-05', '06-09', '09-15'],
  [2028, '01-26', '04-04', '05-28', '10-03'],
  [2029, '02-13', '04-04', '06-16', '09-22'],
  [2030, '02-03', '04-05', '06-05', '09-12'],
  [2031, '01-23', '04-05', '06-24', '10-01'],
  [2032, '02-11', '04-04', '06-12', '09-19'],
  [2033, '01-31', '04-04', '06-01', '09-08'],
  [2034, '02-19', '04-05', '06-20', '09-27'],
  [2035, '02-08', '04-05', '06-10', '09-16'],
  [2050, '01-23', '04-04', '06-23', '09-30'],
  [2057, '02-04', '04-04', '06-06', '09-13'],
  [2060, '02-02', '04-04', '06-03', '09-09'],
  [2097, '02-12', '04-04', '06-14', '09-20'],
  [2100, '02-09', '04-05', '06-12', '09-18'],
];

test('lunar festivals and 清明 match an astronomical reference, 1996–2100', () => {
  for (const [y, newYear, qm, duanwu, zhongqiu] of reference) {
    assert.deepEqual(
      [lunar(y, 1, 1), qingming(y), lunar(y, 5, 5), lunar(y, 8, 15)],
      [newYear, qm, duanwu, zhongqiu].map((md) => `${y}-${md}`),
      String(y),
    );
  }
  // Every year 1900–2100: 春节 between 1月21日 and 2月20日, 端午 and 中秋 in their seasons, 清明 4月4–6日.
  for (let y = 1900; y <= 2100; y++) {
    const within = (d: string, a: string, b: string) =>
      assert.ok(d >= `${y}-${a}` && d <= `${y}-${b}`, `${y}: ${d}`);
    within(lunar(y, 1, 1), '01-21', '02-20');
    within(lunar(y, 5, 5), '05-27', '06-26');
    within(lunar(y, 8, 15), '09-07', '10-08');
    within(qingming(y), '04-04', '04-06');
  }
  assert.throws(() => lunarToDays(2101, 1, 1), /1900—2100/);
});

const festivals = (y: number) =>
  Object.fromEntries(
    statutoryFestivals(y).map((f) => [f.name, [f.days.join(','), f.compensation.join(',')]]),
  );

test('2027: Art 2 days, and Art 6 补假 on the next working days for those on a weekend', () => {
  assert.deepEqual(festivals(2027), {
    元旦: ['2027-01-01', ''], // a Friday
    春节: ['2027-02-05,2027-02-06,2027-02-07,2027-02-08', '2027-02-09,2027-02-10'], // 初一 and 初二 on Sat/Sun
    清明节: ['2027-04-05', ''],
    劳动节: ['2027-05-01,2027-05-02', '2027-05-03,2027-05-04'],
    端午节: ['2027-06-09', ''],
    中秋节: ['2027-09-15', ''],
    国庆节: ['2027-10-01,2027-10-02,2027-10-03', '2027-10-04,2027-10-05'],
  });
  assert.deepEqual(
    statutoryFestivals(2027).map((f) => f.name),
    ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'],
  );
});

test('春节 near its extremes: 2030 (初一 on a Sunday) and 2031 (除夕 on 1月22日)', () => {
  assert.deepEqual(festivals(2030).春节, [
    '2030-02-02,2030-02-03,2030-02-04,2030-02-05',
    '2030-02-06,2030-02-07',
  ]);
  assert.deepEqual(festivals(2031).春节, [
    '2031-01-22,2031-01-23,2031-01-24,2031-01-25',
    '2031-01-27',
  ]);
  assert.deepEqual(festivals(2031).清明节, ['2031-04-05', '2031-04-07']); // Saturday → Monday
});

test('元旦 on a weekend is made up on the Monday; 中秋 on a 国庆 weekday earns no 补假', () => {
  assert.deepEqual(festivals(2028).元旦, ['2028-01-01', '2028-01-03']); // Saturday
  assert.deepEqual(festivals(2034).元旦, ['2034-01-01', '2034-01-02']); // Sunday
  assert.deepEqual(festivals(2028).国庆节, ['2028-10-01,2028-10-02,2028-10-03', '2028-10-04']); // 10-01 is a Sunday
  assert.deepEqual(festivals(2028).中秋节, ['2028-10-03', '']); // a Tuesday inside 国庆
  assert.deepEqual(festivals(2031).中秋节, ['2031-10-01', '']);
  assert.deepEqual(festivals(2031).国庆节, ['2031-10-01,2031-10-02,2031-10-03', '']);
  // 2039: 国庆 starts on a Saturday and 中秋 is the Sunday 10-02: three days owed, given after 国庆.
  assert.deepEqual(
    [festivals(2039).国庆节, festivals(2039).中秋节],
    [
      ['2039-10-01,2039-10-02,2039-10-03', '2039-10-04,2039-10-05'],
      ['2039-10-02', '2039-10-06'],
    ],
  );
});
