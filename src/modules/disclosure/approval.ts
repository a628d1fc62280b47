/**
 * Who approves in 政务公开 (issue 13 item 11): the 延长答复期限 and the 审签 of an answer are acts of the
 * approving account — by default a 局领导; the 政府信息公开工作机构负责人 of 条例 Art 33 ¶2 may be another role
 * where a bureau so decides (a setting) — and the 保密审查 before 主动公开 (条例 Art 17) is done by an account
 * other than the drafter's. The approver is never the clerk who asked: the same person cannot both ask and consent.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { ROLE_LABELS, type Role } from '../../core/auth/roles.ts';
import { caseSteps } from '../../core/cases/schema.ts';
import { AppError } from '../../core/errors.ts';
import { defineSetting } from '../../core/settings/service.ts';
import { APPROVER } from './procedure.ts';

const APPROVER_ROLES = ['leader', 'legalOfficer', 'staff'] as const;

export const disclosureApprovalSetting = defineSetting({
  key: 'disclosure.approval',
  label: '政务公开审批设置',
  schema: z.object({
    approverRole: z
      .enum(APPROVER_ROLES)
      .describe('延长答复期限和答复审签的审批角色（政府信息公开工作机构负责人）'),
    // 条例 Art 17 sets no period for the 保密审查 before 主动公开, nor does RULES.md: a bureau's own rule.
    reviewDays: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(5)
      .describe('主动公开保密审查期限（工作日）'),
  }),
  defaults: { approverRole: 'leader' as (typeof APPROVER_ROLES)[number], reviewDays: 5 },
});
export type DisclosureApproval = z.infer<typeof disclosureApprovalSetting.schema>;

/** Refuses an approval by the wrong role or by the account that asked for it. */
export function assertApprover(
  actor: Actor,
  role: Role,
  requestedBy: string | null,
  what: string,
): void {
  if (!actor.roles.includes(role))
    throw new AppError('FORBIDDEN', `${what}须由${ROLE_LABELS[role]}审批`);
  if (requestedBy && requestedBy === actor.userId)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `不能审批本人提出的${what}申请，须由另一名${ROLE_LABELS[role]}审批`,
    );
}

/** The approver acting in the procedure's approver role (after assertApprover). */
export const asApprover = (actor: Actor): Actor => ({
  ...actor,
  roles: [...actor.roles, APPROVER as Role],
});

/** The open approval steps of a case wait in the 我的待办 of the configured role (department-wide steps). */
export async function routeApprovalSteps(
  tx: Tx,
  caseId: string,
  steps: string[],
  role: Role,
): Promise<void> {
  await tx
    .update(caseSteps)
    .set({ roles: [role] })
    .where(
      and(
        eq(caseSteps.caseId, caseId),
        inArray(caseSteps.step, steps),
        eq(caseSteps.status, 'open'),
      ),
    );
}
