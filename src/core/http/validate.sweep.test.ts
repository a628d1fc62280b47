// Every message a refused input gets is Chinese and names its field: a large set of invalid inputs,
// generated from each schema's own definition, goes through every zod schema the source exports
// (routes, validation and service files), and through every JSON route of the API (signed in as a
// business user and as each administrator), whose required fields each get wrong values. No message
// may contain an ASCII word ("string", ">=", "expected", "Invalid", a field's code name …).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { parse } from './validate.ts';
import { routeTable } from './schema.ts';

type Node = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string };
const defOf = (n: Node) => n._zod.def as unknown as Def;
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'catch',
  'readonly',
]);
/**
 * An ASCII word: two or more Latin letters, after the units a user knows (KB, MB) and the placeholders
 * they type themselves ({seq:6} in the 索引号 pattern) are set aside.
 */
const latinWord = (s: string) => /[A-Za-z]{2,}|>=|<=/.test(s.replace(/\{[^}]*\}|\b[KMG]B\b/g, ''));

/** The schema under its optional/default/pipe wrappers. */
function core(n: Node): Node {
  for (let i = 0; i < 32; i++) {
    const d = defOf(n);
    if (WRAPPERS.has(d.type)) n = d.innerType as Node;
    else if (d.type === 'pipe')
      n = (defOf(d.in as Node).type === 'transform' ? d.out : d.in) as Node;
    else if (d.type === 'lazy') n = (d.getter as () => Node)();
    else break;
  }
  return n;
}

const checksOf = (n: Node) =>
  ((defOf(n).checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []).map(
    (c) => c._zod.def,
  );
const bound = (n: Node, check: string, key: string) =>
  checksOf(n).find((c) => c.check === check)?.[key] as number | undefined;

/** Values the field must refuse: wrong types, out of bounds, wrong formats, unknown choices. */
function badValues(node: Node, depth = 0): unknown[] {
  const n = core(node);
  const d = defOf(n);
  const min = bound(n, 'min_length', 'minimum');
  const max = bound(n, 'max_length', 'maximum');
  switch (d.type) {
    case 'string': {
      const out: unknown[] = [12345, true, [], {}, min ? '长'.repeat(min - 1) : ''];
      if (max !== undefined) out.push('长'.repeat(max + 1));
      if (d.format || checksOf(n).some((c) => c.check === 'string_format' || c.check === 'custom'))
        out.push('不合格式的内容');
      return out;
    }
    case 'number': {
      const out: unknown[] = ['不是数字', true, [], 1.5, 1e300];
      const gt = bound(n, 'greater_than', 'value');
      const lt = bound(n, 'less_than', 'value');
      if (gt !== undefined) out.push(gt - 1);
      if (lt !== undefined) out.push(lt + 1);
      return out;
    }
    case 'boolean':
      return ['也许', 2];
    case 'enum':
    case 'literal':
      return ['不在选项中', 42];
    case 'date':
      return ['不是日期'];
    case 'array':
    case 'set': {
      const out: unknown[] = ['列表', { a: 1 }];
      if (min) out.push([]);
      if (max !== undefined)
        out.push(Array.from({ length: max + 1 }, () => badValues(d.element as Node, 9)[0] ?? 1));
      if (depth < 2)
        out.push(
          ...badValues(d.element as Node, depth + 1)
            .slice(0, 3)
            .map((v) => [v]),
        );
      return out;
    }
    case 'object':
      return ['对象', [], 42, ...(depth < 2 ? badObjects(n, depth + 1) : [])];
    case 'record':
      return [
        '对象',
        [],
        ...(depth < 2
          ? badValues(d.valueType as Node, depth + 1)
              .slice(0, 3)
              .map((v) => ({ 键: v }))
          : []),
      ];
    case 'union':
    case 'intersection':
      return [42, '选项', [], {}];
    default:
      return [];
  }
}

/** Objects with one bad field each (the other fields missing), and the empty object. */
function badObjects(n: Node, depth = 0): object[] {
  const shape = defOf(n).shape as Record<string, Node>;
  return [
    {},
    ...Object.entries(shape).flatMap(([k, v]) => badValues(v, depth).map((x) => ({ [k]: x }))),
  ];
}

function badInputs(schema: Node): unknown[] {
  const n = core(schema);
  const t = defOf(n).type;
  const options = t === 'union' ? (defOf(n).options as Node[]).map(core) : [n];
  return [
    null,
    '内容',
    42,
    [],
    ...options.flatMap((o) => (defOf(o).type === 'object' ? badObjects(o) : badValues(o))),
  ];
}

/** The field messages of a refused input (an accepted one gives none). */
function refusals(schema: z.ZodType, input: unknown): Array<{ path: string; message: string }> {
  try {
    parse(schema, input);
    return [];
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    return e.fields ?? [];
  }
}

/** Source files that import zod, outside the workbench and the tests. */
function schemaFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'web') schemaFiles(p, out);
    else if (
      /\.ts$/.test(entry.name) &&
      !/\.test\.ts$/.test(entry.name) &&
      /from 'zod'/.test(fs.readFileSync(p, 'utf8'))
    )
      out.push(p);
  }
  return out;
}

/** Every schema node reachable from a node (wrappers, shapes, elements, options, pipes). */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if (!(root instanceof z.ZodType) || seen.has(root)) return seen;
  seen.add(root);
  for (const v of Object.values(defOf(root))) {
    if (v instanceof z.ZodType) reachable(v, seen);
    else if (Array.isArray(v)) for (const x of v) reachable(x, seen);
    else if (v && typeof v === 'object')
      for (const x of Object.values(v as Record<string, unknown>)) reachable(x, seen);
  }
  return seen;
}

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

test('every exported schema refuses a large set of invalid inputs in Chinese, naming each field', async () => {
  const schemas: Array<[string, z.ZodType]> = [];
  // A response schema documents what the server sends (the OpenAPI document); nothing is ever parsed
  // by it, so the schemas the routes reply with, and their parts, are not swept.
  const replies = new Set<unknown>();
  for (const r of routeTable(t.app))
    for (const s of Object.values((r.schema.response ?? {}) as Record<string, unknown>))
      reachable(s, replies);
  for (const file of schemaFiles(SRC)) {
    // Under scripts/test.mjs the tests run compiled: the module is the .js beside the source's link.
    const compiled = import.meta.url.endsWith('.js') ? file.replace(/\.ts$/, '.js') : file;
    const mod = (await import(compiled)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (replies.has(value)) continue;
      const rel = `${path.relative(SRC, file)}#${name}`;
      if (value instanceof z.ZodType) schemas.push([rel, value]);
      // settings definitions and the like carry their schema one level down
      else if (
        value &&
        typeof value === 'object' &&
        'schema' in value &&
        (value as { schema: unknown }).schema instanceof z.ZodType
      )
        schemas.push([rel, (value as { schema: z.ZodType }).schema]);
    }
  }
  assert.ok(schemas.length >= 10, `found ${schemas.length} schemas`);
  assert.ok(
    schemas.some(([n]) => n.includes('modules/decisions/routes.ts')),
    'the route schemas are among them',
  );
  const bad: string[] = [];
  let checked = 0;
  for (const [name, schema] of schemas) {
    for (const input of badInputs(schema)) {
      for (const f of refusals(schema, input)) {
        checked++;
        // A field's problem names the field, not the request as a whole.
        if (latinWord(f.message) || (f.path && f.message.startsWith('请求：')))
          bad.push(`${name} ${JSON.stringify(input).slice(0, 80)} → ${f.path}: ${f.message}`);
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} messages checked`);
  assert.deepEqual([...new Set(bad)].slice(0, 40), []);
});

// ---------- through the API ----------

let t: Awaited<ReturnType<typeof createTestApp>>;
const sessions: Array<Awaited<ReturnType<typeof signIn>>> = [];

before(async () => {
  t = await createTestApp();
  const users: Array<[string, Parameters<typeof addUser>[1]['roles']]> = [
    ['sweep_biz', ['staff', 'leader', 'legalOfficer']],
    ['sweep_sys', ['sysAdmin']],
    ['sweep_sec', ['secAdmin']],
    ['sweep_aud', ['auditAdmin']],
  ];
  for (const [username, roles] of users) {
    await addUser(t.ctx, {
      username,
      password: 'Sweep-pass-2025',
      roles,
      orgName: roles.includes('staff') ? '政策法规科' : '办公室',
    });
    sessions.push(await signIn(t.app, username, 'Sweep-pass-2025'));
  }
});
after(() => t?.close());

/** The API's routes from Fastify's route tree: full path and methods. */
function apiRoutes(): Array<{ url: string; methods: string[] }> {
  const stack: string[] = [];
  const out: Array<{ url: string; methods: string[] }> = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^(.*?)(?:└── |├── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const url = stack.join('').replace(/^\/\//, '/');
    if (m[3] && url.startsWith('/api/')) out.push({ url, methods: m[3].split(', ') });
  }
  return out;
}

const ID = '00000000-0000-4000-8000-000000000000';

test('every API route refuses wrong values in Chinese, naming each field', async () => {
  const routes = apiRoutes();
  assert.ok(routes.length > 100, `found ${routes.length} routes`);
  const bad: string[] = [];
  let refused = 0;
  const probe = async (method: string, url: string, payload?: unknown) => {
    for (const s of sessions) {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: s.headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (res.statusCode !== 400) continue;
      const { error } = res.json() as {
        error: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
      };
      if (error.code !== 'VALIDATION' || !error.fields) return [];
      refused++;
      for (const f of [...error.fields, { path: '', message: error.message }]) {
        if (latinWord(f.message))
          bad.push(
            `${method} ${url} ${JSON.stringify(payload ?? '').slice(0, 60)} → ${f.path}: ${f.message}`,
          );
      }
      return error.fields;
    }
    return [];
  };
  for (const { url: pattern, methods } of routes) {
    // Multipart uploads; signing out or changing one's password would end the sweep's sessions.
    if (
      (/\/files(\/|$)|-imports/.test(pattern) && methods.includes('POST')) ||
      pattern.startsWith('/api/auth/')
    )
      continue;
    // A malformed path parameter, then real-looking ones for the body.
    if (pattern.includes(':')) await probe(methods[0], pattern.replace(/:[A-Za-z]+/g, '不是编号'));
    const url = pattern.replace(/:year/g, '2025').replace(/:[A-Za-z]+/g, ID);
    for (const method of methods.filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) {
      const required = await probe(method, url, {});
      for (const root of ['内容', [1]]) await probe(method, url, root);
      for (const f of required.filter((x) => x.path && !x.path.includes('.'))) {
        for (const v of [
          12345,
          true,
          '',
          [],
          { a: 1 },
          '长'.repeat(300_000 / 3),
          '不合格式的内容',
          -1,
        ])
          await probe(method, url, { [f.path]: v });
      }
    }
  }
  assert.ok(refused > 300, `only ${refused} refusals seen`);
  assert.deepEqual([...new Set(bad)].slice(0, 40), []);
});
