import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { putSetting } from '../../../core/settings/service.ts';
import { fileSettings } from '../../../core/files/service.ts';
import { multipartBody, publishViaReview, sampleInput, withReviewer } from './testkit.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, colleague: Session, otherDept: Session, legal: Session;
let colleagueId = '';

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'f-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  colleagueId = await addUser(t.ctx, {
    username: 'f-colleague',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'f-legal',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'f-justice',
    password: 'Justice-pass-2025',
    roles: ['staff'],
    orgName: '示范市司法局',
  });
  staff = await signIn(t.app, 'f-staff', 'Staff-pass-2025');
  colleague = await signIn(t.app, 'f-colleague', 'Staff-pass-2025');
  legal = await signIn(t.app, 'f-legal', 'Legal-pass-2025');
  otherDept = await signIn(t.app, 'f-justice', 'Justice-pass-2025');
});
after(() => t.close());

const upload = (s: Session, name: string, content: Buffer, mime?: string) => {
  const { payload, headers } = multipartBody(name, content, mime);
  return t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...s.headers, ...headers },
    payload,
  });
};
const fileCount = async () =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from files`))[0].n;

test('upload and download: content, sha256, UTF-8 file name; a file no record owns only for its uploader', async () => {
  const content = Buffer.from('%PDF-1.4 附件内容 '.repeat(100_000)); // ≈ 2.3 MB: above the JSON body limit
  const res = await upload(staff, '2025年科技计划项目清单.pdf', content);
  assert.equal(res.statusCode, 200, res.body);
  const file = res.json();
  assert.equal(file.size, content.length);
  assert.match(file.sha256, /^[0-9a-f]{64}$/);
  // Not attached to any record yet: the uploader's only (core/files/access.test.ts has the owned files).
  assert.equal(
    (await t.app.inject({ url: `/api/files/${file.id}`, headers: colleague.headers })).statusCode,
    404,
    'a colleague in another 科室 of the same department',
  );
  const own = await t.app.inject({ url: `/api/files/${file.id}`, headers: staff.headers });
  assert.equal(own.statusCode, 200, 'the uploader');
  assert.ok(own.rawPayload.equals(content));
  assert.equal(
    own.headers['content-disposition'],
    `attachment; filename="2025_________.pdf"; filename*=UTF-8''${encodeURIComponent('2025年科技计划项目清单.pdf')}`,
  );
  assert.equal(
    (await t.app.inject({ url: `/api/files/${file.id}`, headers: otherDept.headers })).statusCode,
    404,
  );
  assert.equal((await t.app.inject({ url: `/api/files/${file.id}` })).statusCode, 404, 'anonymous');
});

test('size limit is a setting; an oversized or empty file is refused in Chinese and nothing is stored', async () => {
  const before = await fileCount();
  await putSetting(t.ctx.db, fileSettings, { maxBytes: 2048 }, t.ctx.clock.now());
  try {
    const big = await upload(staff, 'big.pdf', Buffer.alloc(3000, 1));
    assert.equal(big.statusCode, 400);
    assert.match(big.json().error.message, /大小超过上限 2 KB/);
    const ok = await upload(staff, 'small.pdf', Buffer.alloc(2048, 1));
    assert.equal(ok.statusCode, 200);
  } finally {
    await putSetting(t.ctx.db, fileSettings, fileSettings.defaults, t.ctx.clock.now());
  }
  const empty = await upload(staff, 'empty.pdf', Buffer.alloc(0));
  assert.equal(empty.statusCode, 400);
  assert.match(empty.json().error.message, /不能为空文件/);
  const notMultipart = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: staff.headers,
    payload: { file: 'x' },
  });
  assert.equal(notMultipart.statusCode, 400);
  assert.equal(await fileCount(), before + 1);
});

test('attachments of a published item are public; withdrawn → private again; other departments’ files cannot be attached', async () => {
  const file = (
    await upload(
      staff,
      '附件一.docx',
      Buffer.from('word'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
  ).json();
  const foreign = (await upload(otherDept, '司法局文件.pdf', Buffer.from('x'))).json();
  const refused = await t.app.inject({
    method: 'POST',
    url: '/api/publications',
    headers: staff.headers,
    payload: withReviewer({ ...sampleInput(), attachmentIds: [foreign.id] }, colleagueId),
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error.message, /附件/);

  const pub = (
    await publishViaReview(
      t.app,
      legal,
      colleague,
      withReviewer({ ...sampleInput(), attachmentIds: [file.id] }, colleagueId),
    )
  ).json();
  assert.deepEqual(
    pub.attachments.map((a: { name: string }) => a.name),
    ['附件一.docx'],
  );
  const anon = await t.app.inject({ url: `/api/files/${file.id}` });
  assert.equal(anon.statusCode, 200);
  assert.equal(anon.body, 'word');
  const page = await t.app.inject({ url: `/xxgk/p/${pub.indexNumber}` });
  assert.ok(page.body.includes(`href="/api/files/${file.id}"`));

  await t.app.inject({
    method: 'POST',
    url: `/api/publications/${pub.id}/withdraw`,
    headers: staff.headers,
    payload: { reason: '附件有误需撤回' },
  });
  assert.equal((await t.app.inject({ url: `/api/files/${file.id}` })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/api/files/not-a-uuid' })).statusCode, 400);
});
