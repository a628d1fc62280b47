/**
 * Cases handled per power and year (e.g. 外国人来华工作许可 429宗): recorded month by month (1–12) or
 * imported for the whole year (month 0); a year is either monthly or annual, never both counted.
 */
import { and, asc, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { authorizePowers } from './policy.ts';
import { powerCaseCounts, powerItems } from './schema.ts';
import { loadPower } from './service.ts';

export interface CountInput { year: number; month: number; count: number }

export async function recordCount(ctx: Ctx, actor: Actor, powerId: string, input: CountInput, source = '按月登记'): Promise<void> {
  const p = await loadPower(ctx.db, actor, powerId);
  authorizePowers(actor, 'powerList', 'edit', p);
  const today = ctx.clock.today();
  if (`${input.year}-${String(Math.max(input.month, 1)).padStart(2, '0')}` > today.slice(0, 7)) throw new AppError('VALIDATION', '不能登记未来月份的办件数量');
  await inTx(ctx, async (tx) => {
    const rows = await tx.select().from(powerCaseCounts).where(and(eq(powerCaseCounts.powerId, powerId), eq(powerCaseCounts.year, input.year)));
    if (input.month === 0 && rows.some((r) => r.month > 0)) throw new AppError('CONFLICT', `${input.year}年已按月登记，不能再录入全年数量`);
    if (input.month > 0 && rows.some((r) => r.month === 0)) throw new AppError('CONFLICT', `${input.year}年已录入全年数量，不能再按月登记`);
    const old = rows.find((r) => r.month === input.month);
    if (old) await tx.update(powerCaseCounts).set({ count: input.count, source }).where(eq(powerCaseCounts.id, old.id));
    else await tx.insert(powerCaseCounts).values({ id: newId(), departmentId: p.departmentId, powerId, ...input, source, createdAt: ctx.clock.now(), createdBy: actor.userId });
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'powers.count', entityType: 'powerItem', entityId: powerId, payload: { ...input, previous: old?.count ?? null, source } }, ctx.clock.now());
  });
}

/** The counts of a year with their power, for the records behind the report's figure. */
export async function countsOf(db: DbOrTx, departmentId: string, year: number) {
  const rows = await db
    .select({ powerId: powerItems.id, code: powerItems.code, name: powerItems.name, category: powerItems.category, month: powerCaseCounts.month, count: powerCaseCounts.count, source: powerCaseCounts.source })
    .from(powerCaseCounts)
    .innerJoin(powerItems, eq(powerItems.id, powerCaseCounts.powerId))
    .where(and(eq(powerCaseCounts.departmentId, departmentId), eq(powerCaseCounts.year, year)))
    .orderBy(asc(powerItems.code), asc(powerCaseCounts.month));
  return rows;
}

/** Totals per power for a year, largest first. */
export async function yearTotals(db: DbOrTx, departmentId: string, year: number) {
  const by = new Map<string, { powerId: string; code: string; name: string; category: string; total: number; months: number }>();
  for (const r of await countsOf(db, departmentId, year)) {
    const v = by.get(r.powerId) ?? { powerId: r.powerId, code: r.code, name: r.name, category: r.category, total: 0, months: 0 };
    v.total += r.count;
    if (r.month > 0) v.months += 1;
    by.set(r.powerId, v);
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
}
