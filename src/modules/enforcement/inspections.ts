/**
 * Inspection records of drawn targets: the date, the inspectors (eligible on that date, 行政处罚法 Art
 * 42), findings, result, evidence files (core files of the department). Recording the result opens the
 * 抽查结果公示 step, due 20个工作日 after the inspection's end (RULES §8.3; a department setting);
 * publishing stops it, and a publication after the due date is counted as late in the annual report.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { files } from '../../core/files/schema.ts';
import { authorize } from './policy.ts';
import { inspections, officers, plans } from './schema.ts';
import { assertOfficersEligible, departmentSettings } from './officers.ts';
import { audit } from './audit.ts';
import { RESULT_LABELS, type InspectionResult } from './labels.ts';

export type InspectionRow = typeof inspections.$inferSelect;
export interface RecordInput {
  inspectedOn: string;
  endedOn: string;
  findings: string;
  result: InspectionResult;
  fileIds?: string[];
  inspectorIds?: string[];
}

export async function loadInspection(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<InspectionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('检查记录');
  const q = db.select().from(inspections).where(eq(inspections.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  if (!r) throw notFound('检查记录');
  authorize(actor, 'inspection', 'read', r);
  return r;
}

export async function recordInspection(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: RecordInput,
  tx?: Tx,
): Promise<InspectionRow> {
  authorize(actor, 'inspection', 'manage');
  const run = async (t: Tx) => {
    const r = await loadInspection(t, actor, id, true);
    authorize(actor, 'inspection', 'manage', r);
    if (r.status !== 'pending')
      throw new AppError('ACTION_NOT_ALLOWED', `${r.targetName}的检查结果已经录入，不能覆盖`);
    const today = ctx.clock.today();
    if (input.endedOn < input.inspectedOn)
      throw new AppError('VALIDATION', '检查结束日期：不能早于检查日期', {
        fields: [{ path: 'endedOn', message: '不能早于检查日期' }],
      });
    if (input.endedOn > today)
      throw new AppError('VALIDATION', '检查结束日期：不能晚于今天', {
        fields: [{ path: 'endedOn', message: '不能晚于今天' }],
      });
    if (input.findings.trim().length < 2)
      throw new AppError('VALIDATION', '检查情况：必填', {
        fields: [{ path: 'findings', message: '必填' }],
      });
    const inspectorIds = input.inspectorIds?.length
      ? [...new Set(input.inspectorIds)]
      : r.inspectorIds;
    if (inspectorIds.length < 2)
      throw new AppError('VALIDATION', '检查人员：不少于2名（行政处罚法第四十二条）', {
        fields: [{ path: 'inspectorIds', message: '不少于2名' }],
      });
    await assertOfficersEligible(t, r.departmentId, inspectorIds, input.inspectedOn);
    const fileIds = [...new Set(input.fileIds ?? [])];
    if (fileIds.length) {
      const found = await t
        .select({ id: files.id })
        .from(files)
        .where(and(inArray(files.id, fileIds), eq(files.departmentId, r.departmentId)));
      if (found.length !== fileIds.length)
        throw new AppError('VALIDATION', '证据材料：文件不存在或不属于本部门', {
          fields: [{ path: 'fileIds', message: '文件不存在' }],
        });
    }
    const s = await departmentSettings(t, r.departmentId, ctx.clock.now().getTime());
    const publishDue = ctx.calendar.current().addWorkdays(input.endedOn, s.publishWorkdays);
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'inspectionPublication',
        title: `${r.targetName}抽查结果公示`,
        orgId: actor.orgId,
        first: {
          action: 'record',
          on: today,
          data: { endedOn: input.endedOn, dueOn: publishDue, result: input.result },
        },
      },
      t,
    );
    const [row] = await t
      .update(inspections)
      .set({
        status: 'done',
        inspectedOn: input.inspectedOn,
        endedOn: input.endedOn,
        findings: input.findings.trim(),
        result: input.result,
        fileIds,
        inspectorIds,
        publishDue,
        caseId: c.id,
      })
      .where(eq(inspections.id, r.id))
      .returning();
    await audit(
      t,
      ctx,
      actor,
      'enforcement.inspection.record',
      { type: 'inspection', id: r.id },
      {
        result: input.result,
        inspectedOn: input.inspectedOn,
        endedOn: input.endedOn,
        files: fileIds.length,
        publishDue,
      },
    );
    return row;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

/** Publishes a recorded result on the portal (stops the 公示 clock). */
export async function publishInspection(
  ctx: Ctx,
  actor: Actor,
  id: string,
  tx?: Tx,
): Promise<InspectionRow> {
  authorize(actor, 'inspection', 'manage');
  const run = async (t: Tx) => {
    const r = await loadInspection(t, actor, id, true);
    authorize(actor, 'inspection', 'manage', r);
    if (r.status === 'pending')
      throw new AppError('ACTION_NOT_ALLOWED', `${r.targetName}尚未录入检查结果，不能公示`);
    if (r.status === 'published')
      throw new AppError('ACTION_NOT_ALLOWED', `${r.targetName}的检查结果已经公示`);
    const today = ctx.clock.today();
    if (r.caseId) await recordAction(ctx, actor, r.caseId, { action: 'publish', on: today }, t);
    const [row] = await t
      .update(inspections)
      .set({ status: 'published', publishedOn: today })
      .where(eq(inspections.id, r.id))
      .returning();
    await audit(
      t,
      ctx,
      actor,
      'enforcement.inspection.publish',
      { type: 'inspection', id: r.id },
      {
        publishedOn: today,
        late: !!r.publishDue && today > r.publishDue,
      },
    );
    return row;
  };
  return tx ? run(tx) : inTx(ctx, run);
}

export interface InspectionFilter {
  planId?: string;
  drawId?: string;
  status?: InspectionRow['status'];
  search?: string;
  year?: number;
  done?: boolean;
  problems?: boolean;
  late?: boolean;
  page: number;
  pageSize: number;
}

export async function listInspections(ctx: Ctx, actor: Actor, f: InspectionFilter) {
  authorize(actor, 'inspection', 'list');
  const conds: SQL[] = [eq(inspections.departmentId, actor.departmentId)];
  if (f.planId) conds.push(eq(inspections.planId, f.planId));
  if (f.drawId) conds.push(eq(inspections.drawId, f.drawId));
  if (f.status) conds.push(eq(inspections.status, f.status));
  if (f.search)
    conds.push(
      or(
        ilike(inspections.targetName, `%${f.search}%`),
        ilike(inspections.creditCode, `%${f.search}%`),
      )!,
    );
  if (f.year) conds.push(sql`extract(year from ${inspections.inspectedOn}) = ${f.year}`);
  if (f.done) conds.push(inArray(inspections.status, ['done', 'published']));
  if (f.problems) conds.push(inArray(inspections.result, ['rectify', 'referred']));
  if (f.late)
    conds.push(
      sql`${inspections.publishDue} < coalesce(${inspections.publishedOn}, ${ctx.clock.today()}::date)`,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(inspections)
    .where(where)
    .orderBy(asc(inspections.status), desc(inspections.endedOn), asc(inspections.creditCode))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(where);
  return { total: n, items: await withNames(ctx.db, rows) };
}

/** Rows with their inspectors' names, result label and lateness. */
export async function withNames(db: DbOrTx, rows: InspectionRow[]) {
  const ids = [...new Set(rows.flatMap((r) => r.inspectorIds))];
  const names = ids.length
    ? await db
        .select({ id: officers.id, name: officers.name, cert: officers.certificateNo })
        .from(officers)
        .where(inArray(officers.id, ids))
    : [];
  const byId = new Map(names.map((o) => [o.id, o]));
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const planRows = planIds.length
    ? await db
        .select({ id: plans.id, name: plans.name })
        .from(plans)
        .where(inArray(plans.id, planIds))
    : [];
  return rows.map((r) => ({
    ...r,
    planName: planRows.find((p) => p.id === r.planId)?.name ?? '',
    inspectors: r.inspectorIds.map((i) => ({
      id: i,
      name: byId.get(i)?.name ?? '（已删除）',
      certificateNo: byId.get(i)?.cert ?? '',
    })),
    resultLabel: r.result ? RESULT_LABELS[r.result] : null,
    late: !!r.publishDue && (r.publishedOn ? r.publishedOn > r.publishDue : false),
  }));
}
