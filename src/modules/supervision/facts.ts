/** 督办 facts for the annual report: tasks due in the year and those closed by their deadline. */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows } from '../../core/db/client.ts';
import { pct, type Fact } from '../../core/facts.ts';

export async function supervisionFacts(
  ctx: Ctx,
  departmentId: string,
  year: number,
): Promise<Fact[]> {
  const [c] = await queryRows<{ due: number; onTime: number }>(
    ctx.db,
    sql`select count(*)::int as due, count(*) filter (where closed_on is not null and closed_on <= due_on)::int as "onTime"
      from supervised_tasks where department_id = ${departmentId} and extract(year from due_on) = ${year}`,
  );
  return [
    {
      key: 'supervision.closedOnTime',
      label: '督办事项按期办结',
      value: c.onTime,
      unit: '项',
      sentence: c.due
        ? `督办事项${c.due}项，按期办结${c.onTime}项，按期办结率${pct(c.onTime, c.due)}%。`
        : '',
      method: '办结期限在本年度的督办事项中，在期限（经领导调整的，调整后的期限）内办结的项数。',
      records: { path: '/api/supervision', query: { year, fact: 'closedOnTime' } },
    },
  ];
}
