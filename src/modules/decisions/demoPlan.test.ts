import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { decisionDemoDates } from './demo.ts';
import { decisionTimeline } from './testkit.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

test('demo decisions: on every day of 2024–2027 the made decision is published by today, its steps in order', () => {
  const failures: string[] = [];
  for (let today = '2024-01-01'; today <= '2027-12-31'; today = cal.addDays(today, 1)) {
    const { madeFrom, inProgressFrom } = decisionDemoDates(cal, today);
    const t = decisionTimeline(cal, madeFrom);
    const order = [t.startOn, t.commentEndOn, t.reviewOn, t.concludeOn, t.meetingOn, t.publishOn];
    if (order.some((d, i) => i > 0 && d <= order[i - 1])) failures.push(`${today}: out of order ${order.join(' ')}`);
    if (t.publishOn > today) failures.push(`${today}: published ${t.publishOn}, after today`);
    // Art 26: at least 7 working days asked for the legality review; the meeting is a working day.
    if (cal.workdaysBetween(t.reviewOn, t.requestedBy) < 7) failures.push(`${today}: review time ${t.reviewOn}…${t.requestedBy}`);
    if (!cal.isWorkday(t.meetingOn)) failures.push(`${today}: meeting on a rest day ${t.meetingOn}`);
    if (inProgressFrom > today || decisionTimeline(cal, inProgressFrom).commentEndOn <= today) failures.push(`${today}: the in-progress comment window is not open today`);
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
