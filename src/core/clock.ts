import { randomUUID } from 'node:crypto';

/** Time is passed in: production uses the system clock, tests a fixed one. */
export interface Clock {
  now(): Date;
  /** Today's legal date in China (Asia/Shanghai), 'YYYY-MM-DD'. */
  today(): string;
}

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function chinaDate(instant: Date): string {
  return shanghai.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => chinaDate(new Date()),
};

/** A clock that stands still (tests) or that a test moves forward explicitly. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t.getTime()),
    today: () => chinaDate(t),
    set(next: string) {
      t = new Date(next);
    },
  };
}

export const newId = (): string => randomUUID();

/**
 * A clock that runs from a chosen instant (FAZHI_NOW: demos and tests of a whole server at another
 * date). A date alone means 10:00 Beijing time on that day.
 */
export function shiftedClock(start: string, realNow: () => number = Date.now): Clock {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(start) ? `${start}T02:00:00.000Z` : start);
  if (Number.isNaN(at)) throw new Error(`invalid instant: ${start}`);
  const offset = at - realNow();
  const now = () => new Date(realNow() + offset);
  return { now, today: () => chinaDate(now()) };
}
