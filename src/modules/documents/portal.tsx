// 规范性文件库 on the public portal (/gfxwj): every published document with its derived status,
// filters and Chinese full-text search; each document's page; and 公开征求意见 (/gfxwj/zqyj) with
// the draft, the comment form (portal CSRF, rate-limited, escaped, size-limited) and the feedback.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../core/context.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import { AppError } from '../../core/errors.ts';
import { getSetting } from '../../core/settings/service.ts';
import {
  firstString,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { classificationSettings } from '../disclosure/index.ts';
import { loadConsultation, openConsultations } from '../consultation/index.ts';
import { cnDate } from '../consultation/index.ts';
import { registerConsultationPages } from '../consultation/index.ts';
import { publicDocument, UUID } from './portalDocument.ts';
import { campaignList, publishedCampaigns } from './cleanup.ts';
import {
  searchRegistry,
  REGISTRY_STATUSES,
  type RegistryFilter,
  type RegistryStatus,
} from './registry.ts';
import { DocumentArticle, RegistryFilters, RegistryTable } from './portalViews.tsx';

export const documentSections: PortalSection[] = [
  {
    path: '/gfxwj',
    title: '规范性文件库',
    summary: '本机关制发的行政规范性文件及其效力状态、政策解读，公开征求意见及意见采纳情况。',
  },
];

const GFXWJ = { title: '规范性文件库', href: '/gfxwj' };
const PAGE_SIZE = 20;

// The department the portal speaks for is the first department created: once it exists it never
// changes, so each process looks it up once instead of once per registry request.
const deptCache = new WeakMap<Ctx, Promise<string | null>>();
export function portalDepartmentId(ctx: Ctx): Promise<string | null> {
  const hit = deptCache.get(ctx);
  if (hit) return hit;
  const id = portalDepartment(ctx.db).then((d) => d?.id ?? null);
  deptCache.set(ctx, id);
  // Not there yet (empty database) or failed: ask again next time.
  id.then(
    (v) => v ?? deptCache.delete(ctx),
    () => deptCache.delete(ctx),
  );
  return id;
}

export function documentPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  const message = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    text: string,
  ) =>
    sendPortalPage(req, reply, page, {
      title,
      status,
      breadcrumbs: [GFXWJ, { title }],
      children: (
        <>
          <h1>{title}</h1>
          <div className="message" role="alert">
            <p>{text}</p>
            <p>
              <a href="/gfxwj">返回规范性文件库</a>
            </p>
          </div>
        </>
      ),
    });

  return async function documentsPortal(fastify) {
    fastify.setErrorHandler(async (error: FastifyError, req, reply) => {
      const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
      if (status >= 500) req.log.error({ err: error }, 'portal error');
      return message(
        req,
        reply,
        status,
        status === 429 ? '提交过于频繁' : '请求无法处理',
        status === 429
          ? '提交过于频繁，请稍后再试。'
          : status >= 500
            ? '服务暂时不可用，请稍后再试。'
            : error.message,
      );
    });

    const noDepartment = (req: FastifyRequest, reply: FastifyReply) =>
      message(req, reply, 404, '规范性文件库尚未开通', '本网站尚未设置发布机关。');

    fastify.get('/gfxwj', async (req, reply) => {
      const departmentId = await portalDepartmentId(ctx);
      if (!departmentId) return noDepartment(req, reply);
      const q = (req.query ?? {}) as Record<string, unknown>;
      const status = firstString(q.status);
      const year = Number(firstString(q.year));
      const f: RegistryFilter = {
        departmentId,
        q: firstString(q.q)?.trim().slice(0, 50) || undefined,
        status: status && status in REGISTRY_STATUSES ? (status as RegistryStatus) : undefined,
        year: Number.isInteger(year) && year > 1990 && year < 2100 ? year : undefined,
        topic: firstString(q.topic)?.slice(0, 40) || undefined,
        page: Math.min(Math.max(Number(firstString(q.page)) || 1, 1), 500),
        pageSize: PAGE_SIZE,
      };
      const [result, classes] = await Promise.all([
        searchRegistry(ctx.db, f),
        getSetting(ctx.db, classificationSettings, ctx.clock.now().getTime()),
      ]);
      // Years offered in the filter: this year back 20 years (no scan of the table per request).
      const thisYear = Number(ctx.clock.today().slice(0, 4));
      const years = Array.from({ length: 20 }, (_, i) => ({ y: thisYear - i }));
      // The open consultations are shown on the registry's front page only, not on every search.
      const landing = !f.q && !f.status && !f.year && !f.topic && f.page === 1;
      const open = landing
        ? await openConsultations(ctx.db, 'normativeDocument', ctx.clock.today(), 10, departmentId)
        : [];
      const qs = (p: number) =>
        `/gfxwj?${new URLSearchParams({ ...(f.q ? { q: f.q } : {}), ...(f.status ? { status: f.status } : {}), ...(f.year ? { year: String(f.year) } : {}), ...(f.topic ? { topic: f.topic } : {}), page: String(p) })}`;
      const pages = Math.ceil(result.total / PAGE_SIZE);
      const hasNext = result.capped ? result.items.length === PAGE_SIZE : f.page! < pages;
      return sendPortalPage(req, reply, page, {
        title: '规范性文件库',
        children: (
          <>
            <h1>规范性文件库</h1>
            {open.length ? (
              <section className="panel" aria-labelledby="zqyj-title">
                <h2 id="zqyj-title">正在公开征求意见</h2>
                <ul className="disclosure-links">
                  {open.map((c) => (
                    <li key={c.id}>
                      <a href={`/gfxwj/zqyj/${c.id}`}>{c.title}（征求意见稿）</a>　截止日期：
                      {cnDate(c.endOn)}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <RegistryFilters f={f} topics={classes.topics} years={years.map((y) => y.y)} />
            <p className="hint">
              <a href="/gfxwj/zqyj">公开征求意见</a>　<a href="/gfxwj/qingli">规范性文件清理结果</a>
            </p>
            <p role="status">
              共找到{result.capped ? `${result.total}余` : result.total}件文件
              {result.capped ? '，可增加检索词或筛选条件缩小范围' : ''}。
            </p>
            <RegistryTable items={result.items} />
            {pages > 1 || hasNext ? (
              <nav className="pagination" aria-label="分页">
                {f.page! > 1 ? <a href={qs(f.page! - 1)}>上一页</a> : null}　第{f.page}页
                {result.capped ? '' : `，共${pages}页`}　
                {hasNext ? <a href={qs(f.page! + 1)}>下一页</a> : null}
              </nav>
            ) : null}
          </>
        ),
      });
    });

    fastify.get('/gfxwj/:id', async (req, reply) => {
      const departmentId = await portalDepartmentId(ctx);
      const d = departmentId
        ? await publicDocument(ctx, departmentId, (req.params as { id: string }).id)
        : null;
      if (!d)
        return message(
          req,
          reply,
          404,
          '文件不存在',
          '您查找的规范性文件不存在或尚未公开发布。未经公开发布的文件不得作为行政管理的依据。',
        );
      return sendPortalPage(req, reply, page, {
        title: d.title,
        breadcrumbs: [GFXWJ, { title: d.title }],
        children: <DocumentArticle d={d} />,
      });
    });

    fastify.get('/gfxwj/qingli/:id', async (req, reply) => {
      const id = (req.params as { id: string }).id;
      const departmentId = await portalDepartmentId(ctx);
      const r = UUID.test(id) ? await campaignList(ctx.db, id) : null;
      if (!r || !r.campaign.publishedOn || r.campaign.departmentId !== departmentId)
        return message(
          req,
          reply,
          404,
          '清理结果不存在',
          '您查找的规范性文件清理结果不存在或尚未公布。',
        );
      const title = `${r.campaign.title}清理结果`;
      return sendPortalPage(req, reply, page, {
        title,
        breadcrumbs: [GFXWJ, { title }],
        children: (
          <article className="publication">
            <h1 className="publication-title">{title}</h1>
            <p className="publication-info">
              公布日期：{cnDate(r.campaign.publishedOn)}
              {r.campaign.basis ? `　清理依据：${r.campaign.basis}` : ''}
            </p>
            <p>{r.totals.sentence}</p>
            <table className="catalog">
              <caption className="visually-hidden">清理结果</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">文件名称</th>
                  <th scope="col">文号</th>
                  <th scope="col">清理结果</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((i, k) => (
                  <tr key={i.documentId}>
                    <td>{k + 1}</td>
                    <td>
                      <a href={`/gfxwj/${i.documentId}`}>{i.title}</a>
                    </td>
                    <td className="nowrap">{i.docNumber}</td>
                    <td className="nowrap">{i.decisionLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ),
      });
    });

    /** A page that lists links (the consultations, the 清理 results), or says there is nothing yet. */
    const linkList = (
      req: FastifyRequest,
      reply: FastifyReply,
      title: string,
      links: Array<{ id: string; href: string; text: string; note: string }>,
      empty: string,
    ) =>
      sendPortalPage(req, reply, page, {
        title,
        breadcrumbs: [GFXWJ, { title }],
        children: (
          <>
            <h1>{title}</h1>
            {links.length ? (
              <ul className="disclosure-links">
                {links.map((l) => (
                  <li key={l.id}>
                    <a href={l.href}>{l.text}</a>　{l.note}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="message">{empty}</p>
            )}
          </>
        ),
      });

    fastify.get('/gfxwj/zqyj', async (req, reply) => {
      const departmentId = await portalDepartmentId(ctx);
      if (!departmentId) return noDepartment(req, reply);
      const open = await openConsultations(
        ctx.db,
        'normativeDocument',
        ctx.clock.today(),
        100,
        departmentId,
      );
      return linkList(
        req,
        reply,
        '规范性文件公开征求意见',
        open.map((c) => ({
          id: c.id,
          href: `/gfxwj/zqyj/${c.id}`,
          text: `${c.title}（征求意见稿）`,
          note: `截止日期：${cnDate(c.endOn)}`,
        })),
        '目前没有正在公开征求意见的规范性文件。征求意见结束后的意见采纳情况在文件页面公布。',
      );
    });

    fastify.get('/gfxwj/qingli', async (req, reply) => {
      const departmentId = await portalDepartmentId(ctx);
      if (!departmentId) return noDepartment(req, reply);
      const list = await publishedCampaigns(ctx.db, departmentId);
      return linkList(
        req,
        reply,
        '规范性文件清理结果',
        list.map((c) => ({
          id: c.id,
          href: `/gfxwj/qingli/${c.id}`,
          text: c.title,
          note: `公布日期：${cnDate(c.publishedOn!)}`,
        })),
        '尚未公布规范性文件清理结果。',
      );
    });

    // A draft's comment page and form (shared with other owners); the portal shows its own department's only.
    fastify.addHook('preHandler', async (req, reply) => {
      if (req.routeOptions.url !== '/gfxwj/zqyj/:id') return;
      const c = await loadConsultation(ctx.db, (req.params as { id: string }).id);
      if (c && c.departmentId !== (await portalDepartmentId(ctx)))
        return message(req, reply, 404, '征求意见不存在', '您查找的征求意见不存在。');
    });
    registerConsultationPages(fastify, {
      ctx,
      page,
      subjectType: 'normativeDocument',
      base: '/gfxwj',
      crumb: GFXWJ,
      message,
    });
  };
}
