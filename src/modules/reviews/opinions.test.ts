/**
 * 合法性审查 of a matter under review: numbered 法审意见 by the assigned reviewers, the requesting
 * side's adoption marks, the conclusion, and a normative document whose gates follow its matters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  adoption,
  assignedContract,
  CONTRACT,
  DECISION,
  movedTo,
  normativeDocument,
  opinionsGiven,
  opinionsMarked,
  reviewsKit,
  submitted,
} from './testkit.ts';

const k = reviewsKit();
const { ok, refused } = k;

test('numbered opinions: by assigned reviewers, or entered by the legal office for an advisor without an account', async () => {
  const { legal } = k;
  const m = await assignedContract(k);
  const { advisor } = m;
  const matterId = m.matter.id;
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
  await ok(m.reviewer.session, 'POST', `/api/reviews/${matterId}/opinions`, {
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
    ['第1条 陈明', `第2条 ${m.reviewer.name}`, '第3条 周武'],
  );
  assert.match(third.timeline.at(-1).detail, /由rl录入/);
});

test('adoption: the requesting side marks each opinion once, with a reason unless adopted', async () => {
  const { staff, otherDivision } = k;
  const m = await assignedContract(k);
  const { advisor } = m;
  const matterId = m.matter.id;
  await opinionsGiven(k, m);
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

test('concluding: by the legal office, once; then no more opinions', async (c) => {
  const { staff, legal } = k;
  await submitted(k, { type: 'majorDecision', title: DECISION, requestedBy: '2025-03-12' });
  const m = await assignedContract(k);
  const { advisor, advisorAId } = m;
  const matterId = m.matter.id;
  await opinionsMarked(k, m);
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
  await movedTo(k, c, '2025-03-07');
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
  await adoption(k, m, o3, { adoption: 'notAdopted', reason: '已约定诉讼管辖' });
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
  assert.ok(unassigned.includes(DECISION) && !unassigned.includes(CONTRACT));
  assert.deepEqual(
    (await ok(m.reviewer.session, 'GET', '/api/reviews?assignee=me')).items.map(
      (i: { id: string }) => i.id,
    ),
    [matterId],
  );
});

test('a normative document: submitting it opens a matter; the conclusion reaches the document and its gates', async (c) => {
  const { staff, legal, leader } = k;
  await movedTo(k, c, '2025-03-07');
  const doc = await normativeDocument(k);
  const id = doc.id;
  await refused(
    staff,
    'POST',
    `/api/cases/${doc.caseId}/actions`,
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
    `/api/cases/${doc.caseId}/actions`,
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
