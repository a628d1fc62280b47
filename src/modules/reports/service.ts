/**
 * 法治政府建设年度报告 use cases (RULES §11): generate from the facts, save edited versions, 保密审查,
 * approval by the 党组/局长办公会 (figures freeze), submission by 3月1日, publication by 4月1日.
 * Each is one transaction with its case act and audit event; facts are read before the
 * transaction (providers use their own connection). A refused act changes nothing.
 */
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { audit } from './audit.ts';
import { openCase, recordAction } from '../../core/cases/service.ts';
import { newId } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { FactProvider } from '../../core/facts.ts';
import { getOrg } from '../../core/orgs/service.ts';
import { getSetting } from '../../core/settings/service.ts';
import { assemble } from './assemble.ts';
import { blockText, referencedKeys, type Block, type ReportDocument } from './document.ts';
import { gatherFacts, toFigure, type FactSet } from './facts.ts';
import { ruleOfLawReportVersions, ruleOfLawReports } from './schema.ts';
import {
  contentOf,
  figuresOf,
  findReport,
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
import { deadlinesOf, reportTemplateSetting } from './template.ts';

export interface ReportDeps {
  providers: FactProvider[];
}

const refuse = (message: string): never => {
  throw new AppError('ACTION_NOT_ALLOWED', message);
};

/** Figures of the referenced facts (live), kept with a version to show later what changed. */
function snapshotFigures(doc: ReportDocument, facts: FactSet, previous: Figures = {}): Figures {
  const out: Figures = {};
  for (const key of referencedKeys(doc)) {
    const f = facts.byKey.get(key);
    if (f) out[key] = toFigure(f);
    else if (previous[key]) out[key] = previous[key];
    else
      throw new AppError('VALIDATION', `报告引用的数据项不存在：${key}`, {
        fields: [{ path: 'content', message: `数据项不存在：${key}` }],
      });
  }
  return out;
}

export interface PlanReference {
  year: number;
  paragraphs: Array<{ kind: Block['kind']; text: string }>;
}

/**
 * Last year's part (四) as plain text (figures written out): a reference shown beside this year's part (四),
 * which staff may insert paragraph by paragraph; it is never this year's content by itself.
 */
export async function planReference(
  tx: DbOrTx,
  departmentId: string,
  year: number,
): Promise<PlanReference | null> {
  const prev = await findReport(tx, departmentId, year - 1);
  if (!prev) return null;
  const v = await versionById(
    tx,
    prev.publishedVersionId ?? prev.approvedVersionId ?? prev.currentVersionId,
  );
  const figures = figuresOf(v);
  const plans = contentOf(v).parts.find((p) => p.code === 'plans');
  const paragraphs = (plans?.blocks ?? [])
    .filter((b) => b.inlines.length)
    .map((b) => ({ kind: b.kind, text: blockText(b, (k) => figures[k]).trim() }))
    .filter((p) => p.text);
  return paragraphs.length ? { year: year - 1, paragraphs } : null;
}

async function insertVersion(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  reportId: string,
  seq: number,
  content: ReportDocument,
  figures: Figures,
  origin: string,
): Promise<string> {
  const id = newId();
  await tx.insert(ruleOfLawReportVersions).values({
    id,
    reportId,
    seq,
    content,
    figures,
    origin,
    createdAt: ctx.clock.now(),
    createdBy: actor.userId,
  });
  return id;
}

/** Drafts the department's report for the year from its records; opens the deadline case. */
export async function generateReport(
  ctx: Ctx,
  deps: ReportDeps,
  actor: Actor,
  year: number,
): Promise<string> {
  authorize(actor, 'ruleOfLawReport', 'edit');
  if (year > Number(ctx.clock.today().slice(0, 4)))
    throw new AppError('VALIDATION', '报告年度：不能晚于本年度', {
      fields: [{ path: 'year', message: '不能晚于本年度' }],
    });
  const facts = await gatherFacts(ctx, deps.providers, actor.departmentId, year);
  const template = await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime());
  const dept = await getOrg(ctx.db, actor.departmentId);
  return inTx(ctx, async (tx) => {
    if (await findReport(tx, actor.departmentId, year))
      throw new AppError('CONFLICT', `${year}年度法治政府建设年度报告已生成，请在编辑页面修改`);
    const content = assemble({
      year,
      department: dept.name,
      template,
      facts: facts.figures,
      referenceYear: (await planReference(tx, actor.departmentId, year))?.year,
    });
    const c = await openCase(
      ctx,
      actor,
      {
        procedure: 'ruleOfLawReport',
        title: content.title,
        orgId: actor.departmentId,
        first: {
          action: 'open',
          on: ctx.clock.today(),
          data: { year, ...deadlinesOf(template, year) },
        },
      },
      tx,
    );
    const id = newId();
    const versionId = newId();
    const now = ctx.clock.now();
    await tx.insert(ruleOfLawReports).values({
      id,
      departmentId: actor.departmentId,
      year,
      caseId: c.id,
      currentVersionId: versionId,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(ruleOfLawReportVersions).values({
      id: versionId,
      reportId: id,
      seq: 1,
      content,
      figures: snapshotFigures(content, facts),
      origin: 'generated',
      createdAt: now,
      createdBy: actor.userId,
    });
    await audit(
      tx,
      ctx,
      actor,
      'reports.generate',
      { type: 'ruleOfLawReport', id },
      { year, facts: facts.figures.length },
    );
    return id;
  });
}

export interface SaveInput {
  baseVersionId: string;
  content: ReportDocument;
  revise?: { reason: string };
}

/**
 * Saves the edited document as a new version. A report past its 保密审查 (or approved, submitted,
 * published) is revised: only when asked to (`revise`), back to drafting; the published version stays.
 */
export async function saveReport(
  ctx: Ctx,
  deps: ReportDeps,
  actor: Actor,
  year: number,
  input: SaveInput,
  origin: 'edited' | 'generated' = 'edited',
): Promise<string> {
  authorize(actor, 'ruleOfLawReport', 'edit');
  const facts = await gatherFacts(ctx, deps.providers, actor.departmentId, year);
  return inTx(ctx, async (tx) => {
    const r = await mustFindReport(tx, actor.departmentId, year, true);
    authorize(actor, 'ruleOfLawReport', 'edit', r);
    if (r.currentVersionId !== input.baseVersionId)
      throw new AppError('CONFLICT', '报告已被他人修改并保存，请刷新后再编辑（您的修改尚未保存）');
    const status = await statusOf(tx, r.caseId);
    const current = await versionById(tx, r.currentVersionId);
    if (status !== 'drafting' && !input.revise) {
      refuse(
        status === 'reviewed'
          ? '年度报告已通过保密审查，修改后须重新进行保密审查；请确认修订后再保存'
          : '年度报告已经审定，修改将生成新的修订版本并须重新审定（已公开的版本保持不变）；请确认修订后再保存',
      );
    }
    const revising = status !== 'drafting';
    const versionId = await insertVersion(
      tx,
      ctx,
      actor,
      r.id,
      current.seq + 1,
      input.content,
      snapshotFigures(input.content, facts, current.figures as Figures),
      revising ? 'revision' : origin,
    );
    await tx
      .update(ruleOfLawReports)
      .set({
        currentVersionId: versionId,
        updatedAt: ctx.clock.now(),
        ...(revising ? { approvedVersionId: null, review: null, approval: null } : {}),
      })
      .where(eq(ruleOfLawReports.id, r.id));
    if (revising)
      await recordAction(
        ctx,
        actor,
        r.caseId,
        { action: 'revise', on: ctx.clock.today(), data: { reason: input.revise!.reason } },
        tx,
      );
    await audit(
      tx,
      ctx,
      actor,
      revising ? 'reports.revise' : 'reports.save',
      { type: 'ruleOfLawReport', id: r.id },
      {
        year,
        seq: current.seq + 1,
        origin: revising ? 'revision' : origin,
      },
    );
    return versionId;
  });
}

/** A new version drafted afresh from today's records (the prose typed so far is replaced). */
export async function regenerateReport(
  ctx: Ctx,
  deps: ReportDeps,
  actor: Actor,
  year: number,
  baseVersionId: string,
): Promise<string> {
  authorize(actor, 'ruleOfLawReport', 'edit');
  const r = await mustFindReport(ctx.db, actor.departmentId, year);
  authorize(actor, 'ruleOfLawReport', 'edit', r);
  if ((await statusOf(ctx.db, r.caseId)) !== 'drafting')
    refuse('只有编制中的报告可以按最新数据重新生成');
  const facts = await gatherFacts(ctx, deps.providers, actor.departmentId, year);
  const template = await getSetting(ctx.db, reportTemplateSetting, ctx.clock.now().getTime());
  const dept = await getOrg(ctx.db, actor.departmentId);
  const content = assemble({
    year,
    department: dept.name,
    template,
    facts: facts.figures,
    referenceYear: (await planReference(ctx.db, actor.departmentId, year))?.year,
  });
  return saveReport(ctx, deps, actor, year, { baseVersionId, content }, 'generated');
}

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

export async function reviewReport(
  ctx: Ctx,
  actor: Actor,
  year: number,
  input: { reviewer: string; opinion?: string; on: string },
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const { r } = await forAct(tx, actor, year, (s, row) =>
      s === 'reviewed'
        ? '年度报告已通过保密审查，不能重复审查'
        : s !== 'drafting'
          ? `年度报告${approvedBy(row)}，如需修改请先修订`
          : null,
    );
    const review: Review = { reviewer: input.reviewer, opinion: input.opinion ?? '', on: input.on };
    await recordAction(
      ctx,
      actor,
      r.caseId,
      {
        action: 'review',
        on: input.on,
        data: { reviewer: review.reviewer, opinion: review.opinion },
      },
      tx,
    );
    await tx
      .update(ruleOfLawReports)
      .set({ review, updatedAt: ctx.clock.now() })
      .where(eq(ruleOfLawReports.id, r.id));
    await audit(
      tx,
      ctx,
      actor,
      'reports.review',
      { type: 'ruleOfLawReport', id: r.id },
      { year, ...review, versionId: r.currentVersionId },
    );
  });
}

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
      s === 'drafting'
        ? '年度报告须先通过保密审查，再提请党组（党委）会议或局长办公会议审定'
        : s !== 'reviewed'
          ? `年度报告${approvedBy(row)}，不能重复审定`
          : null,
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

/** Publication on the portal (by 4月1日, Art 24): the approved version, as submitted. */
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
    await tx
      .update(ruleOfLawReports)
      .set({
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
      },
    );
  });
}
