/**
 * 主动公开 through its 保密审查 (《政府信息公开条例》第十七条; issue 13 item 11): the drafter asks to publish and names
 * the reviewer — another account of the department that may publish, never the drafter (reviewers.ts). The item
 * waits as 待保密审查, a step with a due date in the reviewer's 我的待办 (reviewProcedure.ts); the reviewer, in
 * their own session, passes it (it is published then: 索引号, portal) or returns it with a reason. Each act is
 * one transaction with its case event and audit event.
 */
import { and, desc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { newId } from '../../../core/clock.ts';
import { inTx, type Ctx } from '../../../core/context.ts';
import type { DbOrTx, Tx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { Role } from '../../../core/auth/roles.ts';
import { users } from '../../../core/auth/schema.ts';
import { auditRecorder } from '../../../core/audit/recorder.ts';
import { assignToCase, openCase, recordAction } from '../../../core/cases/service.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { getSetting } from '../../../core/settings/service.ts';
import { disclosureAudit } from '../auditLabels.ts';
import { disclosureApprovalSetting } from '../approval.ts';
import { authorize } from '../policy.ts';
import { publicationRequests } from './schema.ts';
import { checkReviewDecision, reviewerFor } from './reviewers.ts';
import { REVIEWER } from './reviewProcedure.ts';
import { checkPublication, publish, type DraftInput, type PublishResult } from './service.ts';

const audit = auditRecorder(disclosureAudit);
type RequestRow = typeof publicationRequests.$inferSelect;

export const REVIEW_STATUS_LABELS = {
  pending: '待保密审查',
  published: '已公开',
  returned: '已退回',
} as const;

/**
 * Asks for the 保密审查 of an item (in the caller's transaction, so a module publishing its record asks in the
 * same transaction as its own act). The input is checked now, so the reviewer never sees an item that cannot be
 * published; a 发布日期 of today (or none) becomes the day the reviewer passes it.
 */
export async function requestPublication(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  input: DraftInput,
  reviewerId: string,
): Promise<{ id: string; caseId: string; dueOn: string }> {
  authorize(actor, 'publication', 'publish');
  const { now, today, publishedOn, publishedVia } = await checkPublication(tx, ctx, actor, input);
  const reviewer = await reviewerFor(tx, actor, reviewerId);
  const { reviewDays } = await getSetting(tx, disclosureApprovalSetting, now.getTime());
  const dueOn = ctx.calendar.current().addWorkdays(today, reviewDays);
  const stored: DraftInput = {
    ...input,
    title: input.title.trim(),
    publishedOn: publishedOn < today ? publishedOn : undefined,
    publishedVia,
  };
  const c = await openCase(
    ctx,
    actor,
    {
      procedure: 'publicationReview',
      title: `保密审查：${stored.title}`,
      orgId: actor.orgId,
      first: { action: 'request', on: today, data: { reviewer: reviewer.name, dueOn } },
    },
    tx,
  );
  // The step is the named reviewer's (case_assignees), not every holder of a role.
  await assignToCase(tx, c.id, [reviewer.id], now);
  const id = newId();
  await tx.insert(publicationRequests).values({
    id,
    caseId: c.id,
    departmentId: actor.departmentId,
    title: stored.title,
    input: stored,
    sourceModule: input.source?.module ?? null,
    sourceEntityId: input.source?.entityId ?? null,
    requestedBy: actor.userId,
    requestedOn: today,
    reviewerId: reviewer.id,
    dueOn,
    status: 'pending',
    createdAt: now,
  });
  await audit(
    tx,
    ctx,
    actor,
    'publication.review.request',
    { type: 'publicationRequest', id },
    {
      caseId: c.id,
      title: stored.title,
      reviewerId: reviewer.id,
      dueOn,
      source: input.source ?? null,
    },
  );
  return { id, caseId: c.id, dueOn };
}

/** A request of the actor's department (locked for an act), or 404; the case page reads through it too. */
export async function loadPublicationRequest(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<RequestRow> {
  const q = db.select().from(publicationRequests).where(eq(publicationRequests.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('待审查的公开信息');
  // getPublication's rule: the department's publishers; anyone else 404.
  authorize(actor, 'publication', 'read', row);
  return row;
}

/**
 * The reviewer's act: pass (the item is published now, with the review recorded as theirs) or return (with a
 * reason; nothing is published). Only the account named on the request may act, and never the drafter.
 */
export async function decidePublication(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { approve: boolean; opinion?: string },
): Promise<{ status: 'published' | 'returned'; publication?: PublishResult }> {
  return inTx(ctx, async (tx) => {
    const row = await loadPublicationRequest(tx, actor, id, true);
    if (row.status !== 'pending')
      throw new AppError('CONFLICT', `该信息已完成保密审查（${REVIEW_STATUS_LABELS[row.status]}）`);
    const [named] = await tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, row.reviewerId));
    const opinion = checkReviewDecision(
      actor,
      { ...row, reviewerName: named?.name ?? '' },
      input,
      '该信息',
    );
    const today = ctx.clock.today();
    const reviewer: Actor = { ...actor, roles: [...actor.roles, REVIEWER as Role] };
    await recordAction(
      ctx,
      reviewer,
      row.caseId,
      input.approve
        ? { action: 'pass', on: today, data: opinion ? { opinion } : {} }
        : { action: 'return', on: today, data: { reason: opinion } },
      tx,
    );
    let publication: PublishResult | undefined;
    if (input.approve) {
      publication = await publish(tx, ctx, actor, {
        ...(row.input as DraftInput),
        confidentialityReview: {
          reviewer: actor.displayName,
          reviewerId: actor.userId,
          conclusion: 'public',
          on: today,
          ...(opinion ? { note: opinion } : {}),
        },
      });
    }
    const status = input.approve ? 'published' : 'returned';
    await tx
      .update(publicationRequests)
      .set({ status, decidedOn: today, opinion: opinion || null, publicationId: publication?.id })
      .where(eq(publicationRequests.id, row.id));
    await audit(
      tx,
      ctx,
      actor,
      input.approve ? 'publication.review.pass' : 'publication.review.return',
      { type: 'publicationRequest', id: row.id },
      {
        caseId: row.caseId,
        requestedBy: row.requestedBy,
        opinion,
        ...(publication
          ? { publicationId: publication.id, indexNumber: publication.indexNumber }
          : {}),
      },
    );
    return { status, publication };
  });
}

const drafter = alias(users, 'drafter');
const reviewerUser = alias(users, 'reviewer');

function selectRequests(db: Ctx['db']) {
  return db
    .select({
      row: publicationRequests,
      requestedByName: drafter.displayName,
      reviewerName: reviewerUser.displayName,
    })
    .from(publicationRequests)
    .leftJoin(drafter, eq(drafter.id, publicationRequests.requestedBy))
    .leftJoin(reviewerUser, eq(reviewerUser.id, publicationRequests.reviewerId));
}

function present(
  actor: Actor,
  r: { row: RequestRow; requestedByName: string | null; reviewerName: string | null },
) {
  const { input, ...row } = r.row;
  return {
    ...row,
    statusLabel: REVIEW_STATUS_LABELS[row.status],
    requestedByName: r.requestedByName ?? '',
    reviewerName: r.reviewerName ?? '',
    mayDecide: row.status === 'pending' && row.reviewerId === actor.userId,
    input: input as DraftInput,
  };
}
export type PublicationRequestView = ReturnType<typeof present>;

/** The department's requests the actor reviews or asked for (the reviewer's list, from 我的待办), newest first. */
export async function listPublicationRequests(
  ctx: Ctx,
  actor: Actor,
  filter: { status?: RequestRow['status'] } = {},
): Promise<PublicationRequestView[]> {
  authorize(actor, 'publication', 'list');
  const rows = await selectRequests(ctx.db)
    .where(
      and(
        eq(publicationRequests.departmentId, actor.departmentId),
        or(
          eq(publicationRequests.reviewerId, actor.userId),
          eq(publicationRequests.requestedBy, actor.userId),
        ),
        filter.status ? eq(publicationRequests.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(publicationRequests.createdAt))
    .limit(200);
  return rows.map((r) => present(actor, r));
}

/** One request of the actor's department, or 404. */
export async function getPublicationRequest(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<PublicationRequestView> {
  await loadPublicationRequest(ctx.db, actor, id);
  const [r] = await selectRequests(ctx.db).where(eq(publicationRequests.id, id));
  return present(actor, r);
}

/** The module record's latest request (a document or decision waiting for its review), if any. */
export async function requestForSource(db: DbOrTx, module: string, entityId: string) {
  const [row] = await db
    .select()
    .from(publicationRequests)
    .where(
      and(
        eq(publicationRequests.sourceModule, module),
        eq(publicationRequests.sourceEntityId, entityId),
      ),
    )
    .orderBy(desc(publicationRequests.createdAt))
    .limit(1);
  return row ?? null;
}
