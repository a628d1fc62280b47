/**
 * Due dates on a Calendar and their Chinese explanations, e.g.
 * "自2025年1月20日次日起算20个工作日，跳过春节假期1月28日至2月4日，1月26日、2月8日调休上班，至2025年2月21日届满".
 * Re-exported by calendar.ts. Only type imports from calendar.ts, so there is no runtime import cycle.
 */
import type { Calendar, Unit } from './calendar.ts';

const OUT_OF_RANGE = '期限超出日历范围（1990—2100年）';
const HOLIDAY = 2;
const WEEKEND = 1;
const MAKEUP = 3;
const ASSUMED_FESTIVAL = 1;
const ASSUMED_COMPENSATION = 2;
const STATUTE = '《全国年节及纪念日放假办法》';

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** "2025年1月20日" */
export function formatDateZh(date: string): string {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日`;
}

/** "1月28日" when in `refYear`, else with the year. */
function short(date: string, refYear: number): string {
  const [y, m, d] = parts(date);
  return y === refYear ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

function range(a: string, b: string, refYear: number): string {
  if (a === b) return short(a, refYear);
  return `${short(a, refYear)}至${short(b, Number(a.slice(0, 4)))}`;
}

function holidayLabel(name: string | undefined): string {
  if (!name) return '法定节假日';
  return /假期?$|节假日$/.test(name) ? name : `${name}假期`;
}

/** Holiday blocks (contiguous 法定节假日, names joined) and make-up working days inside days (fromIdx, toIdx]. */
function holidaysAndMakeUps(
  cal: Calendar,
  fromIdx: number,
  toIdx: number,
  refYear: number,
): { holidays: string[]; makeUps: string[] } {
  const holidays: string[] = [];
  const makeUps: string[] = [];
  let runStart = -1;
  let runNames: string[] = [];
  const flush = (end: number) => {
    if (runStart >= 0) {
      const label = runNames.length ? holidayLabel(runNames.join('、')) : '法定节假日';
      holidays.push(`${label}${range(cal.dateAt(runStart), cal.dateAt(end), refYear)}`);
    }
    runStart = -1;
    runNames = [];
  };
  for (let i = fromIdx + 1; i <= toIdx; i++) {
    const k = cal.kindAt(i);
    if (k === HOLIDAY) {
      // 2025: 国庆节 and 中秋 share one block; report it once as "国庆节、中秋假期10月1日至10月8日".
      const name = cal.nameAt(i);
      if (runStart < 0) runStart = i;
      for (const n of name ? name.split('、') : []) if (!runNames.includes(n)) runNames.push(n);
      continue;
    }
    flush(i - 1);
    if (k === MAKEUP) makeUps.push(short(cal.dateAt(i), refYear));
  }
  flush(toIdx);
  return { holidays, makeUps };
}

/**
 * Days in [a, b] assumed by the 放假办法 for a provisional year: Art 2 festivals as "春节2月5日至2月8日"
 * (a 中秋 on a 国庆 day is listed under both), Art 6 补假 as "2月9日、2月10日".
 */
function assumedDays(
  cal: Calendar,
  a: number,
  b: number,
  refYear: number,
): { festivals: string[]; compensation: string[] } {
  const byName = new Map<string, number[]>();
  const compensation: string[] = [];
  for (let i = a; i <= b; i++) {
    const why = cal.assumedAt(i);
    if (why === ASSUMED_COMPENSATION) compensation.push(short(cal.dateAt(i), refYear));
    if (why !== ASSUMED_FESTIVAL) continue;
    for (const name of (cal.nameAt(i) ?? '法定节假日').split('、')) {
      const days = byName.get(name) ?? [];
      days.push(i);
      byName.set(name, days);
    }
  }
  const festivals: string[] = [];
  for (const [name, days] of byName) {
    const runs: string[] = [];
    for (let k = 0; k < days.length; k++) {
      let j = k;
      while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
      runs.push(range(cal.dateAt(days[k]), cal.dateAt(days[j]), refYear));
      k = j;
    }
    festivals.push(name + runs.join('、'));
  }
  return { festivals, compensation };
}

/**
 * The note on a due date that rests on a year without its State Council notice. From 2025 such a
 * year observes the 放假办法 (calendar.ts); the note names the assumed days that decided the result:
 * those in `counted` (the counted working days), else in `rolled` (the days a calendar-day period's
 * last day was rolled over). Only the 调休 is left open.
 */
export function provisionalNote(
  cal: Calendar,
  years: number[],
  refYear: number,
  counted?: [number, number],
  rolled?: [number, number],
): string {
  if (!years.length) return '';
  const label = `${years.map((y) => `${y}年`).join('、')}节假日安排尚未公布`;
  if (!years.some((y) => cal.assumesStatutory(y))) return `（${label}，暂按周一至周五计算）`;
  const span = counted ?? rolled;
  const { festivals, compensation } = span
    ? assumedDays(cal, span[0], span[1], refYear)
    : { festivals: [], compensation: [] };
  const said: string[] = [];
  if (festivals.length) said.push(`第二条计入${festivals.join('、')}`);
  if (compensation.length) said.push(`第六条将适逢周末的节日暂补假于${compensation.join('、')}`);
  const assumed = said.length
    ? `已按${STATUTE}${said.join('，并按')}`
    : counted
      ? `期间内没有${STATUTE}规定的节假日`
      : `法定节假日按${STATUTE}确定`;
  return `（${label}，为暂定日历：${assumed}；调休安排以国务院办公厅通知为准）`;
}

function explainDue(
  cal: Calendar,
  input: DueInput,
  fromIdx: number,
  nominalIdx: number,
  dueIdx: number,
  provisionalYears: number[],
): string {
  const from = cal.dateAt(fromIdx);
  const refYear = Number(from.slice(0, 4));
  const work = input.unit === 'workday';
  const out: string[] = [];
  out.push(
    `自${formatDateZh(from)}次日起算${input.countText ?? `${input.count}${work ? '个工作日' : '日'}`}`,
  );
  if (work) {
    const { holidays, makeUps } = holidaysAndMakeUps(cal, fromIdx, dueIdx, refYear);
    if (holidays.length) out.push(`跳过${holidays.join('、')}`);
    if (makeUps.length) out.push(`${makeUps.join('、')}调休上班`);
  }
  for (const e of input.excluded ?? []) {
    const a = Math.max(cal.index(e.from), fromIdx);
    const b = cal.index(e.to);
    if (b <= a) continue;
    const n = work ? cal.cumAt(b) - cal.cumAt(a) : b - a;
    out.push(
      `${e.reason ?? '暂停'}期间${range(e.from, e.to, refYear)}（${n}${work ? '个工作日' : '日'}）不计算在内`,
    );
  }
  if (nominalIdx !== dueIdx) {
    const name = cal.nameAt(nominalIdx);
    out.push(
      `${formatDateZh(cal.dateAt(nominalIdx))}为期间最后一日，该日为法定休假日${name ? `（${name}）` : ''}，` +
        `依照民事诉讼法第八十五条顺延至${formatDateZh(cal.dateAt(dueIdx))}届满`,
    );
  } else {
    out.push(`至${formatDateZh(cal.dateAt(dueIdx))}届满`);
  }
  const counted: [number, number] | undefined = work ? [fromIdx + 1, dueIdx] : undefined;
  const rolled: [number, number] | undefined =
    !work && nominalIdx !== dueIdx ? [nominalIdx, dueIdx - 1] : undefined;
  return out.join('，') + provisionalNote(cal, provisionalYears, refYear, counted, rolled);
}

export interface ExcludedInterval {
  /** Days in (from, to] are not counted: a pause recorded on `from` and resumed on `to`. */
  from: string;
  to: string;
  /** Chinese reason for the explanation, e.g. "征求第三方意见". */
  reason?: string;
}

export interface DueInput {
  from: string;
  count: number;
  unit: Unit;
  /** Calendar-day periods: roll to the next working day if the last day is a 法定休假日 (民诉法 Art 85). */
  rollForward?: boolean;
  /** Paused intervals not counted. */
  excluded?: ExcludedInterval[];
  /** Replaces "20个工作日" in the explanation, e.g. "20个工作日，经批准延长10个工作日（共30个工作日）". */
  countText?: string;
}

export interface DueResult {
  due: string;
  provisional: boolean;
  explanation: string;
}

/** Sorted, merged [a, b] index pairs (days in (a, b] excluded), clipped to after `fromIdx`. */
function mergeExcluded(cal: Calendar, fromIdx: number, excluded: ExcludedInterval[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (const e of excluded) {
    const a = Math.max(cal.index(e.from), fromIdx);
    const b = cal.index(e.to);
    if (b > a) pairs.push([a, b]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const flat: number[] = [];
  for (const [a, b] of pairs) {
    const n = flat.length;
    if (n && a <= flat[n - 1]) flat[n - 1] = Math.max(flat[n - 1], b);
    else flat.push(a, b);
  }
  return flat;
}

function dueIndex(
  cal: Calendar,
  input: DueInput,
): { fromIdx: number; due: number; nominal: number } {
  const { count, unit } = input;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`期限天数无效：${count}`);
  const fromIdx = cal.index(input.from);
  const work = unit === 'workday';
  let due = work ? cal.workdayAtRank(cal.cumAt(fromIdx) + count) : fromIdx + count;
  if (count === 0) due = fromIdx;
  if (input.excluded && input.excluded.length) {
    const ex = mergeExcluded(cal, fromIdx, input.excluded);
    for (let k = 0; k < ex.length; k += 2) {
      const a = ex[k],
        b = ex[k + 1];
      if (a >= due) break;
      // The days still to count after the pause began are counted again after it ends.
      const remaining = work ? cal.cumAt(due) - cal.cumAt(a) : due - a;
      due = work
        ? remaining === 0
          ? b
          : cal.workdayAtRank(cal.cumAt(b) + remaining)
        : b + remaining;
    }
  }
  if (due < 0) throw new RangeError(OUT_OF_RANGE);
  const nominal = due;
  // 民诉法 Art 85: a calendar-day period whose last day is a 法定休假日 ends on the next working day.
  if (!work && input.rollForward) {
    const k = cal.kindAt(due);
    if (k === WEEKEND || k === HOLIDAY) due = cal.workdayAtRank(cal.cumAt(due) + 1);
  }
  if (due < 0) throw new RangeError(OUT_OF_RANGE);
  return { fromIdx, due, nominal };
}

/** The fast path: the due date only. */
export function dueDate(cal: Calendar, input: DueInput): string {
  return cal.dateAt(dueIndex(cal, input).due);
}

/** Due date, whether it rests on unpublished holiday data, and a Chinese explanation. */
export function computeDue(cal: Calendar, input: DueInput): DueResult {
  const { fromIdx, due, nominal } = dueIndex(cal, input);
  const years = cal.provisionalYears(
    Number(cal.dateAt(Math.min(fromIdx + 1, due)).slice(0, 4)),
    Number(cal.dateAt(due).slice(0, 4)),
  );
  return {
    due: cal.dateAt(due),
    provisional: years.length > 0,
    explanation: explainDue(cal, input, fromIdx, nominal, due, years),
  };
}

/** Days left until `due` in the period's unit: 0 on the due day, negative when overdue. */
export function daysLeft(cal: Calendar, today: string, due: string, unit: Unit): number {
  return unit === 'workday' ? cal.workdaysBetween(today, due) : cal.daysBetween(today, due);
}
