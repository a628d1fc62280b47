import { randomUUID } from 'node:crypto';

/** Time is passed in: production uses the system clock, tests a fixed one. */
export interface Clock {
  now(): Date;
  /** Today's legal date in China (Asia/Shanghai), 'YYYY-MM-DD'. */
  today(): string;
}

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

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
