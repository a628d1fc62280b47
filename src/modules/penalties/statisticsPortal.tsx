// 年度行政执法统计 on the portal (/zftj): the years published (国办发〔2018〕118号, by 1月31日 of the next
// year) and each year's figures as frozen when published, with how each is counted.
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../core/context.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  sendErrorPage,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import { publishedStatistics, publishedYear, type Figure } from './statistics.ts';

export const statisticsSection: PortalSection = {
  path: '/zftj',
  title: '行政执法统计',
  summary: '本机关每年1月31日前公开的上年度行政执法总体情况数据。',
};

export function statisticsPages(ctx: Ctx, page: PortalPageContext) {
  return async (fastify: FastifyInstance) => {
    fastify.get('/zftj', async (req, reply) => {
      const dept = await portalDepartment(ctx.db);
      const years = dept ? await publishedStatistics(ctx.db, dept.id) : [];
      return sendPortalPage(req, reply, page, {
        title: '行政执法统计',
        children: (
          <>
            <h1>行政执法统计</h1>
            {years.length ? (
              <ul className="item-list">
                {years.map((y) => (
                  <li key={y.id}>
                    <a href={`/zftj/${y.year}`}>{y.year}年度行政执法统计</a>
                    <p className="meta">公开日期 {cnDate(y.publishedOn ?? '')}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p>暂无公开的年度行政执法统计。</p>
            )}
          </>
        ),
      });
    });
    fastify.get('/zftj/:year', async (req, reply) => {
      const year = Number((req.params as { year?: string }).year);
      const dept = await portalDepartment(ctx.db);
      const row =
        dept && Number.isInteger(year) && year >= 2000 && year <= 2100
          ? await publishedYear(ctx.db, dept.id, year).catch(() => null)
          : null;
      if (!row || !dept)
        return sendErrorPage(req, reply, page, 404, '该年度行政执法统计不存在或未公开');
      const figures = (row.figures ?? []) as Figure[];
      return sendPortalPage(req, reply, page, {
        title: `${year}年度行政执法统计`,
        children: (
          <article className="panel" aria-labelledby="tj-h">
            <h1 id="tj-h">
              {dept.name}
              {year}年度行政执法统计
            </h1>
            <p className="meta">公开日期 {cnDate(row.publishedOn ?? '')}</p>
            <table className="catalog">
              <caption className="visually-hidden">{year}年度行政执法统计数据</caption>
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">数据</th>
                  <th scope="col">统计口径</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.key}>
                    <td>{f.label}</td>
                    <td className="nowrap">
                      {f.value}
                      {f.unit}
                    </td>
                    <td>{f.method}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ),
      });
    });
  };
}
