// The one fetch wrapper of the staff workbench: JSON in and out, CSRF header on state changes,
// ApiError on failure, and the two global reactions (401 → login, 403 PASSWORD_CHANGE_REQUIRED).

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[] = [],
    requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

interface GlobalHandlers {
  onUnauthorized: () => void;
  onPasswordChangeRequired: () => void;
}

let csrfToken: string | null = null;
let handlers: GlobalHandlers = { onUnauthorized: () => {}, onPasswordChangeRequired: () => {} };

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiHandlers(next: GlobalHandlers): void {
  handlers = next;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not run the global 401 reaction (login form, session probe, password form). */
  handle401?: boolean;
  /** A poll nobody asked for (bell, periodic refresh): sent with x-fazhi-background so it does not keep the session alive. */
  background?: boolean;
}

// A GET sent long after the user last touched the page (a refetch on an interval, on focus, on
// reconnect) is not activity either, whoever issued it: it is marked background too. The server's
// idle timeout then logs out an open but unattended tab (等保: 登录连接超时自动退出).
const ACTIVE_MS = 30_000;
let lastInput = Date.now();
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'popstate']) {
    window.addEventListener(type, () => (lastInput = Date.now()), { capture: true, passive: true });
  }
}
const isBackground = (method: string, options: RequestOptions) =>
  options.background ?? (method === 'GET' && Date.now() - lastInput > ACTIVE_MS);

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body)
  }
  const err = (
    body as {
      error?: Partial<{ code: string; message: string; fields: FieldError[]; requestId: string }>;
    } | null
  )?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      res.status,
      err.code,
      err.message || `请求失败（${res.status}）`,
      err.fields ?? [],
      err.requestId ?? null,
    );
  }
  const fallback =
    res.status >= 500 ? `服务器出错（${res.status}），请稍后重试` : `请求失败（${res.status}）`;
  return new ApiError(res.status, `HTTP_${res.status}`, fallback);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (isBackground(method, options)) headers['x-fazhi-background'] = '1';

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }

  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && options.handle401 !== false) handlers.onUnauthorized();
    if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED')
      handlers.onPasswordChangeRequired();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>(path, { query, signal });
/** A background poll: never counts as the user's activity. */
export const poll = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>(path, { query, signal, background: true });
export const post = <T>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败';
}
