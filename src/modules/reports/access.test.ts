// 法治政府建设年度报告 through the API on a real database, who reads what: a department its own
// reports, the oversight body the submitted ones of its own government's departments (and edits none),
// the outside 法律顾问 none of the department's internal records.
// Each test makes its own report (./testkit.ts over server/testing.ts, which puts this file in the
// runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { addUser, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { importReport } from './analyser/service.ts';
import { PW, reportsTest, reportTo } from './testkit.ts';

reportsTest(
  'RBAC: a department sees its own reports; oversight reads submitted ones and edits none',
  'base',
  async (k) => {
    const { t, staff, oversight, other, advisor, deptId, call, ok, refused, actorOf } = k;
    // The bureau's report is published and a revision of it is in progress.
    const published = await reportTo(k, 'published');
    await ok(staff, 'PUT', '/api/reports/2025', {
      baseVersionId: published.version.id,
      content: published.document,
      revise: { reason: '更正导语' },
    });
    const otherDept = (
      await queryRows<{ id: string }>(
        t.ctx.db,
        sql`select id from organisations where name = '示范市农业农村局'`,
      )
    )[0].id;
    await ok(other, 'POST', '/api/reports/2025');
    assert.equal((await ok(other, 'GET', '/api/reports/2025')).department.name, '示范市农业农村局');
    // Another department's report: not visible to staff at all, to oversight only once submitted.
    assert.equal(
      (await call(staff, 'GET', `/api/reports/2025?department=${otherDept}`)).statusCode,
      403,
    );
    assert.equal(
      (await call(oversight, 'GET', `/api/reports/2025?department=${otherDept}`)).statusCode,
      404,
    );
    const read = await ok(oversight, 'GET', `/api/reports/2025?department=${deptId}`);
    assert.equal(read.editable, false);
    assert.ok(
      Object.values(read.acts).every((a) => a === false),
      'oversight reads the report and does none of its acts',
    );
    assert.equal(
      read.version.seq,
      2,
      'oversight reads the submitted version, not the revision in progress',
    );
    assert.equal(read.caseId, null);
    for (const [method, url, body] of [
      ['PUT', '/api/reports/2025', { baseVersionId: read.version.id, content: read.document }],
      [
        'POST',
        '/api/reports/2025/approve',
        { meetingKind: 'partyGroup', meetingOn: '2026-02-09', session: '第1次', on: '2026-02-09' },
      ],
      ['POST', '/api/reports/2025', undefined],
    ] as const)
      await refused(oversight, method, url, body, 403);
    // The 法律顾问 cannot ask for the report's 保密审查 (not one who keeps the report).
    const { caseId } = await ok(k.staff, 'GET', '/api/reports/2025');
    assert.ok(
      [403, 404].includes(
        (await call(advisor, 'POST', `/api/cases/${caseId}/secrecy-review`, { reviewerId: caseId }))
          .statusCode,
      ),
    );
    const o = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
    const states = Object.fromEntries(
      o.departments.map((d: { department: string; state: string }) => [d.department, d.state]),
    );
    assert.deepEqual(states, { 示范市科学技术局: 'published', 示范市农业农村局: 'drafting' });
    const studyInd = o.indicators.find((i: { key: string }) => i.key === 'study.sessions');
    assert.deepEqual(studyInd.values, { [deptId]: 2, [otherDept]: null });
    assert.equal((await call(staff, 'GET', '/api/reports/oversight?year=2025')).statusCode, 403);
    // A report written elsewhere (seed 004), imported by the oversight body, stands beside the generated ones.
    const seed = readFileSync(
      new URL('../../../test/fixtures/seeds/004_a43d37cc7c10f483.txt', import.meta.url),
      'utf8',
    );
    const imp = await importReport(t.ctx, await actorOf('ro'), {
      departmentId: otherDept,
      source: { kind: 'paste', text: seed },
      year: 2025,
    });
    const withImport = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
    const column = withImport.columns.find((c: { id: string }) => c.id === `import:${imp.id}`);
    assert.equal(column.kind, 'imported');
    assert.equal(
      withImport.indicators.find((i: { key: string }) => i.key === 'documents.issued').values[
        column.id
      ],
      3,
      '"共出台3件行政规范性文件"',
    );
    assert.equal(withImport.imports.length, 1);
    const xlsx = await call(oversight, 'GET', '/api/reports/oversight/export.xlsx?year=2025');
    assert.equal(xlsx.statusCode, 200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet('报送情况')!.getRow(2).getCell(2).value, '已公开');
    const sheet = wb.getWorksheet('指标对比')!;
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(1).value === '组织学法')!;
    assert.equal(row.getCell(3).value, 2);
  },
);

reportsTest(
  'the outside 法律顾问 reads none of the internal records of the department (only the matters assigned to them)',
  'base',
  async ({ staff, advisor, call }) => {
    for (const url of [
      '/api/reports/2025',
      '/api/reports/2026',
      '/api/reports/2025/versions',
      '/api/reports/2025/compare?from=00000000-0000-4000-8000-000000000001&to=00000000-0000-4000-8000-000000000002',
      '/api/reports/2025/docx',
      '/api/reports/study?year=2025',
      '/api/documents',
      '/api/documents/export.xlsx',
      '/api/documents/facts?year=2025',
      '/api/document-cleanups',
    ]) {
      const res = await call(advisor, 'GET', url);
      assert.ok(res.statusCode === 403 || res.statusCode === 404, `${url}: ${res.statusCode}`);
    }
    // The department's own staff still read them.
    assert.equal((await call(staff, 'GET', '/api/reports/study?year=2025')).statusCode, 200);
  },
);

reportsTest(
  'an oversight body sees the reports of the departments of its own government only',
  'base',
  async (k) => {
    const { t, oversight, deptId, call, ok } = k;
    await reportTo(k, 'submitted');
    await t.ctx.db.execute(
      sql`insert into organisations (id, name, kind, created_at) values (gen_random_uuid(), '邻市人民政府', 'government', now())`,
    );
    await t.ctx.db.execute(
      sql`insert into organisations (id, name, kind, parent_id, created_at) select gen_random_uuid(), '邻市司法局', 'oversight', id, now() from organisations where name = '邻市人民政府'`,
    );
    await addUser(t.ctx, {
      username: 'rneighbour',
      password: PW,
      roles: ['oversight'],
      orgName: '邻市司法局',
    });
    const neighbour = await signIn(t.app, 'rneighbour', PW);
    const theirs = await ok(neighbour, 'GET', '/api/reports/oversight?year=2025');
    assert.deepEqual(theirs.departments, [], '示范市’s departments are not 邻市司法局’s');
    const ours = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
    assert.ok(
      ours.departments.some((d: { department: string }) => d.department === '示范市科学技术局'),
    );
    // The submitted report itself: read by 示范市司法局, not by 邻市司法局.
    assert.equal(
      (await call(oversight, 'GET', `/api/reports/2025?department=${deptId}`)).statusCode,
      200,
    );
    const refused = (await call(neighbour, 'GET', `/api/reports/2025?department=${deptId}`))
      .statusCode;
    assert.ok(refused === 403 || refused === 404, String(refused));
  },
);
