/**
 * 备案 (RULES §2.3 step 9; 37号 有件必备、有备必审、有错必纠): the department files a published
 * document with the oversight body (市司法局) within the configured period; the oversight body
 * reviews filings of every department addressed to it, accepts them or returns them for 纠错, and
 * the department answers. Both sides see the status.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from '../../core/auth/policy.ts';
import { caseState, getCase, loadHistory, recordAction } from '../../core/cases/service.ts';
import { oversightBodyOf } from '../../core/orgs/service.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { documentFilings, normativeDocuments } from './schema.ts';
import { FILING_STATUS_LABELS } from './labels.ts';
import { loadForEdit } from './service.ts';

type FilingRow = typeof documentFilings.$inferSelect;

/** The 备案审查机关: the oversight body the department answers to (core/orgs oversightBodyOf). */
async function oversightOf(tx: Tx, departmentId: string) {
  const body = await oversightBodyOf(tx, departmentId);
  if (!body) throw new AppError('ACTION_NOT_ALLOWED', '未设置备案审查机关（监督机关），请由系统管理员添加');
  return body;
}

export async function submitFiling(ctx: Ctx, actor: Actor, id: string, input: { filingNo?: string }) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const [existing] = await tx.select({ id: documentFilings.id }).from(documentFilings).where(eq(documentFilings.documentId, d.id));
    if (existing) throw new AppError('ACTION_NOT_ALLOWED', '该文件已报送备案，不能重复报送');
    const body = await oversightOf(tx, d.departmentId);
    const c = await getCase(ctx, actor, d.caseId, tx);
    const clock = (await caseState(ctx, c, await loadHistory(tx, c.id))).clocks.find((k) => k.clock === 'filing');
    const today = ctx.clock.today();
    await recordAction(ctx, actor, d.caseId, { action: 'file', on: today, data: { filedWith: body.name, filingNo: input.filingNo?.trim() || undefined } }, tx);
    const [row] = await tx
      .insert(documentFilings)
      .values({ id: newId(), documentId: d.id, departmentId: d.departmentId, oversightOrgId: body.id, status: 'submitted', submittedOn: today, dueOn: clock?.due ?? today, filingNo: input.filingNo?.trim() || null, createdAt: ctx.clock.now() })
      .returning();
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'document.file', entityType: 'normativeDocument', entityId: d.id, payload: { filingId: row.id, oversight: body.name, dueOn: row.dueOn, late: today > row.dueOn } }, ctx.clock.now());
    return row;
  });
}

const filingScope = (f: FilingRow) => ({ departmentId: f.departmentId, oversightOrgId: f.oversightOrgId });

async function loadFiling(tx: Tx, id: string): Promise<FilingRow> {
  const [f] = await tx.select().from(documentFilings).where(eq(documentFilings.id, id)).for('update');
  if (!f) throw notFound('备案');
  return f;
}

/** The oversight body's queue: filings of every department addressed to it (scoped in SQL). */
export async function filingQueue(ctx: Ctx, actor: Actor, status?: string) {
  authorize(actor, 'documentFiling', 'queue');
  const conds = [eq(documentFilings.oversightOrgId, actor.departmentId)];
  if (status) conds.push(eq(documentFilings.status, status));
  const rows = await ctx.db
    .select({ filing: documentFilings, title: normativeDocuments.title, docNumber: normativeDocuments.docNumber, publishedOn: normativeDocuments.publishedOn, department: organisations.name, bodyText: normativeDocuments.bodyText, documentId: normativeDocuments.id })
    .from(documentFilings)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, documentFilings.documentId))
    .innerJoin(organisations, eq(organisations.id, documentFilings.departmentId))
    .where(and(...conds))
    .orderBy(asc(documentFilings.submittedOn), asc(documentFilings.id));
  return rows.map((r) => ({ ...r, statusLabel: FILING_STATUS_LABELS[r.filing.status as keyof typeof FILING_STATUS_LABELS] ?? r.filing.status }));
}

export interface ReviewInput { decision: 'accept' | 'return'; opinion?: string; correctionRequest?: string }

/** The oversight body accepts (准予备案) or returns with a correction request (纠错); it cannot edit the document. */
export async function reviewFiling(ctx: Ctx, actor: Actor, filingId: string, input: ReviewInput) {
  return inTx(ctx, async (tx) => {
    const f = await loadFiling(tx, filingId);
    authorize(actor, 'documentFiling', 'review', filingScope(f));
    if (f.status === 'accepted') throw new AppError('ACTION_NOT_ALLOWED', '该备案已审查通过');
    if (f.status === 'returned') throw new AppError('ACTION_NOT_ALLOWED', '已退回纠错，等待制定机关答复');
    const today = ctx.clock.today();
    if (input.decision === 'return') {
      const req = input.correctionRequest?.trim() ?? '';
      if (req.length < 4) throw new AppError('VALIDATION', '纠错意见：退回时应写明需要纠正的问题', { fields: [{ path: 'correctionRequest', message: '必填' }] });
      await tx.update(documentFilings).set({ status: 'returned', correctionRequest: req, returnedOn: today, answer: null, answeredOn: null, reviewerId: actor.userId }).where(eq(documentFilings.id, f.id));
    } else {
      await tx.update(documentFilings).set({ status: 'accepted', reviewOpinion: input.opinion?.trim() || '准予备案', acceptedOn: today, reviewerId: actor.userId }).where(eq(documentFilings.id, f.id));
    }
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: `filing.${input.decision}`, entityType: 'documentFiling', entityId: f.id, payload: { documentId: f.documentId, ...input } }, ctx.clock.now());
  });
}

/** The department answers a correction request (纠错情况); the filing goes back to review. */
export async function answerCorrection(ctx: Ctx, actor: Actor, filingId: string, answer: string) {
  return inTx(ctx, async (tx) => {
    const f = await loadFiling(tx, filingId);
    authorize(actor, 'documentFiling', 'answer', f);
    if (f.status !== 'returned') throw new AppError('ACTION_NOT_ALLOWED', '备案未被退回纠错，无需答复');
    if (answer.trim().length < 4) throw new AppError('VALIDATION', '纠错情况：请说明纠正情况', { fields: [{ path: 'answer', message: '必填' }] });
    await tx.update(documentFilings).set({ status: 'answered', answer: answer.trim(), answeredOn: ctx.clock.today() }).where(eq(documentFilings.id, f.id));
    await appendAudit(tx, { actorId: actor.userId, orgId: actor.orgId, action: 'filing.answer', entityType: 'documentFiling', entityId: f.id, payload: { documentId: f.documentId } }, ctx.clock.now());
  });
}

export async function filingsOf(db: Ctx['db'], documentIds: string[]) {
  return documentIds.length ? db.select().from(documentFilings).where(inArray(documentFilings.documentId, documentIds)) : [];
}

export const filingLate = sql`(${documentFilings.submittedOn} > ${documentFilings.dueOn})`;
