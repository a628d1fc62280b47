// The workbench reads the decision list's 办理状态 filter from the server (issue 11 item 2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';

const PW = 'Labels-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'dl-staff', password: PW, roles: ['staff'], orgName: '办公室' });
  staff = await signIn(t.app, 'dl-staff', PW);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: staff.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};

test('GET /api/decisions/labels: the statuses a listed decision can be in, and each filters the list', async () => {
  const labels = await get('/api/decisions/labels');
  assert.deepEqual(labels.statuses, [
    { value: 'drafting', label: '决策草案拟订和论证中' },
    { value: 'decided', label: '已决定待公布' },
    { value: 'implementing', label: '执行中' },
    { value: 'suspended', label: '中止执行' },
    { value: 'readjusting', label: '重大调整中' },
    { value: 'superseded', label: '已由调整后的决策替代' },
    { value: 'stopped', label: '停止执行' },
    { value: 'rejected', label: '集体讨论不予通过' },
    { value: 'withdrawn', label: '终止决策程序' },
  ]);
  for (const s of labels.statuses) {
    const list = await get(`/api/decisions?status=${s.value}`);
    for (const item of list.items) assert.equal(item.status, s.value);
  }
  const anon = await t.app.inject({ method: 'GET', url: '/api/decisions/labels' });
  assert.equal(anon.statusCode, 401);
});
