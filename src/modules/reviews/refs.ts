/** Review matters as other modules refer to them (a meeting's agenda item links to one): title only. */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../core/db/client.ts';

/** A matter's title if it is one of the department's, else undefined. */
export async function departmentMatterTitle(
  db: DbOrTx,
  departmentId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ title: string }>(
    db,
    sql`select title from review_matters where id = ${id} and department_id = ${departmentId}`,
  );
  return row?.title;
}

/** The department's matters not withdrawn, newest first (a picker). */
export async function departmentMatters(
  db: DbOrTx,
  departmentId: string,
  limit: number,
): Promise<Array<{ id: string; title: string }>> {
  return queryRows<{ id: string; title: string }>(
    db,
    sql`select r.id, r.title from review_matters r join cases c on c.id = r.case_id where r.department_id = ${departmentId} and c.status <> 'withdrawn' order by r.created_at desc limit ${limit}`,
  );
}
