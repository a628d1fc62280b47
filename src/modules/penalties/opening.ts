/**
 * 立案 of a 行政处罚 case (行政处罚法 Art 54; the limitation of Art 36), also from an inspection's finding,
 * and the assignment of ≥ 2 certified officers (Art 42), each in one transaction with its audit event.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { audit } from './audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { takeNext } from '../../core/numbering/counter.ts';
import {
  assertOfficersEligible,
  getInspectionResult,
  listEligibleOfficers,
} from '../enforcement/index.ts';
import { penaltyCases } from './schema.ts';
import { authorize } from './policy.ts';
import { type PartyKind } from './labels.ts';
import { limitationEnd } from './rules.ts';
import { PenaltyRow, invalid, loadPenalty, scopeOf } from './service.ts';

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
