// The permission matrix (issue 12, "Tests"): every route of Fastify's route table × every demo role ×
// own 科室 / other 科室 / other department / other oversight body, against the expectations kept as data in
// permissions.matrix.ts. A route without an entry, or an entry naming no route, fails the test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { routeTable, type RouteEntry } from '../core/http/schema.ts';
import { queryRows } from '../core/db/client.ts';
import { createOrg } from '../core/orgs/service.ts';
import { systemActor } from '../core/auth/actor.ts';
import { buildApp } from './app.ts';
import { loadDemo } from './demo.ts';
import { addUser, createTestContext, orgIdByName, signIn, type TestContext } from './testing.ts';
import {
  ACTORS,
  OTHER_DEPARTMENT,
  OTHER_DEPARTMENT_DIVISION,
  OTHER_GOVERNMENT,
  OTHER_OVERSIGHT,
  QUERIES,
  RECORDS,
} from './permissions.matrix.fixtures.ts';
import { expectationOf, MATRIX, outcomeOf, type Outcome } from './permissions.matrix.ts';

let t: TestContext & { app: FastifyInstance };
const sessions = new Map<string, Record<string, string>>();
const PASSWORD = 'Matrix-pass-2025';
const SEEDS = path.resolve(import.meta.dirname, '../../test/fixtures/seeds');

before(async () => {
  const c = await createTestContext();
  const accounts = (await loadDemo(c.ctx, { history: true }))!;
  t = { ...c, app: await buildApp({ ctx: c.ctx }) };
  const system = systemActor({ departmentId: null });
  const gov = await orgIdByName(t.ctx, '示范市人民政府');
  const dept = await createOrg(t.ctx, system, {
    name: OTHER_DEPARTMENT,
    kind: 'department',
    parentId: gov,
  });
  await createOrg(t.ctx, system, {
    name: OTHER_DEPARTMENT_DIVISION,
    kind: 'division',
    parentId: dept.id,
  });
  const otherGov = await createOrg(t.ctx, system, { name: OTHER_GOVERNMENT, kind: 'government' });
  await createOrg(t.ctx, system, {
    name: OTHER_OVERSIGHT,
    kind: 'oversight',
    parentId: otherGov.id,
  });
  // The demo accounts keep their initial passwords; the forced change is not what this test is about.
  await t.ctx.db.execute(sql`update users set must_change_password = false`);
  for (const a of ACTORS) {
    if (!a.role) continue;
    const username = a.demo ?? `m_${a.key.replace(/\W/g, '_')}`;
    if (!a.demo)
      await addUser(t.ctx, { username, password: PASSWORD, roles: [a.role], orgName: a.org });
    const password = a.demo ? accounts.find((x) => x.username === a.demo)!.password : PASSWORD;
    sessions.set(a.key, (await signIn(t.app, username, password)).headers);
  }
});
after(() => t?.close());

let address = 0;
/** Each request from its own client address: the per-address limits (sign-in, portal forms) stay out of the way. */
const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

const BOUNDARY = 'matrixboundary';
/** A request that passes no validation: an authorised caller gets a 400 and nothing changes. */
function requestOf(route: RouteEntry, url: string, headers: Record<string, string>) {
  const base = {
    method: route.method as 'GET',
    url,
    headers: { ...headers },
    remoteAddress: nextAddress(),
  };
  if (route.method === 'GET') return base;
  if (route.schema.consumes?.includes('multipart/form-data')) {
    // A form without its file part.
    const payload = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nmatrix\r\n--${BOUNDARY}--\r\n`;
    return {
      ...base,
      headers: { ...base.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload,
    };
  }
  return {
    ...base,
    headers: { ...base.headers, 'content-type': 'application/json' },
    payload: '"matrix"',
  };
}

const DEPT_DIV: Record<string, string> = {};
async function factory(name: string): Promise<Record<string, string>> {
  const as = (key: string) => sessions.get(key)!;
  if (name === 'file') {
    const payload = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="matrix.txt"\r\nContent-Type: text/plain\r\n\r\nmatrix\r\n--${BOUNDARY}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...as('staff'), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    return { id: res.json().id };
  }
  if (name === 'hotlineToken') {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/hotline/tokens',
      headers: as('sysadmin'),
      payload: { label: '矩阵测试令牌' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return { id: res.json().id };
  }
  if (name === 'reportImport') {
    const text = fs.readFileSync(path.join(SEEDS, '002_e7f45dcb97ad5be8.txt'), 'utf8');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/report-imports/paste',
      headers: as('staff'),
      payload: { text, orgName: '韶关市政务服务数据管理局', year: 2022 },
    });
    assert.equal(res.statusCode, 200, res.body);
    return { id: res.json().id };
  }
  if (name === 'notification') {
    // One of the demo staff's own notifications (the sweep made them): another account's is not theirs.
    const rows = await queryRows<{ id: string }>(
      t.ctx.db,
      sql`select n.id from notifications n join users u on u.id = n.user_id where u.username = 'staff' limit 1`,
    );
    assert.ok(rows.length, 'no notification of the demo staff');
    return { id: rows[0].id };
  }
  throw new Error(`no factory ${name}`);
}

const fixtures = new Map<string, Record<string, string>>();
async function paramsOf(url: string): Promise<Record<string, string>> {
  const names = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  if (!names.length) return {};
  const entry = RECORDS.find(([prefix]) => url.startsWith(prefix));
  assert.ok(entry, `${url}: no record fixture in permissions.matrix.fixtures.ts (RECORDS)`);
  const [prefix, query] = entry;
  if (!fixtures.has(prefix)) {
    if (query.startsWith('factory:'))
      fixtures.set(prefix, await factory(query.slice('factory:'.length)));
    else {
      const rows = await queryRows<Record<string, string>>(
        t.ctx.db,
        sql.raw(
          query.replaceAll('$DEPT', `'${DEPT_DIV.dept}'`).replaceAll('$DIV', `'${DEPT_DIV.div}'`),
        ),
      );
      assert.ok(rows.length, `${prefix}: the fixture query found no record`);
      fixtures.set(prefix, rows[0]);
    }
  }
  const row = fixtures.get(prefix)!;
  for (const n of names)
    assert.ok(row[n] !== undefined && row[n] !== null, `${url}: the fixture gives no :${n}`);
  return row;
}

async function queryOf(route: string): Promise<string> {
  const q = QUERIES[route];
  if (!q) return '';
  if (!q.startsWith('select')) return `?${q}`;
  const [row] = await queryRows<{ q: string }>(t.ctx.db, sql.raw(q));
  assert.ok(row, `${route}: the query fixture found no record`);
  return `?${row.q}`;
}

/** A copy of the fixture record under a new id (same table, same values): the record a DELETE cell removes. */
async function copyOf(url: string, id: string): Promise<string> {
  const [, query] = RECORDS.find(([prefix]) => url.startsWith(prefix))!;
  const table = /\bfrom (\w+)/.exec(query)![1];
  const [row] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql.raw(
      `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid()))).* from ${table} x where id = '${id}' returning id`,
    ),
  );
  return row.id;
}

test('every route × every role × scope answers as the permission matrix says', async () => {
  DEPT_DIV.dept = await orgIdByName(t.ctx, '示范市科学技术局');
  DEPT_DIV.div = await orgIdByName(t.ctx, '高新技术科');
  const started = performance.now();
  const routes = routeTable(t.app).filter((r) => !r.schema.hide || r.url.startsWith('/api/'));
  const listed = new Map(MATRIX.flatMap((rule) => rule.routes.map((r) => [r, rule] as const)));
  const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
  const unlisted = [...registered].filter((r) => !listed.has(r));
  const stale = [...listed.keys()].filter((r) => !registered.has(r));

  // Writes that end the session or delete a record run last, so that the other cells see the same state.
  const last = (r: RouteEntry) =>
    r.method === 'DELETE' ? 2 : r.url === '/api/auth/logout' ? 1 : 0;
  const ordered = [...routes].sort((a, b) => last(a) - last(b));
  // Every route's records first: a missing fixture is named before any cell runs.
  const values = new Map<string, Record<string, string>>();
  const noRecord: string[] = [];
  for (const route of ordered) {
    try {
      values.set(route.url, await paramsOf(route.url));
    } catch (e) {
      noRecord.push(
        `${route.method} ${route.url}: ${String((e as { cause?: unknown }).cause ?? (e as Error).message).split('\n')[0]}`,
      );
    }
  }
  assert.deepEqual(noRecord, [], 'routes whose path parameters name no record');
  const mismatches: string[] = [];
  const observed = new Map<string, string>();
  const timings: [string, number][] = [];
  let cells = 0;
  for (const route of ordered) {
    const key = `${route.method} ${route.url}`;
    const params = values.get(route.url)!;
    const query = await queryOf(key);
    const url =
      route.url
        .replace(/:([A-Za-z]+)/g, (_, n: string) => encodeURIComponent(params[n]))
        .replace(/\*$/, 'index.html') + query;
    const got: Record<string, Outcome> = {};
    const t0 = performance.now();
    const raw: string[] = [];
    const cell = async (actor: (typeof ACTORS)[number]) => {
      // A DELETE acts on its own copy of the record, so that each cell finds one to delete.
      const cellUrl =
        route.method === 'DELETE'
          ? url.replace(params.id, await copyOf(route.url, params.id))
          : url;
      return t.app.inject(requestOf(route, cellUrl, actor.role ? sessions.get(actor.key)! : {}));
    };
    // A read changes nothing, so its cells run side by side (on PostgreSQL, over the pool's
    // connections); a write's one after another, each seeing what the one before left.
    const reads = route.method === 'GET' ? await Promise.all(ACTORS.map(cell)) : [];
    for (const [i, actor] of ACTORS.entries()) {
      const res = reads[i] ?? (await cell(actor));
      got[actor.key] = outcomeOf(res.statusCode);
      raw.push(`${actor.key}=${res.statusCode}`);
      cells++;
      const rule = listed.get(key);
      if (!rule) continue;
      const want = expectationOf(rule, actor.key, got);
      if (want !== got[actor.key])
        mismatches.push(
          `${key} as ${actor.key}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
    }
    observed.set(key, raw.join(' '));
    timings.push([key, performance.now() - t0]);
  }
  const scopes = new Set(ACTORS.map((a) => a.scope)).size;
  const roles = new Set(ACTORS.map((a) => a.role)).size;
  console.log(
    `permission matrix: ${routes.length} routes × ${ACTORS.length} accounts (${roles - 1} roles + anonymous, ${scopes} scopes) = ${cells} cells in ${Math.round(performance.now() - started)} ms; ${mismatches.length} mismatches, ${unlisted.length} routes without an entry, ${stale.length} entries without a route`,
  );
  if (process.env.FAZHI_MATRIX_TIMINGS)
    console.log(
      timings
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, ms]) => `${Math.round(ms)} ms ${k}`)
        .join('\n'),
    );
  const list = (title: string, items: string[]) =>
    items.length ? `${title}:\n${items.join('\n')}` : '';
  const problems = [
    list(
      'routes without an entry in permissions.matrix.ts (add each under the rule it follows; observed outcomes shown)',
      unlisted.map((r) => `${r}  observed: ${observed.get(r)}`),
    ),
    list('entries in permissions.matrix.ts naming no registered route', stale),
    list('cells that answer otherwise than the matrix says', mismatches),
  ].filter(Boolean);
  const unusedQueries = Object.keys(QUERIES).filter((r) => !registered.has(r));
  assert.deepEqual(unusedQueries, [], 'QUERIES entries naming no registered route');
  assert.equal(problems.length, 0, problems.join('\n\n'));
});
