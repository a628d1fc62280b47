/**
 * 三员分立 between the administrators themselves: none resets, stops or combines roles with another
 * through the API; the command line does it, audited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';
import type { AppError } from '../errors.ts';
import { createUser } from './service.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';

let t: Awaited<ReturnType<typeof createBaseApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let sys: Session, sec: Session, aud: Session, staff: Session;

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, {
    username: 'sys1',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'sec1',
    password: 'Sec-pass-2025',
    roles: ['secAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'aud1',
    password: 'Aud-pass-2025',
    roles: ['auditAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, { username: 'staff1', password: 'Staff-pass-2025', roles: ['staff'] });
  sys = await signIn(t.app, 'sys1', 'Sys-pass-2025');
  sec = await signIn(t.app, 'sec1', 'Sec-pass-2025');
  aud = await signIn(t.app, 'aud1', 'Aud-pass-2025');
  staff = await signIn(t.app, 'staff1', 'Staff-pass-2025');
});
after(() => t.close());

test("三员分立: no administrator resets another administrator's password through the API; the refusal names the command line", async () => {
  const users = (await t.app.inject({ url: '/api/admin/users', headers: sys.headers })).json()
    .items as Array<{ id: string; username: string }>;
  const idOf = (name: string) => users.find((u) => u.username === name)!.id;
  const auditBefore = (
    await t.app.inject({ url: '/api/audit?action=user.resetPassword', headers: aud.headers })
  ).json().items.length;
  for (const name of ['aud1', 'sec1', 'sys1']) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${idOf(name)}/reset-password`,
      headers: sys.headers,
    });
    assert.equal(res.statusCode, 409, name);
    assert.equal(res.json().error.code, 'SEPARATION_OF_DUTIES');
    assert.match(
      res.json().error.message,
      new RegExp(`三员分立.*npm run fazhi -- users reset-password ${name} --administrator`),
    );
    assert.equal(res.json().initialPassword, undefined);
  }
  // Nothing changed: the audit administrator still signs in with their own password, and no reset was audited.
  const again = await signIn(t.app, 'aud1', 'Aud-pass-2025');
  assert.equal(
    (await t.app.inject({ url: '/api/audit?limit=1', headers: again.headers })).statusCode,
    200,
  );
  assert.equal(
    (
      await t.app.inject({ url: '/api/audit?action=user.resetPassword', headers: aud.headers })
    ).json().items.length,
    auditBefore,
  );
  // The security administrator resets no one.
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: `/api/admin/users/${idOf('aud1')}/reset-password`,
        headers: sec.headers,
      })
    ).statusCode,
    403,
  );
  // A business account is still reset by the system administrator.
  const staffReset = await t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${idOf('staff1')}/reset-password`,
    headers: sys.headers,
  });
  assert.equal(staffReset.statusCode, 200);
  assert.ok(staffReset.json().initialPassword.length >= 12);
  staff = await signIn(t.app, 'staff1', staffReset.json().initialPassword);
});

test('三员分立: no account combines an administrator role with a business role', async () => {
  const orgId = await orgIdByName(t.ctx, '政策法规科');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: sys.headers,
    payload: { username: 'mixed1', displayName: '兼任者', orgId },
  });
  const id = created.json().user.id as string;
  for (const roles of [
    ['officer', 'sysAdmin'],
    ['auditAdmin', 'staff'],
    ['secAdmin', 'legalAdvisor', 'leader'],
  ]) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${id}/roles`,
      headers: sec.headers,
      payload: { roles },
    });
    assert.equal(res.statusCode, 409, roles.join());
    assert.equal(res.json().error.code, 'SEPARATION_OF_DUTIES');
    assert.equal(res.json().error.fields[0].path, 'roles');
    assert.match(
      res.json().error.message,
      /^角色：三员分立，(系统|安全|审计)管理员不能兼任业务角色/,
    );
  }
  const two = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${id}/roles`,
    headers: sec.headers,
    payload: { roles: ['secAdmin', 'auditAdmin'] },
  });
  assert.equal(two.json().error.fields[0].path, 'roles');
  const after = (await t.app.inject({ url: '/api/admin/users', headers: sec.headers }))
    .json()
    .items.find((u: { id: string }) => u.id === id);
  assert.deepEqual(after.roles, []);
  // One kind at a time is fine: business roles together, or one administrator role alone.
  assert.equal(
    (
      await t.app.inject({
        method: 'PUT',
        url: `/api/admin/users/${id}/roles`,
        headers: sec.headers,
        payload: { roles: ['officer', 'staff'] },
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await t.app.inject({
        method: 'PUT',
        url: `/api/admin/users/${id}/roles`,
        headers: sec.headers,
        payload: { roles: ['sysAdmin'] },
      })
    ).statusCode,
    200,
  );
  // Accounts created with roles (command line, demo, tests) follow the same rule.
  await assert.rejects(
    createUser(t.ctx, null, {
      username: 'mixed2',
      displayName: '兼任者',
      orgId,
      roles: ['staff', 'auditAdmin'],
    }),
    (e: AppError) =>
      e.code === 'SEPARATION_OF_DUTIES' &&
      e.fields?.[0].path === 'roles' &&
      /业务角色/.test(e.message),
  );
});

test('三员分立: no administrator stops another administrator through the API; the command line does it, audited', async () => {
  const users = (await t.app.inject({ url: '/api/admin/users', headers: sys.headers })).json()
    .items as Array<{ id: string; username: string; active: boolean }>;
  const idOf = (name: string) => users.find((u) => u.username === name)!.id;
  for (const name of ['aud1', 'sec1']) {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${idOf(name)}`,
      headers: sys.headers,
      payload: { active: false },
    });
    assert.equal(res.statusCode, 409, name);
    assert.equal(res.json().error.code, 'SEPARATION_OF_DUTIES');
    assert.match(
      res.json().error.message,
      new RegExp(`npm run fazhi -- users deactivate ${name} --administrator`),
    );
  }
  // Nothing changed: the audit administrator's session still works.
  assert.equal(
    (await t.app.inject({ url: '/api/audit?limit=1', headers: aud.headers })).statusCode,
    200,
  );
  // Renaming an administrator is still the system administrator's job; a business account is still stopped.
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${idOf('aud1')}`,
        headers: sys.headers,
        payload: { displayName: '审计管理员甲' },
      })
    ).statusCode,
    200,
  );
  await addUser(t.ctx, { username: 'leaver', password: 'Leaver-pass-2025', roles: ['staff'] });
  const leaver = (await t.app.inject({ url: '/api/admin/users', headers: sys.headers }))
    .json()
    .items.find((u: { username: string }) => u.username === 'leaver');
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${leaver.id}`,
        headers: sys.headers,
        payload: { active: false },
      })
    ).statusCode,
    200,
  );
  // The command line: refused for an administrator without the explicit flag, done and audited with it.
  const { setActiveByCommand } = await import('./service.ts');
  await assert.rejects(
    setActiveByCommand(t.ctx, 'aud1', false, { administrator: false }),
    /--administrator/,
  );
  await setActiveByCommand(t.ctx, 'sec1', false, { administrator: true });
  assert.equal(
    (await t.app.inject({ url: '/api/auth/session', headers: sec.headers })).statusCode,
    401,
  );
  const events = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from audit_events where action = 'user.update' and entity_id = ${idOf('sec1')} and payload->>'via' = 'commandLine' and payload->>'active' = 'false'`,
  );
  assert.equal(events[0].n, 1, 'audited as done from the command line');
  assert.ok(
    (await t.app.inject({ url: `/api/audit?action=user.update`, headers: aud.headers }))
      .json()
      .items.some((e: { object: string }) => e.object.includes('sec1')),
    'and in the log the auditor reads',
  );
  await setActiveByCommand(t.ctx, 'sec1', true, { administrator: true });
  sec = await signIn(t.app, 'sec1', 'Sec-pass-2025');
});
