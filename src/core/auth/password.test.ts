import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addUser, createBaseApp, signIn } from '../../server/testing.ts';
import { passwordProblem } from './password.ts';
import { isCommonPassword } from './commonPasswords.ts';
import { users } from './schema.ts';

test('the bundled list holds a few thousand common passwords, Chinese-typical ones and keyboard walks included', () => {
  const lines = fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length >= 2500, `${lines.length} entries`);
  for (const pw of [
    'woaini1314',
    'qq123456',
    'a123456',
    '5201314',
    '1qaz2wsx',
    'qwertyuiop',
    'zhangwei',
    'p@ssw0rd',
  ])
    assert.ok(isCommonPassword(pw), pw);
});

test('common passwords are refused case-insensitively, also with trailing digits and symbols', () => {
  for (const pw of [
    'Password1',
    'P@ssw0rd',
    'PASSWORD123!',
    'Woaini1314!',
    'Qq123456!',
    '1qaz@WSX',
    'Zhangwei1990!',
    'Qwerty123#',
    'Iloveyou520.',
    'Welcome@2025',
  ]) {
    assert.match(passwordProblem(pw, { minLength: 8 }) ?? '', /过于常见/, pw);
  }
  for (const pw of ['Tr0ub4dor&3x', 'Zq!9fk2Lm', 'Hqzmvtx1', 'Chief-new-2025', 'Ab-93xKq!'])
    assert.equal(passwordProblem(pw, { minLength: 8 }), null, pw);
});

test('a password containing the username is refused, in any case', () => {
  assert.equal(passwordProblem('Zhao-lin2025', { minLength: 8, username: 'zhaolin' }), null);
  for (const pw of ['zhaolin2025!', 'ZhaoLin#2025', 'x-ZHAOLIN-9'])
    assert.equal(passwordProblem(pw, { minLength: 8, username: 'zhaolin' }), '不能包含用户名', pw);
});

let t: Awaited<ReturnType<typeof createBaseApp>>;
before(async () => {
  t = await createBaseApp();
  await addUser(t.ctx, { username: 'carol', password: 'Kx7-first-pass9', roles: ['staff'] });
});
after(() => t.close());

test('changing the password: weak, common, username-bearing and the last 5 passwords are refused with the field named', async () => {
  let current = 'Kx7-first-pass9';
  const s = await signIn(t.app, 'carol', current);
  const change = (newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: current, newPassword },
    });
  for (const [pw, reason] of [
    ['Password1', /过于常见/],
    ['P@ssw0rd', /过于常见/],
    ['Carol2025!', /不能包含用户名/],
    [current, /最近 5 次/],
  ] as const) {
    const res = await change(pw);
    assert.equal(res.statusCode, 400, pw);
    const { error } = res.json();
    assert.equal(error.code, 'WEAK_PASSWORD');
    assert.match(error.message, /^新密码：/);
    assert.match(error.message, reason);
    assert.deepEqual(
      error.fields.map((f: { path: string }) => f.path),
      ['newPassword'],
    );
  }
  // Five changes in a row: each of the last five is refused, the sixth back is allowed again.
  const used = [current];
  for (let i = 1; i <= 5; i++) {
    const next = `Rv${i}-kite-stone-${i}9`;
    assert.equal((await change(next)).statusCode, 200, next);
    current = next;
    used.unshift(next);
  }
  const [row] = await t.ctx.db
    .select({ history: users.passwordHistory })
    .from(users)
    .where(eq(users.username, 'carol'));
  assert.equal(row.history.length, 4);
  for (const old of used.slice(1, 5)) {
    const res = await change(old);
    assert.equal(res.statusCode, 400, old);
    assert.match(res.json().error.message, /不能与最近 5 次使用过的密码相同/);
  }
  assert.equal(
    (await change(used[5])).statusCode,
    200,
    'the sixth password back is no longer remembered',
  );
});
