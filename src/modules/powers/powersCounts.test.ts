// 权责清单: licensing and case counts (monthly, yearly, from Excel) as the report's facts with their records,
// and the portal's list in force with each item's history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { multipartBody } from '../disclosure/publications/testkit.ts';
import {
  t,
  staff,
  other,
  api,
  ok,
  call,
  refused,
  XLSX,
  fresh,
  rows,
  counts,
  facts,
  importList,
  shortenLicence,
  adjustRewardCancelInspection,
  recordLicensingCounts,
} from './testkit.ts';

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
