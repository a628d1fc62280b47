/**
 * The annual report's sign-off (RULES §11): 保密审查 (the reviewer's own act, disclosure's fragment), 审定 by the 党组/局长办公会 (the figures freeze), 报送
 * to the 本级党委和政府, the 上一级主管部门 and the oversight body (by 3月1日) and 公开 on the portal (by
 * 4月1日), each one transaction with its engine act and audit event.
 */
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { audit } from './audit.ts';
import { recordAction } from '../../core/cases/service.ts';
import { AppError } from '../../core/errors.ts';
import { gatherFacts, toFigure } from './facts.ts';
import { ruleOfLawReportVersions, ruleOfLawReports } from './schema.ts';
import {
  mustFindReport,
  statusOf,
  versionById,
  type Approval,
  type Figures,
  type ReportRow,
  type ReportStatus,
  type Review,
  type Submission,
} from './store.ts';
import { ReportDeps, refuse } from './service.ts';
import { passedSecrecyReview } from '../disclosure/index.ts';

/** Loads the report for an act, locked, with its status; refuses with `why(status)` when it returns a message. */
async function forAct(
  tx: Tx,
  actor: Actor,
  year: number,
  why: (s: ReportStatus, r: ReportRow) => string | null,
): Promise<{ r: ReportRow; status: ReportStatus }> {
  authorize(actor, 'ruleOfLawReport', 'edit');
  const r = await mustFindReport(tx, actor.departmentId, year, true);
  authorize(actor, 'ruleOfLawReport', 'edit', r);
  const status = await statusOf(tx, r.caseId);
  const message = why(status, r);
  if (message) refuse(message);
  return { r, status };
}

const NOT_APPROVED = '年度报告尚未经党组（党委）会议或局长办公会议审定';
const approvedBy = (r: ReportRow) => {
  const a = r.approval as Approval | null;
  return a ? `已于${a.meetingOn}经${a.session}审定` : '已经审定';
};

/** Approval by the 党组/局长办公会: the current version's figures freeze (every fact of the year). */
export async function approveReport(
  ctx: Ctx,
  deps: ReportDeps,
  actor: Actor,
  year: number,
  input: Omit<Approval, 'on'> & { on: string },
): Promise<void> {
  authorize(actor, 'ruleOfLawReport', 'edit');
  const facts = await gatherFacts(ctx, deps.providers, actor.departmentId, year);
  await inTx(ctx, async (tx) => {
    const { r } = await forAct(tx, actor, year, (s, row) =>
      // In drafting, the engine refuses with the 保密审查 gate's reason (procedure.ts).
      s !== 'drafting' && s !== 'reviewed' ? `年度报告${approvedBy(row)}，不能重复审定` : null,
    );
    const approval: Approval = {
      meetingKind: input.meetingKind,
      meetingOn: input.meetingOn,
      session: input.session,
      on: input.on,
    };
    await recordAction(
      ctx,
      actor,
      r.caseId,
      {
        action: 'approve',
        on: input.on,
        data: {
          meetingKind: approval.meetingKind,
          meetingOn: approval.meetingOn,
          session: approval.session,
        },
      },
      tx,
    );
    const current = await versionById(tx, r.currentVersionId);
    const frozen: Figures = { ...(current.figures as Figures) };
    for (const f of facts.figures) frozen[f.key] = toFigure(f);
    await tx
      .update(ruleOfLawReportVersions)
      .set({ frozen })
      .where(eq(ruleOfLawReportVersions.id, current.id));
    await tx
      .update(ruleOfLawReports)
      .set({ approval, approvedVersionId: current.id, updatedAt: ctx.clock.now() })
      .where(eq(ruleOfLawReports.id, r.id));
    await audit(
      tx,
      ctx,
      actor,
      'reports.approve',
      { type: 'ruleOfLawReport', id: r.id },
      { year, ...approval, versionId: current.id },
    );
  });
}

/** The kinds of recipient (RULES §11) the dialog names — never an organisation's name, so never a recipient. */
export const RECIPIENT_KINDS = [
  '本级党委和政府',
  '本级党委',
  '本级政府',
  '上一级主管部门',
  '依法治市办',
  '监督机关',
];

/** Report to the 本级党委和政府, the 上一级主管部门 and the oversight body (by 3月1日). */
export async function submitReport(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { on: string; recipients: string[] },
): Promise<void> {
  const kind = input.recipients.find((x) => RECIPIENT_KINDS.includes(x.trim()));
  if (kind) {
    const message = `报送单位：“${kind}”不是单位名称，请填写${kind}的全称`;
    throw new AppError('VALIDATION', message, { fields: [{ path: 'recipients', message }] });
  }
  await inTx(ctx, async (tx) => {
    const { r } = await forAct(tx, actor, year, (s) =>
      s === 'submitted' || s === 'published'
        ? '年度报告已报送，不能重复报送'
        : s !== 'approved'
          ? `${NOT_APPROVED}，不能报送`
          : null,
    );
    const submission: Submission = {
      on: input.on,
      recipients: input.recipients,
      versionId: r.approvedVersionId!,
    };
    await recordAction(
      ctx,
      actor,
      r.caseId,
      { action: 'submit', on: input.on, data: { recipients: input.recipients.join('、') } },
      tx,
    );
    await tx
      .update(ruleOfLawReports)
      .set({ submission, submittedOn: input.on, updatedAt: ctx.clock.now() })
      .where(eq(ruleOfLawReports.id, r.id));
    await audit(
      tx,
      ctx,
      actor,
      'reports.submit',
      { type: 'ruleOfLawReport', id: r.id },
      { year, ...submission },
    );
  });
}

/**
 * Publication on the portal (by 4月1日, Art 24): the approved version, as submitted, with the passing 保密审查
 * (the reviewer's account, 《政府信息公开条例》第十七条) recorded on the report.
 */
export async function publishReport(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { on: string },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const { r } = await forAct(tx, actor, year, (s) =>
      s === 'published'
        ? '年度报告已公开'
        : s === 'approved'
          ? '年度报告须先报送本级党委和政府、上一级主管部门和依法治市办，再予公开'
          : s !== 'submitted'
            ? `${NOT_APPROVED}，不能公开`
            : null,
    );
    await recordAction(ctx, actor, r.caseId, { action: 'publish', on: input.on }, tx);
    const p = await passedSecrecyReview(tx, r.caseId);
    const review: Review = {
      reviewer: p.reviewer,
      reviewerId: p.reviewerId!, // always set by the named-account review
      opinion: p.note ?? '',
      on: p.on,
    };
    await tx
      .update(ruleOfLawReports)
      .set({
        review,
        publishedVersionId: r.approvedVersionId,
        publishedOn: input.on,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(ruleOfLawReports.id, r.id));
    await audit(
      tx,
      ctx,
      actor,
      'reports.publish',
      { type: 'ruleOfLawReport', id: r.id },
      {
        year,
        on: input.on,
        versionId: r.approvedVersionId,
        reviewerId: review.reviewerId,
      },
    );
  });
}
