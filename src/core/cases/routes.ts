import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { isoDate } from '../http/validate.ts';
import { guard, noBody, paramsOf, type ZodProvider } from '../http/schema.ts';
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
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/worklist',
    {
      schema: { summary: '我的待办', querystring: worklistQuery },
      preValidation: guard((a) => authorize(a, 'case', 'worklist')),
    },
    async (req) => worklist(ctx, requireActor(req), req.query),
  );
  api.get(
    '/api/cases/:id',
    { schema: { summary: '案件（办理情况、可办理的操作）', params: idParam } },
    async (req) => caseView(ctx, requireActor(req), req.params.id),
  );
  // The case is read (its scope: 404) before the act's body is looked at.
  api.post(
    '/api/cases/:id/actions',
    {
      schema: { summary: '办理案件的一项操作', params: idParam, body: actBody },
      preValidation: guard((a, req) => caseView(ctx, a, paramsOf(req, idParam).id)),
    },
    async (req) => {
      const actor = requireActor(req);
      await recordAction(ctx, actor, req.params.id, req.body);
      return caseView(ctx, actor, req.params.id);
    },
  );
  api.get('/api/notifications', { schema: { summary: '我的通知' } }, async (req) =>
    listNotifications(ctx, requireActor(req)),
  );
  api.post(
    '/api/notifications/read-all',
    { schema: { summary: '全部通知标为已读', body: noBody } },
    async (req) => {
      await markRead(ctx, requireActor(req));
      return { ok: true };
    },
  );
  api.post(
    '/api/notifications/:id/read',
    { schema: { summary: '一条通知标为已读', params: idParam, body: noBody } },
    async (req) => {
      await markRead(ctx, requireActor(req), req.params.id);
      return { ok: true };
    },
  );
}
