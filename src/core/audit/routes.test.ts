import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
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
  await addUser(t.ctx, {
    username: 'aud1',
    password: 'Aud-pass-2025',
    roles: ['auditAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 'staff1', password: 'Staff-pass-2025', roles: ['staff'] });
  aud = await signIn(t.app, 'aud1', 'Aud-pass-2025');
  staff = await signIn(t.app, 'staff1', 'Staff-pass-2025');
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the 审计管理员 downloads the checkpoints with the public key and verifies against them; nobody else may', async () => {
  const none = await t.app.inject({
    method: 'GET',
    url: '/api/audit/checkpoints/export',
    headers: aud.headers,
  });
  assert.equal(none.statusCode, 404, 'no key before the first checkpoint');
  assert.match(none.json().error.message, /审计签名密钥尚未生成/);

  assert.equal((await createCheckpoint(t.ctx.db, files, t.ctx.clock.now())).kind, 'created');
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/audit/checkpoints/export',
    headers: aud.headers,
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const doc = res.json();
  assert.equal(doc.format, 'fazhi-audit-checkpoints/1');
  assert.match(doc.publicKey, /BEGIN PUBLIC KEY/);
  assert.equal(doc.checkpoints.length, 1);
  assert.equal((await verifyWithFile(t.ctx.db, res.body)).intact, true);

  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/audit/verify',
    headers: aud.headers,
  });
  assert.equal(verify.statusCode, 200);
  assert.equal(verify.json().intact, true);
  assert.equal(verify.json().checkpoints.valid, 1);

  assert.equal(
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/audit/checkpoints/export',
        headers: staff.headers,
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: staff.headers }))
      .statusCode,
    403,
  );
});

test('the log speaks Chinese: names for actions, people and records; filters by person, module, action and dates; Excel of the filter', async () => {
  const list = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?${q}`, headers: aud.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      items: Array<{
        at: string;
        actorName: string;
        module: string;
        action: string;
        code: string;
        object: string;
        details: Array<{ label: string; value: string }>;
      }>;
      total: number;
    };
  };
  const all = await list('limit=200');
  const login = all.items.find((e) => e.code === 'auth.login')!;
  assert.equal(login.action, '登录');
  assert.equal(login.module, '账号与登录');
  assert.match(login.object, /^用户 /);
  for (const e of all.items) {
    assert.doesNotMatch(e.action, /^未登记的操作/, `${e.code} has a name`);
    assert.doesNotMatch(
      e.object + e.details.map((d) => d.label + d.value).join(''),
      /[0-9a-f]{8}-[0-9a-f]{4}-/,
      'no ids in objects or details',
    );
  }

  const options = (
    await t.app.inject({ method: 'GET', url: '/api/audit/options', headers: aud.headers })
  ).json();
  const drafter = options.actors.find((a: { label: string }) => a.label.startsWith('王晓明'));
  assert.ok(drafter, 'people who appear in the log are offered by name');
  const draft = options.actions.find((a: { label: string }) => a.label === '提请合法性审查');
  assert.equal(draft.module, 'reviews');

  const filtered = await list(
    `actorId=${drafter.id}&module=reviews&action=${encodeURIComponent(draft.value)}&from=2025-03-03&to=2025-03-03`,
  );
  assert.ok(filtered.items.length > 0);
  assert.equal(filtered.total, filtered.items.length);
  for (const e of filtered.items) {
    assert.match(e.actorName, /^王晓明/);
    assert.equal(e.action, '提请合法性审查');
    assert.match(e.object, /^合法性审查《.+》$/);
    assert.ok(e.details.some((d) => d.label === '标题'));
    assert.ok(
      e.details.some((d) => d.label === '案件' && !/编号/.test(d.value)),
      'the case by its title',
    );
  }
  // An engine act filtered as one procedure's act, and by module.
  const byModule = await list('module=reviews&limit=200');
  assert.ok(byModule.items.length > filtered.items.length);
  assert.ok(
    byModule.items.every((e) => e.module === '合法性审查'),
    'engine acts belong to the module of their procedure',
  );
  assert.ok(
    byModule.items.some((e) => e.code.startsWith('case.')),
    'with the engine acts of its procedure',
  );
  assert.equal(
    (await list('from=2025-03-02&to=2025-03-02')).items.length,
    0,
    'nothing on the day before',
  );

  const undated = await list(`actorId=${drafter.id}&action=${encodeURIComponent(draft.value)}`);
  assert.ok(
    undated.items.some((e) => e.at.startsWith('2025-02-02')) &&
      undated.items.length > filtered.items.length,
    'the date range leaves out an earlier submission',
  );
  const xlsx = await t.app.inject({
    method: 'GET',
    url: `/api/audit/export.xlsx?actorId=${drafter.id}&module=reviews&action=${encodeURIComponent(draft.value)}&from=2025-03-03&to=2025-03-03`,
    headers: aud.headers,
  });
  assert.equal(xlsx.statusCode, 200);
  assert.match(
    decodeURIComponent(String(xlsx.headers['content-disposition'])),
    /审计日志-2025-03-03\.xlsx/,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('审计日志')!;
  assert.equal(sheet.actualRowCount - 1, filtered.items.length);
  assert.match(String(sheet.getRow(2).getCell(3).value), /^王晓明/);
  assert.equal(sheet.getRow(2).getCell(6).value, '提请合法性审查');
  assert.match(
    String(wb.getWorksheet('说明')!.getRow(1).getCell(2).value),
    /操作人：王晓明.*操作：提请合法性审查/,
  );

  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/api/audit/export.xlsx', headers: staff.headers }))
      .statusCode,
    403,
  );
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/api/audit/options', headers: staff.headers }))
      .statusCode,
    403,
  );
});

test('the verification headline is Chinese, with the newest checkpoint', async () => {
  const r = (
    await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: aud.headers })
  ).json();
  assert.match(
    r.summary,
    /^审计链完整：共 \d+ 条记录，1 个签名检查点有效，最近签名检查点为第 \d+ 条（2025年3月3日 10:00）/,
  );
  assert.doesNotMatch(r.summary + r.lines.join(''), /[A-Za-z]{4,}/);
});
