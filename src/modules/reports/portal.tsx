// 法治政府建设年度报告 on the public portal (/fzzfjs): the published reports (厅字〔2019〕28号 Art 24:
// published by 4月1日), newest first, each readable as plain accessible HTML with its headings.
// Only the published version is shown; a revision in progress stays in the workbench.
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { organisations } from '../../core/orgs/schema.ts';
import {
  sendErrorPage,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { blockText, isBlankBlock, numberedParts } from './document.ts';
import { ruleOfLawReports } from './schema.ts';
import { contentOf, figuresOf, versionById } from './store.ts';

export const reportSections: PortalSection[] = [
  {
    path: '/fzzfjs',
    title: '法治政府建设',
    summary:
      '本机关法治政府建设年度报告：主要举措和成效、存在的不足、第一责任人履职情况和下一年度安排。',
  },
];

const SECTION = { title: '法治政府建设', href: '/fzzfjs' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cnDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function reportPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  return async function reportsPortal(fastify) {
    fastify.get('/fzzfjs', async (req, reply) => {
      const rows = await ctx.db
        .select({
          id: ruleOfLawReports.id,
          year: ruleOfLawReports.year,
          publishedOn: ruleOfLawReports.publishedOn,
          department: organisations.name,
        })
        .from(ruleOfLawReports)
        .innerJoin(organisations, eq(organisations.id, ruleOfLawReports.departmentId))
        .where(isNotNull(ruleOfLawReports.publishedVersionId))
        .orderBy(desc(ruleOfLawReports.year), organisations.name);
      return sendPortalPage(req, reply, page, {
        title: '法治政府建设年度报告',
        breadcrumbs: [SECTION, { title: '法治政府建设年度报告' }],
        children: (
          <>
            <h1>法治政府建设年度报告</h1>
            {rows.length ? (
              <ul className="disclosure-links">
                {rows.map((r) => (
                  <li key={r.id}>
                    <a
                      href={`/fzzfjs/${r.id}`}
                    >{`${r.department}${r.year}年法治政府建设年度报告`}</a>
                    　发布日期：{cnDate(r.publishedOn!)}
                  </li>
                ))}
              </ul>
            ) : (
              <p role="status">暂无已公开的年度报告。</p>
            )}
          </>
        ),
      });
    });

    fastify.get('/fzzfjs/:id', async (req, reply) => {
      const { id } = req.params as { id: string };
      const [r] = UUID.test(id)
        ? await ctx.db
            .select({ r: ruleOfLawReports, department: organisations.name })
            .from(ruleOfLawReports)
            .innerJoin(organisations, eq(organisations.id, ruleOfLawReports.departmentId))
            .where(and(eq(ruleOfLawReports.id, id), isNotNull(ruleOfLawReports.publishedVersionId)))
        : [];
      if (!r) return sendErrorPage(req, reply, page, 404, '该年度报告不存在或尚未公开。');
      const v = await versionById(ctx.db, r.r.publishedVersionId!);
      const doc = contentOf(v);
      const figures = figuresOf(v);
      const resolve = (k: string) => figures[k];
      return sendPortalPage(req, reply, page, {
        title: doc.title,
        breadcrumbs: [SECTION, { title: doc.title }],
        children: (
          <article className="report" aria-labelledby="report-title">
            <h1 id="report-title">{doc.title}</h1>
            <p className="meta">
              发布机构：{r.department}　发布日期：{cnDate(r.r.publishedOn!)}
            </p>
            {doc.preface
              .filter((b) => !isBlankBlock(b, resolve))
              .map((b) => (
                <p key={b.id}>{blockText(b, resolve)}</p>
              ))}
            {numberedParts(doc).map(({ part, heading, blocks }) => (
              <section key={part.code} aria-label={heading}>
                <h2>{heading}</h2>
                {blocks
                  .filter(({ block }) => !isBlankBlock(block, resolve))
                  .map(({ block, label }) =>
                    block.kind === 'h2' ? (
                      <h3 key={block.id}>{`${label}${blockText(block, resolve)}`}</h3>
                    ) : (
                      <p key={block.id}>{blockText(block, resolve)}</p>
                    ),
                  )}
              </section>
            ))}
            <p className="signature">
              {r.department}
              <br />
              {cnDate(r.r.publishedOn!)}
            </p>
          </article>
        ),
      });
    });
  };
}
