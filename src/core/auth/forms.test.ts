// The 修改密码 form is declared once (forms.ts, issue 11 item 2): GET /api/auth/forms serves it (also
// before a required change of password), POST /api/auth/password refuses a body by its labels, and a
// password is taken as typed (not trimmed) and never echoed in a refusal.
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
    routes: { password: '/api/auth/password' },
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
