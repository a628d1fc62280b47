/**
 * Facts of 依申请公开 for the 法治政府建设年度报告 (RULES §11): requests received, answered on time,
 * outcome shares, overdue at the end of the year. Each fact says how it was computed and which
 * records stand behind it.
 *
 * 按期答复率 (《政府信息公开条例》第三十三条: 20个工作日, 延长不超过20个工作日): of the requests
 * answered in the year and those still unanswered at its end with the time limit passed, the share
 * answered within the limit. An open request already overdue at the end of the year is late: it
 * counts against the rate before it is answered, so "按期答复率100%" never stands beside overdue
 * requests. The overdue ones are counted as at 12月31日 (reports/facts.ts periodEnd), not as at
 * the day the report is drafted, so a 2025 report never counts a 2026 request.
 */
import { sql } from 'drizzle-orm';
import { pct, type Fact } from '../../../core/facts.ts';
import type { Ctx } from '../../../core/context.ts';
import { queryRows } from '../../../core/db/client.ts';
import { asOfText, periodEnd, stepOverdueAt, type PeriodEnd } from '../../reports/index.ts';
import { OUTCOME_BY_CODE } from '../outcomes.ts';
import { yearBounds } from '../report/counts.ts';

export interface RequestCounts {
  received: number;
  answered: number;
  onTime: number;
  overdue: number;
}

/**
 * "本年度作出答复3件，均在法定期限内答复。" — or, with some late or overdue, the rate with what it
 * is made of: "本年度作出答复3件，其中在法定期限内答复2件；截至2025年12月31日另有2件已超过答复期限
 * 尚未答复，按期答复率40%。" Nothing answered and nothing overdue: nothing to say. No "答复0件".
 */
function rateSentence(period: PeriodEnd, c: RequestCounts, rate: number): string {
  const overdue = `已超过答复期限尚未答复，按期答复率${rate}%。`;
  if (!c.answered) return c.overdue ? `${asOfText(period)}，有${c.overdue}件申请${overdue}` : '';
  const all = c.answered > 1 ? '均' : '';
  const answered =
    c.onTime === c.answered
      ? `${all}在法定期限内答复`
      : c.onTime
        ? `其中在法定期限内答复${c.onTime}件`
        : `${all}超过法定期限答复`;
  if (c.onTime === c.answered && !c.overdue) return `本年度作出答复${c.answered}件，${answered}。`;
  return `本年度作出答复${c.answered}件，${answered}${c.overdue ? `；${asOfText(period)}另有${c.overdue}件${overdue}` : `，按期答复率${rate}%。`}`;
}

/** The facts from the counts (pure: the sentence families are tested on their own). */
export function requestFactsFrom(
  year: number,
  period: PeriodEnd,
  c: RequestCounts,
  outcomes: Array<{ outcome: string; n: number }>,
): Fact[] {
  const rate = pct(c.onTime, c.answered + c.overdue);
  const closed = outcomes.reduce((a, o) => a + o.n, 0);
  const facts: Fact[] = [
    {
      key: 'disclosure.requests.received',
      label: '收到政府信息公开申请',
      value: c.received,
      unit: '件',
      sentence: c.received
        ? `${year}年共收到政府信息公开申请${c.received}件。`
        : `${year}年未收到政府信息公开申请。`,
      method: '按条例第三十一条确定的收到申请之日在本年度内的申请计数。',
      records: { path: '/api/disclosure/requests', query: { year } },
    },
    {
      key: 'disclosure.requests.answeredOnTime',
      label: '按期答复率',
      value: rate,
      unit: '%',
      sentence: rateSentence(period, c, rate),
      method:
        '本年度作出答复的申请，加上年末（年度未结束的截至当日）已超过答复期限尚未答复的申请，其中在答复期限（含延长、暂停和重新起算）内答复的比例；逾期尚未答复的计为未按期答复。',
      records: { path: '/api/disclosure/requests', query: { status: 'closed', year } },
    },
    {
      key: 'disclosure.requests.overdue',
      label: '逾期未答复申请',
      value: c.overdue,
      unit: '件',
      // Said by the rate's sentence, which cannot be read without it.
      sentence: '',
      method:
        '截至本年度末（年度未结束的截至当日），答复期限已届满而尚未答复的申请，含其后才答复的。',
      records: {
        path: '/api/reports/step-records',
        query: { procedure: 'disclosureRequest', step: 'answer', kind: 'overdue', year },
      },
    },
  ];
  for (const o of outcomes) {
    const def = OUTCOME_BY_CODE.get(o.outcome);
    const name = def
      ? def.code === 'disclose' || def.code === 'partial'
        ? def.group.slice(3)
        : `${def.group.slice(3)}（${def.label}）`
      : o.outcome;
    facts.push({
      key: `disclosure.requests.outcome.${o.outcome}`,
      label: `办理结果占比：${name}`,
      value: pct(o.n, closed),
      unit: '%',
      sentence: `本年度办结的${closed}件申请中，${name}${o.n}件，占${pct(o.n, closed)}%。`,
      method: '本年度办结的申请按年度报告表三的办理结果分类计数。',
      records: { path: '/api/disclosure/requests', query: { status: 'closed', year } },
    });
  }
  return facts;
}

export async function disclosureRequestFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const { start, end } = yearBounds(year);
  const period = periodEnd(year, ctx.clock.today());
  const [row] = await queryRows<RequestCounts>(
    ctx.db,
    sql`select
      (select count(*)::int from disclosure_requests d where d.department_id = ${departmentId} and d.received_on between ${start} and ${end}) as received,
      (select count(*)::int from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end}
         and exists (select 1 from case_events e where e.case_id = c.id and e.type = 'answer')) as answered,
      (select count(*)::int from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end}
         and exists (select 1 from case_events e where e.case_id = c.id and e.type = 'answer')
         and exists (select 1 from case_steps s where s.case_id = c.id and s.step = 'answer' and s.done_on = c.closed_on and s.due_date >= c.closed_on)) as "onTime",
      (select count(distinct s.case_id)::int from case_steps s join cases c on c.id = s.case_id where s.department_id = ${departmentId} and c.procedure = 'disclosureRequest'
         and s.step = 'answer' and ${stepOverdueAt(period)}) as overdue`,
  );
  const outcomes = await queryRows<{ outcome: string; n: number }>(
    ctx.db,
    sql`select c.outcome, count(*)::int as n from cases c where c.department_id = ${departmentId} and c.procedure = 'disclosureRequest' and c.closed_on between ${start} and ${end} group by c.outcome order by n desc, c.outcome`,
  );
  return requestFactsFrom(year, period, row, outcomes);
}
