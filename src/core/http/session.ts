import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Ctx } from '../context.ts';
import type { Actor } from '../auth/actor.ts';
import { resolveSession, type SessionInfo } from '../auth/service.ts';

export const SESSION_COOKIE = 'fazhi_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Reachable without a session (login) or before the initial password is changed.
const NO_CSRF = new Set(['/api/auth/login']);
/**
 * The workbench marks its background polls (notification bell, refreshes nobody asked for) with
 * `x-fazhi-background: 1`: they are checked like any request but do not keep the session alive, so
 * an open tab still times out after the idle timeout (等保: 登录连接超时自动退出).
 */
export const BACKGROUND_HEADER = 'x-fazhi-background';
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/auth/session',
  '/api/auth/password',
  '/api/auth/forms',
  '/api/auth/logout',
  '/api/meta',
]);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionError: AppError | null;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Resolves the session of every /api request and enforces CSRF on state-changing ones: the
 * session's token must come back in `x-csrf-token` (SameSite=Strict is the second line).
 */
export function installSession(
  app: FastifyInstance,
  ctx: Ctx,
  opts: { sessionMaxHours?: number } = {},
): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionError', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const raw = req.cookies[SESSION_COOKIE];
    if (raw) {
      try {
        req.session = await resolveSession(ctx, raw, {
          background: req.headers[BACKGROUND_HEADER] === '1',
          maxHours: opts.sessionMaxHours,
        });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        req.sessionError = e;
        clearSessionCookie(reply);
      }
    }
    const path = req.routeOptions.url ?? req.url.split('?')[0];
    if (UNSAFE.has(req.method) && !NO_CSRF.has(path)) {
      if (!req.session) throw req.sessionError ?? new AppError('UNAUTHENTICATED', '请先登录');
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !same(header, req.session.csrfToken)) {
        throw new AppError('CSRF', '请求校验失败（CSRF），请刷新页面后重试');
      }
    }
  });
}

/** The signed-in actor, or 401; 403 PASSWORD_CHANGE_REQUIRED until the initial password is changed. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.session) throw req.sessionError ?? new AppError('UNAUTHENTICATED', '请先登录');
  const actor = req.session.actor;
  const path = req.routeOptions.url ?? '';
  if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已重置，请先修改密码');
  }
  return actor;
}
