/**
 * The 权责清单 (RULES §10.2): items with a version and an adjustment log (新增 / 调整 / 取消, each with
 * its basis and date). An import is all or nothing; a cancelled power cannot be cancelled again.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import { newId } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { POWER_FIELDS, type PowerField, type PowerInput } from './categories.ts';
import { authorizePowers } from './policy.ts';
import { powerRefusal } from './acts.ts';
import { powerAdjustments, powerItems } from './schema.ts';

export interface Adjustment {
  basis: string;
  effectiveOn: string;
}
type Item = typeof powerItems.$inferSelect;

const FIELDS = Object.keys(POWER_FIELDS) as PowerField[];
const diff = (from: PowerInput | Item, to: Partial<PowerInput>) =>
  FIELDS.filter((k) => to[k] !== undefined && to[k] !== from[k]).map((k) => ({
    field: POWER_FIELDS[k],
    from: String(from[k]),
    to: String(to[k]),
  }));

function checkDate(ctx: Ctx, a: Adjustment) {
  if (a.effectiveOn > ctx.clock.today()) throw new AppError('VALIDATION', '调整日期不能晚于今天');
}

export async function listPowers(db: DbOrTx, actor: Actor, f: { status?: string } = {}) {
  authorizePowers(actor, 'powerList', 'read');
  const where = [eq(powerItems.departmentId, actor.departmentId)];
  if (f.status) where.push(eq(powerItems.status, f.status));
  return db
    .select()
    .from(powerItems)
    .where(and(...where))
    .orderBy(asc(powerItems.code));
}

export async function loadPower(db: DbOrTx, actor: Actor, id: string) {
  authorizePowers(actor, 'powerList', 'read');
  const [p] = await db.select().from(powerItems).where(eq(powerItems.id, id));
  if (!p || p.departmentId !== actor.departmentId) throw notFound('权责事项');
  return p;
}

export async function historyOf(db: DbOrTx, powerIds: string[]) {
  if (!powerIds.length) return [];
  return db
    .select()
    .from(powerAdjustments)
    .where(inArray(powerAdjustments.powerId, powerIds))
    .orderBy(desc(powerAdjustments.effectiveOn), desc(powerAdjustments.version));
}

async function insertItem(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: PowerInput,
  a: Adjustment,
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now();
  await tx.insert(powerItems).values({
    id,
    departmentId: actor.departmentId,
    ...input,
    status: 'valid',
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(powerAdjustments).values({
    id: newId(),
    departmentId: actor.departmentId,
    powerId: id,
    action: 'add',
    version: 1,
    ...a,
    changes: [],
    createdAt: now,
    createdBy: actor.userId,
  });
  await audit(
    tx,
    ctx,
    actor,
    'powers.add',
    { type: 'powerItem', id: id },
    { code: input.code, ...a },
  );
  return id;
}

async function adjustItem(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  p: Item,
  changes: Partial<PowerInput>,
  a: Adjustment,
): Promise<number> {
  const d = diff(p, changes);
  if (!d.length) return 0;
  const now = ctx.clock.now();
  await tx
    .update(powerItems)
    .set({ ...changes, status: 'adjusted', version: p.version + 1, updatedAt: now })
    .where(eq(powerItems.id, p.id));
  await tx.insert(powerAdjustments).values({
    id: newId(),
    departmentId: p.departmentId,
    powerId: p.id,
    action: 'adjust',
    version: p.version + 1,
    ...a,
    changes: d,
    createdAt: now,
    createdBy: actor.userId,
  });
  await audit(
    tx,
    ctx,
    actor,
    'powers.adjust',
    { type: 'powerItem', id: p.id },
    { code: p.code, changes: d, ...a },
  );
  return d.length;
}

async function codeTaken(db: DbOrTx, departmentId: string, code: string) {
  const [p] = await db
    .select({ id: powerItems.id })
    .from(powerItems)
    .where(and(eq(powerItems.departmentId, departmentId), eq(powerItems.code, code)));
  return !!p;
}

export async function addPower(
  ctx: Ctx,
  actor: Actor,
  input: PowerInput,
  a: Adjustment,
): Promise<string> {
  authorizePowers(actor, 'powerList', 'edit');
  checkDate(ctx, a);
  return inTx(ctx, async (tx) => {
    if (await codeTaken(tx, actor.departmentId, input.code))
      throw new AppError('CONFLICT', `事项编码“${input.code}”已存在`);
    return insertItem(tx, ctx, actor, input, a);
  });
}

export async function adjustPower(
  ctx: Ctx,
  actor: Actor,
  id: string,
  changes: Partial<PowerInput>,
  a: Adjustment,
): Promise<void> {
  const p = await loadPower(ctx.db, actor, id);
  authorizePowers(actor, 'powerList', 'edit', p);
  checkDate(ctx, a);
  const refused = powerRefusal(p, 'adjust');
  if (refused) throw new AppError('ACTION_NOT_ALLOWED', refused);
  if (changes.code && changes.code !== p.code)
    throw new AppError('VALIDATION', '事项编码不能调整（同一事项编码保持不变），请取消后新增');
  if (!diff(p, changes).length) throw new AppError('VALIDATION', '没有需要调整的内容');
  await inTx(ctx, (tx) => adjustItem(tx, ctx, actor, p, changes, a));
}

export async function cancelPower(
  ctx: Ctx,
  actor: Actor,
  id: string,
  a: Adjustment,
): Promise<void> {
  const p = await loadPower(ctx.db, actor, id);
  authorizePowers(actor, 'powerList', 'edit', p);
  checkDate(ctx, a);
  await inTx(ctx, async (tx) => {
    // Read again inside the transaction: two cancellations at once do not both pass.
    const [cur] = await tx.select().from(powerItems).where(eq(powerItems.id, id)).for('update');
    if (powerRefusal(cur, 'cancel')) {
      const [last] = await tx
        .select()
        .from(powerAdjustments)
        .where(and(eq(powerAdjustments.powerId, id), eq(powerAdjustments.action, 'cancel')))
        .orderBy(desc(powerAdjustments.version))
        .limit(1);
      throw new AppError('ACTION_NOT_ALLOWED', powerRefusal(cur, 'cancel', last?.effectiveOn)!);
    }
    const now = ctx.clock.now();
    await tx
      .update(powerItems)
      .set({ status: 'cancelled', version: cur.version + 1, updatedAt: now })
      .where(eq(powerItems.id, id));
    await tx.insert(powerAdjustments).values({
      id: newId(),
      departmentId: cur.departmentId,
      powerId: id,
      action: 'cancel',
      version: cur.version + 1,
      ...a,
      changes: [],
      createdAt: now,
      createdBy: actor.userId,
    });
    await audit(
      tx,
      ctx,
      actor,
      'powers.cancel',
      { type: 'powerItem', id: id },
      { code: cur.code, ...a },
    );
  });
}

/**
 * Applies an imported list (already checked row by row): a new 编码 is 新增, a changed item 调整, an
 * unchanged one is left alone. A cancelled item in the file is refused (restore it by a new item).
 */
export async function importPowers(
  ctx: Ctx,
  actor: Actor,
  rows: Array<PowerInput & { row: number }>,
  a: Adjustment,
) {
  authorizePowers(actor, 'powerList', 'edit');
  checkDate(ctx, a);
  return inTx(ctx, async (tx) => {
    const existing = new Map(
      (
        await tx.select().from(powerItems).where(eq(powerItems.departmentId, actor.departmentId))
      ).map((p) => [p.code, p]),
    );
    const cancelled = rows.filter((r) => existing.get(r.code)?.status === 'cancelled');
    if (cancelled.length)
      throw new AppError(
        'VALIDATION',
        `以下事项已取消，不能通过导入恢复，未导入任何事项：${cancelled.map((r) => `第${r.row}行（${r.code}）`).join('、')}`,
      );
    let added = 0;
    let adjusted = 0;
    for (const { row: _row, ...input } of rows) {
      const p = existing.get(input.code);
      if (!p) {
        await insertItem(tx, ctx, actor, input, a);
        added++;
      } else if (await adjustItem(tx, ctx, actor, p, input, a)) adjusted++;
    }
    return { added, adjusted, unchanged: rows.length - added - adjusted };
  });
}
