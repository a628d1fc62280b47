/**
 * The OpenAPI 3.1 document of the staff API, made from the route table (schema.ts) with zod's own
 * JSON Schema output, and its reference page (Swagger UI, served from node_modules: no CDN on an
 * intranet). Both need a signed-in account: they describe internal endpoints and their limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from './session.ts';
import { routeTable, type RouteEntry } from './schema.ts';

type Json = Record<string, unknown>;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Whether a route takes a request body that the document must describe. */
export const acceptsBody = (method: string) => BODY_METHODS.has(method);

const errorSchema = {
  type: 'object',
  description:
    '错误：code 为稳定的错误代码，message 为可直接显示的中文说明，fields 列出每个字段的问题',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: {
          type: 'string',
          description: '错误代码，如 VALIDATION、UNAUTHENTICATED、FORBIDDEN、NOT_FOUND',
        },
        message: { type: 'string', description: '中文说明' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
            required: ['path', 'message'],
          },
        },
        requestId: { type: 'string', description: '请求编号' },
      },
      required: ['code', 'message', 'requestId'],
    },
  },
  required: ['error'],
};

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends it (`io: 'input'`). */
function jsonSchema(schema: unknown, io: 'input' | 'output' = 'input'): Json {
  if (!(schema instanceof z.ZodType)) return {};
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete out.$schema;
  return out;
}

function parameters(schema: unknown, where: 'path' | 'query'): Json[] {
  const s = jsonSchema(schema);
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    schema: p,
  }));
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operationId = (method: string, url: string) =>
  method.toLowerCase() +
  url
    .replace(/^\/api/, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((s) =>
      s.startsWith(':') ? `By${s[1].toUpperCase()}${s.slice(2)}` : s[0].toUpperCase() + s.slice(1),
    )
    .join('');

function operation(r: RouteEntry): Json {
  const s = r.schema;
  const params = [...parameters(s.params, 'path'), ...parameters(s.querystring, 'query')];
  const response = (s.response ?? {}) as Record<string, unknown>;
  const ok = Object.entries(response).filter(([code]) => /^2/.test(code));
  const op: Json = {
    operationId: operationId(r.method, r.url),
    summary: s.summary ?? '',
    tags: [r.tag],
    ...(s.description ? { description: s.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    responses: {
      ...(ok.length
        ? Object.fromEntries(
            ok.map(([code, schema]) => [
              code,
              {
                description: '成功',
                content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
              },
            ]),
          )
        : { 200: { description: '成功' } }),
      default: {
        description:
          '错误（400 校验失败、401 未登录、403 无权、404 不存在或无权访问、409 不允许的操作）',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
  if (s.consumes?.includes('multipart/form-data')) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary', description: '文件' } },
            required: ['file'],
          },
        },
      },
    };
  } else if (s.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(s.body) } },
    };
  }
  if (r.public) op.security = [];
  return op;
}

/** The document of every /api route in the table (the document's own routes aside). */
export function openApiDocument(
  app: FastifyInstance,
  info: { title: string; version: string },
): Json {
  const paths: Record<string, Json> = {};
  const tags = new Set<string>();
  for (const r of routeTable(app)) {
    if (!r.url.startsWith('/api/') || r.schema.hide) continue;
    const p = (paths[openApiPath(r.url)] ??= {});
    p[r.method.toLowerCase()] = operation(r);
    tags.add(r.tag);
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        '法治工作台的接口。登录（POST /api/auth/login）后以会话 Cookie 调用；修改数据的请求须在 x-csrf-token 头中带回会话的 csrfToken。错误一律为 { error: { code, message, fields?, requestId } }，message 为中文。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...tags].map((name) => ({ name })),
    security: [{ session: [], csrf: [] }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: '登录后服务器设置的会话 Cookie',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: '会话的 csrfToken（POST、PUT、PATCH、DELETE 须带）',
        },
      },
    },
  };
}

const require = createRequire(import.meta.url);
const UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const UI_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
// Swagger UI sets styles inline and shows inline (data:) images; scripts only from our origin.
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>法治工作台接口文档</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main><h1 class="visually-hidden" style="position:absolute;left:-9999px">法治工作台接口文档</h1><div id="swagger-ui"></div></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
// No validator badge (it would call an outside service), the document from this server only.
// "Try it out" calls carry the session's CSRF token, read from the session like the workbench does.
const INIT = `var csrf = null;
fetch('/api/auth/session', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) { csrf = s.csrfToken || null; });
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true,
  requestInterceptor: function (req) { if (csrf) req.headers['x-csrf-token'] = csrf; return req; } });\n`;

/** GET /api/openapi.json and the reference page at /api/docs (signed-in accounts only). */
export function openApiRoutes(
  app: FastifyInstance,
  info: { title: string; version: string },
): void {
  let doc: Json | undefined;
  const hide = { hide: true };
  app.get(
    '/api/openapi.json',
    { schema: { ...hide, summary: '接口文档（OpenAPI 3.1）' } },
    async () => (doc ??= openApiDocument(app, info)),
  );
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DOCS_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .send(PAGE);
  app.get('/api/docs', { schema: { ...hide, summary: '接口文档页面' } }, page);
  app.get('/api/docs/', { schema: { ...hide, summary: '接口文档页面' } }, page);
  app.get(
    '/api/docs/init.js',
    { schema: { ...hide, summary: '接口文档页面脚本' } },
    async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(INIT),
  );
  for (const [file, type] of Object.entries(UI_FILES)) {
    let content: Buffer | undefined;
    app.get(
      `/api/docs/${file}`,
      { schema: { ...hide, summary: '接口文档页面资源' } },
      async (_req, reply) =>
        reply.type(type).send((content ??= fs.readFileSync(path.join(UI_DIR, file)))),
    );
  }
}
