import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parse } from '../http/validate.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../http/session.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { abilities } from './policy.ts';
import { changePassword, login, logout, type SessionInfo } from './service.ts';
import { ORG_KIND_LABELS, ROLE_LABELS } from './roles.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(256).describe('密码'),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(256).describe('当前密码'),
  newPassword: z.string().min(1).max(256).describe('新密码'),
});

const present = (s: SessionInfo, more: Array<(a: Actor) => Record<string, boolean>>) => ({
  user: {
    id: s.actor.userId,
    username: s.actor.username,
    displayName: s.actor.displayName,
    orgId: s.actor.orgId,
    orgName: s.actor.orgName,
    roles: s.actor.roles,
    mustChangePassword: s.actor.mustChangePassword,
  },
  csrfToken: s.csrfToken,
  abilities: Object.assign(abilities(s.actor), ...more.map((f) => f(s.actor))),
});

export function authRoutes(app: FastifyInstance, ctx: Ctx, opts: { secureCookies: boolean; abilities?: Array<(a: Actor) => Record<string, boolean>> }): void {
  const more = opts.abilities ?? [];
  app.post('/api/auth/login', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    // Login CSRF: a cross-site form post carries a foreign Origin; refuse it.
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) throw new AppError('CSRF', '请求来源不被允许');
    const body = parse(loginBody, req.body);
    // req.ip: the socket address, or the client address given by the trusted proxy hops (FAZHI_TRUST_PROXY).
    const result = await login(ctx, { ...body, source: req.ip });
    setSessionCookie(reply, result.token, opts.secureCookies);
    return present(result, more);
  });

  app.get('/api/auth/session', async (req) => {
    requireActor(req);
    return present(req.session!, more);
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const actor = requireActor(req);
    await logout(ctx, actor, req.session!.sessionId);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.post('/api/auth/password', async (req) => {
    const actor = requireActor(req);
    const body = parse(passwordBody, req.body);
    await changePassword(ctx, actor, req.session!.sessionId, body);
    return { ok: true };
  });

  app.get('/api/meta', async () => ({
    roles: Object.entries(ROLE_LABELS).map(([code, label]) => ({ code, label })),
    orgKinds: Object.entries(ORG_KIND_LABELS).map(([code, label]) => ({ code, label })),
  }));
}
