import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { parse } from '../../core/http/validate.ts';
import { requireActor } from '../../core/http/session.ts';
import { actOnTask, assignTask, importWorkPlan, listTasks, taskView } from './service.ts';
import { supervisionFacts } from './facts.ts';
import { supervisionPolicy } from './policy.ts';

const idParam = z.object({ id: z.uuid().describe('编号') });
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  fact: z.enum(['due', 'closedOnTime']).optional().describe('统计口径'),
  status: z.enum(['open', 'closed']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});

export function supervisionRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/supervision', async (req) => listTasks(ctx, requireActor(req), parse(listQuery, req.query)));
  app.get('/api/supervision/facts', async (req) => {
    const actor = requireActor(req);
    supervisionPolicy.authorize(actor, 'supervisedTask', 'list');
    const { year } = parse(z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') }), req.query);
    return { facts: await supervisionFacts(ctx, actor.departmentId, year) };
  });
  app.post('/api/supervision', async (req) => {
    const actor = requireActor(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { id } = await assignTask(ctx, actor, { ...body, sourceRef: undefined } as never);
    return taskView(ctx, actor, id);
  });
  app.post('/api/supervision/import-plan', async (req) => importWorkPlan(ctx, requireActor(req), req.body as never));
  app.get('/api/supervision/:id', async (req) => taskView(ctx, requireActor(req), parse(idParam, req.params).id));
  app.post('/api/supervision/:id/act', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await actOnTask(ctx, actor, id, req.body as never);
    return taskView(ctx, actor, id);
  });
}
