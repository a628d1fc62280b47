import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { isoDate } from '../../core/http/validate.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { DOCUMENT_FORMS, DRAFT_FORM } from './forms.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { createDraft, loadDocument, startAmendment, updateDraft } from './service.ts';
import { listDocuments } from './listing.ts';
import { documentView } from './view.ts';
import { act, assignNumber, ENGINE_ACTIONS, publishDocument } from './workflow.ts';
import { closeComment, dispose, openComment, publishFeedback } from './commenting.ts';
import { submitFiling } from './filing.ts';
import { decideAtMeeting, decideFromForm } from './collective.ts';
import { endDocument, recordEvaluation } from './validity.ts';
import { documentSettings, updateDocumentSettings } from './labels.ts';
import { getSetting } from '../../core/settings/service.ts';
import { settingFormRoute } from '../../core/settings/forms.ts';
import { documentDocx, documentsXlsx, feedbackDocx, interpretationDocx } from './export.ts';
import { importDocx } from './source.ts';
import { DOCUMENT_FACT_FILTERS, documentFacts, tableTwoRow } from './facts.ts';
import { authorize as authorizeCore } from '../../core/auth/policy.ts';
import { authorize } from './policy.ts';
import { legalStatusLabel } from './status.ts';
import { attachmentHeader, DOCX_MIME } from '../../core/docx/gongwen.ts';
import { cleanupRoutes } from './routesCleanup.ts';
import { filingRoutes } from './routesFiling.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
// 起草's body is the declared form's (forms.ts DRAFT_FORM) and what the API takes besides.
export const draftBody = fieldsSchema(DRAFT_FORM).extend({
  topic: z.string().max(40).optional().describe('主题分类'),
  issuerId: z.uuid().nullish().describe('制发机关'),
});
const listQuery = z.object({
  status: z.string().max(40).optional().describe('办理状态'),
  legalStatus: z
    .enum(['draft', 'notYetInForce', 'inForce', 'amended', 'abolished', 'expired'])
    .optional()
    .describe('效力状态'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  inForceOn: isoDate('有效日期').optional(),
  fact: z.enum(DOCUMENT_FACT_FILTERS).optional().describe('年报数据项'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
// The forms' bodies are derived from their declared fields (forms.ts); what is not a form field is added.
const F = DOCUMENT_FORMS;
const topic = z.string().max(40).optional().describe('主题分类');
const commentWindow = fieldsSchema(F.openComment);
const dispositionBody = fieldsSchema(F.disposition);
const actBody = fieldsSchema(F.act).extend({
  action: z.enum(ENGINE_ACTIONS).describe('操作'),
  data: z.record(z.string(), z.unknown()).default({}).describe('办理内容'),
});
const numberBody = fieldsSchema(F.number);
const publishBody = fieldsSchema(F.publish).extend({ topic });
const endBody = fieldsSchema(F.end);
const evaluationBody = fieldsSchema(F.evaluation);
const decideBody = fieldsSchema(F.decide);
const filingBody = fieldsSchema(F.filing);

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') });
const commentParams = z.object({
  id: z.uuid().describe('编号'),
  commentId: z.uuid().describe('意见编号'),
});

export function documentRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/documents',
    { schema: { summary: '行政规范性文件列表', querystring: listQuery } },
    async (req) => {
      const { total, rows } = await listDocuments(ctx, requireActor(req), req.query);
      return {
        total,
        items: rows.map((r) => ({
          ...r.doc,
          search: undefined,
          legalStatusLabel: legalStatusLabel(r.doc.legalStatus),
          caseStatus: r.caseStatus,
          draftingOrgName: r.draftingOrg,
          ...(r.commentsReceived === null ? {} : { commentsReceived: r.commentsReceived }),
        })),
      };
    },
  );
  api.get(
    '/api/documents/export.xlsx',
    { schema: { summary: '导出文件目录（.xlsx）', querystring: listQuery } },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      const content = await documentsXlsx(ctx, requireActor(req), f);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader('行政规范性文件.xlsx'))
        .send(content);
    },
  );
  for (const [suffix, make, summary] of [
    ['document.docx', documentDocx, '下载文件正文（.docx）'],
    ['feedback.docx', feedbackDocx, '下载意见采纳情况（.docx）'],
    ['interpretation.docx', interpretationDocx, '下载政策解读（.docx）'],
  ] as const) {
    api.get(
      `/api/documents/:id/${suffix}`,
      { schema: { summary, params: idParam } },
      async (req, reply) => {
        const file = await make(ctx, requireActor(req), req.params.id);
        return reply
          .type(DOCX_MIME)
          .header('content-disposition', attachmentHeader(file.name))
          .send(file.content);
      },
    );
  }
  // Validity periods, the 后评估 reminder and the 备案 period: 业务设置 of the 系统管理员.
  const settings = guard((a) => authorizeCore(a, 'businessSettings', 'manage'));
  api.get(
    '/api/settings/documents',
    { schema: { summary: '规范性文件设置（有效期、后评估、备案期限）' }, preValidation: settings },
    async () => getSetting(ctx.db, documentSettings, ctx.clock.now().getTime(), 0),
  );
  settingFormRoute(app, '/api/settings/documents', documentSettings, settings);
  api.put(
    '/api/settings/documents',
    {
      schema: { summary: '修改规范性文件设置', body: documentSettings.schema },
      preValidation: settings,
    },
    async (req) => updateDocumentSettings(ctx, requireActor(req), req.body),
  );
  api.get(
    '/api/documents/facts',
    {
      schema: { summary: '年度报告的规范性文件数据', querystring: yearQuery },
      preValidation: guard((a) => authorize(a, 'normativeDocument', 'list')),
    },
    async (req) => {
      const actor = requireActor(req);
      return {
        facts: await documentFacts(ctx, actor.departmentId, req.query.year),
        tableTwo: await tableTwoRow(ctx.db, actor.departmentId, req.query.year),
      };
    },
  );
  api.post(
    '/api/documents',
    {
      schema: { summary: '起草行政规范性文件', body: draftBody },
      preValidation: guard((a) => authorize(a, 'normativeDocument', 'draft')),
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await createDraft(ctx, actor, req.body);
      return documentView(ctx, actor, row.id);
    },
  );
  api.get(
    '/api/documents/:id',
    { schema: { summary: '行政规范性文件（程序、版本、可办理的操作）', params: idParam } },
    async (req) => documentView(ctx, requireActor(req), req.params.id),
  );
  // Each use case: the document is looked up (out of scope: 404) → the body validated → one service call → the fresh view.
  const readable = guard(async (a, req) => loadDocument(ctx.db, a, paramsOf(req, idParam).id));
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (
      actor: ReturnType<typeof requireActor>,
      id: string,
      body: z.output<S>,
    ) => Promise<unknown>,
  ) =>
    api.post(
      `/api/documents/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: readable },
      async (req) => {
        const actor = requireActor(req);
        const { id } = req.params;
        const result = await run(actor, id, req.body as z.output<S>);
        const target =
          (result as { id?: string } | undefined)?.id && path === '/amend'
            ? (result as { id: string }).id
            : id;
        return documentView(ctx, actor, target);
      },
    );
  api.put(
    '/api/documents/:id',
    { schema: { summary: '修改草稿', params: idParam, body: draftBody }, preValidation: readable },
    async (req) => {
      const actor = requireActor(req);
      await updateDraft(ctx, actor, req.params.id, req.body);
      return documentView(ctx, actor, req.params.id);
    },
  );
  post('/comment/open', '公开征求意见', commentWindow, (a, id, b) => openComment(ctx, a, id, b));
  post('/comment/close', '结束征求意见', noBody, (a, id) => closeComment(ctx, a, id));
  post('/comment/feedback', '公开意见采纳情况', noBody, (a, id) => publishFeedback(ctx, a, id));
  api.post(
    '/api/documents/:id/comments/:commentId/disposition',
    {
      schema: { summary: '处理一条公众意见', params: commentParams, body: dispositionBody },
      preValidation: guard(async (a, req) =>
        loadDocument(ctx.db, a, paramsOf(req, commentParams).id),
      ),
    },
    async (req) => {
      const actor = requireActor(req);
      await dispose(ctx, actor, req.params.id, req.params.commentId, req.body);
      return documentView(ctx, actor, req.params.id);
    },
  );
  // 集体审议 is recorded against a meeting's agenda item (decideFromForm), never with a typed meeting name.
  post('/act', '办理一项程序（合法性审核、公平竞争审查等）', actBody, (a, id, b) =>
    b.action === 'collectiveDecision'
      ? decideFromForm(ctx, a, id, b.data)
      : act(ctx, a, id, b.action, b.on, b.data),
  );
  post('/decide', '集体审议决定（在会议议题上记录）', decideBody, (a, id, b) =>
    decideAtMeeting(ctx, a, id, b),
  );
  post('/number', '编文号', numberBody, (a, id, b) => assignNumber(ctx, a, id, b));
  post('/publish', '公布文件', publishBody, (a, id, b) => publishDocument(ctx, a, id, b));
  post('/filing', '报送备案', filingBody, (a, id, b) => submitFiling(ctx, a, id, b));
  post('/amend', '启动修改（新版本）', noBody, (a, id) => startAmendment(ctx, a, id));
  post(
    '/source',
    '导入正文（.docx）',
    z.object({ fileId: z.uuid().describe('正文文件') }),
    (a, id, b) => importDocx(ctx, a, id, b.fileId),
  );
  post('/end', '废止或宣布失效', endBody, (a, id, b) => endDocument(ctx, a, id, b.kind, b));
  post('/evaluation', '记录后评估', evaluationBody, (a, id, b) => recordEvaluation(ctx, a, id, b));

  cleanupRoutes(app, ctx);
  filingRoutes(app, ctx);
}
