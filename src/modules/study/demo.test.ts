// The 学法普法 and 权责清单 demos (npm start) are valid whatever the start date: on the first and the
// last day of a year they write last year's records through the services, and the facts state them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createDemoContext } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { seedStudyDemo } from './demo.ts';
import { educationFacts } from './facts.ts';
import { seedPowersDemo } from '../powers/demo.ts';
import { powerFacts } from '../powers/facts.ts';

let t: Awaited<ReturnType<typeof createDemoContext>>;
let staff: Actor;

before(async () => {
  t = await createDemoContext('2025-01-01T02:00:00.000Z');
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
});
after(() => t.close());

test("on 1 January and on 31 December the demos write last year's records; the facts state them", async () => {
  await seedStudyDemo(t.ctx, staff, false);
  assert.equal(
    (
      await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from study_trainings`)
    )[0].n,
    0,
    'the small demo adds nothing',
  );
  await seedStudyDemo(t.ctx, staff, true);
  await seedPowersDemo(t.ctx, staff, true);
  const f = new Map((await educationFacts(t.ctx, staff.departmentId, 2024)).map((x) => [x.key, x]));
  assert.match(f.get('study.exams')!.sentence, /参考率、合格率均为100%/);
  assert.equal(f.get('study.pufaDutiesLate')!.value, 0);
  const p = new Map((await powerFacts(t.ctx, staff.departmentId, 2024)).map((x) => [x.key, x]));
  assert.equal(p.get('powers.licensing')!.sentence, '全年办理外国人来华工作许可429宗。');
  assert.equal(p.get('powers.adjustments')!.value, 7);
  t.clock.set('2026-12-31T15:00:00.000Z'); // 23:00 in Beijing on the last day of the year
  await seedStudyDemo(t.ctx, staff, true);
  const g = new Map((await educationFacts(t.ctx, staff.departmentId, 2025)).map((x) => [x.key, x]));
  assert.equal(g.get('study.trainings')!.value, 2);
  assert.equal(g.get('study.publicity')!.value, 3);
});
