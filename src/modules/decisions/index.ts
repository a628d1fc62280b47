/**
 * 重大行政决策, the public surface for other modules: whether a decision is one of a department's (a
 * meeting's agenda item links to it).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';

/** A decision's title if it is one of the department's, else undefined. */
export async function departmentDecisionTitle(
  db: DbOrTx,
  departmentId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ title: string }>(
    db,
    sql`select title from major_decisions where id = ${id} and department_id = ${departmentId}`,
  );
  return row?.title;
}
