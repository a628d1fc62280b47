import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { fieldsSchema } from '../../../core/procedure/fieldSchema.ts';
import { guard, paramsOf, type ZodProvider } from '../../../core/http/schema.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize as authorizeCore } from '../../../core/auth/policy.ts';
import { authorize } from '../policy.ts';
import { attachmentHeader, DOCX_MIME } from '../../../core/docx/gongwen.ts';
import { REQUEST_FORMS } from './forms.ts';
import { INTAKE_FORMS } from './intakeForms.ts';
import { formsRoute } from '../../../core/http/forms.ts';
import { receiveRequest } from './intake.ts';
import {
  answerRequest,
  attachReleasedFiles,
  feeQuote,
  loadRequest,
  recordDelivery,
  sendFeeNotice,
} from './service.ts';
import { listRequests, requestDetail } from './queries.ts';
import { replyLetter } from './letter.ts';
import { staffIntakeSchema } from './validation.ts';
import { askApproval, decideApproval } from './approvals.ts';
import { disclosureApprovalSetting } from '../approval.ts';
import { changeSetting, getSetting } from '../../../core/settings/service.ts';

const idParam = z.object({ id: z.uuid().describe('申请编号') });
const listQuery = z.object({
  status: z.enum(['open', 'closed']).optional().describe('状态'),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('是否逾期'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数'),
});
// The page's forms are declared once (forms.ts): each body is the form's fields and what the API takes
// besides: 页数 also as text (as the fee quote's query gives it), whole 延长工作日数, and the approver's
// 审批结论 (the button the approver pressed).
const answerBody = fieldsSchema(REQUEST_FORMS.answer);
const deliveryBody = fieldsSchema(REQUEST_FORMS.delivery);
const feeFields = fieldsSchema(REQUEST_FORMS.fee).shape;
const feeQuery = z.object({
  method: feeFields.method,
  pages: z.coerce.number().int().min(0).max(1_000_000).optional().describe('页数'),
});
const feeBody = fieldsSchema(REQUEST_FORMS.fee).extend({ pages: feeQuery.shape.pages });
const extensionBody = fieldsSchema(REQUEST_FORMS.extension);
const decisionBody = fieldsSchema(REQUEST_FORMS.decision).extend({
  approve: z.boolean().describe('审批结论'),
});
const approvalSettingsBody = disclosureApprovalSetting.schema;

const filesBody = z.object({ fileIds: z.array(z.uuid()).min(1).max(50).describe('文件') });

export function disclosureRequestRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/disclosure/requests',
    { schema: { summary: '依申请公开的申请列表', querystring: listQuery } },
    async (req) => listRequests(ctx, requireActor(req), req.query),
  );
  // The 登记 dialog's form (intakeForms.ts), for those who register requests.
  formsRoute(app, 'disclosure/requests', {
    summary: '登记政府信息公开申请的表单（申请渠道与申请人、各渠道收到申请之日的依据）',
    guard: (a) => authorize(a, 'disclosureRequest', 'intake'),
    forms: INTAKE_FORMS,
  });
  api.post(
    '/api/disclosure/requests',
    {
      schema: { summary: '登记一件申请（当面、信函、电子邮件等）', body: staffIntakeSchema },
      preValidation: guard((a) => authorize(a, 'disclosureRequest', 'intake')),
    },
    async (req) => {
      const actor = requireActor(req);
      const {
        channel,
        receivedOn,
        signedOn,
        mailNumber,
        arrivedOn,
        confirmedOn,
        confirmation,
        lateReason,
        ...applicant
      } = req.body;
      const receipt = {
        channel,
        receivedOn,
        signedOn,
        mailNumber,
        arrivedOn,
        confirmedOn,
        confirmation,
        lateReason,
      };
      const r = await receiveRequest(ctx, actor, { applicant, receipt, orgId: actor.orgId });
      return {
        id: r.request.id,
        caseId: r.request.caseId,
        trackingCode: r.trackingCode,
        duplicate: r.duplicate,
      };
    },
  );
  api.get(
    '/api/disclosure/requests/:id',
    { schema: { summary: '申请（办理情况、可办理的操作）', params: idParam } },
    async (req) => requestDetail(ctx, requireActor(req), req.params.id),
  );
  // The request is read (out of scope: 404) before the body is looked at.
  const readable = guard((a, req) => loadRequest(ctx, a, paramsOf(req, idParam).id));
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
      `/api/disclosure/requests/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: readable },
      async (req) => {
        const actor = requireActor(req);
        const extra = await run(actor, req.params.id, req.body as z.output<S>);
        return { ...(extra as object), ...(await requestDetail(ctx, actor, req.params.id)) };
      },
    );
  post('/answer', '答复申请', answerBody, async (a, id, b) => {
    await answerRequest(ctx, a, id, b);
    return {};
  });
  // 条例 Art 33 ¶2: the clerk asks for the extension; the approver consents or refuses in their own session.
  post('/extension', '申请延长答复期限', extensionBody, async (a, id, b) => {
    await askApproval(ctx, a, id, 'extension', b.on, { workdays: b.workdays, reason: b.reason });
    return {};
  });
  post('/extension/decision', '审批延长答复期限', decisionBody, async (a, id, b) => {
    await decideApproval(ctx, a, id, 'extension', b);
    return {};
  });
  post('/answer/decision', '审签答复', decisionBody, async (a, id, b) => {
    await decideApproval(ctx, a, id, 'answer', b);
    return {};
  });
  post('/delivery', '记录送达', deliveryBody, async (a, id, b) => {
    await recordDelivery(ctx, a, id, b);
    return {};
  });
  post('/files', '附上公开的文件', filesBody, async (a, id, b) => {
    await attachReleasedFiles(ctx, a, id, b.fileIds);
    return {};
  });
  // The record check before the query is validated (issue 12 item 7: out of scope is 404, never a 400).
  const settings = guard((a) => authorizeCore(a, 'businessSettings', 'manage'));
  api.get(
    '/api/settings/disclosure-approval',
    { schema: { summary: '政务公开审批设置' }, preValidation: settings },
    async () => getSetting(ctx.db, disclosureApprovalSetting, ctx.clock.now().getTime(), 0),
  );
  api.put(
    '/api/settings/disclosure-approval',
    {
      schema: { summary: '修改政务公开审批设置', body: approvalSettingsBody },
      preValidation: settings,
    },
    async (req) =>
      changeSetting(
        ctx,
        requireActor(req),
        disclosureApprovalSetting,
        'disclosure.settings.approval',
        req.body,
      ),
  );
  api.get(
    '/api/disclosure/requests/:id/fee',
    {
      schema: { summary: '信息处理费试算', params: idParam, querystring: feeQuery },
      preValidation: readable,
    },
    async (req) =>
      feeQuote(ctx, requireActor(req), req.params.id, req.query.method, req.query.pages),
  );
  post('/fee-notice', '发出收费通知', feeBody, async (a, id, b) => ({
    quote: await sendFeeNotice(ctx, a, id, b),
  }));
  api.get(
    '/api/disclosure/requests/:id/reply-letter',
    { schema: { summary: '下载答复书（.docx）', params: idParam } },
    async (req, reply) => {
      const { name, buffer } = await replyLetter(ctx, requireActor(req), req.params.id);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachmentHeader(name))
        .send(buffer);
    },
  );
}
