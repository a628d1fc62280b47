// 行政复议 / 行政应诉 through the staff API: registration against the bureau's own records, the answer
// clock in 我的待办, evidence gathered during the case refused (复议法 Art 46), a late answer accepted and
// marked, an outcome before a hearing refused, table 四 of the disclosure report and the facts following
// the records, the 答复书 .docx, and who may see what.
// Each test builds its own app and takes its own case to the stage it is about (testkit.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { answeredLate, litigationApp, RECON, registered, suitFiled } from './testkit.ts';

test('a 复议 is registered against a disclosure answer; its 10-working-day answer clock is in 我的待办', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal, requestId } = l;
  const targets = await api.ok(legal, 'GET', '/api/litigation/targets?module=disclosureRequest');
  assert.ok(
    targets.some((x: { id: string }) => x.id === requestId),
    "the department's requests are offered",
  );
  const v = await registered(l);
  assert.equal(v.record.act.module, 'disclosureRequest');
  assert.equal(v.record.act.path, `/disclosure/requests/${requestId}`);
  assert.match(v.record.actTitle, /^政府信息公开申请答复：/);
  assert.equal(v.statusLabel, '待提交书面答复');
  const answer = v.clocks.find((c: { clock: string }) => c.clock === 'answer');
  assert.equal(answer.due, '2025-03-17');
  const work = await api.ok(legal, 'GET', '/api/worklist');
  assert.ok(JSON.stringify(work).includes('提交书面答复和证据'), '我的待办 lists the answer');
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, actRecordId: requestId },
    409,
    /案号：示政复〔2025〕3号已经登记/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'x1', actRecordId: '00000000-0000-4000-8000-000000000001' },
    400,
    /本部门没有该政府信息公开申请答复/,
  );
  await api.refused(
    legal,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'x2', actModule: null, actTitle: '' },
    400,
    /被复议（诉讼）的行政行为：必填/,
  );
});

test('bad input: a suit without the receipt date; evidence gathered during the 复议 — refused, nothing changed', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal } = l;
  const reconId = (await registered(l)).record.id;
  await api.refused(
    legal,
    'POST',
    '/api/litigation/lawsuits',
    {
      caseNo: '（2025）皖1602行初1号',
      applicant: '赵某',
      body: '示范市人民法院',
      actTitle: '行政处罚决定',
    },
    400,
    /收到起诉状副本日期/,
  );
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${reconId}/acts`,
    {
      action: 'answer',
      on: '2025-03-03',
      data: { summary: '答复' },
      evidence: [{ title: '补充调查笔录', gatheredOn: '2025-02-25' }],
    },
    400,
    /补充调查笔录.*第四十六条/,
  );
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${reconId}/acts`,
    { action: 'answer', on: '2025-03-03', data: {} },
    409,
    /答复要点/,
  );
});

test('an answer after the 10 working days is accepted, marked late and counted; the 答复书 is a 公文', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal } = l;
  const reconId = await answeredLate(l); // on 2025-03-18
  const v = await api.ok(legal, 'GET', `/api/litigation/${reconId}`);
  assert.equal(v.record.answerLate, true);
  assert.equal(v.record.answerDue, '2025-03-17');
  assert.equal(v.statusLabel, '复议审理中');
  const facts = await api.ok(legal, 'GET', '/api/litigation/facts?year=2025');
  assert.equal(
    facts.facts.find((f: { key: string }) => f.key === 'litigation.answersLate').value,
    1,
  );
  const late = await api.ok(legal, 'GET', '/api/litigation?answeredIn=2025&late=true');
  assert.deepEqual(
    late.map((r: { id: string }) => r.id),
    [reconId],
  );
  const docx = await api.call(legal, 'GET', `/api/litigation/${reconId}/answer.docx`);
  assert.equal(docx.statusCode, 200);
  const body = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
  for (const s of [
    '行政复议答复书',
    '申请人李某不服本机关',
    '2025年3月3日收到行政复议申请书副本',
    '答复程序合法。',
    '政府信息公开申请登记表',
    '示范市科学技术局',
    '2025年3月18日',
  ])
    assert.ok(body.includes(s), s);
});

test('the decision changes table 四 of the disclosure report and the 纠错率; the cell lists the case', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal, leader } = l;
  const reconId = await answeredLate(l);
  const before = await api.ok(legal, 'GET', '/api/disclosure/reports/2025');
  assert.deepEqual(before.tables.table4, [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  await api.ok(leader, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'hearingNotice',
    on: '2025-03-18',
    data: { hearingOn: '2025-03-25', headAttends: false, delegate: '政策法规科 李静' },
  });
  const v = await api.ok(leader, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'decide',
    on: '2025-03-18',
    data: { decision: 'revoke', correctionRequired: true },
  });
  assert.equal(v.record.result.category, 'corrected');
  assert.ok(
    v.openSteps.some((s: { step: string }) => s.step === 'correct'),
    'the correction is due',
  );
  const after = await api.ok(legal, 'GET', '/api/disclosure/reports/2025');
  assert.deepEqual(after.tables.table4, [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(after.violations.length, 0);
  const cell = await api.ok(legal, 'GET', '/api/litigation/table4?year=2025&group=0&column=1');
  assert.deepEqual(
    cell.cases.map((c: { id: string }) => c.id),
    [reconId],
  );
  const facts = (await api.ok(legal, 'GET', '/api/litigation/facts?year=2025')).facts;
  assert.equal(
    facts.find((f: { key: string }) => f.key === 'litigation.reconsideration.correctionRate').value,
    100,
  );
  // The 法治政府建设年度报告 reads the same fact.
  const report = await api.call(leader, 'POST', '/api/reports/2025');
  assert.equal(report.statusCode, 200, report.body);
  assert.ok(report.body.includes('行政复议纠错率100%'), 'the annual report carries the figure');
  await api.ok(legal, 'POST', `/api/litigation/${reconId}/acts`, {
    action: 'correct',
    on: '2025-03-18',
    data: { measures: '重新作出答复' },
  });
});

test('a suit: answer within 15 days, an outcome before a hearing refused, the 出庭 rate, the appeal window', async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal } = l;
  const v = await suitFiled(l); // on 2025-03-18
  const suitId = v.record.id;
  assert.equal(v.clocks.find((c: { clock: string }) => c.clock === 'defence').due, '2025-04-02');
  await api.ok(legal, 'POST', `/api/litigation/${suitId}/acts`, {
    action: 'defend',
    on: '2025-03-18',
    data: { summary: '请求驳回原告诉讼请求' },
  });
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${suitId}/acts`,
    { action: 'judgment', on: '2025-03-18', data: { result: 'rejectClaims' } },
    409,
    /尚未登记开庭/,
  );
  await api.refused(
    legal,
    'POST',
    `/api/litigation/${suitId}/acts`,
    { action: 'hearing', on: '2025-03-18', data: { instance: 'first', headAppeared: false } },
    409,
    /委托出庭人员/,
  );
  await api.ok(legal, 'POST', `/api/litigation/${suitId}/acts`, {
    action: 'hearing',
    on: '2025-03-18',
    data: { instance: 'first', headAppeared: true },
  });
  const j = await api.ok(legal, 'POST', `/api/litigation/${suitId}/acts`, {
    action: 'judgment',
    on: '2025-03-18',
    data: { result: 'rejectClaims' },
  });
  assert.equal(
    j.clocks.find((c: { clock: string }) => c.clock === 'appealJudgment').due,
    '2025-04-02',
  );
  const report = await api.ok(legal, 'GET', '/api/disclosure/reports/2025');
  assert.deepEqual(report.tables.table4.slice(10), [1, 0, 0, 0, 1], '复议后起诉: 维持');
  const facts = (await api.ok(legal, 'GET', '/api/litigation/facts?year=2025')).facts;
  assert.equal(
    facts.find((f: { key: string }) => f.key === 'litigation.headAppearanceRate').value,
    100,
  );
  assert.equal((await api.ok(legal, 'GET', '/api/litigation/hearings?year=2025')).length, 1);
});

test("who may see and act: the legal office and leaders act, the department's staff read, others 404", async (tc) => {
  const l = await litigationApp(tc);
  const { api, legal, staff, advisor } = l;
  const reconId = (await registered(l)).record.id;
  const suitId = (await suitFiled(l)).record.id;
  assert.equal((await api.ok(staff, 'GET', '/api/litigation')).length, 2);
  await api.ok(staff, 'GET', `/api/litigation/${reconId}`);
  assert.equal((await api.ok(staff, 'GET', `/api/litigation/${reconId}`)).actions.length, 0);
  await api.refused(
    staff,
    'POST',
    '/api/litigation/reconsiderations',
    { ...RECON, caseNo: 'y1' },
    403,
    /无权/,
  );
  await api.refused(
    staff,
    'POST',
    `/api/litigation/${suitId}/acts`,
    { action: 'noAppeal', on: '2025-03-18' },
    404,
    /不存在或无权访问/,
  );
  assert.equal((await api.call(advisor, 'GET', '/api/litigation')).statusCode, 403);
  assert.equal((await api.call(advisor, 'GET', `/api/litigation/${reconId}`)).statusCode, 404);
  assert.equal(
    (await api.call(advisor, 'GET', `/api/litigation/${reconId}/answer.docx`)).statusCode,
    404,
  );
  const me = await api.ok(legal, 'GET', '/api/auth/session');
  assert.equal(JSON.stringify(me).includes('"manageLitigation":true'), true);
});
