/**
 * 农历 dates and the 清明 solar term for 1900–2100, for the holidays the 全国年节及纪念日放假办法 fixes by
 * the lunar calendar (statutory.ts).
 *
 * Lunar month lengths and leap months come from chinese-days' table through its exported look-ups
 * (monthDays, getYearLeapMonth: table reads, no dates involved), corrected below where the table
 * disagrees with the astronomical new moons. Dates are counted here in day numbers, so no time zone
 * enters (chinese-days' own date conversions go through local-time Date objects).
 */
import chineseDays from 'chinese-days';
import { civilToDays } from './civil.ts';

export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2100;

/** 正月初一 of lunar year 1900. */
const EPOCH = civilToDays(1900, 1, 31);

/**
 * Month lengths where chinese-days' table is wrong, from the new moons in Beijing time (UTC+8; Meeus,
 * Astronomical Algorithms ch. 49, and the 寿星 ephemeris agree):
 * - 1996: new moons 7月16日 00:15, 8月14日 15:34, 9月13日 07:07 → 八月初一 9月13日, 中秋 9月27日 (the table: 9月26日).
 * - 2060: new moons 4月1日 09:37, 4月30日 18:11 → 四月初一 4月30日 (the table: 5月1日; no holiday is affected).
 * Checked for 1900–2100 against the 寿星 ephemeris during development: every 正月初一, 端午 and 中秋 then
 * agrees. The one other difference, 六月初一 1933 (new moon 3 minutes after midnight), touches no festival.
 */
const MONTH_FIXES: Record<number, Record<number, number>> = {
  1996: { 5: 30, 6: 29, 7: 30, 8: 29 },
  2060: { 3: 29, 4: 30 },
};

/** START[(year - 1900) * 12 + month - 1] = day number of the first day of that (non-leap) month. */
let START: Int32Array | undefined;

function table(): Int32Array {
  if (START) return START;
  const start = new Int32Array((LUNAR_LAST_YEAR - LUNAR_FIRST_YEAR + 1) * 12);
  let day = EPOCH;
  for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) {
    const leap = chineseDays.getYearLeapMonth(y);
    const fixes = MONTH_FIXES[y] ?? {};
    for (let m = 1; m <= 12; m++) {
      start[(y - LUNAR_FIRST_YEAR) * 12 + m - 1] = day;
      day += fixes[m] ?? chineseDays.monthDays(y, m);
      if (leap.leapMonth === m) day += leap.days; // 闰月 follows the month of the same number
    }
  }
  return (START = start);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) {
    throw new RangeError(`农历计算仅支持${LUNAR_FIRST_YEAR}—${LUNAR_LAST_YEAR}年：${year}`);
  }
}

/** Day number (days since 1970-01-01) of 农历 `year`年`month`月`day`日, in the ordinary (not leap) month. */
export function lunarToDays(year: number, month: number, day: number): number {
  checkYear(year);
  if (
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    !Number.isInteger(day) ||
    day < 1 ||
    day > 30
  ) {
    throw new RangeError(`农历日期无效：${year}年${month}月${day}日`);
  }
  return table()[(year - LUNAR_FIRST_YEAR) * 12 + month - 1] + day - 1;
}

/**
 * Day number of 清明 (the sun at apparent longitude 15°), Beijing time. The 寿星 formula
 * [Y·0.2422 + C] − [Y/4] written as one linear count from 2000 (C = 4.81 for the 21st century and
 * 5.59 for the 20th are the same line), in integers of 1/10000 day, so that 2100 (not a leap year,
 * where the per-century formula breaks) comes out right: 2100-04-05. Matches the 寿星 ephemeris for
 * every year 1900–2100 and the official 清明 holidays 2008–2026 (tests).
 */
export function qingmingDays(year: number): number {
  checkYear(year);
  const t = 48_100 + 3_652_422 * (year - 2000); // 4.81 + 365.2422·(year − 2000) days after 2000-03-31
  return civilToDays(2000, 3, 31) + Math.floor(t / 10_000);
}
