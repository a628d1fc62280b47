// Double-submit CSRF protection for the public portal's forms (no sessions on the portal).
//
// issuePortalCsrf() reuses or sets a random token in the cookie `fazhi_pcsrf` (HttpOnly,
// SameSite=Lax) and returns it for a hidden <input name="_csrf">. verifyPortalCsrf() accepts a
// POST only when the form field equals the cookie (constant-time) and the browser did not mark
// the request as cross-site (Sec-Fetch-Site), so a foreign page cannot submit the form.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';

export const PORTAL_CSRF_COOKIE = 'fazhi_pcsrf';
export const PORTAL_CSRF_FIELD = '_csrf';

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

function cookieToken(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[PORTAL_CSRF_COOKIE];
  return typeof value === 'string' && TOKEN_RE.test(value) ? value : undefined;
}

/** Returns the request's CSRF token, creating it (and setting the cookie) when missing. */
export function issuePortalCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { secure: boolean },
): string {
  const existing = cookieToken(request);
  if (existing) return existing;
  // Two renders in one request (e.g. an error page) must share one token.
  const pending = (request as FastifyRequest & { fazhiPortalCsrf?: string }).fazhiPortalCsrf;
  if (pending) return pending;
  const token = randomBytes(32).toString('base64url');
  (request as FastifyRequest & { fazhiPortalCsrf?: string }).fazhiPortalCsrf = token;
  reply.setCookie(PORTAL_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
  });
  return token;
}

/** The hidden form field that carries the token. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={PORTAL_CSRF_FIELD} value={token} />;
}

/** Issues the token and returns it with its hidden field, ready to put in a <form>. */
export function portalCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { secure: boolean },
) {
  const token = issuePortalCsrf(request, reply, opts);
  return { token, field: <CsrfField token={token} /> };
}

/** True when a POST carries a valid double-submitted token and is not cross-site. */
export function verifyPortalCsrf(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const cookie = cookieToken(request);
  const body = request.body;
  const field =
    body && typeof body === 'object'
      ? (body as Record<string, unknown>)[PORTAL_CSRF_FIELD]
      : undefined;
  if (!cookie || typeof field !== 'string' || !TOKEN_RE.test(field)) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}

export const CSRF_FAILED_MESSAGE =
  '安全校验未通过：页面可能已过期，或请求并非从本网站页面提交。请返回上一页刷新后重试；如浏览器禁用了 Cookie，请先启用。';
