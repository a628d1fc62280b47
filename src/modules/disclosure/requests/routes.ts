import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { isoDate, parse } from '../../../core/http/validate.ts';
import { requireActor } from '../../../core/http/session.ts';
import { authorize } from '../../../core/auth/policy.ts';
import { attachmentHeader, DOCX_MIME } from '../../../core/docx/gongwen.ts';
import { DELIVERY_METHODS } from '../outcomes.ts';
import { receiveRequest } from './intake.ts';
import { answerRequest, attachReleasedFiles, feeQuote, recordDelivery, sendFeeNotice } from './service.ts';
import { listRequests, requestDetail } from './queries.ts';
import { replyLetter } from './letter.ts';
import { staffIntakeSchema } from './validation.ts';

const idParam = z.object({ id: z.uuid().describe('申请编号') });
const listQuery = z.object({
  status: z.enum(['open', 'closed']).optional().describe('状态'),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('是否逾期'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数'),
});
const answerBody = z.object({
  on: isoDate('答复日期'),
  outcome: z.string().min(1).max(40).describe('答复类型'),
  reasons: z.string().trim().max(4000).optional().describe('理由'),
  legalBasis: z.string().trim().max(400).optional().describe('法律依据'),
  replyLetterNo: z.string().trim().max(60).optional().describe('答复书编号'),
  delivery: z.enum(DELIVERY_METHODS.map((d) => d.value) as [string, ...string[]]).optional().describe('送达方式'),
});
const deliveryBody = z.object({
  on: isoDate('送达日期'),
  method: z.enum(DELIVERY_METHODS.map((d) => d.value) as [string, ...string[]]).describe('送达方式'),
  note: z.string().trim().max(400).optional().describe('送达情况'),
});
const feeQuery = z.object({ method: z.enum(['perRequest', 'perPage']).describe('计收方式'), pages: z.coerce.number().int().min(0).max(1_000_000).optional().describe('页数') });
const feeBody = feeQuery.extend({ on: isoDate('通知日期'), deliveredOn: isoDate('申请人收到通知之日').optional() });

export function disclosureRequestRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/disclosure/requests', async (req) => {
    const actor = requireActor(req);
    const q = parse(listQuery, req.query);
    return listRequests(ctx, actor, q);
  });
  app.post('/api/disclosure/requests', async (req) => {
    const actor = requireActor(req);
    const body = parse(staffIntakeSchema, req.body);
    authorize(actor, 'disclosureRequest', 'intake');
    const { channel, receivedOn, signedOn, mailNumber, arrivedOn, confirmedOn, confirmation, lateReason, ...applicant } = body;
    const receipt = { channel, receivedOn, signedOn, mailNumber, arrivedOn, confirmedOn, confirmation, lateReason };
    const r = await receiveRequest(ctx, actor, { applicant, receipt, orgId: actor.orgId });
    return { id: r.request.id, caseId: r.request.caseId, trackingCode: r.trackingCode, duplicate: r.duplicate };
  });
  app.get('/api/disclosure/requests/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    return requestDetail(ctx, actor, id);
  });
  app.post('/api/disclosure/requests/:id/answer', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await answerRequest(ctx, actor, id, parse(answerBody, req.body));
    return requestDetail(ctx, actor, id);
  });
  app.post('/api/disclosure/requests/:id/delivery', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await recordDelivery(ctx, actor, id, parse(deliveryBody, req.body));
    return requestDetail(ctx, actor, id);
  });
  app.post('/api/disclosure/requests/:id/files', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const { fileIds } = parse(z.object({ fileIds: z.array(z.uuid()).min(1).max(50).describe('文件') }), req.body);
    await attachReleasedFiles(ctx, actor, id, fileIds);
    return requestDetail(ctx, actor, id);
  });
  app.get('/api/disclosure/requests/:id/fee', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const q = parse(feeQuery, req.query);
    return feeQuote(ctx, actor, id, q.method, q.pages);
  });
  app.post('/api/disclosure/requests/:id/fee-notice', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const quote = await sendFeeNotice(ctx, actor, id, parse(feeBody, req.body));
    return { quote, ...(await requestDetail(ctx, actor, id)) };
  });
  app.get('/api/disclosure/requests/:id/reply-letter', async (req, reply) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const { name, buffer } = await replyLetter(ctx, actor, id);
    return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(name)).send(buffer);
  });
}
