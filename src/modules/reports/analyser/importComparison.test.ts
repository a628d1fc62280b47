// What the oversight view compares across imported reports: text repeated from the department's
// previous report, corrections (audited), the side-by-side rows, and indicators that are Fact keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../core/db/client.ts';
import { overseenDepartments } from '../../../core/orgs/service.ts';
import { factProviders } from '../../../server/modules.ts';
import { createBaseContext, orgIdByName } from '../../../server/testing.ts';
import { listImportedReports } from './service.ts';
import { RECOGNISED_KEYS } from './indicators.ts';
import { importsTest, S001, S003, S004, seed } from './testkit.ts';

importsTest(
  'text repeated from the department’s previous report is flagged; a correction is audited',
  async ({ t, staff, imported, view, paste, patch }) => {
    await imported(staff, '市科技局2023年法治政府建设情况报告.txt', seed(S004));
    const text2024 = seed(S004)
      .toString('utf8')
      .replace(/2023/g, '2024')
      .replace(/2024年推进/, '2025年推进')
      .replace('2477', '2650');
    const res = await paste(staff, { text: text2024 });
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

    const patched = await patch(staff, v.id, { orgName: '示范市科学技术局', year: 2025 });
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
    const bad = await patch(staff, v.id, { year: 'abc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /报告年度/);
  },
);

importsTest(
  'listImportedReports: the oversight view’s side-by-side rows, filtered by year, organisation and department',
  async (k) => {
    const { t, staff, otherDept, oversight, bureauId, educationId, imported } = k;
    // One report of 示范市科学技术局, two of 示范市教育局 (one imported by oversight), one of 邻市.
    await imported(staff, '市科技局2023年法治政府建设情况报告.txt', seed(S004));
    await imported(otherDept, '教育局报告.txt', seed(S001));
    await imported(oversight, 'r.txt', seed(S003), `?departmentId=${educationId}`);
    const { neighbour, neighbourDeptId } = await k.neighbourCity();
    await imported(neighbour, 'r.txt', seed(S003), `?departmentId=${neighbourDeptId}`);

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
    const justice = await orgIdByName(t.ctx, '示范市司法局');
    const overseen = [justice, ...(await overseenDepartments(t.ctx.db, justice)).map((d) => d.id)];
    assert.ok(
      overseen.includes(educationId) && overseen.includes(bureauId) && overseen.length === 3,
    );
    const [{ n: neighbours }] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from report_imports i join organisations o on o.id = i.department_id where o.name like '邻市%'`,
    );
    assert.ok(neighbours > 0, 'the other city has an import (imported above)');
    assert.equal(
      (await listImportedReports(t.ctx.db, { departmentIds: overseen })).length,
      (await listImportedReports(t.ctx.db, {})).length - neighbours,
    );
  },
);

test('every indicator the analyser recognises is a Fact key some module computes', async () => {
  // No records: a key must be computed whether or not anything is recorded.
  const t = await createBaseContext();
  try {
    const bureauId = await orgIdByName(t.ctx, '示范市科学技术局');
    const keys = new Set<string>();
    for (const p of factProviders)
      for (const f of await p.facts(t.ctx, bureauId, 2024)) keys.add(f.key);
    for (const k of RECOGNISED_KEYS) assert.ok(keys.has(k), `${k} is not a registered fact`);
  } finally {
    await t.close();
  }
});
