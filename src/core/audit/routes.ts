import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, noBody, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { contentDisposition } from '../files/service.ts';
import { chinaDate } from '../clock.ts';
import { auditFilterOptions, listAudit } from './service.ts';
import { boundAuditFiles } from './keys.ts';
import { exportCheckpoints, verifyOnServer } from './export.ts';
import { auditCatalogue, type AuditCatalogue, type ModuleAudit } from './labels.ts';
import { CORE_ENTITIES, dateText } from './present.ts';
import { auditWorkbook } from './excel.ts';

const day = z.iso.date();
const filter = z.object({
  actorId: z.uuid().optional().describe('操作人'),
  module: z.string().trim().max(64).optional().describe('业务模块'),
  action: z.string().trim().max(160).optional().describe('操作'),
  from: day.optional().describe('起始日期'),
  to: day.optional().describe('截止日期'),
});
const query = filter.extend({
  before: z.coerce.number().int().positive().optional().describe('起始序号'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export's conditions in words (its 说明 sheet). */
function describe(
  cat: AuditCatalogue,
  f: z.infer<typeof filter>,
  actorName: string | undefined,
): string {
  const parts: string[] = [];
  if (actorName) parts.push(`操作人：${actorName}`);
  if (f.module) parts.push(`业务模块：${cat.moduleLabel(f.module)}`);
  if (f.action)
    parts.push(`操作：${cat.actions.find((a) => a.value === f.action)?.label ?? f.action}`);
  if (f.from || f.to)
    parts.push(`日期：${f.from ? dateText(f.from) : '不限'}至${f.to ? dateText(f.to) : '不限'}`);
  return parts.join('；');
}

export function auditRoutes(
  app: FastifyInstance,
  ctx: Ctx,
  deps: { modules: Array<{ name: string; label: string; audit?: ModuleAudit }> },
): void {
  // The key and file copy the server bound at start (enableAuditCheckpoints): looked up per request.
  const files = () => boundAuditFiles(ctx);
  const cat = auditCatalogue({
    modules: deps.modules,
    procedures: ctx.procedures.all(),
    coreEntities: CORE_ENTITIES,
  });
  const api = app.withTypeProvider<ZodProvider>();
  // 三员分立: the 审计管理员 only (policy auditLog.read).
  const read = guard((a) => authorize(a, 'auditLog', 'read'));
  api.get(
    '/api/audit',
    { schema: { summary: '审计日志', querystring: query }, preValidation: read },
    async (req) => listAudit(ctx, cat, req.query),
  );
  api.get(
    '/api/audit/options',
    { schema: { summary: '审计日志的筛选项（操作人、业务模块、操作）' }, preValidation: read },
    async () => auditFilterOptions(ctx, cat),
  );
  api.get(
    '/api/audit/export.xlsx',
    {
      schema: { summary: '导出审计日志（Excel，按筛选条件）', querystring: filter },
      preValidation: read,
    },
    async (req, reply) => {
      requireActor(req);
      const options = req.query.actorId ? await auditFilterOptions(ctx, cat) : undefined;
      const actor = options?.actors.find((a) => a.id === req.query.actorId)?.label;
      const buf = await auditWorkbook(ctx, cat, req.query, describe(cat, req.query, actor));
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`审计日志-${chinaDate(ctx.clock.now())}.xlsx`),
        )
        .send(buf);
    },
  );
  // The chain and its signed checkpoints (table and file copy), 等保2.0 三级 安全审计.
  api.post(
    '/api/audit/verify',
    { schema: { summary: '校验审计日志链与检查点', body: noBody }, preValidation: read },
    async () => verifyOnServer(ctx.db, files()),
  );
  // The 审计管理员 keeps this file away from the server; `audit verify --checkpoints` checks the chain against it.
  api.get(
    '/api/audit/checkpoints/export',
    { schema: { summary: '导出审计检查点（JSON 文件）' }, preValidation: read },
    async (_req, reply) => {
      const doc = await exportCheckpoints(ctx.db, files(), ctx.clock.now());
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          contentDisposition(`审计检查点-${chinaDate(ctx.clock.now())}.json`),
        )
        .send(`${JSON.stringify(doc, null, 2)}\n`);
    },
  );
}
