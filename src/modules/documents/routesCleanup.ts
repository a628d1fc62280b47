/**
 * 清理 campaigns of the legal office (periodic 清理, RULES §2.3 step 11): the list of documents, an
 * opinion on each, the result published. Registered by documentRoutes (routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { guard, noBody, type ZodProvider } from '../../core/http/schema.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from './policy.ts';
import { fieldsSchema } from '../../core/procedure/fieldSchema.ts';
import { CLEANUP_FORMS } from './forms.ts';
import { notFound } from '../../core/errors.ts';
import { campaignList, decide, listCampaigns, openCampaign, publishCampaign } from './cleanup.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
// The bodies are derived from the declared fields (forms.ts).
const cleanupBody = fieldsSchema(CLEANUP_FORMS.openCleanup);
const cleanupItemParams = z.object({
  id: z.uuid().describe('编号'),
  documentId: z.uuid().describe('文件编号'),
});
const cleanupDecision = fieldsSchema(CLEANUP_FORMS.cleanupDecision);

export function cleanupRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  const cleanup = guard((a) => authorize(a, 'normativeDocument', 'cleanup'));
  api.get('/api/document-cleanups', { schema: { summary: '文件清理工作' } }, async (req) => ({
    items: await listCampaigns(ctx, requireActor(req)),
  }));
  api.post(
    '/api/document-cleanups',
    { schema: { summary: '开展文件清理', body: cleanupBody }, preValidation: cleanup },
    async (req) =>
      openCampaign(ctx, requireActor(req), { ...req.body, basis: req.body.basis ?? '' }),
  );
  api.get(
    '/api/document-cleanups/:id',
    {
      schema: { summary: '文件清理工作（清单与意见）', params: idParam },
      preValidation: guard((a) => authorize(a, 'normativeDocument', 'list')),
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await campaignList(ctx.db, req.params.id);
      if (!r || r.campaign.departmentId !== actor.departmentId) throw notFound('清理工作');
      return r;
    },
  );
  api.post(
    '/api/document-cleanups/:id/items/:documentId',
    {
      schema: {
        summary: '提出一件文件的清理意见',
        params: cleanupItemParams,
        body: cleanupDecision,
      },
      preValidation: cleanup,
    },
    async (req) => {
      await decide(ctx, requireActor(req), req.params.id, req.params.documentId, req.body);
      return campaignList(ctx.db, req.params.id);
    },
  );
  api.post(
    '/api/document-cleanups/:id/publish',
    { schema: { summary: '公布清理结果', params: idParam, body: noBody }, preValidation: cleanup },
    async (req) => {
      await publishCampaign(ctx, requireActor(req), req.params.id);
      return campaignList(ctx.db, req.params.id);
    },
  );
}
