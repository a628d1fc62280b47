/** The requests behind one cell of table 三 (a click on a count lists them). */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../core/context.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { authorize } from '../policy.ts';
import { queryRows } from '../../../core/db/client.ts';
import { DISCLOSURE_OUTCOMES } from '../outcomes.ts';
import { yearBounds, yearRequestsSql } from './counts.ts';

export async function cellRequests(ctx: Ctx, actor: Actor, year: number, row: string, col: string) {
  authorize(actor, 'disclosureRequest', 'list');
  const { start } = yearBounds(year);
  const rowCond =
    row === 'received'
      ? sql`d.received_on >= ${start}`
      : row === 'carriedIn'
        ? sql`d.received_on < ${start}`
        : row === 'carriedOut'
          ? sql`(c.closed_on is null or c.closed_on > ${yearBounds(year).end})`
          : row === 'resultTotal'
            ? sql`c.closed_on <= ${yearBounds(year).end}`
            : DISCLOSURE_OUTCOMES.some((o) => o.code === row)
              ? sql`c.closed_on <= ${yearBounds(year).end} and c.outcome = ${row}`
              : sql`false`;
  const colCond = col === 'total' ? sql`true` : sql`d.report_column = ${col}`;
  const rows = await queryRows<{
    id: string;
    received_on: string;
    closed_on: string | null;
    outcome: string | null;
    description: string | null;
    name: string | null;
  }>(
    ctx.db,
    sql`select y.id, y.received_on::text as received_on, y.closed_on::text as closed_on, y.outcome, d.description, d.name from (${yearRequestsSql(actor.departmentId, year, sql`${rowCond} and ${colCond}`)}) y join disclosure_requests d on d.id = y.id order by y.received_on limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    outcome: r.outcome,
    description: r.description ?? '（未提供）',
    applicant: r.name ?? '（未提供）',
  }));
}
