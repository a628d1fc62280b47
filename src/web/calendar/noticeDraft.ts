import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDay } from '../lib/types.ts';

export interface NoticeValues {
  title: string;
  holidays: { name: string; range: [Dayjs, Dayjs] }[];
  makeUpWorkdays: { date: Dayjs; name: string }[];
}

/** Turns a year's entered days back into the notice form (consecutive holidays of one name form a range). */
export function draftFromDays(days: CalendarDay[], title: string | null): NoticeValues {
  const holidays: NoticeValues['holidays'] = [];
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  for (const d of sorted.filter((x) => x.kind === 'holiday')) {
    const last = holidays[holidays.length - 1];
    const date = dayjs(d.date);
    if (last && last.name === d.name && last.range[1].add(1, 'day').isSame(date, 'day'))
      last.range = [last.range[0], date];
    else holidays.push({ name: d.name, range: [date, date] });
  }
  const makeUpWorkdays = sorted
    .filter((x) => x.kind === 'workday')
    .map((d) => ({ date: dayjs(d.date), name: d.name }));
  return { title: title ?? '', holidays, makeUpWorkdays };
}

export function emptyDraft(year: number): NoticeValues {
  return {
    title: `国务院办公厅关于${year}年部分节假日安排的通知`,
    holidays: [{ name: '', range: undefined as unknown as [Dayjs, Dayjs] }],
    makeUpWorkdays: [],
  };
}
