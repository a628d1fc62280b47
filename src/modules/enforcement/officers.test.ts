// 执法人员 registry through the services: eligibility on a date (status, validity), the reasons named,
// other departments' officers refused, the public surface (index.ts) for the penalties module.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestContext, orgIdByName, type TestContext } from '../../server/testing.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { organisations } from '../../core/orgs/schema.ts';
import { loadDemo } from '../../server/demo.ts';
import { createOfficer, updateOfficer } from './officers.ts';
import { assertOfficersEligible, getInspectionResult, listEligibleOfficers } from './index.ts';

let t: TestContext;
let dept = '';
let legal: ReturnType<typeof systemActor>;

before(async () => {
  t = await createTestContext();
  await loadDemo(t.ctx);
  const orgId = await orgIdByName(t.ctx, '高新技术科');
  const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  dept = org.parentId!;
  legal = systemActor({ departmentId: dept, orgId, roles: ['legalOfficer'] });
});
after(() => t.close());

const base = {
  issuingBody: '省人民政府',
  field: '科技',
  validFrom: '2024-01-01',
  status: 'active' as const,
};

test('eligibility: 在岗 with a certificate valid on the day; reasons name the officer', async () => {
  const a = await createOfficer(t.ctx, legal, {
    ...base,
    name: '甲执法',
    certificateNo: 'T-0001',
    validTo: '2026-12-31',
  });
  const b = await createOfficer(t.ctx, legal, {
    ...base,
    name: '乙执法',
    certificateNo: 'T-0002',
    validTo: '2025-02-28',
  });
  const c = await createOfficer(t.ctx, legal, {
    ...base,
    name: '丙执法',
    certificateNo: 'T-0003',
    validTo: '2026-12-31',
    status: 'suspended',
  });
  const d = await createOfficer(t.ctx, legal, {
    ...base,
    name: '丁执法',
    certificateNo: 'T-0004',
    validFrom: '2025-06-01',
    validTo: '2027-12-31',
  });
  await assertOfficersEligible(t.ctx.db, dept, [a.id], '2025-03-03');
  await assert.rejects(
    assertOfficersEligible(t.ctx.db, dept, [a.id, b.id], '2025-03-03'),
    /乙执法的执法证（T-0002）已于2025-02-28到期/,
  );
  await assert.rejects(
    assertOfficersEligible(t.ctx.db, dept, [c.id], '2025-03-03'),
    /丙执法的状态为“暂停”/,
  );
  await assert.rejects(
    assertOfficersEligible(t.ctx.db, dept, [d.id], '2025-03-03'),
    /丁执法.*尚未生效/,
  );
  await assert.rejects(
    assertOfficersEligible(t.ctx.db, '00000000-0000-4000-8000-000000000009', [a.id], '2025-03-03'),
    /名录中没有/,
  );
  await assert.rejects(
    assertOfficersEligible(t.ctx.db, dept, ['nonsense'], '2025-03-03'),
    /名录中没有/,
  );
  const names = (await listEligibleOfficers(t.ctx.db, dept, '2025-03-03')).map((o) => o.name);
  assert.ok(
    names.includes('甲执法') &&
      !names.includes('乙执法') &&
      !names.includes('丙执法') &&
      !names.includes('丁执法'),
  );
  await updateOfficer(t.ctx, legal, c.id, {
    ...base,
    name: '丙执法',
    certificateNo: 'T-0003',
    validTo: '2026-12-31',
    status: 'active',
  });
  await assertOfficersEligible(t.ctx.db, dept, [c.id], '2025-03-03');
  assert.equal(await getInspectionResult(t.ctx.db, dept, a.id), undefined);
});

test('a certificate number is registered once; validity must run forward', async () => {
  await createOfficer(t.ctx, legal, {
    ...base,
    name: '戊执法',
    certificateNo: 'T-0005',
    validTo: '2026-12-31',
  });
  await assert.rejects(
    createOfficer(t.ctx, legal, {
      ...base,
      name: '重复',
      certificateNo: 'T-0005',
      validTo: '2026-12-31',
    }),
    /已登记为戊执法的执法证/,
  );
  await assert.rejects(
    createOfficer(t.ctx, legal, {
      ...base,
      name: '倒置',
      certificateNo: 'T-0009',
      validTo: '2023-12-31',
    }),
    /不能早于/,
  );
  const staff = systemActor({ departmentId: dept, roles: ['staff'] });
  await assert.rejects(
    createOfficer(t.ctx, staff, {
      ...base,
      name: '越权',
      certificateNo: 'T-0010',
      validTo: '2026-12-31',
    }),
    /无权/,
  );
});
