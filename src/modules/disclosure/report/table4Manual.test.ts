// Table 四 of the 政府信息公开工作年度报告 is counted from the litigation cases (litigation/index.ts
// tableFour), never typed: a draft carrying `manual.table4` is refused in Chinese and changes nothing, a
// value stored by an older version is ignored on read (the jsonb is left alone until the next save), and
// the submitted snapshot holds the computed table.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, orgIdByName, signIn } from '../../../server/testing.ts';
import { testApi, type Session } from '../../../server/testApi.ts';
import { queryRows } from '../../../core/db/client.ts';
import { tableFour } from '../../litigation/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let office: Session, legal: Session;
let dept = '';
const api = testApi(() => t, ['disclosure_reports', 'cases', 'audit_events']);
const TYPED = Array(15).fill(9);

before(async () => {
  t = await createTestApp();
  dept = await orgIdByName(t.ctx, '示范市科学技术局');
  await addUser(t.ctx, {
    username: 't4-office',
    password: 'Office-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 't4-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  office = await signIn(t.app, 't4-office', 'Office-pass-2025');
  legal = await signIn(t.app, 't4-legal', 'Legal-pass-2025');
  // One 复议 against a disclosure answer, decided 撤销: table 四 has 行政复议 纠正 1, 总计 1.
  const [{ id }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from disclosure_requests order by received_on limit 1`,
  );
  const v = await api.ok(legal, 'POST', '/api/litigation/reconsiderations', {
    caseNo: '示政复〔2025〕41号',
    applicant: '李某',
    body: '示范市人民政府',
    actModule: 'disclosureRequest',
    actRecordId: id,
    receivedOn: '2025-03-03',
  });
  await api.ok(legal, 'POST', `/api/litigation/${v.record.id}/acts`, {
    action: 'decide',
    on: '2025-03-03',
    data: { decision: 'revoke' },
  });
});
after(() => t.close());

test('a draft carrying manual.table4 is refused in Chinese; nothing is saved', async () => {
  await api.refused(
    office,
    'PUT',
    '/api/disclosure/reports/2025',
    { manual: { table2: { licensing: [3] }, table4: TYPED } },
    400,
    /表四：由本机关的行政复议、行政诉讼案件自动统计，不能手工填写/,
  );
  const v = await api.ok(office, 'PUT', '/api/disclosure/reports/2025', {
    manual: { table2: { licensing: [3] } },
  });
  assert.deepEqual(v.manual, { table2: { licensing: [3] } });
});

test('an old stored table4 is ignored: table 四 equals the computed one, in the view and the submitted snapshot', async () => {
  const computed = await tableFour(t.ctx.db, dept, 2025);
  assert.deepEqual(
    computed.slice(0, 5),
    [0, 1, 0, 0, 1],
    '行政复议: 维持 0, 纠正 1, 其他 0, 尚未审结 0, 总计 1',
  );
  await t.ctx.db.execute(
    sql`update disclosure_reports set manual = jsonb_set(manual, '{table4}', ${JSON.stringify(TYPED)}::jsonb) where department_id = ${dept} and year = 2025`,
  );
  const v = await api.ok(office, 'GET', '/api/disclosure/reports/2025');
  assert.deepEqual(v.tables.table4, computed);
  assert.deepEqual(
    v.manual,
    { table2: { licensing: [3] } },
    'the old value is not offered back to the form',
  );
  const [row] = await queryRows<{ manual: { table4?: number[] } }>(
    t.ctx.db,
    sql`select manual from disclosure_reports where department_id = ${dept} and year = 2025`,
  );
  assert.deepEqual(row.manual.table4, TYPED, 'the stored jsonb is left alone');
  const sub = await api.ok(office, 'POST', '/api/disclosure/reports/2025/submit', {
    on: '2025-03-03',
    submittedTo: '示范市人民政府办公室',
  });
  assert.deepEqual(sub.tables.table4, computed);
});
