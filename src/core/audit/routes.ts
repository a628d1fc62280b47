import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, noBody, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { contentDisposition } from '../files/service.ts';
import { chinaDate } from '../clock.ts';
import { listAudit } from './service.ts';
import { boundAuditFiles } from './keys.ts';
import { exportCheckpoints, verifyOnServer } from './export.ts';

const query = z.object({
  before: z.coerce.number().int().positive().optional().describe('起始序号'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
  action: z.string().trim().max(64).optional().describe('操作类型'),
  actorId: z.uuid().optional().describe('操作人'),
});

export function auditRoutes(app: FastifyInstance, ctx: Ctx): void {
  // The key and file copy the server bound at start (enableAuditCheckpoints): looked up per request.
  const files = () => boundAuditFiles(ctx);
  const api = app.withTypeProvider<ZodProvider>();
  const read = guard((a) => authorize(a, 'auditLog', 'read'));
  api.get('/api/audit', { schema: { summary: '审计日志', querystring: query }, preValidation: read }, async (req) => listAudit(ctx, req.query));
  // The chain and its signed checkpoints (table and file copy), 等保2.0 三级 安全审计.
  api.post('/api/audit/verify', { schema: { summary: '校验审计日志链与检查点', body: noBody }, preValidation: read }, async () => verifyOnServer(ctx.db, files()));
  // The 审计管理员 keeps this file away from the server; `audit verify --checkpoints` checks the chain against it.
  api.get('/api/audit/checkpoints/export', { schema: { summary: '导出审计检查点（JSON 文件）' }, preValidation: read }, async (_req, reply) => {
    const doc = await exportCheckpoints(ctx.db, files(), ctx.clock.now());
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition(`审计检查点-${chinaDate(ctx.clock.now())}.json`))
      .send(`${JSON.stringify(doc, null, 2)}\n`);
  });
}
