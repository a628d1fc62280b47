/**
 * 行政处罚 cases: opening (立案, also in one step from an inspection finding), assigning officers, loading
 * in scope, listing, the settings. Every use case is one transaction: the case act (engine), the row,
 * the audit event. The acts after 立案 are in acts.ts.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { cases } from '../../core/cases/schema.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import { changeSetting, getSetting, scopedSetting } from '../../core/settings/service.ts';
import {
  assertOfficersEligible,
  getInspectionResult,
  listEligibleOfficers,
} from '../enforcement/index.ts';
import { penaltyCases } from './schema.ts';
import { authorize, penaltyScopeSql, type PenaltyScope } from './policy.ts';
import { penaltySettings, type PartyKind, type PenaltySettings } from './labels.ts';
import { limitationEnd } from './rules.ts';

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

export interface OpenInput {
  partyKind: PartyKind;
  partyName: string;
  partyIdNo?: string;
  partyAddress?: string;
  title?: string;
  summary: string;
  actOn: string;
  discoveredOn: string;
  lifeHealthFinance?: boolean;
  major?: boolean;
  approvedBy?: string;
  officerIds?: string[];
  handlerIds?: string[];
  inspectionRecordId?: string;
  discretionCode?: string;
  /** The 立案 date when recorded afterwards (the demo's history); default today. */
  openedOn?: string;
}

/** Checks ≥ 2 distinct registry officers holding valid certificates (Art 42) and the handler accounts. */
async function checkAssignment(
  tx: Tx,
  actor: Actor,
  officerIds: string[],
  handlerIds: string[],
  on: string,
): Promise<string[]> {
  const ids = [...new Set(officerIds)];
  if (ids.length < 2)
    throw invalid('officerIds', '执法人员', '执法人员不得少于两人（行政处罚法第四十二条）');
  await assertOfficersEligible(tx, actor.departmentId, ids, on);
  const eligible = new Map(
    (await listEligibleOfficers(tx, actor.departmentId, on)).map((o) => [o.id, o]),
  );
  const handlers = [...new Set(handlerIds)];
  if (handlers.length) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, handlers),
          eq(users.departmentId, actor.departmentId),
          eq(users.active, true),
        ),
      );
    if (rows.length !== handlers.length)
      throw invalid('handlerIds', '承办人账号', '须为本部门在用账号');
  }
  return ids.map(
    (id) => `${eligible.get(id)?.name ?? ''}（${eligible.get(id)?.certificateNo ?? ''}）`,
  );
}

export async function openPenalty(ctx: Ctx, actor: Actor, input: OpenInput): Promise<PenaltyRow> {
  authorize(actor, 'penaltyCase', 'open');
  const today = input.openedOn ?? ctx.clock.today();
  if (input.actOn > input.discoveredOn)
    throw invalid('actOn', '违法行为发生（终了）日期', '不能晚于发现日期');
  if (input.discoveredOn > today) throw invalid('discoveredOn', '发现日期', '不能晚于今天');
  const end = limitationEnd(input.actOn, !!input.lifeHealthFinance);
  if (input.discoveredOn > end) {
    throw new AppError(
      'VALIDATION',
      `违法行为在${input.lifeHealthFinance ? '五' : '二'}年内未被发现（追责期限至${end}届满），不再给予行政处罚（行政处罚法第三十六条）`,
      { fields: [{ path: 'discoveredOn', message: '超过追责期限' }] },
    );
  }
  return inTx(ctx, async (tx) => {
    if (input.inspectionRecordId) {
      if (!(await getInspectionResult(tx, actor.departmentId, input.inspectionRecordId)))
        throw invalid('inspectionRecordId', '检查记录', '本部门没有该检查记录');
      // One finding, one case: a second 立案 on the same record would count the violation twice.
      const [prior] = await tx
        .select({ caseNo: penaltyCases.caseNo })
        .from(penaltyCases)
        .where(eq(penaltyCases.inspectionRecordId, input.inspectionRecordId));
      if (prior)
        throw new AppError('CONFLICT', `检查记录：已据此立案（${prior.caseNo}）`, {
          fields: [{ path: 'inspectionRecordId', message: `已据此立案（${prior.caseNo}）` }],
        });
    }
    const officerNames = input.officerIds?.length
      ? await checkAssignment(tx, actor, input.officerIds, input.handlerIds ?? [], today)
      : [];
    const year = Number(today.slice(0, 4));
    const n = await takeNext(tx, { kind: 'penaltyCase', departmentId: actor.departmentId, year });
    const dept = await getOrg(tx, actor.departmentId);
    const caseNo = `${dept.docPrefix ?? ''}罚立〔${year}〕${n}号`;
    const title = input.title?.trim() || `${input.partyName}违法案`;
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'penaltyCase',
        title,
        orgId: actor.orgId,
        first: {
          action: 'open',
          on: today,
          data: {
            partyName: input.partyName,
            actOn: input.actOn,
            discoveredOn: input.discoveredOn,
            limitationEnd: end,
            major: !!input.major,
            approvedBy: input.approvedBy ?? '',
            caseNo,
          },
        },
      },
      tx,
    );
    const id = newId();
    const handlers = [...new Set([actor.userId, ...(input.handlerIds ?? [])])].filter(Boolean);
    const [row] = await tx
      .insert(penaltyCases)
      .values({
        id,
        caseId: c.id,
        departmentId: actor.departmentId,
        orgId: actor.orgId,
        mode: 'general',
        caseNo,
        year,
        title,
        partyKind: input.partyKind,
        partyName: input.partyName,
        partyIdNo: input.partyIdNo ?? '',
        partyAddress: input.partyAddress ?? '',
        actOn: input.actOn,
        discoveredOn: input.discoveredOn,
        lifeHealthFinance: !!input.lifeHealthFinance,
        summary: input.summary,
        openedOn: today,
        inspectionRecordId: input.inspectionRecordId ?? null,
        officerIds: input.officerIds ? [...new Set(input.officerIds)] : [],
        officerNames,
        handlerIds: handlers,
        discretionCode: input.discretionCode ?? null,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (officerNames.length)
      await recordAction(
        ctx,
        actor,
        c.id,
        {
          action: 'assignOfficers',
          on: today,
          data: { officerCount: officerNames.length, officers: officerNames.join('、') },
        },
        tx,
      );
    await audit(
      tx,
      ctx,
      actor,
      'penalty.open',
      { type: 'penaltyCase', id },
      {
        caseNo,
        partyKind: input.partyKind,
        actOn: input.actOn,
        discoveredOn: input.discoveredOn,
        limitationEnd: end,
        inspectionRecordId: input.inspectionRecordId ?? null,
        officerIds: row.officerIds,
      },
    );
    return row;
  });
}

/** A finding of an inspection opens a case in one step: party, dates and facts from the record. */
export async function openFromInspection(
  ctx: Ctx,
  actor: Actor,
  input: {
    inspectionRecordId: string;
    officerIds?: string[];
    handlerIds?: string[];
    major?: boolean;
    approvedBy?: string;
    partyKind?: PartyKind;
  },
): Promise<PenaltyRow> {
  authorize(actor, 'penaltyCase', 'open');
  const r = await getInspectionResult(ctx.db, actor.departmentId, input.inspectionRecordId);
  if (!r) throw invalid('inspectionRecordId', '检查记录', '本部门没有该检查记录');
  if (!r.result || r.result === 'noProblem' || r.result === 'notFound')
    throw invalid('inspectionRecordId', '检查记录', '该检查未发现问题，不能据此立案');
  if (!r.findings.trim())
    throw invalid('inspectionRecordId', '检查记录', '该检查未记录发现的问题，不能据此立案');
  const on = r.inspectedOn ?? ctx.clock.today();
  return openPenalty(ctx, actor, {
    partyKind: input.partyKind ?? 'organisation',
    partyName: r.targetName,
    partyIdNo: r.creditCode,
    summary: r.findings,
    actOn: on,
    discoveredOn: on,
    title: `${r.targetName}违法案（检查发现）`,
    officerIds: input.officerIds ?? (r.inspectorIds.length >= 2 ? r.inspectorIds : undefined),
    handlerIds: input.handlerIds,
    major: input.major,
    approvedBy: input.approvedBy,
    inspectionRecordId: r.id,
  });
}

/** 指派执法人员 (Art 42) — also a re-assignment: ≥ 2 officers valid on the day. */
export async function assignOfficers(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { officerIds: string[]; handlerIds?: string[] },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const p = await loadPenalty(tx, actor, id, true);
    authorize(actor, 'penaltyCase', 'act', scopeOf(p));
    const today = ctx.clock.today();
    const names = await checkAssignment(tx, actor, input.officerIds, input.handlerIds ?? [], today);
    const handlers = [...new Set([...p.handlerIds, ...(input.handlerIds ?? [])])];
    await recordAction(
      ctx,
      actor,
      p.caseId,
      {
        action: 'assignOfficers',
        on: today,
        data: { officerCount: names.length, officers: names.join('、') },
      },
      tx,
    );
    await tx
      .update(penaltyCases)
      .set({
        officerIds: [...new Set(input.officerIds)],
        officerNames: names,
        handlerIds: handlers,
      })
      .where(eq(penaltyCases.id, p.id));
    await audit(
      tx,
      ctx,
      actor,
      'penalty.assignOfficers',
      { type: 'penaltyCase', id: p.id },
      {
        officerIds: input.officerIds,
        handlerIds: handlers,
      },
    );
  });
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
