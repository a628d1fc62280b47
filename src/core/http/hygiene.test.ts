import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { addUser, createBaseContext, signIn, type TestContext } from '../../server/testing.ts';
import { buildApp } from '../../server/app.ts';
import { queryRows } from '../db/client.ts';
import { fieldLabel, findBadText } from './hygiene.ts';

let t: TestContext;
let app: FastifyInstance;
let headers: Record<string, string>;

before(async () => {
  t = await createBaseContext();
  app = await buildApp({ ctx: t.ctx });
  await addUser(t.ctx, { username: 'hygiene', password: 'Staff-pass-2025', roles: ['staff'] });
  headers = (await signIn(app, 'hygiene', 'Staff-pass-2025')).headers;
});
after(async () => {
  await app.close();
  await t.close();
});

const fileCount = async () =>
  Number((await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from files`))[0].n);

test('findBadText and fieldLabel: NUL and lone surrogates anywhere, labels known or 参数“…”', () => {
  assert.deepEqual(findBadText({ a: 'ok', list: [{ note: 'x\u0000' }] }), ['list', '0', 'note']);
  assert.deepEqual(findBadText({ s: 'a\ud800b' }), ['s']);
  assert.deepEqual(findBadText({ s: 'a\udc00' }), ['s']);
  assert.equal(findBadText({ s: '😀 汉字 \t\n' }), null);
  assert.deepEqual(findBadText({ 'k\u0000': 'v' }), ['k']);
  assert.equal(fieldLabel(['description']), '申请内容');
  assert.equal(fieldLabel(['list', '0', 'zzz']), '参数“zzz”');
});

test('API: NUL or a lone surrogate in a query, a JSON body or a path → 400 naming the field, nothing stored', async () => {
  const q = await app.inject({ url: '/api/documents?q=%00', headers });
  assert.equal(q.statusCode, 400);
  assert.equal(q.json().error.message, '关键词：含有不允许的控制字符');
  assert.deepEqual(q.json().error.fields, [{ path: 'q', message: '含有不允许的控制字符' }]);
  const other = await app.inject({ url: '/api/documents?weird=a%00', headers });
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().error.message, '参数“weird”：含有不允许的控制字符');
  const json = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":"a\\ud800b","password":"x"}',
  });
  assert.equal(json.statusCode, 400);
  assert.equal(json.json().error.message, '用户名：含有不允许的控制字符');
  const nul = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'a\u0000b', password: 'x' },
  });
  assert.equal(nul.statusCode, 400);
  const param = await app.inject({ url: '/api/files/%00', headers });
  assert.equal(param.statusCode, 400);
  assert.doesNotMatch(param.body, /at .*\.ts/); // no stack trace
});

test('portal: NUL in a form field → the portal error page with the field named, nothing stored', async () => {
  const before = Number(
    (await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from cases`))[0].n,
  );
  const res = await app.inject({
    method: 'POST',
    url: '/xxgk/apply',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'applicantKind=naturalPerson&name=%E5%BC%A0%E4%B8%89&description=a%00b',
  });
  assert.equal(res.statusCode, 400);
  assert.match(String(res.headers['content-type']), /text\/html/);
  assert.match(res.body, /申请内容：含有不允许的控制字符/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const after = Number(
    (await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from cases`))[0].n,
  );
  assert.equal(after, before);
});

test('Origin: null (or any non-origin) on login and other unsafe requests → 403, not 500', async () => {
  for (const origin of ['null', 'file://', 'not a url']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin },
      payload: { username: 'hygiene', password: 'Staff-pass-2025' },
    });
    assert.equal(res.statusCode, 403, origin);
    assert.equal(res.json().error.message, '请求来源不被允许');
  }
  const same = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
    payload: { username: 'hygiene', password: 'Staff-pass-2025' },
  });
  assert.equal(same.statusCode, 200);
});

test('malformed multipart uploads → 400 with a Chinese message, nothing stored', async () => {
  const B = 'XyZ';
  const file = `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${B}--\r\n`;
  const upload = (ct: string, payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...headers, 'content-type': ct },
      payload,
    });
  const fields =
    Array.from(
      { length: 1000 },
      (_, i) => `--${B}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`,
    ).join('') + file;
  const parts =
    Array.from(
      { length: 10_000 },
      (_, i) =>
        `--${B}\r\nContent-Disposition: form-data; name="p${i}"; filename="x${i}.txt"\r\n\r\nv\r\n`,
    ).join('') + `--${B}--\r\n`;
  const cases: Array<[string, string, string, RegExp]> = [
    ['no boundary', 'multipart/form-data', file, /上传请求格式不正确/],
    ['mismatched boundary', 'multipart/form-data; boundary=other', file, /上传请求格式不正确/],
    [
      'truncated body',
      `multipart/form-data; boundary=${B}`,
      file.slice(0, 80),
      /上传请求格式不正确/,
    ],
    ['1,000 fields', `multipart/form-data; boundary=${B}`, fields, /字段过多/],
    ['10,000 parts', `multipart/form-data; boundary=${B}`, parts, /只能上传一个文件|部分过多/],
  ];
  const stored = await fileCount();
  for (const [label, ct, payload, message] of cases) {
    const res = await upload(ct, payload);
    assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
    assert.equal(res.json().error.code, 'VALIDATION', label);
    assert.match(res.json().error.message, message, label);
  }
  assert.equal(await fileCount(), stored);
  const ok = await upload(`multipart/form-data; boundary=${B}`, file);
  assert.equal(ok.statusCode, 200);
  assert.equal(await fileCount(), stored + 1);
});

test('nosniff on every response: API JSON, errors, exports and pages', async () => {
  for (const url of [
    '/api/documents',
    '/api/nope',
    '/healthz',
    '/',
    '/no-such-page',
    '/api/calendar/due?from=2025-01-20&count=20&unit=workday',
  ]) {
    const res = await app.inject({ url, headers });
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
  }
});
