/**
 * Cases handled per power and year (e.g. 外国人来华工作许可 429宗): recorded month by month (1–12) or
 * imported for the whole year (month 0); a year is either monthly or annual, never both counted.
 */
import { and, asc, eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { authorizePowers } from './policy.ts';
import { powerRefusal } from './acts.ts';
import { powerCaseCounts, powerItems } from './schema.ts';
import { loadPower } from './service.ts';
import { readSheet } from './excel.ts';

export interface CountInput {
  year: number;
  month: number;
  count: number;
}

async function upsertCount(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  p: { id: string; departmentId: string; name: string },
  input: CountInput,
  source: string,
): Promise<void> {
  const rows = await tx
    .select()
    .from(powerCaseCounts)
    .where(and(eq(powerCaseCounts.powerId, p.id), eq(powerCaseCounts.year, input.year)));
  if (input.month === 0 && rows.some((r) => r.month > 0))
    throw new AppError('CONFLICT', `“${p.name}”${input.year}年已按月登记，不能再录入全年数量`);
  if (input.month > 0 && rows.some((r) => r.month === 0))
    throw new AppError('CONFLICT', `“${p.name}”${input.year}年已录入全年数量，不能再按月登记`);
  const old = rows.find((r) => r.month === input.month);
  if (old)
    await tx
      .update(powerCaseCounts)
      .set({ count: input.count, source })
      .where(eq(powerCaseCounts.id, old.id));
  else
    await tx.insert(powerCaseCounts).values({
      id: newId(),
      departmentId: p.departmentId,
      powerId: p.id,
      ...input,
      source,
      createdAt: ctx.clock.now(),
      createdBy: actor.userId,
    });
  await audit(
    tx,
    ctx,
    actor,
    'powers.count',
    { type: 'powerItem', id: p.id },
    { ...input, previous: old?.count ?? null, source },
  );
}

const future = (ctx: Ctx, c: CountInput) =>
  `${c.year}-${String(Math.max(c.month, 1)).padStart(2, '0')}` > ctx.clock.today().slice(0, 7);

export async function recordCount(
  ctx: Ctx,
  actor: Actor,
  powerId: string,
  input: CountInput,
  source = '按月登记',
): Promise<void> {
  const p = await loadPower(ctx.db, actor, powerId);
  authorizePowers(actor, 'powerList', 'edit', p);
  const refused = powerRefusal(p, 'count');
  if (refused) throw new AppError('ACTION_NOT_ALLOWED', refused);
  if (future(ctx, input)) throw new AppError('VALIDATION', '不能登记未来月份的办件数量');
  await inTx(ctx, (tx) => upsertCount(tx, ctx, actor, p, input, source));
}

/**
 * Counts from an Excel sheet (事项编码, 年度, 月份 — blank or 0 for the whole year —, 办件数量): every bad
 * row named by row and column; nothing recorded from a failed file.
 */
export async function importCounts(
  ctx: Ctx,
  actor: Actor,
  content: Buffer,
): Promise<{ recorded: number }> {
  authorizePowers(actor, 'powerList', 'edit');
  const { rows, col } = await readSheet(content, ['事项编码', '年度', '办件数量'], ['月份']);
  const items = new Map(
    (
      await ctx.db.select().from(powerItems).where(eq(powerItems.departmentId, actor.departmentId))
    ).map((p) => [p.code, p]),
  );
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const good: Array<{ p: typeof powerItems.$inferSelect; c: CountInput }> = [];
  for (const { row, get } of rows) {
    const bad = (h: string, m: string) => errors.push(`第${row}行 ${col(h)}列（${h}）：${m}`);
    const p = items.get(get('事项编码'));
    if (!p) bad('事项编码', `本部门权责清单中没有编码“${get('事项编码')}”`);
    const refused = p && powerRefusal(p, 'count');
    if (refused) bad('事项编码', refused);
    const year = Number(get('年度'));
    const month = get('月份') ? Number(get('月份')) : 0;
    const count = Number(get('办件数量'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      bad('年度', '应为2000至2100之间的年份');
    if (!Number.isInteger(month) || month < 0 || month > 12)
      bad('月份', '应为1至12，全年数量留空或填0');
    if (!get('办件数量') || !Number.isInteger(count) || count < 0)
      bad('办件数量', '应为不小于0的整数');
    const c = { year, month, count };
    if (p && Number.isInteger(year) && Number.isInteger(month) && future(ctx, c))
      bad('月份', '不能登记未来月份的办件数量');
    const k = `${get('事项编码')}/${year}/${month}`;
    if (seen.has(k)) bad('事项编码', `与第${seen.get(k)}行重复`);
    else seen.set(k, row);
    if (p) good.push({ p, c });
  }
  if (errors.length)
    throw new AppError(
      'VALIDATION',
      `办件数量表有${errors.length}处错误，未导入任何数据：${errors.join('；')}`,
    );
  if (!good.length) throw new AppError('VALIDATION', '文件中没有办件数量');
  await inTx(ctx, async (tx) => {
    for (const { p, c } of good) await upsertCount(tx, ctx, actor, p, c, '表格导入');
  });
  return { recorded: good.length };
}

/** The counts of a year with their power, for the records behind the report's figure. */
export async function countsOf(db: DbOrTx, departmentId: string, year: number) {
  const rows = await db
    .select({
      powerId: powerItems.id,
      code: powerItems.code,
      name: powerItems.name,
      category: powerItems.category,
      month: powerCaseCounts.month,
      count: powerCaseCounts.count,
      source: powerCaseCounts.source,
    })
    .from(powerCaseCounts)
    .innerJoin(powerItems, eq(powerItems.id, powerCaseCounts.powerId))
    .where(and(eq(powerCaseCounts.departmentId, departmentId), eq(powerCaseCounts.year, year)))
    .orderBy(asc(powerItems.code), asc(powerCaseCounts.month));
  return rows;
}

/** Totals per power for a year, largest first. */
export async function yearTotals(db: DbOrTx, departmentId: string, year: number) {
  const by = new Map<
    string,
    { powerId: string; code: string; name: string; category: string; total: number; months: number }
  >();
  for (const r of await countsOf(db, departmentId, year)) {
    const v = by.get(r.powerId) ?? {
      powerId: r.powerId,
      code: r.code,
      name: r.name,
      category: r.category,
      total: 0,
      months: 0,
    };
    v.total += r.count;
    if (r.month > 0) v.months += 1;
    by.set(r.powerId, v);
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
}
