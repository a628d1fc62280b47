// 建议提案复文 on the portal (/jyta): replies to 人大代表建议 and 政协提案 published by the bureau
// (国办发〔2014〕46号), without the deputies' contact details (refused at publication).
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import { formatDateZh } from '../../core/calendar/explain.ts';
import {
  firstString,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { KIND_LABELS, type ProposalKind } from './procedure.ts';
import { proposals } from './schema.ts';

export const proposalSections: PortalSection[] = [
  { path: '/jyta', title: '建议提案办理', summary: '人大代表建议、政协提案的答复全文。' },
];

const PAGE = 20;
const columns = {
  id: proposals.id,
  kind: proposals.kind,
  number: proposals.number,
  title: proposals.title,
  publishedOn: proposals.publishedOn,
  publishedText: proposals.publishedText,
  resultCode: proposals.resultCode,
};

export function proposalPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  return async function proposalsPortal(fastify) {
    fastify.get('/jyta', async (req, reply) => {
      const n = Math.min(
        Math.max(Number(firstString((req.query as Record<string, unknown>)?.page)) || 1, 1),
        500,
      );
      const dept = await portalDepartment(ctx.db);
      const rows = dept
        ? await ctx.db
            .select(columns)
            .from(proposals)
            .where(and(eq(proposals.departmentId, dept.id), isNotNull(proposals.publishedOn)))
            .orderBy(desc(proposals.publishedOn), desc(proposals.number))
            .limit(PAGE + 1)
            .offset((n - 1) * PAGE)
        : [];
      return sendPortalPage(req, reply, page, {
        title: '建议提案办理',
        children: (
          <>
            <h1>建议提案办理</h1>
            {rows.length ? (
              <ul className="list">
                {rows.slice(0, PAGE).map((r) => (
                  <li key={r.id}>
                    <a
                      href={`/jyta/${r.id}`}
                    >{`关于${KIND_LABELS[r.kind as ProposalKind]}第${r.number}号“${r.title}”的答复`}</a>{' '}
                    <span className="nowrap">{formatDateZh(r.publishedOn!)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>暂无公开的建议提案答复。</p>
            )}
            {n > 1 || rows.length > PAGE ? (
              <nav className="pagination" aria-label="分页">
                {n > 1 ? <a href={`/jyta?page=${n - 1}`}>上一页</a> : null}　第{n}页　
                {rows.length > PAGE ? <a href={`/jyta?page=${n + 1}`}>下一页</a> : null}
              </nav>
            ) : null}
          </>
        ),
      });
    });
    fastify.get('/jyta/:id', async (req, reply) => {
      const id = String((req.params as { id?: string }).id ?? '');
      const dept = await portalDepartment(ctx.db);
      const [r] =
        dept && /^[0-9a-f-]{36}$/i.test(id)
          ? await ctx.db
              .select(columns)
              .from(proposals)
              .where(
                and(
                  eq(proposals.id, id),
                  eq(proposals.departmentId, dept.id),
                  isNotNull(proposals.publishedOn),
                ),
              )
          : [];
      if (!r)
        return sendPortalPage(req, reply, page, {
          title: '未找到',
          status: 404,
          children: (
            <>
              <h1>未找到</h1>
              <p>该答复不存在或尚未公开。</p>
            </>
          ),
        });
      const title = `关于${KIND_LABELS[r.kind as ProposalKind]}第${r.number}号“${r.title}”的答复`;
      return sendPortalPage(req, reply, page, {
        title,
        children: (
          <article>
            <h1>{title}</h1>
            <p>
              公开日期：{formatDateZh(r.publishedOn!)}　办理结果：{r.resultCode}类
            </p>
            {(r.publishedText ?? '').split(/\n+/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </article>
        ),
      });
    });
  };
}
