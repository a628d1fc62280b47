import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { addUser, createBaseContext, signIn } from '../../server/testing.ts';
import { buildApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { loginFailures } from './schema.ts';

let t: Awaited<ReturnType<typeof createBaseContext>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let proxied: Awaited<ReturnType<typeof buildApp>>;
before(async () => {
  t = await createBaseContext();
  app = await buildApp({ ctx: t.ctx });
  // Behind nginx on this machine (FAZHI_TRUST_PROXY=1), 4-hour sessions.
  const config = readConfig({ FAZHI_TRUST_PROXY: '1', FAZHI_SESSION_MAX_HOURS: '4' });
  proxied = await buildApp({
    ctx: t.ctx,
    trustProxy: config.trustProxy,
    sessionMaxHours: config.sessionMaxHours,
  });
  await addUser(t.ctx, { username: 'judy', password: 'Kx7-first-pass9', roles: ['staff'] });
});
after(async () => {
  await app.close();
  await proxied.close();
  await t.close();
});

const at = (start: number, minutes: number) =>
  t.clock.set(new Date(start + minutes * 60_000).toISOString());
const BG = { 'x-fazhi-background': '1' };

test('background polls (x-fazhi-background: 1) do not keep a session alive; the idle timeout still ends it', async () => {
  const s = await signIn(app, 'judy', 'Kx7-first-pass9');
  const start = t.clock.now().getTime();
  for (const m of [5, 10, 15, 20, 25, 29]) {
    at(start, m);
    assert.equal(
      (await app.inject({ url: '/api/notifications', headers: { ...s.headers, ...BG } }))
        .statusCode,
      200,
      `poll at ${m} min`,
    );
  }
  at(start, 31);
  const expired = await app.inject({ url: '/api/notifications', headers: { ...s.headers, ...BG } });
  assert.equal(expired.statusCode, 401);
  assert.equal(expired.json().error.code, 'SESSION_EXPIRED');
  assert.match(expired.json().error.message, /30 分钟未操作/);
});

test('a request without the header is activity and slides the idle timeout', async () => {
  const s = await signIn(app, 'judy', 'Kx7-first-pass9');
  const start = t.clock.now().getTime();
  at(start, 20);
  assert.equal(
    (await app.inject({ url: '/api/notifications', headers: s.headers })).statusCode,
    200,
  );
  at(start, 45);
  assert.equal(
    (await app.inject({ url: '/api/notifications', headers: { ...s.headers, ...BG } })).statusCode,
    200,
  );
});

test('a session ends 12 hours after sign-in however active (default), or FAZHI_SESSION_MAX_HOURS', async () => {
  const s = await signIn(app, 'judy', 'Kx7-first-pass9');
  const start = t.clock.now().getTime();
  for (let m = 20; m <= 12 * 60; m += 20) {
    at(start, m);
    assert.equal(
      (await app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode,
      200,
      `at ${m} min`,
    );
  }
  at(start, 12 * 60 + 1);
  const ended = await app.inject({ url: '/api/auth/session', headers: s.headers });
  assert.equal(ended.statusCode, 401);
  assert.match(ended.json().error.message, /登录已超过 12 小时/);

  const p = await signIn(proxied, 'judy', 'Kx7-first-pass9');
  const pStart = t.clock.now().getTime();
  for (let m = 20; m <= 4 * 60; m += 20) {
    at(pStart, m);
    assert.equal(
      (await proxied.inject({ url: '/api/auth/session', headers: p.headers })).statusCode,
      200,
    );
  }
  at(pStart, 4 * 60 + 1);
  assert.match(
    (await proxied.inject({ url: '/api/auth/session', headers: p.headers })).json().error.message,
    /登录已超过 4 小时/,
  );
});

const failuresFrom = async (source: string) =>
  (
    await t.ctx.db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.username, 'judy'), eq(loginFailures.source, source)))
  ).length;

test('behind the trusted proxy the client is the address the proxy appended; a forged X-Forwarded-For chooses nothing', async () => {
  const forged = { 'x-forwarded-for': '6.6.6.6, 198.51.100.23' };
  await proxied.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '127.0.0.1',
    headers: forged,
    payload: { username: 'judy', password: 'wrong-guess' },
  });
  assert.equal(await failuresFrom('198.51.100.23'), 1);
  assert.equal(await failuresFrom('6.6.6.6'), 0);
  // A client reaching the app directly is not a trusted proxy: its header is ignored.
  await proxied.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '198.51.100.99',
    headers: { 'x-forwarded-for': '7.7.7.7' },
    payload: { username: 'judy', password: 'wrong-guess' },
  });
  assert.equal(await failuresFrom('198.51.100.99'), 1);
  assert.equal(await failuresFrom('7.7.7.7'), 0);
});

test('a forged X-Forwarded-For does not escape the per-address rate limit (20 logins a minute)', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) {
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `10.0.${i}.1, 198.51.100.50` },
      payload: { username: `nobody${i}`, password: 'wrong-guess' },
    });
    statuses.push(res.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
  assert.deepEqual(statuses.slice(20), [429, 429]);
});
