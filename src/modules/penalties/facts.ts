/**
 * Facts of 行政处罚 for the annual report (严格规范公正文明执法): cases opened, decisions by procedure and
 * amount, 法制审核, hearings, and whether decisions were published within 7 个工作日 (118号). A count of
 * nothing says nothing (empty sentence).
 */
import { sql } from 'drizzle-orm';
import type { Fact } from '../../core/facts.ts';
import { pct } from '../../core/facts.ts';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';

export interface PenaltyCounts {
  opened: number;
  decided: number;
  summary: number;
  fines: number;
  fineTotal: number;
  legalChecks: number;
  hearings: number;
  due: number;
  onTime: number;
  withdrawn: number;
}

export function penaltyFactsFrom(year: number, c: PenaltyCounts): Fact[] {
  const list = (query: Record<string, string | number | boolean>) => ({
    path: '/api/penalties',
    query: { year, ...query },
  });
  const wan = Math.round(c.fineTotal / 100) / 100;
  return [
    {
      key: 'penalties.opened',
      label: '行政处罚立案',
      value: c.opened,
      unit: '件',
      sentence: c.opened ? `全年行政处罚立案${c.opened}件。` : '',
      method: '本年度立案的普通程序行政处罚案件数。',
      records: list({}),
    },
    {
      key: 'penalties.decided',
      label: '作出行政处罚决定',
      value: c.decided,
      unit: '件',
      sentence: c.decided
        ? `作出行政处罚决定${c.decided}件${c.summary ? `（其中简易程序${c.summary}件）` : ''}${c.fines ? `，罚款${c.fines}件，罚没金额${wan}万元` : ''}。`
        : '',
      method: '本年度作出的给予行政处罚决定数（含当场处罚），罚没金额为罚款与没收金额之和。',
      records: list({ decided: true }),
    },
    {
      key: 'penalties.legalChecks',
      label: '重大执法决定法制审核',
      value: c.legalChecks,
      unit: '件',
      sentence: c.legalChecks
        ? `严格落实重大执法决定法制审核制度，法制审核${c.legalChecks}件。`
        : '',
      method: '本年度出具法制审核意见的行政处罚案件数（行政处罚法第五十八条）。',
      records: list({ legalChecked: true }),
    },
    {
      key: 'penalties.hearings',
      label: '举行行政处罚听证',
      value: c.hearings,
      unit: '次',
      sentence: c.hearings ? `依当事人申请举行听证${c.hearings}次。` : '',
      method: '本年度举行听证的行政处罚案件数（行政处罚法第六十三条）。',
      records: list({ hearing: true }),
    },
    {
      key: 'penalties.publishedOnTime',
      label: '行政处罚决定按时公开率',
      value: pct(c.onTime, c.due),
      unit: '%',
      sentence: c.due
        ? `行政处罚决定${c.onTime}件在7个工作日内公开，按时公开率${pct(c.onTime, c.due)}%。`
        : '',
      method:
        '本年度公开期限届满的行政处罚决定（普通程序）中，在作出决定之日起7个工作日内公开的比例（国办发〔2018〕118号）。',
      records: list({ decided: true }),
      expect: c.due
        ? {
            min: 100,
            shortfall: '个别行政处罚决定未在7个工作日内公开',
            suggestion: '严格落实行政执法公示制度，行政处罚决定作出后7个工作日内公开',
          }
        : undefined,
    },
  ];
}

export async function penaltyFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  // As at 12月31日 of the year, or today while it runs: a decision whose publication is not yet due is not counted.
  const asOf = [`${year}-12-31`, ctx.clock.today()].sort()[0];
  const [c] = await queryRows<PenaltyCounts>(
    ctx.db,
    sql`with p as (select * from penalty_cases where department_id = ${departmentId}),
    d as (select * from p where decision_type = 'penalty' and extract(year from decided_on) = ${year})
    select
      (select count(*)::int from p where mode = 'general' and year = ${year}) as opened,
      (select count(*)::int from d) as decided,
      (select count(*)::int from d where mode = 'summary') as summary,
      (select count(*)::int from d where coalesce(fine_amount, 0) > 0) as fines,
      (select coalesce(sum(coalesce(fine_amount, 0) + coalesce(confiscation_amount, 0)), 0)::float from d) as "fineTotal",
      (select count(distinct p.id)::int from p join case_events e on e.case_id = p.case_id where e.type = 'concludeLegalReview' and extract(year from e.on_date) = ${year}) as "legalChecks",
      (select count(distinct p.id)::int from p join case_events e on e.case_id = p.case_id where e.type = 'holdHearing' and extract(year from e.on_date) = ${year}) as hearings,
      (select count(*)::int from d where mode = 'general' and publication_due_on is not null and publication_due_on <= ${asOf}) as due,
      (select count(*)::int from d where mode = 'general' and publication_due_on <= ${asOf} and published_on is not null and published_on <= publication_due_on) as "onTime",
      (select count(*)::int from p where withdrawn_on is not null and extract(year from withdrawn_on) = ${year}) as withdrawn`,
  );
  return penaltyFactsFrom(year, c);
}
