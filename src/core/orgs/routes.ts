import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../auth/roles.ts';
import { createOrg, listOrgs, orgKindLabel, updateOrg, type Organisation } from './service.ts';

const kinds = Object.keys(ORG_KIND_LABELS) as [OrgKind, ...OrgKind[]];
const fields = {
  name: z.string().trim().min(2).max(100).describe('机构名称'),
  kind: z.enum(kinds).describe('机构类型'),
  parentId: z.uuid().nullable().optional().describe('上级机构'),
  // GB 32100-2015: 18 characters of digits and upper-case letters (no I, O, S, V, Z).
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '应为18位统一社会信用代码')
    .nullable()
    .optional()
    .describe('统一社会信用代码'),
  docPrefix: z.string().trim().min(1).max(10).nullable().optional().describe('机关代字'),
  address: z.string().trim().max(200).nullable().optional().describe('地址'),
  phone: z.string().trim().max(50).nullable().optional().describe('电话'),
};
const createBody = z.object(fields);
const patchBody = z.object({
  ...fields,
  name: fields.name.optional(),
  kind: fields.kind.optional(),
});
const idParam = z.object({ id: z.uuid().describe('机构编号') });

const present = (o: Organisation) => ({ ...o, kindLabel: orgKindLabel(o.kind) });

export function orgRoutes(app: FastifyInstance, ctx: Ctx): void {
  // The org list is reference data every signed-in user needs (pickers, names).
  const api = app.withTypeProvider<ZodProvider>();
  const manage = guard((a) => authorize(a, 'organisation', 'manage'));
  api.get('/api/admin/orgs', { schema: { summary: '机构列表' } }, async () => ({
    items: (await listOrgs(ctx.db)).map(present),
  }));
  api.post(
    '/api/admin/orgs',
    { schema: { summary: '新建机构', body: createBody }, preValidation: manage },
    async (req, reply) =>
      reply.status(201).send(present(await createOrg(ctx, requireActor(req), req.body))),
  );
  api.patch(
    '/api/admin/orgs/:id',
    { schema: { summary: '修改机构', params: idParam, body: patchBody }, preValidation: manage },
    async (req) => present(await updateOrg(ctx, requireActor(req), req.params.id, req.body)),
  );
}
