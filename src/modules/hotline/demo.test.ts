// The demo is valid whatever the start date: on a 国庆 holiday, during 春节 and in a year without the State
// Council's notice yet, its message is replied on time, closed and rated, and its platform ticket waits for 签收.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createDemoContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';

for (const day of ['2025-10-03', '2026-02-17', '2027-06-14']) {
  test(`the demo on ${day}`, async () => {
    const t = await createDemoContext(`${day}T02:00:00.000Z`);
    try {
      const rows = await queryRows<{
        source: string;
        status: string;
        late: boolean;
        rated: boolean;
        received_on: string;
      }>(
        t.ctx.db,
        sql`select h.source, c.status, h.late, exists (select 1 from hotline_ratings r where r.case_id = h.case_id) as rated, h.received_on::text from hotline_tickets h join cases c on c.id = h.case_id order by h.source`,
      );
      assert.deepEqual(
        rows.map((r) => [r.source, r.status, r.late, r.rated]),
        [
          ['platform', 'received', false, false],
          ['portal', 'closed', false, true],
        ],
      );
      assert.ok(rows.every((r) => r.received_on <= day));
    } finally {
      await t.close();
    }
  });
}
