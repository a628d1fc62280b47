import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import {
  actOnProposal,
  actSchema,
  assignProposal,
  assignSchema,
  coOpinionSchema,
  listProposals,
  loadProposal,
  proposalView,
  publishReply,
  publishSchema,
  submitCoOpinion,
} from './service.ts';
import { proposalFacts } from './facts.ts';
import { proposalPolicy } from './policy.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  fact: z.enum(['handled', 'published']).optional().describe('统计口径'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});

export function proposalRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  // Issue 12 item 7: the role (403) and the proposal's department (404) are checked before the body is
  // validated; 'assign' is the handler role without a record. The services check the record's rule again.
  const handles = guard((a) => proposalPolicy.authorize(a, 'proposal', 'assign'));
  const handlesRecord = guard(async (a, req) => {
    proposalPolicy.authorize(a, 'proposal', 'assign');
    await loadProposal(ctx.db, a, paramsOf(req, idParam).id);
  });
  api.get(
    '/api/proposals',
    { schema: { summary: '建议提案列表', querystring: listQuery } },
    async (req) => listProposals(ctx, requireActor(req), parse(listQuery, req.query)),
  );
  api.get(
    '/api/proposals/facts',
    {
      schema: {
        summary: '年度报告的建议提案数据',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).describe('年度'),
        }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      proposalPolicy.authorize(actor, 'proposal', 'list');
      const { year } = parse(
        z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }),
        req.query,
      );
      return { facts: await proposalFacts(ctx, actor.departmentId, year) };
    },
  );
  api.post(
    '/api/proposals',
    { schema: { summary: '登记交办的建议提案', body: assignSchema }, preValidation: handles },
    async (req) => {
      const actor = requireActor(req);
      const { id } = await assignProposal(ctx, actor, req.body as never);
      return proposalView(ctx, actor, id);
    },
  );
  api.get(
    '/api/proposals/:id',
    { schema: { summary: '建议提案（期限、可办理的操作）', params: idParam } },
    async (req) => proposalView(ctx, requireActor(req), parse(idParam, req.params).id),
  );
  const post = (
    path: string,
    summary: string,
    body: z.ZodType,
    run: (
      ctx: Ctx,
      actor: ReturnType<typeof requireActor>,
      id: string,
      body: never,
    ) => Promise<void>,
  ) =>
    api.post(
      `/api/proposals/:id${path}`,
      { schema: { summary, params: idParam, body }, preValidation: handlesRecord },
      async (req) => {
        const actor = requireActor(req);
        const { id } = parse(idParam, req.params);
        await run(ctx, actor, id, req.body as never);
        return proposalView(ctx, actor, id);
      },
    );
  post('/act', '办理建议提案', actSchema, actOnProposal);
  post('/co-opinion', '提出协办意见', coOpinionSchema, submitCoOpinion);
  post('/publish', '公开复文', publishSchema, publishReply);
}
