import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS } from '../errors.ts';

/** Renders an error as an HTML page (the public portal's pages). */
export type HtmlErrorPage = (
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
) => unknown;

const isHtmlPath = (url: string) =>
  !url.startsWith('/api/') && !url.startsWith('/app') && url !== '/healthz';

// @fastify/multipart's errors and busboy's (plain Errors without a code) for a malformed upload.
const MULTIPART_CODES: Record<string, string> = {
  FST_PARTS_LIMIT: '上传请求包含的部分过多',
  FST_FILES_LIMIT: '每次只能上传一个文件',
  FST_FIELDS_LIMIT: '上传请求包含的字段过多',
  FST_REQ_FILE_TOO_LARGE: '文件大小超过上限',
  FST_PROTO_VIOLATION: '上传请求格式不正确',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以上传文件的方式提交（表单文件）',
  FST_INVALID_JSON_FIELD_ERROR: '上传请求格式不正确',
  FST_MP_PREMATURE_CLOSE: '上传请求不完整，请重新上传',
};
const BUSBOY =
  /^(Multipart: Boundary not found|Unexpected end of multipart data|.* terminated early due to unexpected end of multipart data|Malformed part header|Malformed urlencoded form)/;

function multipartMessage(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (e.code && MULTIPART_CODES[e.code]) return `文件：${MULTIPART_CODES[e.code]}`;
  if (typeof e.message === 'string' && BUSBOY.test(e.message))
    return '文件：上传请求格式不正确（内容不完整或分隔符不符），请重新上传';
  return null;
}

// Fields of a database error (drizzle's DrizzleQueryError, PGlite's and node-postgres's errors) that hold
// the query's parameter values or rows built from them (`detail`: "Failing row contains (…)", "Key (…)=(…)").
const VALUE_FIELDS = new Set(['params', 'parameters', 'queryOptions', 'detail']);
const KEPT_FIELDS = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'routine',
  'position',
  'hint',
  'where',
  'query',
];

function paramValues(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 5) return [];
  const e = err as { params?: unknown; parameters?: unknown; cause?: unknown };
  const own = [e.params, e.parameters].flatMap((p) => (Array.isArray(p) ? p : []));
  const values = own
    .flatMap((v) =>
      v === null || v === undefined ? [] : [typeof v === 'object' ? JSON.stringify(v) : String(v)],
    )
    .filter((v) => v.length >= 2);
  return [...values, ...paramValues(e.cause, depth + 1)];
}

/**
 * An error as the log may hold it: no parameter values (applicants' names, ID numbers, phones, tracking
 * codes …). Drops the fields that carry them, cuts drizzle's "params: …" line from the message and the
 * stack, and replaces any parameter value quoted elsewhere (PostgreSQL messages such as `invalid input
 * syntax for type integer: "…"`) by [redacted]. The query text (placeholders $1, $2 …) stays.
 */
export function loggableError(err: unknown, values = paramValues(err), depth = 0): unknown {
  if (!err || typeof err !== 'object' || depth > 5) return err;
  const sorted = [...new Set(values)].sort((a, b) => b.length - a.length);
  const scrub = (text: string) =>
    sorted.reduce(
      (t, v) => t.split(v).join('[redacted]'),
      text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]'),
    );
  const e = err as Record<string, unknown> & {
    name?: string;
    message?: unknown;
    stack?: unknown;
    cause?: unknown;
  };
  const out: Record<string, unknown> = {
    name: e.constructor?.name ?? e.name,
    message: typeof e.message === 'string' ? scrub(e.message) : e.message,
  };
  if (typeof e.stack === 'string') out.stack = scrub(e.stack);
  for (const k of KEPT_FIELDS)
    if (k in e && !VALUE_FIELDS.has(k))
      out[k] = typeof e[k] === 'string' ? scrub(e[k] as string) : e[k];
  if ('statusCode' in e) out.statusCode = e.statusCode;
  if (e.cause) {
    out.cause = loggableError(e.cause, sorted, depth + 1);
    // pino's err serializer folds the cause into message and stack: keep the SQLSTATE at the top.
    out.code ??= (out.cause as { code?: unknown }).code;
  }
  return out;
}

/**
 * Maps every error to `{ error: { code, message, fields?, requestId } }` — or, on portal pages when
 * `htmlPage` is given, to an HTML page with the same Chinese message. Stack traces stay in the log.
 */
export function installErrorHandler(app: FastifyInstance, htmlPage?: HtmlErrorPage): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      appErr = new AppError('VALIDATION', '请求格式不受支持，请使用 JSON');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      appErr = new AppError('VALIDATION', '请求内容过大');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      appErr = new AppError('VALIDATION', '请求体不能为空');
    else if (multipartMessage(err)) appErr = new AppError('VALIDATION', multipartMessage(err)!);
    else if ((err as FastifyError).statusCode === 429)
      appErr = new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
    else if ((err as FastifyError).statusCode === 400)
      appErr = new AppError('VALIDATION', '请求体不是有效的 JSON');
    else {
      req.log.error({ err: loggableError(err) }, 'unhandled error');
      appErr = new AppError('INTERNAL', `服务器内部错误，请联系管理员（请求编号 ${req.id}）`);
    }
    if (appErr.status >= 500 && appErr.code !== 'INTERNAL')
      req.log.warn({ code: appErr.code }, appErr.message);
    if (htmlPage && isHtmlPath(req.url))
      return htmlPage(req, reply, ERROR_STATUS[appErr.code], appErr.message);
    reply.status(ERROR_STATUS[appErr.code]).send({
      error: {
        code: appErr.code,
        message: appErr.message,
        fields: appErr.fields,
        requestId: req.id,
        ...(appErr.details ?? {}),
      },
    });
  });
  app.setNotFoundHandler((req, reply) => {
    const message = '请求的地址不存在';
    if (htmlPage && isHtmlPath(req.url)) return htmlPage(req, reply, 404, message);
    reply.status(404).send({ error: { code: 'NOT_FOUND', message, requestId: req.id } });
  });
}
