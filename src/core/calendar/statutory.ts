/**
 * The rest days the 全国年节及纪念日放假办法 (2024 revision, in force 2025-01-01) fixes for any year,
 * which the calendar assumes for a year whose State Council notice (放假通知) is not yet known
 * (RULES §1). The notice's 调休 (weekend working days, moved days) cannot be known in advance and is
 * not assumed.
 *
 * Art 2: 元旦 1月1日; 春节 农历除夕、正月初一至初三; 清明节 清明当日; 劳动节 5月1日、2日; 端午节 农历五月初五;
 *        中秋节 农历八月十五; 国庆节 10月1日至3日.
 * Art 6: a holiday that falls on a Saturday or Sunday “应当在工作日补假”. The notice chooses the day; we
 *        assume the first working days after the festival, as the notices have done (e.g. 元旦 2022 and
 *        2023, 清明 2026: the following Monday). Over any period spanning the festival this gives the
 *        notice's net number of working days, since 调休 only moves days.
 */
import { civilToDays, daysToDate, isWeekendDay } from './civil.ts';
import { lunarToDays, qingmingDays } from './lunar.ts';

/** First year the 2024 revision governs (春节 4 days, 劳动节 2 days). */
export const STATUTE_FIRST_YEAR = 2025;

export interface StatutoryFestival {
  /** As the 放假办法 names it: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. */
  name: string;
  /** Art 2 rest days, ascending. */
  days: string[];
  /** Art 6 补假: as many working days as `days` has weekend days, assumed right after the festival. */
  compensation: string[];
}

/** The seven festivals of Art 2 with their Art 6 补假, in date order. Years 1900–2100. */
export function statutoryFestivals(year: number): StatutoryFestival[] {
  const solar = (m: number, d: number) => civilToDays(year, m, d);
  const newYear = lunarToDays(year, 1, 1);
  const fixed: Array<{ name: string; days: number[] }> = [
    { name: '元旦', days: [solar(1, 1)] },
    { name: '春节', days: [newYear - 1, newYear, newYear + 1, newYear + 2] }, // 除夕 is the day before 正月初一
    { name: '清明节', days: [qingmingDays(year)] },
    { name: '劳动节', days: [solar(5, 1), solar(5, 2)] },
    { name: '端午节', days: [lunarToDays(year, 5, 5)] },
    { name: '中秋节', days: [lunarToDays(year, 8, 15)] },
    { name: '国庆节', days: [solar(10, 1), solar(10, 2), solar(10, 3)] },
  ];
  fixed.sort((a, b) => a.days[0] - b.days[0]); // 中秋 may fall after 国庆
  // A 补假 day is a Monday–Friday that is neither a festival day nor already given as 补假. A 中秋
  // on a weekday of 国庆 earns nothing: Art 6 compensates weekends only.
  const taken = new Set(fixed.flatMap((f) => f.days));
  return fixed.map((f) => {
    const compensation: number[] = [];
    const owed = f.days.filter(isWeekendDay).length;
    for (let d = f.days[f.days.length - 1] + 1; compensation.length < owed; d++) {
      if (isWeekendDay(d) || taken.has(d)) continue;
      compensation.push(d);
      taken.add(d);
    }
    return {
      name: f.name,
      days: f.days.map(daysToDate),
      compensation: compensation.map(daysToDate),
    };
  });
}
