import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, createTestApp, signIn } from '../../server/testing.ts';
import { testApi } from '../../server/testApi.ts';
import { queryRows } from '../../core/db/client.ts';
import { multipartBody } from '../disclosure/publications/testkit.ts';
import { reviewFacts } from './facts.ts';
import { createOrg } from '../../core/orgs/service.ts';
import type { Actor } from '../../core/auth/actor.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session,
  otherDivision: Session,
  legal: Session,
  legal2: Session,
  advisor: Session,
  advisor2: Session,
  leader: Session;
let legal2Id = '',
  advisorUserId = '',
  advisor2UserId = '',
  departmentId = '';
let baseline: Awaited<ReturnType<typeof reviewFacts>> = [];
const TABLES = [
  'audit_events',
  'case_events',
  'review_matters',
  'review_assignments',
  'legal_opinions',
  'legal_advisors',
  'review_materials',
];
const { counts, call, ok, refused, day } = testApi(() => t, TABLES);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  await addUser(t.ctx, { username: 'rs', password: 'Staff-pass-2025', roles: ['staff'] });
  await addUser(t.ctx, {
    username: 'rs2',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '成果转化与区域创新科',
  });
  await addUser(t.ctx, {
    username: 'rl',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  legal2Id = await addUser(t.ctx, {
    username: 'rl2',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '政策法规科',
  });
  advisorUserId = await addUser(t.ctx, {
    username: 'ra',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  advisor2UserId = await addUser(t.ctx, {
    username: 'ra2',
    password: 'Advisor-pass-2025',
    roles: ['legalAdvisor'],
    orgName: '政策法规科',
  });
  await addUser(t.ctx, {
    username: 'rlead',
    password: 'Leader-pass-2025',
    roles: ['leader'],
    orgName: '示范市科学技术局',
  });
  staff = await signIn(t.app, 'rs', 'Staff-pass-2025');
  otherDivision = await signIn(t.app, 'rs2', 'Staff-pass-2025');
  legal = await signIn(t.app, 'rl', 'Legal-pass-2025');
  legal2 = await signIn(t.app, 'rl2', 'Legal-pass-2025');
  advisor = await signIn(t.app, 'ra', 'Advisor-pass-2025');
  advisor2 = await signIn(t.app, 'ra2', 'Advisor-pass-2025');
  leader = await signIn(t.app, 'rlead', 'Leader-pass-2025');
  [{ id: departmentId }] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市科学技术局'`,
  );
  baseline = await reviewFacts(t.ctx, departmentId, 2025); // the demo department has matters of its own
});
after(() => t.close());

const advisorA = {
  kind: 'external',
  name: '陈明',
  affiliation: '安徽示范律师事务所',
  licenceNumber: '13416201510999001',
  termStart: '2025-01-01',
  termEnd: '2025-12-31',
};
const advisorB = {
  kind: 'governmentLawyer',
  name: '周武',
  affiliation: '示范市司法局 公职律师',
  licenceNumber: '23416201910999002',
  termStart: '2024-01-01',
  termEnd: '2026-12-31',
};
let advisorAId = '',
  advisorBId = '',
  expiredId = '',
  matterId = '';

test('advisor registry: the legal office keeps it; bad terms, duplicate licences and wrong accounts are refused', async () => {
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
  advisorAId = (
    await ok(legal, 'POST', '/api/legal-advisors', { ...advisorA, userId: advisorUserId })
  ).id;
  advisorBId = (await ok(legal, 'POST', '/api/legal-advisors', advisorB)).id;
  expiredId = (
    await ok(legal, 'POST', '/api/legal-advisors', {
      ...advisorB,
      name: '吴过期',
      licenceNumber: '33416201910000001',
      termEnd: '2024-12-31',
    })
  ).id;
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
  const decision = {
    type: 'majorDecision',
    title: '示范市科技创新发展“十五五”规划',
    requestedBy: '2025-03-11',
  };
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
    title: '与示范大学共建新型研发机构合作协议',
    summary: '请审查协议条款',
    fileIds: [file.id],
  });
  matterId = contract.matter.id;
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
  const decision = (await ok(legal, 'GET', '/api/reviews', undefined)).items.find(
    (i: { type: string }) => i.type === 'majorDecision',
  );
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
  const someCase = (await ok(legal, 'GET', '/api/worklist')).items[0];
  assert.equal((await call(advisor, 'GET', `/api/cases/${someCase.caseId}`)).statusCode, 404);
  // Their 我的待办 holds the steps of the matters assigned to them, and nothing else of the department.
  const assignedWork = await ok(advisor, 'GET', '/api/worklist');
  assert.ok(assignedWork.items.length >= 1);
  assert.ok(
    assignedWork.items.every(
      (i: { caseTitle: string }) => i.caseTitle === '与示范大学共建新型研发机构合作协议',
    ),
  );
});

test('numbered opinions: by assigned reviewers, or entered by the legal office for an advisor without an account', async () => {
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/opinions`,
    { body: '第三条违约责任不对等' },
    409,
    /您未被分派审查该事项/,
  );
  const view = await ok(legal, 'GET', `/api/reviews/${matterId}`);
  const byName = (n: string) =>
    view.reviewers.find((r: { name: string }) => r.name === n).assignmentId;
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/opinions`,
    { body: '代录', assignmentId: byName('陈明') },
    409,
    /只能以本人名义提出意见/,
  );
  await refused(
    advisor,
    'POST',
    `/api/reviews/${matterId}/opinions`,
    { body: '' },
    400,
    /意见内容/,
  );
  assert.equal(
    (
      await ok(advisor, 'POST', `/api/reviews/${matterId}/opinions`, {
        body: '第三条违约责任不对等，建议明确双方责任',
      })
    ).opinions[0].seq,
    1,
  );
  await ok(legal2, 'POST', `/api/reviews/${matterId}/opinions`, {
    body: '第五条知识产权归属应当依照科学技术进步法明确',
  });
  const third = await ok(legal, 'POST', `/api/reviews/${matterId}/opinions`, {
    body: '第八条争议解决方式建议约定仲裁',
    assignmentId: byName('周武'),
  });
  assert.deepEqual(
    third.opinions.map(
      (o: { seq: number; reviewerName: string }) => `第${o.seq}条 ${o.reviewerName}`,
    ),
    ['第1条 陈明', '第2条 rl2', '第3条 周武'],
  );
  assert.match(third.timeline.at(-1).detail, /由rl录入/);
});

test('adoption: the requesting side marks each opinion once, with a reason unless adopted', async () => {
  const view = await ok(staff, 'GET', `/api/reviews/${matterId}`);
  const [o1, o2] = view.opinions;
  await refused(
    staff,
    'POST',
    `/api/reviews/${matterId}/opinions/${o2.id}/adoption`,
    { adoption: 'notAdopted' },
    400,
    /未采纳的，应当说明理由/,
  );
  await refused(
    otherDivision,
    'POST',
    `/api/reviews/${matterId}/opinions/${o1.id}/adoption`,
    { adoption: 'adopted' },
    404,
    /不存在/,
  );
  await refused(
    advisor,
    'POST',
    `/api/reviews/${matterId}/opinions/${o1.id}/adoption`,
    { adoption: 'adopted' },
    404,
    /不存在/,
  );
  await ok(staff, 'POST', `/api/reviews/${matterId}/opinions/${o1.id}/adoption`, {
    adoption: 'adopted',
  });
  const after = await ok(staff, 'POST', `/api/reviews/${matterId}/opinions/${o2.id}/adoption`, {
    adoption: 'partlyAdopted',
    reason: '知识产权归属按合作各方投入约定',
  });
  assert.deepEqual(
    after.opinions.map((o: { adoptionLabel: string | null }) => o.adoptionLabel),
    ['采纳', '部分采纳', null],
  );
  await refused(
    staff,
    'POST',
    `/api/reviews/${matterId}/opinions/${o1.id}/adoption`,
    { adoption: 'notAdopted', reason: '改主意' },
    409,
    /第1条意见已反馈采纳情况（采纳），不能重复反馈/,
  );
});

test('concluding: by the legal office, once; then no more opinions', async () => {
  await refused(
    staff,
    'POST',
    `/api/reviews/${matterId}/conclude`,
    { conclusion: 'lawful', opinion: '合法' },
    404,
    /不存在/,
  );
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/conclude`,
    { conclusion: 'maybe', opinion: '合法' },
    400,
    /审查结论/,
  );
  await day('2025-03-07');
  const v = await ok(legal, 'POST', `/api/reviews/${matterId}/conclude`, {
    conclusion: 'lawfulAfterRevision',
    opinion: '按第1至3条意见修改后合法',
  });
  assert.equal(v.matter.conclusionLabel, '修改后合法');
  assert.equal(v.matter.statusLabel, '已出具审查意见');
  await refused(
    legal,
    'POST',
    `/api/reviews/${matterId}/conclude`,
    { conclusion: 'lawful', opinion: '再次审查' },
    409,
    /不能重复办理/,
  );
  await refused(
    advisor,
    'POST',
    `/api/reviews/${matterId}/opinions`,
    { body: '补充意见' },
    409,
    /已出具合法性审查意见，不能再提出法审意见/,
  );
  assert.ok(
    !(await ok(legal, 'GET', '/api/worklist')).items.some(
      (i: { caseId: string }) => i.caseId === v.matter.caseId,
    ),
    'the step is done',
  );
  const [o3] = v.opinions.slice(2);
  await ok(staff, 'POST', `/api/reviews/${matterId}/opinions/${o3.id}/adoption`, {
    adoption: 'notAdopted',
    reason: '已约定诉讼管辖',
  });
  const filtered = await ok(
    legal,
    'GET',
    '/api/reviews?status=concluded&type=contract&assignee=a:' + advisorAId,
  );
  assert.deepEqual(
    filtered.items.map((i: { id: string }) => i.id),
    [matterId],
  );
  const unassigned = (await ok(legal, 'GET', '/api/reviews?assignee=none')).items.map(
    (i: { title: string }) => i.title,
  );
  assert.ok(
    unassigned.includes('示范市科技创新发展“十五五”规划') &&
      !unassigned.includes('与示范大学共建新型研发机构合作协议'),
  );
  assert.deepEqual(
    (await ok(legal2, 'GET', '/api/reviews?assignee=me')).items.map((i: { id: string }) => i.id),
    [matterId],
  );
});

test('a normative document: submitting it opens a matter; the conclusion reaches the document and its gates', async () => {
  const doc = await ok(staff, 'POST', '/api/documents', {
    title: '示范市科技企业孵化器认定管理办法',
    docType: 'measures',
    trial: 'none',
    concernsMarket: false,
    touchesPublicInterest: true,
    bodyText: '第一条 为规范孵化器认定，制定本办法。',
  });
  const id = doc.document.id;
  await ok(leader, 'POST', `/api/documents/${id}/act`, {
    action: 'exemptComment',
    on: '2025-03-07',
    data: { reason: '涉及国家秘密，依法需要保密' },
  });
  await refused(
    staff,
    'POST',
    `/api/cases/${doc.document.caseId}/actions`,
    { action: 'submitLegalReview', on: '2025-03-07', data: {} },
    409,
    /所属业务页面/,
  );
  await ok(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-07',
    data: { materials: '送审稿及起草说明' },
  });
  const item = (await ok(legal, 'GET', '/api/reviews?type=normativeDocument')).items.find(
    (i: { title: string }) => i.title === '示范市科技企业孵化器认定管理办法',
  );
  assert.equal(item.dueOn, '2025-03-28', '15 working days (国办发〔2018〕115号)');
  await refused(
    legal,
    'POST',
    `/api/cases/${doc.document.caseId}/actions`,
    {
      action: 'concludeLegalReview',
      on: '2025-03-07',
      data: { conclusion: 'lawful', opinion: '合法' },
    },
    409,
    /所属业务页面/,
  );
  const concluded = await ok(legal, 'POST', `/api/reviews/${item.id}/conclude`, {
    conclusion: 'unlawful',
    opinion: '第三条增设行政许可，不合法',
  });
  assert.equal(concluded.matter.subject.title, '示范市科技企业孵化器认定管理办法');
  const view = await ok(staff, 'GET', `/api/documents/${id}`);
  const ev = view.procedure.events.find((e: { type: string }) => e.type === 'concludeLegalReview');
  assert.deepEqual(ev.data, {
    conclusion: 'unlawful',
    opinion: '第三条增设行政许可，不合法',
    matterId: item.id,
  });
  await refused(
    leader,
    'POST',
    `/api/documents/${id}/act`,
    {
      action: 'collectiveDecision',
      on: '2025-03-07',
      data: { meeting: 'partyGroup', decision: 'adopted' },
    },
    409,
    /经合法性审核不合法，不得提交集体审议/,
  );
  // Resubmitted after revision: a new matter, concluded this time from the document page (the same use case).
  await ok(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-07',
    data: {},
  });
  await refused(
    staff,
    'POST',
    `/api/documents/${id}/act`,
    {
      action: 'concludeLegalReview',
      on: '2025-03-07',
      data: { conclusion: 'lawful', opinion: '合法' },
    },
    409,
    /须由法制审核人员办理/,
  );
  await ok(legal, 'POST', `/api/documents/${id}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-07',
    data: { conclusion: 'lawfulAfterRevision', opinion: '删除第三条后合法' },
  });
  const second = (
    await ok(legal, 'GET', '/api/reviews?type=normativeDocument&status=concluded')
  ).items.find((i: { id: string; title: string }) => i.id !== item.id && i.title === item.title);
  assert.equal(second.conclusionLabel, '修改后合法');
  // Withdrawing the document withdraws its open matter.
  await ok(staff, 'POST', `/api/documents/${id}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-07',
    data: {},
  });
  await ok(leader, 'POST', `/api/documents/${id}/act`, {
    action: 'withdraw',
    on: '2025-03-07',
    data: { reason: '上位法修改，终止制定' },
  });
  const matters = (await ok(legal, 'GET', '/api/reviews?type=normativeDocument')).items
    .filter((i: { title: string }) => i.title === item.title)
    .map((i: { statusLabel: string }) => i.statusLabel)
    .sort();
  assert.deepEqual(matters, ['已出具审查意见', '已出具审查意见', '已撤回']);
});

test('facts: matters reviewed by type, opinions given and adopted, advisors engaged — with their records', async () => {
  const facts = await reviewFacts(t.ctx, departmentId, 2025);
  const f = (k: string) => facts.find((x) => x.key === k)!;
  const was = (k: string) => baseline.find((x) => x.key === k)!.value;
  assert.equal(
    f('reviews.matters').value - was('reviews.matters'),
    3,
    'the contract and two document matters',
  );
  assert.equal(
    f('reviews.matters.normativeDocument').value - was('reviews.matters.normativeDocument'),
    2,
  );
  assert.equal(f('reviews.matters.contract').value - was('reviews.matters.contract'), 1);
  const parts = facts
    .filter((x) => x.key.startsWith('reviews.matters.') && x.value)
    .map((x) => `${x.label.replace('合法性审查：', '')}${x.value}件`);
  assert.ok(
    f('reviews.matters').sentence.includes(
      `完成合法性审查事项${f('reviews.matters').value}件，其中${parts.join('、')}。`,
    ),
    f('reviews.matters').sentence,
  );
  assert.equal(f('reviews.opinions').value - was('reviews.opinions'), 3);
  assert.match(f('reviews.opinions').sentence, /对\d+个事项提出法审意见\d+条/);
  assert.equal(
    f('reviews.opinionsAdopted').value - was('reviews.opinionsAdopted'),
    2,
    'one adopted, one partly',
  );
  assert.match(f('reviews.opinionsAdopted').sentence, /采纳率（含部分采纳）\d+(\.\d)?%/);
  assert.equal(
    f('reviews.advisors').value - was('reviews.advisors'),
    2,
    'the advisor whose term ended in 2024 is not counted',
  );
  // Each fact's records path lists exactly the records behind it.
  const query = (k: string) =>
    new URLSearchParams(Object.entries(f(k).records.query).map(([q, v]) => [q, String(v)]));
  assert.equal(
    (
      await ok(
        legal,
        'GET',
        `${f('reviews.matters.contract').records.path}?${query('reviews.matters.contract')}`,
      )
    ).total,
    f('reviews.matters.contract').value,
  );
  assert.equal(
    (
      await ok(
        legal,
        'GET',
        `${f('reviews.opinionsAdopted').records.path}?${query('reviews.opinionsAdopted')}`,
      )
    ).items.length,
    f('reviews.opinionsAdopted').value,
  );
  assert.equal(
    (await ok(legal, 'GET', `${f('reviews.advisors').records.path}?${query('reviews.advisors')}`))
      .items.length,
    f('reviews.advisors').value,
  );
});

test('time limits are a setting; the 7-working-day floor for decisions cannot be lowered', async () => {
  const current = await ok(legal, 'GET', '/api/reviews/settings');
  assert.deepEqual(current.normativeDocument, {
    minWorkdays: 5,
    maxWorkdays: 15,
    defaultWorkdays: 15,
  });
  await refused(
    legal,
    'PUT',
    '/api/reviews/settings',
    { ...current, majorDecision: { minWorkdays: 5, maxWorkdays: 0, defaultWorkdays: 10 } },
    400,
    /不得少于7个工作日/,
  );
  await refused(staff, 'PUT', '/api/reviews/settings', current, 403, /无权/);
  await ok(legal, 'PUT', '/api/reviews/settings', {
    ...current,
    contract: { minWorkdays: 3, maxWorkdays: 0, defaultWorkdays: 8 },
  });
  await refused(
    staff,
    'POST',
    '/api/reviews',
    { type: 'contract', title: '设备采购合同', requestedBy: '2025-03-10' },
    400,
    /合同协议的合法性审查应当为审查机构预留不少于3个工作日/,
  );
  const m = await ok(staff, 'POST', '/api/reviews', { type: 'contract', title: '设备采购合同' });
  assert.equal(m.matter.dueOn, '2025-03-19');
  await ok(staff, 'POST', `/api/reviews/${m.matter.id}/withdraw`, { reason: '采购计划取消' });
  await refused(
    staff,
    'POST',
    `/api/reviews/${m.matter.id}/withdraw`,
    { reason: '再次撤回' },
    409,
    /已撤回/,
  );
  await ok(legal, 'PUT', '/api/reviews/settings', current);
});

test('time limits are per department: 示范市教育局’s legal office changes its own, never 示范市科学技术局’s', async () => {
  const [gov] = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`select id from organisations where name = '示范市人民政府'`,
  );
  const education = await createOrg(t.ctx, { userId: null, orgId: null } as unknown as Actor, {
    name: '示范市教育局',
    kind: 'department',
    parentId: gov.id,
  });
  await addUser(t.ctx, {
    username: 'rl-edu',
    password: 'Legal-pass-2025',
    roles: ['legalOfficer'],
    orgName: '示范市教育局',
  });
  await addUser(t.ctx, {
    username: 'rs-edu',
    password: 'Staff-pass-2025',
    roles: ['staff'],
    orgName: '示范市教育局',
  });
  const eduLegal = await signIn(t.app, 'rl-edu', 'Legal-pass-2025');
  const eduStaff = await signIn(t.app, 'rs-edu', 'Staff-pass-2025');
  const ours = await ok(legal, 'GET', '/api/reviews/settings');
  const theirs = await ok(eduLegal, 'GET', '/api/reviews/settings');
  assert.deepEqual(
    theirs.contract,
    { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 5 },
    'the defaults where a department has set nothing',
  );
  await ok(eduLegal, 'PUT', '/api/reviews/settings', {
    ...theirs,
    contract: { minWorkdays: 0, maxWorkdays: 0, defaultWorkdays: 12 },
  });
  assert.equal((await ok(eduLegal, 'GET', '/api/reviews/settings')).contract.defaultWorkdays, 12);
  assert.equal((await ok(eduStaff, 'GET', '/api/reviews/settings')).contract.defaultWorkdays, 12);
  assert.deepEqual(
    await ok(legal, 'GET', '/api/reviews/settings'),
    ours,
    'another department’s change leaves ours',
  );
  assert.deepEqual(await ok(staff, 'GET', '/api/reviews/settings'), ours);
  // Due dates follow each department's own limits: 5 WD here, 12 WD there (from Friday 2025-03-07).
  const here = await ok(staff, 'POST', '/api/reviews', {
    type: 'contract',
    title: '本局设备采购合同',
  });
  assert.equal(here.matter.dueOn, '2025-03-14');
  const there = await ok(eduStaff, 'POST', '/api/reviews', {
    type: 'contract',
    title: '教育局设备采购合同',
  });
  assert.equal(there.matter.dueOn, '2025-03-25');
  const [audit] = await queryRows<{ org_id: string; entity_id: string }>(
    t.ctx.db,
    sql`select org_id, entity_id from audit_events where action = 'settings.reviews' order by seq desc limit 1`,
  );
  assert.equal(audit.entity_id, `reviews@${education.id}`);
});
