// 网民留言 on the portal through HTTP: CSRF, validation, escaping, the tracking code, and 好差评 refused
// before closure and a second time; a ticket converted into a 信访 matter keeps the link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { portalSession as openSession, postPortalForm } from '../../portal/testApp.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let office: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, {
    username: 'po',
    password: 'Hotline-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  office = await signIn(t.app, 'po', 'Hotline-pass-2025');
});
after(() => t.close());

const portalSession = async () => {
  const s = await openSession(t.app, '/wmly/new');
  assert.equal(s.page.statusCode, 200);
  return s;
};
const form = (url: string, s: { token: string; cookie: string }, fields: Record<string, string>) =>
  postPortalForm(t.app, url, s, fields);
const message = {
  kind: 'complain',
  title: '实验室噪音扰民<b>',
  content: '夜间实验设备噪音很大<script>alert(1)</script>',
  name: '赵某',
  phone: '13911112222',
  publishConsent: 'yes',
};

let code = '';

test('the message form: CSRF required, fields named in Chinese, text escaped, a tracking code', async () => {
  const s = await portalSession();
  const forged = await form('/wmly/new', { ...s, token: 'x'.repeat(43) }, message);
  assert.equal(forged.statusCode, 403);
  const bad = await form('/wmly/new', s, { ...message, content: '短', phone: 'abc' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /留言内容：/);
  assert.match(bad.body, /联系电话：请填写有效的电话号码/);
  const ok = await form('/wmly/new', s, message);
  assert.equal(ok.statusCode, 303, ok.body);
  code = /\/wmly\/track\/([a-z2-7]{32})/.exec(ok.headers.location as string)![1];
  const page = await t.app.inject({ method: 'GET', url: `/wmly/track/${code}?new=1` });
  assert.match(page.body, /留言已提交/);
  assert.match(page.body, /实验室噪音扰民&lt;b&gt;/);
  assert.doesNotMatch(page.body, /<b>|<script>alert/);
  assert.doesNotMatch(page.body, /13911112222|赵某/, 'no personal data on the tracking page');
  assert.equal(
    (await t.app.inject({ method: 'GET', url: `/wmly/track/${'a'.repeat(32)}` })).statusCode,
    404,
  );
  const [row] = await queryRows<{ source: string; channel: string; due_on: string }>(
    t.ctx.db,
    sql`select source, channel, due_on::text from hotline_tickets where tracking_code = ${code}`,
  );
  assert.deepEqual(
    row,
    { source: 'portal', channel: 'portal', due_on: '2025-03-24' },
    '投诉: 15 working days',
  );
});

test('好差评 on the portal: refused before closure, once after it', async () => {
  const s = await portalSession();
  const early = await form(`/wmly/track/${code}/rate`, s, { score: '5' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /尚未办结，办结后才能评价/);
  assert.doesNotMatch(early.body, /提交评价/);
  const [{ id }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from hotline_tickets where tracking_code = ${code}`,
  );
  const act = (body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/hotline/tickets/${id}/act`,
      headers: office.headers,
      payload: { on: '2025-03-03', ...body },
    });
  for (const body of [
    { action: 'sign' },
    { action: 'reply', text: '已约谈实验室负责人，夜间停用高噪音设备。' },
    { action: 'visit', satisfaction: 'satisfied' },
  ])
    assert.equal((await act(body)).statusCode, 200);
  const open = await t.app.inject({ method: 'GET', url: `/wmly/track/${code}` });
  assert.match(open.body, /提交评价/);
  const rated = await form(`/wmly/track/${code}/rate`, s, { score: '4', comment: '处理及时' });
  assert.equal(rated.statusCode, 303);
  const twice = await form(`/wmly/track/${code}/rate`, s, { score: '1' });
  assert.match(twice.body, /已对本件留言作出评价|只能评价一次/);
  const [{ n }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from hotline_ratings r join hotline_tickets h on h.case_id = r.case_id where h.tracking_code = ${code}`,
  );
  assert.equal(n, 1);
});

test('conversion into a 信访 matter keeps the link', async () => {
  const m = await t.app.inject({
    method: 'POST',
    url: '/api/hotline/tickets',
    headers: office.headers,
    payload: {
      channel: 'phone',
      receivedOn: '2025-03-03',
      kind: 'complain',
      content: '反映某项目负责人挪用科研经费，要求查处。',
      name: '钱某',
      phone: '13600001111',
    },
  });
  assert.equal(m.statusCode, 200, m.body);
  const id = m.json().ticket.id;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/hotline/tickets/${id}/convert`,
    headers: office.headers,
    payload: { target: 'petition', on: '2025-03-03' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.equal(r.view.status, 'converted');
  const [link] = await queryRows<{ converted_to: string; converted_id: string }>(
    t.ctx.db,
    sql`select converted_to, converted_id from hotline_tickets where id = ${id}`,
  );
  assert.deepEqual(link, { converted_to: 'petition', converted_id: r.converted.id });
});
