import { loggableError } from '../http/errors.ts';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { queryRows, type Tx } from '../db/client.ts';
import { purgeIdleSessions } from '../auth/service.ts';
import { caseSteps } from './schema.ts';
import { notifyDueSteps } from './notifications.ts';
import { DUE_SOON_WORKDAYS } from './worklist.ts';

/** A scheduled task run inside the sweep's transaction; modules add theirs (expiry, publication…). */
export type SweepTask = (tx: Tx, ctx: Ctx) => Promise<Record<string, number>>;

export const SWEEP_LOCK = 7301003;

/** Marks overdue steps and sends due-soon / overdue notifications. */
export const deadlineTask: SweepTask = async (tx, ctx) => {
  const today = ctx.clock.today();
  const marked = await tx
    .update(caseSteps)
    .set({ overdue: true })
    .where(
      and(eq(caseSteps.status, 'open'), eq(caseSteps.overdue, false), lt(caseSteps.dueDate, today)),
    )
    .returning({ id: caseSteps.id });
  const soonLimit = ctx.calendar.current().addWorkdays(today, DUE_SOON_WORKDAYS);
  const notified = await notifyDueSteps(tx, today, soonLimit, ctx.clock.now());
  return { markedOverdue: marked.length, notified };
};

/**
 * One sweep. Safe with several app instances on one PostgreSQL: a transaction-scoped advisory lock
 * lets one instance run at a time (the others skip), and every task is idempotent.
 */
export async function runSweep(
  ctx: Ctx,
  tasks: SweepTask[] = [deadlineTask],
): Promise<{ ran: boolean; results: Record<string, number> }> {
  await ctx.calendar.refresh(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const [{ got }] = await queryRows<{ got: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as got`,
    );
    if (!got) return { ran: false, results: {} };
    const results: Record<string, number> = {};
    for (const task of tasks) Object.assign(results, await task(tx, ctx));
    return { ran: true, results };
  });
}

/** Runs the sweep every `intervalMs` (and once at start); returns a stop function. */
export function scheduleSweep(
  ctx: Ctx,
  intervalMs: number,
  tasks?: SweepTask[],
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = Promise.all([runSweep(ctx, tasks), purgeIdleSessions(ctx)])
      .catch((err) => ctx.log?.error({ err: loggableError(err) }, 'sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
