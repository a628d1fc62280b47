/**
 * Facts of 主动公开 for the 法治政府建设年度报告 (RULES §11) and the 政府信息公开工作年度报告 (seeds:
 * "主动公开政府信息2477条", "及时更新了政府信息公开指南"). Each fact says how it was counted and
 * where the records behind it are listed.
 *
 * The prose never contradicts itself: nothing published is one plain sentence and timeliness is
 * then not spoken of (no "全部及时公开" or "及时率0%" beside it); all on time is said once.
 * 《政府信息公开条例》第二十六条: 自该政府信息形成或者变更之日起20个工作日内及时公开.
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../../core/facts.ts';
import { formatDateZh } from '../../../core/calendar/explain.ts';
import type { Ctx } from '../../../core/context.ts';
import { queryRows } from '../../../core/db/client.ts';
import { getSetting } from '../../../core/settings/service.ts';
import { classificationSettings, labelOf } from './categories.ts';
import { getGuide } from './guide.ts';
import { guideUpdatesIn } from './guideRecords.ts';

/** Published (not withdrawn) items per 组配分类 in a year, by 发布日期. */
export async function publicationCounts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<{ category: string; total: number; late: number }[]> {
  return queryRows(
    ctx.db,
    sql`select category, count(*)::int as total, count(*) filter (where late)::int as late
        from publications
        where department_id = ${departmentId} and status = 'published'
          and published_on >= ${`${year}-01-01`} and published_on < ${`${year + 1}-01-01`}
        group by category order by total desc, category`,
  );
}

/** The facts from the counts (pure). `breakdown`: "规划计划2条、政策文件2条"; `guideUpdatedOn`: the guide's last update if in the year. */
export function publicationFactsFrom(
  year: number,
  total: number,
  late: number,
  breakdown: string,
  guideUpdatedOn: string | null,
): Fact[] {
  const records = (query: Record<string, string | number | boolean>) => ({
    path: '/api/publications',
    query: { year, status: 'published', ...query },
  });
  const onTime =
    total === 1
      ? '该条信息在形成或者变更之日起20个工作日内公开。'
      : '上述信息均在形成或者变更之日起20个工作日内公开。';
  return [
    {
      key: 'disclosure.publications.total',
      label: '主动公开政府信息',
      value: total,
      unit: '条',
      sentence: total
        ? `${year}年主动公开政府信息${total}条${breakdown ? `，其中${breakdown}` : ''}。`
        : `${year}年未主动公开政府信息。`,
      method:
        '发布日期在本年度内、未撤回的主动公开信息条数，按组配分类汇总（撤回的更正信息不计）。',
      records: records({}),
    },
    {
      key: 'disclosure.publications.late',
      label: '超过20个工作日公开的信息',
      value: late,
      unit: '条',
      sentence: !total
        ? ''
        : late
          ? `有${late}条信息未在形成或者变更之日起20个工作日内公开。`
          : onTime,
      method:
        '发布日期晚于生成日期起第20个工作日（《政府信息公开条例》第二十六条，按工作日历计算）的信息条数。',
      records: records({ late: true }),
    },
    {
      key: 'disclosure.publications.timelyRate',
      label: '主动公开及时率',
      value: pct(total - late, total),
      unit: '%',
      // All on time is said by the sentence above; nothing published has no rate to speak of.
      sentence: total && late ? `主动公开及时率${pct(total - late, total)}%。` : '',
      method: '本年度在20个工作日内公开的条数占主动公开总条数的比例；无公开信息时记为0。',
      records: records({ late: false }),
    },
    {
      key: 'disclosure.guide.updated',
      label: '本年度更新政府信息公开指南',
      value: guideUpdatedOn ? 1 : 0,
      unit: '次',
      sentence: guideUpdatedOn ? `于${formatDateZh(guideUpdatedOn)}更新政府信息公开指南。` : '',
      method: '政府信息公开指南最近一次更新日期是否在本年度内（1 = 是，0 = 否）。',
      records: { path: '/api/disclosure/guide/updates', query: { year } },
    },
  ];
}

export async function publicationFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const counts = await publicationCounts(ctx, departmentId, year);
  const { categories } = await getSetting(
    ctx.db,
    classificationSettings,
    ctx.clock.now().getTime(),
  );
  const total = counts.reduce((a, c) => a + c.total, 0);
  const late = counts.reduce((a, c) => a + c.late, 0);
  const breakdown = counts.map((c) => `${labelOf(categories, c.category)}${c.total}条`).join('、');
  const guide = await getGuide(ctx.db, departmentId, ctx.clock.now().getTime());
  // The figure is the number of updates `/api/disclosure/guide/updates` lists for the year (0 or 1).
  return publicationFactsFrom(
    year,
    total,
    late,
    breakdown,
    guideUpdatesIn(guide, year)[0]?.updatedOn ?? null,
  );
}
