/**
 * Facts of 行政执法 for the annual report (part 严格规范公正文明执法), e.g. "行政执法人员总数达18名",
 * "组织执法人员深入相关单位进行'双随机、一公开'现场检查40次". Each value counts the records listed at
 * its `records` path. A count of nothing says nothing (an empty sentence).
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { departmentSettings } from './officers.ts';

export interface EnforcementCounts {
  officers: number;
  certified: number;
  trained: number;
  items: number;
  keyItems: number;
  plans: number;
  draws: number;
  inspections: number;
  problems: number;
  published: number;
  late: number;
}

export function enforcementFactsFrom(
  year: number,
  c: EnforcementCounts,
  trainingTarget: number,
): Fact[] {
  const officers = (query: Record<string, string | number | boolean>) => ({
    path: '/api/enforcement/officers',
    query: { year, ...query },
  });
  const insp = (query: Record<string, string | number | boolean>) => ({
    path: '/api/enforcement/inspections',
    query: { year, ...query },
  });
  const rate = pct(c.certified, c.officers);
  return [
    {
      key: 'enforcement.officers',
      label: '持证行政执法人员',
      value: c.certified,
      unit: '名',
      sentence: c.officers
        ? `行政执法人员总数达${c.certified}名${c.officers > c.certified ? `，持证率${rate}%` : '，全部持证上岗'}。`
        : '',
      method:
        '执法人员名录中年末（本年度为今日）状态为在岗且执法证在有效期内的人数；持证率以在册（未注销）人数为分母。',
      records: officers({ eligible: true }),
      expect:
        c.officers > c.certified
          ? {
              min: c.officers,
              shortfall: '部分执法人员执法证过期或暂停',
              suggestion: '及时办理执法证换证，未持证人员不得从事执法活动',
            }
          : undefined,
    },
    {
      key: 'enforcement.training',
      label: `年度培训达到${trainingTarget}学时的执法人员`,
      value: c.trained,
      unit: '名',
      sentence: c.trained ? `${c.trained}名执法人员年度培训达到${trainingTarget}学时。` : '',
      method: `执法人员名录中本年度培训学时不少于${trainingTarget}学时的人数。`,
      records: officers({ trained: true }),
    },
    {
      key: 'enforcement.items',
      label: '随机抽查事项',
      value: c.items,
      unit: '项',
      sentence: c.items
        ? `公布随机抽查事项清单${c.items}项${c.keyItems ? `，其中重点检查事项${c.keyItems}项` : ''}。`
        : '',
      method: '随机抽查事项清单中启用的事项数。',
      records: { path: '/api/enforcement/items', query: { active: true } },
    },
    {
      key: 'enforcement.plans',
      label: '公布年度抽查计划',
      value: c.plans,
      unit: '个',
      sentence: c.plans ? `制定并公布年度抽查计划${c.plans}个。` : '',
      method: '本年度已公布的抽查计划数。',
      records: { path: '/api/enforcement/plans', query: { year, status: 'published' } },
    },
    {
      key: 'enforcement.draws',
      label: '双随机抽取',
      value: c.draws,
      unit: '次',
      sentence: '',
      method: '本年度完成（未作废）的抽取次数。',
      records: { path: '/api/enforcement/draws', query: { year } },
    },
    {
      key: 'enforcement.inspections',
      label: '“双随机、一公开”现场检查',
      value: c.inspections,
      unit: '次',
      sentence: c.inspections
        ? `组织执法人员开展“双随机、一公开”现场检查${c.inspections}次${c.problems ? `，发现问题${c.problems}个并依法处理` : ''}。`
        : '',
      method:
        '本年度检查日期在年内且已录入结果的检查记录数；发现问题为结果为责令整改或移交立案的记录数。',
      records: insp({ done: true }),
    },
    {
      key: 'enforcement.problems',
      label: '检查发现问题',
      value: c.problems,
      unit: '个',
      sentence: '',
      method: '本年度检查结果为责令整改或移交立案的记录数。',
      records: insp({ problems: true }),
    },
    {
      key: 'enforcement.published',
      label: '抽查结果公示',
      value: c.published,
      unit: '条',
      sentence: c.published
        ? `抽查结果公示${c.published}条${c.late ? '' : '，均在检查结束后20个工作日内公示'}。`
        : '',
      method: '本年度检查的结果已在门户网站公示的条数。',
      records: insp({ status: 'published' }),
    },
    {
      key: 'enforcement.latePublication',
      label: '抽查结果逾期公示',
      value: c.late,
      unit: '条',
      sentence: c.late ? `${c.late}条抽查结果未在检查结束后20个工作日内公示。` : '',
      method: '公示期限已过而公示晚于期限或尚未公示的检查结果数。',
      records: insp({ late: true }),
      expect: c.late
        ? {
            max: 0,
            shortfall: '部分抽查结果未在20个工作日内公示',
            suggestion: '落实“谁检查、谁录入、谁公开”，检查结束后及时公示结果',
          }
        : undefined,
    },
  ];
}

export async function enforcementFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const today = ctx.clock.today();
  const on = `${year}-12-31` < today ? `${year}-12-31` : today;
  const s = await departmentSettings(ctx.db, departmentId, ctx.clock.now().getTime());
  const [c] = await queryRows<EnforcementCounts>(
    ctx.db,
    sql`with o as (select * from enforcement_officers where department_id = ${departmentId} and status <> 'revoked' and created_at::date <= ${on}::date),
    i as (select * from enforcement_inspections where department_id = ${departmentId} and status in ('done', 'published') and extract(year from inspected_on) = ${year})
    select
      (select count(*)::int from o) as officers,
      (select count(*)::int from o where status = 'active' and valid_from <= ${on}::date and valid_to >= ${on}::date) as certified,
      (select count(*)::int from o where coalesce((training ->> ${String(year)})::numeric, 0) >= ${s.trainingHours}) as trained,
      (select count(*)::int from enforcement_items where department_id = ${departmentId} and active) as items,
      (select count(*)::int from enforcement_items where department_id = ${departmentId} and active and kind = 'key') as "keyItems",
      (select count(*)::int from enforcement_plans where department_id = ${departmentId} and year = ${year} and status = 'published') as plans,
      (select count(*)::int from enforcement_draws d join enforcement_plans p on p.id = d.plan_id where d.department_id = ${departmentId} and p.year = ${year} and d.status = 'drawn') as draws,
      (select count(*)::int from i) as inspections,
      (select count(*)::int from i where result in ('rectify', 'referred')) as problems,
      (select count(*)::int from i where status = 'published') as published,
      (select count(*)::int from i where publish_due < coalesce(published_on, ${today}::date)) as late`,
  );
  return enforcementFactsFrom(year, c, s.trainingHours);
}
