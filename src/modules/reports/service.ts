/**
 * 法治政府建设年度报告 use cases (RULES §11): generate from the facts, save edited versions, regenerate;
 * the sign-off (保密审查, 审定, 报送, 公开) is in signOff.ts.
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
  redraftable,
  statusOf,
  versionById,
  type Figures,
} from './store.ts';
import { deadlinesOf, reportTemplateSetting } from './template.ts';

export interface ReportDeps {
  providers: FactProvider[];
}

export const refuse = (message: string): never => {
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
  if (!redraftable(await statusOf(ctx.db, r.caseId)))
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
