// 行政处罚决定公开 on the portal (/xzcf): the decisions published (事后公开, 国办发〔2018〕118号): the
// authority, the party (a natural person's name masked, 个人信息保护法 Art 6), the kind and the conclusion;
// a decision revoked later shows its withdrawal and the reason (行政处罚法第四十八条第二款), not the decision.
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  firstString,
  sendErrorPage,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import { penaltyCases } from './schema.ts';
import { PARTY_KINDS, typeLabels } from './labels.ts';
import { maskName } from './rules.ts';
import { statisticsPages, statisticsSection } from './statisticsPortal.tsx';

export const penaltySections: PortalSection[] = [
  {
    path: '/xzcf',
    title: '行政处罚决定公开',
    summary: '本机关作出的行政处罚决定：处罚机关、当事人、处罚种类和结论。',
  },
  statisticsSection,
];

export interface PublicDecision {
  id: string;
  decisionNo: string;
  party: string;
  partyKind: string;
  types: string;
  conclusion: string;
  decidedOn: string;
  publishedOn: string;
  withdrawn: { on: string; reason: string } | null;
  authority: string;
}

type Row = typeof penaltyCases.$inferSelect;

export function publicDecision(p: Row, authority: string): PublicDecision {
  const d = (p.decision ?? {}) as { facts?: string; basis?: string };
  const money = [
    p.fineAmount ? `罚款${Number(p.fineAmount).toLocaleString('zh-CN')}元` : '',
    p.confiscationAmount ? `没收${Number(p.confiscationAmount).toLocaleString('zh-CN')}元` : '',
  ]
    .filter(Boolean)
    .join('，');
  return {
    id: p.id,
    decisionNo: p.decisionNo ?? '',
    party: p.partyKind === 'individual' ? maskName(p.partyName) : p.partyName,
    partyKind: PARTY_KINDS[p.partyKind],
    types: typeLabels(p.penaltyTypes),
    conclusion: `${p.publicSummary || d.facts || ''}${d.basis ? `依据${d.basis}，` : ''}决定给予${typeLabels(p.penaltyTypes)}${money ? `（${money}）` : ''}。`,
    decidedOn: p.decidedOn ?? '',
    publishedOn: p.publishedOn ?? '',
    withdrawn: p.withdrawnOn ? { on: p.withdrawnOn, reason: p.withdrawalReason ?? '' } : null,
    authority,
  };
}

export async function publishedDecisions(
  db: DbOrTx,
  departmentId: string,
  limit: number,
  offset = 0,
): Promise<Row[]> {
  return db
    .select()
    .from(penaltyCases)
    .where(and(eq(penaltyCases.departmentId, departmentId), isNotNull(penaltyCases.publishedOn)))
    .orderBy(desc(penaltyCases.publishedOn), desc(penaltyCases.decisionNo))
    .limit(limit)
    .offset(offset);
}

const PAGE = 20;

export function penaltyPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  const statistics = statisticsPages(ctx, page);
  return async function penaltiesPortal(fastify) {
    await statistics(fastify);
    fastify.get('/xzcf', async (req, reply) => {
      const n = Math.min(
        Math.max(Number(firstString((req.query as Record<string, unknown>)?.page)) || 1, 1),
        500,
      );
      const dept = await portalDepartment(ctx.db);
      const rows = dept ? await publishedDecisions(ctx.db, dept.id, PAGE + 1, (n - 1) * PAGE) : [];
      const items = rows.slice(0, PAGE).map((r) => publicDecision(r, dept?.name ?? ''));
      return sendPortalPage(req, reply, page, {
        title: '行政处罚决定公开',
        children: (
          <>
            <h1>行政处罚决定公开</h1>
            {items.length ? (
              <section className="panel" aria-labelledby="cf-title">
                <h2 id="cf-title">行政处罚决定</h2>
                <table className="catalog">
                  <caption className="visually-hidden">行政处罚决定</caption>
                  <thead>
                    <tr>
                      <th scope="col">决定书文号</th>
                      <th scope="col">当事人</th>
                      <th scope="col">处罚种类</th>
                      <th scope="col">决定日期</th>
                      <th scope="col">状态</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((d) => (
                      <tr key={d.id}>
                        <td className="nowrap">
                          <a href={`/xzcf/${d.id}`}>{d.decisionNo}</a>
                        </td>
                        <td>{d.party}</td>
                        <td>{d.types}</td>
                        <td className="nowrap">{cnDate(d.decidedOn)}</td>
                        <td className="nowrap">{d.withdrawn ? '已撤回' : '有效'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : (
              <p>暂无公开的行政处罚决定。</p>
            )}
            {n > 1 || rows.length > PAGE ? (
              <nav className="pagination" aria-label="分页">
                {n > 1 ? <a href={`/xzcf?page=${n - 1}`}>上一页</a> : null}　第{n}页　
                {rows.length > PAGE ? <a href={`/xzcf?page=${n + 1}`}>下一页</a> : null}
              </nav>
            ) : null}
          </>
        ),
      });
    });
    fastify.get('/xzcf/:id', async (req, reply) => {
      const id = String((req.params as { id?: string }).id ?? '');
      const dept = await portalDepartment(ctx.db);
      const [row] =
        dept && /^[0-9a-f-]{36}$/i.test(id)
          ? await ctx.db
              .select()
              .from(penaltyCases)
              .where(
                and(
                  eq(penaltyCases.id, id),
                  eq(penaltyCases.departmentId, dept.id),
                  isNotNull(penaltyCases.publishedOn),
                ),
              )
          : [];
      if (!row || !dept)
        return sendErrorPage(req, reply, page, 404, '该行政处罚决定不存在或未公开');
      const d = publicDecision(row, dept.name);
      return sendPortalPage(req, reply, page, {
        title: d.withdrawn ? `撤回说明：${d.decisionNo}` : `行政处罚决定：${d.decisionNo}`,
        children: (
          <article className="panel" aria-labelledby="cf-h">
            <h1 id="cf-h">{d.withdrawn ? '行政处罚决定撤回说明' : '行政处罚决定'}</h1>
            <dl className="meta">
              <dt>处罚机关</dt>
              <dd>{d.authority}</dd>
              <dt>决定书文号</dt>
              <dd>{d.decisionNo}</dd>
              <dt>当事人</dt>
              <dd>
                {d.party}（{d.partyKind}）
              </dd>
              <dt>处罚种类</dt>
              <dd>{d.types}</dd>
              <dt>决定日期</dt>
              <dd>{cnDate(d.decidedOn)}</dd>
              <dt>公开日期</dt>
              <dd>{cnDate(d.publishedOn)}</dd>
            </dl>
            {d.withdrawn ? (
              <p>
                该行政处罚决定已被依法变更、撤销或者确认违法、无效，本机关于{cnDate(d.withdrawn.on)}
                撤回公开。理由：{d.withdrawn.reason}
              </p>
            ) : (
              <>
                <h2>处罚结论</h2>
                <p>{d.conclusion}</p>
              </>
            )}
          </article>
        ),
      });
    });
  };
}
