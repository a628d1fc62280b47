/**
 * 备案审查 (国办发〔2018〕37号 有备必审、有错必纠): the oversight body's queue and its decision on a
 * filing, and the department's answer to a correction request. Registered by documentRoutes (routes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { fieldView } from '../../core/http/forms.ts';
import { FILING_FORMS } from './forms.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { answerCorrection, reviewFiling } from './filing.ts';
import { FILING_ACTS, filingQueue } from './filingQueue.ts';
import { actsReply } from '../../core/cases/acts.ts';
import { authorize, can } from './policy.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { documentFilings } from './schema.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
// The bodies are derived from the declared fields (forms.ts): 准予备案 takes the opinion, 退回纠错 the
// correction request (required when returning: reviewFiling refuses a return without it).
const reviewBody = z
  .object({ decision: z.enum(['accept', 'return']).describe('审查结论') })
  .extend(fieldsSchema(FILING_FORMS.accept).shape)
  .extend(fieldsSchema(FILING_FORMS.return).partial().shape);
const answerBody = fieldsSchema(FILING_FORMS.answer);
const filingQuery = z.object({
  status: z.enum(['submitted', 'returned', 'answered', 'accepted']).optional().describe('状态'),
});
const ok = z.object({ ok: z.literal(true) });
// The queue (documentation: the reply is serialised as filingQueue returns it, nothing is stripped).
const queueReply = z.object({
  items: z.array(
    z
      .looseObject({
        documentId: z.uuid().describe('文件'),
        title: z.string().describe('文件名称'),
        department: z.string().describe('报送部门'),
        statusLabel: z.string().describe('备案状态'),
        filing: z
          .looseObject({ id: z.uuid().describe('备案'), status: z.string().describe('状态') })
          .describe('备案'),
        ...actsReply(FILING_ACTS),
      })
      .describe('报送的备案'),
  ),
  forms: z
    .record(
      z.string(),
      z.array(z.looseObject({ name: z.string().describe('字段'), label: z.string() })),
    )
    .describe('审查的表单（准予备案、退回纠错）'),
});
// The review forms as the queue's page draws them (declared once in forms.ts).
const reviewForms = {
  accept: FILING_FORMS.accept.map((f) => fieldView(f)),
  return: FILING_FORMS.return.map((f) => fieldView(f)),
};

export function filingRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/filings',
    {
      schema: {
        summary: '备案审查（报送的备案）',
        querystring: filingQuery,
        response: { 200: queueReply },
      },
    },
    async (req) => ({
      items: await filingQueue(ctx, requireActor(req), req.query.status),
      forms: reviewForms,
    }),
  );
  // Issue 12 item 7: the role (403) and the filing's scope (404) are checked before the body is validated.
  const filing = async (req: FastifyRequest) => {
    const [f] = await ctx.db
      .select({
        departmentId: documentFilings.departmentId,
        oversightOrgId: documentFilings.oversightOrgId,
      })
      .from(documentFilings)
      .where(eq(documentFilings.id, paramsOf(req, idParam).id));
    if (!f) throw notFound('备案');
    return f;
  };
  const reviews = guard(async (a, req) => {
    authorize(a, 'documentFiling', 'queue');
    authorize(a, 'documentFiling', 'review', await filing(req));
  });
  const answers = guard(async (a, req) => {
    // The answering roles (a record of the own department): others 403 before the filing is looked up.
    if (!can(a, 'documentFiling', 'answer', { departmentId: a.departmentId }))
      throw new AppError('FORBIDDEN', '无权执行此操作');
    authorize(a, 'documentFiling', 'answer', await filing(req));
  });
  api.post(
    '/api/filings/:id/review',
    {
      schema: { summary: '备案审查结论', params: idParam, body: reviewBody, response: { 200: ok } },
      preValidation: reviews,
    },
    async (req) => {
      await reviewFiling(ctx, requireActor(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/filings/:id/answer',
    {
      schema: {
        summary: '答复纠错意见（附纠正后的文本，生成新版本）',
        params: idParam,
        body: answerBody,
        response: { 200: z.object({ ok: z.literal(true), versionId: z.uuid() }) },
      },
      preValidation: answers,
    },
    async (req) => {
      const version = await answerCorrection(ctx, requireActor(req), req.params.id, req.body);
      return { ok: true as const, versionId: version.id };
    },
  );
}
