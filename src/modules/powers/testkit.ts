/**
 * Test support for 权责清单 (powers.test.ts, powersCounts.test.ts): each test's own app (fresh) with a
 * second department and the accounts the tests act as, and factories that record through the API.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { multipartBody } from '../disclosure/publications/testkit.ts';
import { factProviders } from '../../server/modules.ts';
import { DEMO_POWERS } from './demo.ts';
import { powersToXlsx } from './excel.ts';
import { POWER_CATEGORIES } from './categories.ts';

// The app of the running test: each test starts from its own (fresh) and records what it states.
export let t: Awaited<ReturnType<typeof createBaseApp>>;
export let staff: Session, other: Session, advisor: Session;
export let deptId = '';
export const PW = 'Power-pass-2025';
export const api = testApi(
  () => t,
  ['power_items', 'power_adjustments', 'power_case_counts', 'audit_events'],
);
export const { ok, call, refused } = api;
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A new app for the calling test (the demo's organisations and accounts, 2025-03-03), closed after it. */
export async function fresh(c: TestContext): Promise<void> {
  t = await createBaseApp(); // 2025-03-03
  c.after(() => t.close());
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '示范市农业农村局', 'department', parent_id, now() from organisations where name = '示范市科学技术局'`,
  );
  await t.ctx.db.execute(
    sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '综合科', 'division', id, now() from organisations where name = '示范市农业农村局'`,
  );
  await addUser(t.ctx, { username: 'ps', password: PW, roles: ['staff'] });
  await addUser(t.ctx, { username: 'pother', password: PW, roles: ['staff'], orgName: '综合科' });
  await addUser(t.ctx, {
    username: 'padv',
    password: PW,
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  [staff, other, advisor] = await Promise.all(
    ['ps', 'pother', 'padv'].map((u) => signIn(t.app, u, PW)),
  );
  deptId = (
    await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select department_id as id from users where username = 'ps'`,
    )
  )[0].id;
}

export const rows = DEMO_POWERS.map((p) => ({ ...p, status: 'valid' }));
export const upload = (
  s: Session,
  content: Buffer,
  query = 'adjustBasis=市政府办公室关于公布权责清单的通知&effectiveOn=2025-01-10',
) => {
  const { payload, headers } = multipartBody('权责清单.xlsx', content, XLSX);
  return call(
    { headers: { ...s.headers, ...headers } },
    'POST',
    `/api/powers/import?${encodeURI(query)}`,
    payload as unknown as object,
  );
};
export const counts = () => api.counts();

export async function facts(year: number) {
  const p = factProviders.find((x) => x.module === 'powers')!;
  return new Map((await p.facts(t.ctx, deptId, year)).map((f) => [f.key, f]));
}

/** The five demo items imported (2025-01-10); answers the import's counts. */
export async function importList() {
  const res = await upload(staff, await powersToXlsx('示范市科学技术局权责清单', rows));
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
/** The licence's 办理时限 cut to 5 working days by a later file (2025-02-15). */
export const shortenLicence = async () =>
  (
    await upload(
      staff,
      await powersToXlsx('x', [{ ...rows[0], timeLimit: '5个工作日' }]),
      'adjustBasis=压缩审批时限&effectiveOn=2025-02-15',
    )
  ).json();
export const itemsByCategory = async () =>
  Object.fromEntries(
    (await ok(staff, 'GET', '/api/powers')).items.map((p: { category: string }) => [p.category, p]),
  );
/** The reward's 承办机构 adjusted (2025-02-20), the inspection cancelled (2025-02-25). */
export async function adjustRewardCancelInspection() {
  const { reward, inspection } = await itemsByCategory();
  await ok(staff, 'PUT', `/api/powers/${reward.id}`, {
    handlingOrg: '成果转化科',
    adjustBasis: '局内职能调整',
    effectiveOn: '2025-02-20',
  });
  await ok(staff, 'POST', `/api/powers/${inspection.id}/cancel`, {
    adjustBasis: '并入双随机一公开',
    effectiveOn: '2025-02-25',
  });
}
/** 2024's counts: the licence month by month (429 in all), the registration (确认) for the whole year (186). */
export async function recordLicensingCounts() {
  const { items } = await ok(staff, 'GET', '/api/powers');
  const licence = items.find((p: { code: string }) => p.code === '000105001000');
  const registration = items.find((p: { code: string }) => p.code === '000105002000');
  const monthly = [31, 28, 39, 36, 35, 38, 40, 33, 37, 36, 34, 42];
  for (const [i, count] of monthly.entries())
    await ok(staff, 'POST', `/api/powers/${licence.id}/counts`, {
      year: 2024,
      month: i + 1,
      count,
    });
  await ok(staff, 'POST', `/api/powers/${registration.id}/counts`, {
    year: 2024,
    month: 0,
    count: 186,
  });
}
