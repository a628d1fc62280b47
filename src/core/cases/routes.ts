import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { isoDate, parse } from '../http/validate.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { recordAction } from './service.ts';
import { caseView } from './view.ts';
import { worklist } from './worklist.ts';
import { listNotifications, markRead } from './notifications.ts';

const worklistQuery = z.object({
  filter: z.enum(['all', 'dueSoon', 'overdue']).default('all').describe('筛选'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数'),
});
const idParam = z.object({ id: z.uuid().describe('编号') });
const actBody = z.object({
  action: z.string().trim().min(1).max(64).describe('操作'),
  on: isoDate('办理日期'),
  data: z.record(z.string(), z.unknown()).default({}).describe('办理内容'),
});

export function caseRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/worklist', async (req) => {
    const actor = requireActor(req);
    const q = parse(worklistQuery, req.query);
    authorize(actor, 'case', 'list');
    return worklist(ctx, actor, q);
  });
  app.get('/api/cases/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    return caseView(ctx, actor, id);
  });
  app.post('/api/cases/:id/actions', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const body = parse(actBody, req.body);
    await recordAction(ctx, actor, id, body);
    return caseView(ctx, actor, id);
  });
  app.get('/api/notifications', async (req) => listNotifications(ctx, requireActor(req)));
  app.post('/api/notifications/read-all', async (req) => {
    await markRead(ctx, requireActor(req));
    return { ok: true };
  });
  app.post('/api/notifications/:id/read', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    await markRead(ctx, actor, id);
    return { ok: true };
  });
}
