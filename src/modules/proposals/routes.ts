import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { actOnProposal, assignProposal, listProposals, proposalView, publishReply, submitCoOpinion } from './service.ts';
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
  app.get('/api/proposals', async (req) => listProposals(ctx, requireActor(req), parse(listQuery, req.query)));
  app.get('/api/proposals/facts', async (req) => {
    const actor = requireActor(req);
    proposalPolicy.authorize(actor, 'proposal', 'list');
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    return { facts: await proposalFacts(ctx, actor.departmentId, year) };
  });
  app.post('/api/proposals', async (req) => {
    const actor = requireActor(req);
    const { id } = await assignProposal(ctx, actor, req.body as never);
    return proposalView(ctx, actor, id);
  });
  app.get('/api/proposals/:id', async (req) => proposalView(ctx, requireActor(req), parse(idParam, req.params).id));
  const post = (path: string, run: (ctx: Ctx, actor: ReturnType<typeof requireActor>, id: string, body: never) => Promise<void>) =>
    app.post(`/api/proposals/:id${path}`, async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      await run(ctx, actor, id, req.body as never);
      return proposalView(ctx, actor, id);
    });
  post('/act', actOnProposal);
  post('/co-opinion', submitCoOpinion);
  post('/publish', publishReply);
}
