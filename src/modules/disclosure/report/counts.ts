/**
 * Counting table 三 from requests and their cases: one grouped query per department and year.
 * A request belongs to the year when it was received by 12-31 and not closed before 01-01:
 * 一 received in the year; 二 received earlier (carried in); 三 closed in the year, by outcome;
 * 四 still open at 12-31 (carried out). 一 + 二 = 三(七) + 四 holds by construction.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../../core/db/client.ts';
import {
  APPLICANT_COLUMNS,
  type ApplicantColumn,
  type Counts,
  type Table3Input,
} from './tables.ts';

export const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/** The rows of the year (received by its end, not closed before its start), with their result row. */
export function yearRequestsSql(departmentId: string, year: number, extra?: SQL): SQL {
  const { start, end } = yearBounds(year);
  return sql`select d.id, d.report_column as col, d.received_on, c.closed_on, c.outcome,
      case when c.closed_on is not null and c.closed_on <= ${end} then c.outcome end as result
    from disclosure_requests d join cases c on c.id = d.case_id
    where d.department_id = ${departmentId} and d.received_on <= ${end}
      and (c.closed_on is null or c.closed_on >= ${start})${extra ? sql` and ${extra}` : sql``}`;
}

interface Group {
  col: string;
  result: string | null;
  received: number;
  carried_in: number;
  n: number;
}

export function table3Sql(departmentId: string, year: number): SQL {
  const { start } = yearBounds(year);
  return sql`select y.col, y.result,
      (count(*) filter (where y.received_on >= ${start}))::int as received,
      (count(*) filter (where y.received_on < ${start}))::int as carried_in,
      count(*)::int as n
    from (${yearRequestsSql(departmentId, year)}) y group by y.col, y.result`;
}

/** Folds the grouped rows into the table's input (pure). */
export function foldTable3(groups: Group[]): Table3Input {
  const input: Table3Input = { received: {}, carriedIn: {}, results: {}, carriedOut: {} };
  const add = (c: Counts, col: string, n: number) => {
    const k = (APPLICANT_COLUMNS as readonly string[]).includes(col)
      ? (col as ApplicantColumn)
      : 'other';
    c[k] = (c[k] ?? 0) + n;
  };
  for (const g of groups) {
    add(input.received, g.col, g.received);
    add(input.carriedIn, g.col, g.carried_in);
    if (g.result) add((input.results[g.result] ??= {}), g.col, g.n);
    else add(input.carriedOut, g.col, g.n);
  }
  return input;
}

export async function countTable3(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<Table3Input> {
  return foldTable3(await queryRows<Group>(db, table3Sql(departmentId, year)));
}

/** 信息处理费 collected in the year (fees paid: the notice's amount, on the payment date) — for section 六. */
export async function feesCollected(
  db: DbOrTx,
  departmentId: string,
  year: number,
): Promise<{ count: number; amount: number }> {
  const { start, end } = yearBounds(year);
  const [row] = await queryRows<{ count: number; amount: string | null }>(
    db,
    sql`select count(*)::int as count, sum((n.data->>'amount')::numeric) as amount
      from case_events p
      join cases c on c.id = p.case_id and c.department_id = ${departmentId} and c.procedure = 'disclosureRequest'
      join lateral (select data from case_events e where e.case_id = p.case_id and e.type = 'feeNotice' and e.seq < p.seq order by e.seq desc limit 1) n on true
      where p.type = 'feePaid' and p.on_date between ${start} and ${end}`,
  );
  return { count: row?.count ?? 0, amount: Number(row?.amount ?? 0) };
}
