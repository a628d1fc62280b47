// 行政执法公示 on the portal (国办发〔2018〕118号): /zfgs — 事前公开 (执法人员 registry: name, certificate
// number, field, status; enforcement information and the 随机抽查事项清单 with every published version);
// /sjcc — 双随机、一公开: published plans, their draws with everything needed to re-run them, and the
// published results by plan with search.
import type { FastifyPluginAsync } from 'fastify';
import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  firstString,
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import { disclosures, draws, inspections, officers, plans } from './schema.ts';
import { drawOnPortal, publicDraw, redrawRecord } from './draws.ts';
import { withNames } from './inspections.ts';
import { DRAW_STATUS_LABELS, OFFICER_STATUS_LABELS } from './labels.ts';
import { InfoVersion, ItemsVersion, DrawScheme } from './portalParts.tsx';

export const enforcementSections: PortalSection[] = [
  {
    path: '/zfgs',
    title: '行政执法公示',
    summary:
      '执法人员名录、执法主体与职责、执法程序与流程图、裁量基准、救济途径和随机抽查事项清单。',
  },
  {
    path: '/sjcc',
    title: '双随机、一公开',
    summary: '年度抽查计划、可复核的随机抽取过程和抽查结果。',
  },
];

const uuid = /^[0-9a-f-]{36}$/i;

export function enforcementPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  return async function enforcementPortalPlugin(fastify) {
    fastify.get('/zfgs', async (req, reply) => {
      const dept = await portalDepartment(ctx.db);
      const q = req.query as Record<string, unknown>;
      const wanted = {
        items: Number(firstString(q.items)) || 0,
        info: Number(firstString(q.info)) || 0,
      };
      const list = dept
        ? await ctx.db
            .select()
            .from(officers)
            .where(and(eq(officers.departmentId, dept.id)))
            .orderBy(asc(officers.name))
        : [];
      const versions = dept
        ? await ctx.db
            .select()
            .from(disclosures)
            .where(eq(disclosures.departmentId, dept.id))
            .orderBy(desc(disclosures.version))
        : [];
      const pick = (kind: 'items' | 'info') =>
        versions
          .filter((v) => v.kind === kind)
          .find((v) => !wanted[kind] || v.version === wanted[kind]);
      const info = pick('info');
      const itemsV = pick('items');
      const today = ctx.clock.today();
      return sendPortalPage(req, reply, page, {
        title: '行政执法公示',
        breadcrumbs: [{ title: '行政执法公示' }],
        children: (
          <>
            <h1>行政执法公示</h1>
            <section className="panel" aria-labelledby="officers-title">
              <h2 id="officers-title">执法人员名录</h2>
              {list.length ? (
                <table className="catalog">
                  <caption className="visually-hidden">执法人员名录</caption>
                  <thead>
                    <tr>
                      <th scope="col">姓名</th>
                      <th scope="col">执法证号</th>
                      <th scope="col">执法领域</th>
                      <th scope="col">状态</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((o) => (
                      <tr key={o.id}>
                        <td>{o.name}</td>
                        <td className="nowrap">{o.certificateNo}</td>
                        <td>{o.field}</td>
                        <td className="nowrap">
                          {o.status === 'active' && o.validTo < today
                            ? '证件过期'
                            : OFFICER_STATUS_LABELS[o.status]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>暂无执法人员信息。</p>
              )}
            </section>
            {info ? (
              <InfoVersion v={info} all={versions.filter((v) => v.kind === 'info')} />
            ) : (
              <p>执法主体、职责、程序等信息尚未公布。</p>
            )}
            {itemsV ? (
              <ItemsVersion v={itemsV} all={versions.filter((v) => v.kind === 'items')} />
            ) : (
              <p>随机抽查事项清单尚未公布。</p>
            )}
          </>
        ),
      });
    });

    fastify.get('/sjcc', async (req, reply) => {
      const dept = await portalDepartment(ctx.db);
      const q = req.query as Record<string, unknown>;
      const search = (firstString(q.q) ?? '').trim().slice(0, 50);
      const planId = firstString(q.plan) ?? '';
      const rows = dept
        ? await ctx.db
            .select()
            .from(plans)
            .where(and(eq(plans.departmentId, dept.id), eq(plans.status, 'published')))
            .orderBy(desc(plans.year), asc(plans.startOn))
        : [];
      const drawRows = dept
        ? await ctx.db
            .select()
            .from(draws)
            .where(eq(draws.departmentId, dept.id))
            .orderBy(asc(draws.seq))
        : [];
      const conds: SQL[] = [eq(inspections.status, 'published')];
      if (dept) conds.push(eq(inspections.departmentId, dept.id));
      if (uuid.test(planId)) conds.push(eq(inspections.planId, planId));
      if (search)
        conds.push(
          or(
            ilike(inspections.targetName, `%${search}%`),
            ilike(inspections.creditCode, `%${search}%`),
          )!,
        );
      const results = dept
        ? await withNames(
            ctx.db,
            await ctx.db
              .select()
              .from(inspections)
              .where(and(...conds))
              .orderBy(desc(inspections.publishedOn))
              .limit(100),
          )
        : [];
      return sendPortalPage(req, reply, page, {
        title: '双随机、一公开',
        breadcrumbs: [{ title: '双随机、一公开' }],
        children: (
          <>
            <h1>双随机、一公开</h1>
            <section className="panel" aria-labelledby="plans-title">
              <h2 id="plans-title">年度抽查计划</h2>
              {rows.length ? (
                <table className="catalog">
                  <caption className="visually-hidden">年度抽查计划</caption>
                  <thead>
                    <tr>
                      <th scope="col">计划</th>
                      <th scope="col">检查时间</th>
                      <th scope="col">抽查比例</th>
                      <th scope="col">范围</th>
                      <th scope="col">抽取</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={p.id}>
                        <td>{p.name}</td>
                        <td className="nowrap">
                          {cnDate(p.startOn)}至{cnDate(p.endOn)}
                        </td>
                        <td className="nowrap">{p.ratio}%</td>
                        <td>{p.scope}</td>
                        <td>
                          {drawRows
                            .filter((d) => d.planId === p.id)
                            .map((d) => (
                              <div key={d.id}>
                                <a href={`/sjcc/draws/${d.id}`}>
                                  第{d.seq}次抽取（{DRAW_STATUS_LABELS[d.status]}）
                                </a>
                              </div>
                            ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>暂无公布的抽查计划。</p>
              )}
            </section>
            <section className="panel" aria-labelledby="results-title">
              <h2 id="results-title">抽查结果</h2>
              <form method="get" action="/sjcc" role="search">
                <label htmlFor="sjcc-plan">抽查计划</label>{' '}
                <select id="sjcc-plan" name="plan" defaultValue={planId}>
                  <option value="">全部计划</option>
                  {rows.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>{' '}
                <label htmlFor="sjcc-q">检查对象名称或统一社会信用代码</label>{' '}
                <input id="sjcc-q" name="q" type="search" defaultValue={search} maxLength={50} />{' '}
                <button type="submit">查询</button>
              </form>
              {results.length ? (
                <table className="catalog">
                  <caption className="visually-hidden">抽查结果</caption>
                  <thead>
                    <tr>
                      <th scope="col">检查对象</th>
                      <th scope="col">统一社会信用代码</th>
                      <th scope="col">抽查计划</th>
                      <th scope="col">检查日期</th>
                      <th scope="col">检查结果</th>
                      <th scope="col">公示日期</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.map((r) => (
                      <tr key={r.id}>
                        <td>{r.targetName}</td>
                        <td className="nowrap">{r.creditCode}</td>
                        <td>{r.planName}</td>
                        <td className="nowrap">{r.inspectedOn ? cnDate(r.inspectedOn) : ''}</td>
                        <td>{r.resultLabel}</td>
                        <td className="nowrap">{r.publishedOn ? cnDate(r.publishedOn) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>没有符合条件的抽查结果。</p>
              )}
            </section>
          </>
        ),
      });
    });

    const publicDrawRow = async (id: string) => {
      if (!uuid.test(id)) return undefined;
      const dept = await portalDepartment(ctx.db);
      if (!dept) return undefined;
      const [d] = await ctx.db
        .select()
        .from(draws)
        .where(and(eq(draws.id, id), eq(draws.departmentId, dept.id)));
      if (!d) return undefined;
      const [p] = await ctx.db.select().from(plans).where(eq(plans.id, d.planId));
      return p && drawOnPortal(p) ? { d, p } : undefined;
    };

    fastify.get('/sjcc/draws/:id', async (req, reply) => {
      const found = await publicDrawRow((req.params as { id: string }).id);
      if (!found) return reply.callNotFound();
      const { d, p } = found;
      const view = publicDraw(d);
      const verify =
        firstString((req.query as Record<string, unknown>).verify) === '1' && d.snapshot
          ? redrawRecord(d)
          : null;
      const named = d.result
        ? await withNames(
            ctx.db,
            await ctx.db
              .select()
              .from(inspections)
              .where(eq(inspections.drawId, d.id))
              .orderBy(asc(inspections.creditCode)),
          )
        : [];
      return sendPortalPage(req, reply, page, {
        title: `${p.name}第${d.seq}次抽取`,
        breadcrumbs: [{ title: '双随机、一公开', href: '/sjcc' }, { title: `第${d.seq}次抽取` }],
        children: (
          <>
            <h1>
              {p.name}第{d.seq}次抽取
            </h1>
            <dl className="facts">
              <dt>状态</dt>
              <dd>
                {view.statusLabel}
                {d.cancelReason ? `（作废理由：${d.cancelReason}）` : ''}
              </dd>
              <dt>承诺值（抽取前公布的随机数哈希）</dt>
              <dd>
                <code>{view.commitment}</code>
              </dd>
              <dt>承诺时间</dt>
              <dd>{view.committedAt}</dd>
              {view.nonce ? (
                <>
                  <dt>随机数</dt>
                  <dd>
                    <code>{view.nonce}</code>
                  </dd>
                  <dt>抽取时间</dt>
                  <dd>
                    <code>{view.drawnAt}</code>
                  </dd>
                  <dt>候选名单快照哈希（SHA-256）</dt>
                  <dd>
                    <code>{view.snapshotHash}</code>（
                    <a href={`/sjcc/draws/${d.id}/snapshot.json`}>下载快照</a>）
                  </dd>
                  <dt>随机种子</dt>
                  <dd>
                    <code>{view.seed}</code>
                  </dd>
                </>
              ) : null}
            </dl>
            {d.snapshot ? (
              <p>
                <a href={`/sjcc/draws/${d.id}?verify=1`}>用公布的数据重新运行抽取并核对结果</a>
              </p>
            ) : null}
            {verify ? (
              <p role="status">
                <strong>
                  {verify.same
                    ? '复核一致：用公布的数据重新运行抽取，结果与公布的抽取结果完全相同。'
                    : '复核不一致：重新运行的结果与公布的抽取结果不同。'}
                </strong>
              </p>
            ) : null}
            {named.length ? (
              <table className="catalog">
                <caption>抽取结果（{named.length}户）</caption>
                <thead>
                  <tr>
                    <th scope="col">检查对象</th>
                    <th scope="col">统一社会信用代码</th>
                    <th scope="col">检查人员（执法证号）</th>
                  </tr>
                </thead>
                <tbody>
                  {named.map((r) => (
                    <tr key={r.id}>
                      <td>{r.targetName}</td>
                      <td className="nowrap">{r.creditCode}</td>
                      <td>
                        {r.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <DrawScheme />
          </>
        ),
      });
    });

    fastify.get('/sjcc/draws/:id/snapshot.json', async (req, reply) => {
      const found = await publicDrawRow((req.params as { id: string }).id);
      if (!found?.d.snapshot) return reply.callNotFound();
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="snapshot-${found.d.id}.json"`)
        .send(found.d.snapshot);
    });
  };
}
