// Importing reports through the API on a real database: formats and encodings, bad input (nothing
// stored), scoping (a department its own, oversight all, out of scope → 404), repetition, the list
// the oversight view uses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Document, Packer, Paragraph } from 'docx';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';
import { putSetting } from '../../../core/settings/service.ts';
import { fileSettings } from '../../../core/files/service.ts';
import { createOrg } from '../../../core/orgs/service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { factProviders } from '../../../server/modules.ts';
import { multipartBody } from '../../disclosure/publications/testkit.ts';
import { listImportedReports } from './service.ts';
import { overseenDepartments } from '../../../core/orgs/service.ts';
import { RECOGNISED_KEYS } from './indicators.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const seed = (file: string) =>
  fs.readFileSync(path.resolve(HERE, '../../../../test/fixtures/seeds', file));
const fixture = (file: string) => fs.readFileSync(path.join(HERE, 'fixtures', file));
const S004 = '004_a43d37cc7c10f483.txt';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, otherDept: Session, oversight: Session, officer: Session;
let bureauId: string, educationId: string;

before(async () => {
  t = await createTestApp();
  const [gov] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市人民政府'`,
  );
  const education = await createOrg(t.ctx, { userId: null, orgId: null } as unknown as Actor, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov.id,
  });
  educationId = education.id;
  [{ id: bureauId }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市科学技术局'`,
  );
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
  staff = await signIn(t.app, 'i-staff', 'Staff-pass-2025');
  otherDept = await signIn(t.app, 'i-edu', 'Staff-pass-2025');
  oversight = await signIn(t.app, 'i-oversight', 'Justice-pass-2025');
  officer = await signIn(t.app, 'i-officer', 'Officer-pass-2025');
});
after(() => t.close());

const upload = (s: Session, name: string, content: Buffer, query = '', mime = 'text/plain') => {
  const { payload, headers } = multipartBody(name, content, mime);
  return t.app.inject({
    method: 'POST',
    url: `/api/report-imports${query}`,
    headers: { ...s.headers, ...headers },
    payload,
  });
};
const view = (s: Session, id: string) =>
  t.app.inject({ url: `/api/report-imports/${id}`, headers: s.headers });
const counts = async () =>
  (
    await queryRows<{ imports: number; files: number; audit: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from report_imports) as imports, (select count(*)::int from files) as files, (select count(*)::int from audit_events) as audit`,
    )
  )[0];

test('a .txt report: stored with its original, analysed, listed, downloadable, audited', async () => {
  const res = await upload(staff, '市科技局2023年法治政府建设情况报告.txt', seed(S004));
  assert.equal(res.statusCode, 200, res.body);
  const { id } = res.json();
  const detail = (await view(staff, id)).json();
  assert.equal(detail.departmentId, bureauId);
  assert.equal(detail.departmentName, '示范市科学技术局');
  assert.equal(detail.format, 'txt');
  assert.equal(detail.encoding, 'utf-8');
  assert.equal(detail.orgName, '天津市科学技术局');
  assert.equal(detail.year, 2023);
  assert.deepEqual(detail.analysis.partsMissing, ['other']);
  assert.equal(detail.analysis.indicators['disclosure.publications.total'], 2477);
  assert.ok(!detail.text.includes('[bookmark'));
  assert.equal(detail.repetition, null);
  assert.equal(detail.canEdit, true);
  const original = await t.app.inject({
    url: `/api/report-imports/${id}/original`,
    headers: staff.headers,
  });
  assert.equal(original.statusCode, 200);
  assert.ok(original.rawPayload.equals(seed(S004)));
  const list = (
    await t.app.inject({ url: '/api/report-imports?year=2023', headers: staff.headers })
  ).json();
  assert.ok(
    list.items.some((i: { id: string; warnings: number }) => i.id === id && i.warnings === 0),
  );
  const [audit] = await queryRows<{ payload: { fileName: string; departmentId: string } }>(
    t.ctx.db,
    sql`select payload from audit_events where action = 'reportImport.create' and entity_id = ${id}`,
  );
  assert.equal(audit.payload.departmentId, bureauId);
});

test('GBK, Big5, web page and .docx files are read; pasted text too, with corrections', async () => {
  const gbk = (await upload(staff, '荥阳.txt', fixture('003-gb18030.txt'))).json();
  const g = (await view(staff, gbk.id)).json();
  assert.deepEqual(
    [g.encoding, g.orgName, g.year, g.reportDate],
    ['gb18030', '荥阳市科技工业和信息化局', 2023, '2024-04-01'],
  );
  const big5 = (
    await view(staff, (await upload(staff, '江门.txt', fixture('000-big5.txt'))).json().id)
  ).json();
  assert.deepEqual([big5.encoding, big5.orgName, big5.year], ['big5', '江门市科学技术局', 2021]);
  const page = (
    await view(
      staff,
      (await upload(staff, 'report.html', fixture('001-page.html'), '', 'text/html')).json().id,
    )
  ).json();
  assert.deepEqual(
    [page.format, page.orgName, page.reportDate],
    ['html', '亳州市科学技术局', '2024-02-04'],
  );

  const lines = seed('002_e7f45dcb97ad5be8.txt').toString('utf8').split('\n');
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }),
  );
  const word = await upload(
    staff,
    '韶关.docx',
    Buffer.from(docx),
    '?orgName=韶关市政务服务数据管理局',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.equal(word.statusCode, 200, word.body);
  const w = (await view(staff, word.json().id)).json();
  assert.deepEqual(
    [w.format, w.orgName, w.year, w.analysis.orgName],
    ['docx', '韶关市政务服务数据管理局', 2022, null],
  );
  assert.equal(
    w.analysis.figures.find((f: { text: string }) => f.text === '660多件')?.qualifier,
    '多',
  );

  const pasted = await t.app.inject({
    method: 'POST',
    url: '/api/report-imports/paste',
    headers: staff.headers,
    payload: {
      text: seed('002_e7f45dcb97ad5be8.txt').toString('utf8'),
      orgName: '韶关市政务服务数据管理局',
      year: 2022,
    },
  });
  assert.equal(pasted.statusCode, 200, pasted.body);
  const p = (await view(staff, pasted.json().id)).json();
  assert.deepEqual(
    [p.format, p.fileName, p.orgName],
    ['paste', '粘贴文本.txt', '韶关市政务服务数据管理局'],
  );
});

test('bad input is refused in Chinese and nothing is stored', async () => {
  const before = await counts();
  const cases: [Promise<{ statusCode: number; json(): { error: { message: string } } }>, RegExp][] =
    [
      [upload(staff, 'empty.txt', Buffer.alloc(0)), /不能为空文件/],
      [
        upload(
          staff,
          'notes.txt',
          Buffer.from('今天下午三点在三楼会议室开会，请准时参加。'.repeat(3)),
        ),
        /内容过短/,
      ],
      [
        upload(
          staff,
          'novel.txt',
          Buffer.from('春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。'.repeat(20)),
        ),
        /不像法治政府建设年度报告/,
      ],
      [
        upload(staff, 'scan.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '', 'application/pdf'),
        /暂不支持 PDF/,
      ],
      [
        upload(
          staff,
          'old.doc',
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        ),
        /另存为 \.docx/,
      ],
      [
        upload(
          staff,
          'broken.docx',
          Buffer.concat([
            Buffer.from([0x50, 0x4b, 0x03, 0x04]),
            Buffer.from('word/document.xml garbage'),
          ]),
        ),
        /无法读取该 \.docx/,
      ],
      [
        upload(staff, 'weird.txt', Buffer.from([0x81, 0x20, 0xfe, 0x20, 0x81, 0x20, 0x41])),
        /无法识别文件编码/,
      ],
      [
        t.app.inject({
          method: 'POST',
          url: '/api/report-imports/paste',
          headers: staff.headers,
          payload: { text: '' },
        }),
        /报告正文/,
      ],
      [
        t.app.inject({
          method: 'POST',
          url: '/api/report-imports',
          headers: staff.headers,
          payload: { text: 'x' },
        }),
        /请以上传文件的方式提交/,
      ],
      [upload(staff, 'r.txt', seed(S004), '?year=1800'), /报告年度/],
    ];
  for (const [res, message] of cases) {
    const r = await res;
    assert.equal(r.statusCode, 400, message.source);
    assert.match(r.json().error.message, message);
  }
  assert.deepEqual(await counts(), before);
});

test('a 50 MB upload is refused before it is read; the size limit is the file setting', async () => {
  const before = await counts();
  const huge = await upload(staff, 'huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x41));
  assert.equal(huge.statusCode, 400);
  assert.match(huge.json().error.message, /大小超过上限 20 MB/);
  await putSetting(t.ctx.db, fileSettings, { maxBytes: 8 * 1024 }, t.ctx.clock.now());
  try {
    // Within the declared-length margin: the multipart limit stops it.
    const over = await upload(staff, 'r.txt', seed(S004));
    assert.equal(over.statusCode, 400);
    assert.match(over.json().error.message, /大小超过上限 8 KB/);
  } finally {
    await putSetting(t.ctx.db, fileSettings, fileSettings.defaults, t.ctx.clock.now());
  }
  assert.deepEqual(await counts(), before);
});

test('scope: a department imports and sees its own; oversight imports for the departments of its government and sees theirs', async () => {
  const own = (await upload(otherDept, '教育局报告.txt', seed('001_2ff49a1744f89f60.txt'))).json();
  assert.equal((await view(staff, own.id)).statusCode, 404);
  assert.equal(
    (await t.app.inject({ url: `/api/report-imports/${own.id}/original`, headers: staff.headers }))
      .statusCode,
    404,
  );
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/report-imports/${own.id}`,
        headers: staff.headers,
        payload: { year: 2020 },
      })
    ).statusCode,
    404,
  );
  const staffList = (
    await t.app.inject({ url: '/api/report-imports', headers: staff.headers })
  ).json().items;
  assert.ok(
    staffList.length > 0 &&
      staffList.every((i: { departmentId: string }) => i.departmentId === bureauId),
  );
  assert.deepEqual(
    (
      await t.app.inject({
        url: `/api/report-imports?departmentId=${educationId}`,
        headers: staff.headers,
      })
    ).json().items,
    [],
  );
  const refused = await upload(staff, 'r.txt', seed(S004), `?departmentId=${educationId}`);
  assert.equal(refused.statusCode, 404);
  assert.equal((await upload(officer, 'r.txt', seed(S004))).statusCode, 403);

  const forEducation = await upload(
    oversight,
    'r.txt',
    seed('003_5a7ed637e8473e00.txt'),
    `?departmentId=${educationId}`,
  );
  assert.equal(forEducation.statusCode, 200, forEducation.body);
  const v = (await view(otherDept, forEducation.json().id)).json();
  assert.equal(v.departmentId, educationId);
  assert.equal((await view(oversight, own.id)).statusCode, 200);
  const all = (
    await t.app.inject({ url: '/api/report-imports', headers: oversight.headers })
  ).json().items;
  assert.deepEqual(
    new Set(all.map((i: { departmentId: string }) => i.departmentId)),
    new Set([bureauId, educationId]),
  );
  const meta = (
    await t.app.inject({ url: '/api/report-imports/meta', headers: oversight.headers })
  ).json();
  assert.deepEqual(
    meta.departments.map((d: { name: string }) => d.name),
    ['示范市司法局', '示范市科学技术局', '示范市教育局'],
    'its own and the departments it oversees',
  );
  const staffMeta = (
    await t.app.inject({ url: '/api/report-imports/meta', headers: staff.headers })
  ).json();
  assert.deepEqual(
    staffMeta.departments.map((d: { name: string }) => d.name),
    ['示范市科学技术局'],
  );
  const notADepartment = await upload(
    oversight,
    'r.txt',
    seed(S004),
    `?departmentId=${(await queryRows<{ id: string }>(t.ctx.db, sql`select id from organisations where name = '高新技术科'`))[0].id}`,
  );
  assert.equal(notADepartment.statusCode, 404);
});

test('scope: another city’s oversight body (邻市司法局) neither lists, reads, corrects nor imports for 示范市’s departments, and the other way round', async () => {
  const system = { userId: null, orgId: null } as unknown as Actor;
  const gov = await createOrg(t.ctx, system, { name: '邻市人民政府', kind: 'government' });
  await createOrg(t.ctx, system, { name: '邻市司法局', kind: 'oversight', parentId: gov.id });
  const neighbourDept = await createOrg(t.ctx, system, {
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
  const neighbour = await signIn(t.app, 'i-neighbour', 'Justice-pass-2025');
  const theirs = (
    await upload(otherDept, '教育局报告.txt', seed('001_2ff49a1744f89f60.txt'))
  ).json();
  const before = await counts();
  assert.equal((await view(neighbour, theirs.id)).statusCode, 404);
  assert.equal(
    (
      await t.app.inject({
        url: `/api/report-imports/${theirs.id}/original`,
        headers: neighbour.headers,
      })
    ).statusCode,
    404,
  );
  const patch = await t.app.inject({
    method: 'PATCH',
    url: `/api/report-imports/${theirs.id}`,
    headers: neighbour.headers,
    payload: { year: 2020 },
  });
  assert.equal(patch.statusCode, 404);
  assert.equal(
    (await upload(neighbour, 'r.txt', seed(S004), `?departmentId=${educationId}`)).statusCode,
    404,
  );
  assert.deepEqual(await counts(), before, 'refused requests change nothing');
  assert.deepEqual(
    (await t.app.inject({ url: '/api/report-imports', headers: neighbour.headers })).json().items,
    [],
  );
  assert.deepEqual(
    (
      await t.app.inject({
        url: `/api/report-imports?departmentId=${educationId}`,
        headers: neighbour.headers,
      })
    ).json().items,
    [],
  );
  const meta = (
    await t.app.inject({ url: '/api/report-imports/meta', headers: neighbour.headers })
  ).json();
  assert.deepEqual(
    meta.departments.map((d: { name: string }) => d.name),
    ['邻市司法局', '邻市科学技术局'],
  );
  // Its own city's department: imported, read, corrected; 示范市司法局 cannot see it.
  const mine = await upload(
    neighbour,
    'r.txt',
    seed('003_5a7ed637e8473e00.txt'),
    `?departmentId=${neighbourDept.id}`,
  );
  assert.equal(mine.statusCode, 200, mine.body);
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/report-imports/${mine.json().id}`,
        headers: neighbour.headers,
        payload: { year: 2021 },
      })
    ).statusCode,
    200,
  );
  assert.equal((await view(oversight, mine.json().id)).statusCode, 404);
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/report-imports/${mine.json().id}`,
        headers: oversight.headers,
        payload: { year: 2020 },
      })
    ).statusCode,
    404,
  );
  const ours = (
    await t.app.inject({ url: '/api/report-imports', headers: oversight.headers })
  ).json().items;
  assert.ok(
    ours.length > 0 &&
      ours.every((i: { departmentId: string }) => i.departmentId !== neighbourDept.id),
  );
  assert.ok(
    !(await t.app.inject({ url: '/api/report-imports/meta', headers: oversight.headers }))
      .json()
      .departments.some((d: { name: string }) => d.name.startsWith('邻市')),
  );
});

test('text repeated from the department’s previous report is flagged; a correction is audited', async () => {
  const text2024 = seed(S004)
    .toString('utf8')
    .replace(/2023/g, '2024')
    .replace(/2024年推进/, '2025年推进')
    .replace('2477', '2650');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/report-imports/paste',
    headers: staff.headers,
    payload: { text: text2024 },
  });
  const v = (await view(staff, res.json().id)).json();
  assert.equal(v.year, 2024);
  assert.ok(v.repetition.share >= 90, `share ${v.repetition.share}`);
  assert.equal(v.repetition.earlierYear, 2023);
  assert.ok(
    v.analysis.flags.some(
      (f: { code: string; message: string }) =>
        f.code === 'repeated' && f.message.includes('2023年度'),
    ),
  );

  const patched = await t.app.inject({
    method: 'PATCH',
    url: `/api/report-imports/${v.id}`,
    headers: staff.headers,
    payload: { orgName: '示范市科学技术局', year: 2025 },
  });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.deepEqual(
    [patched.json().orgName, patched.json().year, patched.json().analysis.orgName],
    ['示范市科学技术局', 2025, '天津市科学技术局'],
  );
  const [audit] = await queryRows<{ payload: { from: { year: number } } }>(
    t.ctx.db,
    sql`select payload from audit_events where action = 'reportImport.correct' and entity_id = ${v.id}`,
  );
  assert.equal(audit.payload.from.year, 2024);
  const bad = await t.app.inject({
    method: 'PATCH',
    url: `/api/report-imports/${v.id}`,
    headers: staff.headers,
    payload: { year: 'abc' },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /报告年度/);
});

test('listImportedReports: the oversight view’s side-by-side rows, filtered by year, organisation and department', async () => {
  const rows = await listImportedReports(t.ctx.db, { year: 2023, orgName: '天津市科学技术局' });
  assert.ok(rows.length >= 1);
  const r = rows[0];
  assert.deepEqual(Object.keys(r).sort(), [
    'emptySentenceShare',
    'factCount',
    'id',
    'indicators',
    'orgName',
    'partsMissing',
    'partsPresent',
    'reportDate',
    'year',
  ]);
  assert.deepEqual(r.partsPresent, ['measures', 'shortcomings', 'firstResponsible', 'plans']);
  assert.equal(r.indicators['documents.issued'], 3);
  assert.ok(r.factCount >= 18 && r.emptySentenceShare > 0 && r.emptySentenceShare < 100);
  const education = await listImportedReports(t.ctx.db, { departmentId: educationId });
  assert.deepEqual(
    new Set(education.map((x) => x.orgName)),
    new Set(['亳州市科学技术局', '荥阳市科技工业和信息化局']),
  );
  assert.deepEqual(await listImportedReports(t.ctx.db, { year: 1999 }), []);
  // Scoped to an oversight body's departments (for the oversight view): another government's are left out.
  assert.deepEqual(await listImportedReports(t.ctx.db, { departmentIds: [] }), []);
  const [justice] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市司法局'`,
  );
  const overseen = [
    justice.id,
    ...(await overseenDepartments(t.ctx.db, justice.id)).map((d) => d.id),
  ];
  assert.ok(overseen.includes(educationId) && overseen.includes(bureauId) && overseen.length === 3);
  const [{ n: neighbours }] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select count(*)::int as n from report_imports i join organisations o on o.id = i.department_id where o.name like '邻市%'`,
  );
  assert.ok(neighbours > 0, 'the other city has an import (previous test)');
  assert.equal(
    (await listImportedReports(t.ctx.db, { departmentIds: overseen })).length,
    (await listImportedReports(t.ctx.db, {})).length - neighbours,
  );
});

test('every indicator the analyser recognises is a Fact key some module computes', async () => {
  const keys = new Set<string>();
  for (const p of factProviders)
    for (const f of await p.facts(t.ctx, bureauId, 2024)) keys.add(f.key);
  for (const k of RECOGNISED_KEYS) assert.ok(keys.has(k), `${k} is not a registered fact`);
});
