/**
 * The daily sweep of 行政执法: a certificate expiring within the notice days (default 60) opens a
 * 执法证换证 reminder for the legal office (a case step due on the expiry date, so 我的待办, reminders and
 * the overdue mark come from the engine); a renewed or cancelled certificate closes it.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import type { SweepTask } from '../../core/cases/sweep.ts';
import { officers } from './schema.ts';
import { addDays, departmentSettings } from './officers.ts';

export async function certificateReminders(
  tx: Tx,
  ctx: Ctx,
): Promise<{ opened: number; closed: number }> {
  const today = ctx.clock.today();
  const nowMs = ctx.clock.now().getTime();
  let opened = 0;
  let closed = 0;
  // Close the reminders of certificates renewed beyond the window, or of officers no longer serving.
  const open = await tx.select().from(officers).where(isNotNull(officers.renewalFor));
  for (const o of open) {
    const s = await departmentSettings(tx, o.departmentId, nowMs);
    if (o.status !== 'revoked' && o.validTo === o.renewalFor) continue;
    const actor = systemActor({ departmentId: o.departmentId, roles: ['legalOfficer'] });
    await recordAction(
      ctx,
      actor,
      o.caseId!,
      { action: 'close', on: today, data: { validTo: o.validTo } },
      tx,
    );
    await tx.update(officers).set({ renewalFor: null }).where(eq(officers.id, o.id));
    closed++;
  }
  const due = await tx
    .select()
    .from(officers)
    .where(
      and(
        isNull(officers.renewalFor),
        sql`${officers.status} <> 'revoked'`,
        sql`${officers.validTo} <= ${addDays(today, 366)}::date`,
      ),
    );
  for (const o of due) {
    const s = await departmentSettings(tx, o.departmentId, nowMs);
    if (o.validTo > addDays(today, s.expiryNoticeDays)) continue;
    const actor = systemActor({ departmentId: o.departmentId, roles: ['legalOfficer'] });
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'certificateRenewal',
        title: `${o.name}执法证（${o.certificateNo}）${o.validTo < today ? '已过期' : '即将到期'}`,
        orgId: o.departmentId,
        first: { action: 'flag', on: today, data: { officerId: o.id, dueOn: o.validTo } },
      },
      tx,
    );
    await tx
      .update(officers)
      .set({ caseId: c.id, renewalFor: o.validTo })
      .where(eq(officers.id, o.id));
    opened++;
  }
  return { opened, closed };
}

export const certificateSweep: SweepTask = async (tx, ctx) => {
  const r = await certificateReminders(tx, ctx);
  return {
    'enforcement.certificatesFlagged': r.opened,
    'enforcement.certificatesClosed': r.closed,
  };
};
