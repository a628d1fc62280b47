/**
 * Sweep task: a paused answer clock resumes by itself when the window it waits on lapses — the third
 * party's or the other organ's 15 working days (条例 Arts 32, 34) or the applicant's 20-WD payment
 * window (RULES §5.4 5c). No act is recorded then, so the materialised steps would keep showing
 * “期限暂停计算”; this re-evaluates those requests so 我的待办 and reminders carry the due date again.
 */
import { asc, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../../core/db/client.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { caseEvents, cases } from '../../../core/cases/schema.ts';
import { syncSteps } from '../../../core/cases/steps.ts';
import type { SweepTask } from '../../../core/cases/sweep.ts';
import { evaluate, type CaseEvent } from '../../../core/procedure/engine.ts';

const WINDOWS = ['thirdPartyReply', 'organReply', 'feePayment'];

export const lapsedPauseTask: SweepTask = async (tx, ctx) => {
  const today = ctx.clock.today();
  const ids = (
    await queryRows<{ id: string }>(
      tx,
      sql`select distinct a.case_id as id from case_steps a
        join case_steps w on w.case_id = a.case_id and w.status = 'open' and w.step in ${WINDOWS} and w.due_date < ${today}::date
        where a.status = 'open' and a.step = 'answer' and a.due_date is null`,
    )
  ).map((r) => r.id);
  if (!ids.length) return { disclosurePausesLapsed: 0 };
  const rows = await tx.select().from(cases).where(inArray(cases.id, ids));
  const events = await tx
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, ids))
    .orderBy(asc(caseEvents.seq));
  const cal = ctx.calendar.current();
  let resumed = 0;
  for (const c of rows) {
    const history: CaseEvent[] = events
      .filter((e) => e.caseId === c.id)
      .map((e) => ({
        type: e.type,
        on: e.on,
        seq: e.seq,
        actorRoles: e.actorRoles,
        data: e.data as Record<string, unknown>,
      }));
    const state = evaluate(ctx.procedures.get(c.procedure).def, history, cal, today);
    const changes = await syncSteps(tx, c, state, today);
    if (!changes.length) continue;
    resumed++;
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: c.orgId,
        action: 'case.deadlinesRecomputed',
        entityType: 'case',
        entityId: c.id,
        payload: { reason: '等待期限届满，答复期限恢复计算', changes },
      },
      ctx.clock.now(),
    );
  }
  return { disclosurePausesLapsed: resumed };
};
