/**
 * 备案 (RULES §2.3 step 9; 37号 有件必备、有备必审、有错必纠): the department files a published
 * document with the oversight body (市司法局) within the configured period; the oversight body
 * reviews it (a step with its clock in the 司法局's 我的待办), accepts it (准予备案: only then 已备案) or
 * returns it for 纠错 (a step with its clock in the department's 我的待办); the department answers with
 * the corrected text as a new version, and the filing is reviewed afresh. Every decision is an act on
 * the document's case (procedure.ts): the engine is the state machine, document_filings the record.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from './policy.ts';
import { caseState, getCase, loadHistory, recordAction } from '../../core/cases/service.ts';
import { oversightBodyOf } from '../../core/orgs/service.ts';
import { documentFilings, normativeDocuments } from './schema.ts';
import { loadForEdit, newVersion } from './service.ts';
import { audit } from './audit.ts';

type FilingRow = typeof documentFilings.$inferSelect;

/** The 备案审查机关: the oversight body the department answers to (core/orgs oversightBodyOf). */
async function oversightOf(tx: Tx, departmentId: string) {
  const body = await oversightBodyOf(tx, departmentId);
  if (!body)
    throw new AppError('ACTION_NOT_ALLOWED', '未设置备案审查机关（监督机关），请由系统管理员添加');
  return body;
}

export async function submitFiling(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { filingNo?: string },
) {
  return inTx(ctx, async (tx) => {
    const d = await loadForEdit(tx, actor, id);
    const [existing] = await tx
      .select({ id: documentFilings.id })
      .from(documentFilings)
      .where(eq(documentFilings.documentId, d.id));
    if (existing) throw new AppError('ACTION_NOT_ALLOWED', '该文件已报送备案，不能重复报送');
    const body = await oversightOf(tx, d.departmentId);
    const c = await getCase(ctx, actor, d.caseId, tx);
    const clock = (await caseState(ctx, c, await loadHistory(tx, c.id))).clocks.find(
      (k) => k.clock === 'filing',
    );
    const today = ctx.clock.today();
    await recordAction(
      ctx,
      actor,
      d.caseId,
      {
        action: 'file',
        on: today,
        data: { filedWith: body.name, filingNo: input.filingNo?.trim() || undefined },
      },
      tx,
    );
    const [row] = await tx
      .insert(documentFilings)
      .values({
        id: newId(),
        documentId: d.id,
        departmentId: d.departmentId,
        oversightOrgId: body.id,
        status: 'submitted',
        submittedOn: today,
        dueOn: clock?.due ?? today,
        filingNo: input.filingNo?.trim() || null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await audit(
      tx,
      ctx,
      actor,
      'document.file',
      { type: 'normativeDocument', id: d.id },
      { filingId: row.id, oversight: body.name, dueOn: row.dueOn, late: today > row.dueOn },
    );
    return row;
  });
}

const filingScope = (f: FilingRow) => ({
  departmentId: f.departmentId,
  oversightOrgId: f.oversightOrgId,
});

async function loadFiling(tx: Tx, id: string): Promise<FilingRow> {
  const [f] = await tx
    .select()
    .from(documentFilings)
    .where(eq(documentFilings.id, id))
    .for('update');
  if (!f) throw notFound('备案');
  return f;
}

async function caseOf(tx: DbOrTx, documentId: string): Promise<string> {
  const [d] = await tx
    .select({ caseId: normativeDocuments.caseId })
    .from(normativeDocuments)
    .where(eq(normativeDocuments.id, documentId));
  return d.caseId;
}

export interface ReviewInput {
  decision: 'accept' | 'return';
  opinion?: string;
  correctionRequest?: string;
  answerDueOn?: string;
}

/**
 * The oversight body accepts (准予备案) or returns with a correction request (纠错); it cannot edit the
 * document. The act is recorded on the document's case: the engine checks the role and the status.
 */
export async function reviewFiling(ctx: Ctx, actor: Actor, filingId: string, input: ReviewInput) {
  return inTx(ctx, async (tx) => {
    const f = await loadFiling(tx, filingId);
    authorize(actor, 'documentFiling', 'review', filingScope(f));
    if (f.status === 'accepted') throw new AppError('ACTION_NOT_ALLOWED', '该备案已审查通过');
    if (f.status === 'returned')
      throw new AppError('ACTION_NOT_ALLOWED', '已退回纠错，等待制定机关答复');
    const today = ctx.clock.today();
    const caseId = await caseOf(tx, f.documentId);
    if (input.decision === 'return') {
      const req = input.correctionRequest?.trim() ?? '';
      if (req.length < 4)
        throw new AppError('VALIDATION', '纠错意见：退回时应写明需要纠正的问题', {
          fields: [{ path: 'correctionRequest', message: '必填' }],
        });
      await recordAction(
        ctx,
        actor,
        caseId,
        {
          action: 'requestCorrection',
          on: today,
          data: { correctionRequest: req, answerDueOn: input.answerDueOn },
        },
        tx,
        true,
      );
      await tx
        .update(documentFilings)
        .set({
          status: 'returned',
          correctionRequest: req,
          returnedOn: today,
          answer: null,
          answeredOn: null,
          reviewerId: actor.userId,
        })
        .where(eq(documentFilings.id, f.id));
    } else {
      const opinion = input.opinion?.trim() || '准予备案';
      await recordAction(
        ctx,
        actor,
        caseId,
        { action: 'acceptFiling', on: today, data: { opinion } },
        tx,
        true,
      );
      await tx
        .update(documentFilings)
        .set({
          status: 'accepted',
          reviewOpinion: opinion,
          acceptedOn: today,
          reviewerId: actor.userId,
        })
        .where(eq(documentFilings.id, f.id));
    }
    await audit(
      tx,
      ctx,
      actor,
      `filing.${input.decision}`,
      { type: 'documentFiling', id: f.id },
      { documentId: f.documentId, ...input },
    );
  });
}

export interface AnswerInput {
  answer: string;
  correctedText: string;
}

/**
 * The department answers a correction request (纠错情况) with the corrected text, which becomes a new
 * version of the document (the filed text never changes); the filing goes back to review.
 */
export async function answerCorrection(
  ctx: Ctx,
  actor: Actor,
  filingId: string,
  input: AnswerInput,
) {
  return inTx(ctx, async (tx) => {
    const f = await loadFiling(tx, filingId);
    authorize(actor, 'documentFiling', 'answer', f);
    if (f.status !== 'returned')
      throw new AppError('ACTION_NOT_ALLOWED', '备案未被退回纠错，无需答复');
    const answer = input.answer.trim();
    if (answer.length < 4)
      throw new AppError('VALIDATION', '纠错情况：请说明纠正情况', {
        fields: [{ path: 'answer', message: '必填' }],
      });
    const d = await loadForEdit(tx, actor, f.documentId);
    const text = input.correctedText.trim();
    if (!text)
      throw new AppError('VALIDATION', '纠正后的文本：请填写纠正后的文件正文', {
        fields: [{ path: 'correctedText', message: '必填' }],
      });
    if (text === d.bodyText.trim())
      throw new AppError('VALIDATION', '纠正后的文本：与报送备案的文本相同，请按纠错意见修改', {
        fields: [{ path: 'correctedText', message: '与原文本相同' }],
      });
    const version = await newVersion(tx, ctx, actor, d, {
      bodyText: text,
      draftingExplanation: `根据备案审查机关的纠错意见（${f.correctionRequest ?? ''}）修改。`,
    });
    await recordAction(
      ctx,
      actor,
      d.caseId,
      {
        action: 'answerCorrection',
        on: ctx.clock.today(),
        data: { answer, correctedVersionId: version.id },
      },
      tx,
    );
    await tx
      .update(documentFilings)
      .set({ status: 'answered', answer, answeredOn: ctx.clock.today() })
      .where(eq(documentFilings.id, f.id));
    await audit(
      tx,
      ctx,
      actor,
      'filing.answer',
      { type: 'documentFiling', id: f.id },
      { documentId: f.documentId, correctedVersionId: version.id, version: version.version },
    );
    return version;
  });
}

export async function filingsOf(db: Ctx['db'], documentIds: string[]) {
  return documentIds.length
    ? db.select().from(documentFilings).where(inArray(documentFilings.documentId, documentIds))
    : [];
}

export const filingLate = sql`(${documentFilings.submittedOn} > ${documentFilings.dueOn})`;
