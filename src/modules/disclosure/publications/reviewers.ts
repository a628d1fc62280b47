/**
 * Who may do the 保密审查 of a 主动公开 item (条例 Art 17; issue 13 item 11): an active account of the department
 * that may publish, other than the drafter — the review is a second person's check, never the drafter's own.
 * The form names the reviewer by account (not a typed name that defaulted to the clerk).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { users } from '../../../core/auth/schema.ts';
import { AppError } from '../../../core/errors.ts';

// Roles that may publish (policy.ts publisher): business roles other than the outside 法律顾问.
const REVIEWER_ROLES = ['staff', 'leader', 'legalOfficer'];

export interface Reviewer {
  id: string;
  name: string;
}

/** The accounts that may review the actor's draft: the department's publishers, the actor excluded. */
export async function confidentialityReviewers(db: DbOrTx, actor: Actor): Promise<Reviewer[]> {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.departmentId, actor.departmentId),
        eq(users.active, true),
        ne(users.id, actor.userId),
        sql`${users.roles} && ${sql.raw(`array[${REVIEWER_ROLES.map((r) => `'${r}'`).join(',')}]::text[]`)}`,
      ),
    )
    .orderBy(users.displayName);
}

const invalid = (message: string): never => {
  throw new AppError('VALIDATION', message, {
    fields: [{ path: 'confidentialityReview.reviewerId', message }],
  });
};

/** The named reviewer's account, refused when it is the drafter or cannot review. */
export async function reviewerFor(db: DbOrTx, actor: Actor, reviewerId: string): Promise<Reviewer> {
  if (reviewerId === actor.userId)
    invalid(
      '保密审查人：不能由起草人本人进行保密审查，请选择本部门的另一名工作人员（《政府信息公开条例》第十七条）',
    );
  const found = (await confidentialityReviewers(db, actor)).find((r) => r.id === reviewerId);
  return found ?? invalid('保密审查人：不是本部门可以进行保密审查的工作人员');
}

/**
 * The reviewer's decision is theirs alone: refused to the one who asked (the same person cannot both ask and
 * consent), to any account but the one named, and a return without its reason. Answers the trimmed opinion.
 */
export function checkReviewDecision(
  actor: Actor,
  request: { requestedBy: string | null; reviewerId: string | null; reviewerName: string },
  input: { approve: boolean; opinion?: string },
  what: string,
): string {
  if (request.requestedBy === actor.userId)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      '不能由起草人本人进行保密审查（《政府信息公开条例》第十七条）',
    );
  if (request.reviewerId !== actor.userId)
    throw new AppError(
      'FORBIDDEN',
      `${what}的保密审查人为${request.reviewerName || '另一名工作人员'}，须由其本人审查`,
    );
  const opinion = input.opinion?.trim() ?? '';
  if (!input.approve && opinion.length < 2)
    throw new AppError('VALIDATION', '退回理由：必填', {
      fields: [{ path: 'opinion', message: '退回理由：必填' }],
    });
  return opinion;
}
