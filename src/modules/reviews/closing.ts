/**
 * Closing a matter (RULES §3 step 8, §4): 出具合法性审查意见 from the queue or from the subject's own
 * page, and 撤回送审 by the requesting side or with the subject procedure. The case's act moves the
 * matter's status (the engine); the row keeps the conclusion's text. One transaction with the audit.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import { hasRole, type Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { recordAction } from '../../core/cases/service.ts';
import { legalOpinions, reviewMatters } from './schema.ts';
import { CONCLUSIONS, type Conclusion } from './labels.ts';
import { reviewsAudit } from './auditLabels.ts';
import { loadMatter, openMattersOf, scopeOfMatter, type MatterRow } from './matters.ts';
import { refuseUnlessOpen } from './service.ts';

const audit = auditRecorder(reviewsAudit);
const matter = (id: string) => ({ type: 'reviewMatter' as const, id });

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
  refuseUnlessOpen(m);
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
      conclusion: input.conclusion,
      conclusionOpinion: opinion,
      concludedOn: today,
      concludedBy: actor.userId,
    })
    .where(eq(reviewMatters.id, m.id));
  await audit(tx, ctx, actor, 'review.conclude', matter(m.id), {
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
  const [m] = await openMattersOf(tx, subjectCaseId);
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
    refuseUnlessOpen(m);
    await recordAction(
      ctx,
      actor,
      m.caseId,
      { action: 'withdraw', on: ctx.clock.today(), data: { reason } },
      tx,
    );
    await audit(tx, ctx, actor, 'review.withdraw', matter(m.id), { reason });
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
  const open = await openMattersOf(tx, subjectCaseId);
  for (const m of open) {
    await recordAction(
      ctx,
      actor,
      m.caseId,
      { action: 'withdraw', on: ctx.clock.today(), data: { reason } },
      tx,
    );
    await audit(tx, ctx, actor, 'review.withdraw', matter(m.id), { reason, subjectCaseId });
  }
  return open.length;
}
