/**
 * 信访 facts for the annual report (part 依法化解矛盾纠纷): matters received, written acceptance notices
 * given in time (信访工作条例 Art 23: 15日), matters handled in time (Art 34: 60日, +30). "In time" is
 * read from the case steps the engine kept: the step done on or before its due date.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.ts';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';
import { pct, type Fact } from '../../core/facts.ts';

export const PETITION_FACT_FILTERS = [
  'received',
  'acceptedOnTime',
  'handled',
  'handledOnTime',
] as const;
export type PetitionFactFilter = (typeof PETITION_FACT_FILTERS)[number];

const stepOnTime = (step: string) =>
  sql`exists (select 1 from case_steps s where s.case_id = p.case_id and s.step = ${step} and s.status = 'done' and s.due_date is not null and s.done_on <= s.due_date)`;

/** The condition (on alias p) behind each fact, shared by the count and the record list. */
export function petitionFactWhere(filter: PetitionFactFilter): SQL {
  switch (filter) {
    case 'received':
      return sql`true`;
    case 'acceptedOnTime':
      return sql`p.notice_on is not null and ${stepOnTime('notice')}`;
    case 'handled':
      return sql`p.answered_on is not null`;
    case 'handledOnTime':
      return sql`p.answered_on is not null and ${stepOnTime('handle')}`;
  }
}

export async function petitionIdsFor(
  db: DbOrTx,
  departmentId: string,
  year: number,
  filter: PetitionFactFilter,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id from petitions p where p.department_id = ${departmentId} and extract(year from p.received_on) = ${year} and ${petitionFactWhere(filter)}`,
  );
  return rows.map((r) => r.id);
}

export async function petitionFacts(ctx: Ctx, departmentId: string, year: number): Promise<Fact[]> {
  const [c] = await queryRows<{
    received: number;
    accepted: number;
    acceptedOnTime: number;
    handled: number;
    handledOnTime: number;
  }>(
    ctx.db,
    sql`select count(*)::int as received,
      count(*) filter (where p.notice_on is not null)::int as accepted,
      count(*) filter (where ${petitionFactWhere('acceptedOnTime')})::int as "acceptedOnTime",
      count(*) filter (where ${petitionFactWhere('handled')})::int as handled,
      count(*) filter (where ${petitionFactWhere('handledOnTime')})::int as "handledOnTime"
      from petitions p where p.department_id = ${departmentId} and extract(year from p.received_on) = ${year}`,
  );
  const records = (fact: PetitionFactFilter) => ({ path: '/api/petitions', query: { year, fact } });
  return [
    {
      key: 'petitions.received',
      label: '受理信访事项',
      value: c.received,
      unit: '件',
      sentence: c.received ? `全年登记信访事项${c.received}件。` : '',
      method: '本年度收到并登记的信访事项数（按收到日期）。',
      records: records('received'),
    },
    {
      key: 'petitions.acceptedOnTime',
      label: '按时书面告知受理',
      value: c.acceptedOnTime,
      unit: '件',
      sentence: c.accepted
        ? `按时书面告知受理${c.acceptedOnTime}件，按时告知率${pct(c.acceptedOnTime, c.accepted)}%。`
        : '',
      method:
        '本年度登记的信访事项中，自收到之日起15日内书面告知信访人的件数（信访工作条例第二十三条）。',
      records: records('acceptedOnTime'),
      expect: {
        min: c.accepted,
        shortfall: '个别信访事项未按时书面告知受理',
        suggestion: '严格落实信访事项15日内书面告知要求',
      },
    },
    {
      key: 'petitions.handledOnTime',
      label: '按期办结信访事项',
      value: c.handledOnTime,
      unit: '件',
      sentence: c.handled
        ? `出具信访处理意见书${c.handled}件，其中按期办结${c.handledOnTime}件，按期办结率${pct(c.handledOnTime, c.handled)}%。`
        : '',
      method:
        '本年度登记的信访事项中，在受理之日起60日（经批准延长的，延长后的期限）内出具处理意见书的件数（信访工作条例第三十四条）。',
      records: records('handledOnTime'),
      expect: {
        min: c.handled,
        shortfall: '个别信访事项未在法定期限内办结',
        suggestion: '加强信访事项办理督办，确保按期办结',
      },
    },
  ];
}
