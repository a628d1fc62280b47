import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { guard, noBody, type ZodProvider } from '../http/schema.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import type { Actor } from '../auth/actor.ts';
import { ROLES } from '../auth/roles.ts';
import { getSetting, securitySettings, updateSecuritySettings } from '../settings/service.ts';
import { settingFormRoute } from '../settings/forms.ts';
import { formsRoute } from '../http/forms.ts';
import { fieldsSchema } from '../procedure/fieldSchema.ts';
import { ADMIN_FORMS, USER_FORM } from './forms.ts';
import {
  assignRoles,
  createUser,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from './service.ts';

const idParam = z.object({ id: z.uuid().describe('用户编号') });
// The 新增用户 form's fields (forms.ts); editing may change any of them but the 用户名, and 启用状态.
const createBody = fieldsSchema(USER_FORM);
const patchBody = createBody
  .omit({ username: true })
  .partial()
  .extend({ active: z.boolean().optional().describe('启用状态') });
const rolesBody = z.object({
  roles: z
    .array(z.enum(ROLES as [string, ...string[]]).describe('角色'))
    .max(9)
    .describe('角色'),
});

const ok = z.object({ ok: z.literal(true) });
const manage = guard((a) => authorize(a, 'user', 'manage'));

export function userRoutes(app: FastifyInstance, ctx: Ctx): void {
  const api = app.withTypeProvider<ZodProvider>();
  api.get(
    '/api/admin/users',
    { schema: { summary: '用户列表' }, preValidation: guard(authorizeAny) },
    async () => ({ items: await listUsers(ctx) }),
  );
  api.post(
    '/api/admin/users',
    { schema: { summary: '新建用户（返回初始密码）', body: createBody }, preValidation: manage },
    async (req, reply) => {
      const { id, initialPassword } = await createUser(ctx, requireActor(req), req.body);
      const user = (await listUsers(ctx)).find((u) => u.id === id);
      return reply.status(201).send({ user, initialPassword });
    },
  );
  api.patch(
    '/api/admin/users/:id',
    {
      schema: { summary: '修改用户', params: idParam, body: patchBody, response: { 200: ok } },
      preValidation: manage,
    },
    async (req) => {
      await updateUser(ctx, requireActor(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: { summary: '重置密码（返回新的初始密码）', params: idParam, body: noBody },
      preValidation: manage,
    },
    async (req) => resetPassword(ctx, requireActor(req), req.params.id),
  );
  api.put(
    '/api/admin/users/:id/roles',
    {
      schema: { summary: '分配角色', params: idParam, body: rolesBody, response: { 200: ok } },
      preValidation: guard((a) => authorize(a, 'user', 'assignRoles')),
    },
    async (req) => {
      await assignRoles(
        ctx,
        requireActor(req),
        req.params.id,
        req.body.roles as (typeof ROLES)[number][],
      );
      return { ok: true as const };
    },
  );
  api.post(
    '/api/admin/users/:id/unlock',
    {
      schema: { summary: '解除锁定', params: idParam, body: noBody, response: { 200: ok } },
      preValidation: guard((a) => authorize(a, 'user', 'unlock')),
    },
    async (req) => {
      await unlockUser(ctx, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
  formsRoute(app, 'admin', {
    summary: '新增、编辑用户和机构的表单',
    guard: (a) => authorize(a, 'user', 'manage'),
    forms: ADMIN_FORMS,
  });
  const security = guard((a) => authorize(a, 'securitySettings', 'manage'));
  settingFormRoute(app, '/api/admin/security-settings', securitySettings, security);
  api.get(
    '/api/admin/security-settings',
    {
      schema: { summary: '安全设置', response: { 200: securitySettings.schema } },
      preValidation: security,
    },
    async () => getSetting(ctx.db, securitySettings, ctx.clock.now().getTime(), 0),
  );
  api.put(
    '/api/admin/security-settings',
    {
      schema: {
        summary: '修改安全设置',
        body: securitySettings.schema,
        response: { 200: securitySettings.schema },
      },
      preValidation: security,
    },
    async (req) => {
      await updateSecuritySettings(ctx, requireActor(req), req.body);
      return req.body;
    },
  );
}

// The user list serves both the 系统管理员 (accounts) and the 安全管理员 (roles).
function authorizeAny(actor: Actor) {
  try {
    authorize(actor, 'user', 'manage');
  } catch {
    authorize(actor, 'user', 'assignRoles');
  }
}
