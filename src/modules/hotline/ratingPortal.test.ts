// 好差评 on the portal (/hcp) for every kind of matter a citizen holds a tracking code of: a 信访 matter
// (the code printed on its 处理意见书) and a 依申请公开 request; refused before it is done and a second time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { docxText } from '../../core/files/docx.ts';
import { portalSession as openSession, postPortalForm } from '../../portal/testApp.ts';

const PW = 'Rating-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
let other: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'hr-staff', password: PW, roles: ['staff'], orgName: '办公室' });
  await addUser(t.ctx, {
    username: 'hr-other',
    password: PW,
    roles: ['staff'],
    orgName: '高新技术科',
  });
  [staff, other] = [await signIn(t.app, 'hr-staff', PW), await signIn(t.app, 'hr-other', PW)];
});
after(() => t.close());

const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await t.app.inject({ method, url, headers: staff.headers, payload });
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res.json();
};
const portalSession = (code: string) => openSession(t.app, `/hcp/${code}`);
const rate = (code: string, s: { token: string; cookie: string }, fields: Record<string, string>) =>
  postPortalForm(t.app, `/hcp/${code}/rate`, s, fields);
const ratings = async (caseId: string) =>
  await queryRows<{ score: string; module: string }>(
    t.ctx.db,
    sql`select score, module from hotline_ratings where case_id = ${caseId}`,
  );

test('a 信访 matter is rated with the code on its 处理意见书, once, and only after the opinion is given', async () => {
  const v = await api('POST', '/api/petitions', {
    channel: 'letter',
    source: 'direct',
    receivedOn: '2025-02-20',
    petitioner: { name: '李四', phone: '13712345678' },
    content: '请求解释研发费用补助政策。',
  });
  const id = v.petition.id as string;
  const code = v.petition.trackingCode as string;
  assert.match(code, /^[a-z2-7]{32}$/, 'the handler sees the code to give the petitioner');
  assert.equal(
    (await t.app.inject({ url: `/api/petitions/${id}`, headers: other.headers })).json().petition
      ?.trackingCode ?? '',
    '',
    'not shown to those who may not see the petitioner',
  );
  await api('POST', `/api/petitions/${id}/act`, {
    action: 'accept',
    on: '2025-02-25',
    noticeText: '已受理，60日内答复。',
  });
  await api('POST', `/api/petitions/${id}/act`, {
    action: 'classify',
    on: '2025-02-25',
    category: 'suggestion',
  });

  const before = await portalSession(code);
  assert.equal(before.page.statusCode, 200);
  assert.match(before.page.body, /信访事项/);
  assert.match(before.page.body, /本事项尚未办结，办结后可以评价/);
  assert.doesNotMatch(
    before.page.body,
    /李四|13712345678|研发费用/,
    'nothing personal and no content on the portal',
  );
  const early = await rate(code, before, { score: '5' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /尚未办结/);

  await api('POST', `/api/petitions/${id}/act`, {
    action: 'answer',
    on: '2025-03-03',
    decision: 'explain',
    facts: '经核实，相关政策已公开。',
    opinion: '现将政策解释如下。',
    basis: '《信访工作条例》第三十二条',
    servedOn: '2025-03-03',
  });
  const docx = await t.app.inject({
    url: `/api/petitions/${id}/opinion.docx`,
    headers: staff.headers,
  });
  assert.equal(docx.statusCode, 200);
  assert.ok(
    (await docxText(docx.rawPayload, { field: 'file' })).includes(`查询码${code}`),
    'the 处理意见书 tells the petitioner how to rate',
  );

  const open = await portalSession(code);
  assert.match(open.page.body, /已办结/);
  const missing = await rate(code, open, {});
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /请选择评价等级/);
  const forged = await rate(code, { ...open, token: 'x'.repeat(43) }, { score: '5' });
  assert.equal(forged.statusCode, 403);
  const done = await rate(code, open, { score: '4', comment: '答复及时' });
  assert.equal(done.statusCode, 303, done.body);
  assert.deepEqual(await ratings(v.petition.caseId), [{ score: '4', module: 'petitions' }]);
  const again = await rate(code, open, { score: '1' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /只能评价一次/);
  assert.equal((await ratings(v.petition.caseId)).length, 1);
});

test('a 依申请公开 request is found by its tracking code; unknown and malformed codes are refused', async () => {
  const apply = await t.app.inject({ method: 'GET', url: '/xxgk/apply' });
  const token = /name="_csrf" value="([^"]+)"/.exec(apply.body)![1];
  const cookie = `fazhi_pcsrf=${apply.cookies.find((c) => c.name === 'fazhi_pcsrf')!.value}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/xxgk/apply',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: token,
      applicantKind: 'naturalPerson',
      name: '王五',
      idType: 'idCard',
      idNumber: '110101199001011234',
      phone: '13800001111',
      description: '请公开2024年度科技计划项目立项名单。',
      form: 'electronic',
      delivery: 'email',
      email: 'w@example.cn',
    }).toString(),
  });
  assert.equal(res.statusCode, 303, res.body);
  const code = /\/xxgk\/track\/([a-z2-7]{32})/.exec(res.headers.location as string)![1];
  const page = await portalSession(code);
  assert.equal(page.page.statusCode, 200);
  assert.match(page.page.body, /政府信息公开申请/);
  assert.match(page.page.body, /办理中/);
  assert.doesNotMatch(page.page.body, /王五|13800001111/);
  assert.equal((await rate(code, page, { score: '5' })).statusCode, 409);
  assert.equal((await t.app.inject({ url: `/hcp/${'a'.repeat(32)}` })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/hcp?code=abc' })).statusCode, 400);
  const lookup = await t.app.inject({ url: `/hcp?code=${code.toUpperCase()}` });
  assert.equal(lookup.statusCode, 303);
  assert.equal(lookup.headers.location, `/hcp/${code}`);
});
