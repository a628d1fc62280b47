import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import { fieldsSchema } from '../procedure/fieldSchema.ts';
import { ORG_FORM } from './forms.ts';
import { createOrg, listOrgs, orgKindLabel, updateOrg, type Organisation } from './service.ts';

// The 机构 form's fields (forms.ts), and 地址 and 电话, the API's own.
const fields = {
  ...fieldsSchema(ORG_FORM).shape,
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
