/**
 * 年度抽查计划 (RULES §8.3: 检查主体, 计划名称, 检查内容, 时间, 股室, 抽查比例, 频次, 数量): drafted,
 * approved and filed, then published on the portal. Only a published plan is drawn.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { items, plans } from './schema.ts';
import { audit } from './audit.ts';
import { PLAN_STATUS_LABELS, STRATIFY_LABELS } from './labels.ts';

export type PlanRow = typeof plans.$inferSelect;
export interface PlanInput {
  year: number;
  name: string;
  itemIds: string[];
  scope?: string;
  categories?: string[];
  ratio: number;
  frequency?: string;
  startOn: string;
  endOn: string;
  orgId?: string | null;
  quantity?: number | null;
  perTarget?: number;
  stratify?: 'none' | 'category' | 'risk';
  excludeLastYear?: boolean;
}

const invalid = (path: string, label: string, message: string): never => {
  throw new AppError('VALIDATION', `${label}：${message}`, { fields: [{ path, message }] });
};

export async function loadPlan(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<PlanRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('抽查计划');
  const q = db.select().from(plans).where(eq(plans.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  if (!p) throw notFound('抽查计划');
  authorize(actor, 'inspection', 'read', p);
  return p;
}

export async function insertPlan(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: PlanInput,
): Promise<PlanRow> {
  if (!input.itemIds.length) invalid('itemIds', '抽查事项', '至少选择一项');
  const found = await tx
    .select()
    .from(items)
    .where(and(eq(items.departmentId, actor.departmentId), inArray(items.id, input.itemIds)));
  if (found.length !== new Set(input.itemIds).size)
    invalid('itemIds', '抽查事项', '不在本部门随机抽查事项清单中');
  if (found.some((i) => !i.active)) invalid('itemIds', '抽查事项', '已停用的事项不能列入计划');
  if (input.ratio <= 0 || input.ratio > 100) invalid('ratio', '抽查比例', '应大于0且不超过100%');
  // General items: the plan's ratio stays within the list's ratio; key items have no upper limit (RULES §8.3).
  const general = found.filter((i) => i.kind === 'general');
  if (general.length === found.length && input.ratio > Math.max(...general.map((i) => i.ratio)))
    invalid(
      'ratio',
      '抽查比例',
      `一般检查事项的抽查比例不超过清单规定的${Math.max(...general.map((i) => i.ratio))}%`,
    );
  if (input.endOn < input.startOn) invalid('endOn', '结束日期', '不能早于开始日期');
  if ((input.perTarget ?? 2) < 2)
    invalid('perTarget', '每户检查人员数', '不少于2名（行政处罚法第四十二条）');
  const [p] = await tx
    .insert(plans)
    .values({
      id: newId(),
      departmentId: actor.departmentId,
      year: input.year,
      name: input.name.trim(),
      itemIds: [...new Set(input.itemIds)],
      scope: input.scope?.trim() ?? '',
      categories: (input.categories ?? []).map((c) => c.trim()).filter(Boolean),
      ratio: input.ratio,
      frequency: input.frequency?.trim() ?? '',
      startOn: input.startOn,
      endOn: input.endOn,
      orgId: input.orgId ?? null,
      quantity: input.quantity ?? null,
      perTarget: input.perTarget ?? 2,
      stratify: input.stratify ?? 'none',
      excludeLastYear: !!input.excludeLastYear,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  await audit(
    tx,
    ctx,
    actor,
    'enforcement.plan.create',
    { type: 'inspectionPlan', id: p.id },
    {
      name: p.name,
      year: p.year,
      ratio: p.ratio,
    },
  );
  return p;
}

export async function createPlan(ctx: Ctx, actor: Actor, input: PlanInput): Promise<PlanRow> {
  authorize(actor, 'inspection', 'manage');
  return inTx(ctx, (tx) => insertPlan(tx, ctx, actor, input));
}

/** 审批 (and 报备 with the superior, RULES §8.3), then 公布. */
export async function advancePlan(
  ctx: Ctx,
  actor: Actor,
  id: string,
  to: 'approved' | 'published',
  tx?: Tx,
): Promise<PlanRow> {
  authorize(actor, 'inspection', 'approve');
  const run = async (t: Tx) => {
    const p = await loadPlan(t, actor, id, true);
    authorize(actor, 'inspection', 'approve', p);
    const from = to === 'approved' ? 'draft' : 'approved';
    if (p.status !== from)
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        to === 'approved'
          ? `抽查计划${PLAN_STATUS_LABELS[p.status]}，不能再审批`
          : p.status === 'draft'
            ? '抽查计划审批后才能公布'
            : '抽查计划已经公布',
      );
    const today = ctx.clock.today();
    const [row] = await t
      .update(plans)
      .set(
        to === 'approved'
          ? { status: 'approved', approvedOn: today }
          : { status: 'published', publishedOn: today },
      )
      .where(eq(plans.id, id))
      .returning();
    await audit(
      t,
      ctx,
      actor,
      to === 'approved' ? 'enforcement.plan.approve' : 'enforcement.plan.publish',
      { type: 'inspectionPlan', id },
      { name: p.name },
    );
    return row;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

export async function listPlans(
  db: DbOrTx,
  departmentId: string,
  year?: number,
): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(
      year
        ? and(eq(plans.departmentId, departmentId), eq(plans.year, year))
        : eq(plans.departmentId, departmentId),
    )
    .orderBy(desc(plans.year), asc(plans.startOn));
}

export async function planView(db: DbOrTx, p: PlanRow) {
  const list = p.itemIds.length
    ? await db
        .select({ id: items.id, name: items.name, kind: items.kind })
        .from(items)
        .where(inArray(items.id, p.itemIds))
    : [];
  return {
    ...p,
    statusLabel: PLAN_STATUS_LABELS[p.status],
    stratifyLabel: STRATIFY_LABELS[p.stratify],
    items: list,
  };
}
