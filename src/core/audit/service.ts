import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { users } from '../auth/schema.ts';
import { organisations } from '../orgs/schema.ts';
import { auditEvents } from './schema.ts';

/** Newest first, keyset-paginated by seq; only the audit administrator reaches this (policy). */
export async function listAudit(ctx: Ctx, q: { before?: number; limit: number; action?: string; actorId?: string }) {
  const where: SQL[] = [];
  if (q.before) where.push(lt(auditEvents.seq, q.before));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  const rows = await ctx.db
    .select({ e: auditEvents, actorName: users.displayName, orgName: organisations.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.orgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit);
  return {
    items: rows.map(({ e, actorName, orgName }) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: actorName ?? '系统',
      orgName: orgName ?? '',
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      payload: e.payload,
      hash: e.hash,
    })),
    nextBefore: rows.length === q.limit ? rows[rows.length - 1].e.seq : null,
  };
}
