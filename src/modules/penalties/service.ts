/**
 * 行政处罚 cases: loading in scope, listing, the settings, and the helpers the use cases share. Opening
 * (立案, also from an inspection finding) and assigning officers are in opening.ts, the acts after 立案
 * in acts*.ts; every use case is one transaction: the case act (engine), the row, the audit event.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { type Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { changeSetting, getSetting, scopedSetting } from '../../core/settings/service.ts';
import { penaltyCases } from './schema.ts';
import { authorize, penaltyScopeSql, type PenaltyScope } from './policy.ts';
import { penaltySettings, type PenaltySettings } from './labels.ts';

export type PenaltyRow = typeof penaltyCases.$inferSelect;

export const scopeOf = (p: PenaltyRow): PenaltyScope => ({
  departmentId: p.departmentId,
  orgId: p.orgId,
  handlerIds: p.handlerIds,
  createdBy: p.createdBy,
});

export const invalid = (path: string, label: string, message: string) =>
  new AppError('VALIDATION', `${label}：${message}`, { fields: [{ path, message }] });

/** A case the actor may read (404 otherwise, also for another department's). */
export async function loadPenalty(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<PenaltyRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('行政处罚案件');
  const q = db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  if (!p) throw notFound('行政处罚案件');
  authorize(actor, 'penaltyCase', 'read', scopeOf(p));
  return p;
}

export async function departmentSettings(
  db: DbOrTx,
  departmentId: string,
  nowMs: number,
  ttl?: number,
): Promise<PenaltySettings> {
  return getSetting(db, scopedSetting(penaltySettings, departmentId), nowMs, ttl);
}

export async function readSettings(
  ctx: Ctx,
  actor: Actor,
): Promise<PenaltySettings & { defaultReconsiderationBody: string }> {
  authorize(actor, 'penaltyCase', 'list');
  const s = await departmentSettings(ctx.db, actor.departmentId, ctx.clock.now().getTime(), 0);
  return { ...s, defaultReconsiderationBody: await parentGovernment(ctx.db, actor.departmentId) };
}

export async function updateSettings(
  ctx: Ctx,
  actor: Actor,
  value: PenaltySettings,
): Promise<PenaltySettings> {
  authorize(actor, 'penaltyCase', 'configure');
  for (const [i, r] of value.discretion.entries())
    if (r.maxAmount < r.minAmount)
      throw invalid(`discretion.${i}`, '行政处罚裁量基准', `“${r.label}”的上限不能低于下限`);
  if (new Set(value.discretion.map((r) => r.code)).size !== value.discretion.length)
    throw invalid('discretion', '行政处罚裁量基准', '情形代码不能重复');
  return changeSetting(
    ctx,
    actor,
    scopedSetting(penaltySettings, actor.departmentId),
    'penalty.settings',
    value,
  );
}

/** 行政复议法 (2023) Art 24: a 县级以上地方人民政府工作部门's 复议机关 is the 本级人民政府. */
export async function parentGovernment(db: DbOrTx, departmentId: string): Promise<string> {
  const dept = await getOrg(db, departmentId);
  if (!dept.parentId) return '';
  const gov = await getOrg(db, dept.parentId);
  return gov.kind === 'government' ? gov.name : '';
}

/** `decided`, `legalChecked`, `hearing`: the year's records behind the annual facts (facts.ts counts with the same conditions). */
export interface ListFilter {
  year?: number;
  status?: string;
  q?: string;
  inspection?: string;
  published?: boolean;
  decided?: boolean;
  legalChecked?: boolean;
  hearing?: boolean;
  page: number;
  pageSize: number;
}

export async function listPenalties(ctx: Ctx, actor: Actor, f: ListFilter) {
  authorize(actor, 'penaltyCase', 'list');
  const conds: SQL[] = [penaltyScopeSql(actor)];
  const byFact = f.decided || f.legalChecked || f.hearing;
  if (f.year && !byFact) conds.push(eq(penaltyCases.year, f.year));
  const eventIn = (type: string) =>
    sql`exists (select 1 from case_events e where e.case_id = ${penaltyCases.caseId} and e.type = ${type} and extract(year from e.on_date) = ${f.year ?? 0})`;
  if (f.decided)
    conds.push(
      sql`${penaltyCases.decisionType} = 'penalty' and extract(year from ${penaltyCases.decidedOn}) = ${f.year ?? 0}`,
    );
  if (f.legalChecked) conds.push(eventIn('concludeLegalReview'));
  if (f.hearing) conds.push(eventIn('holdHearing'));
  if (f.status) conds.push(eq(cases.status, f.status));
  if (f.published) conds.push(sql`${penaltyCases.publishedOn} is not null`);
  if (f.inspection) conds.push(eq(penaltyCases.inspectionRecordId, f.inspection));
  if (f.q)
    conds.push(
      sql`(${penaltyCases.title} ilike ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} or ${penaltyCases.caseNo} ilike ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'})`,
    );
  const where = and(...conds);
  const rows = await ctx.db
    .select({ p: penaltyCases, status: cases.status })
    .from(penaltyCases)
    .innerJoin(cases, eq(cases.id, penaltyCases.caseId))
    .where(where)
    .orderBy(desc(penaltyCases.openedOn), desc(penaltyCases.caseNo))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(penaltyCases)
    .innerJoin(cases, eq(cases.id, penaltyCases.caseId))
    .where(where);
  return { total: n, rows };
}
