// The workbench reads the review queue's 办理状态 filter from the server (issue 11 item 2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';

const PW = 'Labels-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let legal: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, {
    username: 'rl-legal',
    password: PW,
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  legal = await signIn(t.app, 'rl-legal', PW);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: legal.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};

test('GET /api/reviews/labels: the four statuses of a matter, and each filters the queue', async () => {
  const labels = await get('/api/reviews/labels');
  assert.deepEqual(labels.statuses, [
    { value: 'submitted', label: '待分派' },
    { value: 'reviewing', label: '审查中' },
    { value: 'concluded', label: '已出具审查意见' },
    { value: 'withdrawn', label: '已撤回' },
  ]);
  for (const s of labels.statuses) {
    const list = await get(`/api/reviews?status=${s.value}`);
    for (const item of list.items) assert.equal(item.status, s.value);
  }
  const anon = await t.app.inject({ method: 'GET', url: '/api/reviews/labels' });
  assert.equal(anon.statusCode, 401);
});

test('GET /api/reviews/labels: the matter types, conclusions, adoptions and advisor kinds the forms offer, each accepted by its route', async () => {
  const labels = await get('/api/reviews/labels');
  assert.deepEqual(
    labels.matterTypes.map((c: { label: string }) => c.label),
    ['重大行政决策', '行政规范性文件', '合同协议', '信息公开答复', '行政复议应诉', '其他法律事务'],
  );
  assert.deepEqual(labels.conclusions, [
    { value: 'lawful', label: '合法' },
    { value: 'lawfulAfterRevision', label: '修改后合法' },
    { value: 'unlawful', label: '不合法' },
  ]);
  assert.deepEqual(
    labels.adoptions.map((c: { label: string }) => c.label),
    ['采纳', '部分采纳', '未采纳'],
  );
  assert.deepEqual(
    labels.advisorKinds.map((c: { label: string }) => c.label),
    ['法律顾问', '公职律师'],
  );
  // Every offered type filters the queue (the list's query accepts each code the form sends).
  for (const c of labels.matterTypes) await get(`/api/reviews?type=${c.value}`);
});
