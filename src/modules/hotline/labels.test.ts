// The workbench reads the hotline's labels from the server (issue 11 item 2): the 办理状态 filter is the
// engine's statuses, the 好差评 levels are 国办发〔2019〕51号's five, and a ticket's rating carries its label.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';

const PW = 'Labels-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'hl-staff', password: PW, roles: ['staff'], orgName: '办公室' });
  staff = await signIn(t.app, 'hl-staff', PW);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: staff.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};

test('GET /api/hotline/labels: the statuses a listed ticket can be in and the five 好差评 levels', async () => {
  const labels = await get('/api/hotline/labels');
  assert.deepEqual(labels.statuses, [
    { value: 'received', label: '待签收' },
    { value: 'handling', label: '办理中' },
    { value: 'replied', label: '已答复待回访' },
    { value: 'closed', label: '已办结' },
    { value: 'disputed', label: '已退单' },
    { value: 'merged', label: '已并单' },
    { value: 'converted', label: '已转其他程序' },
  ]);
  assert.deepEqual(
    labels.scores.map((s: { label: string }) => s.label),
    ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
  );
  // Every status offered filters: the list answers each with tickets in that status only.
  for (const s of labels.statuses) {
    const list = await get(`/api/hotline/tickets?status=${s.value}`);
    for (const item of list.items) assert.equal(item.status, s.value);
  }
  const anon = await t.app.inject({ method: 'GET', url: '/api/hotline/labels' });
  assert.equal(anon.statusCode, 401);
});

test('a rated ticket shows its 好差评 level by the server’s label', async () => {
  const [rated] = await queryRows<{ id: string; score: string }>(
    t.ctx.db,
    sql`select t.id, r.score from hotline_tickets t join hotline_ratings r on r.case_id = t.case_id limit 1`,
  );
  assert.ok(rated, 'the demo has a rated ticket');
  const labels = await get('/api/hotline/labels');
  const view = await get(`/api/hotline/tickets/${rated.id}`);
  assert.equal(view.rating.score, rated.score);
  assert.equal(
    view.rating.scoreLabel,
    labels.scores.find((s: { value: string }) => s.value === rated.score).label,
  );
});

test('GET /api/hotline/labels: the 诉求类型, 来源渠道 and 回访满意度 the forms offer, each filtering the list', async () => {
  const labels = await get('/api/hotline/labels');
  assert.deepEqual(
    labels.kinds.map((c: { label: string }) => c.label),
    ['咨询', '求助', '建议', '投诉', '举报'],
  );
  assert.deepEqual(
    labels.channels.map((c: { label: string }) => c.label),
    ['12345电话', '12345网站', '12345移动端', '微信', '网民留言', '其他'],
  );
  assert.deepEqual(labels.satisfaction, [
    { value: 'satisfied', label: '满意' },
    { value: 'basic', label: '基本满意' },
    { value: 'unsatisfied', label: '不满意' },
  ]);
  for (const c of labels.kinds) {
    const list = await get(`/api/hotline/tickets?kind=${c.value}`);
    for (const item of list.items) assert.equal(item.kindLabel, c.label);
  }
  for (const c of labels.channels) {
    const list = await get(`/api/hotline/tickets?channel=${c.value}`);
    for (const item of list.items) assert.equal(item.channelLabel, c.label);
  }
});
