/**
 * 事前公开 (国办发〔2018〕118号): the 随机抽查事项清单 (RULES §8.3: general and key items; key items have
 * no upper limit on the sampling ratio) and the enforcement information (bodies, powers, procedures,
 * 流程图 as steps, 裁量基准, remedies). Each publication is a new numbered version kept for ever, so the
 * portal shows what was published when.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { disclosures, items } from './schema.ts';
import { audit } from './audit.ts';
import { ITEM_KIND_LABELS } from './labels.ts';

export type ItemRow = typeof items.$inferSelect;
export interface ItemInput {
  name: string;
  legalBasis: string;
  method: string;
  subject: string;
  ratio: number;
  kind: 'general' | 'key';
}
export interface InfoInput {
  bodies: string;
  powers: string;
  procedures: string;
  flowSteps: string[];
  discretion: string;
  remedies: string;
}

export async function insertItem(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: ItemInput,
): Promise<ItemRow> {
  if (input.ratio <= 0 || input.ratio > 100)
    throw new AppError('VALIDATION', '抽查比例：应大于0且不超过100%', {
      fields: [{ path: 'ratio', message: '应大于0且不超过100%' }],
    });
  const [row] = await tx
    .insert(items)
    .values({
      id: newId(),
      departmentId: actor.departmentId,
      ...input,
      name: input.name.trim(),
      createdAt: ctx.clock.now(),
    })
    .returning();
  await audit(
    tx,
    ctx,
    actor,
    'enforcement.item.create',
    { type: 'enforcementItem', id: row.id },
    {
      name: row.name,
      kind: row.kind,
      ratio: row.ratio,
    },
  );
  return row;
}

export async function createItem(ctx: Ctx, actor: Actor, input: ItemInput): Promise<ItemRow> {
  authorize(actor, 'inspection', 'approve');
  return inTx(ctx, (tx) => insertItem(tx, ctx, actor, input));
}

export async function setItemActive(
  ctx: Ctx,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<ItemRow> {
  return inTx(ctx, async (tx) => {
    const [row] = await tx.select().from(items).where(eq(items.id, id));
    if (!row || row.departmentId !== actor.departmentId)
      throw new AppError('NOT_FOUND', '抽查事项不存在或无权访问');
    authorize(actor, 'inspection', 'approve', row);
    const [next] = await tx.update(items).set({ active }).where(eq(items.id, id)).returning();
    await audit(
      tx,
      ctx,
      actor,
      active ? 'enforcement.item.activate' : 'enforcement.item.deactivate',
      { type: 'enforcementItem', id },
      { name: row.name },
    );
    return next;
  });
}

export async function listItems(
  db: DbOrTx,
  departmentId: string,
  activeOnly = false,
): Promise<ItemRow[]> {
  return db
    .select()
    .from(items)
    .where(
      activeOnly
        ? and(eq(items.departmentId, departmentId), eq(items.active, true))
        : eq(items.departmentId, departmentId),
    )
    .orderBy(asc(items.kind), asc(items.createdAt));
}

async function nextVersion(tx: Tx, departmentId: string, kind: 'items' | 'info'): Promise<number> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`enforcement-disclosure:${departmentId}:${kind}`}))`,
  );
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(version), 0)::int as n from enforcement_disclosures where department_id = ${departmentId} and kind = ${kind}`,
  );
  return n + 1;
}

/** Publishes the current active item list as a new version. */
export async function publishItems(ctx: Ctx, actor: Actor): Promise<{ version: number }> {
  authorize(actor, 'inspection', 'approve');
  return inTx(ctx, async (tx) => {
    const list = await listItems(tx, actor.departmentId, true);
    if (!list.length) throw new AppError('ACTION_NOT_ALLOWED', '随机抽查事项清单为空，不能公布');
    const version = await nextVersion(tx, actor.departmentId, 'items');
    const content = {
      items: list.map((i) => ({
        name: i.name,
        legalBasis: i.legalBasis,
        method: i.method,
        subject: i.subject,
        ratio: i.ratio,
        kind: i.kind,
        kindLabel: ITEM_KIND_LABELS[i.kind],
      })),
    };
    const [row] = await tx
      .insert(disclosures)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        kind: 'items',
        version,
        content,
        publishedOn: ctx.clock.today(),
        publishedBy: actor.userId,
        publishedAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.items.publish',
      { type: 'enforcementDisclosure', id: row.id },
      {
        version,
        items: list.length,
      },
    );
    return { version };
  });
}

/** Publishes the enforcement information (主体、职责、权限、程序、流程图、裁量基准、救济途径) as a new version. */
export async function publishInfo(
  ctx: Ctx,
  actor: Actor,
  input: InfoInput,
): Promise<{ version: number }> {
  authorize(actor, 'inspection', 'approve');
  const flowSteps = input.flowSteps.map((s) => s.trim()).filter(Boolean);
  if (flowSteps.length < 2)
    throw new AppError('VALIDATION', '执法流程图：至少填写2个步骤', {
      fields: [{ path: 'flowSteps', message: '至少填写2个步骤' }],
    });
  return inTx(ctx, async (tx) => {
    const version = await nextVersion(tx, actor.departmentId, 'info');
    const [row] = await tx
      .insert(disclosures)
      .values({
        id: newId(),
        departmentId: actor.departmentId,
        kind: 'info',
        version,
        content: { ...input, flowSteps },
        publishedOn: ctx.clock.today(),
        publishedBy: actor.userId,
        publishedAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'enforcement.info.publish',
      { type: 'enforcementDisclosure', id: row.id },
      { version },
    );
    return { version };
  });
}

export async function disclosureVersions(db: DbOrTx, departmentId: string, kind: 'items' | 'info') {
  return db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.departmentId, departmentId), eq(disclosures.kind, kind)))
    .orderBy(desc(disclosures.version));
}
