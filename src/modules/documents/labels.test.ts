// The workbench reads the document list's 效力状态 filter from the server (issue 11 item 2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';

const PW = 'Labels-pass-2025';
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'dc-staff', password: PW, roles: ['staff'], orgName: '办公室' });
  staff = await signIn(t.app, 'dc-staff', PW);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: staff.headers });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};

test('GET /api/documents/labels: the six legal statuses, and each filters the list', async () => {
  const labels = await get('/api/documents/labels');
  assert.deepEqual(labels.legalStatuses, [
    { value: 'draft', label: '未发布' },
    { value: 'notYetInForce', label: '尚未施行' },
    { value: 'inForce', label: '有效' },
    { value: 'amended', label: '已修改' },
    { value: 'abolished', label: '废止' },
    { value: 'expired', label: '失效' },
  ]);
  for (const s of labels.legalStatuses) {
    const list = await get(`/api/documents?legalStatus=${s.value}`);
    for (const item of list.items) assert.equal(item.legalStatusLabel, s.label);
  }
  const anon = await t.app.inject({ method: 'GET', url: '/api/documents/labels' });
  assert.equal(anon.statusCode, 401);
});
