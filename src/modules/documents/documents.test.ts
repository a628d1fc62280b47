import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, orgIdByName, signIn } from '../../server/testing.ts';
import {
  decideAtHeldMeeting,
  DOCUMENT_DRAFT,
  documentAccounts,
} from '../../server/testDocuments.ts';
import { testApi } from '../../server/testApi.ts';
import { submitComment } from '../consultation/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Session = Awaited<ReturnType<typeof signIn>>;
let staff: Session, legal: Session, leader: Session;
const { ok, refused, day } = testApi(
  () => t,
  ['audit_events', 'case_events', 'normative_documents'],
);

before(async () => {
  t = await createTestApp(); // 2025-03-03, a Monday
  ({ staff, legal, leader } = await documentAccounts(t));
});
after(() => t.close());

const draft = DOCUMENT_DRAFT;

let docId = '';

test('drafting: the issuer is the bureau, never a 内设机构 (RULES §2.2)', async () => {
  const division = await orgIdByName(t.ctx, '高新技术科');
  await refused(
    staff,
    'POST',
    '/api/documents',
    { ...draft, issuerId: division },
    400,
    /严禁以部门内设机构名义制发/,
  );
  const view = await ok(staff, 'POST', '/api/documents', draft);
  docId = view.document.id;
  assert.equal(view.document.issuerName, '示范市科学技术局');
  assert.equal(view.document.draftingOrgName, '高新技术科');
  assert.equal(view.document.legalStatusLabel, '未发布');
  assert.ok(view.abilities.edit && view.abilities.openComment);
});

test('comment window: below 7 working days is refused; comments only inside the window; hostile text is stored as text', async () => {
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comment/open`,
    { startOn: '2025-03-03', endOn: '2025-03-11' },
    409,
    /不少于7个工作日/,
  );
  const view = await ok(staff, 'POST', `/api/documents/${docId}/comment/open`, {
    startOn: '2025-03-03',
    endOn: '2025-03-12',
  });
  const cid = view.consultation.id;
  assert.deepEqual(view.consultation.articles, [1, 2, 3]);
  await submitComment(t.ctx, cid, {
    body: '<script>alert(1)</script>建议第二条明确创新券面额',
    articleNo: 2,
    authorName: '某企业',
    contact: '13800000000',
  });
  await submitComment(t.ctx, cid, { body: '建议延长有效期' });
  await assert.rejects(submitComment(t.ctx, cid, { body: 'x'.repeat(5001) }), /不能超过5000字/);
  await assert.rejects(submitComment(t.ctx, cid, { body: '第九条', articleNo: 9 }), /没有该条/);
  await refused(staff, 'POST', `/api/documents/${docId}/comment/close`, {}, 409, /届满前不能结束/);
  await day('2025-03-13');
  await assert.rejects(submitComment(t.ctx, cid, { body: '迟到的意见' }), /已于2025-03-12届满/);
  const closed = await ok(staff, 'POST', `/api/documents/${docId}/comment/close`, {});
  assert.equal(closed.consultation.comments.length, 2);
  assert.equal(
    closed.consultation.comments[0].body,
    '<script>alert(1)</script>建议第二条明确创新券面额',
  );
});

test('dispositions: a reason is required unless adopted; the feedback needs every comment handled', async () => {
  const view = await ok(staff, 'GET', `/api/documents/${docId}`);
  const [c1, c2] = view.consultation.comments;
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comment/feedback`,
    {},
    409,
    /还有2条意见未处理/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/comments/${c1.id}/disposition`,
    { disposition: 'notAdopted' },
    400,
    /应当说明理由/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/comments/${c1.id}/disposition`, {
    disposition: 'partlyAdopted',
    reason: '面额由年度通知确定',
  });
  await ok(staff, 'POST', `/api/documents/${docId}/comments/${c2.id}/disposition`, {
    disposition: 'adopted',
  });
  const done = await ok(staff, 'POST', `/api/documents/${docId}/comment/feedback`, {});
  assert.match(
    done.consultation.report.summary,
    /共收到意见建议2条，其中采纳1条，部分采纳1条，不采纳0条/,
  );
  assert.equal(done.consultation.reportPublishedOn, '2025-03-13');
});

test('reviews and deliberation: refused before review and after 不合法, with the reason', async () => {
  const meeting = {
    meeting: 'directorsOffice',
    meetingName: '2025年第3次局长办公会',
    meetingOn: '2025-03-20',
    attendees: '张建国、李静',
    minutes: '会议同意印发。',
    decision: 'adopted',
  };
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-13', data: meeting },
    409,
    /未经合法性审核，不得提交集体审议/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-13',
    data: { materials: '送审稿' },
  });
  const queue = await ok(legal, 'GET', '/api/reviews?type=normativeDocument');
  const item = queue.items.find((i: { title: string }) => i.title === draft.title);
  assert.equal(item.dueOn, '2025-04-03', '15 working days');
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/act`,
    {
      action: 'concludeLegalReview',
      on: '2025-03-13',
      data: { conclusion: 'lawful', opinion: '合法' },
    },
    409,
    /法制审核人员/,
  );
  await day('2025-03-20');
  await ok(legal, 'POST', `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-20',
    data: { conclusion: 'unlawful', opinion: '第二条增设了许可条件' },
  });
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-20', data: meeting },
    409,
    /经合法性审核不合法，不得提交集体审议/,
  );
  await refused(
    staff,
    'POST',
    `/api/documents/${docId}/publish`,
    { interpretation: '本办法解读'.repeat(5) },
    409,
    /未统一登记编号/,
  );
  await ok(staff, 'POST', `/api/documents/${docId}/act`, {
    action: 'submitLegalReview',
    on: '2025-03-20',
    data: {},
  });
  await day('2025-03-27');
  await ok(legal, 'POST', `/api/documents/${docId}/act`, {
    action: 'concludeLegalReview',
    on: '2025-03-27',
    data: { conclusion: 'lawfulAfterRevision', opinion: '删除第二条许可条件后合法' },
  });
  // Gates passed, the meeting is still required: no typed meeting name.
  await refused(
    leader,
    'POST',
    `/api/documents/${docId}/act`,
    { action: 'collectiveDecision', on: '2025-03-27', data: meeting },
    400,
    /会议：请选择审议该文件的会议/,
  );
  const { meetingId, view } = await decideAtHeldMeeting(
    (url, body) => ok(leader, 'POST', url, body),
    docId,
    '2025-03-27',
  );
  const ev = view.procedure.events.find((e: { type: string }) => e.type === 'collectiveDecision');
  assert.match(
    ev.data.meetingName,
    /^2025年第\d+次局长办公会$/,
    'the name comes from the meeting record',
  );
  assert.equal(ev.data.meetingId, meetingId);
  const agenda = (await ok(leader, 'GET', `/api/meetings/${meetingId}`)).agenda;
  assert.deepEqual(
    agenda.map((i: { subjectId: string; outcome: string }) => [i.subjectId, i.outcome]),
    [[docId, '审议通过']],
    'the meeting learns its result',
  );
  assert.equal(ev.data.minutes, '会议审议该文件，同意按程序印发。');
});
