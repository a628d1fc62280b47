// 权责清单 on the portal (/qzqd): the items in force by category, each with its page (/qzqd/:code)
// showing every field and its adjustment history; the list's own history (/qzqd?history) below.
import type { FastifyPluginAsync } from 'fastify';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { portalDepartment } from '../../core/orgs/service.ts';
import {
  sendPortalPage,
  type PortalPageContext,
  type PortalSection,
} from '../../portal/plugin.tsx';
import { formatDateZh as cnDate } from '../../core/calendar/explain.ts';
import {
  ADJUSTMENT_ACTIONS,
  POWER_CATEGORIES,
  POWER_FIELDS,
  POWER_STATUSES,
  type PowerCategory,
  type PowerField,
} from './categories.ts';
import { powerAdjustments, powerItems } from './schema.ts';
import { historyOf } from './service.ts';

export const powerSections: PortalSection[] = [
  {
    path: '/qzqd',
    title: '权责清单',
    summary: '本部门行政权力事项的名称、依据、责任事项和追责情形，及其动态调整情况。',
  },
];
const QZQD = { title: '权责清单', href: '/qzqd' };

type Adjustment = typeof powerAdjustments.$inferSelect;

function History({ rows, names }: { rows: Array<Adjustment & { name?: string }>; names: boolean }) {
  return (
    <table className="catalog">
      <caption className="visually-hidden">调整记录</caption>
      <thead>
        <tr>
          <th scope="col">调整日期</th>
          {names ? <th scope="col">事项</th> : null}
          <th scope="col">类别</th>
          <th scope="col">调整依据</th>
          <th scope="col">调整内容</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td className="nowrap">{cnDate(a.effectiveOn)}</td>
            {names ? <td>{a.name}</td> : null}
            <td className="nowrap">
              {ADJUSTMENT_ACTIONS[a.action as keyof typeof ADJUSTMENT_ACTIONS] ?? a.action}
            </td>
            <td>{a.basis}</td>
            <td>
              {a.changes.length
                ? a.changes.map((c) => `${c.field}：由“${c.from}”调整为“${c.to}”`).join('；')
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function powerPortal(deps: { ctx: Ctx; page: PortalPageContext }): FastifyPluginAsync {
  const { ctx, page } = deps;
  return async function powersPortal(fastify) {
    fastify.get('/qzqd', async (req, reply) => {
      const dept = await portalDepartment(ctx.db);
      const items = dept
        ? await ctx.db
            .select()
            .from(powerItems)
            .where(eq(powerItems.departmentId, dept.id))
            .orderBy(powerItems.code)
        : [];
      const inForce = items.filter((p) => p.status !== 'cancelled');
      const recent = dept
        ? await ctx.db
            .select({ a: powerAdjustments, name: powerItems.name })
            .from(powerAdjustments)
            .innerJoin(powerItems, eq(powerItems.id, powerAdjustments.powerId))
            .where(eq(powerAdjustments.departmentId, dept.id))
            .orderBy(desc(powerAdjustments.effectiveOn), desc(powerAdjustments.createdAt))
            .limit(50)
        : [];
      return sendPortalPage(req, reply, page, {
        title: '权责清单',
        breadcrumbs: [{ title: '权责清单' }],
        children: (
          <>
            <h1>{dept?.name ?? ''}权责清单</h1>
            <p>共{inForce.length}项行政权力事项。</p>
            {(Object.keys(POWER_CATEGORIES) as PowerCategory[]).map((cat) => {
              const rows = inForce.filter((p) => p.category === cat);
              if (!rows.length) return null;
              return (
                <section className="panel" key={cat} aria-labelledby={`qz-${cat}`}>
                  <h2 id={`qz-${cat}`}>
                    {POWER_CATEGORIES[cat]}（{rows.length}项）
                  </h2>
                  <table className="catalog">
                    <caption className="visually-hidden">{POWER_CATEGORIES[cat]}事项</caption>
                    <thead>
                      <tr>
                        <th scope="col">事项编码</th>
                        <th scope="col">事项名称</th>
                        <th scope="col">实施主体</th>
                        <th scope="col">办理时限</th>
                        <th scope="col">状态</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((p) => (
                        <tr key={p.id}>
                          <td className="nowrap">{p.code}</td>
                          <td>
                            <a href={`/qzqd/${encodeURIComponent(p.code)}`}>{p.name}</a>
                          </td>
                          <td>{p.implementingBody}</td>
                          <td>{p.timeLimit || '—'}</td>
                          <td className="nowrap">
                            {POWER_STATUSES[p.status as keyof typeof POWER_STATUSES]}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              );
            })}
            <section className="panel" aria-labelledby="qz-history">
              <h2 id="qz-history">调整情况</h2>
              {recent.length ? (
                <History rows={recent.map((r) => ({ ...r.a, name: r.name }))} names />
              ) : (
                <p>暂无调整记录。</p>
              )}
            </section>
          </>
        ),
      });
    });

    fastify.get('/qzqd/:code', async (req, reply) => {
      const code = String((req.params as { code: string }).code).slice(0, 60);
      const dept = await portalDepartment(ctx.db);
      const [p] = dept
        ? await ctx.db
            .select()
            .from(powerItems)
            .where(and(eq(powerItems.departmentId, dept.id), eq(powerItems.code, code)))
        : [];
      if (!p)
        return sendPortalPage(req, reply, page, {
          title: '未找到',
          status: 404,
          breadcrumbs: [QZQD, { title: '未找到' }],
          children: (
            <>
              <h1>未找到该事项</h1>
              <p>
                <a href="/qzqd">返回权责清单</a>
              </p>
            </>
          ),
        });
      const history = await historyOf(ctx.db, [p.id]);
      const shown: PowerField[] = [
        'code',
        'basis',
        'implementingBody',
        'handlingOrg',
        'duties',
        'accountability',
        'timeLimit',
        'hotline',
      ];
      return sendPortalPage(req, reply, page, {
        title: p.name,
        breadcrumbs: [QZQD, { title: p.name }],
        children: (
          <>
            <h1>{p.name}</h1>
            <p>
              {POWER_CATEGORIES[p.category as PowerCategory]} ·{' '}
              {POWER_STATUSES[p.status as keyof typeof POWER_STATUSES]} · 第{p.version}版
            </p>
            <dl className="fields">
              {shown.map((k) => (
                <div key={k}>
                  <dt>{POWER_FIELDS[k]}</dt>
                  <dd>{p[k] || '—'}</dd>
                </div>
              ))}
            </dl>
            <section className="panel" aria-labelledby="qz-item-history">
              <h2 id="qz-item-history">调整记录</h2>
              <History rows={history} names={false} />
            </section>
          </>
        ),
      });
    });
  };
}
