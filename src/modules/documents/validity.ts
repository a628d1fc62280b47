/**
 * The legal life after publication (RULES §2.3 step 11): post-evaluation, 废止, 宣布失效, expiry by
 * itself on the date (sweep), and the reminder before expiry. The status is derived (status.ts) and
 * mirrored into the publication's 有效性.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx, type Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { getSetting } from '../../core/settings/service.ts';
import type { SweepTask } from '../../core/cases/sweep.ts';
import { updateValidity } from '../disclosure/index.ts';
import { documentEvents, normativeDocuments } from './schema.ts';
import { dayAfter, legalStatus, publicationValidity } from './status.ts';
import { documentSettings, EVALUATION_LABELS } from './labels.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { loadForEdit, type DocumentRow } from './service.ts';

/** The system acting for a department (sweep): audited with no user. */

export async function eventsOf(db: DbOrTx, documentId: string) {
  return db
    .select()
    .from(documentEvents)
    .where(eq(documentEvents.documentId, documentId))
    .orderBy(documentEvents.on, documentEvents.createdAt);
}

export async function addEvent(
  tx: Tx,
  ctx: Ctx,
  actor: Actor | null,
  documentId: string,
  e: {
    kind: string;
    on: string;
    act?: string | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<boolean> {
  const rows = await tx
    .insert(documentEvents)
    .values({
      id: newId(),
      documentId,
      kind: e.kind,
      on: e.on,
      act: e.act ?? null,
      note: e.note ?? null,
      data: e.data ?? {},
      actorId: actor?.userId ?? null,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: documentEvents.id });
  return rows.length > 0;
}

/** Recomputes the cached legal status from the events and mirrors it into the publication's 有效性. */
export async function refreshStatus(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  d: DocumentRow,
): Promise<string> {
  const s = legalStatus({
    events: await eventsOf(tx, d.id),
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    today: ctx.clock.today(),
  });
  if (s.status !== d.legalStatus)
    await tx
      .update(normativeDocuments)
      .set({ legalStatus: s.status })
      .where(eq(normativeDocuments.id, d.id));
  const validity = publicationValidity(s.status);
  if (d.publicationId && validity) await updateValidity(tx, ctx, actor, d.publicationId, validity);
  return s.status;
}

function inForce(d: DocumentRow) {
  if (d.legalStatus !== 'inForce' && d.legalStatus !== 'notYetInForce')
    throw new AppError('ACTION_NOT_ALLOWED', '文件不是现行有效状态，不能办理此项');
}

export interface EndInput {
  on: string;
  act: string;
  note?: string;
}

/** 废止 or 宣布失效 of a loaded document, in the caller's transaction (also used by 清理). */
export async function endLoaded(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  d: DocumentRow,
  kind: 'abolished' | 'declaredInvalid',
  input: EndInput,
): Promise<string> {
  inForce(d);
  if (input.on > ctx.clock.today())
    throw new AppError('VALIDATION', '决定日期：不能晚于今天', {
      fields: [{ path: 'on', message: '不能晚于今天' }],
    });
  if (d.publishedOn && input.on < d.publishedOn)
    throw new AppError('VALIDATION', '决定日期：不能早于文件发布日期', {
      fields: [{ path: 'on', message: '不能早于发布日期' }],
    });
  if (!input.act.trim())
    throw new AppError('VALIDATION', '决定依据：请填写作出决定的文件或会议', {
      fields: [{ path: 'act', message: '必填' }],
    });
  await addEvent(tx, ctx, actor, d.id, {
    kind,
    on: input.on,
    act: input.act.trim(),
    note: input.note?.trim() || null,
  });
  const status = await refreshStatus(tx, ctx, actor, d);
  await appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `document.${kind}`,
      entityType: 'normativeDocument',
      entityId: d.id,
      payload: { ...input, status },
    },
    ctx.clock.now(),
  );
  return status;
}

/** 废止 or 宣布失效, with the deciding act (e.g. the 文号 of the decision). */
export async function endDocument(
  ctx: Ctx,
  actor: Actor,
  id: string,
  kind: 'abolished' | 'declaredInvalid',
  input: EndInput,
): Promise<string> {
  return inTx(ctx, async (tx) =>
    endLoaded(tx, ctx, actor, await loadForEdit(tx, actor, id), kind, input),
  );
}

export interface EvaluationInput {
  on: string;
  conclusion: keyof typeof EVALUATION_LABELS;
  evaluation: string;
}

/** 后评估: the evaluation and its conclusion (asked for before expiry). */
export async function recordEvaluation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: EvaluationInput,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    if (!d.publishedOn) throw new AppError('ACTION_NOT_ALLOWED', '文件尚未发布，不能进行后评估');
    if (input.on > ctx.clock.today())
      throw new AppError('VALIDATION', '评估日期：不能晚于今天', {
        fields: [{ path: 'on', message: '不能晚于今天' }],
      });
    await addEvent(tx, ctx, actor, d.id, {
      kind: 'evaluated',
      on: input.on,
      note: input.evaluation.trim(),
      data: { conclusion: input.conclusion },
    });
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.evaluate',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: { on: input.on, conclusion: input.conclusion },
      },
      ctx.clock.now(),
    );
  });
}

/** Sweep: documents past their validity period expire by themselves (event dated the day after). */
export const documentExpiryTask: SweepTask = async (tx, ctx) => {
  const today = ctx.clock.today();
  const due = await tx
    .select()
    .from(normativeDocuments)
    .where(
      and(
        sql`${normativeDocuments.legalStatus} in ('inForce','notYetInForce')`,
        sql`${normativeDocuments.validUntil} < ${today}::date`,
      ),
    );
  let expired = 0;
  for (const d of due) {
    await addEvent(tx, ctx, null, d.id, {
      kind: 'expired',
      on: dayAfter(d.validUntil!),
      note: '有效期届满自动失效',
    });
    const actor = systemActor({ departmentId: d.departmentId, roles: ['staff'] });
    const status = await refreshStatus(tx, ctx, actor, d);
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: null,
        action: 'document.expired',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: { validUntil: d.validUntil, status },
      },
      ctx.clock.now(),
    );
    expired++;
  }
  return { documentsExpired: expired };
};

/** Sweep: N months before expiry, ask the drafting 科室 (its staff) and the legal office for a 后评估 (event + notifications, once). */
export const documentReminderTask: SweepTask = async (tx, ctx) => {
  const today = ctx.clock.today();
  const { reminderMonths } = await getSetting(tx, documentSettings, ctx.clock.now().getTime());
  const due = await queryRows<{
    id: string;
    case_id: string;
    title: string;
    valid_until: string;
    drafting_org_id: string;
    department_id: string;
  }>(
    tx,
    sql`select d.id, d.case_id, d.title, d.valid_until::text, d.drafting_org_id, d.department_id from normative_documents d
        where d.legal_status = 'inForce' and d.valid_until is not null
          and d.valid_until <= (${today}::date + make_interval(months => ${reminderMonths}))::date
          and not exists (select 1 from document_events e where e.document_id = d.id and e.kind = 'evaluationDue')`,
  );
  for (const d of due) {
    await addEvent(tx, ctx, null, d.id, {
      kind: 'evaluationDue',
      on: today,
      note: `有效期至${d.valid_until}，请在届满前开展后评估`,
    });
    // step_id carries the document's id (there is no open step): the workbench opens the document's page.
    await tx.execute(sql`
      insert into notifications (id, user_id, case_id, step_id, kind, due_date, message, created_at)
      select gen_random_uuid(), u.id, ${d.case_id}::uuid, ${d.id}::uuid, 'evaluationDue', ${d.valid_until}::date,
        ${`「${d.title}」有效期至${d.valid_until}届满，请开展后评估并提出继续有效、修改或废止的意见`}, ${ctx.clock.now().toISOString()}::timestamptz
      from users u where u.active and u.department_id = ${d.department_id}::uuid
        and ((u.org_id = ${d.drafting_org_id}::uuid and u.roles && array['staff','leader']) or 'legalOfficer' = any(u.roles))
      on conflict do nothing`);
  }
  return { documentEvaluationReminders: due.length };
};
