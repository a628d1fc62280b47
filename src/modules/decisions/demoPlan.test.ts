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
    if (order.some((d, i) => i > 0 && d <= order[i - 1]))
      failures.push(`${today}: out of order ${order.join(' ')}`);
    if (t.publishOn > today) failures.push(`${today}: published ${t.publishOn}, after today`);
    // Art 26: at least 7 working days asked for the legality review; the meeting is a working day.
    if (cal.workdaysBetween(t.reviewOn, t.requestedBy) < 7)
      failures.push(`${today}: review time ${t.reviewOn}…${t.requestedBy}`);
    if (!cal.isWorkday(t.meetingOn))
      failures.push(`${today}: meeting on a rest day ${t.meetingOn}`);
    if (inProgressFrom > today || decisionTimeline(cal, inProgressFrom).commentEndOn <= today)
      failures.push(`${today}: the in-progress comment window is not open today`);
  }
  assert.deepEqual(failures.slice(0, 10), []);
});

test('demo catalogue: published on a working day early in its year, before its first decision; planned quarters of that year, not before the publication', () => {
  const failures: string[] = [];
  const quarter = (d: string) => Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
  const parse = (label: string) => /^(\d{4})年第([一二三四])季度$/.exec(label);
  for (let today = '2024-01-01'; today <= '2028-12-31'; today = cal.addDays(today, 1)) {
    const d = decisionDemoDates(cal, today);
    const t = decisionTimeline(cal, d.madeFrom);
    if (!cal.isWorkday(d.catalogueOn))
      failures.push(`${today}: catalogue on a rest day ${d.catalogueOn}`);
    if (d.catalogueOn >= d.madeFrom)
      failures.push(
        `${today}: catalogue ${d.catalogueOn} not before the decision of ${d.madeFrom}`,
      );
    // Early in the year: in its first quarter, or late in the year before when the first decision starts in early January.
    if (
      !(d.catalogueOn.startsWith(`${d.year}-0`) && quarter(d.catalogueOn) === 1) &&
      !d.catalogueOn.startsWith(`${d.year - 1}-12`)
    )
      failures.push(`${today}: catalogue of ${d.year} published ${d.catalogueOn}`);
    for (const [what, label] of Object.entries(d.planned)) {
      const m = parse(label);
      if (!m || Number(m[1]) !== d.year) {
        failures.push(`${today}: ${what} planned ${label}, not in ${d.year}`);
        continue;
      }
      const q = '一二三四'.indexOf(m[2]) + 1;
      if (d.catalogueOn.startsWith(String(d.year)) && q < quarter(d.catalogueOn))
        failures.push(
          `${today}: ${what} planned ${label}, before the catalogue of ${d.catalogueOn}`,
        );
      if (what === 'made' && t.publishOn.startsWith(String(d.year)) && q !== quarter(t.publishOn))
        failures.push(`${today}: made decision published ${t.publishOn}, planned ${label}`);
    }
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
