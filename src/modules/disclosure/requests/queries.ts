/** Reading requests: the disclosure office's list and page, and the applicant's public tracking view. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { fieldView, type FieldReply } from '../../../core/http/forms.ts';
import { REQUEST_FORMS, type RequestForm } from './forms.ts';
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { cases, caseSteps, caseEvents } from '../../../core/cases/schema.ts';
import { caseView } from '../../../core/cases/view.ts';
import { notFound } from '../../../core/errors.ts';
import {
  APPLICANT_TYPES,
  CHANNELS,
  DELIVERY_METHODS,
  FORMS,
  ID_TYPES,
  OUTCOME_BY_CODE,
  outcomeLabel as labelOf,
} from '../outcomes.ts';
import { disclosureRequests, disclosureRequestFiles } from './schema.ts';
import { files } from '../../../core/files/schema.ts';
import { missingItems } from './intake.ts';
import { answerEvents, defaultBasis, loadRequest, monthlyOrdinal } from './service.ts';
import { handlesRequest, maskName, requestForActor } from './masking.ts';
import { approvalView } from './approvals.ts';

const label = (list: Array<{ value: string; label: string }>, v: string | null) =>
  v ? (list.find((o) => o.value === v)?.label ?? v) : null;
const outcomeLabel = (code: string | null) => {
  const o = code ? OUTCOME_BY_CODE.get(code) : undefined;
  return o ? labelOf(o) : null;
};

export interface ListQuery {
  status?: 'open' | 'closed';
  overdue?: boolean;
  year?: number;
  page: number;
  pageSize: number;
}

// The step whose due date the list shows: the answer, or the applicant's 补正 while it runs.
const currentStep = sql`(select s.due_date from case_steps s where s.case_id = ${cases.id} and s.status = 'open' and s.step in ('answer', 'applicantSupplement', 'feePayment') order by s.due_date nulls last limit 1)`;

export async function listRequests(ctx: Ctx, actor: Actor, q: ListQuery) {
  authorize(actor, 'disclosureRequest', 'list');
  const today = ctx.clock.today();
  const where: SQL[] = [eq(disclosureRequests.departmentId, actor.departmentId)];
  if (q.status === 'open') where.push(sql`${cases.closedOn} is null`);
  if (q.status === 'closed') where.push(sql`${cases.closedOn} is not null`);
  if (q.year)
    where.push(
      sql`${disclosureRequests.receivedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`,
    );
  if (q.overdue)
    where.push(
      sql`exists (select 1 from case_steps s where s.case_id = ${cases.id} and s.status = 'open' and s.step = 'answer' and s.due_date < ${today})`,
    );
  const cond = and(...where);
  const rows = await ctx.db
    .select({
      r: disclosureRequests,
      orgId: cases.orgId,
      status: cases.status,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
      title: cases.title,
      due: sql<string | null>`${currentStep}`,
    })
    .from(disclosureRequests)
    .innerJoin(cases, eq(cases.id, disclosureRequests.caseId))
    .where(cond)
    .orderBy(desc(disclosureRequests.receivedOn), desc(disclosureRequests.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(disclosureRequests)
    .innerJoin(cases, eq(cases.id, disclosureRequests.caseId))
    .where(cond);
  return {
    total,
    items: rows.map(({ r, ...c }) => ({
      id: r.id,
      caseId: r.caseId,
      // 个人信息保护法 Art 6: the name in full only for the request's handlers (policy disclosureRequest.personalData).
      applicant: r.name
        ? handlesRequest(actor, { departmentId: r.departmentId, orgId: c.orgId })
          ? r.name
          : maskName(r.name)
        : '（未提供）',
      applicantType: label(APPLICANT_TYPES, r.reportColumn),
      description: r.description ?? '（未提供）',
      channel: label(CHANNELS, r.channel),
      receivedOn: r.receivedOn,
      closed: !!c.closedOn,
      closedOn: c.closedOn,
      outcome: c.outcome,
      outcomeLabel: outcomeLabel(c.outcome),
      dueDate: c.due,
      overdue: !c.closedOn && !!c.due && c.due < today,
      incomplete: missingItems(r).length > 0,
    })),
  };
}

/** The request page: applicant data (masked unless the actor handles the request), the case (timeline, due dates, allowed actions), the answer. */
export async function requestDetail(ctx: Ctx, actor: Actor, id: string) {
  const row = await loadRequest(ctx, actor, id);
  const view = await caseView(ctx, actor, row.caseId);
  const [{ orgId }] = await ctx.db
    .select({ orgId: cases.orgId })
    .from(cases)
    .where(eq(cases.id, row.caseId));
  const r = requestForActor(actor, row, orgId);
  const events = await answerEvents(ctx.db, r.caseId);
  const answer = events.filter((e) => e.type === 'answer').at(-1);
  // 条例 Art 31(2): how a request by post was received (签收, or arrival and confirmation), recorded with the receive act.
  const [received] = await ctx.db
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, r.caseId), eq(caseEvents.type, 'receive')))
    .limit(1);
  const post = received?.data as Record<string, unknown> | undefined;
  const receipt = Object.fromEntries(
    ['signedOn', 'mailNumber', 'arrivedOn', 'confirmedOn', 'confirmation', 'lateReason']
      .filter((k) => typeof post?.[k] === 'string')
      .map((k) => [k, post![k] as string]),
  );
  const released = await ctx.db
    .select({ id: files.id, name: files.name, size: files.size })
    .from(disclosureRequestFiles)
    .innerJoin(files, eq(files.id, disclosureRequestFiles.fileId))
    .where(eq(disclosureRequestFiles.requestId, r.id))
    .orderBy(asc(disclosureRequestFiles.addedAt));
  return {
    request: {
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      reportColumnLabel: label(APPLICANT_TYPES, r.reportColumn),
      channelLabel: label(CHANNELS, r.channel),
      formLabel: label(FORMS, r.form),
      deliveryLabel: label(DELIVERY_METHODS, r.delivery),
      idTypeLabel: label(ID_TYPES, r.idType),
      receipt,
      missing: missingItems(row),
      monthlyOrdinal: await monthlyOrdinal(ctx.db, row),
    },
    answer: answer
      ? {
          on: answer.on,
          ...(answer.data as Record<string, unknown>),
          legalBasis: String(
            (answer.data as Record<string, unknown>).legalBasis ||
              defaultBasis(String((answer.data as Record<string, unknown>).outcome)),
          ),
          outcomeLabel: outcomeLabel(String((answer.data as Record<string, unknown>).outcome)),
        }
      : null,
    files: released,
    approval: await approvalView(ctx, actor, r.caseId),
    // The page's forms (答复, 收费通知, 送达, 延长 and its 审批), declared once in forms.ts.
    forms: Object.fromEntries(
      Object.entries(REQUEST_FORMS).map(([k, fields]) => [k, fields.map((f) => fieldView(f))]),
    ) as Record<RequestForm, FieldReply[]>,
    ...view,
  };
}

/** What the applicant sees at /xxgk/track/:code: status, due date with its explanation, the answer type. Never personal data. */
export async function trackingView(ctx: Ctx, code: string) {
  const [row] = await ctx.db
    .select({
      id: disclosureRequests.id,
      receivedOn: disclosureRequests.receivedOn,
      caseId: cases.id,
      status: cases.status,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
    })
    .from(disclosureRequests)
    .innerJoin(cases, eq(cases.id, disclosureRequests.caseId))
    .where(eq(disclosureRequests.trackingCode, code));
  if (!row) throw notFound('申请');
  const steps = await ctx.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.caseId, row.caseId), eq(caseSteps.status, 'open')))
    .orderBy(asc(caseSteps.dueDate));
  const answerStep = steps.find((s) => s.step === 'answer');
  const supplementStep = steps.find((s) => s.step === 'applicantSupplement');
  const feeStep = steps.find((s) => s.step === 'feePayment');
  let supplementItems: string | null = null;
  if (supplementStep) {
    const [ev] = await ctx.db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, row.caseId), eq(caseEvents.type, 'supplementRequest')))
      .orderBy(desc(caseEvents.seq))
      .limit(1);
    supplementItems = String((ev?.data as Record<string, unknown> | undefined)?.items ?? '');
  }
  const answered =
    !!row.closedOn &&
    row.outcome !== 'other1' &&
    row.outcome !== 'other2' &&
    row.outcome !== 'other3';
  const stage = row.closedOn
    ? answered
      ? '已答复'
      : '已办结'
    : supplementStep
      ? '等待申请人补正'
      : feeStep
        ? '等待申请人缴纳信息处理费'
        : '办理中';
  const step = supplementStep ?? feeStep ?? answerStep;
  return {
    stage,
    receivedOn: row.receivedOn,
    closedOn: row.closedOn,
    outcomeLabel: row.closedOn ? outcomeLabel(row.outcome) : null,
    due:
      !row.closedOn && step
        ? {
            label: step.label,
            date: step.dueDate,
            explanation: step.explanation,
            provisional: step.provisional,
          }
        : null,
    supplementItems,
    canSupplement: !!supplementStep,
  };
}
