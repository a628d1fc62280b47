import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.ts';
import { noBody, type ZodProvider } from '../http/schema.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../http/session.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { abilities } from './policy.ts';
import { changePassword, login, logout, type SessionInfo } from './service.ts';
import { ORG_KIND_LABELS, ROLE_LABELS } from './roles.ts';
import { AUTH_FORMS } from './forms.ts';
import { fieldsSchema } from '../procedure/fieldSchema.ts';
import { formsRoute } from '../http/forms.ts';

const loginBody = fieldsSchema(AUTH_FORMS.login);
const passwordBody = fieldsSchema(AUTH_FORMS.password);

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

export function authRoutes(
  app: FastifyInstance,
  ctx: Ctx,
  opts: { secureCookies: boolean; abilities?: Array<(a: Actor) => Record<string, boolean>> },
): void {
  const more = opts.abilities ?? [];
  const api = app.withTypeProvider<ZodProvider>();
  // Login CSRF: a cross-site form post carries a foreign Origin; refuse it (before the body is looked at).
  const sameOrigin = async (req: import('fastify').FastifyRequest) => {
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host)
      throw new AppError('CSRF', '请求来源不被允许');
  };
  api.post(
    '/api/auth/login',
    {
      schema: {
        summary: '登录（设置会话 Cookie，返回用户、csrfToken 与可用功能）',
        body: loginBody,
      },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      preValidation: sameOrigin,
    },
    async (req, reply) => {
      const body = req.body;
      // req.ip: the socket address, or the client address given by the trusted proxy hops (FAZHI_TRUST_PROXY).
      const result = await login(ctx, { ...body, source: req.ip });
      setSessionCookie(reply, result.token, opts.secureCookies);
      return present(result, more);
    },
  );

  api.get(
    '/api/auth/session',
    { schema: { summary: '当前会话（用户、csrfToken 与可用功能）' } },
    async (req) => {
      requireActor(req);
      return present(req.session!, more);
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { summary: '退出登录', body: noBody } },
    async (req, reply) => {
      const actor = requireActor(req);
      await logout(ctx, actor, req.session!.sessionId);
      clearSessionCookie(reply);
      return { ok: true };
    },
  );

  api.post(
    '/api/auth/password',
    { schema: { summary: '修改本人密码', body: passwordBody } },
    async (req) => {
      const actor = requireActor(req);
      await changePassword(ctx, actor, req.session!.sessionId, req.body);
      return { ok: true };
    },
  );

  // Read before signing in (the sign-in form): public, like the sign-in itself; nothing in it is secret.
  formsRoute(app, 'auth', {
    summary: '账号的表单（登录、修改密码）',
    guard: () => true,
    public: true,
    forms: AUTH_FORMS,
  });

  api.get(
    '/api/meta',
    { schema: { summary: '角色与机构类型的名称' }, config: { public: true } },
    async () => ({
      roles: Object.entries(ROLE_LABELS).map(([code, label]) => ({ code, label })),
      orgKinds: Object.entries(ORG_KIND_LABELS).map(([code, label]) => ({ code, label })),
    }),
  );
}
