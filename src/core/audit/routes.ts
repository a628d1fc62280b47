import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parse } from '../http/validate.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { verifyChain } from './chain.ts';
import { listAudit } from './service.ts';

const query = z.object({
  before: z.coerce.number().int().positive().optional().describe('起始序号'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
  action: z.string().trim().max(64).optional().describe('操作类型'),
  actorId: z.uuid().optional().describe('操作人'),
});

export function auditRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/audit', async (req) => {
    const actor = requireActor(req);
    const q = parse(query, req.query);
    authorize(actor, 'auditLog', 'read');
    return listAudit(ctx, q);
  });
  app.post('/api/audit/verify', async (req) => {
    authorize(requireActor(req), 'auditLog', 'read');
    return verifyChain(ctx.db);
  });
}
