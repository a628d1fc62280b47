/**
 * 合法性审查 (RULES §3 step 8, §4): submitting a matter and its materials. Every use case is one
 * transaction with its audit event; a subject module (规范性文件, 重大行政决策) submits inside its own
 * transaction (closing.ts concludes and withdraws).
 */
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { can } from '../../core/auth/policy.ts';
import { authorize } from './policy.ts';
import { getCase, openCase } from '../../core/cases/service.ts';
import { parse } from '../../core/http/validate.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { departmentReviewLimits } from './settings.ts';
import { files } from '../../core/files/schema.ts';
import { reviewMaterials, reviewMatters } from './schema.ts';
import type { ReviewMatterType } from './labels.ts';
import { MATTER_FORMS } from './forms.ts';
import { matterDue, type MatterDue } from './due.ts';
import { reviewsAudit } from './auditLabels.ts';
import { loadMatter, scopeOfMatter, type MatterRow } from './matters.ts';

export type { ReviewMatterType } from './labels.ts';
export type { MatterRow } from './matters.ts';

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

// The declared form (forms.ts), and what a submitting module or the route gives besides.
export const submitSchema = fieldsSchema(MATTER_FORMS.submit).extend({
  departmentId: z.uuid().describe('送审部门'),
  caseId: z.uuid().optional().describe('关联办件'),
  fileIds: z.array(z.uuid().describe('送审材料')).max(50).optional().describe('送审材料'),
});

const audit = auditRecorder(reviewsAudit);
const matter = (id: string) => ({ type: 'reviewMatter' as const, id });

/** 已出具审查意见 / 已撤回: nothing more can be done on the matter. */
export function refuseUnlessOpen(m: MatterRow): void {
  if (m.status === 'concluded')
    throw new AppError('ACTION_NOT_ALLOWED', '该事项已出具合法性审查意见，不能重复办理');
  if (m.status === 'withdrawn') throw new AppError('ACTION_NOT_ALLOWED', '该事项已撤回');
}

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
    submittedBy: actor.userId,
    createdAt: ctx.clock.now(),
  });
  await addMaterials(tx, ctx, actor, id, m.fileIds ?? []);
  await audit(tx, ctx, actor, 'review.submit', matter(id), {
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
    refuseUnlessOpen(m);
    await addMaterials(tx, ctx, actor, m.id, fileIds);
    await audit(tx, ctx, actor, 'review.materials', matter(m.id), { fileIds });
  });
}
