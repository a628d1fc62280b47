// The demo history is valid whatever the start date: across 国庆, 春节 and a year's first days.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { newId } from '../../core/clock.ts';
import { seedDemoPenalties } from './demo.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { factProviders } from '../../server/modules.ts';

let t: Awaited<ReturnType<typeof createTestContext>>;
const dept = newId();
before(async () => {
  t = await createTestContext();
  const gov = newId();
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, created_at) values (${gov}, '示范市人民政府', 'government', now())`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, doc_prefix, created_at) values (${dept}, '示范局', 'department', ${gov}, '示', now())`,
  );
  for (const [name, cert] of [
    ['赵执法', 'D1'],
    ['钱执法', 'D2'],
  ]) {
    await t.ctx.db.execute(
      sql`insert into enforcement_officers (id, department_id, name, certificate_no, valid_from, valid_to, status, created_at, updated_at) values (${newId()}, ${dept}, ${name}, ${cert}, '2020-01-01', '2030-12-31', 'active', now(), now())`,
    );
  }
});
after(() => t.close());

test('the demo history on days across 国庆, 春节 and a new year', async () => {
  const staff = systemActor({ departmentId: dept, roles: ['staff'] });
  await seedDemoPenalties(t.ctx, staff, {
    history: false,
    departmentId: dept,
    facts: factProviders,
  });
  assert.equal(
    (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from penalty_cases`))[0]
      .n,
    0,
    'the small demo writes nothing',
  );
  for (const day of ['2025-10-05', '2026-02-20', '2026-01-02', '2025-03-03']) {
    t.clock.set(`${day}T02:00:00.000Z`);
    await seedDemoPenalties(t.ctx, staff, {
      history: true,
      departmentId: dept,
      facts: factProviders,
    });
  }
  const rows = await queryRows<{ n: number; published: number }>(
    t.ctx.db,
    sql`select count(*)::int as n, count(published_on)::int as published from penalty_cases`,
  );
  assert.deepEqual(rows[0], { n: 8, published: 4 });
  const stats = await queryRows<{ year: number; on: string }>(
    t.ctx.db,
    sql`select year, published_on::text as on from enforcement_statistics order by year`,
  );
  assert.deepEqual(
    stats,
    [
      { year: 2024, on: '2025-01-21' },
      { year: 2025, on: '2026-01-21' },
    ],
    "last year's 行政执法统计 published before 1月31日 once that day has passed; not yet on 2026-01-02",
  );
});
