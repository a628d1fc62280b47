// 信息处理费 through HTTP (国办函〔2020〕109号): the notice pauses the answer clock, the payment window lapses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../../server/testing.ts';
import { caseSteps } from '../../../core/cases/schema.ts';
import { runSweep } from '../../../core/cases/sweep.ts';
import { sweepTasks } from '../../../server/modules.ts';
import { PW } from './testkit.ts';

test(
  'fees over HTTP: the notice pauses the clock, the window lapses, 逾期未缴费 closes as 其他处理-2 in its table 三 cell; extension needs an approver',
  { timeout: 120_000 },
  async (t) => {
    const app = await createTestApp(); // 2025-03-03
    t.after(() => app.close());
    await addUser(app.ctx, {
      username: 'xxgk-fee',
      password: PW,
      roles: ['staff'],
      orgName: '办公室',
    });
    let staff = await signIn(app.app, 'xxgk-fee', PW);
    const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      app.app.inject({ method, url, headers: staff.headers, payload: payload as object });
    const letter = {
      applicantKind: 'legalPerson',
      orgType: 'research',
      name: '示范市材料研究所',
      creditCode: '12341600MB1234567X',
      address: '示范市科教路1号',
      description: '2024年度科研项目经费拨付明细',
      channel: 'registeredPost',
      signedOn: '2025-03-03',
    };
    const intake = await api('POST', '/api/disclosure/requests', letter);
    assert.equal(intake.statusCode, 200, intake.body);
    const { id, caseId } = intake.json();
    const again = await api('POST', '/api/disclosure/requests', letter);
    assert.equal(
      again.json().duplicate,
      true,
      'the same letter entered twice within minutes is one request',
    );
    assert.equal(again.json().id, id);

    const noApprover = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'extend',
      on: '2025-03-03',
      data: { workdays: 10, approver: '张主任' },
    });
    assert.equal(noApprover.statusCode, 409);
    assert.match(noApprover.json().error.message, /没有待审批的延长答复期限申请|所属业务页面/);

    // 150 yuan for 45 pages; the applicant receives the notice on 3-04 and has until 4-01 (20 WD) to pay.
    const notice = await api('POST', `/api/disclosure/requests/${id}/fee-notice`, {
      on: '2025-03-03',
      method: 'perPage',
      pages: 45,
      deliveredOn: '2025-03-04',
    });
    assert.equal(notice.statusCode, 200, notice.body);
    const clock = (d: { clocks: { clock: string }[] }, c: string) =>
      d.clocks.find((x) => x.clock === c) as { state: string; due?: string } | undefined;
    let d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(clock(d, 'answer')!.state, 'paused');
    assert.equal(clock(d, 'feePayment')!.due, '2025-04-01');
    const code = d.request.trackingCode as string;
    const page = await app.app.inject({ url: `/xxgk/track/${code}` });
    assert.match(page.body, /等待申请人缴纳信息处理费/);
    assert.match(page.body, /2025年4月1日/);

    const answerStep = async () =>
      (
        await app.ctx.db
          .select()
          .from(caseSteps)
          .where(
            and(
              eq(caseSteps.caseId, caseId),
              eq(caseSteps.step, 'answer'),
              eq(caseSteps.status, 'open'),
            ),
          )
      )[0];
    assert.equal((await answerStep()).dueDate, null, 'paused: no due date in 我的待办');

    app.clock.set('2025-04-02T02:00:00.000Z');
    // The sweep resumes the answer step once the payment window has lapsed (no act is recorded then).
    const swept = await runSweep(app.ctx, sweepTasks);
    assert.equal(swept.results.disclosurePausesLapsed, 1);
    assert.ok(
      (await answerStep()).dueDate! > '2025-04-02',
      'the answer step carries its due date again',
    );
    assert.equal(
      (await runSweep(app.ctx, sweepTasks)).results.disclosurePausesLapsed,
      0,
      'idempotent',
    );
    staff = await signIn(app.app, 'xxgk-fee', PW);
    d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(clock(d, 'answer')!.state, 'running', 'the pause ended with the payment window');
    const late = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'feePaid',
      on: '2025-04-02',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().error.message, /视为放弃申请/);
    const unpaid = await api('POST', `/api/cases/${caseId}/actions`, {
      action: 'feeUnpaid',
      on: '2025-04-02',
    });
    assert.equal(unpaid.statusCode, 200, unpaid.body);
    d = (await api('GET', `/api/disclosure/requests/${id}`)).json();
    assert.equal(d.case.outcome, 'other2');
    assert.match((await app.app.inject({ url: `/xxgk/track/${code}` })).body, /已办结/);
    const answer = await api('POST', `/api/disclosure/requests/${id}/answer`, {
      on: '2025-04-02',
      outcome: 'disclose',
    });
    assert.equal(answer.statusCode, 409, 'a closed request cannot be answered');

    const report = (await api('GET', '/api/disclosure/reports/2025')).json();
    const row = report.tables.table3.find((r: { key: string }) => r.key === 'other2')
      .cells as number[];
    assert.deepEqual(row, [0, 0, 1, 0, 0, 0, 1], '其他处理-2 × 科研机构');
    assert.deepEqual(report.violations, []);
    const cell = (
      await api('GET', '/api/disclosure/reports/2025/cell?row=other2&col=research')
    ).json();
    assert.deepEqual(
      cell.map((c: { id: string }) => c.id),
      [id],
    );
  },
);
