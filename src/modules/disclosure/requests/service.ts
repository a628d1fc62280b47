/**
 * 依申请公开 use cases beyond intake: the answer (one statutory outcome, 条例 Art 36–37), the fee
 * notice (国办函〔2020〕109号), the applicant's 补正 from the portal (Art 30). One transaction each;
 * the case act and this module's rows commit together, audit last.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { caseEvents, cases } from '../../../core/cases/schema.ts';
import type { Ctx } from '../../../core/context.ts';
import { inTx } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize, can } from '../policy.ts';
import { appendAudit } from '../../../core/audit/chain.ts';
import { recordAction } from '../../../core/cases/service.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { OUTCOME_BY_CODE } from '../outcomes.ts';
import { disclosureRequestFiles, disclosureRequests } from './schema.ts';
import { files } from '../../../core/files/schema.ts';
import { fileAccessOf, type FileAccess } from '../../../core/files/service.ts';
import { portalActor, type RequestRow } from './intake.ts';
import type { DbOrTx } from '../../../core/db/client.ts';
import { quoteFee, type FeeMethod, type FeeQuote } from './fees.ts';
import { askApproval } from './approvals.ts';
import { assertHandler, loadRequest, readRequest } from './access.ts';

export { assertHandler, loadRequest, readRequest } from './access.ts';

/** The outcome's article of the 条例, as the letter cites it. */
export function defaultBasis(code: string): string {
  const basis = OUTCOME_BY_CODE.get(code)?.basis;
  if (!basis) return '';
  return basis.startsWith('条例')
    ? `《中华人民共和国政府信息公开条例》${basis.slice(2)}`
    : `《政府信息公开信息处理费管理办法》（${basis}）`;
}

/** A file is readable as a released file of a request the actor may read (loadRequest's rule). */
export async function releasedFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: disclosureRequestFiles.requestId })
    .from(disclosureRequestFiles)
    .where(eq(disclosureRequestFiles.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => readRequest(db, actor, id),
  );
}

export interface AnswerInput {
  on: string;
  outcome: string;
  reasons?: string;
  legalBasis?: string;
  replyLetterNo?: string;
  delivery?: string;
}

/** The generic case API's rule for acting on a request's case (ProcedureEntry.act): its handlers only. */
export async function actOnRequest(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await assertHandler(db, actor, await readRequest(db, actor, id));
}

/**
 * The clerk's answer: exactly one table 三 outcome, drafted and put to the approver for 审签 (approvals.ts);
 * the request is answered when the approver signs it off. A closed request is refused by the engine.
 */
export async function answerRequest(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: AnswerInput,
): Promise<void> {
  const o = OUTCOME_BY_CODE.get(input.outcome);
  if (!o || o.code === 'other1' || o.code === 'other2')
    throw new AppError('VALIDATION', '答复类型：不是可选的答复类型', {
      fields: [{ path: 'outcome', message: '答复类型：不是可选的答复类型' }],
    });
  const r = await loadRequest(ctx, actor, id);
  const legalBasis = input.legalBasis?.trim() || defaultBasis(o.code);
  await askApproval(ctx, actor, id, 'answer', input.on, {
    outcome: o.code,
    reasons: input.reasons ?? '',
    legalBasis,
    replyLetterNo: input.replyLetterNo ?? '',
    delivery: input.delivery ?? r.delivery ?? '',
  });
}

/** This request's rank among the applicant's requests received in the same natural month (按件计收). */
export async function monthlyOrdinal(db: Ctx['db'] | Tx, r: RequestRow): Promise<number> {
  if (!r.applicantKey) return 1;
  const monthStart = `${r.receivedOn.slice(0, 7)}-01`;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureRequests)
    .where(
      and(
        eq(disclosureRequests.departmentId, r.departmentId),
        eq(disclosureRequests.applicantKey, r.applicantKey),
        sql`${disclosureRequests.receivedOn} >= ${monthStart}`,
        lte(disclosureRequests.receivedOn, r.receivedOn),
        sql`(${disclosureRequests.receivedOn} < ${r.receivedOn} or ${disclosureRequests.createdAt} <= ${r.createdAt.toISOString()})`,
      ),
    );
  return n;
}

export async function feeQuote(
  ctx: Ctx,
  actor: Actor,
  id: string,
  method: FeeMethod,
  pages?: number,
): Promise<FeeQuote> {
  const r = await loadRequest(ctx, actor, id);
  return quoteFee(method, {
    ordinal: method === 'perRequest' ? await monthlyOrdinal(ctx.db, r) : undefined,
    pages,
  });
}

/** 条例 Art 42 / 109号: the fee follows the schedule; a notice for a free request is refused. */
export async function sendFeeNotice(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { on: string; method: FeeMethod; pages?: number; deliveredOn?: string },
): Promise<FeeQuote> {
  return inTx(ctx, async (tx) => {
    const r = await loadRequest(ctx, actor, id, tx);
    await assertHandler(tx, actor, r);
    if (input.method === 'perPage' && input.pages === undefined)
      throw new AppError('VALIDATION', '页数：按量计收时必填', {
        fields: [{ path: 'pages', message: '页数：按量计收时必填' }],
      });
    const quote = quoteFee(input.method, {
      ordinal: input.method === 'perRequest' ? await monthlyOrdinal(tx, r) : undefined,
      pages: input.pages,
    });
    if (quote.amount <= 0)
      throw new AppError('ACTION_NOT_ALLOWED', `按收费标准本申请不收费（${quote.basis}）`);
    await recordAction(
      ctx,
      actor,
      r.caseId,
      {
        action: 'feeNotice',
        on: input.on,
        data: {
          amount: quote.amount,
          method: input.method,
          ...(input.pages !== undefined ? { pages: input.pages } : {}),
          ...(input.deliveredOn ? { deliveredOn: input.deliveredOn } : {}),
        },
      },
      tx,
    );
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.request.feeNotice',
        entityType: 'disclosureRequest',
        entityId: r.id,
        payload: { caseId: r.caseId, ...quote },
      },
      ctx.clock.now(),
    );
    return quote;
  });
}

/** 送达 (条例 Art 40, 45): recorded once, after the answer. */
export async function recordDelivery(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { on: string; method: string; note?: string },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const r = await loadRequest(ctx, actor, id, tx);
    await assertHandler(tx, actor, r);
    const answered = (await answerEvents(tx, r.caseId)).some((e) => e.type === 'answer');
    if (!answered) throw new AppError('ACTION_NOT_ALLOWED', '尚未作出答复，不能登记送达');
    if (r.deliveredOn) throw new AppError('ACTION_NOT_ALLOWED', '已登记送达');
    if (input.on > ctx.clock.today())
      throw new AppError('VALIDATION', '送达日期：不能晚于今天', {
        fields: [{ path: 'on', message: '送达日期：不能晚于今天' }],
      });
    await tx
      .update(disclosureRequests)
      .set({
        deliveredOn: input.on,
        deliveryMethod: input.method,
        deliveryNote: input.note ?? null,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(disclosureRequests.id, r.id));
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.request.deliver',
        entityType: 'disclosureRequest',
        entityId: r.id,
        payload: { caseId: r.caseId, on: input.on, method: input.method },
      },
      ctx.clock.now(),
    );
  });
}

/** Released files (条例 Art 36(2), 40): files uploaded through core/files and owned by the department, linked to the answer. */
export async function attachReleasedFiles(
  ctx: Ctx,
  actor: Actor,
  id: string,
  fileIds: string[],
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const r = await loadRequest(ctx, actor, id, tx);
    await assertHandler(tx, actor, r);
    if (r.deliveredOn)
      throw new AppError('ACTION_NOT_ALLOWED', '答复书已送达，不能再添加提供的信息');
    const owned = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(inArray(files.id, fileIds), eq(files.departmentId, r.departmentId)));
    if (owned.length !== new Set(fileIds).size)
      throw new AppError('VALIDATION', '文件：不存在或不属于本部门', {
        fields: [{ path: 'fileIds', message: '文件：不存在或不属于本部门' }],
      });
    const now = ctx.clock.now();
    await tx
      .insert(disclosureRequestFiles)
      .values(owned.map((f) => ({ requestId: r.id, fileId: f.id, addedAt: now })))
      .onConflictDoNothing();
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'disclosure.request.attachFiles',
        entityType: 'disclosureRequest',
        entityId: r.id,
        payload: { caseId: r.caseId, fileIds },
      },
      now,
    );
  });
}

export interface SupplementInput {
  name?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  description?: string;
}

/**
 * The applicant's 补正 through the tracking page (条例 Art 30): the corrected fields replace the old
 * ones and the answer period restarts from today, the day the office receives the correction.
 */
export async function supplementFromPortal(
  ctx: Ctx,
  trackingCode: string,
  input: SupplementInput,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [r] = await tx
      .select()
      .from(disclosureRequests)
      .where(eq(disclosureRequests.trackingCode, trackingCode));
    if (!r) throw notFound('申请');
    const actor = portalActor(r.departmentId);
    await recordAction(
      ctx,
      actor,
      r.caseId,
      {
        action: 'supplementReceived',
        on: ctx.clock.today(),
        data: { note: '申请人通过网站提交补正' },
      },
      tx,
    );
    const patch: Partial<RequestRow> = { updatedAt: ctx.clock.now() };
    for (const k of [
      'name',
      'idNumber',
      'creditCode',
      'phone',
      'email',
      'address',
      'description',
    ] as const) {
      const v = input[k]?.trim(); // stored as written (no NFKC: full-width punctuation stays)
      if (v) patch[k] = v;
    }
    await tx.update(disclosureRequests).set(patch).where(eq(disclosureRequests.id, r.id));
    await appendAudit(
      tx,
      {
        actorId: null,
        orgId: null,
        action: 'disclosure.request.supplement',
        entityType: 'disclosureRequest',
        entityId: r.id,
        payload: { caseId: r.caseId, fields: Object.keys(patch).filter((k) => k !== 'updatedAt') },
      },
      ctx.clock.now(),
    );
  });
}

/** The answer and delivery events of a request's case, in order. */
export async function answerEvents(db: Ctx['db'] | Tx, caseId: string) {
  return db
    .select({ type: caseEvents.type, on: caseEvents.on, data: caseEvents.data })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        inArray(caseEvents.type, ['answer', 'feeNotice', 'feePaid']),
      ),
    )
    .orderBy(asc(caseEvents.seq));
}
