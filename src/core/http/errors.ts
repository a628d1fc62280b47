import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS } from '../errors.ts';

/** Renders an error as an HTML page (the public portal's pages). */
export type HtmlErrorPage = (req: FastifyRequest, reply: FastifyReply, status: number, message: string) => unknown;

const isHtmlPath = (url: string) => !url.startsWith('/api/') && !url.startsWith('/app') && url !== '/healthz';

/**
 * Maps every error to `{ error: { code, message, fields?, requestId } }` — or, on portal pages when
 * `htmlPage` is given, to an HTML page with the same Chinese message. Stack traces stay in the log.
 */
export function installErrorHandler(app: FastifyInstance, htmlPage?: HtmlErrorPage): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appErr = new AppError('VALIDATION', '请求格式不受支持，请使用 JSON');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') appErr = new AppError('VALIDATION', '请求内容过大');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') appErr = new AppError('VALIDATION', '请求体不能为空');
    else if ((err as FastifyError).statusCode === 429) appErr = new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
    else if ((err as FastifyError).statusCode === 400) appErr = new AppError('VALIDATION', '请求体不是有效的 JSON');
    else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL', `服务器内部错误，请联系管理员（请求编号 ${req.id}）`);
    }
    if (appErr.status >= 500 && appErr.code !== 'INTERNAL') req.log.warn({ code: appErr.code }, appErr.message);
    if (htmlPage && isHtmlPath(req.url)) return htmlPage(req, reply, ERROR_STATUS[appErr.code], appErr.message);
    reply.status(ERROR_STATUS[appErr.code]).send({
      error: { code: appErr.code, message: appErr.message, fields: appErr.fields, requestId: req.id, ...(appErr.details ?? {}) },
    });
  });
  app.setNotFoundHandler((req, reply) => {
    const message = '请求的地址不存在';
    if (htmlPage && isHtmlPath(req.url)) return htmlPage(req, reply, 404, message);
    reply.status(404).send({ error: { code: 'NOT_FOUND', message, requestId: req.id } });
  });
}
