import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Ctx } from '../core/context.ts';
import { installErrorHandler } from '../core/http/errors.ts';
import { installSession } from '../core/http/session.ts';
import { installHygiene } from '../core/http/hygiene.ts';
import { installRouteSchemas, tagged } from '../core/http/schema.ts';
import { openApiRoutes } from '../core/http/openapi.ts';
import { authRoutes } from '../core/auth/routes.ts';
import { userRoutes } from '../core/users/routes.ts';
import { orgRoutes } from '../core/orgs/routes.ts';
import { auditRoutes } from '../core/audit/routes.ts';
import { calendarRoutes } from '../core/calendar/routes.ts';
import { caseRoutes } from '../core/cases/routes.ts';
import { MODULES, factProviders, portalSections } from './modules.ts';
import { computeDue } from '../core/calendar/calendar.ts';
import { portalErrorPage, portalPlugin } from '../portal/plugin.tsx';
import { fileRoutes } from '../core/files/routes.ts';
import { labelRoute } from '../core/http/labels.ts';
import { formsRoute } from '../core/http/forms.ts';
import { numberingRoutes } from '../core/numbering/routes.ts';
import { siteOf } from './site.ts';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  ctx: Ctx;
  /** Set behind TLS (the proxy terminates it): cookies get the Secure flag. */
  secureCookies?: boolean;
  logger?: boolean | object;
  /** The proxies' addresses/CIDRs trusted for X-Forwarded-For (FAZHI_TRUST_PROXY); never all. */
  trustProxy?: false | string[];
  /** Absolute session lifetime in hours (FAZHI_SESSION_MAX_HOURS, default 12). */
  sessionMaxHours?: number;
  webDir?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const secureCookies = !!opts.secureCookies;
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Request ids come from the load balancer when it sets one, so logs correlate across hops.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // One line per request (the onResponse hook below) instead of Fastify's two ("incoming request",
    // "request completed"): without this each request was logged twice. Through the log controller,
    // as Fastify 5.12 deprecates the top-level option (FSTDEP023) and 6 removes it.
    logController: new LogController({ disableRequestLogging: true }),
  });
  ctx.log = app.log;
  // Routes validate by the zod schemas in their options; the same schemas make /api/openapi.json.
  installRouteSchemas(app);
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  // One portal page context (site header, sections, cookies) for every portal page and error page.
  const sections = portalSections;
  const portalPage = { getSite: () => siteOf(ctx), sections, secureCookies };
  installErrorHandler(app, portalErrorPage(portalPage));
  // NUL/lone surrogates → field-named 400, Origin: null → 403, nosniff on every response (before any route).
  installHygiene(app);
  await app.register(cookie);
  await app.register(formbody);
  // Uploads: one file per request; the per-file cap (a setting, default 20 MB) is applied by the route.
  // Parts, fields and header pairs are bounded too: a flood of parts is refused (400), not parsed.
  await app.register(multipart, {
    limits: {
      files: 1,
      fields: 10,
      parts: 12,
      headerPairs: 50,
      fieldSize: 64 * 1024,
      fileSize: 200 * 1024 * 1024,
    },
  });
  await app.register(rateLimit, { global: false });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  installSession(app, ctx, { sessionMaxHours: opts.sessionMaxHours });

  app.get('/healthz', async (_req, reply) => {
    try {
      await ctx.database.ping();
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', message: '数据库不可用' });
    }
  });

  tagged('登录与会话', () =>
    authRoutes(app, ctx, {
      secureCookies,
      abilities: MODULES.flatMap((m) => (m.abilities ? [m.abilities] : [])),
    }),
  );
  tagged('用户与安全设置', () => userRoutes(app, ctx));
  tagged('机构', () => orgRoutes(app, ctx));
  tagged('审计日志', () => auditRoutes(app, ctx, { modules: MODULES }));
  tagged('工作日历', () => calendarRoutes(app, ctx));
  tagged('案件与待办', () => caseRoutes(app, ctx));
  const publicFileChecks = MODULES.flatMap((m) => (m.isPublicFile ? [m.isPublicFile] : []));
  tagged('文件', () =>
    fileRoutes(app, ctx, {
      isPublic: async (db, fileId) =>
        (await Promise.all(publicFileChecks.map((f) => f(db, fileId)))).some(Boolean),
      readers: MODULES.flatMap((m) => (m.fileReader ? [m.fileReader] : [])),
    }),
  );
  tagged('文号', () => numberingRoutes(app, ctx));
  for (const m of MODULES)
    tagged(m.label, () => {
      if (m.labels) labelRoute(app, m.name, m.labels);
      if (m.forms) formsRoute(app, m.name, m.forms);
      m.routes?.(app, ctx, { facts: factProviders });
    });
  openApiRoutes(app, { title: '法治工作台接口', version: '1' });

  await registerWorkbench(app, opts.webDir ?? WEB_DIR);
  for (const m of MODULES) if (m.portal) await app.register(m.portal(ctx, portalPage));
  await app.register(
    portalPlugin({
      getSite: () => siteOf(ctx),
      sections,
      computeDue: (input) => computeDue(ctx.calendar.current(), input),
      today: () => ctx.clock.today(),
      secureCookies,
    }),
  );
  return app;
}

/** The staff workbench (a Vite build) at /app/, with the SPA's client-side routes falling back to index.html. */
async function registerWorkbench(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/app/*', async (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><title>法治工作台</title><main><h1>工作台前端尚未构建</h1><p>请运行 npm run build:web</p></main></html>',
        ),
    );
    return;
  }
  // cacheControl: false: the headers below are ours (the fingerprinted assets immutable, the rest revalidated).
  await app.register(fastifyStatic, { root: webDir, serve: false, cacheControl: false });
  const html = fs.readFileSync(index, 'utf8');
  // Ant Design injects <style> at runtime: styles may be inline, scripts only from our origin.
  const spa = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      )
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .send(html);
  app.get('/app', spa);
  app.get('/app/', spa);
  app.get('/app/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.join(webDir, rel);
    if (rel && file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply
        .header(
          'cache-control',
          rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
        .sendFile(rel);
    }
    return spa(req, reply);
  });
}
