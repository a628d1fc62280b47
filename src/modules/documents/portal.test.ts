import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, orgIdByName, signIn, moveToDay } from '../../server/testing.ts';
import { decideAtHeldMeeting, passSecrecyReview } from '../../server/testDocuments.ts';
import { createOrg } from '../../core/orgs/service.ts';
import type { Actor } from '../../core/auth/actor.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'ps', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'pl',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'plead',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  staff = await signIn(t.app, 'ps', 'Staff-pass-2025');
  legal = await signIn(t.app, 'pl', 'Legal-pass-2025');
  leader = await signIn(t.app, 'plead', 'Leader-pass-2025');
});
after(() => t.close());

const day = (d: string) => moveToDay(t, d);
const api = async (s: Session, url: string, payload?: object, method: 'POST' | 'GET' = 'POST') => {
  const res = await t.app.inject({ method, url, headers: s.headers, payload });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};
/** A portal form session: the CSRF cookie and token from a GET of the page. */
async function portalForm(url: string) {
  const res = await t.app.inject({ url });
  const cookie = res.cookies.find((c) => c.name === 'fazhi_pcsrf')!;
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1];
  return { cookie: `fazhi_pcsrf=${cookie.value}`, token };
}
const postComment = (
  url: string,
  f: { cookie: string; token: string },
  fields: Record<string, string>,
  ip = '10.0.0.1',
) =>
  t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: f.token, ...fields }).toString(),
  });

let docId = '';
let consultation = '';
let draftOnly = '';

test('the draft goes on the portal with a comment form; comments are CSRF-protected, escaped, size-limited and rate-limited', async () => {
  const view = await api(staff, '/api/documents', {
    title: '示范市关于落实习近平总书记科技创新重要论述的若干措施',
    docType: 'opinion',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 深入落实习近平总书记关于科技创新的重要论述。\n第二条 加大研发投入。',
    keywords: '科技创新',
  });
  docId = view.document.id;
  const opened = await api(staff, `/api/documents/${docId}/comment/open`, {
    startOn: '2025-03-03',
    endOn: '2025-03-12',
  });
  consultation = opened.consultation.id;
  const url = `/gfxwj/zqyj/${consultation}`;
  const page = await t.app.inject({ url });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /提交意见建议/);
  assert.match(page.body, /<option value="2">第二条<\/option>/);
  assert.match((await t.app.inject({ url: '/gfxwj' })).body, /正在公开征求意见/);
  const f = await portalForm(url);
  const noCsrf = await t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'body=hi',
  });
  assert.equal(noCsrf.statusCode, 403);
  const tooLong = await postComment(url, f, { body: '长'.repeat(5001) });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /不能超过5000字/);
  const ok = await postComment(url, f, {
    body: '<script>alert("x")</script>建议第二条写明投入比例',
    articleNo: '2',
    authorName: '某企业',
    contact: 'secret@example.com',
  });
  assert.equal(ok.statusCode, 303);
  const later = await t.app.inject({ url: `${url}?submitted=1` });
  assert.match(later.body, /意见已提交/);
  for (let i = 0; i < 3; i++)
    assert.equal((await postComment(url, f, { body: `意见${i}` }, '10.0.0.9')).statusCode, 303);
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++)
    statuses.push((await postComment(url, f, { body: `再次意见${i}` }, '10.0.0.9')).statusCode);
  assert.ok(statuses.includes(429), `rate limited: ${statuses}`);
});

test('after the window closes the form is refused with a clear message; the feedback is published next to the draft', async () => {
  await day('2025-03-13');
  const url = `/gfxwj/zqyj/${consultation}`;
  const f = await portalForm(url);
  const late = await postComment(url, f, { body: '迟到的意见' }, '10.0.0.2');
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /征求意见期限已于2025-03-12届满，不再接收意见/);
  const closed = await api(staff, `/api/documents/${docId}/comment/close`, {});
  for (const c of closed.consultation.comments)
    await api(staff, `/api/documents/${docId}/comments/${c.id}/disposition`, {
      disposition: 'notAdopted',
      reason: '已有规定',
    });
  await api(staff, `/api/documents/${docId}/comment/feedback`, {});
  const page = await t.app.inject({ url });
  assert.match(page.body, /意见采纳情况/);
  assert.match(page.body, /&lt;script&gt;alert/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.doesNotMatch(page.body, /secret@example.com/, 'contact details stay private');
});

test('published documents appear in the registry with search, filters and a page with the metadata block; drafts never do', async () => {
  const other = await api(staff, '/api/documents', {
    title: '示范市近平路科技园区管理办法',
    docType: 'measures',
    concernsMarket: false,
    touchesPublicInterest: false,
    bodyText: '第一条 规范园区管理。',
  });
  draftOnly = other.document.id;
  await api(staff, `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-13',
  });
  await api(legal, `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-13',
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => api(leader, url, body), docId, '2025-03-13');
  await api(staff, `/api/documents/${docId}/number`, {});
  await passSecrecyReview(
    t,
    (url, body) => api(staff, url, body),
    (url, body) => api(legal, url, body),
    docId,
    'pl',
  );
  await api(staff, `/api/documents/${docId}/publish`, {
    interpretation: '一、制定背景：为深入贯彻落实重要论述。二、主要内容：共两条。',
  });
  const hit = await t.app.inject({ url: `/gfxwj?q=${encodeURIComponent('习近平')}` });
  assert.match(hit.body, /若干措施/);
  assert.doesNotMatch(hit.body, /近平路科技园区/, 'drafts are not in the registry');
  assert.match(hit.body, /共找到1件/);
  assert.match(
    (await t.app.inject({ url: `/gfxwj?q=${encodeURIComponent('平习')}` })).body,
    /共找到0件/,
  );
  assert.match((await t.app.inject({ url: '/gfxwj?status=abolished' })).body, /没有符合条件/);
  assert.match((await t.app.inject({ url: '/gfxwj?status=inForce&year=2025' })).body, /若干措施/);
  const page = await t.app.inject({ url: `/gfxwj/${docId}` });
  assert.equal(page.statusCode, 200);
  for (const s of [
    '索引号',
    '11341600734987449Q/202503-',
    '组配分类',
    '发布机构',
    '示范市科学技术局',
    '有效性',
    '科规〔2025〕1号',
    '政策解读',
    '意见采纳情况',
    '文件沿革',
  ])
    assert.ok(page.body.includes(s), s);
  assert.equal((await t.app.inject({ url: `/gfxwj/${draftOnly}` })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/gfxwj/not-a-uuid' })).statusCode, 404);
});

test('abolished documents stay visible and are clearly marked', async () => {
  await api(staff, `/api/documents/${docId}/end`, {
    kind: 'abolished',
    on: '2025-03-13',
    act: '科规〔2025〕5号',
  });
  const list = await t.app.inject({ url: '/gfxwj?status=abolished' });
  assert.match(list.body, /<strong>废止<\/strong>/);
  const page = await t.app.inject({ url: `/gfxwj/${docId}` });
  assert.match(page.body, /本文件废止/);
  assert.match(page.body, /依据：科规〔2025〕5号/);
  assert.match((await t.app.inject({ url: '/' })).body, /规范性文件库/);
});

test("the portal speaks for its department: another department's documents and consultations are not on it", async () => {
  const asSystem = { userId: null, orgId: null } as unknown as Actor;
  const gov = await orgIdByName(t.ctx, '示范市人民政府');
  const other = await createOrg(t.ctx, asSystem, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov,
    creditCode: '11341600003046999X',
    docPrefix: '教规',
  });
  await addUser(t.ctx, {
    username: 'es',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '示范市教育局',
  });
  await addUser(t.ctx, {
    username: 'el',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer', 'leader'],
    orgName: '示范市教育局',
  });
  const es = await signIn(t.app, 'es', 'Staff-pass-2025');
  const el = await signIn(t.app, 'el', 'Legal-pass-2025');
  assert.ok(other.id);
  const d = await api(es, '/api/documents', {
    title: '示范市中小学课后服务管理办法',
    docType: 'measures',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 规范课后服务。\n第二条 自发布之日起施行。',
  });
  const id = d.document.id;
  const opened = await api(es, `/api/documents/${id}/comment/open`, {
    startOn: '2025-03-13',
    endOn: '2025-03-24',
  });
  assert.doesNotMatch(
    (await t.app.inject({ url: '/gfxwj' })).body,
    /课后服务/,
    'not among the open consultations',
  );
  assert.doesNotMatch((await t.app.inject({ url: '/gfxwj/zqyj' })).body, /课后服务/);
  assert.equal(
    (await t.app.inject({ url: `/gfxwj/zqyj/${opened.consultation.id}` })).statusCode,
    404,
  );
  await day('2025-03-25');
  await api(es, `/api/documents/${id}/comment/close`, {});
  await api(es, `/api/documents/${id}/act`, { action: 'submitLegalReview', on: '2025-03-25' });
  await api(el, `/api/documents/${id}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-25',
    data: { conclusion: 'lawful', opinion: '合法' },
  });
  await decideAtHeldMeeting((url, body) => api(el, url, body), id, '2025-03-25');
  assert.equal(
    (await api(es, `/api/documents/${id}/number`, {})).document.docNumber,
    '教规〔2025〕1号',
  );
  await passSecrecyReview(
    t,
    (url, body) => api(es, url, body),
    (url, body) => api(el, url, body),
    id,
    'el',
  );
  await api(es, `/api/documents/${id}/publish`, {
    interpretation: '一、制定背景：规范中小学课后服务。二、主要内容：共两条。',
  });
  assert.doesNotMatch(
    (await t.app.inject({ url: `/gfxwj?q=${encodeURIComponent('课后服务')}` })).body,
    /课后服务管理办法/,
  );
  assert.match(
    (await t.app.inject({ url: `/gfxwj?q=${encodeURIComponent('课后服务')}` })).body,
    /共找到0件/,
  );
  assert.equal((await t.app.inject({ url: `/gfxwj/${id}` })).statusCode, 404);
});

test('the registry lists the consultations and the 清理 results on their own pages', async () => {
  const zqyj = await t.app.inject({ url: '/gfxwj/zqyj' });
  assert.equal(zqyj.statusCode, 200);
  assert.match(zqyj.body, /规范性文件公开征求意见/);
  const qingli = await t.app.inject({ url: '/gfxwj/qingli' });
  assert.equal(qingli.statusCode, 200);
  assert.match(qingli.body, /尚未公布规范性文件清理结果/);
  const front = (await t.app.inject({ url: '/gfxwj' })).body;
  assert.match(front, /href="\/gfxwj\/zqyj"/);
  assert.match(front, /href="\/gfxwj\/qingli"/);
});
