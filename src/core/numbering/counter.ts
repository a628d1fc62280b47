import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/client.ts';

/**
 * Takes the next number of a counter in the caller's transaction: one atomic upsert … RETURNING.
 * Concurrent transactions on the same counter wait on its row lock, so they never share a number;
 * a rolled-back transaction gives its number back together with everything else it did.
 */
export async function takeNext(
  tx: Tx,
  key: { kind: string; departmentId: string; prefix?: string; year: number },
): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`insert into number_counters (kind, department_id, prefix, year, last)
        values (${key.kind}, ${key.departmentId}, ${key.prefix ?? ''}, ${key.year}, 1)
        on conflict (kind, department_id, prefix, year) do update set last = number_counters.last + 1
        returning last`,
  );
  return Number(row.last);
}
