// The public portal: home page, 长者模式 toggle, the working-day deadline calculator and the
// stylesheet. Server-rendered semantic HTML that works without JavaScript.
//
// Registered by the app at prefix '/' after @fastify/cookie and @fastify/formbody. Module portal
// pages reuse the layout with sendPortalPage()/renderPage() and protect their forms with
// portalCsrf()/verifyPortalCsrf().
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import { PORTAL_CSS, PORTAL_CSS_ROUTE, PORTAL_CSS_VERSION } from './assets.ts';
import { CSRF_FAILED_MESSAGE, verifyPortalCsrf } from './csrf.tsx';
import {
  DeadlineForm,
  DeadlineResultView,
  ErrorSummary,
  parseDeadlineQuery,
  type DeadlineErrors,
  type DeadlineInput,
  type DeadlineResult,
} from './deadline.tsx';
import {
  applyPortalSecurityHeaders,
  ELDER_COOKIE,
  ELDER_COOKIE_MAX_AGE,
  firstString,
  isElder,
  safeReturnPath,
  sendPortalPage,
  type PortalPageContext,
} from './http.tsx';
import { DEFAULT_DISCLOSURE_PATH, type PortalSection, type PortalSite } from './layout.tsx';

export type { PortalSite, PortalSection, Crumb, RenderPageOptions } from './layout.tsx';
export { renderPage, Layout, DEFAULT_DISCLOSURE_PATH } from './layout.tsx';
export {
  portalCsrf,
  issuePortalCsrf,
  verifyPortalCsrf,
  CsrfField,
  PORTAL_CSRF_COOKIE,
  PORTAL_CSRF_FIELD,
  CSRF_FAILED_MESSAGE,
} from './csrf.tsx';
export {
  sendPortalPage,
  applyPortalSecurityHeaders,
  isElder,
  safeReturnPath,
  firstString,
  PORTAL_CSP,
  PORTAL_SECURITY_HEADERS,
  ELDER_COOKIE,
  type PortalPageContext,
  type PortalPageOptions,
} from './http.tsx';
export { formatChineseDate } from './deadline.tsx';
export { PORTAL_CSS_PATH } from './assets.ts';

export interface PortalDeps {
  getSite(): Promise<PortalSite>;
  /** Sections registered by modules (e.g. 规范性文件库); shown in the nav and on the home page. */
  sections: PortalSection[];
  computeDue(input: { from: string; count: number; unit: 'workday' | 'day' }): {
    due: string;
    provisional: boolean;
    explanation: string;
  };
  /** 'YYYY-MM-DD', from the injected clock. */
  today(): string;
  secureCookies: boolean;
  /** Where the 政府信息公开 entry points; default '/xxgk'. */
  disclosurePath?: string;
}

const ERROR_TITLES: Record<number, string> = {
  400: '请求有误',
  403: '无权访问',
  404: '页面未找到',
  429: '请求过于频繁',
};
const NOT_FOUND_MESSAGE = '您访问的页面不存在或已被移除，请检查网址是否正确。';

/** One error page in the portal's layout: its title, the Chinese message and a way home. */
export function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PortalPageContext,
  status: number,
  message: string,
  title = ERROR_TITLES[status] ?? '出错了',
) {
  return sendPortalPage(request, reply, ctx, {
    title,
    status,
    children: (
      <>
        <h1>{title}</h1>
        <div className="message" role="alert">
          <p>{message}</p>
          <p>
            <a href="/">返回首页</a>
          </p>
        </div>
      </>
    ),
  });
}

/** A page that explains a refused form submission (CSRF). */
export function sendCsrfFailure(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PortalPageContext,
) {
  return sendErrorPage(request, reply, ctx, 403, CSRF_FAILED_MESSAGE, '安全校验未通过');
}

/**
 * The portal's error page for the app's error handler: a citizen who hits a rate limit or a bad
 * link on a portal page gets a page in the portal's layout, not JSON.
 */
export function portalErrorPage(ctx: PortalPageContext) {
  return (request: FastifyRequest, reply: FastifyReply, status: number, message: string) =>
    sendErrorPage(request, reply, ctx, status, status === 404 ? NOT_FOUND_MESSAGE : message);
}

/** The portal's 404 page, for a not-found handler (paths outside /api and /app). */
export function portalNotFoundHandler(ctx: PortalPageContext) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    sendErrorPage(request, reply, ctx, 404, NOT_FOUND_MESSAGE);
}

function HomePage({
  site,
  sections,
  disclosurePath,
  today,
}: {
  site: PortalSite;
  sections: PortalSection[];
  disclosurePath: string;
  today: string;
}) {
  return (
    <>
      <section className="welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">欢迎访问{site.name}网站</h1>
        <p>
          本网站依法公开{site.name}
          的政府信息，发布行政规范性文件、重大行政决策、行政执法公示等内容，并提供政务服务指引。
          如需更大字号和更高对比度，请使用页面顶部的“长者模式”。
        </p>
      </section>

      <section className="panel" aria-labelledby="sections-title">
        <h2 id="sections-title">栏目导航</h2>
        {sections.length === 0 ? (
          <p>栏目正在建设中，敬请关注。</p>
        ) : (
          <ul className="section-list grid">
            {sections.map((s) => (
              <li key={s.path}>
                <div className="card">
                  <h3>
                    <a href={s.path}>{s.title}</a>
                  </h3>
                  <p>{s.summary}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="columns">
        <section className="panel" aria-labelledby="disclosure-title">
          <h2 id="disclosure-title">政府信息公开</h2>
          <p>
            依据《中华人民共和国政府信息公开条例》，{site.name}
            主动公开政府信息，并受理政府信息公开申请，自收到申请之日起 20 个工作日内予以答复。
          </p>
          <ul className="disclosure-links">
            <li>
              <a href={disclosurePath}>进入政府信息公开专栏</a>
            </li>
          </ul>
        </section>
        <div className="panel">
          <DeadlineForm values={{ from: today, count: '20', unit: 'workday' }} />
        </div>
      </div>
    </>
  );
}

function DeadlinePage({
  values,
  errors,
  input,
  result,
  computeError,
}: {
  values: { from: string; count: string; unit: string };
  errors: DeadlineErrors;
  input?: DeadlineInput;
  result?: DeadlineResult;
  computeError?: string;
}) {
  return (
    <>
      <h1>工作日期限计算器</h1>
      <ErrorSummary errors={errors} />
      {computeError ? (
        <div className="error-summary" role="alert">
          <p>{computeError}</p>
        </div>
      ) : null}
      {input && result ? <DeadlineResultView input={input} result={result} /> : null}
      <DeadlineForm values={values} errors={errors} title={result ? '重新计算' : '填写计算条件'} />
    </>
  );
}

function ElderInfoPage({ elder }: { elder: boolean }) {
  return (
    <>
      <h1>长者模式</h1>
      <div className="message">
        <p>
          长者模式使用更大的字号、更高的对比度和带下划线的链接，方便老年人和视力不佳的用户阅读。
        </p>
        <p>
          当前状态：{elder ? '已开启' : '未开启'}。可使用页面顶部的按钮开启或退出，设置保存一年。
        </p>
      </div>
    </>
  );
}

export function portalPlugin(deps: PortalDeps): FastifyPluginAsync {
  return async function portal(fastify) {
    const ctx: PortalPageContext = {
      getSite: () => deps.getSite(),
      sections: deps.sections,
      secureCookies: deps.secureCookies,
      disclosurePath: deps.disclosurePath,
    };
    const disclosurePath = deps.disclosurePath ?? DEFAULT_DISCLOSURE_PATH;

    // Portal responses (this encapsulated plugin only) carry the security headers.
    fastify.addHook('onRequest', async (_request, reply) => {
      applyPortalSecurityHeaders(reply);
    });

    // No stack traces: errors become a Chinese page with the right status.
    fastify.setErrorHandler(async (error: FastifyError, request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 600
          ? error.statusCode
          : 500;
      if (status >= 500) request.log.error({ err: error }, 'portal error');
      const message =
        status >= 500 ? '服务暂时不可用，请稍后再试。' : '请求无法处理，请检查后重试。';
      applyPortalSecurityHeaders(reply);
      try {
        return await sendPortalPage(request, reply, ctx, {
          title: status >= 500 ? '服务暂时不可用' : '请求有误',
          status,
          children: (
            <>
              <h1>{status >= 500 ? '服务暂时不可用' : '请求有误'}</h1>
              <div className="message" role="alert">
                <p>{message}</p>
                <p>
                  <a href="/">返回首页</a>
                </p>
              </div>
            </>
          ),
        });
      } catch {
        return reply.code(status).type('text/plain; charset=utf-8').send(message);
      }
    });

    fastify.get(PORTAL_CSS_ROUTE, async (request, reply) => {
      const versioned =
        firstString((request.query as Record<string, unknown>)?.v) === PORTAL_CSS_VERSION;
      return reply
        .type('text/css; charset=utf-8')
        .header(
          'cache-control',
          versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        )
        .send(PORTAL_CSS);
    });

    fastify.get('/', async (request, reply) => {
      const site = await deps.getSite();
      return sendPortalPage(
        request,
        reply,
        { ...ctx, getSite: async () => site },
        {
          title: site.name,
          home: true,
          children: (
            <HomePage
              site={site}
              sections={deps.sections}
              disclosurePath={disclosurePath}
              today={deps.today()}
            />
          ),
        },
      );
    });

    fastify.get('/elder', async (request, reply) =>
      sendPortalPage(request, reply, ctx, {
        title: '长者模式',
        children: <ElderInfoPage elder={isElder(request)} />,
      }),
    );

    fastify.post('/elder', async (request, reply) => {
      if (!verifyPortalCsrf(request)) return sendCsrfFailure(request, reply, ctx);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const wanted = firstString(body.elder);
      const on = wanted === '1' ? true : wanted === '0' ? false : !isElder(request);
      if (on) {
        reply.setCookie(ELDER_COOKIE, '1', {
          path: '/',
          maxAge: ELDER_COOKIE_MAX_AGE,
          sameSite: 'lax',
          secure: deps.secureCookies,
        });
      } else {
        reply.clearCookie(ELDER_COOKIE, { path: '/', sameSite: 'lax', secure: deps.secureCookies });
      }
      return reply.redirect(safeReturnPath(firstString(body.return)), 303);
    });

    fastify.get('/tools/deadline', async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const raw = {
        from: firstString(query.from),
        count: firstString(query.count),
        unit: firstString(query.unit),
      };
      if (raw.from === undefined && raw.count === undefined && raw.unit === undefined) {
        return sendPortalPage(request, reply, ctx, {
          title: '工作日期限计算器',
          children: (
            <DeadlinePage
              values={{ from: deps.today(), count: '20', unit: 'workday' }}
              errors={{}}
            />
          ),
        });
      }
      const { values, errors, input } = parseDeadlineQuery(raw);
      if (!input) {
        return sendPortalPage(request, reply, ctx, {
          title: '错误：工作日期限计算器',
          status: 400,
          breadcrumbs: [{ title: '工作日期限计算器' }],
          children: <DeadlinePage values={values} errors={errors} />,
        });
      }
      let result: DeadlineResult;
      try {
        result = deps.computeDue(input);
      } catch (err) {
        request.log.warn({ err }, 'deadline calculation failed');
        return sendPortalPage(request, reply, ctx, {
          title: '错误：工作日期限计算器',
          status: 400,
          breadcrumbs: [{ title: '工作日期限计算器' }],
          children: (
            <DeadlinePage
              values={values}
              errors={{}}
              computeError="无法计算该期限，请检查起算日期和期限天数后重试。"
            />
          ),
        });
      }
      return sendPortalPage(request, reply, ctx, {
        title: '工作日期限计算器',
        children: <DeadlinePage values={values} errors={{}} input={input} result={result} />,
      });
    });
  };
}
