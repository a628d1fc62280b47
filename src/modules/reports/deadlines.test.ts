// 法治政府建设年度报告 through the API on a real database, the deadlines and the template: 我的待办 and
// the sweep's reminders before and after 3月1日, and the deployment's template (its parts' order, set
// by the 系统管理员 only) for new reports, with last year's plans as a reference.
// Each test makes its own reports (./testkit.ts over server/testing.ts, which puts this file in the
// runner's PostgreSQL pass too).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { addUser, signIn } from '../../server/testing.ts';
import { queryRows } from '../../core/db/client.ts';
import { runSweep } from '../../core/cases/sweep.ts';
import { sweepTasks } from '../../server/modules.ts';
import type { Block } from './document.ts';
import { PW, reportsTest, reportTo } from './testkit.ts';

reportsTest(
  'deadlines: 我的待办 shows them, the sweep reminds before and after 3月1日, a late submission is late',
  'base',
  async ({ t, oversight, other, deptId, ok, day }) => {
    await ok(other, 'POST', '/api/reports/2025');
    await day('2026-02-27'); // within 3 working days of 3月1日
    await runSweep(t.ctx, sweepTasks);
    const notes = await queryRows<{ kind: string; message: string }>(
      t.ctx.db,
      sql`select n.kind, n.message from notifications n join cases c on c.id = n.case_id where c.procedure = 'ruleOfLawReport' and c.department_id <> ${deptId}`,
    );
    assert.ok(
      notes.some((n) => n.kind === 'dueSoon' && /报送法治政府建设年度报告/.test(n.message)),
      JSON.stringify(notes),
    );
    await day('2026-03-02');
    await runSweep(t.ctx, sweepTasks);
    const overdue = await queryRows<{ kind: string }>(
      t.ctx.db,
      sql`select n.kind from notifications n join cases c on c.id = n.case_id where c.procedure = 'ruleOfLawReport' and n.kind = 'overdue'`,
    );
    assert.ok(overdue.length >= 1);
    const o = await ok(oversight, 'GET', '/api/reports/oversight?year=2025');
    assert.equal(
      o.departments.find((d: { department: string }) => d.department === '示范市农业农村局').state,
      'overdue',
    );
    const worklist = await ok(other, 'GET', '/api/worklist');
    assert.ok(
      worklist.items.some(
        (i: { stepLabel: string; overdue: boolean }) =>
          i.stepLabel === '报送法治政府建设年度报告' && i.overdue,
      ),
    );
  },
);

reportsTest(
  'the template puts the 第一责任人 part second (seed 004) for new reports; only the 系统管理员 sets it (one per deployment)',
  'base',
  async (k) => {
    const { t, staff, leader, oversight, call, ok, refused } = k;
    await reportTo(k, 'published');
    await addUser(t.ctx, {
      username: 'rsys',
      password: PW,
      roles: ['sysAdmin'],
      orgName: '办公室',
    });
    const sys = await signIn(t.app, 'rsys', PW);
    const tpl = await ok(staff, 'GET', '/api/reports/template');
    assert.deepEqual((await ok(oversight, 'GET', '/api/reports/template')).value, tpl.value);
    const parts = tpl.value.parts as Array<{ code: string; heading: string }>;
    const reordered = { ...tpl.value, parts: [parts[0], parts[2], parts[1], parts[3], parts[4]] };
    await refused(staff, 'PUT', '/api/reports/template', reordered, 403);
    await refused(leader, 'PUT', '/api/reports/template', reordered, 403);
    // An oversight body would change every city's deadlines: refused, nothing changed.
    await refused(
      oversight,
      'PUT',
      '/api/reports/template',
      { ...tpl.value, submitBy: '02-01' },
      403,
    );
    assert.equal((await ok(staff, 'GET', '/api/reports/template')).value.submitBy, '03-01');
    const bad = await call(sys, 'PUT', '/api/reports/template', {
      ...tpl.value,
      parts: [parts[0], parts[0], parts[1], parts[3], parts[4]],
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /五个部分各出现一次/);
    await ok(sys, 'PUT', '/api/reports/template', reordered);
    const v = await ok(staff, 'POST', '/api/reports/2024');
    assert.deepEqual(
      v.document.parts.map((p: { code: string }) => p.code),
      ['measures', 'firstResponsible', 'shortcomings', 'plans', 'other'],
    );
    assert.equal(
      v.deadlines.steps.find((s: { step: string }) => s.step === 'submit').overdue,
      true,
      'the 2024 report was due 2025-03-01',
    );
    // Last year's plan items (the published 2025 report) are a reference beside the 2026 report's part (四),
    // not its content (issue 13 item 10: they were copied in as if they were 2026's plans).
    const next = await ok(staff, 'POST', '/api/reports/2026');
    const plans = next.document.parts
      .find((p: { code: string }) => p.code === 'plans')
      .blocks.map((b: Block) => b.inlines.map((i) => (i.t === 'fact' ? '' : i.text)).join(''));
    assert.deepEqual(plans.filter(Boolean), [], 'part (四) starts empty, with a hint');
    assert.deepEqual(next.planReference, {
      year: 2025,
      paragraphs: [
        { kind: 'h2', text: '深入学习宣传贯彻习近平法治思想' },
        { kind: 'p', text: '全年组织会前学法不少于4次。' },
      ],
    });
  },
);
