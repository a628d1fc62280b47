import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { decideAtHeldMeeting, passSecrecyReview } from '../../server/testDocuments.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session;
const ids: string[] = [];

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'cs', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'cl',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'clead',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  staff = await signIn(t.app, 'cs', 'Staff-pass-2025');
  legal = await signIn(t.app, 'cl', 'Legal-pass-2025');
  leader = await signIn(t.app, 'clead', 'Leader-pass-2025');
  const on = '2025-03-03';
  for (const title of ['示范市科技计划项目管理办法', '示范市科技奖励办法']) {
    const v = await ok(staff, '/api/documents', {
      title,
      docType: 'measures',
      concernsMarket: false,
      touchesPublicInterest: true,
      bodyText: '第一条 规范管理。\n第二条 自发布之日起施行。',
    });
    const id = v.document.id;
    await ok(leader, `/api/documents/${id}/act`, {
      action: 'exemptComment',
      on,
      data: { reason: '依法需要保密' },
    });
    await ok(staff, `/api/documents/${id}/act`, { action: 'submitLegalReview', on, data: {} });
    await ok(legal, `/api/documents/${id}/act`, {
      action: 'concludeLegalReview',
      on,
      data: { conclusion: 'lawful', opinion: '合法' },
    });
    await decideAtHeldMeeting((url, body) => ok(leader, url, body), id, on);
    await ok(staff, `/api/documents/${id}/number`, {});
    await passSecrecyReview(
      t,
      (url, body) => ok(staff, url, body),
      (url, body) => ok(legal, url, body),
      id,
      'cl',
    );
    await ok(staff, `/api/documents/${id}/publish`, {
      interpretation: '政策解读：本办法规范相关管理工作，自发布之日起施行。',
    });
    ids.push(id);
  }
});
after(() => t.close());

async function ok(s: Session, url: string, payload?: object, method: 'POST' | 'GET' = 'POST') {
  const res = await t.app.inject({ method, url, headers: s.headers, payload });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
}

test('清理: the legal office lists the documents in force, decides each, publishes; 废止 takes effect with the campaign as the act', async () => {
  const denied = await t.app.inject({
    method: 'POST',
    url: '/api/document-cleanups',
    headers: staff.headers,
    payload: { title: '2025年规范性文件专项清理' },
  });
  assert.equal(denied.statusCode, 403);
  const { id, documents } = await ok(legal, '/api/document-cleanups', {
    title: '2025年规范性文件专项清理',
    basis: '《科学技术进步法》修订',
  });
  assert.equal(documents, 2);
  const early = await t.app.inject({
    method: 'POST',
    url: `/api/document-cleanups/${id}/publish`,
    headers: legal.headers,
  });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /还有2件文件未提出清理意见/);
  await ok(legal, `/api/document-cleanups/${id}/items/${ids[0]}`, { decision: 'keep' });
  await ok(legal, `/api/document-cleanups/${id}/items/${ids[1]}`, {
    decision: 'abolish',
    note: '上位法已修改',
  });
  const pending = await ok(legal, `/api/document-cleanups/${id}`, undefined, 'GET');
  assert.equal(
    pending.totals.sentence,
    '清理规范性文件2份，失效文件0份，废止文件1份，有效文件1份。',
  );
  const r = await ok(legal, `/api/document-cleanups/${id}/publish`);
  assert.deepEqual(r.items.map((i: { decisionLabel: string }) => i.decisionLabel).sort(), [
    '保留',
    '废止',
  ]);
  const abolished = await ok(staff, `/api/documents/${ids[1]}`, undefined, 'GET');
  assert.equal(abolished.document.legalStatusLabel, '废止');
  assert.equal(abolished.document.ending.act, '2025年规范性文件专项清理');
  const page = await t.app.inject({ url: `/gfxwj/qingli/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2025年规范性文件专项清理清理结果/);
  assert.match(page.body, /废止/);
  assert.match(page.body, /清理规范性文件2份，失效文件0份，废止文件1份，有效文件1份。/);
  assert.match(
    (await t.app.inject({ url: '/gfxwj/qingli' })).body,
    new RegExp(`/gfxwj/qingli/${id}`),
  );
  const list = await ok(staff, '/api/document-cleanups', undefined, 'GET');
  assert.equal(list.items[0].totals.abolish, 1);
  assert.ok(list.items[0].publishedOn);
  const { documentFacts } = await import('./facts.ts');
  const fact = (await documentFacts(t.ctx, list.items[0].departmentId, 2025)).find(
    (f) => f.key === 'documents.cleanup',
  )!;
  assert.equal(fact.value, 2);
  assert.equal(fact.sentence, '清理规范性文件2份，失效文件0份，废止文件1份，有效文件1份。');
});

test('清理 totals in the form departments report them; refused input changes nothing', async () => {
  const { cleanupTotals } = await import('./cleanup.ts');
  const d = (x: string | null, n: number) => Array.from({ length: n }, () => ({ decision: x }));
  assert.equal(
    cleanupTotals([
      ...d('keep', 4),
      ...d('amend', 1),
      ...d('abolish', 3),
      ...d('declareInvalid', 2),
    ]).sentence,
    '清理规范性文件10份，失效文件2份，废止文件3份，有效文件5份（其中需要修改1份）。',
  );
  assert.equal(
    cleanupTotals([...d('keep', 1), ...d(null, 2)]).sentence,
    '清理规范性文件3份，失效文件0份，废止文件0份，有效文件1份，尚有2份未提出清理意见。',
  );
  const { id } = await ok(legal, '/api/document-cleanups', { title: '2025年第二次规范性文件清理' });
  const bad = await t.app.inject({
    method: 'POST',
    url: `/api/document-cleanups/${id}/items/${ids[0]}`,
    headers: legal.headers,
    payload: { decision: 'forget' },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /清理意见/);
  const staffDecides = await t.app.inject({
    method: 'POST',
    url: `/api/document-cleanups/${id}/items/${ids[0]}`,
    headers: staff.headers,
    payload: { decision: 'keep' },
  });
  assert.equal(staffDecides.statusCode, 403);
  const detail = await ok(legal, `/api/document-cleanups/${id}`, undefined, 'GET');
  assert.equal(detail.totals.pending, detail.totals.total);
});

test('exports: the list to Excel, the document and the comment feedback to .docx (公文格式)', async () => {
  const xlsx = await t.app.inject({ url: '/api/documents/export.xlsx', headers: staff.headers });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('规范性文件')!;
  assert.equal(ws.getRow(1).getCell(1).value, '文件名称');
  const titles = ws.getColumn(1).values.slice(2);
  assert.ok(titles.includes('示范市科技奖励办法'));
  const docx = await t.app.inject({
    url: `/api/documents/${ids[0]}/document.docx`,
    headers: staff.headers,
  });
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
  assert.match(docx.headers['content-disposition'] as string, /filename\*=UTF-8''/);
  const none = await t.app.inject({
    url: `/api/documents/${ids[0]}/feedback.docx`,
    headers: staff.headers,
  });
  assert.equal(none.statusCode, 409);
  assert.match(none.json().error.message, /没有公开征求意见/);
});

test('a draft takes its text from an uploaded .docx (kept as a file); other files and published texts are refused', async () => {
  const { gongwenDocx } = await import('../../core/docx/gongwen.ts');
  const upload = async (name: string, content: Buffer) => {
    const boundary = '----fazhiTestBoundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...staff.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().id as string;
  };
  const draft = await ok(staff, '/api/documents', {
    title: '示范市科技型企业培育办法',
    docType: 'measures',
    concernsMarket: false,
    touchesPublicInterest: true,
  });
  const docx = await gongwenDocx({
    title: '示范市科技型企业培育办法',
    blocks: [
      { kind: 'p', text: '第一条 为培育科技型企业，制定本办法。' },
      { kind: 'p', text: '第二条 本办法自发布之日起施行。' },
    ],
  });
  const fileId = await upload('培育办法.docx', docx);
  const view = await ok(staff, `/api/documents/${draft.document.id}/source`, { fileId });
  assert.match(view.document.bodyText, /第一条 为培育科技型企业，制定本办法。\n第二条/);
  assert.equal(view.document.sourceFileId, fileId);
  const txt = await upload('说明.txt', Buffer.from('plain'));
  const bad = await t.app.inject({
    method: 'POST',
    url: `/api/documents/${draft.document.id}/source`,
    headers: staff.headers,
    payload: { fileId: txt },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /\.docx/);
  const frozen = await t.app.inject({
    method: 'POST',
    url: `/api/documents/${ids[0]}/source`,
    headers: staff.headers,
    payload: { fileId },
  });
  assert.equal(frozen.statusCode, 409);
});

test('editing a draft through the API; the staff list finds a draft by a phrase of its text', async () => {
  const draft = await ok(staff, '/api/documents', {
    title: '示范市科技成果登记办法',
    docType: 'measures',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 规范成果登记。',
  });
  const id = draft.document.id;
  const edited = await t.app.inject({
    method: 'PUT',
    url: `/api/documents/${id}`,
    headers: staff.headers,
    payload: {
      title: '示范市科技成果登记管理办法',
      docType: 'measures',
      concernsMarket: false,
      touchesPublicInterest: true,
      bodyText: '第一条 规范成果登记。\n第二条 登记机构应当在十个工作日内办结。',
    },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().document.title, '示范市科技成果登记管理办法');
  const market = await t.app.inject({
    method: 'PUT',
    url: `/api/documents/${id}`,
    headers: staff.headers,
    payload: {
      title: '示范市科技成果登记管理办法',
      docType: 'measures',
      concernsMarket: true,
      touchesPublicInterest: true,
    },
  });
  assert.equal(market.statusCode, 409);
  assert.match(market.json().error.message, /是否涉及市场主体在起草时已确定/);
  const found = await ok(
    staff,
    `/api/documents?q=${encodeURIComponent('十个工作日内办结')}`,
    undefined,
    'GET',
  );
  assert.deepEqual(
    found.items.map((i: { id: string }) => i.id),
    [id],
  );
  assert.equal(found.items[0].legalStatusLabel, '未发布', 'labels come from the server');
  const escaped = await ok(staff, `/api/documents?q=${encodeURIComponent('%')}`, undefined, 'GET');
  assert.equal(escaped.total, 0, 'a % is a character, not a wildcard');
});
