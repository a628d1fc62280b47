/**
 * Request hygiene at the boundary, for the API and the portal alike:
 * - text that PostgreSQL cannot store or that is not valid Unicode (NUL, lone UTF-16 surrogates) in
 *   any query, path parameter or parsed body (JSON, urlencoded) → 400 naming the field in Chinese;
 * - an unsafe request whose Origin header is not an origin at all (`Origin: null` from a sandboxed
 *   frame, a file:// page or a cross-site redirect) → 403, as a cross-site request;
 * - `X-Content-Type-Options: nosniff` on every response (JSON, exports, files, pages).
 * Errors are AppErrors: core/http/errors.ts renders them as JSON or as the portal's HTML page.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Chinese labels of common field names; any other field is named 参数“name”. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  q: '关键词',
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  displayName: '姓名',
  name: '姓名或名称',
  title: '标题',
  description: '申请内容',
  body: '内容',
  bodyText: '正文',
  authorName: '姓名',
  contact: '联系方式',
  articleNo: '条款',
  idNumber: '证件号码',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  reason: '理由',
  note: '备注',
  summary: '摘要',
  content: '内容',
  comment: '意见',
  opinion: '意见',
  remarks: '备注',
  docNumber: '文号',
  mailNumber: '邮件号码',
  confirmation: '确认情况',
  lateReason: '未能当日确认的原因',
  code: '查询码',
  trackingCode: '查询码',
  return: '返回地址',
};

const MESSAGE = '含有不允许的控制字符';

/** True when the string holds a NUL or an unpaired surrogate. */
export function isBadText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

/** The path of the first bad string (or key) in a parsed value, e.g. ['items', '2', 'note']. */
export function findBadText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return isBadText(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value))
    return null;
  for (const [key, v] of Object.entries(value)) {
    // eslint-disable-next-line no-control-regex -- removing NUL is the point
    if (isBadText(key)) return [...path, key.replace(/\u0000/g, '').slice(0, 40)];
    const found = findBadText(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** 「申请内容」 for a known field, else 「参数“q”」 (the innermost non-index key names it). */
export function fieldLabel(path: string[]): string {
  const key = [...path].reverse().find((k) => !/^\d+$/.test(k)) ?? '';
  return FIELD_LABELS[key] ?? `参数“${wellFormed(key)}”`;
}

function checkText(where: unknown): void {
  const path = findBadText(where);
  if (!path) return;
  const label = fieldLabel(path);
  throw new AppError('VALIDATION', `${label}：${MESSAGE}`, {
    fields: [{ path: wellFormed(path.join('.')), message: MESSAGE }],
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An Origin header value that is a real origin (scheme://host[:port]). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function installHygiene(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const origin = req.headers.origin;
    if (UNSAFE.has(req.method) && typeof origin === 'string' && !isOrigin(origin))
      throw new AppError('CSRF', '请求来源不被允许');
  });
  // After the body is parsed, before any route validates or stores it.
  app.addHook('preValidation', async (req) => {
    checkText(req.params);
    checkText(req.query);
    checkText(req.body);
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
}
