/**
 * Approvals of a 依申请公开 request (issue 13 item 11): the clerk asks — 延长答复期限 (条例 Art 33 ¶2: 经政府信息公开
 * 工作机构负责人同意) or 审签 of the drafted answer — and the approving account consents or refuses in its own
 * session. The extension and the answer take effect only with that consent. Each act is one transaction with
 * its case event and audit event; the approval step waits in the 我的待办 of the configured approver role.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import { inTx } from '../../../core/context.ts';
import type { DbOrTx } from '../../../core/db/client.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { users } from '../../../core/auth/schema.ts';
import { ROLE_LABELS } from '../../../core/auth/roles.ts';
import { auditRecorder } from '../../../core/audit/recorder.ts';
import { disclosureAudit } from '../auditLabels.ts';
import { caseEvents } from '../../../core/cases/schema.ts';
import { recordAction } from '../../../core/cases/service.ts';
import { AppError } from '../../../core/errors.ts';
import { getSetting } from '../../../core/settings/service.ts';
import {
  asApprover,
  assertApprover,
  disclosureApprovalSetting,
  routeApprovalSteps,
} from '../approval.ts';
import { assertHandler, loadRequest } from './access.ts';
import type { RequestRow } from './intake.ts';
import { OUTCOME_BY_CODE, outcomeLabel } from '../outcomes.ts';

type Kind = 'extension' | 'answer';
const KINDS: Record<Kind, { ask: string; yes: string; no: string; step: string; what: string }> = {
  extension: {
    ask: 'extendRequest',
    yes: 'extend',
    no: 'extendRefuse',
    step: 'extensionApproval',
    what: '延长答复期限',
  },
  answer: {
    ask: 'answerDraft',
    yes: 'answer',
    no: 'answerReturn',
    step: 'answerApproval',
    what: '答复审签',
  },
};

export interface PendingApproval {
  kind: Kind;
  what: string;
  requestedOn: string;
  requestedBy: string | null;
  requestedByName: string;
  data: Record<string, unknown>;
}

/** The approval the request waits for, if any: the latest ask of a kind not yet followed by a decision. */
export async function pendingApproval(db: DbOrTx, caseId: string): Promise<PendingApproval | null> {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const k = KINDS[kind];
    const [last] = await db
      .select({
        type: caseEvents.type,
        on: caseEvents.on,
        actorId: caseEvents.actorId,
        data: caseEvents.data,
        name: users.displayName,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, [k.ask, k.yes, k.no])))
      .orderBy(desc(caseEvents.seq))
      .limit(1);
    if (last?.type === k.ask)
      return {
        kind,
        what: k.what,
        requestedOn: last.on,
        requestedBy: last.actorId,
        requestedByName: last.name ?? '',
        data: (last.data ?? {}) as Record<string, unknown>,
      };
  }
  return null;
}

/** What the request page says about approvals: what waits, whether this actor may decide it, and who may. */
export async function approvalView(ctx: Ctx, actor: Actor, caseId: string) {
  const { approverRole } = await getSetting(
    ctx.db,
    disclosureApprovalSetting,
    ctx.clock.now().getTime(),
  );
  const asked = await pendingApproval(ctx.db, caseId);
  const outcome =
    asked?.kind === 'answer' ? OUTCOME_BY_CODE.get(String(asked.data.outcome)) : undefined;
  const pending =
    asked && outcome
      ? { ...asked, data: { ...asked.data, outcomeLabel: outcomeLabel(outcome) } }
      : asked;
  const mayDecide =
    !!pending && actor.roles.includes(approverRole) && pending.requestedBy !== actor.userId;
  return { pending, approverLabel: ROLE_LABELS[approverRole], mayDecide };
}

const audit = auditRecorder(disclosureAudit);
type ApprovalCode =
  `disclosure.request.${'extendRequest' | 'extend' | 'extendRefuse' | 'answerDraft' | 'answer' | 'answerReturn'}`;
const code = (act: string) => `disclosure.request.${act}` as ApprovalCode;
const entity = (r: RequestRow) => ({ type: 'disclosureRequest' as const, id: r.id });

/** Records the clerk's ask (extendRequest / answerDraft) and puts the approval step in the approvers' 我的待办. */
export async function askApproval(
  ctx: Ctx,
  actor: Actor,
  id: string,
  kind: Kind,
  on: string,
  data: Record<string, unknown>,
): Promise<void> {
  const { approverRole } = await getSetting(
    ctx.db,
    disclosureApprovalSetting,
    ctx.clock.now().getTime(),
  );
  await inTx(ctx, async (tx) => {
    const r = await loadRequest(ctx, actor, id, tx);
    await assertHandler(tx, actor, r);
    await recordAction(ctx, actor, r.caseId, { action: KINDS[kind].ask, on, data }, tx);
    await routeApprovalSteps(tx, r.caseId, [KINDS[kind].step], approverRole);
    await audit(tx, ctx, actor, code(KINDS[kind].ask), entity(r), {
      caseId: r.caseId,
      on,
      ...data,
    });
  });
}

/**
 * The approver's decision, in their own session: consent records the act that takes effect (extend: the answer
 * clock is extended by the days asked for; answer: the drafted answer is made and the request closed), refusal
 * records the opinion and the clerk goes on (or drafts again).
 */
export async function decideApproval(
  ctx: Ctx,
  actor: Actor,
  id: string,
  kind: Kind,
  input: { on: string; approve: boolean; opinion?: string },
): Promise<void> {
  const { approverRole } = await getSetting(
    ctx.db,
    disclosureApprovalSetting,
    ctx.clock.now().getTime(),
  );
  const k = KINDS[kind];
  await inTx(ctx, async (tx) => {
    const r = await loadRequest(ctx, actor, id, tx);
    const pending = await pendingApproval(tx, r.caseId);
    if (pending?.kind !== kind)
      throw new AppError('ACTION_NOT_ALLOWED', `没有待审批的${k.what}申请`);
    assertApprover(actor, approverRole, pending.requestedBy, k.what);
    const opinion = input.opinion?.trim() ?? '';
    if (!input.approve && !opinion)
      throw new AppError('VALIDATION', '审批意见：不同意或退回时必填', {
        fields: [{ path: 'opinion', message: '审批意见：不同意或退回时必填' }],
      });
    const data = input.approve
      ? { ...pending.data, opinion, requestedBy: pending.requestedBy }
      : { opinion, requestedBy: pending.requestedBy };
    await recordAction(
      ctx,
      asApprover(actor),
      r.caseId,
      { action: input.approve ? k.yes : k.no, on: input.on, data },
      tx,
    );
    await audit(tx, ctx, actor, code(input.approve ? k.yes : k.no), entity(r), {
      caseId: r.caseId,
      on: input.on,
      opinion,
      requestedBy: pending.requestedBy,
      ...(kind === 'answer' && input.approve ? { outcome: pending.data.outcome } : {}),
    });
  });
}
