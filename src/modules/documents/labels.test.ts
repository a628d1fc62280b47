// The workbench reads the document list's 效力状态 filter from the server (issue 11 item 2).
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

test('a document under 公开征求意见 carries the server’s 处理意见 choices', async () => {
  const [doc] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select subject_id as id from consultations where subject_type = 'normativeDocument' limit 1`,
  );
  assert.ok(doc, 'the demo has a document with a consultation');
  await addUser(t.ctx, {
    username: 'dc-leader',
    password: PW,
    roles: ['leader'],
    orgName: '办公室',
  });
  const leader = await signIn(t.app, 'dc-leader', PW);
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/documents/${doc.id}`,
    headers: leader.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().consultation.dispositions, [
    { value: 'adopted', label: '采纳' },
    { value: 'partlyAdopted', label: '部分采纳' },
    { value: 'notAdopted', label: '不采纳' },
  ]);
});
