// HTTP helpers shared by the portal's own routes and by module portal pages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import '@fastify/cookie';
import { issuePortalCsrf } from './csrf.tsx';
import { renderPage, type Crumb, type PortalSection, type PortalSite } from './layout.tsx';

export const ELDER_COOKIE = 'fazhi_elder';
export const ELDER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60; // one year, in seconds

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PORTAL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function applyPortalSecurityHeaders(reply: FastifyReply): void {
  reply.headers(PORTAL_SECURITY_HEADERS);
}

/** True when the visitor has switched on 长者模式. */
export function isElder(request: FastifyRequest): boolean {
  return request.cookies?.[ELDER_COOKIE] === '1';
}

const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

/**
 * A same-site relative path (with its query) to redirect to, or '/' for anything else:
 * absolute URLs, scheme-relative '//host', backslash tricks, control characters.
 */
export function safeReturnPath(input: unknown): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > 2048) return '/';
  if (input[0] !== '/' || input[1] === '/' || input[1] === '\\') return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(input)) return '/';
  let url: URL;
  try {
    url = new URL(input, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  const path = url.pathname + url.search;
  return path.startsWith('//') ? '/' : path;
}

/** The first string value of a query/body field (repeated fields arrive as arrays). */
export function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** What a module needs to render a page in the portal layout (a subset of PortalDeps). */
export interface PortalPageContext {
  getSite(): Promise<PortalSite>;
  sections: PortalSection[];
  secureCookies: boolean;
  disclosurePath?: string;
}

export interface PortalPageOptions {
  title: string;
  children: ReactNode;
  status?: number;
  breadcrumbs?: Crumb[];
  home?: boolean;
}

/** Renders a page in the portal layout and sends it with the portal's security headers. */
export async function sendPortalPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PortalPageContext,
  opts: PortalPageOptions,
): Promise<FastifyReply> {
  const site = await ctx.getSite();
  const csrfToken = issuePortalCsrf(request, reply, { secure: ctx.secureCookies });
  const html = renderPage({
    title: opts.title,
    elder: isElder(request),
    path: request.url,
    site,
    csrfToken,
    sections: ctx.sections,
    disclosurePath: ctx.disclosurePath,
    breadcrumbs: opts.breadcrumbs ?? (opts.home ? undefined : [{ title: opts.title }]),
    home: opts.home,
    children: opts.children,
  });
  applyPortalSecurityHeaders(reply);
  return reply
    .code(opts.status ?? 200)
    .header('cache-control', 'private, no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}
