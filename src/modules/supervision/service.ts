/**
 * 督办 (GLOSSARY SupervisedTask): assigning a task, progress reports, deadline adjustment by a leader,
 * closure; the sweep escalates overdue tasks to the leaders; the 法治政府建设工作要点 of a report's part
 * (四) become tasks in one step. One transaction per use case, audited.
 */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import { systemActor, type Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { parse } from '../../core/http/validate.ts';
import { fieldsSchema, type FieldsInput } from '../../core/procedure/fieldSchema.ts';
import type { SweepTask } from '../../core/cases/sweep.ts';
import { reportPlanItems } from '../reports/index.ts';
import { ACT_FORMS, TASK_FORMS } from './forms.ts';
import { supervisionPolicy, type TaskScope } from './policy.ts';
import { supervisedTasks, supervisionProgress } from './schema.ts';

export type TaskRow = typeof supervisedTasks.$inferSelect;
export const scopeOf = (t: TaskRow): TaskScope => ({
  departmentId: t.departmentId,
  orgId: t.orgId,
});

export const assignSchema = fieldsSchema(TASK_FORMS.create);
export const importSchema = fieldsSchema(TASK_FORMS.importPlan);
type AssignFields = FieldsInput<typeof TASK_FORMS.create>;
type AssignInput = AssignFields & { sourceRef?: string };

async function checkOrg(tx: Tx, departmentId: string, orgId: string): Promise<void> {
  const [o] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, orgId),
        or(eq(organisations.id, departmentId), eq(organisations.parentId, departmentId)),
      ),
    );
  if (!o)
    throw new AppError('VALIDATION', '责任科室：不是本部门的科室', {
      fields: [{ path: 'orgId', message: '不是本部门的科室' }],
    });
}

async function assignIn(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  p: AssignFields,
  sourceRef = '',
): Promise<string> {
  const today = ctx.clock.today();
  if (p.dueOn < today)
    throw new AppError('VALIDATION', '办结期限：不能早于今天', {
      fields: [{ path: 'dueOn', message: '不能早于今天' }],
    });
  await checkOrg(tx, actor.departmentId, p.orgId);
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'supervisedTask',
      title: `督办：${p.title.slice(0, 60)}`,
      orgId: p.orgId,
      first: { action: 'assign', on: today, data: { sourceKind: p.sourceKind, dueOn: p.dueOn } },
    },
    tx,
  );
  const id = newId();
  await tx.insert(supervisedTasks).values({
    id,
    caseId: c.id,
    departmentId: actor.departmentId,
    orgId: p.orgId,
    ownerName: p.ownerName ?? '',
    title: p.title,
    description: p.description ?? '',
    sourceKind: p.sourceKind,
    sourceRef,
    assignedBy: p.assignedBy,
    assignedOn: today,
    dueOn: p.dueOn,
    status: c.status,
    createdBy: actor.userId,
    createdAt: ctx.clock.now(),
  });
  await audit(
    tx,
    ctx,
    actor,
    'supervision.assign',
    { type: 'supervisedTask', id },
    {
      title: p.title,
      sourceKind: p.sourceKind,
      sourceRef,
      orgId: p.orgId,
      dueOn: p.dueOn,
      caseId: c.id,
    },
  );
  return id;
}

export async function assignTask(
  ctx: Ctx,
  actor: Actor,
  input: AssignInput,
): Promise<{ id: string }> {
  supervisionPolicy.authorize(actor, 'supervisedTask', 'assign');
  const p = parse(assignSchema, input);
  return inTx(ctx, async (tx) => ({
    id: await assignIn(tx, ctx, actor, p, input.sourceRef ?? ''),
  }));
}

/** The items of part (四) of the year's report become tasks in one step; items already imported are skipped. */
export async function importWorkPlan(
  ctx: Ctx,
  actor: Actor,
  input: { year: number; orgId: string; dueOn: string; assignedBy: string },
): Promise<{ created: number; skipped: number }> {
  supervisionPolicy.authorize(actor, 'supervisedTask', 'assign');
  const b = parse(importSchema, input);
  return inTx(ctx, async (tx) => {
    const items = await reportPlanItems(tx, actor.departmentId, b.year);
    if (!items) throw new AppError('NOT_FOUND', `本部门尚未生成${b.year}年度法治政府建设年度报告`);
    if (!items.length)
      throw new AppError('VALIDATION', `${b.year}年度报告第四部分（下一年度主要安排）没有内容`);
    let created = 0;
    let skipped = 0;
    for (const item of items) {
      const sourceRef = `report:${b.year}:${item.blockId}`;
      const [dup] = await tx
        .select({ id: supervisedTasks.id })
        .from(supervisedTasks)
        .where(
          and(
            eq(supervisedTasks.departmentId, actor.departmentId),
            eq(supervisedTasks.sourceRef, sourceRef),
          ),
        );
      if (dup) {
        skipped++;
        continue;
      }
      await assignIn(
        tx,
        ctx,
        actor,
        {
          title: item.text.slice(0, 500),
          description: item.section,
          sourceKind: 'workPlan',
          assignedBy: b.assignedBy,
          orgId: b.orgId,
          dueOn: b.dueOn,
        },
        sourceRef,
      );
      created++;
    }
    return { created, skipped };
  });
}

export async function loadTask(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<TaskRow> {
  const q = db.select().from(supervisedTasks).where(eq(supervisedTasks.id, id));
  const [t] = forUpdate ? await q.for('update') : await q;
  if (!t) throw notFound('督办事项');
  supervisionPolicy.authorize(actor, 'supervisedTask', 'read', scopeOf(t));
  return t;
}

const action = <A extends string>(a: A) => z.literal(a).describe('办理事项');
export const actSchema = z.discriminatedUnion('action', [
  fieldsSchema(ACT_FORMS.progress).extend({ action: action('progress') }),
  fieldsSchema(ACT_FORMS.adjustDue).extend({ action: action('adjustDue') }),
  fieldsSchema(ACT_FORMS.close).extend({ action: action('close') }),
]);

export async function actOnTask(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.input<typeof actSchema>,
): Promise<void> {
  const a = parse(actSchema, input);
  await inTx(ctx, async (tx) => {
    const t = await loadTask(tx, actor, id, true);
    supervisionPolicy.authorize(
      actor,
      'supervisedTask',
      a.action === 'adjustDue' ? 'adjust' : 'act',
      scopeOf(t),
    );
    const patch: Partial<TaskRow> = {};
    let data: Record<string, unknown> = {};
    if (a.action === 'progress') {
      data = { percent: a.percent };
      patch.progress = a.percent;
      await tx.insert(supervisionProgress).values({
        id: newId(),
        taskId: t.id,
        on: a.on,
        text: a.text,
        percent: a.percent,
        reportedBy: actor.userId,
        createdAt: ctx.clock.now(),
      });
    } else if (a.action === 'adjustDue') {
      if (a.dueOn < a.on)
        throw new AppError('VALIDATION', '新的办结期限：不能早于调整日期', {
          fields: [{ path: 'dueOn', message: '不能早于调整日期' }],
        });
      data = { dueOn: a.dueOn, reason: a.reason };
      Object.assign(patch, {
        dueOn: a.dueOn,
        escalatedOn: a.dueOn >= ctx.clock.today() ? null : t.escalatedOn,
      });
    } else {
      Object.assign(patch, { closedOn: a.on, result: a.result, progress: 100 });
    }
    const state = await recordAction(
      ctx,
      actor,
      t.caseId,
      { action: a.action, on: a.on, data },
      tx,
    );
    await tx
      .update(supervisedTasks)
      .set({ ...patch, status: state.status })
      .where(eq(supervisedTasks.id, t.id));
    await audit(
      tx,
      ctx,
      actor,
      `supervision.${a.action}`,
      { type: 'supervisedTask', id: t.id },
      { on: a.on, ...data, status: state.status },
    );
  });
}

/** Sweep: each open task past its deadline goes once to the leaders' 工作台 (the `escalated` step). */
export const escalateOverdue: SweepTask = async (tx, ctx) => {
  const today = ctx.clock.today();
  const due = await tx
    .select()
    .from(supervisedTasks)
    .where(
      and(
        eq(supervisedTasks.status, 'open'),
        isNull(supervisedTasks.escalatedOn),
        lt(supervisedTasks.dueOn, today),
      ),
    );
  for (const t of due) {
    const system = systemActor({ departmentId: t.departmentId, roles: ['leader'] });
    await recordAction(ctx, system, t.caseId, { action: 'escalate', on: today }, tx);
    await tx
      .update(supervisedTasks)
      .set({ escalatedOn: today })
      .where(eq(supervisedTasks.id, t.id));
    await audit(
      tx,
      ctx,
      system,
      'supervision.escalate',
      { type: 'supervisedTask', id: t.id },
      { dueOn: t.dueOn, on: today },
    );
  }
  return { supervisionEscalated: due.length };
};

export async function listTasks(
  ctx: Ctx,
  actor: Actor,
  q: {
    year?: number;
    fact?: 'due' | 'closedOnTime';
    status?: 'open' | 'closed';
    page: number;
    pageSize: number;
  },
) {
  supervisionPolicy.authorize(actor, 'supervisedTask', 'list');
  const conds = [eq(supervisedTasks.departmentId, actor.departmentId)];
  if (q.year) conds.push(sql`extract(year from ${supervisedTasks.dueOn}) = ${q.year}`);
  if (q.status) conds.push(eq(supervisedTasks.status, q.status));
  if (q.fact === 'closedOnTime')
    conds.push(
      sql`${supervisedTasks.closedOn} is not null and ${supervisedTasks.closedOn} <= ${supervisedTasks.dueOn}`,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(supervisedTasks)
    .where(where)
    .orderBy(desc(supervisedTasks.dueOn), desc(supervisedTasks.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(supervisedTasks)
    .where(where);
  const today = ctx.clock.today();
  return {
    total: n,
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      overdue: r.status === 'open' && r.dueOn < today,
    })),
    today,
  };
}
