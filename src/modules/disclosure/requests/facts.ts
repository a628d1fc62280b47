/**
 * Facts of 依申请公开 for the 法治政府建设年度报告 (RULES §11): requests received, answered on time,
 * outcome shares, overdue now. Each fact says how it was computed and which records stand behind it.
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../../core/facts.ts';
import type { Ctx } from '../../../core/context.ts';
import { queryRows } from '../../../core/db/client.ts';
import { OUTCOME_BY_CODE } from '../outcomes.ts';
import { yearBounds } from '../report/counts.ts';

export async function disclosureRequestFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const { start, end } = yearBounds(year);
  const today = ctx.clock.today();
  const [row] = await queryRows<{ received: number; answered: number; on_time: number; overdue: number }>(
    ctx.db,
    sql`select
      (select count(*)::int from disclosure_requests d where d.department_id = ${departmentId} and d.received_on between ${start} and ${end}) as received,
      (select count(*)::int from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end}
         and exists (select 1 from case_events e where e.case_id = c.id and e.type = 'answer')) as answered,
      (select count(*)::int from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end}
         and exists (select 1 from case_events e where e.case_id = c.id and e.type = 'answer')
         and exists (select 1 from case_steps s where s.case_id = c.id and s.step = 'answer' and s.done_on = c.closed_on and s.due_date >= c.closed_on)) as on_time,
      (select count(*)::int from case_steps s join cases c on c.id = s.case_id where s.department_id = ${departmentId} and c.procedure = 'disclosureRequest'
         and s.status = 'open' and s.step = 'answer' and s.due_date < ${today}) as overdue`,
  );
  const outcomes = await queryRows<{ outcome: string; n: number }>(
    ctx.db,
    sql`select c.outcome, count(*)::int as n from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end} group by c.outcome order by n desc`,
  );
  const closed = outcomes.reduce((a, o) => a + o.n, 0);
  const facts: Fact[] = [
    { key: 'disclosure.requests.received', label: '收到政府信息公开申请', value: row.received, unit: '件', sentence: `${year}年共收到政府信息公开申请${row.received}件。`, method: '按条例第三十一条确定的收到申请之日在本年度内的申请计数。', records: { path: '/api/disclosure/requests', query: { year } } },
    { key: 'disclosure.requests.answeredOnTime', label: '按期答复率', value: pct(row.on_time, row.answered), unit: '%', sentence: `本年度作出答复${row.answered}件，其中在法定期限内答复${row.on_time}件，按期答复率${pct(row.on_time, row.answered)}%。`, method: '本年度作出答复的申请中，答复日期不晚于答复期限（含延长、暂停和重新起算）的比例。', records: { path: '/api/disclosure/requests', query: { status: 'closed', year } } },
    { key: 'disclosure.requests.overdue', label: '逾期未答复申请', value: row.overdue, unit: '件', sentence: row.overdue ? `截至${today}，逾期未答复的申请${row.overdue}件。` : `截至${today}，无逾期未答复的申请。`, method: '答复期限已届满而尚未答复的申请（当前状态）。', records: { path: '/api/disclosure/requests', query: { overdue: true } } },
  ];
  for (const o of outcomes) {
    const def = OUTCOME_BY_CODE.get(o.outcome);
    const name = def ? (def.code === 'disclose' || def.code === 'partial' ? def.group.slice(3) : `${def.group.slice(3)}（${def.label}）`) : o.outcome;
    facts.push({ key: `disclosure.requests.outcome.${o.outcome}`, label: `办理结果占比：${name}`, value: pct(o.n, closed), unit: '%', sentence: `本年度办结的${closed}件申请中，${name}${o.n}件，占${pct(o.n, closed)}%。`, method: '本年度办结的申请按年度报告表三的办理结果分类计数。', records: { path: '/api/disclosure/requests', query: { status: 'closed', year } } });
  }
  return facts;
}
