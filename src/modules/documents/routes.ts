import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { createDraft, listDocuments, startAmendment, updateDraft } from './service.ts';
import { documentView } from './view.ts';
import { act, assignNumber, closeComment, dispose, ENGINE_ACTIONS, openComment, publishDocument, publishFeedback } from './workflow.ts';
import { answerCorrection, filingQueue, reviewFiling, submitFiling } from './filing.ts';
import { endDocument, recordEvaluation } from './validity.ts';
import { DOC_TYPES, documentSettings, updateDocumentSettings } from './labels.ts';
import { getSetting } from '../../core/settings/service.ts';
import { documentDocx, documentsXlsx, feedbackDocx } from './export.ts';
import { importDocx } from './source.ts';
import { DOCUMENT_FACT_FILTERS, documentFacts, tableTwoRow } from './facts.ts';
import { campaignList, decide, listCampaigns, openCampaign, publishCampaign } from './cleanup.ts';
import { authorize } from '../../core/auth/policy.ts';
import { notFound } from '../../core/errors.ts';
import { legalStatusLabel } from './status.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) => z.string().trim().min(min).max(max).describe(label);

export const draftBody = z.object({
  title: text('文件名称', 200, 4),
  docType: z.enum(DOC_TYPES).describe('文件类型'),
  trial: z.enum(['none', 'trial', 'interim']).default('none').describe('试行/暂行'),
  concernsMarket: z.boolean().describe('是否涉及市场主体'),
  touchesPublicInterest: z.boolean().describe('是否涉及群众切身利益'),
  draftingExplanation: text('起草说明', 20_000).default(''),
  legalBases: text('制定依据', 5_000).default(''),
  bodyText: text('正文', 200_000).default(''),
  topic: z.string().max(40).optional().describe('主题分类'),
  keywords: text('关键词', 200).optional(),
  issuerId: z.uuid().nullish().describe('制发机关'),
});
const listQuery = z.object({
  status: z.string().max(40).optional().describe('办理状态'),
  legalStatus: z.enum(['draft', 'notYetInForce', 'inForce', 'amended', 'abolished', 'expired']).optional().describe('效力状态'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  inForceOn: isoDate('有效日期').optional(),
  fact: z.enum(DOCUMENT_FACT_FILTERS).optional().describe('年报数据项'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const commentWindow = z.object({ startOn: isoDate('征求意见开始日期'), endOn: isoDate('征求意见截止日期'), channel: text('发布渠道', 200).optional() });
const dispositionBody = z.object({ disposition: z.enum(['adopted', 'partlyAdopted', 'notAdopted']).describe('处理意见'), reason: text('理由', 2000).optional() });
const actBody = z.object({ action: z.enum(ENGINE_ACTIONS).describe('操作'), on: isoDate('办理日期'), data: z.record(z.string(), z.unknown()).default({}).describe('办理内容') });
const numberBody = z.object({ docNumber: text('文号', 50).optional(), registrationNumber: text('统一登记号', 50).optional() });
const publishBody = z.object({
  effectiveOn: isoDate('施行日期').optional(),
  validUntil: isoDate('有效期至').optional(),
  interpretation: text('政策解读', 50_000, 1),
  keywords: text('关键词', 200).optional(),
  topic: z.string().max(40).optional().describe('主题分类'),
  confidentialityReviewer: text('保密审查人', 50, 2),
});
const endBody = z.object({ kind: z.enum(['abolished', 'declaredInvalid']).describe('决定类型'), on: isoDate('决定日期'), act: text('决定依据', 200, 1), note: text('说明', 2000).optional() });
const evaluationBody = z.object({ on: isoDate('评估日期'), conclusion: z.enum(['continue', 'amend', 'abolish']).describe('评估结论'), evaluation: text('评估情况', 20_000, 4) });
const reviewBody = z.object({ decision: z.enum(['accept', 'return']).describe('审查结论'), opinion: text('审查意见', 5000).optional(), correctionRequest: text('纠错意见', 5000).optional() });

export function documentRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/documents', async (req) => {
    const actor = requireActor(req);
    const { total, rows } = await listDocuments(ctx, actor, parse(listQuery, req.query));
    return { total, items: rows.map((r) => ({ ...r.doc, search: undefined, legalStatusLabel: legalStatusLabel(r.doc.legalStatus), caseStatus: r.caseStatus, draftingOrgName: r.draftingOrg, ...(r.commentsReceived === null ? {} : { commentsReceived: r.commentsReceived }) })) };
  });
  app.get('/api/documents/export.xlsx', async (req, reply) => {
    const actor = requireActor(req);
    const { page: _p, pageSize: _s, ...f } = parse(listQuery, req.query);
    const content = await documentsXlsx(ctx, actor, f);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachmentHeader('行政规范性文件.xlsx')).send(content);
  });
  for (const [suffix, make] of [['document.docx', documentDocx], ['feedback.docx', feedbackDocx]] as const) {
    app.get(`/api/documents/:id/${suffix}`, async (req, reply) => {
      const file = await make(ctx, requireActor(req), parse(idParam, req.params).id);
      return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(file.name)).send(file.content);
    });
  }
  // Validity periods, the 后评估 reminder and the 备案 period: 业务设置 of the 系统管理员.
  app.get('/api/settings/documents', async (req) => {
    authorize(requireActor(req), 'businessSettings', 'manage');
    return getSetting(ctx.db, documentSettings, ctx.clock.now().getTime(), 0);
  });
  app.put('/api/settings/documents', async (req) => updateDocumentSettings(ctx, requireActor(req), parse(documentSettings.schema, req.body)));
  app.get('/api/documents/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'normativeDocument', 'list');
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    return { facts: await documentFacts(ctx, actor.departmentId, year), tableTwo: await tableTwoRow(ctx.db, actor.departmentId, year) };
  });
  app.post('/api/documents', async (req) => {
    const actor = requireActor(req);
    const row = await createDraft(ctx, actor, parse(draftBody, req.body));
    return documentView(ctx, actor, row.id);
  });
  app.get('/api/documents/:id', async (req) => documentView(ctx, requireActor(req), parse(idParam, req.params).id));
  // Each use case: validate → one service call → the fresh view.
  const post = <S extends z.ZodType>(path: string, schema: S, run: (actor: ReturnType<typeof requireActor>, id: string, body: z.output<S>) => Promise<unknown>) =>
    app.post(`/api/documents/:id${path}`, async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      const body = parse(schema, req.body);
      const result = await run(actor, id, body);
      const target = (result as { id?: string } | undefined)?.id && path === '/amend' ? (result as { id: string }).id : id;
      return documentView(ctx, actor, target);
    });
  app.put('/api/documents/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await updateDraft(ctx, actor, id, parse(draftBody, req.body));
    return documentView(ctx, actor, id);
  });
  post('/comment/open', commentWindow, (a, id, b) => openComment(ctx, a, id, b));
  post('/comment/close', z.object({}), (a, id) => closeComment(ctx, a, id));
  post('/comment/feedback', z.object({}), (a, id) => publishFeedback(ctx, a, id));
  app.post('/api/documents/:id/comments/:commentId/disposition', async (req) => {
    const actor = requireActor(req);
    const { id, commentId } = parse(z.object({ id: z.uuid().describe('编号'), commentId: z.uuid().describe('意见编号') }), req.params);
    await dispose(ctx, actor, id, commentId, parse(dispositionBody, req.body));
    return documentView(ctx, actor, id);
  });
  post('/act', actBody, (a, id, b) => act(ctx, a, id, b.action, b.on, b.data));
  post('/number', numberBody, (a, id, b) => assignNumber(ctx, a, id, b));
  post('/publish', publishBody, (a, id, b) => publishDocument(ctx, a, id, b));
  post('/filing', z.object({ filingNo: text('备案登记号', 50).optional() }), (a, id, b) => submitFiling(ctx, a, id, b));
  post('/amend', z.object({}), (a, id) => startAmendment(ctx, a, id));
  post('/source', z.object({ fileId: z.uuid().describe('正文文件') }), (a, id, b) => importDocx(ctx, a, id, b.fileId));
  post('/end', endBody, (a, id, b) => endDocument(ctx, a, id, b.kind, b));
  post('/evaluation', evaluationBody, (a, id, b) => recordEvaluation(ctx, a, id, b));

  // 清理 campaigns of the legal office.
  app.get('/api/document-cleanups', async (req) => ({ items: await listCampaigns(ctx, requireActor(req)) }));
  app.post('/api/document-cleanups', async (req) => openCampaign(ctx, requireActor(req), parse(z.object({ title: text('清理工作名称', 200, 4), basis: text('清理依据', 2000).default('') }), req.body)));
  app.get('/api/document-cleanups/:id', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'normativeDocument', 'list');
    const r = await campaignList(ctx.db, parse(idParam, req.params).id);
    if (!r || r.campaign.departmentId !== actor.departmentId) throw notFound('清理工作');
    return r;
  });
  app.post('/api/document-cleanups/:id/items/:documentId', async (req) => {
    const actor = requireActor(req);
    const p = parse(z.object({ id: z.uuid().describe('编号'), documentId: z.uuid().describe('文件编号') }), req.params);
    await decide(ctx, actor, p.id, p.documentId, parse(z.object({ decision: z.enum(['keep', 'amend', 'abolish', 'declareInvalid']).describe('清理意见'), note: text('说明', 2000).optional() }), req.body));
    return campaignList(ctx.db, p.id);
  });
  app.post('/api/document-cleanups/:id/publish', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await publishCampaign(ctx, actor, id);
    return campaignList(ctx.db, id);
  });
  app.get('/api/filings', async (req) => {
    const actor = requireActor(req);
    const { status } = parse(z.object({ status: z.enum(['submitted', 'returned', 'answered', 'accepted']).optional().describe('状态') }), req.query);
    return { items: await filingQueue(ctx, actor, status) };
  });
  app.post('/api/filings/:id/review', async (req) => {
    const actor = requireActor(req);
    await reviewFiling(ctx, actor, parse(idParam, req.params).id, parse(reviewBody, req.body));
    return { ok: true };
  });
  app.post('/api/filings/:id/answer', async (req) => {
    const actor = requireActor(req);
    const { answer } = parse(z.object({ answer: text('纠错情况', 5000, 1) }), req.body);
    await answerCorrection(ctx, actor, parse(idParam, req.params).id, answer);
    return { ok: true };
  });
}
