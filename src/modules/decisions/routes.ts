import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate, parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from '../../core/auth/policy.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import { listDecisions, startDecision } from './service.ts';
import { decisionView } from './view.ts';
import { addEvidence, closeComment, dispose, formAct, openComment, publishFeedback, saveDraft, summarizeParticipation } from './workflow.ts';
import { adjust, decide, postEvaluation, publishDecision, submitLegalReview, submitToMeeting } from './deciding.ts';
import { addItem, adjustCatalogue, approveCatalogue, createCatalogue, deleteDraftItem, listCatalogues, publishCatalogue, updateItem } from './catalogue.ts';
import { archiveView, streamArchive } from './archive.ts';
import { decisionFacts } from './facts.ts';
import { FORM_ACTIONS } from './actions.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) => z.string().trim().min(min).max(max).describe(label);
const fileIds = z.array(z.uuid().describe('附件')).max(20).default([]).describe('附件');

export const startBody = z.object({
  title: text('决策事项名称', 200, 4),
  proposer: text('建议提出方', 100, 2),
  proposerKind: z.enum(['leader', 'department', 'lowerGov', 'deputy', 'public']).describe('建议来源'),
  undertakingUnit: text('决策承办单位', 100, 2),
  coUnits: text('协办单位', 200).optional(),
  problem: text('拟解决的主要问题', 5000, 2),
  reasonsAndBasis: text('建议理由和依据', 5000, 2),
  initialPlan: text('初步方案', 10_000, 2),
  necessity: text('必要性、可行性', 5000, 2),
  catalogueItemId: z.uuid().nullish().describe('目录事项'),
  outsideCatalogueReason: text('目录外启动的理由', 2000).nullish(),
  confidential: z.boolean().default(false).describe('是否依法不予公开'),
  confidentialReason: text('不予公开的依据', 2000).nullish(),
  technical: z.boolean().describe('是否专业性、技术性较强'),
  riskRelevant: z.boolean().describe('是否涉及社会稳定、公共安全风险'),
  concernsMarket: z.boolean().describe('是否涉及市场主体经济活动'),
  hearingPlanned: z.boolean().default(false).describe('是否召开听证会'),
  partyReportRequired: z.boolean().default(false).describe('是否需向同级党委请示报告'),
  startApprovedBy: text('决定启动的领导或会议', 200).nullish(),
  fileIds,
});
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  decidedIn: z.coerce.number().int().min(2000).max(2100).optional().describe('决定年度'),
  status: z.string().max(40).optional().describe('办理状态'),
  done: z.string().regex(/^[a-zA-Z]{2,40}$/).optional().describe('已完成环节'),
  published: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('是否已公布'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const draftBody = z.object({ draftText: text('决策草案', 200_000, 1), legalSort: text('法律法规政策梳理情况', 20_000, 2), costBenefit: text('成本效益分析', 20_000).optional(), alternatives: text('备选方案', 20_000).optional(), coordination: text('与有关单位协商情况', 20_000).optional(), revisionNote: text('修改说明', 5000).optional(), fileIds });
const commentBody = z.object({ startOn: isoDate('征求意见开始日期'), endOn: isoDate('征求意见截止日期'), channel: text('发布渠道', 200).optional(), shortenedReason: text('缩短期限的理由', 2000).optional() });
const dispositionBody = z.object({ disposition: z.enum(['adopted', 'partlyAdopted', 'notAdopted']).describe('处理意见'), reason: text('理由', 2000).optional() });
const actBody = z.object({ action: z.enum(FORM_ACTIONS).describe('操作'), on: isoDate('办理日期'), data: z.record(z.string(), z.unknown()).default({}).describe('办理内容'), fileIds });
const reviewBody = z.object({ materials: text('送审材料', 20_000, 2), requestedBy: isoDate('要求审查完成日期'), fileIds });
const meetingBody = z.object({ meetingId: z.uuid().describe('会议'), isPublic: z.boolean().default(false).describe('议题是否公开'), publicSummary: text('公开的议题说明', 2000).optional() });
const decideBody = z.object({
  meetingId: z.uuid().describe('会议'),
  discussion: text('会议组成人员发表意见情况', 20_000, 2),
  headOpinion: text('行政首长意见', 5000, 1),
  differsFromMajority: z.boolean().describe('是否与多数人意见不一致'),
  differenceReason: text('在会上说明的理由', 5000).optional(),
  dissent: text('不同意见', 10_000, 1),
  decision: z.enum(['adopted', 'adoptedWithRevision', 'deferred', 'rejected']).describe('决定'),
  executionUnit: text('决策执行单位', 100).optional(),
  fileIds,
});
const publishBody = z.object({ channel: text('公布途径', 200).optional(), adoptionExplanation: text('采纳情况说明', 20_000, 2), interpretation: text('解读', 50_000, 1), interpretationForm: text('解读方式', 100).optional(), confidentialityReviewer: text('保密审查人', 50, 2), keywords: text('关键词', 200).optional(), fileIds });
const evaluationBody = z.object({ on: isoDate('评估日期'), data: z.record(z.string(), z.unknown()).describe('评估内容'), fileIds });
const adjustBody = z.object({ kind: z.enum(['minor', 'major', 'stop']).describe('调整类型'), reason: text('调整理由及依据', 10_000, 2), decidedAt: text('作出决定的会议', 200, 2), revisionTitle: text('调整后的决策事项名称', 200, 4).optional(), fileIds });
const evidenceBody = z.object({ kind: z.string().regex(/^[a-zA-Z]{2,40}$/).default('other').describe('所属环节'), title: text('材料名称', 200, 2), body: text('内容', 200_000).optional(), supersedesId: z.uuid().nullish().describe('更正的材料'), note: text('补充或更正理由', 2000).nullish(), fileIds });
const itemBody = z.object({ title: text('事项名称', 200, 4), content: text('主要内容', 5000).optional(), undertakingUnit: text('承办单位', 100, 2), basis: text('决策依据', 2000).optional(), plannedTime: text('计划完成时间', 50).optional() });

export function decisionRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/decisions', async (req) => {
    const { total, rows } = await listDecisions(ctx, requireActor(req), parse(listQuery, req.query));
    return { total, items: rows.map((r) => ({ id: r.d.id, title: r.d.title, year: r.d.year, undertakingUnit: r.d.undertakingUnit, status: r.status, statusLabel: ctx.procedures.get('majorDecision').def.statuses.find((s) => s.code === r.status)?.label ?? r.status, inCatalogue: !!r.d.catalogueItemId, decidedOn: r.d.decidedOn, publishedOn: r.d.publishedOn, createdAt: r.d.createdAt })) };
  });
  app.get('/api/decisions/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'majorDecision', 'list');
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    return { facts: await decisionFacts(ctx, actor.departmentId, year) };
  });
  app.post('/api/decisions', async (req) => {
    const actor = requireActor(req);
    const d = await startDecision(ctx, actor, parse(startBody, req.body));
    return decisionView(ctx, actor, d.id);
  });
  app.get('/api/decisions/:id', async (req) => decisionView(ctx, requireActor(req), parse(idParam, req.params).id));
  app.get('/api/decisions/:id/archive', async (req) => archiveView(ctx, requireActor(req), parse(idParam, req.params).id));
  app.get('/api/decisions/:id/archive.zip', async (req, reply) => {
    const { name, stream } = await streamArchive(ctx, requireActor(req), parse(idParam, req.params).id);
    return reply.type('application/zip').header('content-disposition', attachmentHeader(name)).send(stream);
  });
  // Each use case: validate → one service call → the fresh view.
  const post = <S extends z.ZodType>(path: string, schema: S, run: (actor: Actor, id: string, body: z.output<S>) => Promise<unknown>) =>
    app.post(`/api/decisions/:id${path}`, async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      const body = parse(schema, req.body);
      await run(actor, id, body);
      return decisionView(ctx, actor, id);
    });
  post('/draft', draftBody, (a, id, b) => saveDraft(ctx, a, id, b));
  post('/comment/open', commentBody, (a, id, b) => openComment(ctx, a, id, b));
  post('/comment/close', z.object({}), (a, id) => closeComment(ctx, a, id));
  post('/comment/feedback', z.object({}), (a, id) => publishFeedback(ctx, a, id));
  app.post('/api/decisions/:id/comments/:commentId/disposition', async (req) => {
    const actor = requireActor(req);
    const { id, commentId } = parse(z.object({ id: z.uuid().describe('编号'), commentId: z.uuid().describe('意见编号') }), req.params);
    await dispose(ctx, actor, id, commentId, parse(dispositionBody, req.body));
    return decisionView(ctx, actor, id);
  });
  post('/participation', z.object({ adoptionSummary: text('意见研究采纳情况', 20_000, 2), fileIds }), (a, id, b) => summarizeParticipation(ctx, a, id, b));
  post('/act', actBody, (a, id, b) => formAct(ctx, a, id, b.action, b.on, b.data, b.fileIds));
  post('/legal-review', reviewBody, (a, id, b) => submitLegalReview(ctx, a, id, b));
  post('/meeting', meetingBody, (a, id, b) => submitToMeeting(ctx, a, id, b));
  post('/decision', decideBody, (a, id, b) => decide(ctx, a, id, b));
  post('/publish', publishBody, (a, id, b) => publishDecision(ctx, a, id, b));
  post('/post-evaluation', evaluationBody, (a, id, b) => postEvaluation(ctx, a, id, b.on, b.data, b.fileIds));
  post('/adjust', adjustBody, (a, id, b) => adjust(ctx, a, id, { ...b, revision: b.revisionTitle ? { title: b.revisionTitle } : undefined }));
  post('/evidence', evidenceBody, (a, id, b) => addEvidence(ctx, a, id, b));

  // 决策事项目录.
  app.get('/api/decision-catalogues', async (req) => {
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') }), req.query);
    return { items: (await listCatalogues(ctx, requireActor(req))).filter((c) => !year || c.year === year) };
  });
  app.post('/api/decision-catalogues', async (req) => {
    const actor = requireActor(req);
    await createCatalogue(ctx, actor, parse(z.object({ year: z.number().int().min(2000).max(2100).describe('年度'), title: text('目录名称', 200).optional() }), req.body));
    return { items: await listCatalogues(ctx, actor) };
  });
  const cat = <S extends z.ZodType>(path: string, schema: S, run: (actor: Actor, id: string, body: z.output<S>, itemId?: string) => Promise<unknown>) =>
    app.post(`/api/decision-catalogues/:id${path}`, async (req) => {
      const actor = requireActor(req);
      const p = parse(z.object({ id: z.uuid().describe('编号'), itemId: z.uuid().optional().describe('事项编号') }), req.params);
      await run(actor, p.id, parse(schema, req.body), p.itemId);
      return { items: await listCatalogues(ctx, actor) };
    });
  cat('/items', itemBody, (a, id, b) => addItem(ctx, a, id, b));
  cat('/items/:itemId', itemBody, (a, id, b, itemId) => updateItem(ctx, a, id, itemId!, b));
  cat('/items/:itemId/delete', z.object({}), (a, id, _b, itemId) => deleteDraftItem(ctx, a, id, itemId!));
  cat('/approve', z.object({ approvedOn: isoDate('同意日期'), approvedBy: text('同意机关', 100, 2), approvalRef: text('同意文件或会议', 200).optional() }), (a, id, b) => approveCatalogue(ctx, a, id, b));
  cat('/publish', z.object({ confidentialityReviewer: text('保密审查人', 50, 2) }), (a, id, b) => publishCatalogue(ctx, a, id, b));
  cat(
    '/adjustments',
    z.object({ reason: text('调整理由', 5000, 2), approvedOn: isoDate('同意日期'), approvedBy: text('同意机关', 100, 2), add: z.array(itemBody).max(50).default([]).describe('增加事项'), remove: z.array(z.uuid().describe('调出事项')).max(50).default([]).describe('调出事项'), confidentialityReviewer: text('保密审查人', 50, 2) }),
    (a, id, b) => adjustCatalogue(ctx, a, id, b),
  );
}
