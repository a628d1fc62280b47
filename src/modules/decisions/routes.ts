import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate } from '../../core/http/validate.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { attachmentHeader } from '../../core/docx/gongwen.ts';
import { listDecisions, loadDecision, startDecision } from './service.ts';
import { decisionView } from './view.ts';
import {
  addEvidence,
  closeComment,
  dispose,
  formAct,
  openComment,
  publishFeedback,
  saveDraft,
  type DraftInput,
  summarizeParticipation,
} from './workflow.ts';
import { decide, submitLegalReview, submitToMeeting } from './deciding.ts';
import { publishDecision } from './publishing.ts';
import { adjust, postEvaluation } from './adjusting.ts';
import { archiveView, streamArchive } from './archive.ts';
import { decisionFacts } from './facts.ts';
import { catalogueRoutes } from './routesCatalogue.ts';
import { FORM_ACTIONS } from './actions.ts';
import { DRAFT_PLAN_FIELDS } from './actionsStart.ts';
import { fieldSchema, fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { DRAFT_TEXT, STEP_FORMS } from './stepForms.ts';
import { START_FORM } from './startForm.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const fileIds = z.array(z.uuid().describe('附件')).max(20).default([]).describe('附件');

// 启动 (startForm.ts): the declared form, which also takes what the API took before it was declared
// (null for an empty choice or text, the flags the form starts at 否 left out as false).
export const startBody = fieldsSchema(START_FORM).extend({ fileIds });
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  decidedIn: z.coerce.number().int().min(2000).max(2100).optional().describe('决定年度'),
  status: z.string().max(40).optional().describe('办理状态'),
  done: z
    .string()
    .regex(/^[a-zA-Z]{2,40}$/)
    .optional()
    .describe('已完成环节'),
  published: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('是否已公布'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
// The draft's own text, then the draftPlan act's fields as the procedure declares them (a schema
// built from data at start-up, so its output is typed where it is used: DraftInput).
const draftBody = z
  .object({ draftText: fieldSchema(DRAFT_TEXT) })
  .extend(fieldsSchema(DRAFT_PLAN_FIELDS).shape)
  .extend({ fileIds });
// The step forms' bodies are derived from their declared fields (stepForms.ts).
const commentBody = fieldsSchema(STEP_FORMS.comment);
const dispositionBody = fieldsSchema(STEP_FORMS.disposition);
const actBody = z.object({
  action: z.enum(FORM_ACTIONS).describe('操作'),
  on: isoDate('办理日期'),
  data: z.record(z.string(), z.unknown()).default({}).describe('办理内容'),
  fileIds,
});
const participationBody = fieldsSchema(STEP_FORMS.participation).extend({ fileIds });
const reviewBody = fieldsSchema(STEP_FORMS.legalReview).extend({ fileIds });
const meetingBody = fieldsSchema(STEP_FORMS.meeting);
const decideBody = fieldsSchema(STEP_FORMS.decide).extend({ fileIds });
const publishBody = fieldsSchema(STEP_FORMS.publish).extend({ fileIds });
const evaluationBody = z.object({
  on: isoDate('评估日期'),
  data: z.record(z.string(), z.unknown()).describe('评估内容'),
  fileIds,
});
const adjustBody = fieldsSchema(STEP_FORMS.adjust).extend({ fileIds });
const evidenceBody = fieldsSchema(STEP_FORMS.evidence).extend({ fileIds });

export function decisionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/decisions',
    { schema: { summary: '重大行政决策列表', querystring: listQuery } },
    async (req) => {
      const { total, rows } = await listDecisions(ctx, requireActor(req), req.query);
      return {
        total,
        items: rows.map((r) => ({
          id: r.d.id,
          title: r.d.title,
          year: r.d.year,
          undertakingUnit: r.d.undertakingUnit,
          status: r.status,
          statusLabel:
            ctx.procedures.get('majorDecision').def.statuses.find((s) => s.code === r.status)
              ?.label ?? r.status,
          inCatalogue: !!r.d.catalogueItemId,
          decidedOn: r.d.decidedOn,
          publishedOn: r.d.publishedOn,
          createdAt: r.d.createdAt,
        })),
      };
    },
  );
  const yearQuery = z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
  });
  api.get(
    '/api/decisions/facts',
    {
      schema: { summary: '年度报告的重大行政决策数据', querystring: yearQuery },
      preValidation: guard((a) => authorize(a, 'majorDecision', 'list')),
    },
    async (req) => ({
      facts: await decisionFacts(ctx, requireActor(req).departmentId, req.query.year),
    }),
  );
  api.post(
    '/api/decisions',
    {
      schema: { summary: '启动重大行政决策', body: startBody },
      preValidation: guard((a) => authorize(a, 'majorDecision', 'start')),
    },
    async (req) => {
      const actor = requireActor(req);
      const d = await startDecision(ctx, actor, req.body);
      return decisionView(ctx, actor, d.id);
    },
  );
  api.get(
    '/api/decisions/:id',
    { schema: { summary: '重大行政决策（程序、材料、可办理的操作）', params: idParam } },
    async (req) => decisionView(ctx, requireActor(req), req.params.id),
  );
  api.get(
    '/api/decisions/:id/archive',
    { schema: { summary: '决策档案目录', params: idParam } },
    async (req) => archiveView(ctx, requireActor(req), req.params.id),
  );
  api.get(
    '/api/decisions/:id/archive.zip',
    { schema: { summary: '下载决策档案（zip）', params: idParam } },
    async (req, reply) => {
      const { name, stream } = await streamArchive(ctx, requireActor(req), req.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', attachmentHeader(name))
        .send(stream);
    },
  );
  // Each use case: the decision is looked up (out of scope: 404) → the body validated → one service call → the fresh view.
  const readable = guard(async (a, req) => loadDecision(ctx.db, a, paramsOf(req, idParam).id));
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: Actor, id: string, body: z.output<S>) => Promise<unknown>,
  ) =>
    api.post(
      `/api/decisions/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: readable },
      async (req) => {
        const actor = requireActor(req);
        await run(actor, req.params.id, req.body as z.output<S>);
        return decisionView(ctx, actor, req.params.id);
      },
    );
  post('/draft', '保存决策草案', draftBody, (a, id, b) =>
    saveDraft(ctx, a, id, b as unknown as DraftInput),
  );
  post('/comment/open', '公开征求意见', commentBody, (a, id, b) => openComment(ctx, a, id, b));
  post('/comment/close', '结束征求意见', noBody, (a, id) => closeComment(ctx, a, id));
  post('/comment/feedback', '公开意见采纳情况', noBody, (a, id) => publishFeedback(ctx, a, id));
  const commentParams = z.object({
    id: z.uuid().describe('编号'),
    commentId: z.uuid().describe('意见编号'),
  });
  api.post(
    '/api/decisions/:id/comments/:commentId/disposition',
    {
      schema: { summary: '处理一条公众意见', params: commentParams, body: dispositionBody },
      preValidation: guard(async (a, req) =>
        loadDecision(ctx.db, a, paramsOf(req, commentParams).id),
      ),
    },
    async (req) => {
      const actor = requireActor(req);
      await dispose(ctx, actor, req.params.id, req.params.commentId, req.body);
      return decisionView(ctx, actor, req.params.id);
    },
  );
  post('/participation', '公众参与意见研究采纳情况', participationBody, (a, id, b) =>
    summarizeParticipation(ctx, a, id, b),
  );
  post('/act', '办理一项程序（专家论证、风险评估等）', actBody, (a, id, b) =>
    formAct(ctx, a, id, b.action, b.on, b.data, b.fileIds),
  );
  post('/legal-review', '提请合法性审查', reviewBody, (a, id, b) =>
    submitLegalReview(ctx, a, id, b),
  );
  post('/meeting', '提交会议讨论', meetingBody, (a, id, b) => submitToMeeting(ctx, a, id, b));
  post('/decision', '记录集体讨论决定', decideBody, (a, id, b) => decide(ctx, a, id, b));
  post('/publish', '公布决策', publishBody, (a, id, b) => publishDecision(ctx, a, id, b));
  post('/post-evaluation', '决策后评估', evaluationBody, (a, id, b) =>
    postEvaluation(ctx, a, id, b.on, b.data, b.fileIds),
  );
  post('/adjust', '决策调整或停止执行', adjustBody, (a, id, b) =>
    adjust(ctx, a, id, {
      ...b,
      revision: b.revisionTitle ? { title: b.revisionTitle } : undefined,
    }),
  );
  post('/evidence', '补充或更正材料', evidenceBody, (a, id, b) => addEvidence(ctx, a, id, b));
  catalogueRoutes(app, ctx);
}
