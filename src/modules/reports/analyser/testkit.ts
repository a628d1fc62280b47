/**
 * The report-import tests' starting point (real database, real sessions; no mocks): a fresh app over the
 * demo department's organisations and accounts (no demo records), a second department of the same
 * government (示范市教育局) and four signed-in accounts. Each test calls `importsApp()` itself, so it
 * sees only the imports it makes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createBaseApp, orgIdByName, signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { createOrg } from '../../../core/orgs/service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { multipartBody } from '../../disclosure/publications/testkit.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** One of the five real reports in test/fixtures/seeds. */
export const seed = (file: string) =>
  fs.readFileSync(path.resolve(HERE, '../../../../test/fixtures/seeds', file));
/** A file in fixtures/ beside this one (other encodings and formats). */
export const fixture = (file: string) => fs.readFileSync(path.join(HERE, 'fixtures', file));
/** 天津市科学技术局's 2023 report. */
export const S004 = '004_a43d37cc7c10f483.txt';
/** 亳州市科学技术局's report. */
export const S001 = '001_2ff49a1744f89f60.txt';
/** 荥阳市科技工业和信息化局's report. */
export const S003 = '003_5a7ed637e8473e00.txt';

export type Session = Awaited<ReturnType<typeof signIn>>;
const system = { userId: null, orgId: null } as unknown as Actor;

export async function importsApp() {
  const t = await createBaseApp();
  const gov = await orgIdByName(t.ctx, '示范市人民政府');
  const education = await createOrg(t.ctx, system, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov,
  });
  const bureauId = await orgIdByName(t.ctx, '示范市科学技术局');
  await addUser(t.ctx, { username: 'i-staff', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'i-edu',
    password: 'Staff-pass-2025',
    roles: ['legalOfficer'],
    orgName: '示范市教育局',
  });
  await addUser(t.ctx, {
    username: 'i-oversight',
    password: 'Justice-pass-2025',
    roles: ['oversight'],
    orgName: '示范市司法局',
  });
  await addUser(t.ctx, {
    username: 'i-officer',
    password: 'Officer-pass-2025',
    roles: ['officer'],
  });
  const [staff, otherDept, oversight, officer] = await Promise.all([
    signIn(t.app, 'i-staff', 'Staff-pass-2025'),
    signIn(t.app, 'i-edu', 'Staff-pass-2025'),
    signIn(t.app, 'i-oversight', 'Justice-pass-2025'),
    signIn(t.app, 'i-officer', 'Officer-pass-2025'),
  ]);

  /** POST /api/report-imports with one file; `query` carries departmentId, orgName, year. */
  const upload = (s: Session, name: string, content: Buffer, query = '', mime = 'text/plain') => {
    const { payload, headers } = multipartBody(name, content, mime);
    return t.app.inject({
      method: 'POST',
      url: `/api/report-imports${query}`,
      headers: { ...s.headers, ...headers },
      payload,
    });
  };
  /** A stored import, for a test's starting point: the upload must succeed. */
  const imported = async (s: Session, name: string, content: Buffer, query = '') => {
    const res = await upload(s, name, content, query);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { id: string };
  };
  const view = (s: Session, id: string) =>
    t.app.inject({ url: `/api/report-imports/${id}`, headers: s.headers });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const patch = (s: Session, id: string, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/report-imports/${id}`,
      headers: s.headers,
      payload,
    });
  const paste = (s: Session, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/report-imports/paste',
      headers: s.headers,
      payload,
    });
  /** What a refused request must leave as it was. */
  const counts = async () =>
    (
      await queryRows<{ imports: number; files: number; audit: number }>(
        t.ctx.db,
        sql`select (select count(*)::int from report_imports) as imports, (select count(*)::int from files) as files, (select count(*)::int from audit_events) as audit`,
      )
    )[0];

  /** Another city (邻市): its government, its oversight body with a signed-in account, one department. */
  const neighbourCity = async () => {
    const gov = await createOrg(t.ctx, system, { name: '邻市人民政府', kind: 'government' });
    await createOrg(t.ctx, system, { name: '邻市司法局', kind: 'oversight', parentId: gov.id });
    const dept = await createOrg(t.ctx, system, {
      name: '邻市科学技术局',
      kind: 'department',
      parentId: gov.id,
    });
    await addUser(t.ctx, {
      username: 'i-neighbour',
      password: 'Justice-pass-2025',
      roles: ['oversight'],
      orgName: '邻市司法局',
    });
    return {
      neighbour: await signIn(t.app, 'i-neighbour', 'Justice-pass-2025'),
      neighbourDeptId: dept.id,
    };
  };

  return {
    t,
    staff,
    otherDept,
    oversight,
    officer,
    bureauId,
    educationId: education.id,
    upload,
    imported,
    view,
    get,
    patch,
    paste,
    counts,
    neighbourCity,
    close: () => t.close(),
  };
}

export type ImportsApp = Awaited<ReturnType<typeof importsApp>>;

/** A test on its own fresh app (see importsApp), closed when the test ends, whatever its outcome. */
export const importsTest = (name: string, body: (k: ImportsApp) => Promise<void>) =>
  test(name, async () => {
    const k = await importsApp();
    try {
      await body(k);
    } finally {
      await k.close();
    }
  });
