/**
 * The 保密审查 of any case whose procedure carries the fragment (secrecyReview.ts; 条例第十七条): asked by the drafter
 * naming the reviewer's account, decided by that account alone in its own session, each in one transaction with
 * its case event and audit event; and the passing review a module's publish records on its 主动公开 item.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { auditRecorder } from '../../core/audit/recorder.ts';
import { caseAssignees, caseEvents } from '../../core/cases/schema.ts';
import {
  assignToCase,
  caseState,
  getCaseInScope,
  recordAction,
  type CaseRow,
} from '../../core/cases/service.ts';
import { actionsFor } from '../../core/procedure/engine.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { getSetting } from '../../core/settings/service.ts';
import { disclosureAudit } from './auditLabels.ts';
import { disclosureApprovalSetting } from './approval.ts';
import {
  checkReviewDecision,
  confidentialityReviewers,
  reviewerFor,
  type Reviewer,
} from './publications/reviewers.ts';
import type { ConfidentialityReview } from './publications/service.ts';
import {
  carriesSecrecyReview,
  SECRECY_REVIEW_ACTIONS,
  SECRECY_REVIEW_GATE,
  SECRECY_REVIEWER,
} from './secrecyReview.ts';

const audit = auditRecorder(disclosureAudit);

export interface SecrecyReviewState {
  status: 'none' | 'pending' | 'passed' | 'returned';
  requestedById: string | null;
  requestedByName: string;
  requestedOn: string | null;
  reviewerId: string | null;
  reviewerName: string;
  dueOn: string | null;
  decidedOn: string | null;
  /** The reviewer's opinion (pass) or 退回理由 (return). */
  opinion: string;
}

const STATUS: Record<string, SecrecyReviewState['status']> = {
  requestSecrecyReview: 'pending',
  passSecrecyReview: 'passed',
  returnSecrecyReview: 'returned',
};

/** The case's latest 保密审查, from its history (the request, and the decision after it if any). */
export async function secrecyReviewOf(db: DbOrTx, caseId: string): Promise<SecrecyReviewState> {
  const events = await db
    .select({
      type: caseEvents.type,
      on: caseEvents.on,
      actorId: caseEvents.actorId,
      data: caseEvents.data,
      actorName: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(
      and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, [...SECRECY_REVIEW_ACTIONS])),
    )
    .orderBy(asc(caseEvents.seq));
  const none: SecrecyReviewState = {
    status: 'none',
    requestedById: null,
    requestedByName: '',
    requestedOn: null,
    reviewerId: null,
    reviewerName: '',
    dueOn: null,
    decidedOn: null,
    opinion: '',
  };
  const i = events.findLastIndex((e) => e.type === 'requestSecrecyReview');
  if (i < 0) return none;
  const asked = events[i];
  const data = asked.data as { reviewer: string; reviewerId: string; dueOn: string };
  const decided = events[i + 1];
  const d = (decided?.data ?? {}) as { opinion?: string; reason?: string };
  return {
    status: STATUS[decided?.type ?? asked.type],
    requestedById: asked.actorId,
    requestedByName: asked.actorName ?? '',
    requestedOn: asked.on,
    reviewerId: data.reviewerId,
    // The decision names the account that made it; the request, the name it was asked of.
    reviewerName: decided?.actorName ?? data.reviewer,
    dueOn: data.dueOn,
    decidedOn: decided?.on ?? null,
    opinion: d.opinion ?? d.reason ?? '',
  };
}

/**
 * The passing review for the 主动公开 record (the reviewer's account, name, date and opinion); refused with the
 * gate's reason when the latest review has not passed. Read in the publishing module's transaction.
 */
export async function passedSecrecyReview(
  db: DbOrTx,
  caseId: string,
): Promise<ConfidentialityReview> {
  const r = await secrecyReviewOf(db, caseId);
  if (r.status !== 'passed' || !r.reviewerId || !r.decidedOn)
    throw new AppError('ACTION_NOT_ALLOWED', SECRECY_REVIEW_GATE.message, {
      details: { reason: SECRECY_REVIEW_GATE.code },
    });
  return {
    reviewer: r.reviewerName,
    reviewerId: r.reviewerId,
    conclusion: 'public',
    on: r.decidedOn,
    ...(r.opinion ? { note: r.opinion } : {}),
  };
}

/** A case carrying the fragment that the actor may reach (the module's own loader), or 404. */
export async function reviewCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  tx?: Tx,
  lock = false,
): Promise<CaseRow> {
  const { c } = await getCaseInScope(ctx, actor, caseId, tx, lock);
  if (!carriesSecrecyReview(ctx.procedures.get(c.procedure).def)) throw notFound('保密审查事项');
  return c;
}

/** The account as an actor (its own roles and scope), to ask whether it may read the case. */
export async function actorOf(db: DbOrTx, userId: string): Promise<Actor> {
  const [u] = await db
    .select({ user: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  return {
    userId: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    orgId: u.user.orgId,
    orgName: u.orgName,
    departmentId: u.user.departmentId,
    roles: u.user.roles as Role[],
    mustChangePassword: false,
  };
}

async function mayRead(ctx: Ctx, db: DbOrTx, userId: string, caseId: string): Promise<boolean> {
  try {
    await getCaseInScope(ctx, await actorOf(db, userId), caseId, db as Tx);
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return false;
    throw e;
  }
}

/** Who may review this case for the actor: the department's publishers but the actor, who may read the record. */
export async function secrecyReviewersFor(
  ctx: Ctx,
  db: DbOrTx,
  actor: Actor,
  caseId: string,
): Promise<Reviewer[]> {
  const all = await confidentialityReviewers(db, actor);
  const ok = await Promise.all(all.map((r) => mayRead(ctx, db, r.id, caseId)));
  return all.filter((_, i) => ok[i]);
}

/** The drafter asks for the review, naming the reviewer's account; the step joins that account's 我的待办. */
export async function askSecrecyReview(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { reviewerId: string },
): Promise<SecrecyReviewState> {
  return inTx(ctx, async (tx) => {
    const c = await reviewCase(ctx, actor, caseId, tx, true);
    const reviewer = await reviewerFor(tx, actor, input.reviewerId);
    if (!(await mayRead(ctx, tx, reviewer.id, c.id)))
      throw new AppError('VALIDATION', '保密审查人：无权查看该事项，请选择能查看该事项的工作人员', {
        fields: [{ path: 'reviewerId', message: '无权查看该事项' }],
      });
    const now = ctx.clock.now();
    const today = ctx.clock.today();
    const { reviewDays } = await getSetting(tx, disclosureApprovalSetting, now.getTime());
    const dueOn = ctx.calendar.current().addWorkdays(today, reviewDays);
    await recordAction(
      ctx,
      actor,
      c.id,
      {
        action: 'requestSecrecyReview',
        on: today,
        data: { reviewer: reviewer.name, reviewerId: reviewer.id, dueOn },
      },
      tx,
    );
    // The step is the named reviewer's (case_assignees), not every holder of a role.
    await assignToCase(tx, c.id, [reviewer.id], now);
    await audit(
      tx,
      ctx,
      actor,
      'secrecyReview.request',
      { type: 'secrecyReview', id: c.id },
      { procedure: c.procedure, reviewerId: reviewer.id, dueOn },
    );
    return secrecyReviewOf(tx, c.id);
  });
}

/**
 * The reviewer's act: pass, or return with a reason. Only the account named on the request, and never the one
 * who asked (条例第十七条: the review is a second person's check).
 */
export async function decideSecrecyReview(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { approve: boolean; opinion?: string },
): Promise<SecrecyReviewState> {
  return inTx(ctx, async (tx) => {
    const c = await reviewCase(ctx, actor, caseId, tx, true);
    const r = await secrecyReviewOf(tx, c.id);
    if (r.status !== 'pending') throw new AppError('CONFLICT', '该事项没有待审查的保密审查');
    const opinion = checkReviewDecision(
      actor,
      { ...r, requestedBy: r.requestedById },
      input,
      '该事项',
    );
    const today = ctx.clock.today();
    // The named account acts in the reviewer's procedure role (checked above: it is the account named).
    const reviewer: Actor = { ...actor, roles: [...actor.roles, SECRECY_REVIEWER as Role] };
    await recordAction(
      ctx,
      reviewer,
      c.id,
      input.approve
        ? { action: 'passSecrecyReview', on: today, data: opinion ? { opinion } : {} }
        : { action: 'returnSecrecyReview', on: today, data: { reason: opinion } },
      tx,
    );
    // Decided: the case's other steps are not the reviewer's work, so it leaves their 我的待办.
    await tx
      .delete(caseAssignees)
      .where(and(eq(caseAssignees.caseId, c.id), eq(caseAssignees.userId, actor.userId)));
    await audit(
      tx,
      ctx,
      actor,
      input.approve ? 'secrecyReview.pass' : 'secrecyReview.return',
      { type: 'secrecyReview', id: c.id },
      { procedure: c.procedure, requestedBy: r.requestedById, opinion },
    );
    return secrecyReviewOf(tx, c.id);
  });
}

/** What the panel shows: the latest review, whom the actor may name, and what the actor may do now. */
export async function secrecyReviewView(ctx: Ctx, actor: Actor, caseId: string) {
  const c = await reviewCase(ctx, actor, caseId);
  const review = await secrecyReviewOf(ctx.db, c.id);
  const state = await caseState(ctx, c);
  const mayAsk = actionsFor(state, actor.roles).some((a) => a.action === 'requestSecrecyReview');
  const blocked = state.blocked.find((b) => b.action === 'requestSecrecyReview');
  return {
    caseId: c.id,
    review,
    passed: review.status === 'passed',
    /** Why the record cannot be published yet (the gate's reason), or null. */
    gate: review.status === 'passed' ? null : SECRECY_REVIEW_GATE.message,
    mayAsk,
    /** Why the review cannot be asked now (e.g. the 文号 not yet assigned), when the actor is a drafter. */
    askBlocked:
      blocked && blocked.roles.some((r) => actor.roles.includes(r as Role)) ? blocked.reason : null,
    mayDecide: review.status === 'pending' && review.reviewerId === actor.userId,
    reviewers: mayAsk ? await secrecyReviewersFor(ctx, ctx.db, actor, c.id) : [],
  };
}
export type SecrecyReviewView = Awaited<ReturnType<typeof secrecyReviewView>>;
