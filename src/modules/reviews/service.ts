/**
 * 合法性审查 (RULES §3 step 8, §4): submitting a matter, assigning reviewers, concluding and withdrawing.
 * Every use case is one transaction with its audit event; a subject module (规范性文件, 重大行政决策)
 * submits inside its own transaction and receives the conclusion as `concludeLegalReview` on its case.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { can } from '../../core/auth/policy.ts';
import { authorize } from './policy.ts';
import { getCase, openCase, recordAction } from '../../core/cases/service.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { departmentReviewLimits } from './settings.ts';
import { files } from '../../core/files/schema.ts';
import { fileAccessOf, type FileAccess } from '../../core/files/service.ts';
import { legalOpinions, reviewAssignments, reviewMaterials, reviewMatters } from './schema.ts';
import { CONCLUSIONS, MATTER_TYPES, type Conclusion, type ReviewMatterType } from './labels.ts';
import { matterDue, type MatterDue } from './due.ts';

export type { ReviewMatterType } from './labels.ts';
export type MatterRow = typeof reviewMatters.$inferSelect;

export interface SubmitMatterInput {
  type: ReviewMatterType;
  title: string;
  summary?: string;
  departmentId: string;
  caseId?: string;
  /** YYYY-MM-DD, the date the requesting side needs the opinion. */
  requestedBy?: string;
  fileIds?: string[];
}

const text = (label: string, max: number, min = 0) =>
  z.string().trim().min(min).max(max).describe(label);
export const submitSchema = z.object({
  type: z.enum(MATTER_TYPES).describe('事项类型'),
  title: text('事项名称', 200, 2),
  summary: text('送审说明', 20_000).optional(),
  departmentId: z.uuid().describe('送审部门'),
  caseId: z.uuid().optional().describe('关联办件'),
  requestedBy: isoDate('要求完成日期').optional(),
  fileIds: z.array(z.uuid().describe('送审材料')).max(50).optional().describe('送审材料'),
});

const audit = (
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  action: string,
  matterId: string,
  payload: Record<string, unknown>,
) =>
  appendAudit(
    tx,
    {
      actorId: actor.userId,
      orgId: actor.orgId,
      action: `review.${action}`,
      entityType: 'reviewMatter',
      entityId: matterId,
      payload,
    },
    ctx.clock.now(),
  );

/** Materials must be stored files of the submitting department. */
async function checkFiles(tx: Tx, actor: Actor, fileIds: string[]): Promise<void> {
  if (!fileIds.length) return;
  const rows = await tx
    .select({ id: files.id, departmentId: files.departmentId })
    .from(files)
    .where(inArray(files.id, fileIds));
  const ok = new Set(rows.filter((f) => can(actor, 'file', 'read', f)).map((f) => f.id));
  const missing = fileIds.filter((id) => !ok.has(id));
  if (missing.length)
    throw new AppError('VALIDATION', '送审材料：文件不存在或无权使用', {
      fields: [{ path: 'fileIds', message: '文件不存在或无权使用' }],
    });
}

export async function addMaterials(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  matterId: string,
  fileIds: string[],
): Promise<void> {
  const unique = [...new Set(fileIds)];
  await checkFiles(tx, actor, unique);
  const now = ctx.clock.now();
  for (const fileId of unique) {
    await tx
      .insert(reviewMaterials)
      .values({ id: newId(), matterId, fileId, addedBy: actor.userId, createdAt: now })
      .onConflictDoNothing();
  }
}

/**
 * The review deadline a matter submitted today would get (the department's limits for its type): the
 * subject module records it on its own case so that the case, 我的待办 and the queue show one date.
 */
export async function reviewDue(
  ctx: Ctx,
  db: DbOrTx,
  departmentId: string,
  type: ReviewMatterType,
  requestedBy?: string | null,
): Promise<MatterDue> {
  const limits = await departmentReviewLimits(db, departmentId, ctx.clock.now().getTime());
  return matterDue(ctx.calendar.current(), type, limits[type], ctx.clock.today(), requestedBy);
}

/** Called by a subject module INSIDE its own transaction, right after it records its own 'submitLegalReview' act on its case. */
export async function submitMatter(
  ctx: Ctx,
  tx: Tx,
  actor: Actor,
  input: SubmitMatterInput,
): Promise<{ id: string }> {
  authorize(actor, 'reviewMatter', 'submit');
  const m = parse(submitSchema, input);
  // The legal office of the submitter's own department reviews (局法规科); no submitting elsewhere.
  if (m.departmentId !== actor.departmentId)
    throw new AppError('VALIDATION', '送审部门：只能提交本部门法制机构审查', {
      fields: [{ path: 'departmentId', message: '只能提交本部门法制机构审查' }],
    });
  if (m.caseId) await getCase(ctx, actor, m.caseId, tx);
  const today = ctx.clock.today();
  const due = await reviewDue(ctx, tx, actor.departmentId, m.type, m.requestedBy);
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'legalReview',
      title: m.title,
      orgId: actor.orgId,
      first: {
        action: 'submit',
        on: today,
        data: {
          matterType: m.type,
          title: m.title,
          requestedBy: m.requestedBy ?? null,
          dueOn: due.dueOn,
          hasSubject: !!m.caseId,
        },
      },
    },
    tx,
  );
  const id = newId();
  await tx.insert(reviewMatters).values({
    id,
    caseId: c.id,
    subjectCaseId: m.caseId ?? null,
    departmentId: m.departmentId,
    orgId: actor.orgId,
    type: m.type,
    title: m.title,
    summary: m.summary ?? '',
    requestedBy: m.requestedBy ?? null,
    submittedOn: today,
    dueOn: due.dueOn,
    dueExplanation: due.explanation,
    status: 'submitted',
    submittedBy: actor.userId,
    createdAt: ctx.clock.now(),
  });
  await addMaterials(tx, ctx, actor, id, m.fileIds ?? []);
  await audit(tx, ctx, actor, 'submit', id, {
    type: m.type,
    title: m.title,
    caseId: c.id,
    subjectCaseId: m.caseId ?? null,
    requestedBy: m.requestedBy ?? null,
    dueOn: due.dueOn,
    files: m.fileIds ?? [],
  });
  return { id };
}

/** A submission from the workbench without a subject case (合同协议, 其他法律事务 …): its own transaction. */
export async function submitStandalone(
  ctx: Ctx,
  actor: Actor,
  input: Omit<SubmitMatterInput, 'departmentId' | 'caseId'>,
): Promise<{ id: string }> {
  return inTx(ctx, (tx) =>
    submitMatter(ctx, tx, actor, { ...input, departmentId: actor.departmentId }),
  );
}

/** Whether the actor is one of the matter's assigned reviewers (in person, or as the advisor's account). */
export async function isAssigned(db: DbOrTx, actor: Actor, matterId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(
      and(eq(reviewAssignments.matterId, matterId), eq(reviewAssignments.userId, actor.userId)),
    )
    .limit(1);
  return !!row;
}

export const scopeOfMatter = (m: MatterRow, assigned: boolean) => ({
  departmentId: m.departmentId,
  orgId: m.orgId,
  assigned,
});

/** A matter the actor may read (404 otherwise: an advisor never learns of matters not assigned to them). */
export async function loadMatter(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ matter: MatterRow; assigned: boolean }> {
  const q = db.select().from(reviewMatters).where(eq(reviewMatters.id, id));
  const [m] = forUpdate ? await q.for('update') : await q;
  if (!m) throw notFound('审查事项');
  const assigned = await isAssigned(db, actor, m.id);
  authorize(actor, 'reviewMatter', 'read', scopeOfMatter(m, assigned));
  return { matter: m, assigned };
}

/** A file is readable as a material of a matter the actor may read (GET /api/reviews/:id's rule). */
export async function materialFileReader(
  db: DbOrTx,
  actor: Actor,
  fileId: string,
): Promise<FileAccess> {
  const rows = await db
    .select({ id: reviewMaterials.matterId })
    .from(reviewMaterials)
    .where(eq(reviewMaterials.fileId, fileId));
  return fileAccessOf(
    rows.map((r) => r.id),
    (id) => loadMatter(db, actor, id),
  );
}

function open(m: MatterRow): void {
  if (m.status === 'concluded')
    throw new AppError('ACTION_NOT_ALLOWED', '该事项已出具合法性审查意见，不能重复办理');
  if (m.status === 'withdrawn') throw new AppError('ACTION_NOT_ALLOWED', '该事项已撤回');
}

export interface ConcludeInput {
  conclusion: Conclusion;
  opinion: string;
}

/** The conclusion on a locked, open matter: its case, the subject's `concludeLegalReview`, the row, the audit. */
async function conclude(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  m: MatterRow,
  input: ConcludeInput,
): Promise<void> {
  if (!CONCLUSIONS.includes(input.conclusion))
    throw new AppError('VALIDATION', '审查结论：无效', {
      fields: [{ path: 'conclusion', message: '无效' }],
    });
  authorize(actor, 'reviewMatter', 'manage', scopeOfMatter(m, false));
  open(m);
  const today = ctx.clock.today();
  const opinion = input.opinion.trim();
  const opinions = await tx
    .select({ id: legalOpinions.id })
    .from(legalOpinions)
    .where(eq(legalOpinions.matterId, m.id));
  await recordAction(
    ctx,
    actor,
    m.caseId,
    {
      action: 'conclude',
      on: today,
      data: { conclusion: input.conclusion, opinion, opinionCount: opinions.length },
    },
    tx,
  );
  if (m.subjectCaseId) {
    await recordAction(
      ctx,
      actor,
      m.subjectCaseId,
      {
        action: 'concludeLegalReview',
        on: today,
        data: { conclusion: input.conclusion, opinion, matterId: m.id },
      },
      tx,
    );
  }
  await tx
    .update(reviewMatters)
    .set({
      status: 'concluded',
      conclusion: input.conclusion,
      conclusionOpinion: opinion,
      concludedOn: today,
      concludedBy: actor.userId,
    })
    .where(eq(reviewMatters.id, m.id));
  await audit(tx, ctx, actor, 'conclude', m.id, {
    conclusion: input.conclusion,
    opinionCount: opinions.length,
    subjectCaseId: m.subjectCaseId,
  });
}

/**
 * 出具合法性审查意见 from the review queue: the matter's case and, when the matter came from a subject
 * case, that case's `concludeLegalReview` act (whose engine gates deliberation on it) — one transaction.
 */
export async function concludeMatter(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ConcludeInput,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, id, true);
    await conclude(tx, ctx, actor, m, input);
  });
}

/**
 * The same conclusion reached from the subject's own page (e.g. the document page), inside the
 * subject module's transaction: the open matter of that case is concluded. Reviews submitted before
 * the queue existed have no matter; their act is recorded on the subject case alone.
 */
export async function concludeForSubject(
  ctx: Ctx,
  tx: Tx,
  actor: Actor,
  subjectCaseId: string,
  input: ConcludeInput,
): Promise<void> {
  const [m] = await tx
    .select()
    .from(reviewMatters)
    .where(
      and(
        eq(reviewMatters.subjectCaseId, subjectCaseId),
        inArray(reviewMatters.status, ['submitted', 'reviewing']),
      ),
    )
    .for('update');
  // Anyone else is answered by the subject procedure's engine (「…」须由法制审核人员办理).
  if (m && hasRole(actor, 'legalOfficer')) return conclude(tx, ctx, actor, m, input);
  await recordAction(
    ctx,
    actor,
    subjectCaseId,
    {
      action: 'concludeLegalReview',
      on: ctx.clock.today(),
      data: { conclusion: input.conclusion, opinion: input.opinion },
    },
    tx,
  );
}

/** 撤回送审 by the requesting side (e.g. the draft was abandoned). */
export async function withdrawMatter(
  ctx: Ctx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, id, true);
    authorize(actor, 'reviewMatter', 'respond', scopeOfMatter(m, false));
    open(m);
    await recordAction(
      ctx,
      actor,
      m.caseId,
      { action: 'withdraw', on: ctx.clock.today(), data: { reason } },
      tx,
    );
    await tx.update(reviewMatters).set({ status: 'withdrawn' }).where(eq(reviewMatters.id, m.id));
    await audit(tx, ctx, actor, 'withdraw', m.id, { reason });
  });
}

/** When the subject procedure ends (e.g. 终止制定), its open matters are withdrawn in the subject's transaction. */
export async function withdrawMattersOf(
  ctx: Ctx,
  tx: Tx,
  actor: Actor,
  subjectCaseId: string,
  reason: string,
): Promise<number> {
  const open = await tx
    .select()
    .from(reviewMatters)
    .where(
      and(
        eq(reviewMatters.subjectCaseId, subjectCaseId),
        inArray(reviewMatters.status, ['submitted', 'reviewing']),
      ),
    )
    .for('update');
  for (const m of open) {
    await recordAction(
      ctx,
      actor,
      m.caseId,
      { action: 'withdraw', on: ctx.clock.today(), data: { reason } },
      tx,
    );
    await tx.update(reviewMatters).set({ status: 'withdrawn' }).where(eq(reviewMatters.id, m.id));
    await audit(tx, ctx, actor, 'withdraw', m.id, { reason, subjectCaseId });
  }
  return open.length;
}

/** 补充送审材料 (条例第二十六条: the reviewer may ask for more): files are added, never replaced. */
export async function supplementMaterials(
  ctx: Ctx,
  actor: Actor,
  id: string,
  fileIds: string[],
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const { matter: m } = await loadMatter(tx, actor, id, true);
    authorize(actor, 'reviewMatter', 'respond', scopeOfMatter(m, false));
    open(m);
    await addMaterials(tx, ctx, actor, m.id, fileIds);
    await audit(tx, ctx, actor, 'materials', m.id, { fileIds });
  });
}
