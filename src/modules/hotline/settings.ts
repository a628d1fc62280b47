/**
 * The hotline's time limits per 诉求类型 (RULES §7.2: no national figure; set provincially, [V-loc]). Defaults:
 * 广东省12345热线管理办法 — 咨询 2 个工作日, 求助/建议 10 个工作日, 投诉/举报 15 个工作日. The 签收 and
 * 派单异议 windows are [M] defaults (1 working day each). One table per deployment, kept by the 系统管理员.
 */
import { formSetting, getSetting, whole } from '../../core/settings/service.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import type { Kind } from './labels.ts';

const wd = <N extends string>(name: N, label: string) => whole(name, label, { min: 0, max: 120 });

export const hotlineDeadlines = formSetting({
  key: 'hotline.deadlines',
  label: '12345热线办理时限',
  form: [
    wd('consult', '咨询（工作日）'),
    wd('help', '求助（工作日）'),
    wd('suggest', '建议（工作日）'),
    wd('complain', '投诉（工作日）'),
    wd('report', '举报（工作日）'),
    wd('sign', '签收时限（工作日）'),
    wd('dispute', '派单异议期限（工作日）'),
  ],
  defaults: { consult: 2, help: 10, suggest: 10, complain: 15, report: 15, sign: 1, dispute: 1 },
});
export type HotlineDeadlines = typeof hotlineDeadlines.defaults;

export const loadDeadlines = (db: DbOrTx, nowMs: number) => getSetting(db, hotlineDeadlines, nowMs);

/** The dates a ticket received on `on` carries: its handling deadline (the platform's when given), 签收 and 异议 windows. */
export function ticketDates(
  cal: Calendar,
  d: HotlineDeadlines,
  kind: Kind,
  on: string,
  platformDue?: string | null,
) {
  return {
    dueOn: platformDue ?? cal.addWorkdays(on, d[kind]),
    signBy: cal.addWorkdays(on, d.sign),
    disputeBy: cal.addWorkdays(on, d.dispute),
  };
}
