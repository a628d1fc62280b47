import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../core/calendar/calendar.ts';
import { check, type CaseEvent } from '../../core/procedure/engine.ts';
import { NORMATIVE_DOCUMENT } from './procedure.ts';
import { documentEvents, historyPlan, type DocumentDates } from './demoPlan.ts';

const cal = createCalendar({ overrides: [], officialYears: [] });

/** Every act of the planned history passes the procedure's own checks, in order, and none lies ahead. */
function problems(today: string): string[] {
  const plan = historyPlan(cal, today);
  const out: string[] = [];
  const docs: Array<[string, DocumentDates, boolean]> = [
    ['voucher', plan.voucher, true],
    ['plan', plan.plan, false],
    ['interim', plan.interim, false],
    ['sme', plan.sme, false],
  ];
  for (const [name, d, market] of docs) {
    const h: CaseEvent[] = [];
    for (const ev of documentEvents(d, market)) {
      const r = check(NORMATIVE_DOCUMENT, h, ev, cal);
      if (!r.ok) out.push(`${today} ${name} ${ev.type} on ${ev.on}: ${r.message}`);
      h.push({ ...ev, seq: h.length + 1 });
    }
    if (d.filingReviewedOn > today)
      out.push(`${today} ${name}: filing reviewed on ${d.filingReviewedOn}, after today`);
    if (d.commentOn.some((c) => c < d.start || c > d.end))
      out.push(`${today} ${name}: a comment outside ${d.start}…${d.end}`);
    // The 清理 campaign reviews every document published before it opened.
    if (d.publishOn >= plan.campaign.openedOn)
      out.push(
        `${today} ${name}: published ${d.publishOn}, not before the 清理 of ${plan.campaign.openedOn}`,
      );
  }
  // 文号 are taken in walk order (oldest first): within a year they must follow the publication dates.
  for (let i = 1; i < docs.length; i++) {
    const [prev, cur] = [docs[i - 1][1].publishOn, docs[i][1].publishOn];
    if (prev.slice(0, 4) === cur.slice(0, 4) && prev >= cur)
      out.push(
        `${today} ${docs[i][0]} published ${cur}, not after ${docs[i - 1][0]} (${prev}) of the same year`,
      );
  }
  const { campaign } = plan;
  if (!(
    campaign.openedOn < campaign.decidedOn &&
    campaign.decidedOn < campaign.publishedOn &&
    campaign.publishedOn <= today
  ))
    out.push(`${today} campaign dates out of order`);
  return out;
}

test('demo history plan: valid under the rules on every day of 2024–2028 (春节, 国庆, year ends, years without official data); 文号 follow the dates', () => {
  const failures: string[] = [];
  for (let day = '2024-01-01'; day <= '2028-12-31'; day = cal.addDays(day, 1))
    failures.push(...problems(day));
  assert.deepEqual(failures.slice(0, 10), []);
});

test('demo history plan: a comment window over 春节 is stretched to 7 working days', () => {
  // 2026-12-04 placed the 14-day window over 春节 2024 (5 working days): the start that failed before.
  const { voucher, plan, interim, sme } = historyPlan(cal, '2026-12-04');
  for (const d of [plan, interim, sme])
    assert.ok(cal.workdaysBetween(d.start, d.end) >= 7, `${d.start}…${d.end}`);
  assert.ok(cal.daysBetween(voucher.start, voucher.end) >= 30);
  assert.ok(
    [plan, interim, sme].some((d) => cal.daysBetween(d.start, d.end) > 14),
    'one window crosses a holiday and is longer than 14 days',
  );
});
