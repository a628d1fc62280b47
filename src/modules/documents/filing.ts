/**
 * 备案 (RULES §2.3 step 9; 37号 有件必备、有备必审、有错必纠): the department files a published
 * document with the oversight body (市司法局) within the configured period; the oversight body
 * reviews it (a step with its clock in the 司法局's 我的待办), accepts it (准予备案: only then 已备案) or
 * returns it for 纠错 (a step with its clock in the department's 我的待办); the department answers with
 * the corrected text as a new version, and the filing is reviewed afresh. Every decision is an act on
 * the document's case (procedure.ts): the engine is the state machine, document_filings the record.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/clock.ts';
import { inTx, type Ctx } from '../../core/context.ts';
import type { DbOrTx, Tx } from '../../core/db/client.ts';
import { appendAudit } from '../../core/audit/chain.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { authorize } from '../../core/auth/policy.ts';
import { caseState, getCase, loadHistory, recordAction } from '../../core/cases/service.ts';
import { caseEvents, cases } from '../../core/cases/schema.ts';
import { oversightBodyOf } from '../../core/orgs/service.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { documentFilings, normativeDocuments } from './schema.ts';
import { FILING_STATUS_LABELS } from './labels.ts';
import { loadForEdit, newVersion } from './service.ts';

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
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'document.file',
        entityType: 'normativeDocument',
        entityId: d.id,
        payload: {
          filingId: row.id,
          oversight: body.name,
          dueOn: row.dueOn,
          late: today > row.dueOn,
        },
      },
      ctx.clock.now(),
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

/**
 * What was filed, for the oversight body's review: the 备案报告 (the filing record), the text, the
 * 起草说明 and 制定依据, the 合法性审核意见 and the 集体审议 recorded on the case, the 纠错 exchange and
 * the corrected version; one query per kind for the whole page.
 */
async function materialsOf(db: DbOrTx, caseIds: string[], documentIds: string[]) {
  const events = caseIds.length
    ? await db
        .select({
          caseId: caseEvents.caseId,
          type: caseEvents.type,
          on: caseEvents.on,
          data: caseEvents.data,
        })
        .from(caseEvents)
        .where(
          and(
            inArray(caseEvents.caseId, caseIds),
            inArray(caseEvents.type, [
              'concludeLegalReview',
              'collectiveDecision',
              'answerCorrection',
            ]),
          ),
        )
        .orderBy(asc(caseEvents.seq))
    : [];
  const corrected = documentIds.length
    ? await db
        .select({
          id: normativeDocuments.id,
          supersedesId: normativeDocuments.supersedesId,
          version: normativeDocuments.version,
          bodyText: normativeDocuments.bodyText,
          publishedOn: normativeDocuments.publishedOn,
        })
        .from(normativeDocuments)
        .where(inArray(normativeDocuments.supersedesId, documentIds))
        .orderBy(desc(normativeDocuments.version))
    : [];
  return (caseId: string) => {
    const mine = events.filter((e) => e.caseId === caseId);
    const last = (type: string) => mine.filter((e) => e.type === type).at(-1);
    const review = last('concludeLegalReview');
    const decision = last('collectiveDecision');
    const answer = last('answerCorrection');
    const data = (e?: { data: unknown }) => (e?.data ?? {}) as Record<string, string | undefined>;
    const version = corrected.find((v) => v.id === data(answer).correctedVersionId);
    return {
      legalReview: review
        ? {
            on: review.on,
            conclusion: data(review).conclusion ?? '',
            opinion: data(review).opinion ?? '',
          }
        : null,
      collectiveDecision: decision
        ? {
            on: data(decision).meetingOn ?? decision.on,
            meetingName: data(decision).meetingName ?? '',
            decision: data(decision).decision ?? '',
          }
        : null,
      correctedVersion: version
        ? {
            id: version.id,
            version: version.version,
            bodyText: version.bodyText,
            publishedOn: version.publishedOn,
          }
        : null,
    };
  };
}

/** The oversight body's queue: filings of every department addressed to it (scoped in SQL), with their materials. */
export async function filingQueue(ctx: Ctx, actor: Actor, status?: string) {
  authorize(actor, 'documentFiling', 'queue');
  const conds = [eq(documentFilings.oversightOrgId, actor.departmentId)];
  if (status) conds.push(eq(documentFilings.status, status));
  const rows = await ctx.db
    .select({
      filing: documentFilings,
      title: normativeDocuments.title,
      docNumber: normativeDocuments.docNumber,
      publishedOn: normativeDocuments.publishedOn,
      effectiveOn: normativeDocuments.effectiveOn,
      validUntil: normativeDocuments.validUntil,
      department: organisations.name,
      bodyText: normativeDocuments.bodyText,
      draftingExplanation: normativeDocuments.draftingExplanation,
      legalBases: normativeDocuments.legalBases,
      interpretation: normativeDocuments.interpretation,
      documentId: normativeDocuments.id,
      caseId: normativeDocuments.caseId,
      caseStatus: cases.status,
    })
    .from(documentFilings)
    .innerJoin(normativeDocuments, eq(normativeDocuments.id, documentFilings.documentId))
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .innerJoin(organisations, eq(organisations.id, documentFilings.departmentId))
    .where(and(...conds))
    .orderBy(asc(documentFilings.submittedOn), asc(documentFilings.id));
  const materials = await materialsOf(
    ctx.db,
    rows.map((r) => r.caseId),
    rows.map((r) => r.documentId),
  );
  return rows.map(({ caseId, ...r }) => ({
    ...r,
    materials: materials(caseId),
    statusLabel:
      FILING_STATUS_LABELS[r.filing.status as keyof typeof FILING_STATUS_LABELS] ?? r.filing.status,
  }));
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
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: `filing.${input.decision}`,
        entityType: 'documentFiling',
        entityId: f.id,
        payload: { documentId: f.documentId, ...input },
      },
      ctx.clock.now(),
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
    await appendAudit(
      tx,
      {
        actorId: actor.userId,
        orgId: actor.orgId,
        action: 'filing.answer',
        entityType: 'documentFiling',
        entityId: f.id,
        payload: {
          documentId: f.documentId,
          correctedVersionId: version.id,
          version: version.version,
        },
      },
      ctx.clock.now(),
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
