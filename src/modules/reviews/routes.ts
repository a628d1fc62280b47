import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { authorize } from '../../core/auth/policy.ts';
import { concludeMatter, submitSchema, submitStandalone, supplementMaterials, withdrawMatter } from './service.ts';
import { assignReviewers, giveOpinion, markAdoption } from './opinions.ts';
import { listMatters, listOpinions, reviewerCandidates } from './queue.ts';
import { matterView } from './view.ts';
import { advisorBody, createAdvisor, listAdvisors, updateAdvisor } from './advisors.ts';
import { reviewFacts } from './facts.ts';
import { readReviewLimits, updateReviewLimits } from './settings.ts';
import { ADOPTIONS, CONCLUSIONS, MATTER_STATUSES, MATTER_TYPES, reviewSettings } from './labels.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const text = (label: string, max: number, min = 0) => z.string().trim().min(min).max(max).describe(label);
const year = (label = '年度') => z.coerce.number().int().min(2000).max(2100).describe(label);
const listQuery = z.object({
  type: z.enum(MATTER_TYPES).optional().describe('事项类型'),
  status: z.enum(MATTER_STATUSES).optional().describe('状态'),
  assignee: z.string().regex(/^(me|none|[ua]:[0-9a-f-]{36})$/i, '无效').optional().describe('审查人员'),
  concludedIn: year('审结年度').optional(),
  q: text('关键词', 100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
const newMatter = submitSchema.omit({ departmentId: true, caseId: true });
const assignBody = z.object({ userIds: z.array(z.uuid().describe('法制审核人员')).max(20).default([]).describe('法制审核人员'), advisorIds: z.array(z.uuid().describe('法律顾问')).max(20).default([]).describe('法律顾问、公职律师') });
const opinionBody = z.object({ body: text('意见内容', 20_000, 2), assignmentId: z.uuid().optional().describe('代为录入的审查人员') });
const adoptionBody = z.object({ adoption: z.enum(ADOPTIONS).describe('采纳情况'), reason: text('理由', 2000).optional() });
const concludeBody = z.object({ conclusion: z.enum(CONCLUSIONS).describe('审查结论'), opinion: text('审查意见', 20_000, 2) });

export function reviewRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/reviews', async (req) => listMatters(ctx, requireActor(req), parse(listQuery, req.query)));
  app.post('/api/reviews', async (req) => {
    const actor = requireActor(req);
    const { id } = await submitStandalone(ctx, actor, parse(newMatter, req.body));
    return matterView(ctx, actor, id);
  });
  app.get('/api/reviews/reviewers', async (req) => reviewerCandidates(ctx, requireActor(req)));
  app.get('/api/reviews/opinions', async (req) => {
    const q = parse(z.object({ year: year(), adopted: z.enum(['true', 'false']).optional().describe('仅已采纳') }), req.query);
    return listOpinions(ctx, requireActor(req), { year: q.year, adopted: q.adopted === 'true' });
  });
  app.get('/api/reviews/facts', async (req) => {
    const actor = requireActor(req);
    authorize(actor, 'legalAdvisor', 'list');
    return { facts: await reviewFacts(ctx, actor.departmentId, parse(z.object({ year: year() }), req.query).year) };
  });
  app.get('/api/reviews/settings', async (req) => readReviewLimits(ctx, requireActor(req)));
  app.put('/api/reviews/settings', async (req) => updateReviewLimits(ctx, requireActor(req), parse(reviewSettings.schema, req.body)));
  app.get('/api/reviews/:id', async (req) => matterView(ctx, requireActor(req), parse(idParam, req.params).id));

  // Each use case: validate → one service call → the fresh matter page.
  const post = <S extends z.ZodType>(path: string, schema: S, run: (actor: ReturnType<typeof requireActor>, id: string, body: z.output<S>) => Promise<unknown>) =>
    app.post(`/api/reviews/:id${path}`, async (req) => {
      const actor = requireActor(req);
      const { id } = parse(idParam, req.params);
      await run(actor, id, parse(schema, req.body));
      return matterView(ctx, actor, id);
    });
  post('/assign', assignBody, (a, id, b) => assignReviewers(ctx, a, id, b));
  post('/opinions', opinionBody, (a, id, b) => giveOpinion(ctx, a, id, b));
  post('/conclude', concludeBody, (a, id, b) => concludeMatter(ctx, a, id, b));
  post('/withdraw', z.object({ reason: text('撤回理由', 2000, 2) }), (a, id, b) => withdrawMatter(ctx, a, id, b.reason));
  post('/materials', z.object({ fileIds: z.array(z.uuid().describe('送审材料')).min(1).max(50).describe('送审材料') }), (a, id, b) => supplementMaterials(ctx, a, id, b.fileIds));
  app.post('/api/reviews/:id/opinions/:opinionId/adoption', async (req) => {
    const actor = requireActor(req);
    const p = parse(z.object({ id: z.uuid().describe('编号'), opinionId: z.uuid().describe('意见编号') }), req.params);
    await markAdoption(ctx, actor, p.id, p.opinionId, parse(adoptionBody, req.body));
    return matterView(ctx, actor, p.id);
  });

  app.get('/api/legal-advisors', async (req) => ({ items: await listAdvisors(ctx, requireActor(req), parse(z.object({ year: year().optional() }), req.query).year) }));
  app.post('/api/legal-advisors', async (req) => createAdvisor(ctx, requireActor(req), parse(advisorBody, req.body)));
  app.put('/api/legal-advisors/:id', async (req) => updateAdvisor(ctx, requireActor(req), parse(idParam, req.params).id, parse(advisorBody, req.body)));
}
