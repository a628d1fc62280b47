import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../server/testing.ts';

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

test('三员分立: the system administrator creates accounts, the security administrator grants roles', async () => {
  const orgId = await orgIdByName(t.ctx, '政策法规科');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: sys.headers,
    payload: { username: 'newbie', displayName: '新同事', orgId },
  });
  assert.equal(created.statusCode, 201);
  const { user, initialPassword } = created.json();
  assert.deepEqual(user.roles, []);
  assert.equal(user.mustChangePassword, true);
  assert.ok(initialPassword.length >= 12);

  // The system administrator cannot grant roles; the security administrator can.
  const bySys = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${user.id}/roles`,
    headers: sys.headers,
    payload: { roles: ['legalOfficer'] },
  });
  assert.equal(bySys.statusCode, 403);
  const bySec = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${user.id}/roles`,
    headers: sec.headers,
    payload: { roles: ['legalOfficer'] },
  });
  assert.equal(bySec.statusCode, 200);

  // No account holds two of the three administrator roles.
  const both = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/users/${user.id}/roles`,
    headers: sec.headers,
    payload: { roles: ['sysAdmin', 'auditAdmin'] },
  });
  assert.equal(both.statusCode, 409);
  assert.equal(both.json().error.code, 'SEPARATION_OF_DUTIES');
  // The security administrator cannot create accounts.
  const secCreates = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: sec.headers,
    payload: { username: 'xx2', displayName: 'x', orgId },
  });
  assert.equal(secCreates.statusCode, 403);
  // Duplicate usernames are refused with the field named.
  const dup = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: sys.headers,
    payload: { username: 'newbie', displayName: '重复', orgId },
  });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.fields[0].path, 'username');
});

test('only the audit administrator reads the audit log', async () => {
  for (const s of [sys, sec, staff]) {
    assert.equal((await t.app.inject({ url: '/api/audit', headers: s.headers })).statusCode, 403);
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: s.headers }))
        .statusCode,
      403,
    );
  }
  const res = await t.app.inject({ url: '/api/audit?limit=5', headers: aud.headers });
  assert.equal(res.statusCode, 200);
  const page = res.json();
  assert.equal(page.items.length, 5);
  assert.ok(page.items[0].seq > page.items[4].seq);
  const next = await t.app.inject({
    url: `/api/audit?limit=5&before=${page.nextBefore}`,
    headers: aud.headers,
  });
  assert.ok(next.json().items[0].seq < page.items[4].seq);
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/audit/verify',
    headers: aud.headers,
  });
  assert.equal(verify.json().intact, true);
  const roleEvents = await t.app.inject({
    url: '/api/audit?action=user.assignRoles',
    headers: aud.headers,
  });
  assert.ok(roleEvents.json().items.length > 0);
  assert.ok(
    roleEvents
      .json()
      .items.every(
        (e: { code: string; action: string }) =>
          e.code === 'user.assignRoles' && e.action === '调整用户角色',
      ),
    'filtered by code, shown with its Chinese name',
  );
});

test('organisations: a division must sit under a department; a 内设机构 is never its own scope', async () => {
  const bureau = await orgIdByName(t.ctx, '示范市科学技术局');
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/admin/orgs',
    headers: sys.headers,
    payload: { name: '人事科', kind: 'division', parentId: bureau },
  });
  assert.equal(ok.statusCode, 201);
  const orphan = await t.app.inject({
    method: 'POST',
    url: '/api/admin/orgs',
    headers: sys.headers,
    payload: { name: '无主科', kind: 'division' },
  });
  assert.equal(orphan.statusCode, 400);
  assert.equal(orphan.json().error.fields[0].path, 'parentId');
  const badCode = await t.app.inject({
    method: 'POST',
    url: '/api/admin/orgs',
    headers: sys.headers,
    payload: { name: '某局', kind: 'department', creditCode: '123' },
  });
  assert.equal(badCode.statusCode, 400);
  assert.match(badCode.json().error.message, /统一社会信用代码/);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/orgs',
        headers: staff.headers,
        payload: { name: '某科', kind: 'division', parentId: bureau },
      })
    ).statusCode,
    403,
  );
});

test("security settings are the security administrator's and apply to the next login", async () => {
  const get = await t.app.inject({ url: '/api/admin/security-settings', headers: sec.headers });
  assert.deepEqual(get.json(), {
    passwordMinLength: 8,
    maxFailedLogins: 5,
    lockoutMinutes: 15,
    idleTimeoutMinutes: 30,
  });
  const bad = await t.app.inject({
    method: 'PUT',
    url: '/api/admin/security-settings',
    headers: sec.headers,
    payload: {
      passwordMinLength: 4,
      maxFailedLogins: 5,
      lockoutMinutes: 15,
      idleTimeoutMinutes: 30,
    },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /密码最小长度/);
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/admin/security-settings',
    headers: sec.headers,
    payload: {
      passwordMinLength: 12,
      maxFailedLogins: 3,
      lockoutMinutes: 30,
      idleTimeoutMinutes: 15,
    },
  });
  assert.equal(put.statusCode, 200);
  assert.equal(
    (
      await t.app.inject({
        method: 'PUT',
        url: '/api/admin/security-settings',
        headers: sys.headers,
        payload: put.json(),
      })
    ).statusCode,
    403,
  );
});
