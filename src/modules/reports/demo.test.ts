// The demo report (npm start): last year's 学法/述法 records and last year's report drafted from the
// demo records through the services; part (三) states the study records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createDemoContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { factProviders } from '../../server/modules.ts';
import { seedDemoReport } from './demo.ts';
import { reportView } from './view.ts';

let t: Awaited<ReturnType<typeof createDemoContext>>;
let staff: Actor;

before(async () => {
  t = await createDemoContext(); // 2025-03-03
  const [u] = await queryRows<{ id: string; org_id: string; department_id: string }>(
    t.ctx.db,
    sql`select id, org_id, department_id from users where username = 'staff'`,
  );
  staff = {
    userId: u.id,
    username: 'staff',
    displayName: '王晓明',
    orgId: u.org_id,
    orgName: '高新技术科',
    departmentId: u.department_id,
    roles: ['staff'],
    mustChangePassword: false,
  };
  await seedDemoReport(t.ctx, staff, factProviders);
});
after(() => t.close());

test("last year's report is drafted from the demo records, part (三) from the study records, and published on time", async () => {
  const v = await reportView(t.ctx, { providers: factProviders }, staff, 2024);
  assert.ok(v.exists);
  // On 2025-03-03 the 2024 report was submitted before 3月1日 and published: never 「编制中」 past its deadline.
  assert.equal(v.status, 'published');
  const [r] = await queryRows<{ submitted_on: string; published_on: string }>(
    t.ctx.db,
    sql`select submitted_on::text, published_on::text from rule_of_law_reports where year = 2024`,
  );
  assert.ok(
    r.submitted_on < '2025-03-01' &&
      r.published_on < '2025-04-01' &&
      r.published_on <= '2025-03-03',
    JSON.stringify(r),
  );
  assert.equal(v.document.title, '示范市科学技术局2024年法治政府建设年度报告');
  assert.equal(v.figures['study.sessions'].value, 3);
  assert.equal(v.figures['study.dutyStatements'].value, 2);
  const part3 = v.document.parts.find((p) => p.code === 'firstResponsible')!;
  assert.ok(part3.blocks[0].inlines.some((i) => i.t === 'fact' && i.key === 'study.ledByHead'));
  // The study minimum (4 a year) is not met: part (二) says so.
  const part2 = JSON.stringify(v.document.parts.find((p) => p.code === 'shortcomings'));
  assert.match(part2, /领导干部学法未达到每年4次的要求/);
  assert.doesNotMatch(part2, /未进行年度述法/);
});
