// Manual entry and publication of the reply (with the citizen's consent, never with personal data), and
// the Excel import of a day's tickets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/db/client.ts';
import { useHotlineTest, type HotlineTest, type Session } from './testkit.ts';

const h = useHotlineTest(() => ({ t, office } = h));
const { ok, refused, day } = h.api;
let t: HotlineTest['t'];
let office: Session;

test("publication: with consent only, never with the citizen's phone, ID number or name", async () => {
  await day('2025-03-24'); // the day the acts of hotline.test.ts end on
  const m = await ok(office, 'POST', '/api/hotline/tickets', {
    channel: 'web',
    receivedOn: '2025-03-24',
    kind: 'consult',
    content: '科技创新券如何申领？',
    name: '李四',
    phone: '139 0000 1111',
    idNumber: '340102198001011234',
    publishConsent: true,
  });
  const id = m.ticket.id;
  await refused(
    office,
    'POST',
    `/api/hotline/tickets/${id}/publish`,
    { text: '答复' },
    409,
    /尚未答复/,
  );
  await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, { action: 'sign', on: '2025-03-24' });
  await ok(office, 'POST', `/api/hotline/tickets/${id}/act`, {
    action: 'reply',
    on: '2025-03-24',
    text: '李四您好，创新券可在政务服务网申领，如有疑问请致电13900001111。',
  });
  // A reply is published only without the citizen's phone, ID number or name (each refusal names it).
  for (const [text, named] of [
    ['您好，如有疑问请致电139-0000-1111。', /联系电话/],
    ['证件340102198001011234已核验。', /证件号码/],
    ['李四您好，创新券可在政务服务网申领。', /姓名/],
  ] as const)
    await refused(office, 'POST', `/api/hotline/tickets/${id}/publish`, { text }, 400, named);
  const v = await ok(office, 'POST', `/api/hotline/tickets/${id}/publish`, {
    text: '您好，创新券可在政务服务网申领。',
  });
  assert.equal(v.ticket.publishedOn, '2025-03-24');
  const page = await t.app.inject({ method: 'GET', url: '/wmly' });
  assert.match(page.body, /创新券可在政务服务网申领/);
  assert.doesNotMatch(page.body, /13900001111|李四/);
});

test("Excel import of a day's tickets: Chinese column names and labels, bad rows reported, nothing twice", async () => {
  await day('2025-03-24');
  const { default: ExcelJS } = await import('exceljs');
  const { multipartBody } = await import('../disclosure/publications/testkit.ts');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['工单编号', '来源渠道', '受理时间', '诉求类型', '诉求内容', '诉求人', '联系电话']);
  ws.addRow([
    'XL001',
    '12345电话',
    '2025-03-24 09:15',
    '投诉',
    '反映实验室废液处置不规范。',
    '孙某',
    '13511112222',
  ]);
  ws.addRow(['XL002', '12345网站', '2025-03-24', '建议', '建议增加科技政策宣讲场次。', '', '']);
  ws.addRow(['XL003', '12345电话', '2025-03-24 10:00', '闲聊', '内容', '', '']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const upload = async () => {
    const { payload, headers } = multipartBody(
      '工单.xlsx',
      buf,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/hotline/ticket-imports',
      headers: { ...office.headers, ...headers },
      payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const r = await upload();
  assert.equal(r.created, 2);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].message, /诉求类型/);
  assert.equal((await upload()).created, 0);
  const [row] = await queryRows<{ kind: string; source: string; received_at: Date }>(
    t.ctx.db,
    sql`select kind, source, received_at from hotline_tickets where ticket_no = 'XL001'`,
  );
  assert.equal(row.kind, 'complain');
  assert.equal(row.source, 'excel');
  assert.equal(new Date(row.received_at).toISOString(), '2025-03-24T01:15:00.000Z');
});
