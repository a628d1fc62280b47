/**
 * 合法性审查, from the registry to a matter in review: the legal office keeps its advisors, a 科室
 * submits (due dates per type), the legal office assigns reviewers, and an advisor sees only what is
 * assigned to them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { multipartBody } from '../disclosure/publications/testkit.ts';
import {
  account,
  advisorA,
  advisorB,
  assignedContract,
  CONTRACT,
  DECISION,
  expiredAdvisor,
  registered,
  reviewsKit,
  submitted,
} from './testkit.ts';

const k = reviewsKit();
const { call, ok, refused } = k;

test('advisor registry: the legal office keeps it; bad terms, duplicate licences and wrong accounts are refused', async () => {
  const { staff, legal, leader, advisor, legal2Id, advisorUserId } = k;
  await refused(staff, 'POST', '/api/legal-advisors', advisorA, 403, /无权/);
  await refused(
    legal,
    'POST',
    '/api/legal-advisors',
    { ...advisorA, termEnd: '2024-12-31' },
    400,
    /聘任截止日期：不能早于起始日期/,
  );
  await refused(
    legal,
    'POST',
    '/api/legal-advisors',
    { ...advisorA, licenceNumber: '证号' },
    400,
    /执业证号/,
  );
  await refused(
    legal,
    'POST',
    '/api/legal-advisors',
    { ...advisorA, userId: legal2Id },
    400,
    /应为本部门具有“法律顾问\/公职律师”角色的账号/,
  );
  const advisorAId = (
    await ok(legal, 'POST', '/api/legal-advisors', { ...advisorA, userId: advisorUserId })
  ).id;
  const advisorBId = (await ok(legal, 'POST', '/api/legal-advisors', advisorB)).id;
  const expiredId = (await ok(legal, 'POST', '/api/legal-advisors', expiredAdvisor)).id;
  await refused(
    legal,
    'POST',
    '/api/legal-advisors',
    { ...advisorB, name: '重复' },
    400,
    /执业证号：已在名册中/,
  );
  const list = (await ok(leader, 'GET', '/api/legal-advisors')).items.filter((a: { id: string }) =>
    [advisorAId, advisorBId, expiredId].includes(a.id),
  );
  assert.deepEqual(
    list
      .map((a: { name: string; kindLabel: string; inTerm: boolean }) => [
        a.name,
        a.kindLabel,
        a.inTerm,
      ])
      .sort(),
    [
      ['吴过期', '公职律师', false],
      ['周武', '公职律师', true],
      ['陈明', '法律顾问', true],
    ],
  );
  assert.equal((await call(advisor, 'GET', '/api/legal-advisors')).statusCode, 403);
});

test('submitting: 重大行政决策 must leave ≥ 7 working days (条例第二十六条); due dates per type on the official calendar', async () => {
  const { t, staff, otherDivision, legal } = k;
  const decision = { type: 'majorDecision', title: DECISION, requestedBy: '2025-03-11' };
  await refused(
    staff,
    'POST',
    '/api/reviews',
    decision,
    400,
    /重大行政决策的合法性审查应当为审查机构预留不少于7个工作日.*仅有6个工作日/,
  );
  await refused(
    staff,
    'POST',
    '/api/reviews',
    { ...decision, requestedBy: '2025-02-28' },
    400,
    /不能早于送审日期/,
  );
  await refused(staff, 'POST', '/api/reviews', { ...decision, type: 'lawsuit' }, 400, /事项类型/);
  const d = await ok(staff, 'POST', '/api/reviews', { ...decision, requestedBy: '2025-03-12' });
  assert.equal(d.matter.dueOn, '2025-03-12');
  assert.match(
    d.matter.dueExplanation,
    /送审单位要求于2025年3月12日前出具审查意见（自2025年3月3日送审起7个工作日）/,
  );
  const { payload, headers } = multipartBody(
    '科技合作协议（送审稿）.docx',
    Buffer.from('协议正文'),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  const file = (
    await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...staff.headers, ...headers },
      payload,
    })
  ).json();
  const contract = await ok(staff, 'POST', '/api/reviews', {
    type: 'contract',
    title: CONTRACT,
    summary: '请审查协议条款',
    fileIds: [file.id],
  });
  const matterId = contract.matter.id;
  assert.equal(contract.matter.dueOn, '2025-03-10', 'contracts: 5 working days by default');
  assert.match(
    contract.matter.dueExplanation,
    /合同协议合法性审查期限：自2025年3月3日次日起算5个工作日/,
  );
  assert.deepEqual(
    contract.materials.map((m: { name: string }) => m.name),
    ['科技合作协议（送审稿）.docx'],
  );
  assert.equal(contract.matter.statusLabel, '待分派');
  await refused(
    staff,
    'POST',
    '/api/reviews',
    { type: 'contract', title: '材料不存在', fileIds: ['00000000-0000-4000-8000-000000000000'] },
    400,
    /送审材料：文件不存在或无权使用/,
  );
  // The legal office sees both, soonest due first, and 我的待办 has the assignment step with the due date.
  const queue = await ok(legal, 'GET', '/api/reviews');
  const mine = queue.items
    .filter((i: { id: string }) => i.id === matterId || i.id === d.matter.id)
    .map((i: { title: string }) => i.title);
  assert.deepEqual(
    mine,
    ['与示范大学共建新型研发机构合作协议', '示范市科技创新发展“十五五”规划'],
    'soonest due first',
  );
  const work = await ok(legal, 'GET', '/api/worklist');
  const step = work.items.find(
    (i: { caseTitle: string; stepLabel: string; dueDate: string }) =>
      i.caseTitle === '与示范大学共建新型研发机构合作协议' &&
      i.stepLabel === '分派审查人员' &&
      i.dueDate === '2025-03-10',
  );
  assert.ok(step, 'in 我的待办 of the legal office');
  assert.equal(step.dueDate, '2025-03-10');
  // Another 科室 sees neither; the requesting 科室 does not get the legal office's step.
  assert.equal((await ok(otherDivision, 'GET', '/api/reviews')).total, 0);
  assert.equal((await call(otherDivision, 'GET', `/api/reviews/${matterId}`)).statusCode, 404);
  assert.ok(
    !(await ok(staff, 'GET', '/api/worklist')).items.some(
      (i: { module: string }) => i.module === 'reviews',
    ),
  );
});

test('assigning reviewers: only the legal office; staff of the office and advisors in term', async () => {
  const { staff, legal, legal2Id, advisor2UserId } = k;
  const expiredId = await registered(k, expiredAdvisor);
  // 陈明 signs in with an account of their own, linked in the registry.
  const advisorAId = await registered(k, advisorA, (await account(k, 'legalAdvisor')).id);
  const advisorBId = await registered(k, advisorB);
  const matterId = (await submitted(k, { type: 'contract', title: CONTRACT })).id;
  await refused(
    staff,
    'POST',
    `/api/reviews/${matterId}/assign`,
    { userIds: [legal2Id] },
    404,
    /不存在/,
  );
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/assign`,
    { advisorIds: [expiredId] },
    409,
    /不在聘任期内/,
  );
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/assign`,
    { userIds: [advisor2UserId] },
    400,
    /只能分派本部门的法制审核人员/,
  );
  await refused(legal, 'POST', `/api/reviews/${matterId}/assign`, {}, 400, /请至少选择一名/);
  const v = await ok(legal, 'POST', `/api/reviews/${matterId}/assign`, {
    userIds: [legal2Id],
    advisorIds: [advisorAId, advisorBId],
  });
  assert.deepEqual(
    v.reviewers.map((r: { name: string; kindLabel: string }) => `${r.kindLabel}:${r.name}`),
    ['法制审核人员:rl2', '法律顾问:陈明', '公职律师:周武'],
  );
  assert.equal(v.matter.statusLabel, '审查中');
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/assign`,
    { advisorIds: [advisorAId] },
    409,
    /均已分派/,
  );
  const steps = (await ok(legal, 'GET', '/api/worklist')).items.filter(
    (i: { caseId: string }) => i.caseId === v.matter.caseId,
  );
  assert.deepEqual(
    steps.map((i: { stepLabel: string }) => i.stepLabel),
    ['合法性审查'],
  );
});

test('advisors see only the matters assigned to them; anything else answers 404', async () => {
  const { legal, advisor2 } = k;
  // The advisor's account is this test's own: what they see is only what it assigns them.
  const m = await assignedContract(k);
  const { advisor } = m;
  const matterId = m.matter.id;
  const decision = await submitted(k, {
    type: 'majorDecision',
    title: DECISION,
    requestedBy: '2025-03-12',
  });
  const mine = await ok(advisor, 'GET', '/api/reviews');
  assert.deepEqual(
    mine.items.map((i: { id: string }) => i.id),
    [matterId],
  );
  const view = await ok(advisor, 'GET', `/api/reviews/${matterId}`);
  assert.equal(view.abilities.opine, true);
  assert.equal(view.abilities.conclude, false);
  assert.equal((await ok(advisor2, 'GET', '/api/reviews')).total, 0);
  assert.equal((await call(advisor2, 'GET', `/api/reviews/${matterId}`)).statusCode, 404);
  assert.equal((await call(advisor, 'GET', `/api/reviews/${decision.id}`)).statusCode, 404);
  await refused(
    advisor2,
    'POST',
    `/api/reviews/${matterId}/opinions`,
    { body: '建议删除第五条' },
    404,
    /不存在/,
  );
  await refused(
    advisor,
    'POST',
    `/api/reviews/${decision.id}/opinions`,
    { body: '建议删除第五条' },
    404,
    /不存在/,
  );
  await refused(
    advisor,
    'POST',
    `/api/reviews/${matterId}/conclude`,
    { conclusion: 'lawful', opinion: '合法' },
    404,
    /不存在/,
  );
  assert.equal((await call(advisor, 'GET', '/api/reviews/reviewers')).statusCode, 403);
  // Nor the department's cases behind the matters: an outside advisor is not a case worker.
  const someCase = (await ok(legal, 'GET', '/api/worklist')).items.find(
    (i: { caseId: string }) => i.caseId !== m.matter.caseId,
  );
  assert.equal((await call(advisor, 'GET', `/api/cases/${someCase.caseId}`)).statusCode, 404);
  // Their 我的待办 holds the steps of the matters assigned to them, and nothing else of the department.
  const assignedWork = await ok(advisor, 'GET', '/api/worklist');
  assert.ok(assignedWork.items.length >= 1);
  assert.ok(assignedWork.items.every((i: { caseTitle: string }) => i.caseTitle === CONTRACT));
});
