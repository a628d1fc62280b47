/**
 * Working-day calendar (pure, no database).
 *
 * 工作日 = Monday–Friday, minus 法定节假日, plus 调休 working weekend days (RULES §1). Official data
 * comes from `chinese-days` and is overlaid by administrator overrides entered from the State
 * Council notice (an override always wins). chinese-days silently treats years it has no data for
 * as plain Mon–Fri, so we detect the years it really covers and flag anything else as provisional.
 * A provisional year from 2025 on still observes the rest days the 全国年节及纪念日放假办法 fixes
 * (Art 2, with Art 6 补假; statutory.ts) until its notice is entered; only the 调休 is unknown.
 *
 * Everything is precomputed once per calendar into per-day arrays over 1990-01-01 … 2100-12-31 so
 * that addWorkdays / workdaysBetween are O(1) array look-ups (the sweep and the bench call them
 * millions of times).
 */
import chineseDays from 'chinese-days';
import { civilToDays } from './civil.ts';
import { STATUTE_FIRST_YEAR, statutoryFestivals } from './statutory.ts';

export type Unit = 'workday' | 'day';

export interface CalendarOverride {
  date: string; // YYYY-MM-DD
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarData {
  overrides: CalendarOverride[];
  /** Years an administrator entered a State Council notice for. */
  officialYears: number[];
}

/** Day kinds stored per day. */
export const DayKind = {
  Workday: 0, // ordinary Monday–Friday
  Weekend: 1, // Saturday/Sunday rest day
  Holiday: 2, // 法定节假日 (incl. weekend days inside a holiday block)
  MakeUp: 3, // 调休上班: a weekend day that is a working day
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

/** Why a provisional year's day is assumed to be a rest day (全国年节及纪念日放假办法). */
export const Assumed = {
  None: 0,
  Festival: 1, // Art 2: the festival day itself
  Compensation: 2, // Art 6: 补假 for a festival day on a weekend
} as const;
export type Assumed = (typeof Assumed)[keyof typeof Assumed];

export interface Calendar {
  isWorkday(date: string): boolean;
  /** 法定休假日 incl. weekends that are not make-up days (i.e. every day that is not a working day). */
  isHoliday(date: string): boolean;
  /** chinese-days built-in years OR officialYears. */
  hasOfficialData(year: number): boolean;
  /** The n-th working day after `from` (start day not counted); n may be 0 (returns `from`) or negative. */
  addWorkdays(from: string, n: number): string;
  /** Signed count of working days in (from, to]; negative when to < from. */
  workdaysBetween(from: string, to: string): number;
  addDays(from: string, n: number): string;
  /** Signed calendar days from `from` to `to`. */
  daysBetween(from: string, to: string): number;
  /** `date` itself when it is a working day, else the first working day after it. */
  nextWorkday(date: string): string;
  /** Holiday / make-up name where known ("春节"), else undefined. */
  dayName(date: string): string | undefined;
  dayKind(date: string): DayKind;
  /** Years in [fromYear, toYear] without official data, ascending. */
  provisionalYears(fromYear: number, toYear: number): number[];
  /** A year without official data whose 放假办法 holidays are assumed (from 2025, when the 2024 revision took effect). */
  assumesStatutory(year: number): boolean;
  /** Low-level access for hot loops (engine, explanations): day index ⇄ date. */
  index(date: string): number;
  dateAt(index: number): string;
  kindAt(index: number): DayKind;
  nameAt(index: number): string | undefined;
  /** Whether the day is a rest day only by the 放假办法 assumption for a provisional year. */
  assumedAt(index: number): Assumed;
  /** Working days in days [0, index] (cumulative). */
  cumAt(index: number): number;
  /** Index of the working day with the given 1-based rank; -1 when out of range. */
  workdayAtRank(rank: number): number;
  readonly firstDate: string;
  readonly lastDate: string;
}

// ---------- date arithmetic without Date objects ----------

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

const BASE = civilToDays(FIRST_YEAR, 1, 1);
const SIZE = civilToDays(LAST_YEAR, 12, 31) - BASE + 1;
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** 'YYYY-MM-DD' → day index in the calendar range, or -1 when malformed or out of range. */
export function tryIndex(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48,
    m2 = s.charCodeAt(6) - 48,
    d1 = s.charCodeAt(8) - 48,
    d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2,
    d = d1 * 10 + d2;
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return -1;
  if (d > (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m])) return -1;
  return civilToDays(y, m, d) - BASE;
}

export function isValidDate(s: string): boolean {
  return tryIndex(s) >= 0;
}

function toIndex(s: string): number {
  const i = tryIndex(s);
  if (i < 0)
    throw new RangeError(
      `日期无效或超出日历范围（${FIRST_YEAR}—${LAST_YEAR}年，格式YYYY-MM-DD）：${String(s)}`,
    );
  return i;
}

// Shared, immutable per process: the date strings, years and weekdays of every day in range.
let DATES: string[] | undefined;
let YEARS: Uint16Array;
let BASE_KIND: Uint8Array;
let BASE_NAME: Array<string | undefined>;
let BUILTIN_YEARS: Set<number>;
/** Per year chinese-days lacks (from STATUTE_FIRST_YEAR): the 放假办法 rest days as [index, Assumed, name]. */
let STATUTORY: Map<number, Array<[number, Assumed, string]>>;

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** One-time table of date strings plus the chinese-days data for the years it really covers. */
function initTables(): void {
  if (DATES) return;
  const dates = new Array<string>(SIZE);
  YEARS = new Uint16Array(SIZE);
  BASE_KIND = new Uint8Array(SIZE);
  BASE_NAME = new Array<string | undefined>(SIZE);
  let i = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 1; m <= 12; m++) {
      const n = m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m];
      const prefix = `${y}-${pad2(m)}-`;
      for (let d = 1; d <= n; d++, i++) {
        dates[i] = prefix + pad2(d);
        YEARS[i] = y;
        // 1990-01-01 was a Monday: weekday = i % 7 (0 = Monday … 5 = Saturday, 6 = Sunday).
        BASE_KIND[i] = i % 7 >= 5 ? DayKind.Weekend : DayKind.Workday;
      }
    }
  }
  DATES = dates;
  BUILTIN_YEARS = new Set();
  // chinese-days labels festival days "English,中文,n"; plain days carry a weekday name. A year is
  // covered when its 元旦 / 劳动节 / 国庆节 carry festival labels (uncovered years get weekday names).
  const festival = (d: string) => chineseDays.getDayDetail(d).name.includes(',');
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    if (festival(`${y}-01-01`) || festival(`${y}-05-01`) || festival(`${y}-10-01`))
      BUILTIN_YEARS.add(y);
  }
  for (let k = 0; k < SIZE; k++) {
    if (!BUILTIN_YEARS.has(YEARS[k])) continue;
    const detail = chineseDays.getDayDetail(dates[k]);
    const parts = detail.name.split(',');
    const name = parts.length >= 2 ? parts[1] : undefined;
    const weekend = k % 7 >= 5;
    if (detail.work) {
      BASE_KIND[k] = weekend ? DayKind.MakeUp : DayKind.Workday;
      if (weekend) BASE_NAME[k] = name;
    } else if (name) {
      BASE_KIND[k] = DayKind.Holiday;
      BASE_NAME[k] = name;
    } else {
      BASE_KIND[k] = weekend ? DayKind.Weekend : DayKind.Holiday;
    }
  }
  STATUTORY = new Map();
  for (let y = Math.max(FIRST_YEAR, STATUTE_FIRST_YEAR); y <= LAST_YEAR; y++) {
    if (BUILTIN_YEARS.has(y)) continue;
    const days: Array<[number, Assumed, string]> = [];
    const fixed = new Map<number, string>();
    for (const f of statutoryFestivals(y)) {
      // 中秋 can fall on a 国庆 day (2031-10-01): one rest day under both names.
      for (const i of f.days.map(toIndex))
        fixed.set(i, fixed.has(i) ? `${fixed.get(i)}、${f.name}` : f.name);
      for (const d of f.compensation) days.push([toIndex(d), Assumed.Compensation, f.name]);
    }
    for (const [i, name] of fixed) days.push([i, Assumed.Festival, name]);
    STATUTORY.set(y, days);
  }
}

/** Years chinese-days has official holiday data for (detected from its data, not assumed). */
export function builtinYears(): number[] {
  initTables();
  return [...BUILTIN_YEARS].sort((a, b) => a - b);
}

export function createCalendar(data: CalendarData): Calendar {
  initTables();
  const dates = DATES!;
  const kind = BASE_KIND.slice();
  const names = BASE_NAME.slice();
  const official = new Uint8Array(LAST_YEAR - FIRST_YEAR + 1);
  for (const y of BUILTIN_YEARS) official[y - FIRST_YEAR] = 1;
  for (const y of data.officialYears)
    if (y >= FIRST_YEAR && y <= LAST_YEAR) official[y - FIRST_YEAR] = 1;
  // Until a year's notice is entered, its 放假办法 rest days hold; the notice then replaces them.
  const assumed = new Uint8Array(SIZE);
  for (const [y, days] of STATUTORY) {
    if (official[y - FIRST_YEAR]) continue;
    for (const [i, why, name] of days) {
      kind[i] = DayKind.Holiday;
      names[i] = name;
      assumed[i] = why;
    }
  }
  for (const o of data.overrides) {
    const i = toIndex(o.date);
    const weekend = i % 7 >= 5;
    kind[i] = o.kind === 'holiday' ? DayKind.Holiday : weekend ? DayKind.MakeUp : DayKind.Workday;
    names[i] = o.name || undefined;
    assumed[i] = Assumed.None;
  }
  const isOfficial = (y: number) =>
    y >= FIRST_YEAR && y <= LAST_YEAR && official[y - FIRST_YEAR] === 1;

  // cum[i] = working days in [0, i]; ranks[r - 1] = index of the r-th working day.
  const cum = new Int32Array(SIZE);
  const ranks: number[] = [];
  let c = 0;
  for (let i = 0; i < SIZE; i++) {
    if (kind[i] === DayKind.Workday || kind[i] === DayKind.MakeUp) {
      c++;
      ranks.push(i);
    }
    cum[i] = c;
  }
  const rank = Int32Array.from(ranks);
  const total = rank.length;

  const isWork = (i: number) => kind[i] === DayKind.Workday || kind[i] === DayKind.MakeUp;
  const addW = (i: number, n: number): number => {
    if (n === 0) return i;
    // n > 0: rank cum[i] + n. n < 0: the |n|-th working day before i has rank cum[i - 1] + n + 1.
    const r = n > 0 ? cum[i] + n : (i > 0 ? cum[i - 1] : 0) + n + 1;
    if (r < 1 || r > total)
      throw new RangeError(`工作日计算超出日历范围（${FIRST_YEAR}—${LAST_YEAR}年）`);
    return rank[r - 1];
  };
  const dateOf = (i: number): string => {
    if (i < 0 || i >= SIZE)
      throw new RangeError(`日期超出日历范围（${FIRST_YEAR}—${LAST_YEAR}年）`);
    return dates[i];
  };

  return {
    isWorkday: (d) => isWork(toIndex(d)),
    isHoliday: (d) => !isWork(toIndex(d)),
    hasOfficialData: isOfficial,
    addWorkdays: (from, n) => dates[addW(toIndex(from), n)],
    workdaysBetween: (from, to) => cum[toIndex(to)] - cum[toIndex(from)],
    addDays: (from, n) => dateOf(toIndex(from) + n),
    daysBetween: (from, to) => toIndex(to) - toIndex(from),
    nextWorkday: (d) => {
      const i = toIndex(d);
      return isWork(i) ? d : dates[addW(i, 1)];
    },
    dayName: (d) => names[toIndex(d)],
    dayKind: (d) => kind[toIndex(d)] as DayKind,
    provisionalYears: (a, b) => {
      const out: number[] = [];
      for (let y = a; y <= b; y++) if (!isOfficial(y)) out.push(y);
      return out;
    },
    assumesStatutory: (y) => !isOfficial(y) && STATUTORY.has(y),
    index: toIndex,
    dateAt: dateOf,
    kindAt: (i) => kind[i] as DayKind,
    nameAt: (i) => names[i],
    assumedAt: (i) => assumed[i] as Assumed,
    cumAt: (i) => cum[i],
    workdayAtRank: (r) => (r >= 1 && r <= total ? rank[r - 1] : -1),
    firstDate: dates[0],
    lastDate: dates[SIZE - 1],
  };
}

// ---------- due dates (implemented in explain.ts, next to their explanations) ----------

export { computeDue, daysLeft, dueDate } from './explain.ts';
export type { DueInput, DueResult, ExcludedInterval } from './explain.ts';
