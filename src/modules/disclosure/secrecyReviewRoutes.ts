/**
 * The 保密审查 of any case whose procedure carries the fragment (secrecyReview.ts): one route set for every
 * publishing module. The case is read through the core case access and the owning module's loader (out of
 * scope: 404) before a body is looked at.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, paramsOf, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import {
  askSecrecyReview,
  decideSecrecyReview,
  reviewCase,
  secrecyReviewView,
} from './secrecyReviewService.ts';

const idParam = z.object({ id: z.uuid().describe('案件编号') });
const askBody = z.object({ reviewerId: z.uuid().describe('保密审查人') });
const decisionBody = z.object({
  approve: z.boolean().describe('审查结论'),
  opinion: z.string().trim().max(500).optional().describe('审查意见或退回理由'),
});

export function secrecyReviewRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  const inScope = guard((a, req) => reviewCase(ctx, a, paramsOf(req, idParam).id));
  api.get(
    '/api/cases/:id/secrecy-review',
    { schema: { summary: '保密审查：状态、可选审查人与可办理的操作', params: idParam } },
    async (req) => secrecyReviewView(ctx, requireActor(req), req.params.id),
  );
  api.post(
    '/api/cases/:id/secrecy-review',
    {
      schema: { summary: '提请保密审查（指定审查人）', params: idParam, body: askBody },
      preValidation: inScope,
    },
    async (req) => {
      const actor = requireActor(req);
      await askSecrecyReview(ctx, actor, req.params.id, req.body);
      return secrecyReviewView(ctx, actor, req.params.id);
    },
  );
  api.post(
    '/api/cases/:id/secrecy-review/decision',
    {
      schema: { summary: '保密审查：通过或退回', params: idParam, body: decisionBody },
      preValidation: inScope,
    },
    async (req) => {
      const actor = requireActor(req);
      await decideSecrecyReview(ctx, actor, req.params.id, req.body);
      return secrecyReviewView(ctx, actor, req.params.id);
    },
  );
}
