import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { testApi, type Session } from '../../server/testApi.ts';
import { queryRows } from '../db/client.ts';
import { newId } from '../clock.ts';
import { CHUNK_BYTES } from './stream.ts';

/** Large files (audio/video of 全过程记录) streamed in 1 MB chunks: stored, read back, refused over the limit. */
let t: Awaited<ReturnType<typeof createBaseApp>>;
let staff: Session, other: Session, admin: Session;
const { ok } = testApi(() => t, []);

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'st-staff', password: 'Stream-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, { username: 'st-other', password: 'Stream-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, { username: 'st-admin', password: 'Stream-pass-2025', roles: ['sysAdmin'] });
  [staff, other, admin] = [
    await signIn(t.app, 'st-staff', 'Stream-pass-2025'),
    await signIn(t.app, 'st-other', 'Stream-pass-2025'),
    await signIn(t.app, 'st-admin', 'Stream-pass-2025'),
  ];
});
after(() => t.close());

/** A multipart body produced piece by piece (64 KB at a time, no Content-Length), as a browser streams a video. */
function streamedUpload(s: Session, name: string, bytes: number, declaredLength?: number) {
  const boundary = '----fazhiStream';
  const piece = Buffer.alloc(64 * 1024);
  const hash = createHash('sha256');
  async function* body() {
    yield Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: video/mp4\r\n\r\n`,
    );
    for (let sent = 0, i = 0; sent < bytes; i++) {
      const n = Math.min(piece.length, bytes - sent);
      const chunk = Buffer.from(piece.subarray(0, n)).fill(i % 251);
      hash.update(chunk);
      sent += n;
      yield chunk;
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  const headers: Record<string, string> = {
    ...s.headers,
    'content-type': `multipart/form-data; boundary=${boundary}`,
  };
  if (declaredLength) headers['content-length'] = String(declaredLength);
  const res = t.app.inject({
    method: 'POST',
    url: '/api/files/stream',
    headers,
    payload: Readable.from(body()),
  });
  return { res, sha256: () => hash.digest('hex') };
}

const counts = async () =>
  (
    await queryRows<{ files: number; chunks: number; audit: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from files) as files, (select count(*)::int from file_chunks) as chunks, (select count(*)::int from audit_events) as audit`,
    )
  )[0];

test('a 5.5 MB video is stored in 1 MB chunks and read back byte for byte by its uploader only', async () => {
  const bytes = 5.5 * CHUNK_BYTES;
  const up = streamedUpload(staff, '执法记录仪视频.mp4', bytes);
  const res = await up.res;
  assert.equal(res.statusCode, 200, res.body);
  const stored = res.json();
  assert.equal(stored.size, bytes);
  assert.equal(stored.sha256, up.sha256());
  const [row] = await queryRows<{ chunked: boolean; n: number }>(
    t.ctx.db,
    sql`select f.chunked, (select count(*)::int from file_chunks c where c.file_id = f.id) as n from files f where f.id = ${stored.id}`,
  );
  assert.deepEqual(row, { chunked: true, n: 6 });
  const down = await t.app.inject({ url: `/api/files/${stored.id}`, headers: staff.headers });
  assert.equal(down.statusCode, 200);
  assert.equal(down.headers['content-length'], String(bytes));
  assert.equal(createHash('sha256').update(down.rawPayload).digest('hex'), stored.sha256);
  assert.equal(
    (await t.app.inject({ url: `/api/files/${stored.id}`, headers: other.headers })).statusCode,
    404,
    "a file no record owns is its uploader's only",
  );
  const [audit] = await queryRows<{ payload: { size: number; chunks: number } }>(
    t.ctx.db,
    sql`select payload from audit_events where action = 'file.upload' and entity_id = ${stored.id}`,
  );
  assert.deepEqual([audit.payload.size, audit.payload.chunks], [bytes, 6]);
});

test('over the 大文件 limit (a setting): refused in Chinese, before reading when declared, and nothing is left behind', async () => {
  await ok(admin, 'PUT', '/api/settings/files/large', { maxBytes: 2 * CHUNK_BYTES });
  try {
    const limits = await ok(staff, 'GET', '/api/files/limits');
    assert.equal(limits.largeLabel, '2 MB');
    const before = await counts();
    const streamed = await streamedUpload(staff, '超限视频.mp4', 3 * CHUNK_BYTES).res;
    assert.equal(streamed.statusCode, 400, streamed.body);
    assert.equal(streamed.json().error.message, '文件：大小超过上限 2 MB');
    const declared = await streamedUpload(
      staff,
      '超限视频.mp4',
      3 * CHUNK_BYTES,
      3 * CHUNK_BYTES + 300,
    ).res;
    assert.equal(declared.statusCode, 400);
    assert.match(declared.json().error.message, /大小超过上限 2 MB/);
    assert.deepEqual(await counts(), before, 'no file, no chunk, no audit event');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/files/large',
      headers: admin.headers,
      payload: { maxBytes: 1000 },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /不能小于 1 MB/);
  } finally {
    await ok(admin, 'PUT', '/api/settings/files/large', { maxBytes: 4 * 1024 * CHUNK_BYTES });
  }
});

test('an upload a crashed process left unfinished is invisible, and removed once a day old', async () => {
  const id = newId();
  const [dept] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select department_id as id from users where username = 'st-staff'`,
  );
  const [user] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from users where username = 'st-staff'`,
  );
  await t.ctx.db
    .execute(sql`insert into files (id, name, mime, size, sha256, content, chunked, complete, department_id, uploaded_by, created_at)
    values (${id}, '中断.mp4', 'video/mp4', 0, '', ''::bytea, true, false, ${dept.id}, ${user.id}, ${new Date(t.ctx.clock.now().getTime() - 2 * 86_400_000).toISOString()}::timestamptz)`);
  assert.equal(
    (await t.app.inject({ url: `/api/files/${id}`, headers: staff.headers })).statusCode,
    404,
  );
  assert.equal((await streamedUpload(staff, '短视频.mp4', 1000).res).statusCode, 200);
  assert.equal((await queryRows(t.ctx.db, sql`select 1 from files where id = ${id}`)).length, 0);
});
