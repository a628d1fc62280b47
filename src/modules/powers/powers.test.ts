// 权责清单 through the staff API: Excel import (every bad row named, nothing imported from a failed
// file), export and round trip, adjustments with their log, cancelling twice refused, counts as the
// report's fact with its records, the portal page with its history, and scope.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
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
let t: Awaited<ReturnType<typeof createBaseApp>>;
let staff: Session, other: Session, advisor: Session;
let deptId = '';
const PW = 'Power-pass-2025';
const api = testApi(
  () => t,
  ['power_items', 'power_adjustments', 'power_case_counts', 'audit_events'],
);
const { ok, call, refused } = api;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A new app for the calling test (the demo's organisations and accounts, 2025-03-03), closed after it. */
async function fresh(c: TestContext): Promise<void> {
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

const rows = DEMO_POWERS.map((p) => ({ ...p, status: 'valid' }));
const upload = (
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
const counts = () => api.counts();

async function facts(year: number) {
  const p = factProviders.find((x) => x.module === 'powers')!;
  return new Map((await p.facts(t.ctx, deptId, year)).map((f) => [f.key, f]));
}

/** The five demo items imported (2025-01-10); answers the import's counts. */
async function importList() {
  const res = await upload(staff, await powersToXlsx('示范市科学技术局权责清单', rows));
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
/** The licence's 办理时限 cut to 5 working days by a later file (2025-02-15). */
const shortenLicence = async () =>
  (
    await upload(
      staff,
      await powersToXlsx('x', [{ ...rows[0], timeLimit: '5个工作日' }]),
      'adjustBasis=压缩审批时限&effectiveOn=2025-02-15',
    )
  ).json();
const itemsByCategory = async () =>
  Object.fromEntries(
    (await ok(staff, 'GET', '/api/powers')).items.map((p: { category: string }) => [p.category, p]),
  );
/** The reward's 承办机构 adjusted (2025-02-20), the inspection cancelled (2025-02-25). */
async function adjustRewardCancelInspection() {
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
async function recordLicensingCounts() {
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

test('a bad file: every bad row named by row and column, nothing imported', async (c) => {
  await fresh(c);
  const bad = [
    rows[0],
    { ...rows[1], code: rows[0].code },
    { ...rows[2], category: 'licensing_x' as never },
    { ...rows[3], basis: '' },
  ];
  const before = await counts();
  const res = await upload(staff, await powersToXlsx('权责清单', bad));
  assert.equal(res.statusCode, 400, res.body);
  const msg: string = res.json().error.message;
  assert.match(msg, /有3处错误，未导入任何事项/);
  assert.match(msg, /第4行 B列（事项编码）：编码“000105001000”与第3行重复/);
  assert.match(msg, /第5行 D列（事项类型）：未知类型“licensing_x”/);
  assert.match(msg, /第6行 E列（实施依据）：缺少实施依据/);
  assert.deepEqual(await counts(), before, 'nothing imported');
  const notExcel = await upload(staff, Buffer.from('not a workbook'));
  assert.equal(notExcel.statusCode, 400);
  assert.match(notExcel.json().error.message, /不是有效的Excel/);
});

test('import, export and round trip: the exported file imports with nothing changed', async (c) => {
  await fresh(c);
  assert.deepEqual(await importList(), { added: 5, adjusted: 0, unchanged: 0 });
  const exp = await call(staff, 'GET', '/api/powers/export.xlsx');
  assert.equal(exp.statusCode, 200);
  assert.match(String(exp.headers['content-disposition']), /xlsx/);
  const again = await upload(
    staff,
    exp.rawPayload,
    'adjustBasis=重新导入核对&effectiveOn=2025-02-01',
  );
  assert.deepEqual(again.json(), { added: 0, adjusted: 0, unchanged: 5 });
  const { items } = await ok(staff, 'GET', '/api/powers');
  assert.equal(items.length, 5);
  const licence = items.find((p: { code: string }) => p.code === '000105001000');
  assert.equal(licence.category, 'licensing');
  assert.equal(licence.basis, rows[0].basis);
  assert.equal(POWER_CATEGORIES.licensing, '行政许可');
  // A changed row in a later file is an adjustment with what changed.
  assert.deepEqual(await shortenLicence(), { added: 0, adjusted: 1, unchanged: 0 });
  const v = await ok(staff, 'GET', `/api/powers/${licence.id}`);
  assert.equal(v.item.version, 2);
  assert.equal(v.item.status, 'adjusted');
  assert.deepEqual(v.history[0].changes, [
    { field: '办理时限', from: '10个工作日', to: '5个工作日' },
  ]);
});

test('adjust and cancel with basis and date; cancelled twice refused; other department 404', async (c) => {
  await fresh(c);
  await importList();
  const { inspection, reward } = await itemsByCategory();
  await refused(
    staff,
    'PUT',
    `/api/powers/${reward.id}`,
    { hotline: reward.hotline, adjustBasis: '核对后无变化', effectiveOn: '2025-02-20' },
    400,
    /没有需要调整的内容/,
  );
  await refused(
    staff,
    'PUT',
    `/api/powers/${reward.id}`,
    { hotline: '0000-1', adjustBasis: '', effectiveOn: '2025-02-20' },
    400,
    /调整依据/,
  );
  await adjustRewardCancelInspection();
  await refused(
    staff,
    'POST',
    `/api/powers/${inspection.id}/cancel`,
    { adjustBasis: '再次取消', effectiveOn: '2025-03-01' },
    409,
    /已于2025-02-25取消，不能重复取消/,
  );
  await refused(
    staff,
    'PUT',
    `/api/powers/${inspection.id}`,
    { name: '新名称', adjustBasis: '调整已取消事项', effectiveOn: '2025-03-01' },
    409,
    /已取消，不能调整/,
  );
  await refused(
    staff,
    'POST',
    '/api/powers',
    { ...rows[0], adjustBasis: '重复新增', effectiveOn: '2025-03-01' },
    409,
    /事项编码“000105001000”已存在/,
  );
  await refused(
    staff,
    'POST',
    '/api/powers',
    {
      ...rows[0],
      code: 'X1',
      category: 'approval',
      adjustBasis: '未知类型',
      effectiveOn: '2025-03-01',
    },
    400,
    /事项类型/,
  );
  // Scope: another department and the outside 法律顾问.
  assert.equal((await call(other, 'GET', `/api/powers/${reward.id}`)).statusCode, 404);
  assert.equal(
    (
      await call(other, 'POST', `/api/powers/${reward.id}/cancel`, {
        adjustBasis: '他部门取消',
        effectiveOn: '2025-03-01',
      })
    ).statusCode,
    404,
  );
  assert.equal((await ok(other, 'GET', '/api/powers')).items.length, 0);
  assert.equal((await call(advisor, 'GET', '/api/powers')).statusCode, 403);
  // The export leaves out the cancelled item.
  const { items: inForce } = await ok(staff, 'GET', '/api/powers?status=inForce');
  assert.equal(inForce.length, 4);
});

test('the list offers what the actor may do to each item: the rule the services enforce (issue 11 item 3)', async (c) => {
  await fresh(c);
  await importList();
  await adjustRewardCancelInspection();
  await addUser(t.ctx, { username: 'pofficer', password: PW, roles: ['officer'] });
  const officer = await signIn(t.app, 'pofficer', PW);
  const byCategory = async (s: Session) =>
    Object.fromEntries(
      (await ok(s, 'GET', '/api/powers')).items.map((p: { category: string }) => [p.category, p]),
    );
  const mine = await byCategory(staff);
  assert.deepEqual(mine.reward.acts, { adjust: true, cancel: true, count: true });
  assert.deepEqual(mine.reward.blocked, []);
  // Cancelled: kept on the record, neither adjusted nor cancelled again (with the services' reasons);
  // the 办件量 of its months may still be recorded.
  assert.deepEqual(mine.inspection.acts, { adjust: false, cancel: false, count: true });
  assert.deepEqual(
    mine.inspection.blocked.map((b: { reason: string }) => b.reason),
    [
      `事项“${mine.inspection.name}”已取消，不能调整`,
      `事项“${mine.inspection.name}”已取消，不能重复取消`,
    ],
  );
  assert.deepEqual(
    (await ok(staff, 'GET', `/api/powers/${mine.inspection.id}`)).item.acts,
    mine.inspection.acts,
  );
  // An enforcement officer reads the list and keeps none of it.
  const read = await byCategory(officer);
  assert.deepEqual(read.reward.acts, { adjust: false, cancel: false, count: false });
  assert.deepEqual(read.inspection.blocked, []);
});

test('licensing counts: monthly or the whole year; the report\'s "办理…许可…宗" is a fact with its records', async (c) => {
  await fresh(c);
  await importList();
  await shortenLicence();
  await adjustRewardCancelInspection();
  const { items } = await ok(staff, 'GET', '/api/powers');
  const licence = items.find((p: { code: string }) => p.code === '000105001000');
  // Last year (2024): monthly for the licence; the whole year for the other.
  await recordLicensingCounts();
  await refused(
    staff,
    'POST',
    `/api/powers/${licence.id}/counts`,
    { year: 2024, month: 0, count: 500 },
    409,
    /已按月登记/,
  );
  await refused(
    staff,
    'POST',
    `/api/powers/${licence.id}/counts`,
    { year: 2025, month: 6, count: 5 },
    400,
    /未来月份/,
  );
  await refused(
    staff,
    'POST',
    `/api/powers/${licence.id}/counts`,
    { year: 2024, month: 13, count: 5 },
    400,
    /月份/,
  );
  const f = await facts(2024);
  assert.equal(f.get('powers.licensing')!.value, 429, 'only 行政许可 items count');
  assert.equal(f.get('powers.licensing')!.sentence, '全年办理外国人来华工作许可429宗。');
  const rec = f.get('powers.licensing')!.records;
  const listed = await ok(
    staff,
    'GET',
    `${rec.path}?year=${rec.query.year}&category=${rec.query.category}`,
  );
  assert.equal(listed.totals.find((x: { code: string }) => x.code === '000105001000').total, 429);
  assert.equal(rec.sum, 'count');
  assert.equal(
    listed.items.reduce((n: number, r: { count: number }) => n + r.count, 0),
    429,
    'the figure is the sum over the records listed',
  );
  const f25 = await facts(2025);
  assert.equal(f25.get('powers.adjustments')!.value, 8);
  assert.equal(
    f25.get('powers.adjustments')!.sentence,
    '2025年动态调整权责清单8项（新增5项、调整2项、取消1项）。',
  );
  assert.equal(f25.get('powers.items')!.value, 4);
  assert.equal(
    (
      await call(other, 'POST', `/api/powers/${licence.id}/counts`, {
        year: 2024,
        month: 1,
        count: 1,
      })
    ).statusCode,
    404,
  );
});

async function countSheet(rows: Array<Array<string | number>>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('办件数量');
  ws.addRow(['事项编码', '事项名称', '年度', '月份', '办件数量']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('case counts imported from Excel: every bad row named, nothing recorded from a failed file', async (c) => {
  await fresh(c);
  await importList();
  await recordLicensingCounts();
  const send = async (content: Buffer) => {
    const { payload, headers } = multipartBody('办件数量.xlsx', content, XLSX);
    return call(
      { headers: { ...staff.headers, ...headers } },
      'POST',
      '/api/powers/counts/import',
      payload as unknown as object,
    );
  };
  const before = await counts();
  const bad = await send(
    await countSheet([
      ['000101003000', '行政处罚', 2024, '', 12],
      ['999', '不存在', 2024, 1, 3],
      ['000101003000', '行政处罚', 2024, 13, 3],
      ['000101003000', '行政处罚', 2024, '', 5],
    ]),
  );
  assert.equal(bad.statusCode, 400, bad.body);
  const msg: string = bad.json().error.message;
  assert.match(msg, /有3处错误，未导入任何数据/);
  assert.match(msg, /第3行 A列（事项编码）：本部门权责清单中没有编码“999”/);
  assert.match(msg, /第4行 D列（月份）：应为1至12/);
  assert.match(msg, /第5行 A列（事项编码）：与第2行重复/);
  assert.deepEqual(await counts(), before, 'nothing recorded');
  const good = await send(await countSheet([['000101003000', '行政处罚', 2024, '', 12]]));
  assert.equal(good.statusCode, 200, good.body);
  assert.deepEqual(good.json(), { recorded: 1 });
  const listed = await ok(staff, 'GET', '/api/powers/counts?year=2024');
  assert.equal(listed.totals.find((x: { code: string }) => x.code === '000101003000').total, 12);
  assert.equal(
    (await facts(2024)).get('powers.licensing')!.value,
    429,
    'a penalty item is not a licence',
  );
});

test('the portal shows the list in force by category and each item with its history', async (c) => {
  await fresh(c);
  await importList();
  await shortenLicence();
  await adjustRewardCancelInspection();
  const page = await t.app.inject({ method: 'GET', url: '/qzqd' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /共4项行政权力事项/);
  assert.match(page.body, /行政许可（1项）/);
  assert.doesNotMatch(page.body, /对科技计划项目实施情况的检查<\/a>/);
  assert.match(page.body, /并入双随机一公开/);
  const item = await t.app.inject({ method: 'GET', url: '/qzqd/000105001000' });
  assert.equal(item.statusCode, 200);
  assert.match(item.body, /办理时限/);
  assert.match(item.body, /由“10个工作日”调整为“5个工作日”/);
  assert.equal((await t.app.inject({ method: 'GET', url: '/qzqd/nope' })).statusCode, 404);
});
