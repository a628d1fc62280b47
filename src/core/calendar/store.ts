import type { DbOrTx } from '../db/client.ts';
import { calendarDays, calendarYears } from './schema.ts';
import { createCalendar, type Calendar, type CalendarData } from './calendar.ts';

/**
 * The process's current calendar: chinese-days overlaid with the administrator's overrides.
 * Instances share overrides through the database and pick up another instance's edit within
 * `refreshMs` (the sweep calls refresh()); the editing instance reloads at once.
 */
export interface CalendarStore {
  current(): Calendar;
  reload(db: DbOrTx): Promise<Calendar>;
  refresh(db: DbOrTx): Promise<boolean>;
}

export async function loadCalendarData(db: DbOrTx): Promise<CalendarData & { stamp: string }> {
  const days = await db.select().from(calendarDays).orderBy(calendarDays.date);
  const years = await db
    .select({ year: calendarYears.year, at: calendarYears.enteredAt })
    .from(calendarYears);
  const stamp = `${days.length}:${years
    .map((y) => `${y.year}@${y.at.toISOString()}`)
    .sort()
    .join(',')}`;
  return {
    overrides: days.map((d) => ({
      date: d.date,
      kind: d.kind as 'holiday' | 'workday',
      name: d.name,
    })),
    officialYears: years.map((y) => y.year),
    stamp,
  };
}

export function createCalendarStore(
  initial: Calendar = createCalendar({ overrides: [], officialYears: [] }),
): CalendarStore {
  let cal = initial;
  let stamp = '';
  const store: CalendarStore = {
    current: () => cal,
    async reload(db) {
      const data = await loadCalendarData(db);
      cal = createCalendar(data);
      stamp = data.stamp;
      return cal;
    },
    /** Reloads only when the overrides changed (cheap enough to call every minute). */
    async refresh(db) {
      const data = await loadCalendarData(db);
      if (data.stamp === stamp) return false;
      cal = createCalendar(data);
      stamp = data.stamp;
      return true;
    },
  };
  return store;
}
