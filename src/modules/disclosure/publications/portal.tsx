// 政府信息公开 on the public portal (条例 Art 12, 23, 24): /xxgk home, 政府信息公开目录 (browse by
// 组配分类 and year, search, pagination), one page per publication with its metadata block, and the
// 政府信息公开指南. Only published, not withdrawn, items of the portal's department are shown.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../../core/context.ts';
import { portalDepartment } from '../../../core/orgs/service.ts';
import { getSetting } from '../../../core/settings/service.ts';
import {
  firstString,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
  type PortalSite,
} from '../../../portal/plugin.tsx';
import { classificationSettings } from './categories.ts';
import { findPublic, listPublic } from './service.ts';
import { publicationYears } from './queries.ts';
import { getGuide } from './guide.ts';
import {
  CatalogFilters,
  CatalogTable,
  GuideView,
  Pagination,
  PublicationArticle,
  catalogHref,
  type CatalogQuery,
} from './portalViews.tsx';

export interface PublicationPortalDeps {
  ctx: Ctx;
  getSite(): Promise<PortalSite>;
  sections: PortalSection[];
  secureCookies: boolean;
}

export const publicationSections: PortalSection[] = [
  {
    path: '/xxgk',
    title: '政府信息公开',
    summary: '政府信息公开指南、政府信息公开目录、依申请公开和政府信息公开工作年度报告。',
  },
];

const PAGE_SIZE = 20;
const XXGK = { title: '政府信息公开', href: '/xxgk' };

export function publicationPortal(deps: PublicationPortalDeps): FastifyPluginAsync {
  const { ctx } = deps;
  const page: PortalPageContext = {
    getSite: deps.getSite,
    sections: deps.sections,
    secureCookies: deps.secureCookies,
  };
  const classes = () => getSetting(ctx.db, classificationSettings, ctx.clock.now().getTime());
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    sendPortalPage(req, reply, page, {
      title: '信息不存在',
      status: 404,
      breadcrumbs: [XXGK, { title: '信息不存在' }],
      children: (
        <>
          <h1>信息不存在</h1>
          <div className="message">
            <p>您查找的政府信息不存在或已撤回。</p>
            <p>
              <a href="/xxgk/catalog">返回政府信息公开目录</a>
            </p>
          </div>
        </>
      ),
    });

  return async function publicationsPortal(fastify) {
    // No JSON or stack traces on portal pages: a Chinese page with the right status.
    fastify.setErrorHandler(async (error: { statusCode?: number }, req, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500
          ? error.statusCode
          : 500;
      if (status >= 500) req.log.error({ err: error }, 'portal error');
      const message =
        status >= 500 ? '服务暂时不可用，请稍后再试。' : '请求无法处理，请检查后重试。';
      return sendPortalPage(req, reply, page, {
        title: status >= 500 ? '服务暂时不可用' : '请求有误',
        status,
        breadcrumbs: [XXGK, { title: '出错了' }],
        children: (
          <div className="message" role="alert">
            <h1>{status >= 500 ? '服务暂时不可用' : '请求有误'}</h1>
            <p>{message}</p>
          </div>
        ),
      });
    });

    fastify.get('/xxgk', async (req, reply) => {
      const dept = (await portalDepartment(ctx.db))?.id ?? null;
      const { categories } = await classes();
      const latest = dept
        ? await listPublic(ctx, dept, { page: 1, pageSize: 10 })
        : { items: [], total: 0, page: 1, pageSize: 10 };
      const site = await deps.getSite();
      return sendPortalPage(req, reply, page, {
        title: '政府信息公开',
        children: (
          <>
            <h1>政府信息公开</h1>
            <p>
              依据《中华人民共和国政府信息公开条例》，{site.name}
              主动公开政府信息，并受理公民、法人和其他组织的政府信息公开申请。
            </p>
            <div className="columns">
              <section className="panel" aria-labelledby="xxgk-entries">
                <h2 id="xxgk-entries">专栏导航</h2>
                <ul className="disclosure-links">
                  <li>
                    <a href="/xxgk/guide">政府信息公开指南</a>
                  </li>
                  <li>
                    <a href="/xxgk/catalog">政府信息公开目录</a>
                  </li>
                  <li>
                    <a href="/xxgk/apply">依申请公开（在线申请）</a>
                  </li>
                  <li>
                    <a href="/xxgk/track">申请办理情况查询</a>
                  </li>
                  <li>
                    <a href={catalogHref({ q: '', category: 'annualReport', year: '', page: 1 })}>
                      政府信息公开工作年度报告
                    </a>
                  </li>
                </ul>
              </section>
              <nav className="panel" aria-labelledby="xxgk-categories">
                <h2 id="xxgk-categories">按组配分类浏览</h2>
                <ul className="disclosure-links">
                  {categories.map((c) => (
                    <li key={c.code}>
                      <a href={catalogHref({ q: '', category: c.code, year: '', page: 1 })}>
                        {c.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
            <section className="panel" aria-labelledby="xxgk-latest">
              <h2 id="xxgk-latest">最新公开</h2>
              {latest.items.length ? (
                <CatalogTable
                  items={latest.items}
                  categories={categories}
                  caption="最新主动公开的政府信息"
                />
              ) : (
                <p>暂无公开信息。</p>
              )}
              <p>
                <a href="/xxgk/catalog">查看全部政府信息公开目录（共 {latest.total} 条）</a>
              </p>
            </section>
          </>
        ),
      });
    });

    fastify.get('/xxgk/catalog', async (req, reply) => {
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const { categories } = await classes();
      const category = firstString(raw.category) ?? '';
      const yearText = firstString(raw.year) ?? '';
      const query: CatalogQuery = {
        q: (firstString(raw.q) ?? '').trim().slice(0, 100),
        category: categories.some((c) => c.code === category) ? category : '',
        year: /^\d{4}$/.test(yearText) ? yearText : '',
        page: Math.min(10_000, Math.max(1, Number.parseInt(firstString(raw.page) ?? '1', 10) || 1)),
      };
      const dept = (await portalDepartment(ctx.db))?.id ?? null;
      const result = dept
        ? await listPublic(ctx, dept, {
            q: query.q || undefined,
            category: query.category || undefined,
            year: query.year ? Number(query.year) : undefined,
            page: query.page,
            pageSize: PAGE_SIZE,
          })
        : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
      const years = dept ? await publicationYears(ctx.db, dept) : [];
      const categoryLabel = categories.find((c) => c.code === query.category)?.label;
      const scope = [
        query.year ? `${query.year}年` : '',
        categoryLabel ?? '',
        query.q ? `含“${query.q}”` : '',
      ]
        .filter(Boolean)
        .join('，');
      return sendPortalPage(req, reply, page, {
        title: '政府信息公开目录',
        breadcrumbs: [XXGK, { title: '政府信息公开目录' }],
        children: (
          <>
            <h1>政府信息公开目录</h1>
            <CatalogFilters query={query} categories={categories} years={years} />
            <p role="status">
              {scope ? `${scope}：` : ''}共 {result.total} 条
              {result.total > 0 ? `，第 ${result.page} 页` : ''}
            </p>
            {result.items.length ? (
              <CatalogTable
                items={result.items}
                categories={categories}
                caption="政府信息公开目录（索引号、名称、组配分类、生成日期）"
              />
            ) : (
              <div className="message">
                <p>没有找到符合条件的政府信息。</p>
              </div>
            )}
            <Pagination page={result} query={query} />
          </>
        ),
      });
    });

    // 索引号 contain a slash (11341600734987449Q/202402-00001): the rest of the path is the key.
    fastify.get('/xxgk/p/*', async (req, reply) => {
      const key = decodeURIComponent((req.params as { '*': string })['*'] ?? '').slice(0, 100);
      const dept = (await portalDepartment(ctx.db))?.id ?? null;
      const p = dept && key ? await findPublic(ctx, dept, key) : null;
      if (!p) return notFound(req, reply);
      const { categories, topics } = await classes();
      const categoryLabel =
        categories.find((c) => c.code === p.category)?.label ?? '政府信息公开目录';
      return sendPortalPage(req, reply, page, {
        title: p.title,
        breadcrumbs: [
          XXGK,
          {
            title: categoryLabel,
            href: catalogHref({ q: '', category: p.category, year: '', page: 1 }),
          },
          { title: p.title },
        ],
        children: <PublicationArticle p={p} categories={categories} topics={topics} />,
      });
    });

    fastify.get('/xxgk/guide', async (req, reply) => {
      const dept = (await portalDepartment(ctx.db))?.id ?? null;
      const site = await deps.getSite();
      if (!dept) return notFound(req, reply);
      const guide = await getGuide(ctx.db, dept, ctx.clock.now().getTime());
      return sendPortalPage(req, reply, page, {
        title: '政府信息公开指南',
        breadcrumbs: [XXGK, { title: '政府信息公开指南' }],
        children: <GuideView guide={guide} siteName={site.name} />,
      });
    });
  };
}
