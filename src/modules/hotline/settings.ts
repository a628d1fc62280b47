/**
 * The hotline's time limits per 诉求类型 (RULES §7.2: no national figure; set provincially, [V-loc]). Defaults:
 * 广东省12345热线管理办法 — 咨询 2 个工作日, 求助/建议 10 个工作日, 投诉/举报 15 个工作日. The 签收 and
 * 派单异议 windows are [M] defaults (1 working day each). One table per deployment, kept by the 系统管理员.
 */
import { z } from 'zod';
import { defineSetting, getSetting } from '../../core/settings/service.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Calendar } from '../../core/calendar/calendar.ts';
import type { Kind } from './labels.ts';

const wd = (label: string) => z.number().int().min(0).max(120).describe(label);

export const hotlineDeadlines = defineSetting({
  key: 'hotline.deadlines',
  label: '12345热线办理时限',
  schema: z.object({
    consult: wd('咨询（工作日）'),
    help: wd('求助（工作日）'),
    suggest: wd('建议（工作日）'),
    complain: wd('投诉（工作日）'),
    report: wd('举报（工作日）'),
    sign: wd('签收时限（工作日）'),
    dispute: wd('派单异议期限（工作日）'),
  }),
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
