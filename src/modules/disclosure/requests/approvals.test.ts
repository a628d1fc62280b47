// Issue 13 item 11: approvals of a 依申请公开 request are acts of the approving account, not names typed by the
// clerk. The clerk asks for 延长答复期限 (条例 Art 33 ¶2) or 审签 of the answer; the request waits in the approver's
// 我的待办; the approver (by default a 局领导; the role is a setting) consents or refuses in their own session,
// never on their own ask; the act is in the audit chain under the approver's account; it takes effect only then.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp } from '../../../server/testing.ts';
import { testApi, type Session } from '../../../server/testApi.ts';
import { signIn } from '../../../server/testing.ts';
import { queryRows } from '../../../core/db/client.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const { ok, refused, call } = testApi(() => t, ['case_events', 'audit_events']);
const PW = 'Approve-pass-2025';
let clerk: Session, leader: Session, leader2: Session, legal: Session, sys: Session;
let leaderId = '';
let id = '';

before(async () => {
  t = await createTestApp(); // 2025-03-03
  await addUser(t.ctx, { username: 'ap-clerk', password: PW, roles: ['staff'], orgName: '办公室' });
  leaderId = await addUser(t.ctx, {
    username: 'ap-lead',
    password: PW,
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, {
    username: 'ap-lead2',
    password: PW,
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  await addUser(t.ctx, {
    username: 'ap-legal',
    password: PW,
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'ap-sys',
    password: PW,
    roles: ['sysAdmin'],
    orgName: '办公室',
  });
  [clerk, leader, leader2, legal, sys] = await Promise.all(
    ['ap-clerk', 'ap-lead', 'ap-lead2', 'ap-legal', 'ap-sys'].map((u) => signIn(t.app, u, PW)),
  );
  const intake = await ok(clerk, 'POST', '/api/disclosure/requests', {
    channel: 'inPerson',
    receivedOn: '2025-03-03',
    applicantKind: 'naturalPerson',
    name: '吴某',
    idType: 'idCard',
    idNumber: '110101199001010011',
    phone: '13800000009',
    description: '2024年度科技特派员名单',
  });
  id = intake.id;
});
after(() => t.close());

const steps = async (who: Session) =>
  (await ok(who, 'GET', '/api/worklist')).items.map(
    (i: { stepLabel: string; caseTitle: string }) => i.stepLabel,
  );
const dueOf = async () =>
  (await ok(clerk, 'GET', `/api/disclosure/requests/${id}`)).clocks.find(
    (c: { clock: string }) => c.clock === 'answer',
  ).due as string;

test("延长答复期限: asked by the clerk, waiting in the leader's 我的待办, effective only when the leader consents", async () => {
  const due = await dueOf();
  // The clerk can no longer type an approver's name: the generic act is refused.
  const detail = await ok(clerk, 'GET', `/api/disclosure/requests/${id}`);
  await refused(
    clerk,
    'POST',
    `/api/cases/${detail.case.id}/actions`,
    {
      action: 'extend',
      on: '2025-03-03',
      data: { workdays: 10, approver: '张主任', noticeOn: '2025-03-03', reason: 'x' },
    },
    409,
    /没有待审批的延长答复期限申请|所属业务页面/,
  );
  const asked = await ok(clerk, 'POST', `/api/disclosure/requests/${id}/extension`, {
    on: '2025-03-03',
    workdays: 10,
    reason: '需要调取档案',
  });
  assert.equal(asked.approval.pending.kind, 'extension');
  assert.equal(asked.approval.mayDecide, false, 'the clerk does not decide their own ask');
  assert.equal(await dueOf(), due, 'asked for, not granted: the period is unchanged');
  assert.ok(
    (await steps(leader)).includes('审批延长答复期限'),
    "the ask waits in the leader's 我的待办",
  );
  assert.ok(!(await steps(clerk)).includes('审批延长答复期限'));
  // Not the approver role: refused with the reason.
  await refused(
    clerk,
    'POST',
    `/api/disclosure/requests/${id}/extension/decision`,
    { on: '2025-03-03', approve: true },
    403,
    /须由局领导审批/,
  );
  await refused(
    leader,
    'POST',
    `/api/disclosure/requests/${id}/extension/decision`,
    { on: '2025-03-03', approve: false },
    400,
    /审批意见：不同意或退回时必填/,
  );
  const view = await ok(leader, 'GET', `/api/disclosure/requests/${id}`);
  assert.equal(view.approval.mayDecide, true);
  const granted = await ok(leader, 'POST', `/api/disclosure/requests/${id}/extension/decision`, {
    on: '2025-03-03',
    approve: true,
    opinion: '同意延长10个工作日',
  });
  assert.equal(granted.approval.pending, null);
  assert.equal(await dueOf(), t.ctx.calendar.current().addWorkdays(due, 10));
  assert.ok(!(await steps(leader)).includes('审批延长答复期限'), 'decided: gone from 我的待办');
  assert.ok(
    (await steps(clerk)).includes('告知申请人延长答复期限'),
    'the clerk tells the applicant next',
  );
  // The consent is the leader's act in the audit chain.
  const [row] = await queryRows<{ actor_id: string; payload: { data: { workdays: number } } }>(
    t.ctx.db,
    sql`select actor_id, payload from audit_events where action = 'case.extend' order by seq desc limit 1`,
  );
  assert.equal(row.actor_id, leaderId);
  assert.equal(row.payload.data.workdays, 10);
});

test('答复 needs 审签: the draft answers nothing; a leader cannot sign off their own draft; another leader can', async () => {
  const drafted = await ok(leader, 'POST', `/api/disclosure/requests/${id}/answer`, {
    on: '2025-03-03',
    outcome: 'disclose',
    delivery: 'email',
  });
  assert.equal(drafted.case.status, 'open');
  assert.equal(
    (await call(clerk, 'GET', `/api/disclosure/requests/${id}/reply-letter`)).statusCode,
    409,
    'no 答复书 before 审签',
  );
  await refused(
    leader,
    'POST',
    `/api/disclosure/requests/${id}/answer/decision`,
    { on: '2025-03-03', approve: true },
    409,
    /不能审批本人提出的答复审签申请/,
  );
  const returned = await ok(leader2, 'POST', `/api/disclosure/requests/${id}/answer/decision`, {
    on: '2025-03-03',
    approve: false,
    opinion: '请写明公开方式',
  });
  assert.equal(returned.case.status, 'open');
  await ok(clerk, 'POST', `/api/disclosure/requests/${id}/answer`, {
    on: '2025-03-03',
    outcome: 'disclose',
    delivery: 'email',
    reasons: '以电子邮件方式提供',
  });
  assert.ok((await steps(leader)).includes('审签答复'));
  const signed = await ok(leader, 'POST', `/api/disclosure/requests/${id}/answer/decision`, {
    on: '2025-03-03',
    approve: true,
  });
  assert.equal(signed.case.status, 'closed');
  assert.equal(signed.case.outcome, 'disclose');
  assert.equal(signed.answer.reasons, '以电子邮件方式提供', 'the signed-off draft is the answer');
});

test('the approver role is a setting (系统管理员): with 法制审核人员 configured, the ask waits in their 我的待办 and only they approve', async () => {
  // reviewDays: the 主动公开 保密审查's working days (publications/review.ts), in the same setting.
  assert.deepEqual(await ok(sys, 'GET', '/api/settings/disclosure-approval'), {
    approverRole: 'leader',
    reviewDays: 5,
  });
  await refused(
    clerk,
    'PUT',
    '/api/settings/disclosure-approval',
    { approverRole: 'staff' },
    403,
    /./,
  );
  await ok(sys, 'PUT', '/api/settings/disclosure-approval', { approverRole: 'legalOfficer' });
  const other = await ok(clerk, 'POST', '/api/disclosure/requests', {
    channel: 'inPerson',
    receivedOn: '2025-03-03',
    applicantKind: 'naturalPerson',
    name: '郑某',
    idType: 'idCard',
    idNumber: '110101199001010022',
    phone: '13800000010',
    description: '2024年度创新券兑付情况',
  });
  await ok(clerk, 'POST', `/api/disclosure/requests/${other.id}/extension`, {
    on: '2025-03-03',
    workdays: 5,
    reason: '需要汇总数据',
  });
  assert.ok((await steps(legal)).includes('审批延长答复期限'));
  assert.ok(!(await steps(leader)).includes('审批延长答复期限'));
  await refused(
    leader,
    'POST',
    `/api/disclosure/requests/${other.id}/extension/decision`,
    { on: '2025-03-03', approve: true },
    403,
    /须由法制审核人员审批/,
  );
  await ok(sys, 'PUT', '/api/settings/disclosure-approval', { approverRole: 'leader' });
});
