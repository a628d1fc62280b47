/**
 * The 学法普法 tests' app: the demo department's organisations and accounts on 2025-03-03 (no demo
 * records: a test records what it states), a second department with one division, a staff account in
 * each and an oversight account; `facts(year)` are the module's facts for the first department.
 * `useStudyTest()` gives the calling file one app (its before/after hooks); `studyApp()` gives a test
 * its own.
 */
import { after, before, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { factProviders } from '../../server/modules.ts';
import type { Fact } from '../../core/facts.ts';

type TestApp = Awaited<ReturnType<typeof createBaseApp>>;
const PW = 'Study-pass-2025';

export interface StudyTest {
  t: TestApp;
  staff: Session;
  other: Session;
  oversight: Session;
  deptId: string;
  api: ReturnType<typeof testApi>;
  facts: (year: number) => Promise<Map<string, Fact>>;
}

/** The helpers over a test app that setUp() builds (the api reads h.t when called). */
function harness(): StudyTest {
  const h: StudyTest = {
    t: undefined as unknown as TestApp,
    staff: undefined as unknown as Session,
    other: undefined as unknown as Session,
    oversight: undefined as unknown as Session,
    deptId: '',
    api: testApi(
      () => h.t,
      [
        'study_trainings',
        'study_exams',
        'pufa_duties',
        'publicity_events',
        'study_plans',
        'cases',
        'audit_events',
      ],
    ),
    facts: async (year) => {
      const all = await Promise.all(
        factProviders
          .filter((p) => p.module.startsWith('study'))
          .map((p) => p.facts(h.t.ctx, h.deptId, year)),
      );
      return new Map(all.flat().map((f) => [f.key, f]));
    },
  };
  return h;
}

async function setUp(h: StudyTest): Promise<void> {
  h.t = await createBaseApp(); // 2025-03-03
  await h.t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await h.t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(h.t.ctx, { username: 'ss', password: PW, roles: ['staff'] });
  await addUser(h.t.ctx, {
    username: 'sother',
    password: PW,
    roles: ['staff'],
    orgName: '综合科',
  });
  await addUser(h.t.ctx, {
    username: 'sov',
    password: PW,
    roles: ['oversight'],
    orgName: '示范市司法局',
  });
  [h.staff, h.other, h.oversight] = await Promise.all(
    ['ss', 'sother', 'sov'].map((u) => signIn(h.t.app, u, PW)),
  );
  h.deptId = (
    await queryRows<{ id: string }>(
      h.t.ctx.db,
      sql`select department_id as id from users where username = 'ss'`,
    )
  )[0].id;
}

/** One app for the calling file: its before/after hooks; `ready` once the accounts are signed in. */
export function useStudyTest(ready: () => void = () => {}): StudyTest {
  const h = harness();
  before(async () => {
    await setUp(h);
    ready();
  });
  after(() => h.t.close());
  return h;
}

/** A test's own app (built as above), closed when the test ends: the test sees only what it records. */
export async function studyApp(c: TestContext): Promise<StudyTest> {
  const h = harness();
  await setUp(h);
  c.after(() => h.t.close());
  return h;
}
