// Issue 13 item 9: a step waiting on a paused clock is 已暂停 with the reason, never 已完成 nor a bare “—”:
// the answer to a 依申请公开 while the applicant supplements it (条例第三十条) and while a third party is
// consulted (条例第三十二条, 第三十三条第三款). The states come from the engine (pausedSteps, OpenStep.pause).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: Awaited<ReturnType<typeof signIn>>;
const { ok, day } = testApi(() => t, []);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  await addUser(t.ctx, { username: 'ps', password: 'Staff-pass-2025', roles: ['staff'] });
  staff = await signIn(t.app, 'ps', 'Staff-pass-2025');
});
after(() => t.close());

type Step = {
  stepCode: string;
  status: string;
  dueDate: string | null;
  explanation: string;
  doneOn: string | null;
};
const answerRows = async (caseId: string): Promise<Step[]> =>
  (await ok(staff, 'GET', `/api/cases/${caseId}`)).steps.filter(
    (s: Step) => s.stepCode === 'answer',
  );

async function intake(description: string) {
  const r = await ok(staff, 'POST', '/api/disclosure/requests', {
    channel: 'inPerson',
    receivedOn: '2025-03-03',
    applicantKind: 'naturalPerson',
    name: '王五',
    idNumber: '110101198001010022',
    phone: '13700000000',
    description,
    form: 'paper',
    delivery: 'post',
  });
  const detail = await ok(staff, 'GET', `/api/disclosure/requests/${r.id}`);
  return detail.case.id as string;
}

test('while the applicant supplements the request, the answer step is 已暂停 with the reason, then runs again from the 补正', async () => {
  const caseId = await intake('2024年度科技项目验收结果');
  assert.deepEqual(
    (await answerRows(caseId)).map((s) => [s.status, s.dueDate]),
    [['open', '2025-03-31']],
  );
  await day('2025-03-04');
  await ok(staff, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'supplementRequest',
    on: '2025-03-04',
    data: { items: '请明确所需信息的名称', supplementDueOn: '2025-03-18' },
  });
  const paused = await answerRows(caseId);
  assert.equal(paused.length, 1, 'one row, not a finished one and a new one');
  assert.equal(paused[0].status, 'paused');
  assert.equal(paused[0].doneOn, null);
  assert.equal(paused[0].dueDate, null);
  assert.match(paused[0].explanation, /期限暂停计算（等待申请人补正，自2025年3月4日起）/);
  // Not in 我的待办 while the applicant holds the file.
  assert.ok(!JSON.stringify(await ok(staff, 'GET', '/api/worklist')).includes(caseId));
  await day('2025-03-10');
  await ok(staff, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'supplementReceived',
    on: '2025-03-10',
    data: {},
  });
  const again = await answerRows(caseId);
  assert.deepEqual(
    again.map((s) => [s.status, s.dueDate]),
    [['open', '2025-04-08']],
    '20 working days from the 补正, 清明 skipped',
  );
});

test('while a third party is consulted, the answer step is 已暂停 with the reason (still in the worklist, no due date)', async () => {
  const caseId = await intake('某企业申报材料中的技术参数');
  await ok(staff, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'thirdPartyConsult',
    on: '2025-03-10',
    data: { thirdParty: '某科技公司' },
  });
  const [row] = await answerRows(caseId);
  assert.equal(row.status, 'paused');
  assert.equal(row.dueDate, null);
  assert.match(row.explanation, /期限暂停计算（征求第三方意见，自2025年3月10日起）/);
  await day('2025-03-12');
  await ok(staff, 'POST', `/api/cases/${caseId}/actions`, {
    action: 'thirdPartyReplied',
    on: '2025-03-12',
    data: { opinion: 'consent' },
  });
  const [resumed] = await answerRows(caseId);
  assert.equal(resumed.status, 'open');
  assert.ok(resumed.dueDate);
});
