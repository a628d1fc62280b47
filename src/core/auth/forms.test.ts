// The 登录 and 修改密码 forms are declared once (forms.ts, issue 11 item 2): GET /api/auth/forms serves
// them without a session (the sign-in form is read before signing in; also before a required change of
// password), POST /api/auth/login and /api/auth/password refuse a body by their labels, and a password
// is taken as typed (not trimmed) and never echoed in a refusal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { formsContract, testApi } from '../../server/testApi.ts';
import { AUTH_FORMS } from './forms.ts';

const PW = 'Forms-pass-2025';
let t: Awaited<ReturnType<typeof createBaseApp>>;
let user: Awaited<ReturnType<typeof signIn>>;
const api = testApi(() => t, ['users', 'sessions', 'audit_events']);

before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'pwforms', password: PW, roles: ['staff'] });
  user = await signIn(t.app, 'pwforms', PW);
});
after(() => t.close());

test('修改密码: served as declared; the route refuses by its labels and changes nothing', async () => {
  const served = await api.ok(user, 'GET', '/api/auth/forms');
  assert.deepEqual(Object.keys(served), Object.keys(AUTH_FORMS));
  await formsContract({
    ...api,
    as: user,
    served,
    declared: AUTH_FORMS,
    routes: { login: '/api/auth/login', password: '/api/auth/password' },
  });
  assert.deepEqual(
    served.password.map((f: { type: string; autocomplete: string }) => [f.type, f.autocomplete]),
    [
      ['password', 'current-password'],
      ['password', 'new-password'],
      ['password', 'new-password'],
    ],
  );
  assert.equal(served.password[2].confirms, 'newPassword');
  // The policy's rules and words are the service's, unchanged.
  await api.refused(
    user,
    'POST',
    '/api/auth/password',
    { currentPassword: PW, newPassword: 'short' },
    400,
    /^新密码：密码长度至少 8 位$/,
  );
  await api.refused(
    user,
    'POST',
    '/api/auth/password',
    { currentPassword: PW, newPassword: 'Password1' },
    400,
    /新密码：过于常见/,
  );
  const long = `Secret-${'x'.repeat(300)}`;
  const res = await api.call(user, 'POST', '/api/auth/password', {
    currentPassword: PW,
    newPassword: long,
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /^新密码：不能超过256个字$/);
  assert.ok(!res.body.includes('Secret-'), 'the password is not echoed');
});

test('登录: served without a session; the sign-in refuses by its labels, as before', async () => {
  const res = await t.app.inject({ url: '/api/auth/forms' });
  assert.equal(res.statusCode, 200, res.body);
  const served = res.json();
  assert.deepEqual(
    served.login.map((f: { name: string; label: string; type: string; maxLength?: number }) => [
      f.name,
      f.label,
      f.type,
      f.maxLength,
    ]),
    [
      ['username', '用户名', 'text', 64],
      ['password', '密码', 'password', 256],
    ],
  );
  assert.equal(served.login[1].autocomplete, 'current-password');
  const anon = { headers: {} };
  await api.refused(anon, 'POST', '/api/auth/login', { password: PW }, 400, /^用户名：/);
  await api.refused(
    anon,
    'POST',
    '/api/auth/login',
    { username: 'u'.repeat(65), password: PW },
    400,
    /^用户名：/,
  );
  await api.refused(anon, 'POST', '/api/auth/login', { username: 'pwforms' }, 400, /^密码：/);
  // The user name is trimmed, as the sign-in always took it.
  const signed = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: ' pwforms ', password: PW },
  });
  assert.equal(signed.statusCode, 200, signed.body);
});

test('a password is taken as typed: spaces around it are part of it', async () => {
  const spaced = ' Spaced-pass-2025 ';
  await api.ok(user, 'POST', '/api/auth/password', { currentPassword: PW, newPassword: spaced });
  const trimmed = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'pwforms', password: spaced.trim() },
  });
  assert.equal(trimmed.statusCode, 401);
  await signIn(t.app, 'pwforms', spaced);
});

test('the form is served before a required change of password', async () => {
  const demo = t.accounts.find((a) => a.username === 'leader')!;
  const s = await signIn(t.app, 'leader', demo.password);
  const served = await api.ok(s, 'GET', '/api/auth/forms');
  assert.deepEqual(
    served.password.map((f: { label: string }) => f.label),
    ['当前密码', '新密码', '确认新密码'],
  );
});
