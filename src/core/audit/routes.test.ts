import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { createCheckpoint } from './checkpoint.ts';
import { verifyWithFile } from './export.ts';
import { auditFilesFromEnv, bindAuditFiles } from './keys.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-routes-'));
const files = auditFilesFromEnv({}, dir);

let t: Awaited<ReturnType<typeof createTestApp>>;
let aud: Awaited<ReturnType<typeof signIn>>;
let staff: Awaited<ReturnType<typeof signIn>>;
before(async () => {
  t = await createTestApp();
  bindAuditFiles(t.ctx, files); // as the server does at start (enableAuditCheckpoints)
  await addUser(t.ctx, { username: 'aud1', password: 'Aud-pass-2025', roles: ['auditAdmin'], orgName: '办公室' });
  await addUser(t.ctx, { username: 'staff1', password: 'Staff-pass-2025', roles: ['staff'] });
  aud = await signIn(t.app, 'aud1', 'Aud-pass-2025');
  staff = await signIn(t.app, 'staff1', 'Staff-pass-2025');
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the 审计管理员 downloads the checkpoints with the public key and verifies against them; nobody else may', async () => {
  const none = await t.app.inject({ method: 'GET', url: '/api/audit/checkpoints/export', headers: aud.headers });
  assert.equal(none.statusCode, 404, 'no key before the first checkpoint');
  assert.match(none.json().error.message, /审计签名密钥尚未生成/);

  assert.equal((await createCheckpoint(t.ctx.db, files, t.ctx.clock.now())).kind, 'created');
  const res = await t.app.inject({ method: 'GET', url: '/api/audit/checkpoints/export', headers: aud.headers });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const doc = res.json();
  assert.equal(doc.format, 'fazhi-audit-checkpoints/1');
  assert.match(doc.publicKey, /BEGIN PUBLIC KEY/);
  assert.equal(doc.checkpoints.length, 1);
  assert.equal((await verifyWithFile(t.ctx.db, res.body)).intact, true);

  const verify = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: aud.headers });
  assert.equal(verify.statusCode, 200);
  assert.equal(verify.json().intact, true);
  assert.equal(verify.json().checkpoints.valid, 1);

  assert.equal((await t.app.inject({ method: 'GET', url: '/api/audit/checkpoints/export', headers: staff.headers })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: staff.headers })).statusCode, 403);
});
