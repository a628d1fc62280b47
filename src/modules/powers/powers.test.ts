// 权责清单 through the staff API: Excel import (every bad row named, nothing imported from a failed
// file), export and round trip, adjustments with their log, cancelling twice refused, counts as the
// report's fact with its records, the portal page with its history, and scope.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser, signIn } from '../../server/testing.ts';
import { powersToXlsx } from './excel.ts';
import { POWER_CATEGORIES } from './categories.ts';
import type { Session } from '../../server/testApi.ts';
import {
  t,
  staff,
  other,
  advisor,
  PW,
  api,
  ok,
  call,
  refused,
  fresh,
  rows,
  upload,
  counts,
  importList,
  shortenLicence,
  itemsByCategory,
  adjustRewardCancelInspection,
} from './testkit.ts';

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
