import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../../core/db/client.ts';

/**
 * A request by its tracking code, for 好差评 on the portal: ratable once answered (the case closed,
 * 条例 Art 33's answer given). Nothing of the applicant or the content is returned.
 */
export async function requestByTrackingCode(
  db: DbOrTx,
  code: string,
): Promise<{ caseId: string; number: string; receivedOn: string; closed: boolean } | null> {
  const [r] = await queryRows<{ case_id: string; received_on: string; closed: boolean }>(
    db,
    sql`select r.case_id, r.received_on::text, c.closed_on is not null as closed from disclosure_requests r join cases c on c.id = r.case_id where r.tracking_code = ${code}`,
  );
  return r
    ? {
        caseId: r.case_id,
        number: `查询码 ${code.slice(0, 4)}…${code.slice(-4)}`,
        receivedOn: r.received_on,
        closed: r.closed,
      }
    : null;
}
