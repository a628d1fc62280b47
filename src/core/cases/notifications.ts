import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { execCount, queryRows, type Tx } from '../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { notFound } from '../errors.ts';
import { notifications } from './schema.ts';

export type NotificationKind = 'dueSoon' | 'overdue';

/**
 * Creates the notifications for steps coming due (within `soonLimit`) and overdue, for every user
 * who sees the step in 我的待办. Idempotent: one per (user, step, kind, due date), so re-runs and
 * concurrent instances add nothing twice, and a moved due date notifies again.
 */
export async function notifyDueSteps(
  tx: Tx,
  today: string,
  soonLimit: string,
  now: Date,
): Promise<number> {
  const recipients = sql`
    from case_steps s
    join cases c on c.id = s.case_id
    join users u on u.department_id = s.department_id and u.active and u.roles && s.roles
      and (s.org_id = s.department_id or u.org_id = s.org_id or u.org_id = u.department_id)
    where s.status = 'open' and s.due_date is not null`;
  const overdue = await execCount(
    tx,
    sql`
    insert into notifications (id, user_id, case_id, step_id, kind, due_date, message, created_at)
    select gen_random_uuid(), u.id, s.case_id, s.id, 'overdue', s.due_date,
      '「' || c.title || '」' || s.label || '已超期（期限 ' || s.due_date::text || '）', ${now.toISOString()}::timestamptz
    ${recipients} and s.due_date < ${today}::date
    on conflict do nothing`,
  );
  const soon = await execCount(
    tx,
    sql`
    insert into notifications (id, user_id, case_id, step_id, kind, due_date, message, created_at)
    select gen_random_uuid(), u.id, s.case_id, s.id, 'dueSoon', s.due_date,
      '「' || c.title || '」' || s.label || '即将到期（期限 ' || s.due_date::text || '）', ${now.toISOString()}::timestamptz
    ${recipients} and s.due_date >= ${today}::date and s.due_date <= ${soonLimit}::date
    on conflict do nothing`,
  );
  return overdue + soon;
}

export async function listNotifications(ctx: Ctx, actor: Actor, limit = 50) {
  const items = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from notifications where user_id = ${actor.userId} and read_at is null`,
  );
  return {
    unread: n,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      message: i.message,
      caseId: i.caseId,
      stepId: i.stepId,
      dueDate: i.dueDate,
      createdAt: i.createdAt.toISOString(),
      readAt: i.readAt?.toISOString() ?? null,
    })),
  };
}

/** Reading a notification is not a state change of a procedure; it is not audited. */
export async function markRead(ctx: Ctx, actor: Actor, id?: string): Promise<void> {
  const where = id
    ? and(eq(notifications.id, id), eq(notifications.userId, actor.userId))
    : and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  const res = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(where)
    .returning({ id: notifications.id });
  if (id && res.length === 0) throw notFound('通知');
}
