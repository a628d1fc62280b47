// Imports: the target pool from GBK or UTF-8 CSV and from .xlsx (bad rows named by row and column,
// nothing imported from a failed file, duplicate credit codes refused) and the officer registry from Excel
// (its own export round-trips).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { creditCodeProblem, decodeCsv, parseCsv, withCheck } from './targets.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'is', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'il',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  staff = await signIn(t.app, 'is', 'Staff-pass-2025');
  legal = await signIn(t.app, 'il', 'Legal-pass-2025');
});
after(() => t.close());

function upload(s: Session, url: string, name: string, content: Buffer) {
  const boundary = '----enfTestBoundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, tail]),
  });
}
const poolSize = async () =>
  (
    await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from enforcement_targets`,
    )
  )[0].n;
const code = (n: number) => withCheck(`91340100${String(n).padStart(8, '0')}X`);

// "名称" etc. in GBK, as Excel saves a CSV on a Chinese Windows.
const GBK: Record<string, number[]> = {};
function gbk(text: string): Buffer {
  // Encode through a reverse table built from the decoder over the two-byte GBK range.
  if (!Object.keys(GBK).length) {
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++)
        if (b !== 0x7f) GBK[dec.decode(Uint8Array.from([a, b]))] ??= [a, b];
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : GBK[ch]));
  return Buffer.from(out);
}

test('credit codes carry a GB 32100 check character', () => {
  assert.equal(
    creditCodeProblem('91340100MA2N0Q2P3X'.slice(0, 17) + 'Z'),
    '应为18位统一社会信用代码（数字或大写字母，不含I、O、Z、S、V）',
  );
  const good = code(1);
  assert.equal(creditCodeProblem(good), null);
  const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  assert.equal(creditCodeProblem(wrong), '校验码不正确');
  assert.deepEqual(parseCsv('a,"b,""c"""\r\n1,2'), [
    ['a', 'b,"c"'],
    ['1', '2'],
  ]);
  assert.equal(decodeCsv(Buffer.from('\uFEFF名称', 'utf8')), '名称');
});

test('a GBK CSV imports; a bad file imports nothing and names each bad row and column', async () => {
  const before = await poolSize();
  const good = `统一社会信用代码,名称,地址,行业类别,风险等级\r\n${code(1)},合肥甲科技有限公司,高新区1号,科技服务,低\r\n${code(2)},合肥乙科技有限公司,高新区2号,实验动物,高风险\r\n`;
  const res = await upload(staff, '/api/enforcement/target-imports', '名录.csv', gbk(good));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().imported, 2);
  const list = await t.app.inject({
    url: '/api/enforcement/targets?search=%E5%90%88%E8%82%A5%E7%94%B2',
    headers: staff.headers,
  });
  assert.equal(list.json().items[0].name, '合肥甲科技有限公司');
  const bad = [
    '统一社会信用代码,名称,地址,行业类别,风险等级',
    `${code(3)},丙公司,地址,科技服务,低`,
    `${code(1)},重复入库的公司,地址,科技服务,低`,
    `${code(4)},,地址,科技服务,极高`,
    `${code(3)},同一文件重复,地址,科技服务,中`,
    `12345,代码错误的公司,地址,科技服务,低`,
  ].join('\n');
  const r = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.csv',
    Buffer.from(bad, 'utf8'),
  );
  assert.equal(r.statusCode, 400, r.body);
  const msg = r.json().error.message as string;
  assert.match(msg, /未导入任何记录/);
  assert.match(msg, /第3行“统一社会信用代码”：已在检查对象名录库中（合肥甲科技有限公司）/);
  assert.match(msg, /第4行“名称”：必填/);
  assert.match(msg, /第4行“风险等级”：“极高”不是有效的风险等级/);
  assert.match(msg, /第5行“统一社会信用代码”：与第2行重复/);
  assert.match(msg, /第6行“统一社会信用代码”：应为18位/);
  assert.equal(await poolSize(), before + 2, 'nothing imported from the failed file');
  const wrongType = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.txt',
    Buffer.from('x'),
  );
  assert.match(wrongType.json().error.message, /只支持Excel（.xlsx）或CSV文件/);
  const noHeader = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.csv',
    Buffer.from('代码,名字\n1,2'),
  );
  assert.match(noHeader.json().error.message, /表头缺少“统一社会信用代码”“名称”/);
});

test('an .xlsx target list: the same checks', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  ws.addRow(['统一社会信用代码', '名称', '地址', '行业类别', '风险等级']);
  ws.addRow([code(10), '合肥丁科技有限公司', '', '科技服务', '中']);
  ws.addRow([code(11), '合肥戊科技有限公司', '', '', '低']);
  const r = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.xlsx',
    Buffer.from(await wb.xlsx.writeBuffer()),
  );
  assert.equal(r.statusCode, 400);
  assert.match(r.json().error.message, /第3行“行业类别”：必填/);
  ws.getRow(3).getCell(4).value = '科技服务';
  const ok = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.xlsx',
    Buffer.from(await wb.xlsx.writeBuffer()),
  );
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().imported, 2);
  const broken = await upload(
    staff,
    '/api/enforcement/target-imports',
    '名录.xlsx',
    Buffer.from('not a zip'),
  );
  assert.match(broken.json().error.message, /不是有效的Excel/);
});

test('the officer registry: Excel export, and an import that refuses bad rows and taken certificate numbers', async () => {
  const exp = await t.app.inject({
    url: '/api/enforcement/officers/export.xlsx',
    headers: legal.headers,
  });
  assert.equal(exp.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.equal(ws.getRow(1).getCell(1).text, '姓名');
  const names = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).text);
  assert.ok(names.includes('陈静') && names.includes('赵磊'));
  // Re-importing the export: every certificate number is taken.
  const again = await upload(
    legal,
    '/api/enforcement/officer-imports',
    '执法人员.xlsx',
    exp.rawPayload,
  );
  assert.equal(again.statusCode, 400);
  assert.match(again.json().error.message, /第\d行“执法证号”：皖3401000105已在执法人员名录中/);
  const fresh = new ExcelJS.Workbook();
  const s = fresh.addWorksheet('执法人员');
  s.addRow(['姓名', '执法证号', '发证机关', '执法领域', '有效期起', '有效期至', '状态']);
  s.addRow(['孙新', '皖3401000201', '示范省人民政府', '科技', '2025-01-01', '2027-12-31', '在岗']);
  s.addRow(['周平', '皖3401000202', '示范省人民政府', '科技', '2025-01-01', '2024-12-31', '休假']);
  const bad = await upload(
    legal,
    '/api/enforcement/officer-imports',
    '执法人员.xlsx',
    Buffer.from(await fresh.xlsx.writeBuffer()),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(
    bad.json().error.message,
    /第3行“有效期至”：不能早于有效期起；第3行“状态”：应为在岗、暂停或注销/,
  );
  s.getRow(3).getCell(6).value = '2027-12-31';
  s.getRow(3).getCell(7).value = '暂停';
  const good = await upload(
    legal,
    '/api/enforcement/officer-imports',
    '执法人员.xlsx',
    Buffer.from(await fresh.xlsx.writeBuffer()),
  );
  assert.equal(good.statusCode, 200, good.body);
  assert.equal(good.json().imported, 2);
  assert.equal(
    (await upload(staff, '/api/enforcement/officer-imports', '执法人员.xlsx', Buffer.from('x')))
      .statusCode,
    403,
  );
});
