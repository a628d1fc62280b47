// 重大行政决策 on the public portal (/zdjc): the published 决策事项目录 with its adjustments (条例第三条),
// drafts open for public comment (条例第十五条, the consultation component's pages), and published
// decisions with how opinions were adopted and their 解读 (条例第三十二条), each with its 运行流程图.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import { caseState, loadHistory } from '../../core/cases/service.ts';
import {
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { publicationRecord } from '../disclosure/index.ts';
import { openConsultations } from '../consultation/index.ts';
import { cnDate } from '../consultation/index.ts';
import { registerConsultationPages } from '../consultation/index.ts';
import { PublicTopics, publicTopics } from '../meetings/index.ts';
import { decisionCatalogues, majorDecisions } from './schema.ts';
import { adjustmentsOf, catalogueStatus, itemsOf } from './catalogueQueries.ts';
import { flowChart } from './flow.ts';
import { adoptedTextOf } from './publishing.ts';
import { cases } from '../../core/cases/schema.ts';

export const decisionSections: PortalSection[] = [
  {
    path: '/zdjc',
    title: '重大行政决策',
    summary: '年度重大行政决策事项目录、决策草案公开征求意见、决策公布及解读、会议公开议题。',
  },
];

const ZDJC = { title: '重大行政决策', href: '/zdjc' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const paras = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

function Links({ items }: { items: Array<{ href: string; text: string; date: string }> }) {
  return (
    <ul className="disclosure-links">
      {items.map((x) => (
        <li key={x.href}>
          <a href={x.href}>{x.text}</a>　{x.date}
        </li>
      ))}
    </ul>
  );
}

async function overview(ctx: Ctx) {
  const dept = await portalDepartment(ctx.db);
  if (!dept) return null;
  const catalogues = await ctx.db
    .select()
    .from(decisionCatalogues)
    .where(and(eq(decisionCatalogues.departmentId, dept.id), eq(catalogueStatus, 'published')))
    .orderBy(desc(decisionCatalogues.year))
    .limit(5);
  const published = await ctx.db
    .select({
      id: majorDecisions.id,
      title: majorDecisions.title,
      publishedOn: majorDecisions.publishedOn,
    })
    .from(majorDecisions)
    .where(and(eq(majorDecisions.departmentId, dept.id), isNotNull(majorDecisions.publishedOn)))
    .orderBy(desc(majorDecisions.publishedOn))
    .limit(20);
  const open = await openConsultations(ctx.db, 'majorDecision', ctx.clock.today());
  return { catalogues, published, open, topics: await publicTopics(ctx.db, dept.id, 10) };
}

export function decisionPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
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
      breadcrumbs: [ZDJC, { title }],
      children: (
        <>
          <h1>{title}</h1>
          <div className="message" role="alert">
            <p>{text}</p>
            <p>
              <a href="/zdjc">返回重大行政决策</a>
            </p>
          </div>
        </>
      ),
    });

  return async function decisionsPortal(fastify) {
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

    fastify.get('/zdjc', async (req, reply) => {
      const o = await overview(ctx);
      return sendPortalPage(req, reply, page, {
        title: '重大行政决策',
        children: (
          <>
            <h1>重大行政决策</h1>
            <p>
              依照《重大行政决策程序暂行条例》，本机关公布年度重大行政决策事项目录，重大行政决策草案向社会公开征求意见，决策作出后及时公布并进行解读。
            </p>
            {o?.open.length ? (
              <section className="panel" aria-labelledby="zqyj-title">
                <h2 id="zqyj-title">正在公开征求意见的决策草案</h2>
                <Links
                  items={o.open.map((c) => ({
                    href: `/zdjc/zqyj/${c.id}`,
                    text: `${c.title}（征求意见稿）`,
                    date: `截止日期：${cnDate(c.endOn)}`,
                  }))}
                />
              </section>
            ) : null}
            <section className="panel" aria-labelledby="ml-title">
              <h2 id="ml-title">决策事项目录</h2>
              {o?.catalogues.length ? (
                <Links
                  items={o.catalogues.map((c) => ({
                    href: `/zdjc/mulu/${c.id}`,
                    text: c.title,
                    date: `公布日期：${cnDate(c.publishedOn!)}`,
                  }))}
                />
              ) : (
                <p>暂未公布决策事项目录。</p>
              )}
            </section>
            <section className="panel" aria-labelledby="gb-title">
              <h2 id="gb-title">决策公布与解读</h2>
              {o?.published.length ? (
                <Links
                  items={o.published.map((d) => ({
                    href: `/zdjc/${d.id}`,
                    text: d.title,
                    date: `公布日期：${cnDate(d.publishedOn!)}`,
                  }))}
                />
              ) : (
                <p>暂无已公布的重大行政决策。</p>
              )}
            </section>
            {o?.topics.length ? <PublicTopics topics={o.topics} heading="会议公开议题" /> : null}
          </>
        ),
      });
    });

    fastify.get('/zdjc/mulu/:id', async (req, reply) => {
      const id = (req.params as { id: string }).id;
      const [c] = UUID.test(id)
        ? await ctx.db
            .select()
            .from(decisionCatalogues)
            .where(and(eq(decisionCatalogues.id, id), eq(catalogueStatus, 'published')))
        : [];
      if (!c)
        return message(req, reply, 404, '目录不存在', '您查找的决策事项目录不存在或尚未公布。');
      const items = await itemsOf(ctx.db, c.id);
      const adjustments = await adjustmentsOf(ctx.db, c.id);
      return sendPortalPage(req, reply, page, {
        title: c.title,
        breadcrumbs: [ZDJC, { title: c.title }],
        children: (
          <article className="publication">
            <h1 className="publication-title">{c.title}</h1>
            <p className="publication-info">
              经{c.approvedBy}同意　公布日期：{cnDate(c.publishedOn!)}
            </p>
            <table className="catalog">
              <caption className="visually-hidden">决策事项</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">决策事项</th>
                  <th scope="col">承办单位</th>
                  <th scope="col">决策依据</th>
                  <th scope="col">计划完成时间</th>
                  <th scope="col">状态</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.seq}</td>
                    <td>{i.title}</td>
                    <td>{i.undertakingUnit}</td>
                    <td>{i.basis}</td>
                    <td className="nowrap">{i.plannedTime}</td>
                    <td className="nowrap">
                      {i.status === 'removed'
                        ? '已调出'
                        : i.addedByAdjustmentId
                          ? '调整增加'
                          : '列入'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {adjustments.length ? (
              <section aria-labelledby="tz-title">
                <h2 id="tz-title">目录调整</h2>
                <ul>
                  {adjustments.map((a) => (
                    <li key={a.id}>
                      {cnDate(a.publishedOn)}第{a.seq}次调整（经{a.approvedBy}同意）：{a.reason}。
                      {(a.changes as Array<{ op: string; title: string }>)
                        .map((x) => `${x.op === 'add' ? '增加' : '调出'}“${x.title}”`)
                        .join('；')}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </article>
        ),
      });
    });

    registerConsultationPages(fastify, {
      ctx,
      page,
      subjectType: 'majorDecision',
      base: '/zdjc',
      crumb: ZDJC,
      message,
      // Art 15: a window shorter than 30 days carries its reason in the notice.
      notice: (c) =>
        c.shortenedReason ? (
          <section className="notice" aria-label="征求意见期限说明">
            <p>
              因{c.shortenedReason}
              ，本次征求意见期限少于30日（《重大行政决策程序暂行条例》第十五条）。
            </p>
          </section>
        ) : null,
    });

    fastify.get('/zdjc/:id', async (req, reply) => {
      const id = (req.params as { id: string }).id;
      const [d] = UUID.test(id)
        ? await ctx.db
            .select()
            .from(majorDecisions)
            .where(and(eq(majorDecisions.id, id), isNotNull(majorDecisions.publishedOn)))
        : [];
      if (!d)
        return message(req, reply, 404, '决策不存在', '您查找的重大行政决策不存在或尚未公布。');
      const pub = d.publicationId ? await publicationRecord(ctx.db, d.publicationId) : undefined;
      const history = await loadHistory(ctx.db, d.caseId);
      const [c] = await ctx.db.select().from(cases).where(eq(cases.id, d.caseId));
      const { def } = ctx.procedures.get(c.procedure);
      const state = await caseState(ctx, c, history);
      const flow = flowChart(def, history, state);
      return sendPortalPage(req, reply, page, {
        title: d.title,
        breadcrumbs: [ZDJC, { title: d.title }],
        children: (
          <article className="publication">
            <h1 className="publication-title">{d.title}</h1>
            <p className="publication-info">
              {pub ? `索引号：${pub.indexNumber}　发布机构：${pub.publisherName}　` : ''}决定日期：
              {d.decidedOn ? cnDate(d.decidedOn) : ''}　公布日期：{cnDate(d.publishedOn!)}
            </p>
            {/* The adopted text confirmed at publication (条例第三十二条), not the 征求意见稿. */}
            <div className="publication-body">
              {paras(adoptedTextOf(history, d.draftText)).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
            <section aria-labelledby="cn-title">
              <h2 id="cn-title">公众意见、专家论证意见的采纳情况</h2>
              {paras(d.adoptionExplanation).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
            <section aria-labelledby="jd-title">
              <h2 id="jd-title">政策解读</h2>
              {paras(d.interpretation).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
            <section aria-labelledby="lc-title">
              <h2 id="lc-title">决策运行流程</h2>
              <ol className="flow">
                {flow.map((n) => (
                  <li key={n.code}>
                    {n.label}：{n.stateLabel}
                    {n.note ? `（${n.note}）` : ''}
                  </li>
                ))}
              </ol>
            </section>
          </article>
        ),
      });
    });
  };
}
