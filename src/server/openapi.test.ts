// The OpenAPI document (GET /api/openapi.json) covers every /api route of Fastify's route table, with
// the schemas the routes validate with; the reference page is served from node_modules; and the checks
// run in the order of issue 12 item 7: 401, then 403/404, and only then a field-named 400.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, orgIdByName, signIn } from './testing.ts';
import { acceptsBody } from '../core/http/openapi.ts';
import { routeTable } from '../core/http/schema.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, sec: Session, otherDept: Session;

before(async () => {
  t = await createTestApp();
  await addUser(t.ctx, { username: 'oa_staff', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'oa_sys',
    password: 'Sys-pass-2025',
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  await addUser(t.ctx, {
    username: 'oa_sec',
    password: 'Sec-pass-2025',
    roles: ['secAdmin'],
    orgName: '办公室',
  });
  const sys = await signIn(t.app, 'oa_sys', 'Sys-pass-2025');
  const gov = await orgIdByName(t.ctx, '示范市人民政府');
  const dept = await t.app.inject({
    method: 'POST',
    url: '/api/admin/orgs',
    headers: sys.headers,
    payload: { name: '示范市教育局', kind: 'department', parentId: gov },
  });
  assert.equal(dept.statusCode, 201, dept.body);
  await addUser(t.ctx, {
    username: 'oa_edu',
    password: 'Edu-pass-2025',
    roles: ['staff', 'leader', 'legalOfficer'],
    orgName: '示范市教育局',
  });
  staff = await signIn(t.app, 'oa_staff', 'Staff-pass-2025');
  sec = await signIn(t.app, 'oa_sec', 'Sec-pass-2025');
  otherDept = await signIn(t.app, 'oa_edu', 'Edu-pass-2025');
});
after(() => t.close());

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        tags?: string[];
        parameters?: Array<{ name: string; in: string }>;
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
      }
    >
  >;
};

test('every /api route of the route table is in the document, with a summary, its path parameters and, if it takes a body, the body schema', async () => {
  const res = await t.app.inject({ url: '/api/openapi.json', headers: staff.headers });
  assert.equal(res.statusCode, 200, res.body);
  const doc = res.json() as Doc;
  assert.equal(doc.openapi, '3.1.0');
  const routes = routeTable(t.app).filter((r) => r.url.startsWith('/api/') && !r.schema.hide);
  assert.ok(routes.length >= 100, `only ${routes.length} /api routes in the table`);
  const missing: string[] = [];
  for (const r of routes) {
    const where = `${r.method} ${r.url}`;
    const op = doc.paths[r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
    if (!op) {
      missing.push(`${where}: not in the document`);
      continue;
    }
    if (!op.summary) missing.push(`${where}: no summary (schema.summary, in Chinese)`);
    for (const name of r.url.match(/:([A-Za-z0-9_]+)/g) ?? []) {
      if (!op.parameters?.some((p) => p.in === 'path' && p.name === name.slice(1)))
        missing.push(`${where}: path parameter ${name} has no schema (schema.params)`);
    }
    if (acceptsBody(r.method) && !op.requestBody)
      missing.push(
        `${where}: takes a body but declares no schema (schema.body, or noBody, or consumes multipart)`,
      );
  }
  // How to fix: docs/ARCHITECTURE.md, "How a request flows".
  assert.deepEqual(
    missing,
    [],
    `routes missing from the OpenAPI document or incompletely described:\n${missing.join('\n')}`,
  );
});

test('the document carries the Chinese labels and limits of the zod declarations', async () => {
  const doc = (
    await t.app.inject({ url: '/api/openapi.json', headers: staff.headers })
  ).json() as Doc;
  const body = doc.paths['/api/meetings/{id}/agenda'].post.requestBody!.content['application/json']
    .schema as {
    properties: Record<string, { description?: string; maxLength?: number; minLength?: number }>;
    required: string[];
  };
  assert.equal(body.properties.title.description, '议题名称');
  assert.equal(body.properties.title.maxLength, 200);
  assert.ok(body.required.includes('title'));
  const list = doc.paths['/api/meetings'].get;
  assert.ok(list.parameters!.some((p) => p.name === 'pageSize' && p.in === 'query'));
  assert.deepEqual(list.tags, ['会议']);
  assert.equal(doc.paths['/api/auth/login'].post.summary?.startsWith('登录'), true);
});

test('the document and its reference page need a signed-in account; the page and its assets come from this server', async () => {
  for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/swagger-ui-bundle.js']) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 401, url);
    assert.equal(res.json().error.code, 'UNAUTHENTICATED');
  }
  const page = await t.app.inject({ url: '/api/docs', headers: staff.headers });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /<html lang="zh-CN">/);
  // No outside address: every script and style is served by the server itself.
  assert.doesNotMatch(page.body, /https?:\/\//);
  assert.match(page.headers['content-security-policy'] as string, /script-src 'self';/);
  for (const asset of [
    '/api/docs/swagger-ui-bundle.js',
    '/api/docs/swagger-ui.css',
    '/api/docs/init.js',
  ]) {
    const res = await t.app.inject({ url: asset, headers: staff.headers });
    assert.equal(res.statusCode, 200, asset);
    assert.ok(res.body.length > 0);
  }
  assert.match(
    (await t.app.inject({ url: '/api/docs/init.js', headers: staff.headers })).body,
    /validatorUrl: null/,
  );
});

test('a schema declared in the route options refuses with the same field-named Chinese 400 as parse()', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: staff.headers,
    payload: { kind: 'x', meetingOn: '2025-02-30' },
  });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION');
  assert.deepEqual(error.fields.map((f: { path: string }) => f.path).sort(), ['kind', 'meetingOn']);
  assert.match(error.message, /会议类型：请从可选项中选择/);
  assert.match(error.message, /会议日期：不是有效日期/);
  assert.ok(error.requestId);
  // Query strings too, coerced and limited.
  const q = await t.app.inject({ url: '/api/meetings?pageSize=1000', headers: staff.headers });
  assert.equal(q.statusCode, 400);
  assert.equal(q.json().error.message, '每页条数：不能大于100');
});

test('an invalid body tells nothing to a caller who may not use the route: 401, 403 and 404 come first', async () => {
  const bad = { kind: 'x', title: 1, roles: 'x', username: '' };
  const noFields = (
    res: { statusCode: number; json(): { error: { code: string; fields?: unknown } } },
    status: number,
    what: string,
  ) => {
    assert.equal(res.statusCode, status, what);
    assert.equal(res.json().error.fields, undefined, what);
  };
  // Not signed in: 401 (a GET, so no CSRF check stands in front).
  noFields(
    await t.app.inject({ url: '/api/meetings?pageSize=abc' }),
    401,
    'list without a session',
  );
  noFields(
    await t.app.inject({ method: 'POST', url: '/api/admin/users', payload: bad }),
    401,
    'create a user without a session',
  );
  // Signed in without the role: 403.
  noFields(
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: staff.headers,
      payload: bad,
    }),
    403,
    'staff creating a user',
  );
  noFields(
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/security-settings',
      headers: staff.headers,
      payload: bad,
    }),
    403,
    'staff changing security settings',
  );
  noFields(
    await t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: sec.headers,
      payload: bad,
    }),
    403,
    'security administrator scheduling a meeting',
  );
  noFields(
    await t.app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: sec.headers,
      payload: bad,
    }),
    403,
    'security administrator starting a decision',
  );
  // A record of another department: 404, as if it did not exist.
  const meeting = await t.app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: staff.headers,
    payload: { kind: 'directorsOffice', meetingOn: '2025-03-10' },
  });
  assert.equal(meeting.statusCode, 200, meeting.body);
  const id = meeting.json().meeting.id as string;
  noFields(
    await t.app.inject({
      method: 'POST',
      url: `/api/meetings/${id}/agenda`,
      headers: otherDept.headers,
      payload: bad,
    }),
    404,
    'another department adding a topic',
  );
  // The same bodies from the meeting's own department are refused by field.
  const own = await t.app.inject({
    method: 'POST',
    url: `/api/meetings/${id}/agenda`,
    headers: staff.headers,
    payload: bad,
  });
  assert.equal(own.statusCode, 400);
  assert.match(own.json().error.message, /议题名称：/);
});
