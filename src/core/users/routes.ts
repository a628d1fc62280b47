import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parse } from '../http/validate.ts';
import { requireActor } from '../http/session.ts';
import { authorize } from '../auth/policy.ts';
import type { Actor } from '../auth/actor.ts';
import { ROLES } from '../auth/roles.ts';
import { getSetting, securitySettings, updateSecuritySettings } from '../settings/service.ts';
import { assignRoles, createUser, listUsers, resetPassword, unlockUser, updateUser } from './service.ts';

const idParam = z.object({ id: z.uuid().describe('用户编号') });
const createBody = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,32}$/, '3–32 位字母、数字、点、下划线或连字符').describe('用户名'),
  displayName: z.string().trim().min(1).max(50).describe('姓名'),
  orgId: z.uuid().describe('所属机构'),
});
const patchBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional().describe('姓名'),
  orgId: z.uuid().optional().describe('所属机构'),
  active: z.boolean().optional().describe('启用状态'),
});
const rolesBody = z.object({ roles: z.array(z.enum(ROLES as [string, ...string[]]).describe('角色')).max(9).describe('角色') });

export function userRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/admin/users', async (req) => {
    authorizeAny(requireActor(req));
    return { items: await listUsers(ctx) };
  });
  app.post('/api/admin/users', async (req, reply) => {
    const actor = requireActor(req);
    const body = parse(createBody, req.body);
    authorize(actor, 'user', 'manage');
    const { id, initialPassword } = await createUser(ctx, actor, body);
    const user = (await listUsers(ctx)).find((u) => u.id === id);
    return reply.status(201).send({ user, initialPassword });
  });
  app.patch('/api/admin/users/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const body = parse(patchBody, req.body);
    authorize(actor, 'user', 'manage');
    await updateUser(ctx, actor, id, body);
    return { ok: true };
  });
  app.post('/api/admin/users/:id/reset-password', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    authorize(actor, 'user', 'manage');
    return resetPassword(ctx, actor, id);
  });
  app.put('/api/admin/users/:id/roles', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    const body = parse(rolesBody, req.body);
    authorize(actor, 'user', 'assignRoles');
    await assignRoles(ctx, actor, id, body.roles as (typeof ROLES)[number][]);
    return { ok: true };
  });
  app.post('/api/admin/users/:id/unlock', async (req) => {
    const actor = requireActor(req);
    const { id } = parse(idParam, req.params);
    authorize(actor, 'user', 'unlock');
    await unlockUser(ctx, actor, id);
    return { ok: true };
  });
  app.get('/api/admin/security-settings', async (req) => {
    authorize(requireActor(req), 'securitySettings', 'manage');
    return getSetting(ctx.db, securitySettings, ctx.clock.now().getTime(), 0);
  });
  app.put('/api/admin/security-settings', async (req) => {
    const actor = requireActor(req);
    const body = parse(securitySettings.schema, req.body);
    authorize(actor, 'securitySettings', 'manage');
    await updateSecuritySettings(ctx, actor, body);
    return body;
  });
}

// The user list serves both the 系统管理员 (accounts) and the 安全管理员 (roles).
function authorizeAny(actor: Actor) {
  try {
    authorize(actor, 'user', 'manage');
  } catch {
    authorize(actor, 'user', 'assignRoles');
  }
}

