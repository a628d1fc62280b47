import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import {
  PRODUCTION_COST,
  hashPassword,
  passwordProblem,
  scryptCost,
  verifyPassword,
} from './password.ts';

let t: Awaited<ReturnType<typeof createBaseApp>>;
before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'alice', password: 'Alice-pass-2025', roles: ['staff'] });
});
after(() => t.close());

test('scrypt at the production cost (N=2^15, r=8, p=1): hashes verify and differ per salt', async () => {
  assert.deepEqual(scryptCost({}), { n: 32768, r: 8, p: 1 });
  const a = await hashPassword('Secret-123', PRODUCTION_COST);
  assert.match(a, /^scrypt\$32768\$8\$1\$/);
  assert.notEqual(a, await hashPassword('Secret-123', PRODUCTION_COST));
  assert.equal(await verifyPassword('Secret-123', a), true);
  assert.equal(await verifyPassword('secret-123', a), false);
});

test('tests hash at a low cost (FAZHI_SCRYPT_COST=test); a hash verifies whatever cost made it', async () => {
  assert.equal(
    process.env.FAZHI_SCRYPT_COST,
    'test',
    'scripts/test.mjs sets FAZHI_SCRYPT_COST=test',
  );
  assert.deepEqual(scryptCost({ FAZHI_SCRYPT_COST: 'test' }), { n: 1024, r: 8, p: 1 });
  assert.throws(() => scryptCost({ FAZHI_SCRYPT_COST: 'cheap' }));
  const low = await hashPassword('Secret-123');
  assert.match(low, /^scrypt\$1024\$8\$1\$/);
  assert.equal(await verifyPassword('Secret-123', low), true);
  // A production hash still verifies in a low-cost process (the parameters travel in the hash).
  const prod = await hashPassword('Secret-123', PRODUCTION_COST);
  assert.equal(await verifyPassword('Secret-123', prod), true);
});

test('password policy: at least 8 characters of 3 of 4 classes', () => {
  for (const [pw, ok] of [
    ['Ab1!', false],
    ['abcdefgh', false],
    ['abcdefg1', false],
    ['Hqzmvtx1', true],
    ['hqzmvt1!', true],
    ['ABCDEFG!', false],
  ] as const) {
    assert.equal(passwordProblem(pw, { minLength: 8 }) === null, ok, pw);
  }
});

test('login sets an HttpOnly SameSite=Strict session cookie; the session carries abilities', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'alice', password: 'Alice-pass-2025' },
  });
  assert.equal(res.statusCode, 200);
  const cookie = res.headers['set-cookie'] as string;
  assert.match(cookie, /fazhi_sid=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const body = res.json();
  assert.equal(body.user.username, 'alice');
  assert.equal(body.abilities.viewWorklist, true);
  assert.equal(body.abilities.readAudit, false);
});

test('validation names the field in Chinese and leaks no stack trace', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: '' },
  });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION');
  assert.deepEqual(error.fields.map((f: { path: string }) => f.path).sort(), [
    'password',
    'username',
  ]);
  assert.match(error.message, /用户名/);
  assert.match(error.message, /密码/);
  assert.ok(error.requestId);
  assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'VALIDATION');
});

test('state-changing requests need the CSRF token of the session', async () => {
  const s = await signIn(t.app, 'alice', 'Alice-pass-2025');
  const noToken = await t.app.inject({
    method: 'POST',
    url: '/api/notifications/read-all',
    headers: { cookie: s.cookie },
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal(noToken.json().error.code, 'CSRF');
  const wrong = await t.app.inject({
    method: 'POST',
    url: '/api/notifications/read-all',
    headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) },
  });
  assert.equal(wrong.statusCode, 403);
  const ok = await t.app.inject({
    method: 'POST',
    url: '/api/notifications/read-all',
    headers: s.headers,
  });
  assert.equal(ok.statusCode, 200);
  const cross = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: 'https://evil.example', host: 'localhost' },
    payload: { username: 'alice', password: 'Alice-pass-2025' },
  });
  assert.equal(cross.statusCode, 403);
});

test('five failed logins from one address lock that address out for 15 minutes, a correct password included', async () => {
  await addUser(t.ctx, { username: 'bob', password: 'Bob-pass-2025', roles: ['staff'] });
  const attempt = (password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password },
    });
  const wait = (s: number) =>
    t.clock.set(new Date(t.clock.now().getTime() + s * 1000).toISOString());
  for (let i = 1; i <= 4; i++) {
    const res = await attempt('wrong');
    assert.equal(res.statusCode, 401);
    assert.match(res.json().error.message, new RegExp(`再失败 ${5 - i} 次`));
    wait(2 ** (i - 1));
  }
  const fifth = await attempt('wrong');
  assert.equal(fifth.statusCode, 423);
  wait(60);
  const locked = await attempt('Bob-pass-2025');
  assert.equal(locked.statusCode, 423);
  assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
  assert.match(locked.json().error.message, /暂停至/);
  wait(15 * 60);
  const later = await attempt('Bob-pass-2025');
  assert.equal(later.statusCode, 200);
});

test('a session idle for more than 30 minutes expires; activity keeps it alive', async () => {
  const s = await signIn(t.app, 'alice', 'Alice-pass-2025');
  const start = t.clock.now().getTime();
  t.clock.set(new Date(start + 20 * 60_000).toISOString());
  assert.equal(
    (await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode,
    200,
  );
  t.clock.set(new Date(start + 45 * 60_000).toISOString());
  assert.equal(
    (await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode,
    200,
  );
  t.clock.set(new Date(start + 76 * 60_000).toISOString());
  const expired = await t.app.inject({ url: '/api/auth/session', headers: s.headers });
  assert.equal(expired.statusCode, 401);
  assert.equal(expired.json().error.code, 'SESSION_EXPIRED');
});

test('an initial password must be changed before anything else', async () => {
  const demo = t.accounts.find((a) => a.username === 'leader')!;
  const s = await signIn(t.app, 'leader', demo.password);
  const blocked = await t.app.inject({ url: '/api/worklist', headers: s.headers });
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
  const weak = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: s.headers,
    payload: { currentPassword: demo.password, newPassword: 'short' },
  });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().error.code, 'WEAK_PASSWORD');
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: s.headers,
    payload: { currentPassword: demo.password, newPassword: 'Chief-new-2025' },
  });
  assert.equal(changed.statusCode, 200);
  assert.equal((await t.app.inject({ url: '/api/worklist', headers: s.headers })).statusCode, 200);
});

test('logout ends the session', async () => {
  const s = await signIn(t.app, 'alice', 'Alice-pass-2025');
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers }))
      .statusCode,
    200,
  );
  assert.equal(
    (await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode,
    401,
  );
});
